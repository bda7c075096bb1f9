/**
 * A file named on the command line that does not exist is a usage mistake (exit 2, as a file
 * name too many is), said the same way by every command: the file, the folder looked in, and
 * what to do (check the name and path; `dir` or `ls` shows what the folder holds). Nothing is
 * written. A file that exists but cannot be read stays exit 1 (test/cli/arguments.test.ts).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../../src/cli/main';
import { captureText } from '../support/cliOutput';

jest.setTimeout(60_000);

let dir: string;
let unit: string;
let unitBytes: Buffer;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-missing-'));
  unit = path.join(dir, 'truong.xlsx');
  const io = captureText();
  expect(await run(['init', '-o', unit, '--preset', 'tt24-co-so-md1', '--unit', 'Trường THCS Nguyễn Du', '--type', 'thcs', '--year', '2025', '--sample'], io)).toBe(0);
  unitBytes = fs.readFileSync(unit);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function missing(argv: string[], lang: 'vi' | 'en' = 'vi'): Promise<string> {
  const before = fs.readdirSync(dir).sort();
  const io = captureText();
  expect({ argv, code: await run([...argv, ...(lang === 'en' ? ['--lang', 'en'] : [])], io) }).toEqual({ argv, code: 2 });
  expect(io.stdout).toBe('');
  expect(fs.readdirSync(dir).sort()).toEqual(before);
  expect(fs.readFileSync(unit).equals(unitBytes)).toBe(true);
  return io.stderr.trim();
}

describe('a named file that does not exist', () => {
  const gone = () => path.join(dir, 'truong-2025.xlsx');

  it('every command on a workbook: exit 2, the file, its folder and how to look in it', async () => {
    const runs = [
      ['evaluate', gone()],
      ['documents', gone()],
      ['new-year', gone(), '-o', path.join(dir, 'nam-sau.xlsx')],
      ['officer-documents', gone()],
      ['handout', gone(), '-o', path.join(dir, 'so-mau.xlsx')],
      ['import', gone(), '--sheet', 'DS', '--into', unit],
      ['import', unit, '--sheet', 'DS', '--into', gone()],
    ];
    for (const argv of runs) {
      const text = await missing(argv);
      expect(text).toBe(`Không tìm thấy tệp “${gone()}” trong thư mục “${dir}”. Kiểm tra lại tên tệp (cả dấu tiếng Việt) và đường dẫn; các tệp có trong thư mục đó: gõ dir "${dir}" (Windows) hoặc ls "${dir}". Tên có dấu cách thì đặt trong ngoặc kép.`);
    }
    expect(await missing(['evaluate', gone()], 'en')).toBe(`File “${gone()}” not found in the folder “${dir}”. Check the file name (accents included) and the path; to list the files in that folder, type dir "${dir}" (Windows) or ls "${dir}". Quote a name with spaces.`);
  });

  it('a file given to an option (init --rules, import --mapping) is said the same way', async () => {
    const rules = path.join(dir, 'bo-tieu-chi.json');
    expect(await missing(['init', '-o', path.join(dir, 'moi.xlsx'), '--rules', rules, '--unit', 'A', '--type', 'thcs'])).toContain(`Không tìm thấy tệp “${rules}” trong thư mục “${dir}”`);
    const mapping = path.join(dir, 'ghep.json');
    expect(await missing(['import', unit, '--sheet', 'DS', '--into', unit, '--mapping', mapping])).toContain(`Không tìm thấy tệp “${mapping}” trong thư mục “${dir}”`);
  });

  it('a folder on the path that is not there: said so, with the nearest folder that is', async () => {
    const file = path.join(dir, 'Hồ sơ 2025', 'truong.xlsx');
    expect(await missing(['evaluate', file])).toBe(`Không tìm thấy tệp “${file}”: không có thư mục “${path.join(dir, 'Hồ sơ 2025')}”. Kiểm tra lại đường dẫn (cả dấu tiếng Việt); các thư mục có trong “${dir}”: gõ dir "${dir}" (Windows) hoặc ls "${dir}". Tên có dấu cách thì đặt trong ngoặc kép.`);
  });

  it('consolidate: a file or folder of dossiers that is not there, said with what to do', async () => {
    const folder = path.join(dir, 'ho-so-xa');
    expect(await missing(['consolidate', folder, '-o', path.join(dir, 'tong-hop.xlsx')])).toBe(`Không tìm thấy tệp hoặc thư mục “${folder}”. Kiểm tra lại tên (cả dấu tiếng Việt) và đường dẫn; xem thư mục đang đứng có gì: gõ dir (Windows) hoặc ls. Tên có dấu cách thì đặt trong ngoặc kép.`);
  });

  it('a name without a folder is looked for in the current folder, which the message names', async () => {
    const text = await missing(['evaluate', 'khong-co-tep-nay.xlsx']);
    expect(text).toContain(`Không tìm thấy tệp “khong-co-tep-nay.xlsx” trong thư mục “${process.cwd()}”`);
    expect(text).not.toMatch(/ENOENT/);
  });
});
