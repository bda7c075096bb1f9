/**
 * Staff lists end with a total and the signatures (“Người lập biểu”, “HIỆU TRƯỞNG”, the
 * signers' names). Evaluate counted the signers as members and wrote its result formulas over
 * what stood in the result columns there; the list now ends where they begin.
 */
import { ExcelJsWorkbook } from '../support/exceljs/excelJsWorkbook';
import { createSheets } from '../../src/usecases/createSheets';
import { evaluateWorkbook } from '../../src/usecases/evaluate';
import { sampleUnit } from '../../src/usecases/sampleData';
import { SHEETS } from '../../src/sheets/names';
import { readMembersSheet } from '../../src/sheets/membersSheet';

const NOW = new Date(Date.UTC(2025, 11, 20, 3, 0, 0));

async function withFooter() {
  const wb = ExcelJsWorkbook.create('truong.xlsx');
  await createSheets(wb, sampleUnit({ members: 12 }));
  const plain = await evaluateWorkbook(await ExcelJsWorkbook.fromBuffer(await wb.toBuffer(), wb.label), { now: NOW, dryRun: true });
  if (!plain.ok) throw new Error('the sample must evaluate');
  const back = await ExcelJsWorkbook.fromBuffer(await wb.toBuffer(), wb.label);
  const ws = back.workbook.getWorksheet(SHEETS.members)!;
  let last = ws.rowCount;
  while (last > 1 && !ws.getCell(`B${last}`).value) last--;
  ws.getCell(`A${last + 1}`).value = 'Tổng số: 12 người';
  ws.getCell(`B${last + 3}`).value = 'Người lập biểu';
  ws.getCell(`S${last + 3}`).value = 'HIỆU TRƯỞNG';
  ws.getCell(`B${last + 7}`).value = 'Trần Văn Bình';
  ws.getCell(`S${last + 7}`).value = 'Nguyễn Thị Lan';
  return { wb: back, last, counted: plain.report.countedMembers };
}

it('counts the members above the total and the signatures, and leaves those rows as typed', async () => {
  const { wb, last, counted } = await withFooter();
  const result = await evaluateWorkbook(wb, { now: NOW });
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  expect(result.report.countedMembers).toBe(counted);
  expect(result.report.members.map((m) => m.row).at(-1)).toBe(last);
  expect(result.report.warnings.filter((w) => w.sheet === SHEETS.members)).toEqual([]);
  const ws = wb.workbook.getWorksheet(SHEETS.members)!;
  expect([last + 1, last + 3, last + 7].map((r) => [ws.getCell(`A${r}`).value, ws.getCell(`B${r}`).value, ws.getCell(`S${r}`).value])).toEqual([
    ['Tổng số: 12 người', null, null],
    [null, 'Người lập biểu', 'HIỆU TRƯỞNG'],
    [null, 'Trần Văn Bình', 'Nguyễn Thị Lan'],
  ]);
  // The members table ends with the list.
  const data = (await wb.batch((s) => s.read([SHEETS.members]))).sheets.get(SHEETS.members)!;
  const parsed = readMembersSheet(data)!;
  expect([parsed.lastDataRow, parsed.footerRow]).toEqual([last, last + 1]);
});

it('reads on past a team’s total inside the list, and ends the list at the signatures', () => {
  const header = ['STT', 'Họ và tên', 'Tính vào tổng số'];
  const rows = [header, [1, 'An', null], ['Cộng tổ Toán: 1'], [2, 'Bình', null], [], [3, 'Chi', null], [], [null, 'HIỆU TRƯỞNG'], [], [null, 'Dũng']];
  const parsed = readMembersSheet({ name: SHEETS.members, rows })!;
  expect(parsed.table.rows.map((r) => r.cells[1])).toEqual(['An', 'Bình', 'Chi']);
  expect([parsed.lastDataRow, parsed.footerRow]).toEqual([6, 8]);
});

it('skips a group heading a clerk puts among the members in the number column; one in the name column is a row, as the formulas count it', () => {
  const header = ['STT', 'Họ và tên', 'Chức vụ / vị trí việc làm', 'Tính vào tổng số'];
  const rows = [header, ['I. Ban giám hiệu'], [1, 'An', 'Hiệu trưởng', null], [null, 'Tổ Khoa học tự nhiên'], ['II', 'Tổ Văn phòng'], [2, 'Bình', 'Giáo viên', null], [null, null, null, 'Có']];
  const parsed = readMembersSheet({ name: SHEETS.members, rows })!;
  // The heading in A is no row; those in the name column are (evaluate warns of them), as is a row with data and no name.
  expect(parsed.table.rows.map((r) => r.row)).toEqual([3, 4, 5, 6, 7]);
  expect(parsed.table.rows.map((r) => r.cells[1])).toEqual(['An', 'Tổ Khoa học tự nhiên', 'Tổ Văn phòng', 'Bình', null]);
});

it('warns of a group heading typed in the name column: counted as a member, as the sheet’s formulas count it', async () => {
  const wb = ExcelJsWorkbook.create('truong.xlsx');
  await createSheets(wb, sampleUnit({ members: 12 }));
  const back = await ExcelJsWorkbook.fromBuffer(await wb.toBuffer(), wb.label);
  const ws = back.workbook.getWorksheet(SHEETS.members)!;
  // Row 7 is a member's: its name becomes a team's heading, the rest of the row emptied.
  for (let c = 1; c <= 18; c++) ws.getCell(7, c).value = null;
  ws.getCell('B7').value = 'Tổ Khoa học tự nhiên';
  const result = await evaluateWorkbook(back, { now: NOW, dryRun: true });
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  const w = result.report.warnings.filter((x) => x.code === 'memberNameIsHeading');
  expect(w.map((x) => [x.sheet, x.cell])).toEqual([[SHEETS.members, 'B7']]);
  expect(w[0]!.message).toContain('“Tổ Khoa học tự nhiên”');
  expect(w[0]!.message).toMatch(/cột A/);
  expect(result.report.members.some((m) => m.row === 7)).toBe(true);
});
