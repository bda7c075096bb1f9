/**
 * A large sheet goes to the package as pieces of text, encoded one by one (never joined):
 * the bytes are those of the joined text, whatever the mix of one-, two-, three- and
 * four-byte characters (the buffer grows when the first guess is short).
 */
import fc from 'fast-check';
import { utf8Pieces, Utf8Sink } from '../../src/xlsx/package';
import { renderSheet } from '../../src/workbook/xlsx/write/sheetXml';
import { StylesEditor } from '../../src/workbook/xlsx/write/styles';

const joined = (pieces: string[]) => Buffer.from(new TextEncoder().encode(pieces.join('')));

describe('pieces of text encoded one by one', () => {
  it('gives the UTF-8 of the joined text', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: fc.constantFrom('a', '<', 'ệ', 'Đ', '中', '😀', ' ') }), { maxLength: 60 }), (pieces) => {
        expect(Buffer.from(utf8Pieces(pieces)).equals(joined(pieces))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('grows its buffer for text that is all three-byte characters', () => {
    const pieces = Array.from({ length: 50 }, (_, i) => '中文'.repeat(i * 40));
    expect(Buffer.from(utf8Pieces(pieces)).equals(joined(pieces))).toBe(true);
  });

  it('renders a sheet whose pieces join to its XML, its rows already encoded as one piece', () => {
    const r = renderSheet({ sheet: 'T', mode: 'replace', cells: [{ at: 'A1', rows: [['Họ và tên', 1], ['Đạt', { formula: '=A1&""', result: 'Họ và tên' }]] }] }, new StylesEditor(null), null);
    expect(r.pieces.length).toBeGreaterThan(3);
    expect(r.pieces.filter((p) => typeof p !== 'string')).toHaveLength(1);
    expect(Buffer.from(utf8Pieces(r.pieces)).toString('utf8')).toBe(r.xml);
    expect(r.xml).toContain('<row r="2"><c r="A2" t="inlineStr"><is><t>Đạt</t></is></c>');
  });

  it('writes the text around a sink\'s rows into the room the sink left, or copies when it does not fit', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: fc.constantFrom('a', '<', 'ệ', '中', '😀') }), { maxLength: 40 }),
        fc.array(fc.string({ unit: fc.constantFrom('b', 'Đ', '>') }), { maxLength: 4 }),
        fc.array(fc.string({ unit: fc.constantFrom('c', 'ố') }), { maxLength: 4 }),
        fc.integer({ min: 0, max: 64 }),
        (rows, head, tail, headroom) => {
          const sink = new Utf8Sink(8, headroom);
          for (const r of rows) sink.put(r);
          const bytes = sink.bytes();
          const pieces = [...head, bytes, ...tail];
          const want = joined([...head, ...rows, ...tail]);
          const first = utf8Pieces(pieces);
          expect(Buffer.from(first).equals(want)).toBe(true);
          const headBytes = joined(head).length;
          // In place exactly when the head fits the headroom (and the tail the room after).
          if (first.buffer === bytes.buffer) expect(headBytes).toBeLessThanOrEqual(headroom);
          else expect(headBytes > headroom || joined(tail).length > 0).toBe(true);
          // Asked again (the rendered sheet's text is joined after the part is set): same bytes.
          expect(Buffer.from(utf8Pieces(pieces)).equals(want)).toBe(true);
          expect(Buffer.from(first).equals(want)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('leaves a sheet\'s rows where the sink wrote them', () => {
    const sink = new Utf8Sink(1024, 64);
    sink.put('<row r="1"><c r="A1"><v>1</v></c></row>');
    const rows = sink.bytes();
    const whole = utf8Pieces(['<sheetData>', rows, '</sheetData>']);
    expect(whole.buffer).toBe(rows.buffer);
    expect(Buffer.from(whole).toString('utf8')).toBe('<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>');
  });
});
