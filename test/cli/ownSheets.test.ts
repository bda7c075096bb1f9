/**
 * The add-in knows its sheets by their mark, through the CLI on real files: a user's sheet that
 * carries one of the add-in's names keeps its part byte for byte; a sheet of ours the user
 * renamed is still ours (redrawn where it is, no second copy); a renamed data sheet is refused
 * with what to do.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run, type Io } from '../../src/cli/main';
import { sheetParts as parts, unmarkSheet } from '../support/sheetParts';

jest.setTimeout(60_000);

function capture(): Io & { text(): string } {
  const lines: string[] = [];
  return { out: (s) => lines.push(s), err: (s) => lines.push(s), text: () => lines.join('\n') };
}

function python(script: string, ...args: string[]): void {
  execFileSync('/usr/bin/python3', ['-c', script, ...args]);
}

/** Renames a sheet the way Excel does: workbook.xml only (names and references to it). */
const RENAME = String.raw`
import sys, zipfile
src, dst, old, new = sys.argv[1:5]
zi = zipfile.ZipFile(src); zo = zipfile.ZipFile(dst, 'w', zipfile.ZIP_DEFLATED)
for it in zi.infolist():
    d = zi.read(it.filename)
    if it.filename == 'xl/workbook.xml':
        d = d.decode().replace('name="%s"' % old, 'name="%s"' % new).replace("'%s'!" % old, "'%s'!" % new).encode()
    zo.writestr(it, d)
zo.close()
`;

let dir: string;
let evaluated: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-own-'));
  evaluated = path.join(dir, 'ev.xlsx');
  expect(await run(['init', '-o', evaluated, '--preset', 'tt24-co-so-md1', '--unit', 'Trường THCS A', '--type', 'thcs', '--sample', '--members', '30'], capture())).toBe(0);
  expect(await run(['evaluate', evaluated], capture())).toBe(0);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('dvht documents beside a user’s “Mẫu văn bản”', () => {
  it('keeps the user’s sheet byte for byte, writes ours as “Mẫu văn bản (ĐVHT)” and says so', async () => {
    const file = path.join(dir, 'd1.xlsx');
    python(
      "import openpyxl, sys; wb = openpyxl.load_workbook(sys.argv[1]); ws = wb.create_sheet('Mẫu văn bản'); ws['A1'] = 'Mẫu giấy mời họp phụ huynh'; ws['A2'] = 'Kính gửi: Quý phụ huynh'; wb.save(sys.argv[2])",
      evaluated,
      file,
    );
    const before = parts(file).find(([n]) => n === 'Mẫu văn bản')!;
    const io = capture();
    expect(await run(['documents', file], io)).toBe(0);
    expect(io.text()).toContain('Mẫu văn bản (ĐVHT)');
    const after = parts(file);
    expect(after.find(([n]) => n === 'Mẫu văn bản')).toEqual(before);
    expect(after.find(([n]) => n === 'Mẫu văn bản (ĐVHT)')?.[1]).toBe('"templates"');
    // Next run: the same sheet of ours is completed in place, the user's still untouched.
    expect(await run(['documents', file], capture())).toBe(0);
    expect(parts(file).filter(([n]) => n.startsWith('Mẫu văn bản')).map(([n, role]) => [n, role])).toEqual([
      ['Mẫu văn bản', null],
      ['Mẫu văn bản (ĐVHT)', '"templates"'],
    ]);
    expect(parts(file).find(([n]) => n === 'Mẫu văn bản')).toEqual(before);
  });
});

describe('an earlier version’s unmarked “Mẫu văn bản”', () => {
  it('is recognised by its content and marked, even with nothing to add; no second sheet', async () => {
    const file = path.join(dir, 'd4.xlsx');
    fs.copyFileSync(evaluated, file);
    expect(await run(['documents', file], capture())).toBe(0);
    unmarkSheet(file, 'templates');
    expect(parts(file).find(([n]) => n === 'Mẫu văn bản')?.[1]).toBeNull();
    const io = capture();
    expect(await run(['documents', file], io)).toBe(0);
    expect(io.text()).not.toContain('(ĐVHT)');
    expect(parts(file).filter(([n]) => n.startsWith('Mẫu văn bản')).map(([n, role]) => [n, role])).toEqual([['Mẫu văn bản', '"templates"']]);
  });
});

describe('a sheet of ours the user renamed', () => {
  it('“Tổng hợp” renamed “Kết quả TH”: evaluate redraws it there, no second summary', async () => {
    const file = path.join(dir, 'd2.xlsx');
    python(RENAME, evaluated, file, 'Tổng hợp', 'Kết quả TH');
    expect(await run(['evaluate', file], capture())).toBe(0);
    const after = parts(file);
    expect(after.filter(([, role]) => role === '"summary"').map(([n]) => n)).toEqual(['Kết quả TH']);
    expect(after.map(([n]) => n)).not.toContain('Tổng hợp');
  });

  it('“Thành viên” renamed: evaluate refuses, naming the sheet and what to do, and writes nothing', async () => {
    const file = path.join(dir, 'd3.xlsx');
    python(RENAME, evaluated, file, 'Thành viên', 'DS thành viên');
    const bytes = fs.readFileSync(file);
    const io = capture();
    expect(await run(['evaluate', file], io)).toBe(1);
    expect(io.text()).toContain('“DS thành viên”');
    expect(io.text()).toContain('“Thành viên”');
    expect(io.text()).toMatch(/đổi tên/);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });

  it('“Thành viên” renamed: consolidation rejects the unit saying so, not “missing sheet”', async () => {
    const folder = fs.mkdtempSync(path.join(dir, 'ho-so-'));
    python(RENAME, evaluated, path.join(folder, 'truong-a.xlsx'), 'Thành viên', 'DS thành viên');
    const io = capture();
    expect(await run(['consolidate', folder, '-o', path.join(dir, 'tong-hop-doi-ten.xlsx')], io)).toBe(1);
    expect(io.text()).toContain('“DS thành viên”');
    expect(io.text()).toMatch(/đổi tên/);
    expect(io.text()).not.toContain('Tệp không có trang “Thành viên”');
  });
});
