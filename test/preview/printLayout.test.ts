/**
 * How the preview lays a sheet out for paper from its page setup, as Excel does: "fit to N pages
 * wide by M tall" shrinks (never enlarges) until the sheet fits and ignores manual breaks; a
 * sheet not fitted prints at its scale, its columns split at its column breaks and at the
 * page's edge.
 */
import { PackageReader, parseSheetParts, type PrintSetup } from '../../src/hosts/preview/packageModel';
import { sheetModel } from './sheetModel';
import { paperLayout } from '../../src/hosts/preview/PrintSheet';
import { sheetView } from '../../src/hosts/preview/sheetView';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsxWorkbook';
import { XlsxPackage } from '../../src/xlsx/package';
import { NODE_XLSX } from '../../src/workbook/xlsx/files';
import { createSheets } from '../../src/usecases/createSheets';
import { evaluateWorkbook } from '../../src/usecases/evaluate';
import { sampleUnit } from '../../src/usecases/sampleData';
import { SHEETS } from '../../src/sheets/names';

const sheet = (inside: string, before = '') =>
  `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${before}<sheetData/>${inside}</worksheet>`;

describe('the page setup read from a sheet', () => {
  it('fit to pages: fitToPage with its widths and heights, 1 when absent, 0 for as many as it takes', () => {
    const fitted = (setup: string) => parseSheetParts(sheet(setup, '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>')).print;
    expect(fitted('<pageSetup fitToWidth="1" fitToHeight="0"/>')).toMatchObject({ fit: { width: 1, height: 0 } });
    expect(fitted('<pageSetup paperSize="9"/>')).toMatchObject({ fit: { width: 1, height: 1 } });
    expect(fitted('')).toMatchObject({ fit: { width: 1, height: 1 } });
    expect(fitted('<pageSetup fitToWidth="2" fitToHeight="3"/>')).toMatchObject({ fit: { width: 2, height: 3 } });
    // Without fitToPage the counts are only kept for the dialog: the sheet prints at its scale.
    expect(parseSheetParts(sheet('<pageSetup fitToWidth="1" fitToHeight="1" scale="60"/>')).print).toMatchObject({ fit: null, scale: 60 });
  });

  it('the scale within Excel’s 10–400%, 100 when absent or not a number', () => {
    const scale = (attr: string) => parseSheetParts(sheet(`<pageSetup ${attr}/>`)).print.scale;
    expect([scale('scale="75"'), scale('scale="5"'), scale('scale="900"'), scale('scale="x"'), scale('')]).toEqual([75, 10, 400, 100, 100]);
  });

  it('the page order: over, then down only when the file says so (Excel’s default is down, then over)', () => {
    const order = (attr: string) => parseSheetParts(sheet(`<pageSetup ${attr}/>`)).print.overThenDown;
    expect([order('pageOrder="overThenDown"'), order('pageOrder="downThenOver"'), order('')]).toEqual([true, false, false]);
  });

  it('the header and footer every page prints: their sections, page fields kept, formatting codes dropped', () => {
    const hf = '<headerFooter differentFirst="1"><oddHeader>&amp;L&amp;"Times New Roman,Bold"&amp;14TỔNG HỢP &amp;&amp; co&amp;C&amp;KFF0000Đơn vị\nnăm 2026</oddHeader><oddFooter>&amp;RTrang &amp;P/&amp;N</oddFooter><firstHeader>&amp;CBìa</firstHeader></headerFooter>';
    const p = parseSheetParts(sheet(hf)).print;
    expect([p.header, p.footer]).toEqual([{ left: 'TỔNG HỢP & co', center: 'Đơn vị\nnăm 2026' }, { right: 'Trang {page}/{pages}' }]);
    expect(parseSheetParts(sheet('')).print).toMatchObject({ header: {}, footer: {} });
  });

  it('the first page’s and the even pages’ own header and footer, only when the sheet says they differ', () => {
    const hf = (attrs: string) =>
      parseSheetParts(
        sheet(`<headerFooter ${attrs}><oddHeader>&amp;CLẻ</oddHeader><oddFooter>&amp;RTrang &amp;P</oddFooter><evenHeader>&amp;CChẵn</evenHeader><firstHeader>&amp;LBìa</firstHeader><firstFooter>&amp;CTrang đầu</firstFooter></headerFooter>`),
      ).print;
    const odd = { header: { center: 'Lẻ' }, footer: { right: 'Trang {page}' } };
    expect(hf('differentFirst="1" differentOddEven="1"')).toMatchObject({ ...odd, firstPage: { header: { left: 'Bìa' }, footer: { center: 'Trang đầu' } }, evenPages: { header: { center: 'Chẵn' }, footer: {} } });
    // Excel keeps the first and even pages' text when the boxes are unticked, and prints the odd pages' on every page.
    expect(hf('')).toMatchObject({ ...odd, firstPage: null, evenPages: null });
    expect(hf('differentFirst="true"')).toMatchObject({ firstPage: { header: { left: 'Bìa' } }, evenPages: null });
    expect(parseSheetParts(sheet('')).print).toMatchObject({ firstPage: null, evenPages: null });
  });

  it('a header’s characters escaped as _xHHHH_ (ST_Xstring) are read back, a literal "_x…_" kept', () => {
    const p = parseSheetParts(sheet('<headerFooter><oddHeader>&amp;CDòng 1_x000D_\nDòng 2 _x005F_x0041_</oddHeader><oddFooter>&amp;LNăm 2025_x2013_2026</oddFooter></headerFooter>')).print;
    expect([p.header, p.footer]).toEqual([{ center: 'Dòng 1\r\nDòng 2 _x0041_' }, { left: 'Năm 2025–2026' }]);
  });

  it('row and column breaks: the page after each starts at the next row or column', () => {
    const p = parseSheetParts(
      sheet('<rowBreaks count="2" manualBreakCount="2"><brk id="20" max="16383" man="1"/><brk id="40" max="16383" man="1"/></rowBreaks><colBreaks count="1" manualBreakCount="1"><brk id="5" max="1048575" man="1"/></colBreaks>'),
    ).print;
    expect([p.rowBreaks, p.columnBreaks]).toEqual([[21, 41], [6]]);
  });
});

/** A sheet of `rows` × `columns` cells at the default sizes (64 px wide, 20 px tall), with its page setup. */
function laidOut(rows: number, columns: number, print: Partial<PrintSetup>) {
  const model = sheetModel({
    values: Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => `${r + 1}-${c + 1}`)),
    print: { orientation: 'portrait', orientationSet: false, margins: { top: 2, bottom: 2, left: 2, right: 2 }, fit: null, scale: 100, printArea: null, rowBreaks: [], columnBreaks: [], titleRows: null, titleColumns: null, overThenDown: false, header: {}, footer: {}, firstPage: null, evenPages: null, ...print },
  });
  const view = sheetView(model, 'vi-VN', undefined, false);
  const layout = paperLayout(view, model.print);
  return { ...layout, widths: layout.bands.map((b) => b.reduce((sum, c) => sum + c.widthPx, 0)), first: layout.bands.map((b) => b[0]!.index) };
}

const PX_PER_CM = 96 / 2.54;
/** A4 portrait and landscape with 2 cm margins, in CSS pixels. */
const PORTRAIT = { width: 17 * PX_PER_CM, height: 25.7 * PX_PER_CM };
const LANDSCAPE = { width: 25.7 * PX_PER_CM, height: 17 * PX_PER_CM };

describe('the sheet on paper', () => {
  it('fit to 1 page wide by 1 tall: shrunk to the tighter of the two, its orientation kept, its manual breaks ignored', () => {
    const wide = laidOut(20, 40, { fit: { width: 1, height: 1 }, rowBreaks: [10] });
    expect(wide.orientation).toBe('portrait');
    expect(wide.bands).toHaveLength(1);
    expect(wide.zoom).toBeCloseTo(PORTRAIT.width / wide.widths[0]!, 5);
    expect(wide.rowBreaks).toBe(false);
    const tall = laidOut(400, 5, { fit: { width: 1, height: 1 } });
    expect(tall.zoom).toBeCloseTo((PORTRAIT.height * 0.98) / (400 * 20), 5);
    expect(tall.bands).toHaveLength(1);
  });

  it('fit to 2 pages wide and any number tall: half the shrinking, two groups of columns', () => {
    const r = laidOut(200, 40, { fit: { width: 2, height: 0 }, orientation: 'landscape', orientationSet: true });
    expect(r.zoom).toBeCloseTo((2 * LANDSCAPE.width) / r.widths.reduce((a, b) => a + b, 0), 5);
    expect(r.bands).toHaveLength(2);
    expect(r.widths.every((w) => w * r.zoom <= LANDSCAPE.width + 0.01)).toBe(true);
  });

  it('fit to pages never enlarges a sheet that already fits, and stops at Excel’s 10%', () => {
    expect(laidOut(5, 3, { fit: { width: 1, height: 1 } }).zoom).toBe(1);
    expect(laidOut(5000, 3, { fit: { width: 1, height: 1 } }).zoom).toBe(0.1);
  });

  it('a scale of 50%: printed at half size, landscape when even that is wider than portrait, split where a page ends', () => {
    const r = laidOut(10, 40, { scale: 50 });
    expect(r.zoom).toBe(0.5);
    expect(r.orientation).toBe('landscape');
    expect(r.bands.length).toBe(2);
    expect(r.widths.every((w) => w * 0.5 <= LANDSCAPE.width + 0.01)).toBe(true);
    expect(r.rowBreaks).toBe(true);
  });

  it('column breaks start a new group of columns, even where the sheet would fit', () => {
    const r = laidOut(10, 8, { columnBreaks: [4, 7] });
    expect(r.first).toEqual([1, 4, 7]);
    expect(r.zoom).toBe(1);
  });

  it('down, then over: the body rows go whole with each group of columns, the browser turning the pages', () => {
    const r = laidOut(200, 40, { scale: 50 });
    expect(r.bands.length).toBeGreaterThan(1);
    expect(r.pages).toHaveLength(1);
    expect(r.pages[0]).toHaveLength(200);
  });

  it('over, then down: the rows in page-high groups, each printed with every group of columns before the next, at its row breaks too', () => {
    const r = laidOut(200, 40, { scale: 50, overThenDown: true, rowBreaks: [30] });
    expect(r.bands.length).toBeGreaterThan(1);
    // 20 px rows at 50% on a landscape page less a little room: the rows a page holds, a new page at row 30.
    const perPage = Math.floor((LANDSCAPE.height * 0.98) / (20 * 0.5));
    expect(r.pages.map((p) => p[0])).toEqual([1, 30, ...Array.from({ length: Math.ceil((200 - 29) / perPage) - 1 }, (_, i) => 30 + (i + 1) * perPage)]);
    expect(r.pages.flat()).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(r.pages.every((p) => p.length * 20 * 0.5 <= LANDSCAPE.height * 0.98)).toBe(true);
  });

  it('over, then down with title rows: each page holds them above its group of rows', () => {
    const r = laidOut(200, 40, { scale: 50, overThenDown: true, titleRows: { first: 1, last: 2 } });
    const perPage = Math.floor((LANDSCAPE.height * 0.98) / (20 * 0.5)) - 2;
    expect(r.pages[0]).toEqual(Array.from({ length: perPage }, (_, i) => i + 3));
    expect(r.pages.flat()).toEqual(Array.from({ length: 198 }, (_, i) => i + 3));
  });

  it('at 100% with no break, a sheet a little too wide is shrunk rather than cut', () => {
    const r = laidOut(10, 11, { orientationSet: true });
    expect(r.bands).toHaveLength(1);
    expect(r.zoom).toBeLessThan(1);
    expect(r.zoom).toBeGreaterThanOrEqual(0.8);
  });
});

it('the summary sheet of an evaluated workbook: printed at its scale, its columns on one page, its manual breaks kept', async () => {
  const wb = await XlsxWorkbook.create('truong.xlsx', NODE_XLSX);
  await createSheets(wb, sampleUnit({ members: 48 }));
  if (!(await evaluateWorkbook(wb, { now: new Date(2025, 11, 20) })).ok) throw new Error('the sample must evaluate');
  const pkg = await XlsxPackage.open(await wb.toBytes(), NODE_XLSX);
  const model = (await new PackageReader(pkg).sheet(SHEETS.summary))!;
  expect(model.print.fit).toBeNull();
  expect(model.print.scale).toBeLessThan(100);
  expect(model.print.rowBreaks.length).toBeGreaterThan(1);
  const layout = paperLayout(sheetView(model, 'vi-VN', undefined, false), model.print);
  expect(layout).toMatchObject({ orientation: 'landscape', zoom: model.print.scale / 100, rowBreaks: true });
  expect(layout.bands).toHaveLength(1);
});
