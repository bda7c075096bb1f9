/**
 * One percentage rule (issue 13): the pane, the sheets, the documents and consolidation print
 * the figure Excel shows for a "0.0%" cell: one decimal, half away from zero on the decimal
 * value, Vietnamese comma. The expected texts are what Excel displays for these fractions.
 */
import { formatPercent } from '../../src/i18n/format';
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
