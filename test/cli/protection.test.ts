/**
 * A workbook the user protected in Excel (Review → Protect Workbook / Protect Sheet; here by
 * openpyxl, as another program saves it), through the real commands: what the protection forbids
 * (adding a sheet; writing a protected sheet) is refused with exit 1, a message naming the file,
 * the sheet and how to lift the protection, and the file unchanged byte for byte; redrawing the
 * add-in's sheets where they are is not forbidden by a locked structure.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../../src/cli/main';
import { protectWithOpenpyxl } from '../support/openpyxlProtect';
import type { ProtectionSetup } from '../workbook/contract/subject';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsxWorkbook';
import { NODE_XLSX } from '../../src/workbook/xlsx/files';
import { editCells } from '../../src/usecases/editCells';
import { capture } from '../support/cliOutput';

jest.setTimeout(60_000);

let dir: string;
let evaluated: Buffer;
/** Before its first evaluation: evaluating adds “Tổng hợp”. */
let notEvaluated: Buffer;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-protect-'));
  const file = path.join(dir, 'mau.xlsx');
  expect(await run(['init', '-o', file, '--preset', 'tt24-co-so-md1', '--unit', 'Trường THCS Nguyễn Du', '--type', 'thcs', '--year', '2025', '--sample', '--members', '12'], capture())).toBe(0);
  notEvaluated = fs.readFileSync(file);
  expect(await run(['evaluate', file], capture())).toBe(0);
  // The unit's own sheet beside the add-in's, which no command writes.
  const workbook = await XlsxWorkbook.open(fs.readFileSync(file), 'mau.xlsx', NODE_XLSX);
  await workbook.batch(async (s) => s.write({ sheet: 'Ghi chú', mode: 'ensure', cells: [{ at: 'A1', rows: [['Sổ của trường']] }] }));
  evaluated = Buffer.from(await workbook.toBytes());
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function protectedCopy(name: string, setup: ProtectionSetup, from = evaluated): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, protectWithOpenpyxl(from, setup));
  return file;
}

async function refused(argv: string[], file: string) {
  const before = fs.readFileSync(file);
  const io = capture();
  const code = await run(argv, io);
  const message = io.stderr.join('\n');
  expect(message).not.toMatch(/\n\s+at |node:internal|Error:/);
  expect(fs.readFileSync(file).equals(before)).toBe(true);
  expect(fs.readdirSync(dir).filter((f) => f.includes('.tmp') || f.startsWith('.'))).toEqual([]);
  return { code, message };
}

describe('a workbook whose structure is protected (Review → Protect Workbook)', () => {
  it.each([
    ['evaluate', (f: string) => ['evaluate', f], () => notEvaluated],
    ['documents', (f: string) => ['documents', f], () => evaluated],
  ])('%s, which adds a sheet, refuses with exit 1, says what is protected and what to do, and leaves the file as it was', async (command, argv, from) => {
    const file = protectedCopy(`cau-truc-${command}.xlsx`, { structure: true }, from());
    const r = await refused(argv(file), file);
    expect(r.code).toBe(1);
    expect(r.message).toMatch(new RegExp(`^Sổ “cau-truc-${command}.xlsx” đang được bảo vệ cấu trúc .*trang “[^”]+”; chưa có gì được ghi\\. Hãy bỏ bảo vệ: Xem lại \\(Review\\) → Bảo vệ sổ làm việc \\(Protect Workbook\\)`));
  });

  it('evaluate again redraws the summary where it is, and the lock stays', async () => {
    const file = protectedCopy('cau-truc-lan-2.xlsx', { structure: true });
    const io = capture();
    expect(await run(['evaluate', file], io)).toBe(0);
    const again = await XlsxWorkbook.open(fs.readFileSync(file), 'cau-truc-lan-2.xlsx', NODE_XLSX);
    const snapshot = await again.batch((s) => s.read([]));
    expect([snapshot.structureLocked, snapshot.sheetNames]).toEqual([true, (await (await XlsxWorkbook.open(evaluated, 'mau.xlsx', NODE_XLSX)).batch((s) => s.read([]))).sheetNames]);
  });

  it('says it in English with --lang en', async () => {
    const file = protectedCopy('structure-en.xlsx', { structure: true }, notEvaluated);
    const r = await refused(['evaluate', file, '--lang', 'en'], file);
    expect(r.code).toBe(1);
    expect(r.message).toMatch(/^The workbook “structure-en.xlsx” has its structure protected .*Review → Protect Workbook/);
  });
});

describe('a protected sheet the command writes (Review → Protect Sheet)', () => {
  it('evaluate refuses with exit 1, naming the sheet, and leaves the file as it was', async () => {
    const file = protectedCopy('trang.xlsx', { sheets: { 'Thành viên': {} } });
    const r = await refused(['evaluate', file], file);
    expect(r.code).toBe(1);
    expect(r.message).toMatch(/^Sổ “trang.xlsx”: trang “Thành viên” đang được bảo vệ .*Bỏ bảo vệ trang tính \(Unprotect Sheet\)/);
  });

  it('a protected sheet the command does not write does not stop it', async () => {
    const file = protectedCopy('trang-khac.xlsx', { sheets: { 'Ghi chú': {} } });
    const io = capture();
    const code = await run(['evaluate', file], io);
    expect([code, io.stderr]).toEqual([0, []]);
    // The sheet stays protected: its part is copied as it was.
    const after = await XlsxWorkbook.open(fs.readFileSync(file), 'trang-khac.xlsx', NODE_XLSX);
    expect(await after.pkg.text(after.pkg.findSheet('Ghi chú')!.path!)).toMatch(/<sheetProtection [^>]*sheet="1"/);
  });
});

describe('a cell typed in the preview’s grid (the editCells use-case it writes through)', () => {
  it('is refused on a protected sheet’s locked cell, naming the cell; an unlocked cell takes the value', async () => {
    const bytes = protectWithOpenpyxl(evaluated, { sheets: { 'Ghi chú': { unlocked: ['B2'] } } });
    const workbook = await XlsxWorkbook.open(bytes, 'mau.xlsx', NODE_XLSX);
    await expect(editCells(workbook, 'Ghi chú', [{ row: 1, col: 1, value: 'sửa' }])).rejects.toThrow(/trang “Ghi chú” đang được bảo vệ.*A1/);
    expect(await editCells(workbook, 'Ghi chú', [{ row: 2, col: 2, value: 'ghi được' }])).toMatchObject({ written: 1, refused: [] });
  });
});
