/**
 * A view made from the last one (an edit read back) fits again only the rows that changed, and is
 * the same view as one fitted whole: rows, heights, columns and every cell.
 */
import fc from 'fast-check';
import { sheetView, sheetViews, type LineMeasure, type SheetView } from '../../src/hosts/preview/sheetView';
import type { CellFormat, SheetModel } from '../../src/hosts/preview/packageModel';
import { PreviewWorkbook } from '../../src/hosts/preview/previewWorkbook';
import { editCells } from '../../src/usecases/editCells';
import { drawMembersSheet, MEMBER_HEADER_ROW } from '../../src/sheets/membersSheet';
import { MEMBER_FIELDS } from '../../src/domain/memberFields';
import { SHEETS } from '../../src/sheets/names';
import type { CellValue } from '../../src/domain/values';
import { sheetModel } from './sheetModel';

/** Lines as a cell of `units` characters would wrap them, one character a unit; the texts asked are kept. */
function countingMeasure(): { measure: LineMeasure; asked: string[] } {
  const asked: string[] = [];
  const measure: LineMeasure = (requests) => {
    asked.push(...requests.map((r) => r.text));
    return requests.map((r) => Math.max(1, Math.ceil(r.text.length / r.units)));
  };
  return { measure, asked };
}

/** Everything a view shows, for comparing two views. */
function shown(view: SheetView) {
  return {
    rows: view.rows,
    heights: view.heights,
    columns: view.columns,
    font: view.font,
    frozen: view.frozen,
    cells: view.rows.map((r) => view.columns.map((c) => [view.cell(r, c.index), view.input(r, c.index)])),
    lastUsed: view.lastUsed(),
  };
}

describe('a view made from the last one', () => {
  const nameColumn = MEMBER_FIELDS.findIndex((f) => f.key === 'name') + 1;
  const members = (n: number) =>
    Array.from({ length: n }, (_, i) => MEMBER_FIELDS.map((f) => (f.key === 'name' ? `Người thứ ${i + 1}` : f.key === 'position' ? 'Giáo viên' : null)));

  it('after a typed edit read back, fits only the edited row, and is the view fitted whole', async () => {
    const wb = PreviewWorkbook.create('truong.xlsx');
    await wb.batch(async (session) => session.write(drawMembersSheet(members(40))));
    const reader = await wb.read();
    const before = (await reader.sheet(SHEETS.members))!;
    const { measure, asked } = countingMeasure();
    const viewOf = sheetViews();
    const first = viewOf(before, 'vi-VN', undefined, true, undefined, measure);
    expect(asked.length).toBeGreaterThan(40);

    const row = MEMBER_HEADER_ROW + 7;
    const long = 'Nguyễn Thị Thu Hương, giáo viên dạy giỏi cấp tỉnh nhiều năm liền';
    await editCells(wb, SHEETS.members, [{ row, col: nameColumn, value: long }]);
    const after = (await reader.sheet(SHEETS.members))!;
    asked.length = 0;
    const next = viewOf(after, 'vi-VN', undefined, true, undefined, measure);

    // Only the edited row's texts were laid out again; its height grew to the lines of the long name.
    expect(asked).toContain(long);
    expect(asked.length).toBeLessThanOrEqual(MEMBER_FIELDS.length);
    expect(asked.every((text) => after.values[row - 1]!.includes(text))).toBe(true);
    const at = next.rows.indexOf(row);
    expect(next.heights[at]).toBeGreaterThan(first.heights[first.rows.indexOf(row)]!);
    expect(shown(next)).toEqual(shown(sheetView(after, 'vi-VN', undefined, true, undefined, measure)));
  });

  it('is the view fitted whole, whatever changed between the two models', () => {
    const texts = ['', 'a', 'Có', 'Lao động tiên tiến', 'Chiến sĩ thi đua cơ sở, giáo viên dạy giỏi', 'x'.repeat(60)];
    const formats: CellFormat[] = [
      { numFmt: 'General' },
      { numFmt: 'General', wrap: true },
      { numFmt: 'General', wrap: true, bold: true, fontSizePt: 14 },
      { numFmt: 'General', fontSizePt: 20 },
      { numFmt: '0.00', wrap: true },
    ];
    const ROWS = 8;
    const COLUMNS = 5;
    const value = fc.oneof(fc.constantFrom<CellValue>(...texts), fc.integer({ min: 0, max: 99 }), fc.constant(null));
    const grid = fc.array(fc.array(value, { maxLength: COLUMNS }), { maxLength: ROWS });
    const styles = fc.array(fc.tuple(fc.integer({ min: 1, max: ROWS + 2 }), fc.integer({ min: 1, max: COLUMNS }), fc.integer({ min: 0, max: formats.length - 1 })), { maxLength: 12 });
    const rowSettings = fc.array(fc.tuple(fc.integer({ min: 1, max: ROWS }), fc.option(fc.constantFrom(12, 30, 45), { nil: undefined }), fc.boolean()), { maxLength: 3 });
    const widths = fc.array(fc.tuple(fc.integer({ min: 1, max: COLUMNS }), fc.option(fc.constantFrom(3, 10, 25), { nil: undefined }), fc.boolean()), { maxLength: 2 });
    const merges = fc.array(fc.constantFrom({ top: 1, left: 1, bottom: 1, right: 3 }, { top: 2, left: 2, bottom: 4, right: 2 }, { top: 6, left: 4, bottom: 6, right: 5 }), { maxLength: 2 });
    const model = fc.record({ values: grid, styles, rowSettings, widths, merges, defaultRowHeightPt: fc.constantFrom(15, 18), bigDefault: fc.boolean() });
    type Drawn = typeof model extends fc.Arbitrary<infer T> ? T : never;
    const build = (d: Drawn): SheetModel =>
      sheetModel({
        values: d.values.map((r) => [...r]),
        styleIds: new Map(d.styles.map(([r, c, f]) => [`${r}:${c}`, f])),
        rows: new Map(d.rowSettings.map(([r, heightPt, hidden]) => [r, { ...(heightPt ? { heightPt } : {}), hidden }])),
        columns: new Map(d.widths.map(([c, width, hidden]) => [c, { ...(width ? { width } : {}), hidden }])),
        merges: d.merges.map((b) => ({ ...b })),
        defaultRowHeightPt: d.defaultRowHeightPt,
        formats: d.bigDefault ? [{ numFmt: 'General', fontSizePt: 16 }, ...formats.slice(1)] : formats.map((f) => ({ ...f })),
      });
    // A model, then another: the same one read again, or one some edits away (cells, styles, rows, columns, merges).
    const edit = fc.record({ at: fc.array(fc.tuple(fc.integer({ min: 1, max: ROWS + 2 }), fc.integer({ min: 1, max: COLUMNS }), value), { maxLength: 3 }), styles: fc.boolean(), rows: fc.boolean(), rest: fc.boolean() });
    fc.assert(
      fc.property(model, model, edit, (a, b, e) => {
        const next: Drawn = {
          ...a,
          values: a.values.map((r) => [...r]),
          styles: e.styles ? b.styles : a.styles,
          rowSettings: e.rows ? b.rowSettings : a.rowSettings,
          ...(e.rest ? { widths: b.widths, merges: b.merges, defaultRowHeightPt: b.defaultRowHeightPt, bigDefault: b.bigDefault } : {}),
        };
        for (const [r, c, v] of e.at) {
          while (next.values.length < r) next.values.push([]);
          const line = next.values[r - 1]!;
          while (line.length < c) line.push(null);
          line[c - 1] = v;
        }
        const { measure } = countingMeasure();
        const previous = sheetView(build(a), 'vi-VN', undefined, true, undefined, measure);
        const model2 = build(next);
        expect(shown(sheetView(model2, 'vi-VN', undefined, true, undefined, measure, previous))).toEqual(shown(sheetView(model2, 'vi-VN', undefined, true, undefined, measure)));
      }),
      { numRuns: 300 },
    );
  });

  it('fits every row again when the sheet is another one', () => {
    const { measure, asked } = countingMeasure();
    const wrap: CellFormat[] = [{ numFmt: 'General' }, { numFmt: 'General', wrap: true }];
    const one = sheetModel({ name: 'Một', values: [['dài dài dài dài dài']], styleIds: new Map([['1:1', 1]]), formats: wrap });
    const previous = sheetView(one, 'vi-VN', undefined, true, undefined, measure);
    asked.length = 0;
    sheetView({ ...one, name: 'Hai' }, 'vi-VN', undefined, true, undefined, measure, previous);
    expect(asked).toEqual(['dài dài dài dài dài']);
  });
});
