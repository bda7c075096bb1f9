/**
 * The learners' sheet as clerks keep it: a total row under the classes (“Tổng cộng”, “Toàn
 * trường”), often the signatures under it. Read as one more class, the total doubled both
 * figures of the learners' indicator (447/453 became 894/906 in the report).
 */
import { readLearnersSheet } from '../../src/sheets/learnersSheet';
import { SHEETS } from '../../src/sheets/names';

const header = ['STT', 'Lớp / khối', 'Số người học', 'Số người học đạt CDHT', 'Tỷ lệ', 'Ghi chú'];

it.each([['Tổng cộng'], ['TỔNG SỐ'], ['Toàn trường'], ['Cộng']])('leaves out a total row labelled “%s”, and the signatures under it', (label) => {
  const rows = [['title'], [], [], header, [1, '6A', 35, 35], [2, '6B', 42, 41], [null, label, 77, 76], [], [null, 'Người lập biểu', null, 'HIỆU TRƯỞNG'], [null, 'Trần Văn Bình', 3, 2]];
  const parsed = readLearnersSheet({ name: SHEETS.learners, rows })!;
  expect(parsed.rows.map((r) => [r.label, r.headcount.value, r.cdht.value])).toEqual([
    ['6A', 35, 35],
    ['6B', 42, 41],
  ]);
  expect([parsed.lastDataRow, parsed.footerRow, parsed.totalRows]).toEqual([6, 7, [7]]);
});

it('leaves out a grade’s subtotal between classes, the figures being the sum of the grade’s classes', () => {
  const rows = [header, [1, '6A', 35, 35], [2, '6B', 42, 41], [null, 'Cộng khối 6', 77, 76], [3, '7A', 40, 39], ['Khối 7 cộng', null, 40, 39], [4, '8A', 30, 30], [null, 'Tổng cộng', 147, 145]];
  const parsed = readLearnersSheet({ name: SHEETS.learners, rows })!;
  expect(parsed.rows.map((r) => r.label)).toEqual(['6A', '6B', '7A', '8A']);
  expect([parsed.subtotalRows, parsed.lastDataRow, parsed.footerRow, parsed.totalRows]).toEqual([[4, 6], 7, 8, [8]]);
});

it('counts a row with a total’s words whose figures are not the sum above it, as the criteria’s formulas do', () => {
  const rows = [header, [1, '6A', 35, 35], [null, 'Cộng khối 6', 36, 35], [2, '7A', 40, 39], [null, 'Tổng cộng', 75, 74]];
  const parsed = readLearnersSheet({ name: SHEETS.learners, rows })!;
  expect(parsed.rows.map((r) => r.label)).toEqual(['6A', 'Cộng khối 6', '7A']);
  expect([parsed.subtotalRows, parsed.lastDataRow, parsed.footerRow]).toEqual([[], 4, 5]);
});

it('reads every class when there is no total', () => {
  const rows = [header, [1, '6A', 35, 35], [], [2, 'Khối 7', 120, 118]];
  expect(readLearnersSheet({ name: SHEETS.learners, rows })!.rows.map((r) => r.label)).toEqual(['6A', 'Khối 7']);
});
