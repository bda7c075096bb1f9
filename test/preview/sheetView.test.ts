/** How the preview grid shows numbers: as Excel would under the cell's number format. */
import { formatNumber } from '../../src/hosts/preview/sheetView';

describe('preview cell text', () => {
  it('shows a date serial under a date format as a date, with the time when the format has one', () => {
    expect(formatNumber(46349.4911819329, 'dd/mm/yyyy hh:mm', 'vi-VN')).toBe('23/11/2026 11:47');
    expect(formatNumber(45828, 'dd/mm/yyyy', 'vi-VN')).toBe('20/06/2025');
  });

  it('keeps percentages, decimals and grouping, and is not fooled by quoted text or colours', () => {
    expect(formatNumber(0.875, '0.0%', 'vi-VN')).toBe('87,5%');
    expect(formatNumber(1234.5, '#,##0.00', 'vi-VN')).toBe('1.234,50');
    expect(formatNumber(12, '0 "ngày"', 'vi-VN')).toBe('12');
    expect(formatNumber(3, '[Red]0', 'vi-VN')).toBe('3');
  });
});
