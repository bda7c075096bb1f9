import { UNCALCULATED } from '../../src/domain/values';
import { parseSheetXml } from '../../src/xlsx/xml';
import { StylesEditor } from '../../src/workbook/xlsx/write/styles';
import { renderSheet } from '../../src/workbook/xlsx/write/sheetXml';
import type { SheetPlan } from '../../src/workbook/port';
import { inSchemaOrder, strictParseErrors, topLevel } from './xmlCheck';

const LIMITS = { maxRows: 1_048_576, maxCells: 50_000_000 };
const SHARED = ['Họ và tên', 'Nguyễn Văn An', 'Trần Thị Bình', 'Có', 'Kết quả'];

/** A members sheet as Excel writes it: shared strings, a shared formula, CF, x14 extLst, user validations. */
const USER_SHEET =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac xr" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" xr:uid="{00000000-0001-0000-0000-000000000000}">' +
  '<sheetPr codeName="Sheet1"><tabColor rgb="FF00B050"/></sheetPr>' +
  '<dimension ref="A1:E6"/>' +
  '<sheetViews><sheetView tabSelected="1" zoomScale="85" workbookViewId="0"><selection activeCell="C3" sqref="C3"/></sheetView></sheetViews>' +
  '<sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/>' +
  '<cols><col min="1" max="1" width="6" customWidth="1"/><col min="2" max="7" width="14.5" style="2" customWidth="1"/></cols>' +
  '<sheetData>' +
  '<row r="1" spans="1:5" x14ac:dyDescent="0.25"><c r="A1" s="1" t="s"><v>0</v></c><c r="E1" s="1" t="s"><v>4</v></c></row>' +
  '<row r="2" spans="1:5" ht="18.75" customHeight="1" x14ac:dyDescent="0.25"><c r="A2" t="s"><v>1</v></c><c r="B2" s="2"><v>8</v></c><c r="C2" t="s"><v>3</v></c><c r="D2"><f t="shared" ref="D2:D4" si="0">B2*2</f><v>16</v></c><c r="E2" s="2"/></row>' +
  '<row r="3" spans="1:5" x14ac:dyDescent="0.25"><c r="A3" t="s"><v>2</v></c><c r="B3" s="2"><v>9</v></c><c r="D3"><f t="shared" si="0"/><v>18</v></c><c r="E3" t="str"><f>IF(C3="Có","Đạt","")</f><v></v></c></row>' +
  '<row r="4" spans="1:5" x14ac:dyDescent="0.25"><c r="B4"><v>1</v></c><c r="D4"><f t="shared" si="0"/><v>2</v></c></row>' +
  '<row r="6" spans="1:5" s="3" customFormat="1" x14ac:dyDescent="0.25"><c r="A6" s="3" t="s"><v>1</v></c></row>' +
  '</sheetData>' +
  '<mergeCells count="2"><mergeCell ref="A8:B8"/><mergeCell ref="E5:F5"/></mergeCells>' +
  '<conditionalFormatting sqref="B2:B4"><cfRule type="cellIs" dxfId="0" priority="1" operator="lessThan"><formula>5</formula></cfRule></conditionalFormatting>' +
  '<dataValidations count="3"><dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" sqref="C2:C100"><formula1>"Có,Không"</formula1></dataValidation>' +
  '<dataValidation type="whole" allowBlank="1" sqref="E2:E20"><formula1>0</formula1><formula2>9</formula2></dataValidation>' +
  '<dataValidation type="list" allowBlank="1" sqref="F2:G30 A40"><formula1>"x,y"</formula1></dataValidation></dataValidations>' +
  '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
  '<pageSetup paperSize="9" orientation="portrait" r:id="rId1"/>' +
  '<legacyDrawing r:id="rId2"/>' +
  '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:dataValidation type="list" allowBlank="1"><x14:formula1><xm:f>\'Danh mục\'!$A$1:$A$3</xm:f></x14:formula1><xm:sqref>H2:H50</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>' +
  '</worksheet>';

const STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFFFFF00"/><bgColor indexed="64"/></patternFill></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="0" fillId="2" borderId="0" xfId="0" applyFill="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="1"><dxf><font><color rgb="FF9C0006"/></font></dxf></dxfs></styleSheet>';

const patch = (plan: Partial<SheetPlan>, xml = USER_SHEET, styles = new StylesEditor(STYLES)) => ({ ...renderSheet({ sheet: 'Thành viên', mode: 'existing', ...plan }, styles, xml), styles });

/** Every `<c …>…</c>` of the part, by its r. */
function cellsOf(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of xml.matchAll(/<(?:\w+:)?c r="([A-Z]+\d+)"[^>]*?(?:\/>|>[\s\S]*?<\/(?:\w+:)?c>)/g)) out.set(m[1]!, m[0]);
  return out;
}

function elementText(xml: string, name: string): string | undefined {
  return new RegExp(`<${name}[ >][\\s\\S]*?</${name}>`).exec(xml)?.[0];
}

describe('renderSheet on a sheet the user owns', () => {
  const plan: Partial<SheetPlan> = {
    cells: [
      { at: 'E1', rows: [['Kết quả (ĐVHT)', 'Điểm']] },
      { at: 'E2', rows: [['Đạt', 8.5], ['Chưa đạt', { formula: '=B3*2' }], [null, true]] },
      { at: 'F8', rows: [[new Date(2025, 0, 15)]] },
    ],
    styles: [{ range: 'E1:F4', style: { fill: '#F2F2F2' } }],
    rowHeights: [{ index: 3, height: 24 }],
  };

  test('every row keeps its cells in column order, a cell written right of the existing ones included', () => {
    const columns = (xml: string) =>
      [...xml.matchAll(/<row [^>]*>([\s\S]*?)<\/row>/g)].map((row) => [...row[1]!.matchAll(/<c r="([A-Z]+)\d+"/g)].map((m) => m[1]!));
    const ordered = (cols: string[]) => cols.every((c, i) => i === 0 || c.length > cols[i - 1]!.length || (c.length === cols[i - 1]!.length && c > cols[i - 1]!));
    const r = patch({ cells: [{ at: 'F4', rows: [['mới']] }, { at: 'C6', rows: [['x']] }] });
    expect(columns(r.xml).filter((cols) => !ordered(cols))).toEqual([]);
    expect(columns(r.xml)[3]).toEqual(['B', 'D', 'F']);
    // Cleared afterwards, the cell goes (the row is read in order again).
    const cleared = patch({ cells: [{ at: 'B4', rows: [[null]] }] }, r.xml);
    expect(columns(cleared.xml)[3]).toEqual(['D', 'F']);
  });

  test('only the planned cells change: every other cell, row and element keeps its bytes', () => {
    const r = patch(plan);
    expect(r.warnings).toEqual([]);
    expect(strictParseErrors([r.xml, r.styles.toXml()!])).toEqual([null, null]);
    const before = cellsOf(USER_SHEET);
    const after = cellsOf(r.xml);
    const planned = new Set(['E1', 'F1', 'E2', 'F2', 'E3', 'F3', 'E4', 'F4', 'F8']);
    for (const [ref, xml] of before) if (!planned.has(ref)) expect([ref, after.get(ref)]).toEqual([ref, xml]);
    for (const name of ['sheetViews', 'sheetPr', 'cols', 'conditionalFormatting', 'extLst', 'dataValidations']) {
      expect(elementText(r.xml, name)).toBe(elementText(USER_SHEET, name));
    }
    for (const tag of ['<sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/>', '<pageSetup paperSize="9" orientation="portrait" r:id="rId1"/>', '<legacyDrawing r:id="rId2"/>', '<mergeCells count="2">']) {
      expect(r.xml).toContain(tag);
    }
    // Untouched rows are identical, including their odd attributes.
    expect(r.xml).toContain('<row r="6" spans="1:5" s="3" customFormat="1" x14ac:dyDescent="0.25"><c r="A6" s="3" t="s"><v>1</v></c></row>');
    // The part around sheetData is the same text but for the dimension, which grows to F8.
    const outside = (x: string) => x.replace(/<sheetData>[\s\S]*<\/sheetData>/, '').replace(/<dimension ref="[^"]*"\/>/, '');
    expect(outside(r.xml)).toBe(outside(USER_SHEET));
    expect(r.xml).toContain('<dimension ref="A1:F8"/>');
    expect(inSchemaOrder(topLevel(r.xml))).toBe(true);
  });

  test('values read back; formats kept under the plan run; row height only where planned', () => {
    const r = patch(plan);
    const rows = parseSheetXml(r.xml, SHARED, LIMITS);
    expect(rows[0]).toEqual(['Họ và tên', null, null, null, 'Kết quả (ĐVHT)', 'Điểm']);
    expect(rows[1]).toEqual(['Nguyễn Văn An', 8, 'Có', 16, 'Đạt', 8.5]);
    expect(rows[2]).toEqual(['Trần Thị Bình', 9, null, 18, 'Chưa đạt', { error: UNCALCULATED }]);
    expect(rows[3]).toEqual([null, 1, null, 2, null, true]);
    expect(rows[7]![5]).toBe(45672);
    expect(r.xml).toMatch(/<row r="3" spans="1:6" x14ac:dyDescent="0.25" ht="24" customHeight="1">/);
    expect(r.xml).toMatch(/<row r="2" spans="1:6" ht="18.75" customHeight="1" x14ac:dyDescent="0.25">/);
    // E2 had s="2" (0.00): the grey fill is laid over it, the number format kept.
    const e2 = Number(/<c r="E2" s="(\d+)"/.exec(r.xml)![1]);
    const styles = r.styles.toXml()!;
    const xf = [...styles.matchAll(/<xf [^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)].map((m) => m[0]).slice(1)[e2]!;
    expect(xf).toMatch(/numFmtId="2"/);
    expect(xf).toMatch(/fillId="3"/);
    // F8 is new in a column styled 2 (0.00): the date gets the date format over that base.
    expect(r.styles.hasNumberFormat(2)).toBe(true);
    // Row 8 did not exist: it is inserted in order, after row 6.
    expect(r.xml.indexOf('<row r="8">')).toBeGreaterThan(r.xml.indexOf('<row r="6"'));
  });

  test('a fitted height (RowHeight.fit): set without customHeight where the row has none, a height the user set kept, new rows too', () => {
    const r = patch({ rowHeights: [{ index: 2, height: 40, fit: true }, { index: 3, height: 30, fit: true }, { index: 9, height: 44, fit: true }] });
    expect(r.xml).toMatch(/<row r="2" spans="1:5" ht="18.75" customHeight="1" x14ac:dyDescent="0.25">/);
    expect(r.xml).toMatch(/<row r="3" spans="1:5" x14ac:dyDescent="0.25" ht="30">/);
    expect(r.xml).toMatch(/<row r="9" ht="44"\/>/);
  });

  test('a row a clear leaves empty loses its fitted height; one still holding a cell, or sized by hand, keeps its own', () => {
    const fitted = USER_SHEET.replace('<row r="3" spans="1:5"', '<row r="3" spans="1:5" ht="30"').replace('<row r="4" spans="1:5"', '<row r="4" spans="1:5" ht="44"');
    const r = patch({ clear: ['A2:E3', 'A4:C4'] }, fitted);
    expect(r.xml).toMatch(/<row r="2" spans="1:5" ht="18.75" customHeight="1" x14ac:dyDescent="0.25"\/>/);
    expect(r.xml).toMatch(/<row r="3" spans="1:5" x14ac:dyDescent="0.25"\/>/);
    expect(r.xml).toMatch(/<row r="4" spans="1:5" ht="44" x14ac:dyDescent="0.25">/);
  });

  test('a style run alone restyles only its cells and keeps their content', () => {
    const r = patch({ styles: [{ range: 'B2:B3', style: { bold: true } }] });
    const after = cellsOf(r.xml);
    expect(after.get('B2')).toMatch(/^<c r="B2" s="\d+"><v>8<\/v><\/c>$/);
    expect(after.get('B2')).not.toBe(cellsOf(USER_SHEET).get('B2'));
    expect(after.get('B4')).toBe(cellsOf(USER_SHEET).get('B4'));
    expect(after.get('A2')).toBe(cellsOf(USER_SHEET).get('A2'));
  });

  test('clear ranges drop values and formats of their cells only, and the merges they cut', () => {
    const r = patch({ clear: ['C2:C3', 'E5:E5'] });
    const after = cellsOf(r.xml);
    expect(after.has('C2')).toBe(false);
    expect(after.get('B2')).toBe(cellsOf(USER_SHEET).get('B2'));
    expect(r.xml).toContain('<mergeCells count="1"><mergeCell ref="A8:B8"/></mergeCells>');
  });

  test('validations: the plan replaces what covered its cells; the rest of a user rule stays', () => {
    const r = patch({ validations: [{ range: 'E2:E100', list: ['Có', 'Không'] }, { range: 'G1:G40', list: { source: "='Danh mục'!$B$2:$B$9" } }] });
    expect(strictParseErrors([r.xml])).toEqual([null]);
    const dv = elementText(r.xml, 'dataValidations')!;
    // C2:C100 untouched; E2:E20 covered entirely → gone; F2:G30 loses its G column.
    expect(dv).toContain('<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" sqref="C2:C100"><formula1>"Có,Không"</formula1></dataValidation>');
    expect(dv).not.toContain('sqref="E2:E20"');
    expect(dv).toContain('<dataValidation type="list" allowBlank="1" sqref="F2:F30 A40"><formula1>"x,y"</formula1></dataValidation>');
    expect(dv).toContain('sqref="E2:E100"><formula1>"Có,Không"</formula1>');
    expect(dv).toContain('<formula1>\'Danh mục\'!$B$2:$B$9</formula1>');
    expect(dv).toMatch(/^<dataValidations count="4">/);
    // The x14 rule in extLst is the user's: kept.
    expect(elementText(r.xml, 'extLst')).toBe(elementText(USER_SHEET, 'extLst'));
  });

  test('merges: ours replace any they overlap; a value inside a user merge breaks it', () => {
    const r = patch({ merges: ['A8:C8'], cells: [{ at: 'F5', rows: [['x']] }] });
    expect(elementText(r.xml, 'mergeCells')).toBe('<mergeCells count="1"><mergeCell ref="A8:C8"/></mergeCells>');
  });

  test('layout on an existing sheet: freeze, columns split, tab colour, page, filter, breaks in schema order', () => {
    const r = patch({
      freeze: { rows: 4, columns: 2 },
      columns: [{ index: 4, width: 30 }, { index: 9, hidden: true }],
      tabColor: '#FF0000',
      autoFilter: 'A4:H4',
      page: { orientation: 'landscape', fitToWidth: true, margins: { top: 1, bottom: 1, left: 2, right: 2 }, rowBreaks: [30] },
    });
    expect(strictParseErrors([r.xml])).toEqual([null]);
    expect(inSchemaOrder(topLevel(r.xml))).toBe(true);
    expect(r.xml).toContain('<sheetPr codeName="Sheet1"><tabColor rgb="FFFF0000"/><pageSetUpPr fitToPage="1"/></sheetPr>');
    expect(r.xml).toContain('<sheetView tabSelected="1" zoomScale="85" workbookViewId="0"><pane xSplit="2" ySplit="4" topLeftCell="C5" activePane="bottomRight" state="frozen"/><selection pane="bottomRight" activeCell="C5" sqref="C5"/></sheetView>');
    expect(elementText(r.xml, 'cols')).toBe(
      '<cols><col min="1" max="1" width="6" customWidth="1"/><col min="2" max="3" width="14.5" style="2" customWidth="1"/><col min="4" max="4" width="30" style="2" customWidth="1"/><col min="5" max="7" width="14.5" style="2" customWidth="1"/><col min="9" max="9" hidden="1"/></cols>',
    );
    expect(r.xml).toContain('<pageSetup paperSize="9" orientation="landscape" r:id="rId1" fitToWidth="1" fitToHeight="0"/>');
    expect(r.xml).toContain('<pageMargins left="0.7874" right="0.7874" top="0.3937" bottom="0.3937" header="0.3" footer="0.3"/>');
    expect(r.xml).toContain('</sheetData><autoFilter ref="A4:H4"/><mergeCells');
    expect(r.xml).toContain('<rowBreaks count="1" manualBreakCount="1"><brk id="29" max="16383" man="1"/></rowBreaks><legacyDrawing');
    expect(r.definedNames).toEqual([{ name: '_xlnm._FilterDatabase', value: "'Thành viên'!$A$4:$H$4", hidden: true }]);
  });

  test('a print scale on an existing sheet: fit-to-page turned off, the scale set, the sheet\'s other print attributes kept', () => {
    const r = patch({ page: { fitToWidth: false, scale: 92, rowBreaks: [30] } });
    expect(strictParseErrors([r.xml])).toEqual([null]);
    expect(r.xml).toContain('<pageSetUpPr fitToPage="0"/>');
    expect(r.xml).toContain('<pageSetup paperSize="9" orientation="portrait" r:id="rId1" scale="92"/>');
    expect(r.xml).toContain('<rowBreaks count="1" manualBreakCount="1"><brk id="29" max="16383" man="1"/></rowBreaks>');
  });

  test('a page header and footer: inserted after pageSetup, in schema order; a user\'s own (first page apart) replaced by one for every page', () => {
    const plan = { page: { header: { center: 'TỔNG HỢP & “ĐVHT”\nĐơn vị <A>' }, footer: { right: 'Trang {page}/{pages}' }, rowBreaks: [30] } };
    const r = patch(plan);
    expect(strictParseErrors([r.xml])).toEqual([null]);
    expect(inSchemaOrder(topLevel(r.xml))).toBe(true);
    const ours = '<headerFooter><oddHeader>&amp;CTỔNG HỢP &amp;&amp; “ĐVHT”\nĐơn vị &lt;A&gt;</oddHeader><oddFooter>&amp;RTrang &amp;P/&amp;N</oddFooter></headerFooter>';
    expect(r.xml).toContain(`<pageSetup paperSize="9" orientation="portrait" r:id="rId1"/>${ours}<rowBreaks`);
    const theirs = USER_SHEET.replace('<legacyDrawing', '<headerFooter differentFirst="1"><oddHeader>&amp;A</oddHeader><firstHeader>Bìa</firstHeader></headerFooter><legacyDrawing');
    const again = patch(plan, theirs);
    expect(inSchemaOrder(topLevel(again.xml))).toBe(true);
    expect(again.xml).toContain(`${ours}<rowBreaks`);
    expect(again.xml).not.toContain('Bìa');
  });

  test('overwriting the first cell of a shared formula gives its copies their own formula text', () => {
    const r = patch({ cells: [{ at: 'D2', rows: [[5]] }] });
    expect(r.warnings).toEqual([]);
    const after = cellsOf(r.xml);
    expect(after.get('D2')).toBe('<c r="D2"><v>5</v></c>');
    expect(after.get('D3')).toBe('<c r="D3"><f>B3*2</f><v>18</v></c>');
    expect(after.get('D4')).toBe('<c r="D4"><f>B4*2</f><v>2</v></c>');
    // Cleared the same way; copies overwritten by the plan need nothing.
    const both = patch({ cells: [{ at: 'D2', rows: [[1], [2]] }] });
    expect(cellsOf(both.xml).get('D4')).toBe('<c r="D4"><f>B4*2</f><v>2</v></c>');
    const cleared = patch({ clear: ['D2'] });
    expect(cellsOf(cleared.xml).get('D3')).toBe('<c r="D3"><f>B3*2</f><v>18</v></c>');
    // A style run alone keeps the shared formula as it is.
    const styled = patch({ styles: [{ range: 'D2:D4', style: { bold: true } }] });
    expect(cellsOf(styled.xml).get('D3')).toMatch(/^<c r="D3" s="\d+"><f t="shared" si="0"\/><v>18<\/v><\/c>$/);
  });

  test("a formula fill is one shared formula, under an si the user's shared formulas do not use; its cells keep their formats", () => {
    const r = patch({ fills: [{ range: 'E2:E4', formula: '=$B2+D2', results: [24, 27, 3] }] });
    expect(r.warnings).toEqual([]);
    expect(strictParseErrors([r.xml])).toEqual([null]);
    const after = cellsOf(r.xml);
    // E2 and E3 keep their own formats (s="2", none); E4, new, takes its column's (cols B:G style 2).
    expect(after.get('E2')).toBe('<c r="E2" s="2"><f t="shared" ref="E2:E4" si="1">$B2+D2</f><v>24</v></c>');
    expect(after.get('E3')).toBe('<c r="E3"><f t="shared" si="1"/><v>27</v></c>');
    expect(after.get('E4')).toBe('<c r="E4" s="2"><f t="shared" si="1"/><v>3</v></c>');
    // The user's own shared formula is untouched.
    expect(after.get('D3')).toBe('<c r="D3"><f t="shared" si="0"/><v>18</v></c>');
  });

  test("the user's si found however its attribute is written (other quotes, a line break before it)", () => {
    const odd = USER_SHEET.replace('<f t="shared" ref="D2:D4" si="0">', "<f t='shared' ref='D2:D4'\n si='0'>").replace(/<f t="shared" si="0"\/>/g, "<f t='shared'\tsi='0'/>");
    const r = patch({ fills: [{ range: 'G2:G3', formula: '=B2' }] }, odd);
    expect(cellsOf(r.xml).get('G2')).toContain('<f t="shared" ref="G2:G3" si="1">B2</f>');
  });

  test('a fill drawn again over its own column leaves no orphan behind; over part of a user\'s shared formula, the rest keep theirs', () => {
    const first = patch({ fills: [{ range: 'F2:F4', formula: '=B2', results: [8, 9, 1] }] });
    const again = patch({ clear: ['F2:F4'], fills: [{ range: 'F2:F3', formula: '=B2*3', results: [24, 27] }] }, first.xml);
    const after = cellsOf(again.xml);
    // (clear drops the formats too)
    expect(after.get('F2')).toBe('<c r="F2"><f t="shared" ref="F2:F3" si="2">B2*3</f><v>24</v></c>');
    expect(after.get('F3')).toBe('<c r="F3"><f t="shared" si="2"/><v>27</v></c>');
    expect(after.get('F4')).toBeUndefined();
    expect(again.xml).not.toContain('si="1"');
    // Over the first cell of the user's D2:D4 only: D4, not written, gets its formula spelled out.
    const over = patch({ fills: [{ range: 'D2:D3', formula: '=B2+1' }] });
    expect(cellsOf(over.xml).get('D2')).toBe('<c r="D2"><f t="shared" ref="D2:D3" si="1">B2+1</f></c>');
    expect(cellsOf(over.xml).get('D4')).toBe('<c r="D4"><f>B4*2</f><v>2</v></c>');
  });

  test('a sheet written with an x: prefix (Open XML SDK) gets prefixed cells and rows', () => {
    const sdk =
      '<?xml version="1.0" encoding="utf-8"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      '<x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Tên</x:t></x:is></x:c></x:row><x:row r="3"><x:c r="A3"><x:v>3</x:v></x:c></x:row></x:sheetData></x:worksheet>';
    const r = patch({ cells: [{ at: 'B1', rows: [['Kết quả'], [1], [2]] }], merges: ['C1:D1'], validations: [{ range: 'B1:B9', list: ['a'] }], freeze: { rows: 1, columns: 0 } }, sdk);
    expect(strictParseErrors([r.xml])).toEqual([null]);
    expect(r.xml).not.toMatch(/<\/?(?!x:|\?)[A-Za-z]/);
    expect(parseSheetXml(r.xml, [], LIMITS)).toEqual([['Tên', 'Kết quả'], [null, 1], [3, 2]]);
    expect(inSchemaOrder(topLevel(r.xml))).toBe(true);
  });

  test('recalculate drops the cached results of the formulas of its ranges (a shared formula, a text one), the rest byte for byte', () => {
    const r = patch({ cells: [{ at: 'B3', rows: [[null]] }], recalculate: ['D2:E3'] });
    const before = cellsOf(USER_SHEET);
    const after = cellsOf(r.xml);
    expect([after.get('D2'), after.get('D3'), after.get('E3')]).toEqual(['<c r="D2"><f t="shared" ref="D2:D4" si="0">B2*2</f></c>', '<c r="D3"><f t="shared" si="0"/></c>', '<c r="E3"><f>IF(C3="Có","Đạt","")</f></c>']);
    for (const a of ['A1', 'E1', 'A2', 'B2', 'C2', 'E2', 'A3', 'B4', 'D4', 'A6']) expect([a, after.get(a)]).toEqual([a, before.get(a)]);
    // The reader tells them formulas still, by its scanner and by its general walker (a comment hands the part to it).
    for (const xml of [r.xml, r.xml.replace('<sheetData>', '<sheetData><!-- x -->')]) {
      const formulas = new Set<string>();
      parseSheetXml(xml, SHARED, LIMITS, false, undefined, false, formulas);
      expect([...formulas]).toEqual(['D2', 'D3', 'E3', 'D4']);
    }
    const rows = parseSheetXml(r.xml, SHARED, LIMITS);
    expect([rows[1]![3], rows[2]![3], rows[2]![4], rows[3]![3]]).toEqual([{ error: UNCALCULATED }, { error: UNCALCULATED }, { error: UNCALCULATED }, 2]);
    // With an x: prefix (Open XML SDK) too.
    const sdk = '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>3</x:v></x:c><x:c r="B1" t="b"><x:f>A1&gt;2</x:f><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>';
    expect(cellsOf(patch({ recalculate: ['A1:B1'] }, sdk).xml).get('B1')).toBe('<x:c r="B1"><x:f>A1&gt;2</x:f></x:c>');
  });

  test('rows and cells without r (some writers omit it) keep their places', () => {
    const bare =
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
      '<row><c t="inlineStr"><is><t>a</t></is></c><c><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c></row></sheetData></worksheet>';
    const r = patch({ cells: [{ at: 'B2', rows: [['b']] }], clear: ['B1'] }, bare);
    expect(parseSheetXml(r.xml, [], LIMITS)).toEqual([['a', null, 2], [3, 'b']]);
  });
});
