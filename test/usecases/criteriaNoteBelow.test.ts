/**
 * A note the unit types under the “Tiêu chí” table (a remark, who checked it) is the unit's:
 * it is not read as an indicator (it once was, and asked for a self-assessment), and evaluate
 * greys and borders the result columns K–P on the table's rows only, not beside the note.
 */
import { ExcelJsWorkbook } from '../support/exceljs/excelJsWorkbook';
import { createSheets } from '../../src/usecases/createSheets';
import { evaluateWorkbook } from '../../src/usecases/evaluate';
import { sampleUnit } from '../../src/usecases/sampleData';
import { SHEETS } from '../../src/sheets/names';
import { COL } from '../../src/sheets/criteriaSheet';
import { columnLetter } from '../../src/workbook/a1';

const NOW = new Date(Date.UTC(2025, 11, 20, 3, 0, 0));
const NOTE = 'Ghi chú: Hội đồng tự đánh giá đã kiểm tra minh chứng ngày 15/12.';

async function withNote(edit: (ws: import('exceljs').Worksheet, note: number) => void) {
  const wb = ExcelJsWorkbook.create('truong.xlsx');
  await createSheets(wb, sampleUnit({ members: 12 }));
  const back = await ExcelJsWorkbook.fromBuffer(await wb.toBuffer(), wb.label);
  const ws = back.workbook.getWorksheet(SHEETS.criteria)!;
  const last = ws.actualRowCount;
  edit(ws, last + 2);
  const result = await evaluateWorkbook(back, { now: NOW });
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return { sheet: back.workbook.getWorksheet(SHEETS.criteria)!, last, note: last + 2, report: result.report };
}

it('leaves a note under the criteria table as the unit typed it: no indicator, no grey cells beside it', async () => {
  const { sheet, last, note, report } = await withNote((ws, row) => (ws.getCell(`A${row}`).value = NOTE));
  expect(report.indicators.map((i) => i.code)).toEqual(['1.1', '1.2', '1.3', '1.4', '1.5', '2.1', '2.2', '2.3', '2.4', '3.1', '3.2a', '3.2b', '3.3', '3.4']);
  expect(report.warnings.filter((w) => w.sheet === SHEETS.criteria)).toEqual([]);
  const fill = (address: string) => (sheet.getCell(address).fill as { fgColor?: { argb?: string } } | undefined)?.fgColor?.argb ?? null;
  const K = columnLetter(COL.applicable);
  const P = columnLetter(COL.earned);
  // The table's last row is the add-in's (grey); the note's row and the blank row above it are not touched.
  expect(fill(`${K}${last}`)).toMatch(/F2F2F2$/i);
  for (const r of [last + 1, note]) {
    for (const c of [K, P]) expect([`${c}${r}`, fill(`${c}${r}`), sheet.getCell(`${c}${r}`).border?.top ?? null]).toEqual([`${c}${r}`, null, null]);
  }
  expect(sheet.getCell(`A${note}`).value).toBe(NOTE);
});

it('says so when a row with an indicator’s text has no code in column A, only words', async () => {
  const { report, note } = await withNote((ws, row) => {
    ws.getCell(`A${row}`).value = 'Chỉ tiêu thêm';
    ws.getCell(`B${row}`).value = 'Đơn vị tổ chức ngày hội đọc sách';
  });
  expect(report.indicators.map((i) => i.code)).not.toContain('Chỉ tiêu thêm');
  const w = report.warnings.filter((x) => x.code === 'criteriaRowWithoutCode');
  expect(w.map((x) => [x.sheet, x.cell])).toEqual([[SHEETS.criteria, `A${note}`]]);
  expect(w[0]!.message).toContain('“Chỉ tiêu thêm”');
  expect(w[0]!.message).toMatch(/không có dấu cách/);
});
