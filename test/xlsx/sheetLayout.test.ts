/**
 * A sheet's layout (hidden rows and columns, merged ranges) as the import and evaluate's hidden
 * members' warning read it: rows and columns hidden however writers spell it, and never a word
 * "hidden" in a cell's text or formula.
 */
import { parseSheetLayout } from '../../src/xlsx/xml';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const sheet = (cols: string, rows: string, tail = '') => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${NS}>${cols}<sheetData>${rows}</sheetData>${tail}</worksheet>`;

describe('parseSheetLayout', () => {
  it('reads hidden rows and columns and the merged ranges, in the order of the file', () => {
    const xml = sheet(
      '<cols><col min="1" max="1" width="5"/><col min="3" max="4" width="9" hidden="1"/><col min="6" max="6" hidden="true" customWidth="1"/></cols>',
      '<row r="1"><c r="A1" t="inlineStr"><is><t>Họ và tên</t></is></c></row><row r="4" hidden="1"><c r="A4"><v>1</v></c></row><row r="9" spans="1:3" hidden="true" ht="0"/><row r="10" hidden="0"/>',
      '<mergeCells count="2"><mergeCell ref="A1:C1"/><mergeCell ref="$D$2:$E$3"/></mergeCells>',
    );
    expect(parseSheetLayout(xml)).toEqual({ merges: ['A1:C1', 'D2:E3'], hiddenRows: [4, 9], hiddenColumns: [3, 4, 6] });
  });

  it('numbers a hidden row written without its number (r is optional) after the rows before it', () => {
    const xml = sheet('', '<row><c><v>1</v></c></row><row r="5"/><row/><row hidden="1"><c><v>2</v></c></row><row r="9" hidden="1"/>');
    expect(parseSheetLayout(xml).hiddenRows).toEqual([7, 9]);
  });

  it('reads prefixed tags (Open XML SDK) and single quotes', () => {
    const xml = `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:cols><x:col min='2' max='2' hidden='1'/></x:cols><x:sheetData><x:row r='3' hidden='1'/></x:sheetData><x:mergeCells><x:mergeCell ref='B2:C2'/></x:mergeCells></x:worksheet>`;
    expect(parseSheetLayout(xml)).toEqual({ merges: ['B2:C2'], hiddenRows: [3], hiddenColumns: [2] });
  });

  it('takes no text, formula, comment or other tag’s attribute for a hidden row', () => {
    const xml = sheet(
      '',
      '<!-- <row r="2" hidden="1"/> --><row r="3"><c r="A3" t="inlineStr"><is><t>hidden="1" &lt;row r="3" hidden="1"&gt;</t></is></c><c r="B3"><f>SUBTOTAL(103,A:A)&amp;"hidden"</f><v>1</v></c></row><row r="5" customHeight="1" ht="12"/>',
      '<sheetProtection hidden="1"/><dataValidations count="1"><dataValidation sqref="A1" showInputMessage="1"><formula1>"mergeCell,hidden"</formula1></dataValidation></dataValidations>',
    );
    expect(parseSheetLayout(xml)).toEqual({ merges: [], hiddenRows: [], hiddenColumns: [] });
  });

  it('refuses a DTD', () => {
    expect(() => parseSheetLayout(`<!DOCTYPE x [<!ENTITY a "b">]>${sheet('', '')}`)).toThrow();
  });
});
