/**
 * Every cell the add-in writes a value into is in the add-in's font (Times New Roman, as
 * Vietnamese administrative documents are): a style run without a font name leaves the cell in
 * the workbook's default, Calibri in Excel, and one block of a sheet then looks unlike the rest.
 */
import { createSheets } from '../../src/usecases/createSheets';
import { evaluateWorkbook } from '../../src/usecases/evaluate';
import { generateDocuments } from '../../src/usecases/documents';
import { sampleUnit } from '../../src/usecases/sampleData';
import { parseCell, parseRange } from '../../src/workbook/a1';
import type { CellStyle, SheetPlan } from '../../src/workbook/port';
import { FONT } from '../../src/sheets/styles';
import { MemoryWorkbook } from '../property/memoryWorkbook';

/**
 * Shown cells holding a value whose style runs, applied in order, name no font. A plan that only
 * writes values into a sheet already drawn ('existing') keeps the styles the sheet has; hidden
 * columns hold what formulas and the add-in read, never seen.
 */
function withoutFont(plan: SheetPlan): string[] {
  if (plan.mode === 'existing') return [];
  const hidden = new Set((plan.columns ?? []).filter((c) => c.hidden).map((c) => c.index));
  const runs = (plan.styles ?? []).map((s) => ({ box: parseRange(s.range), style: s.style }));
  const out: string[] = [];
  for (const block of plan.cells ?? []) {
    const at = parseCell(block.at);
    block.rows.forEach((line, i) =>
      line.forEach((v, j) => {
        const row = at.row + i;
        const col = at.col + j;
        if (v === null || v === '' || hidden.has(col)) return;
        const style: CellStyle = {};
        for (const r of runs) if (row >= r.box.top && row <= r.box.bottom && col >= r.box.left && col <= r.box.right) Object.assign(style, r.style);
        if (style.fontName !== FONT) out.push(`${plan.sheet}!${String.fromCharCode(64 + col)}${row}`);
      }),
    );
  }
  return out;
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
