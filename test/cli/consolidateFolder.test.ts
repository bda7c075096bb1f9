/**
 * What `dvht consolidate` makes of a folder: files named by their path in the folder given (not
 * from where dvht runs), every file found accounted for (a zipped dossier, a PDF, … skipped with
 * a reason), and a unit's own workbook refused as the output.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run, type Io } from '../../src/cli/main';

jest.setTimeout(120_000);

function capture(): Io & { text(): string; json(): { summary: Record<string, number>; files: { file: string; status: string; reasons: string[] }[]; units: { file: string }[] } } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    out: (s) => stdout.push(s),
    err: (s) => stderr.push(s),
    text: () => [...stdout, ...stderr].join('\n'),
    json: () => JSON.parse(stdout.join('\n')),
  };
}

let dir: string;
let unit: Buffer;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-consolidate-folder-'));
  const file = path.join(dir, 'mau.xlsx');
  expect(await run(['init', '-o', file, '--preset', 'tt24-co-so-md1', '--unit', 'Trường THCS Nguyễn Du', '--type', 'thcs', '--year', '2025', '--sample', '--members', '12'], capture())).toBe(0);
  expect(await run(['evaluate', file], capture())).toBe(0);
  unit = fs.readFileSync(file);
  fs.rmSync(file);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A folder of dossiers: one unit at its top, one in a subfolder, and `extra` files. */
function folder(name: string, extra: Record<string, Buffer | string> = {}): string {
  const root = path.join(dir, name);
  fs.mkdirSync(path.join(root, 'xa-a'), { recursive: true });
  fs.writeFileSync(path.join(root, 'u1.xlsx'), unit);
  fs.writeFileSync(path.join(root, 'xa-a', 'u2.xlsx'), unit);
  for (const [file, data] of Object.entries(extra)) fs.writeFileSync(path.join(root, file), data);
  return root;
}

describe('dvht consolidate FOLDER', () => {
  it('names each file by its path in the folder given, and a file given outright by its name', async () => {
    const root = folder('ten-tep');
    const single = path.join(dir, 'rieng.xlsx');
    fs.writeFileSync(single, unit);
    const io = capture();
    await run(['consolidate', root, single, '-o', path.join(dir, 'th-ten.xlsx'), '--json'], io);
    const files = io.json().files.map((f) => f.file);
    expect(files).toEqual(['u1.xlsx', 'xa-a/u2.xlsx', 'rieng.xlsx']);
    expect(io.text()).not.toContain('..');
    // The kept unit's remark names the dropped copy by the same short path.
    expect(io.json().files.find((f) => f.status === 'duplicate')!.reasons.join(' ')).toMatch(/“(u1\.xlsx|xa-a\/u2\.xlsx|rieng\.xlsx)”/);
  });

  it('accounts for every file found: a zipped dossier and other files are listed as skipped with a reason', async () => {
    const root = folder('ho-so-lan', { 'hoso.zip': unit, 'to-trinh.pdf': '%PDF-1.4', 'notes.docx': 'x', 'x.numbers': 'x', '.DS_Store': 'x', '~$u1.xlsx': 'x' });
    const io = capture();
    expect(await run(['consolidate', root, '-o', path.join(dir, 'th-lan.xlsx'), '--json'], io)).toBe(0);
    const { summary, files } = io.json();
    expect(summary).toMatchObject({ files: 6, skipped: 4 });
    const skipped = Object.fromEntries(files.filter((f) => f.status === 'skipped').map((f) => [f.file, f.reasons.join(' ')]));
    expect(Object.keys(skipped).sort()).toEqual(['hoso.zip', 'notes.docx', 'to-trinh.pdf', 'x.numbers']);
    expect(skipped['hoso.zip']).toMatch(/tệp nén — giải nén rồi tổng hợp lại/);
    expect(skipped['to-trinh.pdf']).toMatch(/không phải sổ Excel/);
    const done = capture();
    await run(['consolidate', root, '-o', path.join(dir, 'th-lan-2.xlsx')], done);
    expect(done.text()).toMatch(/từ 6 tệp|6 tệp:/);
  });

  it('refuses to write into a unit’s own workbook, and writes nothing', async () => {
    const root = folder('vao-so-don-vi');
    const target = path.join(dir, 'unitcopy.xlsx');
    fs.writeFileSync(target, unit);
    const io = capture();
    expect(await run(['consolidate', root, '-o', target], io)).toBe(2);
    expect(io.text()).toContain('Không tổng hợp vào sổ của đơn vị');
    expect(fs.readFileSync(target).equals(unit)).toBe(true);
  });
});
