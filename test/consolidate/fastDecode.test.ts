/**
 * The reader's fast path (src/xlsx/utf8.ts: sheets parsed as one char per byte, only cell
 * texts decoded) reads exactly what a full UTF-8 decode reads, and refuses the same files.
 */
import fc from 'fast-check';
import { openXlsx, XlsxError, type XlsxReadOptions } from '../../src/xlsx';
import { nodeDecode, nodeInflate, nodeRaw } from '../../src/xlsx/inflateNode';
import { fromRawUtf8 } from '../../src/xlsx/utf8';
import type { CellValue } from '../../src/domain/values';
import { handMadeWorkbook, sharedStringsXml } from './corpus';

const SHEET = 'Danh sách';
const fatal = new TextDecoder('utf-8', { fatal: true });
const REFERENCE: XlsxReadOptions = { inflate: nodeInflate, decode: (b) => fatal.decode(b) };
const FAST: XlsxReadOptions = { inflate: nodeInflate, decode: nodeDecode, raw: nodeRaw };

async function cells(bytes: Uint8Array, options: XlsxReadOptions): Promise<CellValue[][]> {
  const file = await openXlsx(bytes, options);
  return (await file.read([SHEET])).sheets.get(SHEET)!.rows;
}

async function refusal(bytes: Uint8Array, options: XlsxReadOptions): Promise<string> {
  try {
    await cells(bytes, options);
  } catch (e) {
    if (e instanceof XlsxError) return e.message;
    throw e;
  }
  return 'read';
}

const NFC = 'Nguyễn Thị Hằng, Trường THCS Lê Quý Đôn, Đạt';
const NFD = NFC.normalize('NFD');
/** 1-, 2-, 3- and 4-byte sequences, combining marks, XML's own characters, things that look like escapes. */
const PIECES = ['a', ' ', '<', '&', '"', "'", '>', 'é', 'ệ', 'e\u0323\u0302', 'Đ', '中', '€', '😀', '👩‍🏫', '𝔸', '_x0041_', '&#233;', '\u00a0', NFC, NFD];
const text = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 40 })), { minLength: 1, maxLength: 12 }).map((p) => p.join(''));

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** Non-ASCII written as character references, as some producers do: decoded after the bytes, never taken for them. */
const asReferences = (s: string) => escape(s).replace(/\P{ASCII}/gu, (ch) => `&#x${ch.codePointAt(0)!.toString(16)};`);

interface Cell {
  text: string;
  how: 'shared' | 'inline' | 'str' | 'references';
}

function workbook(rows: Cell[][]): Uint8Array {
  const shared: string[] = [];
  const body = rows
    .map((row, r) => {
      const cs = row
        .map((c, k) => {
          const ref = `${String.fromCharCode(65 + k)}${r + 1}`;
          switch (c.how) {
            case 'shared':
              return `<c r="${ref}" t="s"><v>${shared.push(c.text) - 1}</v></c>`;
            case 'inline':
              return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escape(c.text)}</t></is></c>`;
            case 'str':
              return `<c r="${ref}" t="str"><f>A1&amp;"ệ"</f><v>${escape(c.text)}</v></c>`;
            case 'references':
              return `<c r="${ref}" t="inlineStr"><is><r><t>${asReferences(c.text)}</t></r><rPh><t>ふりがな</t></rPh></is></c>`;
          }
        })
        .join('');
      return `<row r="${r + 1}">${cs}</row>`;
    })
    .join('');
  const sheetXml = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`;
  return handMadeWorkbook({ sheet: SHEET, sheetXml, sharedXml: sharedStringsXml(shared) });
}

describe('fast UTF-8 reading of sheets and shared strings', () => {
  it('decodes a raw slice of any text to that text (1- to 4-byte sequences, NFC and NFD kept as they are)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        const wellFormed = Buffer.from(s, 'utf8').toString('utf8'); // lone surrogates become U+FFFD
        expect(fromRawUtf8(Buffer.from(wellFormed, 'utf8').toString('latin1'))).toBe(wellFormed);
      }),
      { numRuns: 500 },
    );
    const long = '😀ệ'.repeat(5000); // past the decoder's 4,096-code flush
    expect(fromRawUtf8(Buffer.from(long, 'utf8').toString('latin1'))).toBe(long);
  });

  it('reads every cell as a full decode does, wherever the multi-byte sequences fall', async () => {
    const cell = fc.record({ text, how: fc.constantFrom<Cell['how']>('shared', 'inline', 'str', 'references') });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 }), async (rows) => {
        const bytes = workbook(rows);
        const fast = await cells(bytes, FAST);
        expect(fast).toEqual(await cells(bytes, REFERENCE));
        // And the texts are the ones written (empty texts are blank cells; "_xHHHH_" is Excel's escape in <t>, not in <v>).
        rows.forEach((row, r) => row.forEach((c, k) => expect(fast[r]?.[k] ?? '').toBe(c.how === 'str' ? c.text : c.text.replace(/_x0041_/g, 'A'))));
      }),
      { numRuns: 200 },
    );
  });

  it('keeps NFC and NFD Vietnamese apart, byte for byte', async () => {
    const bytes = workbook([[{ text: NFC, how: 'shared' }, { text: NFD, how: 'inline' }, { text: NFD, how: 'shared' }]]);
    expect(await cells(bytes, FAST)).toEqual([[NFC, NFD, NFD]]);
  });

  it('reads parts that start with a UTF-8 byte-order mark, or are UTF-16, as a full decode does', async () => {
    const sheet = (t: string) => `<?xml version="1.0"?><worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${t}</t></is></c><c r="B1" t="s"><v>0</v></c></row></sheetData></worksheet>`;
    const shared = '<?xml version="1.0"?><sst><si><t>Đạt 😀</t></si></sst>';
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const utf16 = (x: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(x, 'utf16le')]);
    for (const [sheetXml, sharedXml] of [
      [Buffer.concat([bom, Buffer.from(sheet(NFD))]), Buffer.concat([bom, Buffer.from(shared)])],
      [utf16(sheet(NFD)), utf16(shared)],
    ]) {
      const bytes = handMadeWorkbook({ sheet: SHEET, sheetXml, sharedXml });
      expect(await cells(bytes, FAST)).toEqual([[NFD, 'Đạt 😀']]);
      expect(await cells(bytes, REFERENCE)).toEqual([[NFD, 'Đạt 😀']]);
    }
  });

  const INVALID: Record<string, number[]> = {
    'a lone continuation byte': [0x80],
    'a Windows-1258 "ê"': [0xea, 0x20],
    'an overlong "/"': [0xc0, 0xaf],
    'an encoded surrogate': [0xed, 0xa0, 0x80],
    'a 4-byte sequence cut short': [0xf0, 0x9f, 0x98],
    'a 3-byte sequence cut short': [0xe1, 0xbb],
    'a code point past U+10FFFF': [0xf5, 0x80, 0x80, 0x80],
  };
  it.each(Object.entries(INVALID))('refuses %s with the same reason as a full decode, naming the sheet or the part', async (_, bad) => {
    const inSheet = (s: string) => Buffer.from(`<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${s}</t></is></c></row></sheetData></worksheet>`, 'utf8');
    const [before, after] = inSheet('\u0000').toString('latin1').split('\u0000') as [string, string];
    const sheetXml = Buffer.concat([Buffer.from(before, 'latin1'), Buffer.from('Lê Văn'), Buffer.from(bad), Buffer.from(after, 'latin1')]);
    const sharedXml = Buffer.concat([Buffer.from('<sst><si><t>Đạt'), Buffer.from(bad), Buffer.from('</t></si></sst>')]);
    const cases: [Uint8Array, string][] = [
      [handMadeWorkbook({ sheet: SHEET, sheetXml }), `badUtf8Sheet: ${SHEET}`],
      [handMadeWorkbook({ sheet: SHEET, sharedXml }), 'badUtf8: xl/sharedStrings.xml'],
    ];
    for (const [bytes, said] of cases) {
      const reason = await refusal(bytes, FAST);
      expect(reason).toBe(said);
      expect(reason).toBe(await refusal(bytes, REFERENCE));
    }
  });
});
