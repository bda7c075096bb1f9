/**
 * A formula fill's copies (every cell but the first) are joined from pieces made once per
 * style: each kind of cached result, a style that changes down the fill, and a text over
 * Excel's limit come out as a cell written on its own would (formulaCell's rules).
 */
import { StylesEditor } from '../../src/workbook/xlsx/write/styles';
import { renderSheet } from '../../src/workbook/xlsx/write/sheetXml';
import type { CellValue, SheetPlan } from '../../src/workbook/port';

const STYLES =
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Arial"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>';

const LONG = 'x'.repeat(40_000);
const F = '<f t="shared" si="0"/>';

/** Results of C2:C14, and the XML each copy (C3 on) must have. */
const CASES: [CellValue | undefined, string][] = [
  [1, ''], // C2: the fill's first cell, checked apart
  [5, `<c r="C3">${F}<v>5</v></c>`],
  [-0, `<c r="C4" s="1">${F}<v>0</v></c>`],
  [Number.POSITIVE_INFINITY, `<c r="C5" s="1" t="e">${F}<v>#NUM!</v></c>`],
  ['', `<c r="C6" t="str">${F}<v></v></c>`],
  ['a&b<c', `<c r="C7" t="str">${F}<v>a&amp;b&lt;c</v></c>`],
  ['a&b<c', `<c r="C8" t="str">${F}<v>a&amp;b&lt;c</v></c>`],
  ['\u0001', `<c r="C9" t="str">${F}<v>_x0001_</v></c>`],
  [true, `<c r="C10" t="b">${F}<v>1</v></c>`],
  [{ error: '#N/A' }, `<c r="C11" t="e">${F}<v>#N/A</v></c>`],
  [null, `<c r="C12">${F}</c>`],
  [LONG, `<c r="C13" t="str">${F}<v>${'x'.repeat(32_767)}</v></c>`],
  [0.1 + 0.2, `<c r="C14">${F}<v>0.30000000000000004</v></c>`],
];

function render() {
  const plan: SheetPlan = {
    sheet: 'S',
    mode: 'replace',
    fills: [{ range: 'C2:C14', formula: '=A2&""', results: CASES.map(([r]) => r as CellValue) }],
    // Rows 4 and 5 bold: the copies' pieces change style there and back.
    styles: [{ range: 'C4:C5', style: { bold: true } }],
  };
  return renderSheet(plan, new StylesEditor(STYLES), null);
}

describe('fill copies', () => {
  it('writes each kind of result as a cell of its own would be written', () => {
    const { xml } = render();
    expect(xml).toContain('<c r="C2"><f t="shared" ref="C2:C14" si="0">A2&amp;""</f><v>1</v></c>');
    for (const [, cell] of CASES.slice(1)) expect(xml).toContain(`<row r="${/r="C(\d+)"/.exec(cell)![1]}">${cell}</row>`);
  });

  it('reports the text cut at Excel’s limit at its own cell', () => {
    expect(render().warnings).toEqual([{ code: 'cellTooLong', sheet: 'S', detail: 'C13' }]);
  });
});
