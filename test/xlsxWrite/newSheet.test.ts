import { UNCALCULATED } from '../../src/domain/values';
import { parseSheetXml } from '../../src/xlsx/xml';
import { StylesEditor } from '../../src/workbook/xlsx/write/styles';
import { renderSheet } from '../../src/workbook/xlsx/write/sheetXml';
import { MAX_CELL_CHARS } from '../../src/workbook/xlsx/write/cells';
import { dateToSerial as dateSerial } from '../../src/workbook/plan';
import type { CellInput, SheetPlan } from '../../src/workbook/port';
import { workbookWarningText } from '../../src/usecases/workbookWarnings';
import { inSchemaOrder, strictParseErrors, topLevel } from './xmlCheck';

const LIMITS = { maxRows: 1_048_576, maxCells: 50_000_000 };
const render = (plan: Partial<SheetPlan>, styles = new StylesEditor(null)) => renderSheet({ sheet: 'Tổng hợp', mode: 'replace', ...plan }, styles, null);
const valuesOf = (xml: string) => parseSheetXml(xml, [], LIMITS);

/** Every layout element a plan can ask for. */
const FULL: Partial<SheetPlan> = {
  cells: [{ at: 'A1', rows: [['Họ và tên', 'Điểm', 'Tổng'], ['Nguyễn Văn An', 8, { formula: '=SUM(B2:B3)' }], ['Trần Thị Bình', 9.5, null]] }],
  styles: [{ range: 'A1:C1', style: { bold: true, fill: '#D9D9D9', border: 'thin', horizontal: 'center' } }],
  columns: [{ index: 3, width: 12 }, { index: 1, width: 30, hidden: false }, { index: 5, hidden: true }],
  rowHeights: [{ index: 1, height: 30 }, { index: 10, height: 20 }],
  validations: [{ range: 'B2:B100', list: ['Có', 'Không'] }, { range: 'D2:D100', list: { source: "='Danh mục'!$C$4:$C$20" } }],
  merges: ['A5:C5'],
  freeze: { rows: 1, columns: 1 },
  autoFilter: 'A1:C3',
  tabColor: '#1F4E79',
  page: { paperSize: 'A4', orientation: 'landscape', fitToWidth: true, margins: { top: 2, bottom: 2, left: 3, right: 1.5 }, printArea: 'A1:C40', printTitleRows: '1:1', rowBreaks: [20, 5, 5], header: { center: 'Tổng hợp' }, footer: { right: 'Trang {page}/{pages}' } },
};

describe('renderSheet, new sheet', () => {
  test('well-formed, in CT_Worksheet order, values read back', () => {
    const r = render(FULL);
    expect(strictParseErrors([r.xml])).toEqual([null]);
    const names = topLevel(r.xml);
    expect(names).toEqual(['sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'autoFilter', 'mergeCells', 'dataValidations', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks']);
    expect(inSchemaOrder(names)).toBe(true);
    // The formula is stored without a result: read back as not calculated.
    expect(valuesOf(r.xml)).toEqual([['Họ và tên', 'Điểm', 'Tổng'], ['Nguyễn Văn An', 8, { error: UNCALCULATED }], ['Trần Thị Bình', 9.5]]);
    expect(r.warnings).toEqual([]);
  });

  test('layout: freeze, columns, heights, merges, validations, page in inches, A4, breaks', () => {
    const { xml } = render(FULL);
    expect(xml).toContain('<sheetPr><tabColor rgb="FF1F4E79"/><pageSetUpPr fitToPage="1"/></sheetPr>');
    expect(xml).toContain('<dimension ref="A1:C3"/>');
    expect(xml).toContain('<pane xSplit="1" ySplit="1" topLeftCell="B2" activePane="bottomRight" state="frozen"/>');
    expect(xml).toContain('<cols><col min="1" max="1" width="30" customWidth="1"/><col min="3" max="3" width="12" customWidth="1"/><col min="5" max="5" hidden="1"/></cols>');
    expect(xml).toContain('<row r="1" ht="30" customHeight="1">');
    expect(xml).toContain('<row r="10" ht="20" customHeight="1"/>');
    expect(xml).not.toMatch(/<row r="2"[^>]*ht=/);
    expect(xml).toContain('<mergeCells count="1"><mergeCell ref="A5:C5"/></mergeCells>');
    expect(xml).toContain('sqref="B2:B100"><formula1>"Có,Không"</formula1>');
    expect(xml).toContain('sqref="D2:D100"><formula1>\'Danh mục\'!$C$4:$C$20</formula1>');
    expect(xml).toContain('<pageMargins left="1.1811" right="0.5906" top="0.7874" bottom="0.7874" header="0.3" footer="0.3"/>');
    expect(xml).toContain('<pageSetup paperSize="9" fitToWidth="1" fitToHeight="0" orientation="landscape"/>');
    expect(xml).toContain('<rowBreaks count="2" manualBreakCount="2"><brk id="4" max="16383" man="1"/><brk id="19" max="16383" man="1"/></rowBreaks>');
    expect(xml).toContain('<autoFilter ref="A1:C3"/>');
    expect(xml).toContain('<headerFooter><oddHeader>&amp;CTổng hợp</oddHeader><oddFooter>&amp;RTrang &amp;P/&amp;N</oddFooter></headerFooter>');
  });

  test('a print scale with manual breaks: pageSetup@scale, no fit-to-page (which would drop the breaks)', () => {
    const { xml } = render({ cells: [{ at: 'A1', rows: [['x']] }], page: { paperSize: 'A4', orientation: 'landscape', fitToWidth: false, scale: 92, rowBreaks: [40, 20] } });
    expect(xml).not.toContain('fitToPage');
    expect(xml).not.toContain('<sheetPr');
    expect(xml).toContain('<pageSetup paperSize="9" scale="92" orientation="landscape"/>');
    expect(xml).toContain('<rowBreaks count="2" manualBreakCount="2"><brk id="19" max="16383" man="1"/><brk id="39" max="16383" man="1"/></rowBreaks>');
  });

  test('sheet-scoped names for the package: print area, titles, filter (quotes doubled)', () => {
    const r = renderSheet({ sheet: "Báo cáo 'tệp'", mode: 'replace', autoFilter: 'A4:G9', page: { printArea: 'A1:H40', printTitleRows: '4:4' } }, new StylesEditor(null), null);
    expect(r.definedNames).toEqual([
      { name: '_xlnm.Print_Area', value: "'Báo cáo ''tệp'''!$A$1:$H$40" },
      { name: '_xlnm.Print_Titles', value: "'Báo cáo ''tệp'''!$4:$4" },
      { name: '_xlnm._FilterDatabase', value: "'Báo cáo ''tệp'''!$A$4:$G$9", hidden: true },
    ]);
    expect(render({}).definedNames).toEqual([]);
  });

  test('text stays exactly the text: Vietnamese NFC and NFD, spaces, line breaks, control characters, formula-looking strings', () => {
    const texts = [
      'Lao động tiên tiến',
      'Lao \u0111o\u0323\u0302ng tie\u0302n tie\u0302\u0301n', // NFD, not normalised
      '  hai đầu có khoảng trắng  ',
      'dòng 1\ndòng 2\r\ndòng 3\ttab',
      'bell\u0007 nul\u0000 esc\u001b \uFFFF',
      'a literal _x0041_ stays',
      '=1+1',
      '0012',
      'TRUE',
      '<b>&amp; "quoted" \'single\'</b> ]]>',
      '😀 emoji and lone \uD800 surrogate',
    ];
    const r = render({ cells: [{ at: 'B2', rows: texts.map((t) => [t]) }] });
    expect(strictParseErrors([r.xml])).toEqual([null]);
    const back = valuesOf(r.xml).slice(1).map((row) => row[1]);
    // The reader drops lone surrogates' escapes into the same code unit; XML cannot carry them raw.
    expect(back).toEqual(texts);
    expect(r.xml).toContain('<t xml:space="preserve">  hai đầu có khoảng trắng  </t>');
    expect(r.xml).toContain('_x0007_');
    expect(r.xml).toContain('a literal _x005F_x0041_ stays');
    expect(r.xml).not.toContain('<f>1+1</f>');
  });

  test('numbers: edge values written so they read back equal; non-finite → a blank cell with a warning', () => {
    const nums = [0, -0, 1, -1.5, 0.1 + 0.2, 2 ** 53, 1e21, 1.7976931348623157e308, 5e-7, 5e-324];
    const r = render({ cells: [{ at: 'A1', rows: [nums, [NaN, Infinity, -Infinity]] }] });
    expect(strictParseErrors([r.xml])).toEqual([null]);
    const back = valuesOf(r.xml);
    expect(back[0]).toEqual(nums.map((n) => (Object.is(n, -0) ? 0 : n)));
    expect(back[1] ?? []).toEqual([]);
    expect(r.warnings).toEqual(['A2', 'B2', 'C2'].map((detail) => ({ code: 'notANumber', sheet: 'Tổng hợp', detail })));
  });

  test('booleans, formulas with and without cached results, dates as local serials with a date format', () => {
    const date = new Date(2025, 11, 20, 6, 0); // 06:00 local: still 20/12 whatever the zone
    const row: CellInput[] = [true, false, { formula: '=1+1' }, { formula: '=A1', result: true }, { formula: '=B1&"x"', result: 'Có & <không>' }, { formula: '=1/0', result: { error: '#DIV/0!' } }, { formula: '=2*3', result: 6 }, date];
    const styles = new StylesEditor(null);
    const r = render({ cells: [{ at: 'A1', rows: [row] }] }, styles);
    expect(strictParseErrors([r.xml])).toEqual([null]);
    expect(r.xml).toContain('<c r="C1"><f>1+1</f></c>');
    expect(r.xml).toContain('<c r="D1" t="b"><f>A1</f><v>1</v></c>');
    expect(r.xml).toContain('<c r="E1" t="str"><f>B1&amp;"x"</f><v>Có &amp; &lt;không&gt;</v></c>');
    expect(r.xml).toContain('<c r="F1" t="e"><f>1/0</f><v>#DIV/0!</v></c>');
    expect(r.xml).toContain('<c r="G1"><f>2*3</f><v>6</v></c>');
    expect(dateSerial(date)).toBe(46011.25);
    const h1 = /<c r="H1" s="(\d+)"><v>([^<]+)<\/v><\/c>/.exec(r.xml)!;
    expect(Number(h1[2])).toBe(46011.25);
    expect(styles.toXml()).toContain('formatCode="dd/mm/yyyy"');
    expect(valuesOf(r.xml)[0]).toEqual([true, false, { error: UNCALCULATED }, true, 'Có & <không>', { error: '#DIV/0!' }, 6, 46011.25]);
    // A plan's own number format wins over the default date format.
    const own = new StylesEditor(null);
    render({ cells: [{ at: 'A1', rows: [[date]] }], styles: [{ range: 'A1', style: { numberFormat: 'dd/mm/yyyy hh:mm' } }] }, own);
    expect(own.toXml()).not.toContain('formatCode="dd/mm/yyyy"');
    expect(own.toXml()).toContain('formatCode="dd/mm/yyyy hh:mm"');
  });

  test('a workbook on the 1904 date system gets 1904 serials', () => {
    const r = renderSheet({ sheet: 'T', mode: 'replace', cells: [{ at: 'A1', rows: [[new Date(2025, 0, 15)]] }] }, new StylesEditor(null), null, { date1904: true });
    expect(valuesOf(r.xml)[0]).toEqual([45672 - 1462]);
  });

  test('a cell over 32,767 characters is cut with a warning naming the cell', () => {
    const long = 'đ'.repeat(MAX_CELL_CHARS - 1) + '😀😀';
    const r = render({ cells: [{ at: 'C7', rows: [[long]] }] });
    const v = valuesOf(r.xml)[6]![2] as string;
    expect(v.length).toBeLessThanOrEqual(MAX_CELL_CHARS);
    expect(v).toBe('đ'.repeat(MAX_CELL_CHARS - 1)); // never half a surrogate pair
    expect(r.warnings).toEqual([{ code: 'cellTooLong', sheet: 'Tổng hợp', detail: 'C7' }]);
    // Users get the warning worded by the catalogue, naming sheet and cell.
    expect(workbookWarningText('vi', r.warnings[0]!)).toBe('Trang “Tổng hợp”, ô C7: nội dung dài hơn 32.767 ký tự, giới hạn một ô của Excel, nên chỉ 32.767 ký tự đầu được ghi. Hãy rút gọn nội dung ô này.');
    expect(workbookWarningText('en', r.warnings[0]!)).toContain('Sheet “Tổng hợp”, cell C7: the text is longer than 32,767 characters');
  });

  // Lists Excel cannot hold (a comma item, over 255 characters) never get here: prepareBatch refuses them (contract suite).
  test('validations: quotes doubled', () => {
    const r = render({ validations: [{ range: 'A1:A9', list: ['Có', 'Nói "được"'] }] });
    expect(r.xml).toContain('<formula1>"Có,Nói ""được"""</formula1>');
    expect(r.xml).toContain('<dataValidations count="1">');
    expect(r.warnings).toEqual([]);
  });

  test('style runs: later runs override earlier ones per field; unstyled blank cells are not written', () => {
    const styles = new StylesEditor(null);
    const r = render(
      {
        cells: [{ at: 'A1', rows: [['x', null, '']] }],
        styles: [
          { range: 'A1:C2', style: { border: 'thin', bold: true } },
          { range: 'B1', style: { bold: false, fill: '#FFFF00' } },
        ],
      },
      styles,
    );
    const s = (ref: string) => new RegExp(`<c r="${ref}" s="(\\d+)"`).exec(r.xml)?.[1];
    expect(s('A1')).toBe(s('C2'));
    expect(s('B1')).not.toBe(s('A1'));
    expect(r.xml).toContain(`<c r="B1" s="${s('B1')}"/>`);
    const empty = render({ cells: [{ at: 'A1', rows: [[null, '', 'a']] }] });
    expect(empty.xml).toContain('<row r="1"><c r="C1" t="inlineStr"><is><t>a</t></is></c></row>');
  });

  test('5,000 member rows with formulas, styles and a validation render and read back', () => {
    const rows: CellInput[][] = [];
    for (let i = 0; i < 5000; i++) {
      rows.push([i + 1, `Nguyễn Văn Thành viên ${i}`, 'Giáo viên', 'Có', 'Không', 'x', '✓', 85 + (i % 10), 'Lao động tiên tiến', 'Có', 'Có', 'Không', 'Có', 'Có', { formula: `=IF(D${i + 5}="Có",1,0)` }, { formula: `=COUNTIF(D${i + 5}:N${i + 5},"Có")`, result: 5 }, 'Đạt', 'Ghi chú', i % 2 === 0, 0.5 + i / 10000]);
    }
    const plan: Partial<SheetPlan> = {
      cells: [{ at: 'A5', rows }],
      styles: [{ range: 'A5:T5004', style: { border: 'thin' } }, { range: 'O5:T5004', style: { fill: '#F2F2F2' } }],
      validations: [{ range: 'D5:N5004', list: ['Có', 'Không'] }],
      freeze: { rows: 4, columns: 2 },
    };
    const r = render(plan);
    const back = valuesOf(r.xml);
    expect(back).toHaveLength(5004);
    expect(back[5003]![1]).toBe('Nguyễn Văn Thành viên 4999');
    expect(back[5003]![15]).toBe(5);
  });
});
