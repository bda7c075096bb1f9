/**
 * One percentage rule (issue 13): the pane, the sheets, the documents and consolidation print
 * the figure Excel shows for a "0.0%" cell: one decimal, half away from zero on the decimal
 * value, Vietnamese comma. The expected texts are what Excel displays for these fractions.
 */
import { formatMeasured, formatPercent, formatThreshold } from '../../src/i18n/format';
import { unmetIndicators } from '../../src/i18n/outcome';
import { indicatorPercent } from '../../src/documents/context';
import { formatNumber as previewCellText } from '../../src/hosts/preview/sheetView';

const EXCEL_SHOWS: [number, string][] = [
  [40 / 41, '97,6%'], // the pane showed 97,5% where the sheet shows 97,6%
  [0.975, '97,5%'],
  [0.9, '90,0%'],
  [1, '100,0%'],
  [0, '0,0%'],
  [0.8995, '90,0%'], // 89.95 → 90.0: the verdict stays "not met", computed exactly
  [0.1235, '12,4%'], // 0.1235 is 0.12349999… in binary: rounded on its decimal value
  [0.6665, '66,7%'],
  [0.0005, '0,1%'],
  [0.00049999, '0,0%'],
  [35 / 39, '89,7%'],
];

describe('one percentage rule', () => {
  test.each(EXCEL_SHOWS)('the pane prints %p as Excel shows it', (fraction, shown) => {
    expect(formatPercent(fraction, 'vi')).toBe(shown);
  });
  test.each(EXCEL_SHOWS)('the documents print %p as Excel shows it', (fraction, shown) => {
    expect(indicatorPercent({ value: fraction })).toBe(shown);
  });
  test.each(EXCEL_SHOWS)('the preview shows a "0.0%" cell holding %p as Excel shows it', (fraction, shown) => {
    expect(previewCellText(fraction, '0.0%', 'vi-VN')).toBe(shown);
  });
});

/**
 * Beside its requirement a failing share never reads as reaching it: one decimal would show
 * 1 899 of 2 000 (94,95%) as “95,0%” next to “< 95%”; it keeps the decimals that show it below.
 */
describe('a measured share beside its requirement', () => {
  const EDGE: [number, number, string][] = [
    [1899 / 2000, 0.95, '94,95%'],
    [188 / 209, 0.9, '89,95%'],
    [0.96995, 0.97, '96,995%'],
    [35 / 39, 0.9, '89,7%'], // plainly below: one decimal as usual
  ];
  test.each(EDGE)('%p failing %p prints %p on the pane, in the documents and in the consolidation', (value, required, shown) => {
    const i = { value, required, status: 'not_met' as const };
    expect(formatMeasured(i, 'vi')).toBe(shown);
    expect(indicatorPercent(i)).toBe(shown);
    expect(unmetIndicators([{ code: '3.2b', measure: 'learners', ...i }], 'vi')).toEqual([`3.2b: ${shown} < ${formatThreshold(required)}`]);
  });
  it('a share that meets its requirement keeps one decimal (27 of 30 is 90,0%)', () => {
    expect(formatMeasured({ value: 27 / 30, required: 0.9, status: 'met' }, 'vi')).toBe('90,0%');
    expect(indicatorPercent({ value: 0.9995, required: 0.95, status: 'met' })).toBe('100,0%');
  });
});
