/**
 * The sheet scanner (src/xlsx/xml.ts, the fast path every sheet is read through) gives the
 * cells the general tag walker gives, on the shapes real writers produce — Excel, the
 * product's own writer, openpyxl, LibreOffice, Open XML SDK prefixes — in raw (one char per
 * byte) and decoded text alike; what it does not read itself (comments, CDATA, elements
 * inside a value, malformed tags) it hands to the walker, so the result is still the same.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import fc from 'fast-check';
import { parseSheetXml, parseSheetXmlGeneral, scanSheetXml } from '../../src/xlsx/xml';
import { UNCALCULATED } from '../../src/domain/values';
import { readDirectory, readEntry } from '../../src/xlsx/zip';
import { DEFAULT_LIMITS, XlsxError } from '../../src/xlsx/errors';
import { nodeInflate } from '../../src/xlsx/inflateNode';
import { convert } from '../support/libreoffice';
import { unitWorkbook } from '../consolidate/corpus';

const LIMITS = { maxRows: 100_000, maxCells: 4_000_000 };
const NFC = 'Nguyễn Thị Hằng, Trường THCS Lê Quý Đôn';
const PIECES = ['a', ' ', '<', '>', '&', '"', "'", 'ệ', 'Đạt', NFC, NFC.normalize('NFD'), '😀', '👩‍🏫', '中', '\u00a0', '_x000D_', '&#233;', '  '];
const text = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 12 })), { maxLength: 6 }).map((p) => p.join(''));
/** Text as XML holds it: the three that must be escaped, sometimes as character references. */
const escaped = (s: string, refs: boolean) => {
  const e = s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return refs ? e.replace(/ệ/g, '&#x1EC7;').replace(/"/g, '&quot;') : e;
};

type Kind = 'shared' | 'str' | 'inline' | 'rich' | 'number' | 'bool' | 'error' | 'date' | 'empty' | 'sharedFormula' | 'uncalculated' | 'emptyText';
const cell = fc.record({
  kind: fc.constantFrom<Kind>('shared', 'str', 'inline', 'rich', 'number', 'bool', 'error', 'date', 'empty', 'sharedFormula', 'uncalculated', 'emptyText'),
  text,
  number: fc.oneof(fc.integer({ min: -1e6, max: 1e6 }), fc.double({ noNaN: true, noDefaultInfinity: true })),
  withRef: fc.boolean(),
  refs: fc.boolean(),
});
const style = fc.record({
  prefix: fc.constantFrom('', 'x:', 'main:'),
  quote: fc.constantFrom('"', "'"),
  /** Spaces and line breaks inside tags, as pretty-printing writers leave them. */
  gap: fc.constantFrom(' ', '  ', '\n  ', '\t'),
  rowRef: fc.boolean(),
  typeFirst: fc.boolean(),
});
type Style = typeof style extends fc.Arbitrary<infer T> ? T : never;
type Cell = typeof cell extends fc.Arbitrary<infer T> ? T : never;

function colName(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** One sheet in the given writer's style, and its shared strings. */
function sheetXml(rows: Cell[][], st: Style): { xml: string; shared: string[] } {
  const { prefix: p, quote: q, gap: g } = st;
  const shared: string[] = [];
  const a = (name: string, value: string) => `${g}${name}=${q}${value}${q}`;
  const body = rows
    .map((row, r) => {
      const cells = row
        .map((c, k) => {
          const ref = c.withRef ? a('r', `${colName(k + 1)}${r + 1}`) : '';
          const open = (type: string | null) => {
            const t = type ? a('t', type) : '';
            return `<${p}c${st.typeFirst ? t + ref : ref + t}${a('s', '1')}>`;
          };
          const v = (s: string) => `<${p}v>${s}</${p}v>`;
          const close = `</${p}c${g.trim() === '' && g.length === 1 ? '' : ' '}>`;
          const t = escaped(c.text, c.refs);
          switch (c.kind) {
            case 'shared':
              return open('s') + v(String(shared.push(c.text) - 1)) + close;
            case 'str':
              return `${open('str')}<${p}f>IF(A1>0,"a&amp;b",${q}${q})</${p}f>${v(t)}${close}`;
            case 'inline':
              return `${open('inlineStr')}<${p}is><${p}t xml:space="preserve">${t}</${p}t></${p}is>${close}`;
            case 'rich':
              return (
                `${open('inlineStr')}<${p}is><${p}r><${p}rPr><${p}b/><${p}sz${a('val', '11')}/><${p}rFont${a('val', 'Times New Roman')}/></${p}rPr><${p}t>${t}</${p}t></${p}r>` +
                `<${p}r><${p}t xml:space="preserve"> ${t}</${p}t></${p}r><${p}rPh${a('sb', '0')}${a('eb', '1')}><${p}t>ふりがな</${p}t></${p}rPh><${p}phoneticPr${a('fontId', '1')}/></${p}is>${close}`
              );
            case 'number':
              return open(null) + v(String(c.number)) + close;
            case 'bool':
              return open('b') + v(c.number > 0 ? '1' : '0') + close;
            case 'error':
              return open('e') + v('#N/A') + close;
            case 'date':
              return open('d') + v('2025-12-20T09:00:00') + close;
            case 'empty':
              return `<${p}c${ref}${a('s', '3')}/>`;
            case 'sharedFormula':
              return `${open(null)}<${p}f${a('t', 'shared')}${a('ref', 'A1:A9')}${a('si', '0')}>SUM(A1:B1)</${p}f>${v('3')}${close}<${p}c${a('s', '2')}><${p}f${a('t', 'shared')}${a('si', '0')}/>${v('4')}${close}`;
            case 'uncalculated':
              // No result stored: openpyxl's empty <v>, none at all, a shared formula's copy.
              return c.number > 0
                ? `${open(null)}<${p}f>B1*2</${p}f>${v('')}${close}`
                : `${open(c.refs ? 'str' : null)}<${p}f${a('t', 'shared')}${a('si', '1')}/>${close}`;
            case 'emptyText':
              // Calculated to "" as Excel caches it: blank.
              return `${open('str')}<${p}f>IF(A1,"","x")</${p}f>${c.refs ? `<${p}v/>` : v('')}${close}`;
          }
        })
        .join('');
      const rowRef = st.rowRef ? a('r', String(r * 2 + 1)) : '';
      return `<${p}row${rowRef}${a('spans', '1:9')}${g}>${cells}</${p}row>`;
    })
    .join('');
  const ns = p ? ` xmlns:${p.slice(0, -1)}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"` : '';
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}worksheet${ns}><${p}dimension ref="A1:C3"/><${p}sheetData>${body}</${p}sheetData><${p}mergeCells count="0"/></${p}worksheet>`;
  return { xml, shared };
}

/** Valid UTF-8 as one char per byte, as the consolidation workers read parts. */
const raw = (xml: string) => Buffer.from(xml, 'utf8').toString('latin1');

/** The scanner reads `xml` itself (never hands it on), and gives the walker's cells, raw and decoded. */
function expectScannedAlike(xml: string, shared: string[]): void {
  for (const [doc, isRaw] of [
    [xml, false],
    [raw(xml), true],
  ] as const) {
    const scanned = scanSheetXml(doc, shared, LIMITS, isRaw);
    expect(scanned).not.toBeNull();
    expect(scanned).toEqual(parseSheetXmlGeneral(doc, shared, LIMITS, isRaw));
  }
}

describe('sheet scanner', () => {
  it('reads generated sheets in every writer style as the general walker does', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 0, maxLength: 6 }), style, (rows, st) => {
        const { xml, shared } = sheetXml(rows, st);
        expectScannedAlike(xml, shared);
      }),
      { numRuns: 400 },
    );
  });

  it('keeps NFC and NFD, emoji and references as written', () => {
    const nfd = NFC.normalize('NFD');
    const xml =
      `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${NFC}</t></is></c><c r="B1" t="inlineStr"><is><t>${nfd}</t></is></c>` +
      `<c r="C1" t="str"><v>😀 &#x1F469;&#x200D;&#x1F3EB; &amp;lt;</v></c><c r="D1" t="s"><v>0</v></c></row></sheetData></worksheet>`;
    for (const [doc, isRaw] of [
      [xml, false],
      [raw(xml), true],
    ] as const) {
      expect(scanSheetXml(doc, [nfd], LIMITS, isRaw)).toEqual([[NFC, nfd, '😀 👩‍🏫 &lt;', nfd]]);
    }
  });

  it('reads repeated and distinct texts alike past its cache of decoded texts (more distinct texts than slots, read twice)', () => {
    const names = Array.from({ length: 6000 }, (_, i) => `${['Nguyễn', 'Trần', 'Lê', 'Phạm'][i % 4]} Văn ${i.toString(36)}${i % 7 ? '' : ' 😀 &amp;'}`);
    const row = (n: string, r: number) => `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>${n}</t></is></c><c r="B${r}" t="inlineStr"><is><t>Có</t></is></c><c r="C${r}"><v>${r % 10}</v></c></row>`;
    const xml = raw(`<worksheet><sheetData>${names.map((n, i) => row(n, i + 1)).join('')}</sheetData></worksheet>`);
    const general = parseSheetXmlGeneral(xml, [], LIMITS, true);
    expect(scanSheetXml(xml, [], LIMITS, true)).toEqual(general);
    expect(scanSheetXml(xml, [], LIMITS, true)).toEqual(general);
    expect(general[7]).toEqual(['Phạm Văn 7 😀 &', 'Có', 8]);
  });

  it('reads the plain cells of a raw part on their bytes as the walker reads them, and leaves it the others', () => {
    const cells = [
      '<c r="A1" s="1"><f>IF(A1>0,"x","")</f><v>3</v></c>',
      '<c r="B1" s="2"><f t="shared" ref="B1:B9" si="0">SUM(A1:A2)</f><v>4</v></c><c r="C1" s="2"><f t="shared" si="0"/><v>5</v></c>',
      '<c r="D1" r="Z1" t="str" t="n"><v>x</v></c>',
      '<c r="e1"><v>1</v></c><c r="$F$1"><v>2</v></c><c r="G1" cm="1"><v>3</v></c><c r="H1" s="&amp;"><v>4</v></c>',
      '<c r="I1"><f aca="a>b"/><v>2</v></c><c r="J1"><f>1</f></c><c r="K1"></c><c r="L1"> <v>1</v> </c>',
      '<c r="M1" t="inlineStr"><is><t xml:space="preserve"> a </t></is></c><c r="N1" t="inlineStr"><is><t>_x000D_a &amp; Đạt</t></is></c>',
      '<c r="O1"><v>1</v></c><c r="P1"/><c r="Q1" t="s"><v>0</v></c><c r="R1" t="b"><v>1</v></c><c t="e"><v>#N/A</v></c><c r="XFD1"><v>9</v></c>',
      '<c r="S1"><f t="shared" si="0"></f><v>6</v></c><c r="T1"><f>A1</f><x/></c><c r="U1"><v>7</v><x/></c>',
      '<c r="A1"><v>007</v></c><c r="B1"><v>123456789012345</v></c><c r="C1"><v>9007199254740993</v></c><c r="D1"><v></v></c><c r="E1" t="n"><v>12</v></c><c r="F1"><v>1e3</v></c><c r="G1" t="str"><v>42</v></c>',
    ];
    for (const inner of cells) expectScannedAlike(`<worksheet><sheetData><row r="1">${inner}</row></sheetData></worksheet>`, ['Có']);
  });

  it('reads a formula with no cached result (openpyxl, some exports) as not calculated, never as a blank cell, on all three paths', () => {
    const sheet = (row: string) => `<worksheet><sheetData><row r="1">${row}</row></sheetData></worksheet>`;
    const notCalculated = { error: UNCALCULATED };
    for (const row of [
      '<c r="A1"><f>1/0</f></c>',
      '<c r="A1" s="3" t="str"><f>B1&amp;""</f></c>',
      '<c r="A1"><f t="shared" si="0"/></c>',
      '<c r="A1">\n  <f>1/0</f>\n</c>',
      '<x:c r="A1"><x:f>1/0</x:f></x:c>',
      '<c r="A1" s="5"><f>1/0</f><v></v></c>',
      '<c r="A1" s="5"><f>1/0</f><v/></c>',
      '<c r="A1" t="b"><f>A2=1</f><v></v></c>',
    ]) {
      // The scanner reads each itself (a raw part's plain cells on their bytes), and agrees with the walker.
      expectScannedAlike(sheet(row), []);
      for (const raw of [false, true]) expect(parseSheetXml(sheet(row), [], LIMITS, raw)).toEqual([[notCalculated]]);
    }
    // Calculated to an empty text (Excel writes t="str" and <v></v>): blank, as before; a value with no formula is no formula.
    const calculated = sheet('<c r="A1" t="str"><f>""</f><v></v></c><c r="B1"><v>2</v></c><c r="C1"><f>1</f><v>1</v></c><c r="D1" t="str"><f>""</f><v/></c><c r="E1"><v></v></c><c r="F1" t="str"><f>"a"</f><v>a</v></c>');
    expectScannedAlike(calculated, []);
    expect(parseSheetXml(calculated, [], LIMITS)).toEqual([[null, 2, 1, null, null, 'a']]);
    const mixed = sheet('<c r="A1"><f>1/0</f></c><c r="B1" s="1"/><c r="C1"><v>3</v></c><c r="D1"><f t="shared" si="0"/><v>4</v></c>');
    expectScannedAlike(mixed, []);
    expect(parseSheetXml(mixed, [], LIMITS, true)).toEqual([[notCalculated, null, 3, 4]]);
  });

  it('hands comments, CDATA, processing instructions and elements inside a value to the walker, which reads them', () => {
    const around = (inner: string) => `<worksheet><sheetData><row r="1"><c r="A1" t="str"><v>a</v></c>${inner}</row></sheetData></worksheet>`;
    for (const xml of [
      around('<!-- a comment --><c r="B1"><v>2</v></c>'),
      around('<c r="B1" t="str"><v><![CDATA[x<y>&amp;]]></v></c>'),
      around('<?pi data?><c r="B1"><v>2</v></c>'),
      around('<c r="B1" t="str"><v>a<b/>c</v></c>'),
      around('<c r=B1><v>2</v></c>'),
    ]) {
      expect(scanSheetXml(xml, [], LIMITS)).toBeNull();
      expect(parseSheetXml(xml, [], LIMITS)).toEqual(parseSheetXmlGeneral(xml, [], LIMITS));
      expect(parseSheetXml(xml, [], LIMITS)[0]![0]).toBe('a');
    }
    const unterminated = '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"';
    expect(() => parseSheetXml(unterminated, [], LIMITS)).toThrow(XlsxError);
  });

  // Read as an empty cell, a damaged file would lose a member's name or a figure without a word.
  it('refuses a shared string index past the list (or not a number), naming the cell, on all three paths; an empty one is a blank cell', () => {
    const sheet = (cells: string) => `<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="3">${cells}</row></sheetData></worksheet>`;
    const refusal = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e instanceof XlsxError ? { kind: e.kind, detail: e.detail } : String(e);
      }
      return 'read';
    };
    for (const [cells, cell] of [
      ['<c r="B3" t="s"><v>1</v></c>', 'B3'],
      ['<c r="A3"><v>2</v></c><c t="s" s="4"><v>-1</v></c>', 'B3'],
      ['<x:c r="AB3" t="s"><x:v>x</x:v></x:c>', 'AB3'],
    ] as const) {
      for (const raw of [false, true]) {
        expect(refusal(() => parseSheetXml(sheet(cells), ['STT'], LIMITS, raw))).toEqual({ kind: 'missingText', detail: cell });
        expect(refusal(() => parseSheetXmlGeneral(sheet(cells), ['STT'], LIMITS, raw))).toEqual({ kind: 'missingText', detail: cell });
      }
    }
    expect(parseSheetXml(sheet('<c r="A3" t="s"><v></v></c><c r="B3" t="s"><v>0</v></c>'), ['STT'], LIMITS, true)).toEqual([['STT'], [], [null, 'STT']]);
  });

  it('refuses a sheet past the row, cell and column limits as the walker does', () => {
    const failure = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e instanceof XlsxError ? e.message : String(e);
      }
      return 'read';
    };
    const cases: [string, typeof LIMITS, RegExp][] = [
      ['<worksheet><sheetData><row r="7"><c r="A7"><v>1</v></c></row></sheetData></worksheet>', { maxRows: 5, maxCells: 100 }, /^sheetTooLarge/],
      ['<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="Z1"><v>1</v></c></row></sheetData></worksheet>', { maxRows: 5, maxCells: 10 }, /^sheetTooLarge/],
      // Past Excel's grid (XFD1048576): a damaged reference, not a large sheet.
      ['<worksheet><sheetData><row r="1"><c r="XFE1"><v>1</v></c></row></sheetData></worksheet>', LIMITS, /^corrupt: column 16385/],
      ['<worksheet><sheetData><row r="1048577"><c r="A1048577"><v>1</v></c></row></sheetData></worksheet>', { maxRows: 5, maxCells: 100 }, /^corrupt: row 1048577/],
    ];
    for (const [xml, limits, kind] of cases) {
      const scanned = failure(() => parseSheetXml(xml, [], limits));
      expect(scanned).toMatch(kind);
      expect(scanned).toBe(failure(() => parseSheetXmlGeneral(xml, [], limits)));
    }
  });

  describe('on files of real writers', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sheet-scanner-'));
    const unitFile = path.join(dir, 'don-vi.xlsx');
    beforeAll(async () => fs.writeFileSync(unitFile, await unitWorkbook({ name: 'Trường THCS Nguyễn Du', members: 30 })));
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    /** Every worksheet of a file, with its shared strings, through the scanner and the walker. */
    async function expectFileScannedAlike(bytes: Uint8Array): Promise<number> {
      const zip = readDirectory(bytes, DEFAULT_LIMITS);
      const text = async (name: string) => Buffer.from(await readEntry(bytes, zip.entries.get(name)!, nodeInflate, DEFAULT_LIMITS)).toString('utf8');
      const sst = zip.entries.has('xl/sharedstrings.xml') ? await text('xl/sharedstrings.xml') : null;
      const shared = sst ? [...sst.matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((m) => m[1]!) : [];
      let sheets = 0;
      for (const key of zip.entries.keys()) {
        if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(key)) continue;
        expectScannedAlike(await text(key), shared);
        sheets++;
      }
      return sheets;
    }

    it("the product's own unit workbook", async () => {
      expect(await expectFileScannedAlike(new Uint8Array(fs.readFileSync(unitFile)))).toBeGreaterThanOrEqual(5);
    });

    it('openpyxl (shared strings, booleans, formulas without cached values)', async () => {
      const out = path.join(dir, 'openpyxl.xlsx');
      const script = [
        'import sys, datetime, openpyxl',
        'wb = openpyxl.Workbook(); ws = wb.active; ws.title = "Thành viên"',
        'ws.append(["STT", "Họ và tên", "Có", None, 12.5, True, "=A2+1", datetime.datetime(2025, 12, 20)])',
        'ws.append([1, "Nguyễn Thị Hằng", "Không", "x", -3, False, "=SUM(A1:A2)", "😀 & <b>"])',
        'ws["J5"] = "Trần Văn Đạt"',
        'wb.save(sys.argv[1])',
      ].join('\n');
      execFileSync('/usr/bin/python3', ['-c', script, out]);
      expect(await expectFileScannedAlike(new Uint8Array(fs.readFileSync(out)))).toBe(1);
    });

    it('LibreOffice re-saving the unit workbook', async () => {
      const out = await convert(unitFile, 'xlsx', fs.mkdtempSync(path.join(dir, 'lo-')));
      expect(await expectFileScannedAlike(new Uint8Array(fs.readFileSync(out)))).toBeGreaterThanOrEqual(5);
    }, 120_000);
  });
});
