/**
 * Every cell the add-in writes a value into is in the add-in's font (Times New Roman, as
 * Vietnamese administrative documents are): a style run without a font name leaves the cell in
 * the workbook's default, Calibri in Excel, and one block of a sheet then looks unlike the rest.
 */
import { createSheets } from '../../src/usecases/createSheets';
import { evaluateWorkbook } from '../../src/usecases/evaluate';
import { generateDocuments } from '../../src/usecases/documents';
import { sampleUnit } from '../../src/usecases/sampleData';
import type { SheetPlan } from '../../src/workbook/port';
import { FONT } from '../../src/sheets/styles';
import { MemoryWorkbook } from '../property/memoryWorkbook';
import { shownCells } from './planCells';

/** Shown cells holding a value in no font of their own (see shownCells). */
function withoutFont(plan: SheetPlan): string[] {
  return shownCells(plan)
    .filter((c) => c.style.fontName !== FONT)
    .map((c) => c.where);
}

test('the unit workbook’s sheets, its summary and its documents write every value in the add-in’s font', async () => {
  const wb = new MemoryWorkbook();
  await createSheets(wb, sampleUnit({ members: 12 }));
  const evaluated = await evaluateWorkbook(wb, { now: new Date(Date.UTC(2025, 11, 20)) });
  expect(evaluated.ok).toBe(true);
  await generateDocuments(wb);
  const sheets = new Set(wb.plans.map((p) => p.sheet));
  expect(sheets.size).toBeGreaterThanOrEqual(10);
  expect(wb.plans.flatMap(withoutFont)).toEqual([]);
});
