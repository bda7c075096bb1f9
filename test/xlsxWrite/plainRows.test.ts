/**
 * Evaluate's member rows (a row with only r, the planned cells its last ones) are patched in one
 * pass: the same bytes as the general walk of rows writes (taken here by a row attribute the one
 * pass leaves to it), whatever the fills' results, from the sheet's bytes or its text.
 */
import fc from 'fast-check';
import { renderSheet } from '../../src/workbook/xlsx/write/sheetXml';
import { StylesEditor } from '../../src/workbook/xlsx/write/styles';
import { nodeRaw } from '../../src/xlsx/inflateNode';
import type { CellInput, CellValue, SheetPlan } from '../../src/workbook/port';

const STYLES =
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Arial"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders>' +
  '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>';

const FIRST = 2;

const result: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.integer({ min: -3, max: 30 }),
  fc.constantFrom(0x7fffffff, 0x80000000, 1e21, -0, 0.5, 1 / 3, 5e-7, NaN, Infinity),
  fc.double(),
  fc.constantFrom('Đạt', 'Chưa đạt', '', '<&>"', '_x0041_', 'ctl\u0001', 'x'.repeat(32_768)),
  fc.string({ maxLength: 4 }),
  fc.boolean(),
  fc.constant({ error: '#DIV/0!' }),
);

interface Row {
  /** The user's cells left of the planned columns. */
  user: boolean;
  /** The planned columns' cells as the sheet holds them (empty, styled). */
  c: boolean;
  d: boolean;
  selfClosing: boolean;
}

const rowShape: fc.Arbitrary<Row> = fc.record({ user: fc.boolean(), c: fc.boolean(), d: fc.boolean(), selfClosing: fc.boolean() });

/** A members sheet as evaluate meets it; `extra` is added to every row's start tag. */
function sheetXml(rows: Row[], extra: string): string {
  let body = '';
  rows.forEach((row, i) => {
    const r = FIRST + i;
    let cells = '';
    if (row.user) cells += `<c r="A${r}" s="1"><v>${r}</v></c><c r="B${r}" t="inlineStr"><is><t>Người ${r}</t></is></c>`;
    if (row.c) cells += `<c r="C${r}" s="2"/>`;
    if (row.d) cells += `<c r="D${r}" s="1"><v>7</v></c>`;
    body += cells || !row.selfClosing ? `<row r="${r}"${extra}>${cells}</row>` : `<row r="${r}"${extra}/>`;
  });
  return `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:D9"/><sheetData>${body}</sheetData></worksheet>`;
}

const source = (xml: string) => {
  const bytes = new Uint8Array(Buffer.from(xml, 'utf8'));
  return { raw: nodeRaw(bytes), bytes };
};

test('one pass over member rows writes what the general walk writes', () => {
  fc.assert(
    fc.property(
      fc.array(rowShape, { minLength: 1, maxLength: 8 }),
      fc.array(result, { minLength: 8, maxLength: 8 }),
      fc.array(result, { minLength: 8, maxLength: 8 }),
      fc.array(fc.constantFrom<CellInput>(null, '', 'Có', 4), { minLength: 8, maxLength: 8 }),
      fc.boolean(),
      (rows, cResults, dResults, eValues, withFills) => {
        const last = FIRST + rows.length - 1;
        const plan: SheetPlan = {
          sheet: 'Thành viên',
          mode: 'existing',
          // Without fills, a row may be left with no cell at all.
          fills: withFills
            ? [
                { range: `C${FIRST}:C${last}`, formula: `=A${FIRST}*2`, results: cResults.slice(0, rows.length) },
                { range: `D${FIRST}:D${last}`, formula: `=IF(A${FIRST}>1,"Đạt","Chưa đạt")`, results: dResults.slice(0, rows.length) },
              ]
            : [],
          cells: [{ at: `E${FIRST}`, rows: eValues.slice(0, rows.length).map((v) => [v]) }],
          styles: withFills ? [{ range: `D${FIRST}:D${last}`, style: { bold: true } }] : [],
        };
        const general = renderSheet(plan, new StylesEditor(STYLES), sheetXml(rows, ' x="1"')).xml.replace(/ x="1"/g, '');
        expect(renderSheet(plan, new StylesEditor(STYLES), source(sheetXml(rows, ''))).xml).toBe(general);
        expect(renderSheet(plan, new StylesEditor(STYLES), sheetXml(rows, '')).xml).toBe(general);
      },
    ),
    { numRuns: 300 },
  );
});

test('a fill of many distinct texts writes each as the general walk does', () => {
  const n = 150;
  const rows: Row[] = Array.from({ length: n }, () => ({ user: true, c: true, d: false, selfClosing: false }));
  const texts = Array.from({ length: n }, (_, i) => `Tổ ${i} <${i % 7}>`);
  const plan: SheetPlan = { sheet: 'Thành viên', mode: 'existing', fills: [{ range: `C${FIRST}:C${FIRST + n - 1}`, formula: `=B${FIRST}&""`, results: texts }] };
  const general = renderSheet(plan, new StylesEditor(STYLES), sheetXml(rows, ' x="1"')).xml.replace(/ x="1"/g, '');
  const plain = renderSheet(plan, new StylesEditor(STYLES), source(sheetXml(rows, ''))).xml;
  expect(plain).toBe(general);
  expect(plain).toContain(`<c r="C${FIRST + n - 1}" s="2" t="str"><f t="shared" si="0"/><v>Tổ ${n - 1} &lt;${(n - 1) % 7}&gt;</v></c>`);
});
