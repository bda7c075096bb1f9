/** How the preview grid shows numbers: as Excel would under the cell's number format. */
import { formatNumber, sheetView, sheetViews } from '../../src/hosts/preview/sheetView';
import type { SheetModel } from '../../src/hosts/preview/packageModel';
import { sheetModel } from './sheetModel';
import { typedInput } from '../../src/hosts/preview/typedInput';
import { PreviewWorkbook } from '../../src/hosts/preview/previewWorkbook';
import { drawMembersSheet, MEMBER_HEADER_ROW } from '../../src/sheets/membersSheet';
import { SHEETS } from '../../src/sheets/names';
import { MEMBER_FIELDS, memberField } from '../../src/domain/memberFields';
import type { CellInput, SheetPlan } from '../../src/workbook/port';

describe('preview cell text', () => {
  it('shows a date serial under a date format as a date, with the time when the format has one', () => {
    expect(formatNumber(46349.4911819329, 'dd/mm/yyyy hh:mm', 'vi-VN')).toBe('23/11/2026 11:47');
    expect(formatNumber(45828, 'dd/mm/yyyy', 'vi-VN')).toBe('20/06/2025');
  });

  it('counts a 1904 workbook’s serials from 1904, in what the grid shows and what the cell editor holds', () => {
    // 20/06/2025 is 45828 in the 1900 system and 44366 in the 1904 one (Excel for Mac's old default).
    expect(formatNumber(44366, 'dd/mm/yyyy', 'vi-VN', true)).toBe('20/06/2025');
    const base = sheetModel({ values: [[44366]], styleIds: new Map([['1:1', 1]]), formats: [{ numFmt: 'General' }, { numFmt: 'dd/mm/yyyy' }], date1904: true });
    const view = sheetView(base, 'vi-VN');
    expect(view.cell(1, 1).text).toBe('20/06/2025');
    expect(view.input(1, 1)).toBe('20/06/2025');
    // The same serial in a 1900 workbook is four years earlier.
    expect(sheetView({ ...base, date1904: false }, 'vi-VN').cell(1, 1).text).toBe('19/06/2021');
  });

  it('keeps percentages, decimals and grouping, and is not fooled by quoted text or colours', () => {
    expect(formatNumber(0.875, '0.0%', 'vi-VN')).toBe('87,5%');
    expect(formatNumber(1234.5, '#,##0.00', 'vi-VN')).toBe('1.234,50');
    expect(formatNumber(12, '0 "ngày"', 'vi-VN')).toBe('12');
    expect(formatNumber(3, '[Red]0', 'vi-VN')).toBe('3');
  });

  it('holds a percentage in the cell editor as Excel’s formula bar does: 90%, not 0.9', () => {
    const view = sheetView(
      sheetModel({ values: [[0.9, 0.07, 0.875, 0.9]], styleIds: new Map([['1:1', 1], ['1:2', 1], ['1:3', 2]]), formats: [{ numFmt: 'General' }, { numFmt: '0%' }, { numFmt: '0.0%' }] }),
      'vi-VN',
    );
    expect(view.cell(1, 1).text).toBe('90%');
    expect(view.input(1, 1)).toBe('90%');
    expect(view.input(1, 2)).toBe('7%'); // not 7.000000000000001%
    expect(view.input(1, 3)).toBe('87,5%');
    expect(view.cell(1, 1).percent).toBe(true);
    expect(view.input(1, 4)).toBe('0,9');
    expect(view.cell(1, 4).percent).toBeUndefined();
  });
});

describe('the cell editor’s number', () => {
  const values = [42.5, 8.125, 1234.567, 1200, -0.75, 0.876];
  const model = sheetModel({ values: [values], styleIds: new Map([['1:6', 1]]), formats: [{ numFmt: 'General' }, { numFmt: '0.0%' }] });
  const shows = (c: number) => (c === 6 ? 'percent' : null);

  it('holds a number as the page’s language writes it, as Excel’s formula bar does (8,125 in Vietnamese, where 8.125 is eight thousand)', () => {
    const vi = sheetView(model, 'vi-VN');
    expect(values.map((_, i) => vi.input(1, i + 1))).toEqual(['42,5', '8,125', '1234,567', '1200', '-0,75', '87,6%']);
    const en = sheetView(model, 'en-GB');
    expect(values.map((_, i) => en.input(1, i + 1))).toEqual(['42.5', '8.125', '1234.567', '1200', '-0.75', '87.6%']);
  });

  it('reads back as the same number when it is committed again, changed or not', () => {
    for (const locale of ['vi-VN', 'en-GB', 'en-US', 'de-DE', 'fr-FR']) {
      const view = sheetView(model, locale);
      const back = values.map((_, i) => typedInput(`${view.input(1, i + 1)} `, locale, shows(i + 1)));
      expect({ locale, back }).toEqual({ locale, back: values });
    }
  });
});

describe('the last used cell (Ctrl+End)', () => {
  const model = (): SheetModel =>
    sheetModel({
      // Row 3 col 4 holds a number; row 6 an empty string (blank) and text; row 2 col 6 sits in a hidden column; row 10 is hidden.
      values: [['a'], [null, null, null, null, null, 'ẩn'], [null, null, '', 5], [], [], ['', 'x'], [], [], [], ['dòng ẩn', null, null, null, 'x']],
      styleIds: new Map([['12:8', 1]]), // formatted but empty: not used
      formulas: new Map([['9:2', 'A1*2']]), // never calculated: no value, still used
      uncached: new Set(['9:2']),
      columns: new Map([[6, { hidden: true }]]),
      rows: new Map([[10, { hidden: true }]]),
      formats: [{ numFmt: 'General' }, { numFmt: 'General', fill: '#FFFF00' }],
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

describe('row heights', () => {
  /** The members sheet as the add-in writes it, with `rows` below the header, read back as the preview reads it. */
  const membersView = async (rows: CellInput[][], extra?: SheetPlan) => {
    const wb = PreviewWorkbook.create('truong.xlsx');
    await wb.batch(async (session) => {
      session.write(drawMembersSheet(rows));
      if (extra) session.write(extra);
    });
    const reader = await wb.read();
    const view = sheetView((await reader.sheet(extra?.sheet ?? SHEETS.members))!, 'vi-VN');
    return { view, height: (row: number) => view.heights[view.rows.indexOf(row)]! };
  };
  const member = (title: string, note = ''): CellInput[] => {
    const row: CellInput[] = MEMBER_FIELDS.map(() => null);
    row[MEMBER_FIELDS.findIndex((f) => f.key === 'name')] = 'Nguyễn Thị Thu Hương';
    row[MEMBER_FIELDS.findIndex((f) => f.key === 'position')] = 'Giáo viên';
    row[MEMBER_FIELDS.findIndex((f) => f.key === 'emulationTitle')] = title;
    row[MEMBER_FIELDS.findIndex((f) => f.key === 'note')] = note;
    return row;
  };
  const first = MEMBER_HEADER_ROW + 1;

  it('draws a member row one line tall when its “Danh hiệu thi đua” fits its column on one line, as Excel and LibreOffice show it', async () => {
    expect(memberField('emulationTitle').width).toBe(18);
    const { view, height } = await membersView([member('Lao động tiên tiến'), member('Chiến sĩ thi đua cơ sở'), member('')]);
    // The row the file gives no height: as tall as an empty member row, the sheet's default.
    expect(view.rows).toContain(first);
    expect(height(first)).toBe(height(first + 2));
    // A longer title does not fit 18 characters of Times New Roman: two lines.
    expect(height(first + 1)).toBeGreaterThan(height(first + 2) * 1.5);
  });

  it('measures a text at its cell’s font size and boldness', async () => {
    const title = 'Lao động tiên tiến';
    const { height } = await membersView([], {
      sheet: 'Cỡ chữ',
      mode: 'ensure',
      cells: [{ at: 'A1', rows: [[title], [title], [title]] }],
      styles: [
        { range: 'A1:A3', style: { wrap: true, fontName: 'Times New Roman' } },
        { range: 'A2', style: { bold: true } },
        { range: 'A3', style: { fontSize: 14 } },
      ],
      columns: [{ index: 1, width: 16 }],
    });
    // One line of 11 pt upright text in 16 characters; bold or at 14 pt it takes two.
    expect(height(2)).toBeGreaterThan(height(1) * 1.5);
    expect(height(3)).toBeGreaterThan(height(2));
  });

  it('draws a really long text on several lines, fewer where a merge gives it more width', async () => {
    const long = 'Nghỉ thai sản từ tháng 9 đến tháng 12, đã học bù các chuyên đề bồi dưỡng thường xuyên theo kế hoạch của nhà trường và của phòng giáo dục';
    const { height } = await membersView([member('Lao động tiên tiến', long), member('')]);
    expect(height(first)).toBeGreaterThanOrEqual(height(first + 1) * 4);

    const own: SheetPlan = {
      sheet: 'Ghi chú',
      mode: 'ensure',
      cells: [{ at: 'A1', rows: [[long]] }],
      styles: [{ range: 'A1:C1', style: { wrap: true, fontName: 'Times New Roman' } }],
      merges: ['A1:C1'],
      columns: [1, 2, 3].map((index) => ({ index, width: 20 })),
    };
    const notes = await membersView([], own);
    const merged = notes.view.cell(1, 1);
    expect(merged.merge?.span).toBe(3);
    expect(notes.height(1)).toBeGreaterThanOrEqual(notes.height(2) * 2);
    // The same text in one of those columns, unmerged: more lines.
    const alone = await membersView([], { ...own, sheet: 'Ghi chú 2', merges: [] });
    expect(alone.height(1)).toBeGreaterThan(notes.height(1));
  });

  it('leaves a text in a hidden or hair-thin column out of its row’s height (the sheet shows none of it)', async () => {
    const long = 'Cột ẩn giữ văn bản dài của trang, không ai nhìn thấy trên lưới';
    const { height } = await membersView([], {
      sheet: 'Cột ẩn',
      mode: 'ensure',
      cells: [{ at: 'A1', rows: [['Đơn vị', long, long]] }],
      styles: [{ range: 'A1:C1', style: { wrap: true } }],
      columns: [
        { index: 2, width: 30, hidden: true },
        { index: 3, width: 0.2 },
      ],
    });
    expect(height(1)).toBe(height(2));
  });

  it('draws a row the file gives a height, set by hand or fitted to its texts, at that height whatever its text', async () => {
    const long = 'Một ghi chú rất dài '.repeat(20);
    const own: SheetPlan = {
      sheet: 'Chiều cao',
      mode: 'ensure',
      cells: [{ at: 'A1', rows: [[long], [long], ['Lao động tiên tiến']] }],
      styles: [{ range: 'A1:A3', style: { wrap: true, fontName: 'Times New Roman' } }],
      columns: [{ index: 1, width: 18 }],
      rowHeights: [
        { index: 1, height: 30 },
        { index: 2, height: 45, fit: true },
        { index: 3, height: 60 },
      ],
    };
    const { height } = await membersView([], own);
    expect([1, 2, 3].map(height)).toEqual([40, 60, 80]);
    // The members header row's set height too.
    expect((await membersView([member('Lao động tiên tiến')])).height(MEMBER_HEADER_ROW)).toBe(60);
  });
});

describe('a view drawn again after an edit', () => {
  it('takes the sheet’s extent from styles kept as read without going over them again (tens of thousands at 5,000 members)', () => {
    const styleIds = new Map([['2:1', 1], ['12:8', 1]]); // formatted but empty to row 12, column H
    const before = sheetModel({ values: [['a'], ['b']], styleIds, formats: [{ numFmt: 'General' }, { numFmt: 'General', fill: '#FFFF00' }] });
    const views = sheetViews();
    const first = views(before, 'vi-VN');
    const keys = jest.spyOn(styleIds, 'keys');
    const typed = views({ ...before, values: [['a'], ['c']] }, 'vi-VN');
    expect(keys).not.toHaveBeenCalled();
    expect({ rows: typed.rows, columns: typed.columns }).toEqual({ rows: first.rows, columns: first.columns });
    expect(typed.cell(2, 1).text).toBe('c');
    // Other styles: their extent read anew.
    const wider = views({ ...before, styleIds: new Map([...styleIds, ['20:10', 1]]) }, 'vi-VN');
    expect(wider.rows.at(-1)).toBeGreaterThan(first.rows.at(-1)!);
    expect(wider.columns.at(-1)!.index).toBeGreaterThan(first.columns.at(-1)!.index);
  });
});
