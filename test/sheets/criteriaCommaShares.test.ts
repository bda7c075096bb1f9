/**
 * A requirement or the personal target typed with a decimal comma (“0,95”, “95,5”) where Excel
 * takes a dot stays text in the cell: the sheet's formulas read it as 0. It was refused as “not a
 * share from 0% to 100%”, which it is; it is now said to be stored as text, as “95%” typed as
 * text is, with how to type it again.
 */
import { createSheets } from '../../src/usecases/createSheets';
import { evaluateWorkbook, rewordResult } from '../../src/usecases/evaluate';
import { sampleUnit } from '../../src/usecases/sampleData';
import { COL, SETTINGS } from '../../src/sheets/criteriaSheet';
import { SHEETS } from '../../src/sheets/names';
import { cellAddress } from '../../src/workbook/a1';
import type { CellValue } from '../../src/workbook/port';
import { MemoryWorkbook } from '../property/memoryWorkbook';

const NOW = new Date(Date.UTC(2025, 11, 20));

async function withCell(find: (row: CellValue[]) => boolean, col: number, value: CellValue): Promise<{ wb: MemoryWorkbook; cell: string }> {
  const wb = new MemoryWorkbook();
  await createSheets(wb, sampleUnit({ members: 20 }));
  const rows = wb.rows(SHEETS.criteria);
  const r = rows.findIndex(find);
  rows[r]![col - 1] = value;
  return { wb, cell: cellAddress(r + 1, col) };
}

it.each(['0,95', '95,5', ' 0,9 '])('requirement %p typed with a decimal comma is said to be stored as text, at its cell', async (typed) => {
  const { wb, cell } = await withCell((row) => row[0] === '2.1', COL.threshold, typed);
  const r = await evaluateWorkbook(wb, { now: NOW, dryRun: true });
  expect(r.ok).toBe(false);
  expect(r.problems.map((p) => p.code)).not.toContain('invalidThreshold');
  const p = r.problems.find((x) => x.code === 'thresholdAsText')!;
  expect(p).toMatchObject({ severity: 'error', sheet: SHEETS.criteria, cell });
  expect(p.message).toContain(`“${typed.trim()}”`);
  expect(p.message).toMatch(/dạng chữ/);
  expect(rewordResult(r, 'en').problems.find((x) => x.code === 'thresholdAsText')!.message).toMatch(/text/);
});

it('a comma share over 100% (“1,5”) is still refused as out of range', async () => {
  const { wb } = await withCell((row) => row[0] === '2.1', COL.threshold, '1,5');
  const r = await evaluateWorkbook(wb, { now: NOW, dryRun: true });
  expect(r.problems.map((p) => p.code)).toContain('invalidThreshold');
});

it('the personal target “0,8” is said to be stored as text; the default is used', async () => {
  const { wb, cell } = await withCell((row) => row[1] === SETTINGS.personalTarget, 3, '0,8');
  const r = await evaluateWorkbook(wb, { now: NOW, dryRun: true });
  if (!r.ok) throw new Error('a refused setting is a warning, not a stop');
  const p = r.problems.find((x) => x.code === 'settingAsText')!;
  expect(p).toMatchObject({ severity: 'warning', sheet: SHEETS.criteria, cell });
  expect(p.message).toContain('“0,8”');
  expect(r.problems.map((x) => x.code)).not.toContain('invalidSetting');
});
