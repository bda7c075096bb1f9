/**
 * A user's sheet patched from its bytes (PartSource: the rows' unchanged runs copied as bytes,
 * never decoded) gives exactly the bytes the text path gives, on generated sheets with
 * Vietnamese text inside and outside sheetData, prefixed namespaces, shared formulas whose
 * first cell the plan overwrites, and cells the plan writes, styles or clears.
 */
import fc from 'fast-check';
import { Buffer } from 'node:buffer';
import { cellAddress } from '../../src/workbook/a1';
import { StylesEditor } from '../../src/workbook/xlsx/write/styles';
import { renderSheet } from '../../src/workbook/xlsx/write/sheetXml';
import { utf8Pieces, type PartSource } from '../../src/xlsx/package';
import { nodeRaw } from '../../src/xlsx/inflateNode';
import type { CellInput, SheetPlan } from '../../src/workbook/port';

const STYLES =
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Arial"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders>' +
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>';

const ROWS = 8;
const COLS = 6;
const words = fc.constantFrom('Có', 'Không', 'Nguyễn Thị Ánh', 'Lao \u0111o\u0323\u0302ng', 'a&amp;b', '😀 x', 'plain');
const userCell = fc.oneof(
  fc.constant(''),
  words.map((w) => `<c r="@" t="inlineStr"><is><t>${w}</t></is></c>`),
  fc.integer({ min: -9, max: 99 }).map((n) => `<c r="@" s="1"><v>${n}</v></c>`),
  fc.constant('<c r="@" s="1"/>'),
  // Attributes no writer here knows, with non-ASCII values: kept through a restyle.
  fc.constant('<c r="@" s="1" ghi="chú ý"><v>1</v></c>'),
  fc.constant('<c r="@"><f>SUM(A1:A2)</f><v>3</v></c>'),
);
const rowAttrs = fc.constantFrom('', ` spans="1:${COLS}"`, ' ht="20" customHeight="1"', ' s="1" customFormat="1"', ' ghi="hàng ấy"');
const sheet = fc.record({
  prefix: fc.constantFrom('', 'x:'),
  rows: fc.array(fc.record({ attrs: rowAttrs, cells: fc.array(userCell, { minLength: COLS, maxLength: COLS }) }), { minLength: ROWS, maxLength: ROWS }),
  sharedFill: fc.boolean(),
  tailWord: words,
});
const input: fc.Arbitrary<CellInput> = fc.oneof(fc.constant(null), words, fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 9 }).map((n) => ({ formula: `=B2*${n}`, result: 'Đạt' })));
const rect = fc.record({ top: fc.integer({ min: 1, max: ROWS + 2 }), left: fc.integer({ min: 1, max: COLS + 2 }), h: fc.integer({ min: 1, max: 3 }), w: fc.integer({ min: 1, max: 3 }) });
const plan = fc.record({
  blocks: fc.array(fc.record({ at: rect, values: fc.array(fc.array(input, { minLength: 3, maxLength: 3 }), { minLength: 3, maxLength: 3 }) }), { maxLength: 3 }),
  styled: fc.array(rect, { maxLength: 2 }),
  cleared: fc.array(rect, { maxLength: 2 }),
  fill: fc.boolean(),
});

type Sheet = typeof sheet extends fc.Arbitrary<infer T> ? T : never;

function userXml(s: Sheet): string {
  const p = s.prefix;
  const ns = p ? `xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"` : `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`;
  let rows = '';
  s.rows.forEach((row, i) => {
    const r = i + 1;
    let cells = row.cells.map((c, j) => c.replace('"@"', `"${cellAddress(r, j + 1)}"`)).join('');
    // A shared formula down column F, its first cell on row 2 (a plan writing F2 orphans the rest).
    if (s.sharedFill && r >= 2 && r <= 5) cells += r === 2 ? `<c r="F${r}"><f t="shared" ref="F2:F5" si="0">A2&amp;"ố"</f><v>x</v></c>` : `<c r="F${r}"><f t="shared" si="0"/><v>x</v></c>`;
    rows += `<row r="${r}"${row.attrs}>${cells}</row>`;
  });
  const body =
    `<dimension ref="A1:F${ROWS}"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><cols><col min="1" max="3" width="12" customWidth="1"/></cols>` +
    `<sheetData>${rows}</sheetData><dataValidations count="1"><dataValidation type="list" sqref="B2:B9" promptTitle="Chọn ${s.tailWord}"><formula1>"Có,Không"</formula1></dataValidation></dataValidations>` +
    `<headerFooter><oddHeader>Trường ${s.tailWord}</oddHeader></headerFooter>`;
  const prefixed = p ? body.replace(/<(\/?)([a-zA-Z]+)(?=[\s/>])/g, `<$1${p}$2`) : body;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}worksheet ${ns}>${prefixed}</${p}worksheet>`;
}

function source(xml: string): PartSource {
  const bytes = new Uint8Array(Buffer.from(xml, 'utf8'));
  return { raw: nodeRaw(bytes), bytes };
}

const range = (q: { top: number; left: number; h: number; w: number }) => `${cellAddress(q.top, q.left)}:${cellAddress(q.top + q.h - 1, q.left + q.w - 1)}`;

test('a sheet patched from its bytes is byte-identical to the same sheet patched as text', () => {
  fc.assert(
    fc.property(sheet, plan, (s, p) => {
      const xml = userXml(s);
      const sheetPlan: SheetPlan = {
        sheet: 'Thành viên',
        mode: 'existing',
        clear: p.cleared.map(range),
        cells: p.blocks.map((b) => ({ at: cellAddress(b.at.top, b.at.left), rows: b.values.slice(0, b.at.h).map((r) => r.slice(0, b.at.w)) })),
        styles: p.styled.map((q) => ({ range: range(q), style: { bold: true } })),
        validations: [{ range: 'C2:C4', list: ['Đạt', 'Chưa đạt'] }],
        ...(p.fill ? { fills: [{ range: 'H2:H7', formula: '=IF(A2="","",1)', results: [1, 1, 1, 1, 1, 1] }] } : {}),
      };
      const fromText = renderSheet(sheetPlan, new StylesEditor(STYLES), xml);
      const fromBytes = renderSheet(sheetPlan, new StylesEditor(STYLES), source(xml));
      expect(Buffer.from(utf8Pieces(fromBytes.pieces)).toString('utf8')).toBe(Buffer.from(utf8Pieces(fromText.pieces)).toString('utf8'));
      expect(fromBytes.xml).toBe(fromText.xml);
      expect(fromBytes.warnings).toEqual(fromText.warnings);
    }),
    { numRuns: 200, seed: 20261202 },
  );
});

test('rows in the shape writers produce (patched in one pass) give the bytes the general walk gives', () => {
  // A prefixed sheet always takes the general walk: stripped of its prefix, its result must be the unprefixed one's.
  const unprefixed = (xml: string) => xml.replace(/<(\/?)x:/g, '<$1').replace('xmlns:x=', 'xmlns=');
  // Evaluate's shape: the plan writes (and often clears) the last columns of every row, past the user's.
  const plainSheet = fc.record({
    // Columns A–E: F is the shared formula's when there is one.
    rows: fc.array(fc.record({ attrs: fc.constantFrom('', '', '', ` spans="1:${COLS}"`), cells: fc.array(userCell, { minLength: COLS - 1, maxLength: COLS - 1 }) }), { minLength: ROWS, maxLength: ROWS }),
    sharedFill: fc.boolean(),
    tailWord: words,
  });
  const tailPlan = fc.record({
    left: fc.integer({ min: 3, max: COLS + 1 }),
    width: fc.integer({ min: 1, max: 3 }),
    // Fewer rows than the shared formula's leave copies of it orphaned.
    height: fc.integer({ min: 1, max: ROWS - 1 }),
    values: fc.array(input, { minLength: ROWS * 3, maxLength: ROWS * 3 }),
    clearFrom: fc.option(fc.integer({ min: 2, max: COLS + 1 })),
    styled: fc.boolean(),
    fill: fc.boolean(),
  });
  fc.assert(
    fc.property(plainSheet, tailPlan, (s, p) => {
      const rows = Array.from({ length: p.height }, (_, i) => p.values.slice(i * 3, i * 3 + p.width));
      const right = cellAddress(1 + p.height, p.left + p.width - 1);
      const sheetPlan: SheetPlan = {
        sheet: 'Thành viên',
        mode: 'existing',
        clear: p.clearFrom === null ? [] : [`${cellAddress(2, p.clearFrom)}:${right}`],
        cells: [{ at: cellAddress(2, p.left), rows }],
        styles: p.styled ? [{ range: `${cellAddress(2, p.left)}:${right}`, style: { bold: true } }] : [],
        ...(p.fill ? { fills: [{ range: `${cellAddress(3, p.left + p.width)}:${cellAddress(7, p.left + p.width)}`, formula: '=IF(A3="","",1)', results: [1, 'Đạt', 3, '', 5] }] } : {}),
      };
      const plain = renderSheet(sheetPlan, new StylesEditor(STYLES), source(userXml({ ...s, prefix: '' })));
      const general = renderSheet(sheetPlan, new StylesEditor(STYLES), source(userXml({ ...s, prefix: 'x:' })));
      expect(plain.xml).toBe(unprefixed(general.xml));
      expect(plain.warnings).toEqual(general.warnings);
    }),
    { numRuns: 300, seed: 20261203 },
  );
});

test('the rows a plan does not touch are copied from the source bytes, not encoded again from text', () => {
  const rows = (n: number) => Array.from({ length: 50 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>Nguyễn Văn ${i === 30 ? n : i}</t></is></c></row>`).join('');
  const sheet = (n: number) => `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows(n)}</sheetData></worksheet>`;
  // The text says "Nguyễn Văn 7" on row 31, the bytes "Nguyễn Văn 8" (same length): what is written shows which was copied.
  const src: PartSource = { raw: source(sheet(7)).raw, bytes: source(sheet(8)).bytes };
  const plan: SheetPlan = { sheet: 'T', mode: 'existing', cells: [{ at: 'B10', rows: [['Đạt']] }] };
  const out = renderSheet(plan, new StylesEditor(STYLES), src).xml;
  expect(out).toContain('<row r="31"><c r="A31" t="inlineStr"><is><t>Nguyễn Văn 8</t></is></c></row>');
  expect(out).toContain('<row r="10"><c r="A10" t="inlineStr"><is><t>Nguyễn Văn 9</t></is></c><c r="B10" t="inlineStr"><is><t>Đạt</t></is></c></row>');
  expect(out).toBe(renderSheet(plan, new StylesEditor(STYLES), sheet(8)).xml);
});
