/**
 * `startNewYear` on “Người học”, on every implementation: typed figures (a class's, a subtotal's,
 * the total's) cleared, the figures a formula computes kept as formulas, their results dropped
 * where a host stores them (the old sums are no figures of the new year).
 */
import { createSheets } from '../../../src/usecases/createSheets';
import { startNewYear } from '../../../src/usecases/newYear';
import { sampleUnit } from '../../../src/usecases/sampleData';
import { SHEETS } from '../../../src/sheets/names';
import type { CellInput } from '../../../src/workbook/port';
import type { Implementation } from './subject';

/**
 * Rows 5–11 of “Người học”: two grades, the first summed by a typed “Cộng khối 6”, the second
 * headed by “Khối 7” whose figures are =SUM of its classes; the total's head count typed, its
 * CDHT count a formula over the classes. Also the CLI's test (test/officer/newYearLearners).
 */
export const LEARNERS: CellInput[][] = [
  [1, '6A', 40, 38],
  [2, '6B', 38, 36],
  [null, 'Cộng khối 6', 78, 74],
  [null, 'Khối 7', { formula: '=SUM(C9:C10)', result: 68 }, { formula: '=SUM(D9:D10)', result: 63 }],
  [3, '7A', 35, 33],
  [4, '7B', 33, 30],
  [null, 'Tổng cộng', 146, { formula: '=SUM(D5:D6,D9:D10)', result: 137 }],
];

/** The formulas of LEARNERS, by cell. */
export const LEARNER_FORMULAS = { C8: '=SUM(C9:C10)', D8: '=SUM(D9:D10)', D11: '=SUM(D5:D6,D9:D10)' };

export function newYearLearners(impl: Implementation): void {
  it(`${impl.name}: new-year clears the typed figures of “Người học” and keeps its formulas, without last year's results`, async () => {
    const wb = await impl.open({});
    await createSheets(wb.workbook, sampleUnit({ members: 6 }));
    await wb.workbook.batch(async (s) => s.write({ sheet: SHEETS.learners, mode: 'existing', cells: [{ at: 'A5', rows: LEARNERS }], clear: ['A12:D40'] }));
    expect((await startNewYear(wb.workbook)).ok).toBe(true);
    const s = await wb.sheet(SHEETS.learners);
    const figures = Object.fromEntries(Object.entries(s.cells).filter(([a]) => /^[CD]([5-9]|1\d)$/.test(a)));
    expect(figures).toEqual(LEARNER_FORMULAS);
    expect([s.cells.B7, s.cells.B8, s.cells.B11, s.cells.A9]).toEqual(['Cộng khối 6', 'Khối 7', 'Tổng cộng', 3]);
    if (s.results) expect([s.results.C8, s.results.D8, s.results.D11]).toEqual([undefined, undefined, undefined]);
    if (wb.recalculated) {
      const r = await wb.recalculated(SHEETS.learners);
      expect([r.C8, r.D8, r.D11]).toEqual([0, 0, 0]);
    }
  });
}
