/**
 * What `dvht` does with arguments it cannot use: a misspelt option, a stray file name, a value
 * that is not a number, an option without its value. Each is refused with exit 2 before any
 * file is touched, in words that name the argument; nothing is silently ignored (a stray
 * "out.xlsx" after `evaluate in.xlsx` used to overwrite in.xlsx).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run, type Io } from '../../src/cli/main';
import { XlsxPackage } from '../../src/xlsx/package';
import { nodeInflate } from '../../src/xlsx/inflateNode';
import { nodeDeflate } from '../../src/xlsx/deflateNode';

function capture(): Io & { stdout: string[]; stderr: string[]; text(): string } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (s) => stdout.push(s), err: (s) => stderr.push(s), text: () => stderr.join('\n') };
}

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-args-'));
const INIT = ['--preset', 'tt24-co-so-md1', '--unit', 'Trường THCS Nguyễn Du', '--type', 'thcs'];

let dir: string;
let unit: string;
let unitBytes: Buffer;

beforeAll(async () => {
  dir = tmp();
  unit = path.join(dir, 'truong.xlsx');
  expect(await run(['init', '-o', unit, ...INIT, '--year', '2025', '--sample', '--members', '12'], capture())).toBe(0);
  unitBytes = fs.readFileSync(unit);
});

afterEach(() => expect(fs.readFileSync(unit).equals(unitBytes)).toBe(true));

async function refused(argv: string[]): Promise<string> {
  const io = capture();
  const code = await run(argv, io);
  expect({ code, stdout: io.stdout }).toEqual({ code: 2, stdout: [] });
  return io.text();
}

describe('dvht refuses arguments it cannot use (exit 2, nothing written)', () => {
  it('a second file name after evaluate: says to use -o, writes neither file', async () => {
    const out = path.join(dir, 'ket-qua.xlsx');
    const text = await refused(['evaluate', unit, out]);
    expect(text).toContain(out);
    expect(text).toContain('-o');
    expect(fs.existsSync(out)).toBe(false);
  });

  it('a misspelt option: names it and the option meant', async () => {
    const text = await refused(['evaluate', unit, '--ouput', path.join(dir, 'x.xlsx')]);
    expect(text).toContain('--ouput');
    expect(text).toContain('--output');
    expect(await refused(['init', '-o', path.join(dir, 'moi.xlsx'), ...INIT, '--bogus'])).toContain('--bogus');
    expect(fs.existsSync(path.join(dir, 'moi.xlsx'))).toBe(false);
  });

  it('an option of another command is not silently ignored', async () => {
    expect(await refused(['evaluate', unit, '--members', '5'])).toContain('--members');
  });

  it('numbers that are not numbers, or out of range, name the option, the value and the range', async () => {
    const fresh = () => path.join(dir, `n-${Math.random().toString(36).slice(2)}.xlsx`);
    for (const value of ['abc', '-5', '2.5', '99999999']) {
      const text = await refused(['init', '-o', fresh(), ...INIT, '--sample', '--members', value]);
      expect(text).toContain('--members');
      expect(text).toContain(`“${value}”`);
    }
    // The years evaluate accepts on "Thông tin đơn vị" (2000 to next year): init must not write one it would flag.
    const nextYear = new Date().getFullYear() + 1;
    for (const value of ['abc', '1800', '2025.5', String(nextYear + 1), '2099']) {
      const text = await refused(['init', '-o', fresh(), ...INIT, '--year', value]);
      expect(text).toContain(`“${value}”`);
      expect(text).toContain(`2000 đến ${nextYear}`);
      expect(text).not.toContain('Thiếu');
    }
    expect(await refused(['handout', '--preset', 'tt24-co-so-md1', '-o', fresh(), '--year', '1800'])).toContain('“1800”');
    expect(await refused(['init', '-o', fresh(), ...INIT, '--public', 'maybe'])).toContain('“maybe”');
    expect(await refused(['init', '-o', fresh(), ...INIT, '--members', '30'])).toContain('--sample');
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('n-'))).toEqual([]);
  });

  it('an option whose value is missing is the one named, not the next', async () => {
    const text = await refused(['init', '-o', path.join(dir, 'h.xlsx'), '--preset', 'tt24-co-so-md1', '--unit', '--type', 'thcs']);
    expect(text).toContain('--unit');
    expect(text).not.toContain('--type');
    const o = await refused(['init', '-o', '--preset', 'tt24-co-so-md1', '--unit', 'X', '--type', 'thcs']);
    expect(o).toContain('-o');
    expect(o).not.toContain('--preset');
  });

  it('an unknown language is refused, not silently Vietnamese', async () => {
    expect(await refused(['presets', '--lang', 'fr'])).toContain('“fr”');
  });

  it('Vietnamese messages carry Vietnamese placeholders', async () => {
    for (const argv of [['evaluate'], ['consolidate', '-o', path.join(dir, 't.xlsx')], ['consolidate', dir], ['import', '--sheet', 'A', '--into', unit]]) {
      const text = await refused(argv);
      expect(text).not.toMatch(/FILE|OUT\.xlsx|FILES_OR_FOLDERS|SOURCE/);
    }
    const en = capture();
    expect(await run(['evaluate', '--lang', 'en'], en)).toBe(2);
    expect(en.text()).toContain('FILE.xlsx');
  });
});

describe('dvht names the input it cannot read, in words (exit 1; one that does not exist was misnamed: exit 2)', () => {
  async function failed(argv: string[]): Promise<string> {
    const io = capture();
    expect(await run(argv, io)).toBe(1);
    return io.text();
  }

  it('a file that does not exist: no system code, what to check', async () => {
    const io = capture();
    expect(await run(['evaluate', path.join(dir, 'khong-co.xlsx')], io)).toBe(2);
    const text = io.text();
    expect(text).toContain('khong-co.xlsx');
    expect(text).not.toMatch(/ENOENT|EACCES/);
    expect(text).toMatch(/Không tìm thấy tệp/);
  });

  it('a folder given as the input: says it is a folder and to name a file inside it', async () => {
    const folder = path.join(dir, 'ho-so.xlsx');
    fs.mkdirSync(folder, { recursive: true });
    for (const command of ['evaluate', 'documents', 'officer-documents']) {
      const text = await failed([command, folder]);
      expect(text).toContain('thư mục');
      expect(text).not.toMatch(/EISDIR|không lường trước|ket-qua\.xlsx/);
    }
    const text = await failed(['new-year', folder, '-o', path.join(dir, 'nam-sau.xlsx')]);
    expect(text).not.toMatch(/EISDIR|không lường trước/);
  });

  it('a folder given as the output of new-year or handout is not “a file that exists”', async () => {
    const folder = path.join(dir, 'ra');
    fs.mkdirSync(folder, { recursive: true });
    const io = capture();
    expect(await run(['new-year', unit, '-o', folder], io)).not.toBe(0);
    expect(io.text()).toContain('thư mục');
    expect(io.text()).not.toContain('đã có');
    const h = capture();
    expect(await run(['handout', '--preset', 'tt24-co-so-md1', '-o', folder], h)).not.toBe(0);
    expect(h.text()).toContain('thư mục');
  });

  it('a mapping file that does not exist: no system text', async () => {
    const io = capture();
    expect(await run(['import', unit, '--sheet', 'Thành viên', '--into', unit, '--mapping', path.join(dir, 'khong-co.json')], io)).not.toBe(0);
    expect(io.text()).toContain('khong-co.json');
    expect(io.text()).not.toMatch(/ENOENT|no such file/);
  });
});

describe('dvht keeps an output openable: its extension agrees with the workbook kind', () => {
  const SHEET_MAIN = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
  const MACRO_MAIN = 'application/vnd.ms-excel.sheet.macroEnabled.main+xml';

  it('a macro workbook is not written as .xlsx, nor a plain one as .xlsm (Excel would refuse to open it)', async () => {
    const pkg = await XlsxPackage.open(unitBytes, { inflate: nodeInflate });
    pkg.setPart('[Content_Types].xml', (await pkg.text('[Content_Types].xml'))!.replace(SHEET_MAIN, MACRO_MAIN));
    const xlsm = path.join(dir, 'co-macro.xlsm');
    fs.writeFileSync(xlsm, await pkg.toBytes(nodeDeflate));
    for (const argv of [
      ['evaluate', xlsm, '-o', path.join(dir, 'ket-qua.xlsx')],
      ['documents', xlsm, '-o', path.join(dir, 'van-ban.xlsx')],
      ['new-year', xlsm, '-o', path.join(dir, 'nam-sau.xlsx')],
      ['evaluate', unit, '-o', path.join(dir, 'ket-qua.xlsm')],
    ]) {
      const io = capture();
      expect(await run(argv, io)).toBe(2);
      const wanted = argv[1] === xlsm ? '.xlsm' : '.xlsx';
      expect(io.text()).toContain(wanted);
      expect(fs.existsSync(argv[3]!)).toBe(false);
    }
    const io = capture();
    expect(await run(['evaluate', xlsm, '-o', path.join(dir, 'ket-qua.xlsm')], io)).toBe(0);
  });
});
