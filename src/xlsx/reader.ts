/**
 * A fast, read-only .xlsx reader for unit workbooks received by an officer: signature
 * sniffing, a capped zip directory, and the values of only the sheets asked for — the same
 * WorkbookSnapshot every implementation of the port returns, so parseUnitWorkbook is
 * reused unchanged. Pure (no fs, no Node modules): the inflater is passed in, so the same
 * code runs in Node worker threads and in a browser Web Worker.
 */
import type { SheetData, WorkbookSnapshot } from '../domain/sheetData';
import type { CellValue } from '../domain/values';
import { DEFAULT_LIMITS, inSheet, namingPart, partError, XlsxError, type XlsxLimits } from './errors';
import { foreignZip, missingWorkbook, sniff } from './sniff';
import { readDirectory, readEntry, type Crc32, type Inflate, type ZipDirectory } from './zip';
import { assertNoDtd, parseRels, parseSharedStrings, parseSheetMarks, parseSheetXml, parseWorkbookXml } from './xml';

export interface XlsxReadOptions {
  inflate: Inflate;
  /** UTF-8 bytes → text, throwing on invalid UTF-8 (default: a fatal TextDecoder). */
  decode?: (bytes: Uint8Array) => string;
  /**
   * Valid UTF-8 bytes as one char per byte, throwing on invalid UTF-8 (utf8.ts): sheets and
   * shared strings are then parsed without a full decode. Without it they are decoded.
   */
  raw?: (bytes: Uint8Array) => string;
  limits?: Partial<XlsxLimits>;
  /** CRC-32 that checks every part read (default: the JS one, crc32.ts). */
  crc32?: Crc32;
}

export interface XlsxFile {
  sheetNames: string[];
  /** Zip entry names that were ignored as unsafe (reported, never followed). */
  /** What wrote the file, from docProps/app.xml (e.g. "Microsoft Excel", "LibreOffice/7.4…"). */
  application: string | null;
  read(sheets: string[]): Promise<WorkbookSnapshot>;
  /**
   * One sheet's part, read once and parsed a span of rows at a time: consolidation checks a
   * summary's table and its totals line, not the member list between them. null without the sheet.
   */
  sheetRows(sheet: string): Promise<SheetRows | null>;
  /** The add-in's mark of each marked sheet (its role), by sheet name: worked out only when asked. */
  roles(): Map<string, string>;
  /** Equal for two files whose parts hold the same bytes: each part's CRC-32 and size, from the zip directory already read. */
  contentKey(): string;
}

export interface SheetRows {
  /**
   * The values of rows from…to (inclusive), indexed as SheetData's (row − 1), and the addresses
   * ("G17") of their formula cells. Read `only`: the cells of those columns (indices, A = 0), the
   * others left out (null), so a summary's long texts are not parsed to check its figures;
   * `formulas: false` leaves the formula cells unsaid (an empty set), for rows read to compare first.
   */
  rows(from: number, to: number, read?: { only?: readonly number[]; formulas?: boolean }): { rows: CellValue[][]; formulas: Set<string> };
}

let utf8: { decode(b: Uint8Array): string } | null = null;

export async function openXlsx(bytes: Uint8Array, options: XlsxReadOptions): Promise<XlsxFile> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  if (bytes.length > limits.maxFileBytes) throw new XlsxError('tooLarge', String(bytes.length));
  sniff(bytes);
  const dir = readDirectory(bytes, limits);
  const part = async (name: string): Promise<string | null> => {
    const entry = dir.entries.get(name.toLowerCase());
    return entry ? decodeText(await readEntry(bytes, entry, options.inflate, limits, options.crc32), options.decode, entry.name) : null;
  };
  // Sheets and shared strings, the bulk of the bytes: raw when the caller can (a UTF-16 part is decoded).
  const raw = options.raw;
  const cellPart = async (name: string): Promise<{ xml: string; raw: boolean; bytes?: Uint8Array } | null> => {
    const entry = dir.entries.get(name.toLowerCase());
    if (!entry) return null;
    const data = await readEntry(bytes, entry, options.inflate, limits, options.crc32);
    if (!raw || isUtf16(data)) return { xml: decodeText(data, options.decode, entry.name), raw: false };
    try {
      return { xml: raw(data), raw: true, bytes: data };
    } catch {
      throw new XlsxError('badUtf8', entry.name);
    }
  };
  const foreign = foreignZip(dir.entries);
  if (foreign) throw new XlsxError(foreign);

  const workbookPath = officeDocumentPath(await part('_rels/.rels'));
  const workbookXml = await part(workbookPath);
  if (workbookXml === null) throw missingWorkbook(dir.entries.keys(), workbookPath);
  const folder = folderOf(workbookPath);
  const relsPath = relsPathOf(workbookPath);
  const relsXml = await part(relsPath);
  const rels = relsXml ? namingPart(relsPath, () => parseRels(relsXml)) : [];
  const target = new Map<string, string>();
  for (const r of rels) if (!r.external) target.set(r.id, resolvePart(folder, r.target));
  const { sheets, date1904 } = namingPart(workbookPath, () => parseWorkbookXml(workbookXml));
  const lost = sheetWithoutPart(sheets, target, (path) => dir.entries.has(path.toLowerCase()));
  if (lost !== null) throw new XlsxError('missingSheet', lost);
  const sharedRel = relOfType(rels, '/sharedStrings');
  const sharedPath = sharedRel ? resolvePart(folder, sharedRel.target) : `${folder}sharedStrings.xml`;
  const app = await appName(dir, part);

  let shared: string[] | null = null;
  /** Each sheet's key, worked out when first compared (a unit workbook is asked for five sheets). */
  const keys: string[] = [];
  /** The part of the sheet named `asked` and the shared strings; null for a sheet the file lacks or without cells. */
  const sheetPart = async (asked: string) => {
    const key = sheetKey(asked);
    let sheet: (typeof sheets)[number] | undefined;
    for (let i = 0; i < sheets.length && !sheet; i++) if ((keys[i] ??= sheetKey(sheets[i]!.name)) === key) sheet = sheets[i];
    const path = sheet ? target.get(sheet.rid) : undefined;
    if (!sheet || !path) return null;
    const part = await cellPart(path).catch((e: unknown) => Promise.reject(inSheet(e, path, sheet.name)));
    if (part === null) return null; // a chart sheet or a dangling relationship: no cells
    if (shared === null) {
      const sst = await cellPart(sharedPath);
      shared = sst === null ? [] : namingPart(sharedPath, () => parseSharedStrings(sst.xml, sst.raw));
    }
    return { part, path, name: sheet.name, shared };
  };
  return {
    sheetNames: sheets.map(nameOf),
    application: app,
    contentKey() {
      let h1 = 0x811c9dc5;
      let h2 = dir.entries.size;
      for (const e of dir.entries.values()) {
        h1 = Math.imul(h1 ^ e.crc32, 0x01000193);
        h2 = Math.imul(h2 ^ e.size, 0x5bd1e995) ^ (h1 >>> 15);
      }
      return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
    },
    roles() {
      const marks = namingPart(workbookPath, () => parseSheetMarks(workbookXml));
      return new Map([...marks].filter(([i]) => sheets[i]).map(([i, role]) => [sheets[i]!.name, role]));
    },
    async read(wanted: string[]): Promise<WorkbookSnapshot> {
      const result: WorkbookSnapshot = { sheetNames: sheets.map(nameOf), sheets: new Map(), date1904 };
      for (const asked of wanted) {
        const found = await sheetPart(asked);
        if (!found) continue;
        let rows: SheetData['rows'];
        try {
          rows = parseSheetXml(found.part.xml, found.shared, limits, found.part.raw, found.part.bytes, date1904);
        } catch (e) {
          throw partError(e, found.path, found.name);
        }
        result.sheets.set(asked, { name: found.name, rows });
      }
      return result;
    },
    async sheetRows(asked: string): Promise<SheetRows | null> {
      const found = await sheetPart(asked);
      if (!found) return null;
      const { part, path, name } = found;
      const parse = (xml: string, bytes: Uint8Array | undefined, formulas?: Set<string>) => {
        try {
          return parseSheetXml(xml, found.shared, limits, part.raw, bytes, date1904, formulas);
        } catch (e) {
          throw partError(e, path, name);
        }
      };
      try {
        assertNoDtd(part.xml);
      } catch (e) {
        throw partError(e, path, name);
      }
      return new RowSpans(part, parse);
    },
  };
}

type Parse = (xml: string, bytes: Uint8Array | undefined, formulas?: Set<string>) => CellValue[][];


/**
 * A sheet part's rows a span at a time. Only the spans asked for are parsed: the rows' tags are
 * found by their `r` (every writer of .xlsx gives it) with indexOf, the part's cells between them
 * never read. A part whose rows do not all say their number is parsed whole, once.
 */
class RowSpans implements SheetRows {
  /** Where each row tag seen so far starts, and its number; `cursor`: where the next is looked for. */
  private readonly starts: number[] = [];
  private readonly numbers: number[] = [];
  private cursor: number;
  private readonly end: number;
  private whole: { rows: CellValue[][]; formulas: Set<string> } | null = null;
  /** The tags as the part spells them: "<row", or "<x:row" where its writer prefixes them (the Open XML SDK). */
  private readonly rowTag: string;
  private readonly cellTag: string;
  private readonly cellClose: string;
  private readonly open: string;
  private readonly close: string;

  constructor(
    private readonly part: { xml: string; raw: boolean; bytes?: Uint8Array },
    private readonly parse: Parse,
  ) {
    const xml = part.xml;
    const name = xml.indexOf('sheetData');
    const lt = name < 0 ? -1 : xml.lastIndexOf('<', name);
    const prefix = lt < 0 ? '' : xml.slice(lt + 1, name);
    this.rowTag = `<${prefix}row`;
    this.cellTag = `<${prefix}c`;
    this.cellClose = `</${prefix}c>`;
    this.open = `<${prefix}sheetData>`;
    this.close = `</${prefix}sheetData>`;
    const close = xml.lastIndexOf(this.close);
    this.cursor = lt < 0 ? xml.length : lt;
    this.end = close < this.cursor ? xml.length : close;
  }

  rows(from: number, to: number, read?: { only?: readonly number[]; formulas?: boolean }): { rows: CellValue[][]; formulas: Set<string> } {
    if (this.whole) return this.whole;
    // Rows seen up to the first past `to` (or the last).
    while (this.numbers.length === 0 || this.numbers[this.numbers.length - 1]! <= to) {
      if (!this.next()) break;
    }
    if (this.whole) return this.whole;
    let a = -1;
    let b = this.numbers.length;
    for (let i = 0; i < this.numbers.length; i++) {
      if (a < 0 && this.numbers[i]! >= from) a = i;
      if (this.numbers[i]! > to) {
        b = i;
        break;
      }
    }
    const formulas = new Set<string>();
    if (a < 0 || a >= b) return { rows: [], formulas };
    const start = this.starts[a]!;
    const stop = b < this.starts.length ? this.starts[b]! : this.end;
    const kept = read?.only ? this.cellsOf(start, stop, read.only) : null;
    return { rows: this.segment(kept ?? [start, stop], read?.formulas === false ? undefined : formulas), formulas };
  }

  /**
   * The spans of xml[start, stop) left once the cells of other columns than `columns` are cut out
   * (row tags kept), as [from, to, from, to …]; null when a cell does not say its column (`r`):
   * cut, the cells after it would shift, so the rows are parsed whole.
   */
  private cellsOf(start: number, stop: number, columns: readonly number[]): number[] | null {
    const xml = this.part.xml;
    const { cellTag, cellClose } = this;
    const keep: boolean[] = [];
    for (const c of columns) keep[c] = true;
    const spans: number[] = [];
    let from = start;
    for (let at = xml.indexOf(cellTag, start); at >= 0 && at < stop; at = xml.indexOf(cellTag, at + 1)) {
      const c = xml.charCodeAt(at + cellTag.length);
      // "<col", "<cfRule" and the like are other tags.
      if (c !== 32 && c !== 62 && c !== 47 && c !== 9 && c !== 10 && c !== 13) continue;
      const gt = xml.indexOf('>', at);
      if (gt < 0 || gt >= stop) return null;
      const col = columnOfCell(xml, at + cellTag.length, gt);
      if (col < 0) return null;
      // A cell kept is passed over from its tag: no tag inside a cell begins "<c " (its text has no "<").
      if (keep[col]) {
        at = gt;
        continue;
      }
      let end = gt + 1;
      if (xml.charCodeAt(gt - 1) !== 47) {
        const close = xml.indexOf(cellClose, gt);
        if (close < 0 || close >= stop) return null;
        end = close + cellClose.length;
      }
      if (at > from) spans.push(from, at);
      from = end;
      at = end - 1;
    }
    if (stop > from) spans.push(from, stop);
    return spans;
  }

  /** The next row tag's start and number; false at the end (or, for a row without its number, after parsing the part whole). */
  private next(): boolean {
    const xml = this.part.xml;
    for (;;) {
      const at = xml.indexOf(this.rowTag, this.cursor);
      if (at < 0 || at >= this.end) {
        this.cursor = this.end;
        return false;
      }
      const after = at + this.rowTag.length;
      this.cursor = after;
      const c = xml.charCodeAt(after);
      // "<rowBreaks" and the like are other tags.
      if (c !== 32 && c !== 62 && c !== 47 && c !== 9 && c !== 10 && c !== 13) continue;
      const tagEnd = xml.indexOf('>', at);
      const number = tagEnd < 0 ? -1 : rowNumberOf(xml, after, tagEnd);
      if (number < 0) {
        const formulas = new Set<string>();
        this.whole = { rows: this.parse(xml, this.part.bytes, formulas), formulas };
        return false;
      }
      this.starts.push(at);
      this.numbers.push(number);
      return true;
    }
  }

  /** The rows of the part's spans ([from, to, …]) parsed as a sheet of their own (the bytes too, for a raw part). */
  private segment(spans: readonly number[], formulas: Set<string> | undefined): CellValue[][] {
    const { open, close } = this;
    const part = this.part.xml;
    let body = '';
    let length = 0;
    for (let i = 0; i < spans.length; i += 2) {
      body += part.slice(spans[i], spans[i + 1]);
      length += spans[i + 1]! - spans[i]!;
    }
    const xml = `${open}${body}${close}`;
    const source = this.part.raw ? this.part.bytes : undefined;
    if (!source) return this.parse(xml, undefined, formulas);
    // The tags are ASCII: one byte a char, as a raw part's text is.
    const bytes = new Uint8Array(xml.length);
    for (let i = 0; i < open.length; i++) bytes[i] = open.charCodeAt(i);
    let at = open.length;
    for (let i = 0; i < spans.length; i += 2) {
      bytes.set(source.subarray(spans[i], spans[i + 1]), at);
      at += spans[i + 1]! - spans[i]!;
    }
    for (let i = 0; i < close.length; i++) bytes[open.length + length + i] = close.charCodeAt(i);
    return this.parse(xml, bytes, formulas);
  }
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

/**
 * The number a row's start tag gives in `r` (its attributes xml[from, to)), or −1 without one. Scanned, not
 * matched by a regular expression on a slice: a summary's hundred rows a file (≈ 40 µs of a file's reading).
 */
function rowNumberOf(xml: string, from: number, to: number): number {
  for (let i = xml.indexOf('r', from); i >= 0 && i < to; i = xml.indexOf('r', i + 1)) {
    if (i === from || !isSpace(xml.charCodeAt(i - 1))) continue;
    let j = i + 1;
    while (isSpace(xml.charCodeAt(j))) j++;
    if (xml.charCodeAt(j) !== 61) continue; // "="
    j++;
    while (isSpace(xml.charCodeAt(j))) j++;
    const quote = xml.charCodeAt(j);
    if (quote !== 34 && quote !== 39) continue;
    let n = 0;
    const first = ++j;
    for (let c = xml.charCodeAt(j); c >= 48 && c <= 57; c = xml.charCodeAt(++j)) n = n * 10 + c - 48;
    if (j > first && j < to && xml.charCodeAt(j) === quote) return n;
  }
  return -1;
}

/** The column index (A = 0) of a cell whose start tag's attributes are xml[from, gt); −1 without `r`. */
function columnOfCell(xml: string, from: number, gt: number): number {
  for (let i = xml.indexOf('r=', from); i >= 0 && i < gt; i = xml.indexOf('r=', i + 2)) {
    const before = xml.charCodeAt(i - 1);
    if (before !== 32 && before !== 9 && before !== 10 && before !== 13) continue;
    let col = 0;
    let j = i + 3;
    for (let c = xml.charCodeAt(j); c >= 65 && c <= 90; c = xml.charCodeAt(++j)) col = col * 26 + c - 64;
    return col > 0 ? col - 1 : -1;
  }
  return -1;
}

// Called once per file: functions of the module rather than closures made per call, whose
// optimised code a reading worker's full garbage collections drop (src/domain/arrays.ts).
const nameOf = (s: { name: string }) => s.name;

/** The first relationship whose type ends so. */
function relOfType<R extends { type: string }>(rels: readonly R[], type: string): R | undefined {
  for (const r of rels) if (r.type.endsWith(type)) return r;
  return undefined;
}

/** Sheet names compare as Excel does: case-insensitive, NFC. */
function sheetKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

function isUtf16(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

/**
 * A part's bytes as text (UTF-16 by BOM, else UTF-8); invalid UTF-8 refuses the file, naming the
 * part. Text decoded from UTF-16 declares UTF-8: that is how it is written back once edited.
 */
export function decodeText(bytes: Uint8Array, decode: ((b: Uint8Array) => string) | undefined, part: string): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return declaredUtf8(new TextDecoder('utf-16le').decode(bytes.subarray(2)));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return declaredUtf8(new TextDecoder('utf-16be').decode(bytes.subarray(2)));
  try {
    if (decode) return decode(bytes);
    utf8 ??= new TextDecoder('utf-8', { fatal: true });
    return utf8.decode(bytes);
  } catch {
    throw new XlsxError('badUtf8', part);
  }
}

/** The XML declaration's encoding, when there is one, said as UTF-8. */
function declaredUtf8(xml: string): string {
  return xml.replace(/^(\s*<\?xml\b[^?]*?\bencoding\s*=\s*)(["'])[^"']*\2/, '$1$2UTF-8$2');
}

function officeDocumentPath(rootRels: string | null): string {
  const rel = rootRels ? namingPart('_rels/.rels', () => parseRels(rootRels)).find((r) => r.type.endsWith('/officeDocument') && !r.external) : undefined;
  return rel ? resolvePart('', rel.target) : 'xl/workbook.xml';
}

/**
 * The name of the sheet whose part is `part`, from the workbook and its relationships (read
 * with `read`); null when they do not say or are unreadable themselves.
 */
export async function sheetNameOf(part: string, read: (name: string) => Promise<string | null>): Promise<string | null> {
  try {
    const workbookPath = officeDocumentPath(await read('_rels/.rels'));
    const folder = folderOf(workbookPath);
    const [workbookXml, relsXml] = [await read(workbookPath), await read(relsPathOf(workbookPath))];
    if (workbookXml === null || relsXml === null) return null;
    const rel = parseRels(relsXml).find((r) => !r.external && resolvePart(folder, r.target).toLowerCase() === part.toLowerCase());
    return parseWorkbookXml(workbookXml).sheets.find((s) => rel && s.rid === rel.id)?.name ?? null;
  } catch {
    return null;
  }
}

/**
 * The name of the first sheet the workbook lists whose part is not in the zip (no relationship,
 * or one to a missing entry), else null. Excel never writes one: a zip cut and "repaired", an
 * entry lost. Read, the sheet would seem renamed or empty; written back, its dangling
 * relationship makes Excel repair the file.
 */
export function sheetWithoutPart(sheets: readonly { name: string; rid: string }[], target: ReadonlyMap<string, string>, has: (path: string) => boolean): string | null {
  for (const s of sheets) {
    const path = target.get(s.rid);
    if (path === undefined || !has(path)) return s.name;
  }
  return null;
}

const folderOf = (part: string) => part.slice(0, part.lastIndexOf('/') + 1);
const relsPathOf = (part: string) => `${folderOf(part)}_rels/${part.slice(folderOf(part).length)}.rels`;

/** A relationship target against its source folder: "worksheets/sheet1.xml", "/xl/…", "../…". */
export function resolvePart(folder: string, target: string): string {
  const raw = target.startsWith('/') ? target.slice(1) : folder + target;
  const out: string[] = [];
  for (const seg of raw.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return out.join('/');
}

async function appName(dir: ZipDirectory, part: (name: string) => Promise<string | null>): Promise<string | null> {
  if (!dir.entries.has('docprops/app.xml')) return null;
  const xml = await part('docProps/app.xml');
  const m = xml ? /<(?:\w+:)?Application>([^<]*)</.exec(xml) : null;
  return m ? m[1]!.trim() : null;
}
