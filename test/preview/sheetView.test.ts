/** How the preview grid shows numbers: as Excel would under the cell's number format. */
import { formatNumber, sheetView } from '../../src/hosts/preview/sheetView';
import type { SheetModel } from '../../src/hosts/preview/packageModel';

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

describe('the last used cell (Ctrl+End)', () => {
  const model = (): SheetModel => ({
    name: 'Trang',
    role: null,
    // Row 3 col 4 holds a number; row 6 an empty string (blank) and text; row 2 col 6 sits in a hidden column; row 10 is hidden.
    values: [['a'], [null, null, null, null, null, 'ẩn'], [null, null, '', 5], [], [], ['', 'x'], [], [], [], ['dòng ẩn', null, null, null, 'x']],
    styleIds: new Map([['12:8', 1]]), // formatted but empty: not used
    formulas: new Map([['9:2', 'A1*2']]), // never calculated: no value, still used
    uncached: new Set(['9:2']),
    columns: new Map([[6, { hidden: true }]]),
    defaultColumnWidth: 8.43,
    rows: new Map([[10, { hidden: true }]]),
    defaultRowHeightPt: 15,
    merges: [],
    validations: [],
    print: { orientation: 'portrait', margins: { top: 1.9, bottom: 1.9, left: 1.8, right: 1.8 }, fit: null, scale: 100, printArea: null, rowBreaks: [], columnBreaks: [], orientationSet: false, titleRows: null, titleColumns: null },
    formats: [{ numFmt: 'General' }, { numFmt: 'General', fill: '#FFFF00' }],
    date1904: false,
    frozen: { rows: 0, columns: 0 },
    locked: null,
  });

  it('is the last shown row and the last shown column holding anything, as a scan of every shown cell finds', () => {
    const view = sheetView(model(), 'vi-VN');
    expect(view.lastUsed()).toEqual({ row: 9, column: 4 });
    let row = view.rows[0]!;
    let column = view.columns[0]!.index;
    for (const r of view.rows)
      for (const c of view.columns)
        if (view.input(r, c.index) !== '') {
          row = Math.max(row, r);
          column = Math.max(column, c.index);
        }
    expect(view.lastUsed()).toEqual({ row, column });
  });

  it('is the first cell of an empty sheet', () => {
    expect(sheetView({ ...model(), values: [], formulas: new Map(), uncached: new Set() }, 'vi-VN').lastUsed()).toEqual({ row: 1, column: 1 });
  });
});
