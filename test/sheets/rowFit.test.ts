/**
 * A wrapped text the add-in writes shows whole where its row is not autofitted: LibreOffice
 * and the preview draw a file's rows at their stored height, so a row of three lines stored
 * at one line's height prints its lines over the next row's (the templates sheets did).
 */
import { createSheets } from '../../src/usecases/createSheets';
import { evaluateWorkbook } from '../../src/usecases/evaluate';
import { generateDocuments } from '../../src/usecases/documents';
import { sampleUnit } from '../../src/usecases/sampleData';
import { planTemplatesSheet, readTemplatesSheet, UNIT_TEMPLATES } from '../../src/documents/templatesSheet';
import { OFFICER_TEMPLATES } from '../../src/documents/officer/templates';
import { parseRange } from '../../src/workbook/a1';
import type { SheetPlan } from '../../src/workbook/port';
import { DATA_FONT_SIZE } from '../../src/sheets/styles';
import { heightFor, lineCount } from '../../src/sheets/documentLayout';
import { generateOfficerDocuments } from '../../src/usecases/officerDocuments';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsxWorkbook';
import { NODE_XLSX } from '../../src/workbook/xlsx/files';
import type { Workbook } from '../../src/workbook/port';
import { MemoryWorkbook } from '../property/memoryWorkbook';
import { batchFiles, consolidateInto } from '../officer/batch';
import { shownCells } from './planCells';

jest.setTimeout(180_000);

/** A workbook whose plans are kept as they are written. */
function recording(inner: Workbook): { wb: Workbook; plans: SheetPlan[] } {
  const plans: SheetPlan[] = [];
  const wb: Workbook = {
    label: inner.label,
    batch: (work) =>
      inner.batch((session) =>
        work({
          ...session,
          read: (...args) => session.read(...args),
          select: (...args) => session.select(...args),
          write: (plan) => {
            plans.push(plan);
            session.write(plan);
          },
        }),
      ),
  };
  return { wb, plans };
}

/**
 * Cells of a plan drawn whole ('existing' plans keep the sheet's rows) whose wrapped text needs
 * more lines than its row's planned height holds, in a shown column of known width and outside merges.
 */
function cutOff(plan: SheetPlan): string[] {
  const widths = new Map((plan.columns ?? []).map((c) => [c.index, c.width]));
  const heights = new Map((plan.rowHeights ?? []).map((h) => [h.index, h.height]));
  const merged = (plan.merges ?? []).map(parseRange);
  return shownCells(plan).flatMap(({ row, col, value, style, where }) => {
    const width = widths.get(col);
    if (typeof value !== 'string' || width === undefined || !style.wrap) return [];
    if (merged.some((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right)) return [];
    const size = style.fontSize ?? DATA_FONT_SIZE;
    // Measured a unit wider than the column: only a text clearly cut off counts (the measure errs long).
    const lines = lineCount(value, width + 1, size, style.bold);
    const height = heights.get(row) ?? heightFor(1, size);
    return lines > 1 && height < heightFor(lines, size) ? [`${where} (${lines} lines, ${height} pt)`] : [];
  });
}

test('the unit workbook’s sheets, its summary and its documents leave no wrapped text cut off by its row', async () => {
  const wb = new MemoryWorkbook();
  await createSheets(wb, sampleUnit({ members: 12 }));
  expect((await evaluateWorkbook(wb, { now: new Date(Date.UTC(2025, 11, 20)) })).ok).toBe(true);
  await generateDocuments(wb);
  expect(wb.plans.map((p) => p.sheet)).toContain(UNIT_TEMPLATES.sheet);
  expect(wb.plans.flatMap(cutOff)).toEqual([]);
});

test('the officer’s consolidated table, file report and documents leave no wrapped text cut off by its row', async () => {
  const { wb, plans } = recording(await XlsxWorkbook.create('tong-hop.xlsx', NODE_XLSX));
  await consolidateInto(wb, await batchFiles());
  const r = await generateOfficerDocuments(wb, {});
  expect(r.ok).toBe(true);
  expect(new Set(plans.map((p) => p.sheet)).size).toBeGreaterThanOrEqual(6);
  expect(plans.flatMap(cutOff)).toEqual([]);
});

test.each([
  ['the unit’s', UNIT_TEMPLATES],
  ['the officer’s', OFFICER_TEMPLATES],
])('%s templates sheet fits its rows to their texts, drawn whole and when a release appends keys', (_, set) => {
  const whole = planTemplatesSheet(false, readTemplatesSheet(undefined, 'Trường THCS Nguyễn Du', 'pass-fail', set), 'Trường THCS Nguyễn Du', 'pass-fail', set)!;
  expect(cutOff(whole)).toEqual([]);
  // A sheet of an older release without its last three keys: they are appended below, fitted too.
  const held = set.defaults.slice(0, -3).map((d) => [d.key, 'x', d.label]);
  const appended = planTemplatesSheet(true, readTemplatesSheet({ name: set.sheet, rows: [[set.title], [null], ['Mã', 'Nội dung mẫu', 'Dùng cho'], ...held] }, 'Trường THCS Nguyễn Du', 'pass-fail', set), 'Trường THCS Nguyễn Du', 'pass-fail', set)!;
  expect(appended.cells!.at(-1)!.rows).toHaveLength(3);
  expect(cutOff({ ...appended, columns: whole.columns })).toEqual([]);
});
