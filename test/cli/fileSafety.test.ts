/**
 * Files the commands write, on a real temporary folder: read-only inputs refused, symbolic
 * links written through, hard links kept, missing or read-only folders refused with nothing
 * left behind, temporary files named visibly and cleaned after a killed run, and no failure
 * ever ends as a stack trace or exit 70.
 *
 * The tests run as root, where chmod does not stop a write: src/cli/files.ts then reads the
 * owner's write bit as the user's intent, which is what these tests exercise. A non-root
 * user goes through access(), checked at the end with a child process running as "nobody".
 */
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run, type Io } from '../../src/cli/main';
import { tempName } from '../../src/cli/files';
import { ExcelJsWorkbook } from '../support/exceljs/excelJsWorkbook';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsxWorkbook';
import { withChangedEntries } from '../consolidate/corpus';

function capture(): Io & { stdout: string[]; stderr: string[]; text(): string } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (s) => stdout.push(s), err: (s) => stderr.push(s), text: () => [...stdout, ...stderr].join('\n') };
}

let dir: string;
let sample: Buffer;
beforeAll(async () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-files-'));
  const file = path.join(d, 'mau.xlsx');
  const code = await run(['init', '-o', file, '--preset', 'tt24-co-so-md1', '--unit', 'Trường THCS Nguyễn Du', '--type', 'thcs', '--year', '2025', '--sample', '--members', '12'], capture());
  expect(code).toBe(0);
  sample = fs.readFileSync(file);
  fs.rmSync(d, { recursive: true, force: true });
});
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-files-'));
});
afterEach(() => {
  jest.restoreAllMocks();
  fs.chmodSync(dir, 0o700);
  fs.rmSync(dir, { recursive: true, force: true });
});

function unit(name = 'truong.xlsx'): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, sample);
  return file;
}

/** Every writing command, pointed at `file` as the file it would overwrite. */
const WRITERS: Record<string, (file: string) => string[]> = {
  evaluate: (f) => ['evaluate', f],
  'evaluate -o': (f) => ['evaluate', unitCopy(), '-o', f],
  documents: (f) => ['documents', f],
  import: (f) => ['import', f, '--sheet', 'Thành viên', '--into', f],
  consolidate: (f) => ['consolidate', unitCopy(), '-o', f],
};
function unitCopy(): string {
  const file = path.join(dir, 'nguon', 'don-vi.xlsx');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (!fs.existsSync(file)) fs.writeFileSync(file, sample);
  return file;
}

const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at |Error:|node:internal/);

describe('read-only files', () => {
  for (const [name, argv] of Object.entries(WRITERS)) {
    it(`${name}: a read-only file is refused, unchanged, exit 1, with what to do`, async () => {
      const file = unit();
      fs.chmodSync(file, 0o444);
      const io = capture();
      expect(await run(argv(file), io)).toBe(1);
      expect(io.text()).toContain(`Tệp “${file}” là tệp chỉ đọc`);
      expect(io.text()).toContain('chmod u+w');
      noStack(io.text());
      expect(fs.readFileSync(file).equals(sample)).toBe(true);
      expect(fs.statSync(file).mode & 0o777).toBe(0o444);
      expect(fs.readdirSync(dir).filter((n) => n !== 'nguon')).toEqual(['truong.xlsx']);
    });
  }

  it('says it in English with --lang en', async () => {
    const file = unit();
    fs.chmodSync(file, 0o400);
    const io = capture();
    expect(await run(['evaluate', file, '--lang', 'en'], io)).toBe(1);
    expect(io.text()).toContain(`The file “${file}” is read-only`);
  });

  it('a writable file keeps its mode after the rewrite', async () => {
    const file = unit();
    fs.chmodSync(file, 0o640);
    expect(await run(['evaluate', file], capture())).toBe(0);
    expect(fs.statSync(file).mode & 0o777).toBe(0o640);
    expect(fs.readFileSync(file).equals(sample)).toBe(false);
  });
});

describe('links', () => {
  it('a symbolic link is written through: the link stays, its target gets the result', async () => {
    const real = unit('that.xlsx');
    const link = path.join(dir, 'loi-tat.xlsx');
    fs.symlinkSync('that.xlsx', link);
    expect(await run(['evaluate', link], capture())).toBe(0);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readlinkSync(link)).toBe('that.xlsx');
    expect(fs.readFileSync(real).equals(sample)).toBe(false);
    const wb = await ExcelJsWorkbook.fromBuffer(fs.readFileSync(real), 'x');
    expect(wb.workbook.getWorksheet('Tổng hợp')).toBeDefined();
    expect(fs.readdirSync(dir).sort()).toEqual(['loi-tat.xlsx', 'that.xlsx']);
  });

  it('a symbolic link to a read-only file is refused like the file', async () => {
    const real = unit('that.xlsx');
    fs.chmodSync(real, 0o444);
    const link = path.join(dir, 'loi-tat.xlsx');
    fs.symlinkSync(real, link);
    const io = capture();
    expect(await run(['documents', link], io)).toBe(1);
    expect(io.text()).toContain('chỉ đọc');
    expect(fs.readFileSync(real).equals(sample)).toBe(true);
  });

  it('a broken symbolic link as output is refused clearly, nothing written', async () => {
    const link = path.join(dir, 'hong.xlsx');
    fs.symlinkSync(path.join(dir, 'khong-co', 'x.xlsx'), link);
    const io = capture();
    expect(await run(['init', '-o', link, '--preset', 'tt24-co-so-md1', '--unit', 'A', '--type', 'thcs'], io)).toBe(1);
    expect(io.text()).toContain('liên kết tượng trưng');
    expect(fs.readdirSync(dir)).toEqual(['hong.xlsx']);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
  });

  it('a hard link is kept: both names still share one file, which holds the result', async () => {
    const file = unit();
    const other = path.join(dir, 'ban-khac.xlsx');
    fs.linkSync(file, other);
    const ino = fs.statSync(file).ino;
    expect(await run(['evaluate', file], capture())).toBe(0);
    expect(fs.statSync(file).ino).toBe(ino);
    expect(fs.statSync(other).ino).toBe(ino);
    expect(fs.statSync(file).nlink).toBe(2);
    const after = fs.readFileSync(other);
    expect(after.equals(sample)).toBe(false);
    const wb = await ExcelJsWorkbook.fromBuffer(after, 'x');
    expect(wb.workbook.getWorksheet('Tổng hợp')).toBeDefined();
    expect(fs.readdirSync(dir).sort()).toEqual(['ban-khac.xlsx', 'truong.xlsx']);
  });

  it('a hard link whose write fails gets its old bytes back', async () => {
    const file = unit();
    fs.linkSync(file, path.join(dir, 'ban-khac.xlsx'));
    const real = fs.promises.open;
    // The first write into the file fails as on a full disk; the restore goes through.
    let calls = 0;
    jest.spyOn(fs.promises, 'open').mockImplementation(async (...args: Parameters<typeof real>) => {
      const h = await real(...args);
      if (args[1] === 'r+' && calls++ === 0) {
        const write = h.write.bind(h) as (...a: unknown[]) => Promise<unknown>;
        (h as unknown as { write: unknown }).write = async (...a: unknown[]) => {
          await write(...a.slice(0, 1).map((b) => (b as Uint8Array).subarray(0, 1000)), 0, 1000, 0);
          throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        };
      }
      return h;
    });
    const io = capture();
    expect(await run(['evaluate', file], io)).toBe(1);
    expect(io.text()).toContain(`Không ghi được tệp “${file}”: ổ đĩa đã đầy`);
    expect(fs.readFileSync(file).equals(sample)).toBe(true);
  });
});

describe('output folders', () => {
  it('a missing folder: Vietnamese message, exit 1, nothing created, for every writer', async () => {
    const missing = path.join(dir, 'khong-co', 'ra.xlsx');
    const cases = [
      ['init', '-o', missing, '--preset', 'tt24-co-so-md1', '--unit', 'A', '--type', 'thcs'],
      ['evaluate', unit(), '-o', missing],
      ['documents', unit(), '-o', missing],
      ['consolidate', unitCopy(), '-o', missing],
    ];
    for (const argv of cases) {
      const io = capture();
      expect({ argv, code: await run(argv, io) }).toEqual({ argv, code: 1 });
      expect(io.text()).toContain(`Không có thư mục “${path.join(dir, 'khong-co')}”`);
      noStack(io.text());
    }
    expect(fs.existsSync(path.join(dir, 'khong-co'))).toBe(false);
    const en = capture();
    expect(await run(['evaluate', unit(), '-o', missing, '--lang', 'en'], en)).toBe(1);
    expect(en.text()).toContain('does not exist');
  });

  it('a read-only folder: message, exit 1, no file and no temporary file left', async () => {
    const src = unit();
    const locked = path.join(dir, 'khoa');
    fs.mkdirSync(locked);
    fs.chmodSync(locked, 0o555);
    for (const argv of [
      ['evaluate', src, '-o', path.join(locked, 'ra.xlsx')],
      ['init', '-o', path.join(locked, 'moi.xlsx'), '--preset', 'tt24-co-so-md1', '--unit', 'A', '--type', 'thcs'],
      ['consolidate', src, '-o', path.join(locked, 'tong-hop.xlsx')],
    ]) {
      const io = capture();
      expect(await run(argv, io)).toBe(1);
      expect(io.text()).toContain(`Thư mục “${locked}” chỉ đọc`);
      noStack(io.text());
    }
    expect(fs.readdirSync(locked)).toEqual([]);
  });

  it('a folder given as the output file is refused', async () => {
    const io = capture();
    fs.mkdirSync(path.join(dir, 'ra.xlsx'));
    expect(await run(['evaluate', unit(), '-o', path.join(dir, 'ra.xlsx')], io)).toBe(1);
    expect(io.text()).toContain('là một thư mục');
  });
});

describe('a file open in another program', () => {
  const lockOf = (file: string) => path.join(path.dirname(file), `.~lock.${path.basename(file)}#`);

  it('open in LibreOffice (its lock file beside it): refused before any work, naming who has it open, for every writer', async () => {
    for (const [name, argv] of Object.entries(WRITERS)) {
      const file = unit();
      // LibreOffice's lock: user's full name, system user, host, time, profile URL.
      fs.writeFileSync(lockOf(file), 'Trần Văn An,tvan,may-van-thu,06.12.2026 09:15,file:///home/tvan/.config/libreoffice/4;');
      const io = capture();
      expect({ name, code: await run(argv(file), io) }).toEqual({ name, code: 1 });
      expect(io.text()).toContain(`Tệp “${file}” đang mở trong LibreOffice (Trần Văn An, máy may-van-thu, từ 06.12.2026 09:15)`);
      expect(io.text()).toContain(`xóa tệp khóa “.~lock.truong.xlsx#”`);
      noStack(io.text());
      expect(fs.readFileSync(file).equals(sample)).toBe(true);
      expect(fs.readdirSync(dir).filter((n) => n.includes('dvht'))).toEqual([]);
      fs.rmSync(lockOf(file));
    }
  });

  it('open in Excel or WPS (their owner file “~$name”): refused the same way, in English with --lang en', async () => {
    const file = unit();
    fs.writeFileSync(path.join(dir, '~$truong.xlsx'), Buffer.alloc(165));
    const io = capture();
    expect(await run(['evaluate', file], io)).toBe(1);
    expect(io.text()).toContain(`Tệp “${file}” đang mở trong Excel hoặc WPS`);
    expect(io.text()).toContain('xóa tệp khóa “~$truong.xlsx”');
    const en = capture();
    expect(await run(['evaluate', file, '--lang', 'en'], en)).toBe(1);
    expect(en.text()).toContain(`“${file}” is open in Excel or WPS`);
    expect(fs.readFileSync(file).equals(sample)).toBe(true);
  });

  it('a lock without its details, or of another file, and a lock on the input of -o: handled as they are', async () => {
    const file = unit();
    fs.writeFileSync(lockOf(file), '');
    const io = capture();
    expect(await run(['evaluate', file], io)).toBe(1);
    expect(io.text()).toContain(`Tệp “${file}” đang mở trong LibreOffice. `);
    fs.rmSync(lockOf(file));
    // Another file's lock, and the input's own lock when the result goes elsewhere: the write goes ahead.
    fs.writeFileSync(lockOf(path.join(dir, 'khac.xlsx')), 'x,y,z,t,u;');
    fs.writeFileSync(lockOf(file), 'x,y,z,t,u;');
    expect(await run(['evaluate', file, '-o', path.join(dir, 'ra.xlsx')], capture())).toBe(0);
    expect(fs.existsSync(path.join(dir, 'ra.xlsx'))).toBe(true);
  });
});

describe('temporary files', () => {
  it('are named visibly beside the target and gone after a successful write', async () => {
    const file = unit();
    expect(path.basename(tempName(file, 4242))).toBe('.~dvht-truong.xlsx.4242.tmp');
    expect(path.dirname(tempName(file))).toBe(dir);
    expect(await run(['evaluate', file], capture())).toBe(0);
    expect(fs.readdirSync(dir)).toEqual(['truong.xlsx']);
  });

  it("one left by a killed run is removed on the next run; a live run's is kept", async () => {
    const file = unit();
    // A process that writes a temporary file the way a run does, then is killed (SIGKILL).
    const child = spawn(process.execPath, ['-e', 'require("fs").writeFileSync(process.argv[1].replace("PID", process.pid), "x".repeat(1e6)); setInterval(() => {}, 1000)', tempName(file, 'PID' as unknown as number)]);
    const stale = tempName(file, child.pid!);
    await waitFor(() => fs.existsSync(stale));
    const exited = new Promise((r) => child.on('exit', r));
    child.kill('SIGKILL');
    await exited;
    // A temporary file of a run still going on (this test's parent process, not ours).
    const live = tempName(path.join(dir, 'khac.xlsx'), process.ppid);
    fs.writeFileSync(live, 'x');
    expect(fs.existsSync(stale)).toBe(true);
    expect(await run(['evaluate', file], capture())).toBe(0);
    expect(fs.existsSync(stale)).toBe(false);
    expect(fs.readdirSync(dir).sort()).toEqual([path.basename(live), 'truong.xlsx']);
  });

  it('a failed rename leaves the old file and no temporary file', async () => {
    const file = unit();
    jest.spyOn(fs.promises, 'rename').mockRejectedValue(Object.assign(new Error('EBUSY: resource busy or locked'), { code: 'EBUSY' }));
    const io = capture();
    expect(await run(['evaluate', file], io)).toBe(1);
    expect(io.text()).toContain(`Không ghi được tệp “${file}”: tệp đang mở trong chương trình khác. Tệp cũ (nếu có) vẫn giữ nguyên.`);
    expect(fs.readFileSync(file).equals(sample)).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['truong.xlsx']);
  });
});

describe('the last-resort guard', () => {
  it('an unexpected error is a message naming the file and what to do, exit 1, no stack trace', async () => {
    const file = unit();
    jest.spyOn(XlsxWorkbook.prototype, 'toBytes').mockRejectedValue(new TypeError("Cannot read properties of undefined (reading 'anchors')"));
    const io = capture();
    expect(await run(['evaluate', file], io)).toBe(1);
    expect(io.stderr.join('\n')).toBe(
      `Lệnh “evaluate” dừng vì một lỗi không lường trước khi xử lý “${file}”: Cannot read properties of undefined (reading 'anchors'). Các tệp đã có không bị ghi đè dở dang. Hãy mở tệp trong Excel, lưu lại dạng .xlsx rồi chạy lại; nếu vẫn lỗi, gửi tệp cùng dòng thông báo này cho người hỗ trợ.`,
    );
    expect(fs.readFileSync(file).equals(sample)).toBe(true);
    const en = capture();
    expect(await run(['evaluate', file, '--lang', 'en'], en)).toBe(1);
    expect(en.stderr.join('\n')).toContain('The command “evaluate” stopped on an unexpected error while handling');
  });

  // A fault of the reader itself (not the file's damage) is not the file's fault: it is not called "no Excel file".
  it('an unexpected error while opening is the same last-resort message, not “không phải tệp Excel”', async () => {
    const file = unit();
    jest.spyOn(XlsxWorkbook, 'open').mockRejectedValue(new TypeError("Cannot read properties of null (reading 'name')"));
    const io = capture();
    expect(await run(['evaluate', file], io)).toBe(1);
    expect(io.stderr.join('\n')).toBe(
      `Lệnh “evaluate” dừng vì một lỗi không lường trước khi xử lý “${file}”: Cannot read properties of null (reading 'name'). Các tệp đã có không bị ghi đè dở dang. Hãy mở tệp trong Excel, lưu lại dạng .xlsx rồi chạy lại; nếu vẫn lỗi, gửi tệp cùng dòng thông báo này cho người hỗ trợ.`,
    );
    expect(fs.readFileSync(file).equals(sample)).toBe(true);
  });

  // A relationships part cut inside its XML declaration holds no element at all: refused when
  // the file is opened, worded as the file's damage, with no part path and no parser English.
  it("a sheet's relationships cut before their root are refused at opening as the file's damage", async () => {
    const file = path.join(dir, 'truong.xlsx');
    const cut = await withChangedEntries(sample, (name, data) => (/worksheets\/_rels\/[^/]+\.rels$/.test(name) ? data.subarray(0, 54) : data));
    fs.writeFileSync(file, cut);
    const io = capture();
    expect(await run(['evaluate', file], io)).toBe(1);
    expect(io.stderr.join('\n')).toBe(
      `Không mở tệp “${file}”: Tệp bị hỏng: một phần nội dung bên trong sổ bị cắt dở hoặc ghi sai cấu trúc (tệp bị cắt khi sao chép hoặc tải về, hoặc một phần mềm khác lưu sai). Hãy mở tệp bằng Excel (Excel có thể đề nghị sửa tệp), lưu lại rồi mở lại; nếu không được, hãy lấy lại tệp từ người gửi hoặc dùng bản sao lưu gần nhất.`,
    );
    expect(fs.readFileSync(file).equals(Buffer.from(cut))).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['truong.xlsx']);
    const en = capture();
    expect(await run(['evaluate', file, '--lang', 'en'], en)).toBe(1);
    expect(en.stderr.join('\n')).toBe(
      `Not opening “${file}”: The file is damaged: some of the workbook’s content inside it is cut off or malformed (cut while copied or downloaded, or saved wrongly by other software). Open it in Excel (Excel may offer to repair it), save it and open it again; otherwise get the file again from its sender or use your latest backup.`,
    );
  });

  // The preflight checks that parts are whole XML, not what their root is: this one is found
  // broken only when evaluate reads it to write.
  it("a sheet's relationships found damaged after opening are worded as the file's damage, not as an unexpected error", async () => {
    const file = path.join(dir, 'truong.xlsx');
    const wrong = await withChangedEntries(sample, (name, data) => (/worksheets\/_rels\/[^/]+\.rels$/.test(name) ? new TextEncoder().encode('<?xml version="1.0"?><Types/>') : data));
    fs.writeFileSync(file, wrong);
    const io = capture();
    expect(await run(['evaluate', file], io)).toBe(1);
    expect(io.stderr.join('\n')).toBe(
      `Lệnh “evaluate” dừng khi đọc “${file}”: Tệp bị hỏng: một phần nội dung bên trong sổ bị cắt dở hoặc ghi sai cấu trúc (tệp bị cắt khi sao chép hoặc tải về, hoặc một phần mềm khác lưu sai). Hãy mở tệp bằng Excel (Excel có thể đề nghị sửa tệp), lưu lại rồi mở lại; nếu không được, hãy lấy lại tệp từ người gửi hoặc dùng bản sao lưu gần nhất. Các tệp đã có không bị ghi đè dở dang.`,
    );
    expect(fs.readFileSync(file).equals(Buffer.from(wrong))).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['truong.xlsx']);
    // The output is not read: only the file read is named, even when the output already exists.
    const output = path.join(dir, 'ket-qua.xlsx');
    fs.writeFileSync(output, sample);
    const toOutput = capture();
    expect(await run(['evaluate', file, '-o', output], toOutput)).toBe(1);
    expect(toOutput.stderr.join('\n')).toMatch(new RegExp(`^Lệnh “evaluate” dừng khi đọc “${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}”: Tệp bị hỏng`));
    expect(fs.readFileSync(output).equals(sample)).toBe(true);
  });

  it('the installed command (bin/dvht.js) never exits 70, and a non-root user is refused by access()', () => {
    const root = path.join(__dirname, '..', '..');
    const build = spawnSync('npx', ['tsc', '-p', 'tsconfig.node.json'], { cwd: root, encoding: 'utf8' });
    expect(build.status).toBe(0);
    const bin = path.join(root, 'bin', 'dvht.js');
    const file = unit();
    const res = spawnSync(process.execPath, [bin, 'evaluate', path.join(dir, 'khong-co', 'x.xlsx'), '-o', path.join(dir, 'nowhere', 'y.xlsx')], { encoding: 'utf8' });
    // An input that does not exist is a usage mistake (2), said in words.
    expect(res.status).toBe(2);
    noStack(res.stderr);
    if (process.getuid?.() !== 0) return;
    // As "nobody", in a folder anyone may write, a file of root's with mode 644 is not
    // writable: access() says so (rename would have replaced it all the same).
    fs.chmodSync(dir, 0o777);
    fs.chmodSync(file, 0o644);
    // "nobody" cannot reach a checkout under a private folder (mktemp -d is 0700): run a copy
    // of the command (it needs no node_modules) from a folder anyone may read.
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-cli-'));
    try {
      fs.chmodSync(copy, 0o755);
      fs.cpSync(path.join(root, 'bin'), path.join(copy, 'bin'), { recursive: true });
      fs.cpSync(path.join(root, 'build', 'node'), path.join(copy, 'build', 'node'), { recursive: true });
      fs.copyFileSync(path.join(root, 'package.json'), path.join(copy, 'package.json'));
      const nobody = spawnSync(process.execPath, [path.join(copy, 'bin', 'dvht.js'), 'evaluate', file], { encoding: 'utf8', uid: 65534, gid: 65534, cwd: '/' });
      expect(nobody.stderr).toContain('là tệp chỉ đọc');
      expect(nobody.status).toBe(1);
      expect(fs.readFileSync(file).equals(sample)).toBe(true);
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
  });
});

async function waitFor(ok: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !ok(); i++) await new Promise((r) => setTimeout(r, 25));
  expect(ok()).toBe(true);
}
