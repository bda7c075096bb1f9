/**
 * Generated user sheets and plans: after patching, every cell the plan does not touch keeps
 * its exact bytes, and the sheet reads back as the user's values with the plan laid over them.
 */
import fc from 'fast-check';
import { UNCALCULATED } from '../../src/domain/values';
import { parseSheetXml } from '../../src/xlsx/xml';
import { cellAddress } from '../../src/workbook/a1';
import { StylesEditor } from '../../src/workbook/xlsx/write/styles';
import { renderSheet } from '../../src/workbook/xlsx/write/sheetXml';
import { dateToSerial as dateSerial } from '../../src/workbook/plan';
import type { CellInput, CellValue, SheetPlan } from '../../src/workbook/port';
import { strictParseErrors } from './xmlCheck';

const LIMITS = { maxRows: 1_048_576, maxCells: 50_000_000 };
const ROWS = 12;
const COLS = 7;
const STYLES =
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Arial"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders>' +
  '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>';

const text = fc.oneof(
  fc.constantFrom('Có', 'Không', 'Lao \u0111o\u0323\u0302ng', '  x  ', 'a\nb', '=1+1', '0012', '<&>"\'', 'tab\there', 'ctl\u0001', '_x0041_'),
  fc.string({ maxLength: 6 }),
);
const userValue = fc.oneof(
  fc.constant(null),
  text,
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n)),
  fc.boolean(),
  fc.integer({ min: -5, max: 99 }).map((n) => ({ formula: `A1+${n}`, cached: n })),
);
type UserValue = CellValue | { formula: string; cached: number };
const userSheet = fc.array(fc.array(fc.record({ v: userValue, s: fc.constantFrom(0, 0, 1, 2) }), { minLength: COLS, maxLength: COLS }), { minLength: ROWS, maxLength: ROWS });

const input: fc.Arbitrary<CellInput> = fc.oneof(
  fc.constant(null),
  text,
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.integer({ min: 0, max: 9 }).map((n) => ({ formula: `=B2*${n}`, result: n * 2 })),
  fc.integer({ min: 0, max: 9 }).map((n) => ({ formula: `=C3+${n}` })),
  fc.date({ min: new Date(2000, 0, 1), max: new Date(2040, 0, 1), noInvalidDate: true }),
);
const rect = fc.record({ top: fc.integer({ min: 1, max: ROWS + 2 }), left: fc.integer({ min: 1, max: COLS + 2 }), h: fc.integer({ min: 1, max: 4 }), w: fc.integer({ min: 1, max: 3 }) });
const plan = fc.record({
  blocks: fc.array(fc.record({ at: rect, values: fc.array(fc.array(input, { minLength: 3, maxLength: 3 }), { minLength: 4, maxLength: 4 }) }), { maxLength: 3 }),
  styled: fc.array(rect, { maxLength: 2 }),
  cleared: fc.array(rect, { maxLength: 2 }),
});

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The user's sheet, written by hand (not by the writer under test), with odd row attributes. */
function userXml(grid: { v: UserValue; s: number }[][]): string {
  let rows = '';
  grid.forEach((row, i) => {
    const r = i + 1;
    let cells = '';
    row.forEach(({ v, s }, j) => {
      const ref = cellAddress(r, j + 1);
      const sa = s ? ` s="${s}"` : '';
      if (v === null) cells += s ? `<c r="${ref}"${sa}/>` : '';
      // eslint-disable-next-line no-control-regex -- the test writes control characters the way a producer escapes them
      else if (typeof v === 'string') cells += `<c r="${ref}"${sa} t="inlineStr"><is><t xml:space="preserve">${esc(v.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]|_x[0-9A-F]{4}_/g, (m) => (m.length > 1 ? `_x005F${m}` : `_x${m.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`)))}</t></is></c>`;
      else if (typeof v === 'number') cells += `<c r="${ref}"${sa}><v>${v}</v></c>`;
      else if (typeof v === 'boolean') cells += `<c r="${ref}"${sa} t="b"><v>${v ? 1 : 0}</v></c>`;
      else if ('formula' in v) cells += `<c r="${ref}"${sa}><f>${v.formula}</f><v>${v.cached}</v></c>`;
    });
    if (cells || r % 3 === 0) rows += `<row r="${r}" spans="1:${COLS}"${r % 4 === 0 ? ' ht="20" customHeight="1"' : ''}>${cells}</row>`;
  });
  return `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:G12"/><sheetData>${rows}</sheetData><conditionalFormatting sqref="A1:C3"><cfRule type="expression" priority="1"><formula>A1&gt;1</formula></cfRule></conditionalFormatting></worksheet>`;
}

function cellsOf(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g)) out.set(m[1]!, m[0]);
  return out;
}

const inside = (r: number, c: number, q: { top: number; left: number; h: number; w: number }) => r >= q.top && r < q.top + q.h && c >= q.left && c < q.left + q.w;

test('patching keeps untouched cells byte for byte and reads back as planned', () => {
  const outputs: string[] = [];
  fc.assert(
    fc.property(userSheet, plan, (grid, p) => {
      const xml = userXml(grid);
      const sheetPlan: SheetPlan = {
        sheet: 'Thành viên',
        mode: 'existing',
        clear: p.cleared.map((q) => `${cellAddress(q.top, q.left)}:${cellAddress(q.top + q.h - 1, q.left + q.w - 1)}`),
        cells: p.blocks.map((b) => ({ at: cellAddress(b.at.top, b.at.left), rows: b.values.slice(0, b.at.h).map((r) => r.slice(0, b.at.w)) })),
        styles: p.styled.map((q) => ({ range: `${cellAddress(q.top, q.left)}:${cellAddress(q.top + q.h - 1, q.left + q.w - 1)}`, style: { bold: true } })),
      };
      const out = renderSheet(sheetPlan, new StylesEditor(STYLES), xml).xml;
      outputs.push(out);

      // Expected values: the user's, cleared, then the blocks in order.
      const expected = new Map<string, CellValue>();
      grid.forEach((row, i) => row.forEach(({ v }, j) => expected.set(cellAddress(i + 1, j + 1), v !== null && typeof v === 'object' && 'cached' in v ? v.cached : (v as CellValue))));
      for (const q of p.cleared) for (let r = q.top; r < q.top + q.h; r++) for (let c = q.left; c < q.left + q.w; c++) expected.delete(cellAddress(r, c));
      const planned = new Set<string>();
      for (const b of p.blocks) {
        b.values.slice(0, b.at.h).forEach((row, i) =>
          row.slice(0, b.at.w).forEach((v, j) => {
            const ref = cellAddress(b.at.top + i, b.at.left + j);
            planned.add(ref);
            let want: CellValue;
            if (v instanceof Date) want = dateSerial(v);
            else if (typeof v === 'number') want = Number.isFinite(v) ? (Object.is(v, -0) ? 0 : v) : { error: '#NUM!' };
            // A formula stored without a result reads as not calculated.
            else if (v !== null && typeof v === 'object') want = 'result' in v && v.result !== undefined && v.result !== null ? (v.result as CellValue) : { error: UNCALCULATED };
            else want = v === '' ? null : v;
            expected.set(ref, want);
          }),
        );
      }
      const back = parseSheetXml(out, [], LIMITS);
      for (let r = 1; r <= ROWS + 6; r++) {
        for (let c = 1; c <= COLS + 5; c++) {
          const ref = cellAddress(r, c);
          const want = expected.get(ref) ?? null;
          const got = back[r - 1]?.[c - 1] ?? null;
          expect([ref, got]).toEqual([ref, want === '' ? null : want]);
        }
      }
      // Untouched cells: same bytes.
      const before = cellsOf(xml);
      const after = cellsOf(out);
      for (const [ref, cell] of before) {
        const m = /([A-Z]+)(\d+)/.exec(ref)!;
        const r = Number(m[2]);
        const c = m[1]!.charCodeAt(0) - 64;
        const touched = planned.has(ref) || p.cleared.some((q) => inside(r, c, q)) || p.styled.some((q) => inside(r, c, q));
        if (!touched) expect([ref, after.get(ref)]).toEqual([ref, cell]);
      }
      expect(out).toContain('<conditionalFormatting sqref="A1:C3"><cfRule type="expression" priority="1"><formula>A1&gt;1</formula></cfRule></conditionalFormatting>');
    }),
    { numRuns: 150, seed: 20261202 },
  );
  expect(strictParseErrors(outputs.slice(0, 60)).filter((e) => e !== null)).toEqual([]);
});
