/**
 * A minimal XML scanner for the few SpreadsheetML parts the reader needs. It is not a
 * general parser: no DTD is ever read (a document that declares one is refused, which
 * closes the door on entity expansion — "billion laughs"), only the five predefined
 * entities and character references are decoded, and nothing recurses, so deep nesting
 * costs nothing. Namespace prefixes (<x:row>) are ignored.
 */
import { UNCALCULATED, type CellError, type CellValue } from '../domain/values';
import { XlsxError, type XlsxLimits } from './errors';
import { fromRawUtf8 } from './utf8';

const LT = 60; // <
const GT = 62; // >
const SLASH = 47;
const QMARK = 63;
const BANG = 33;
const DQ = 34;
const SQ = 39;
const EQ = 61;
const AMP = 38;
const COLON = 58;

export interface Tag {
  /** Local name (prefix dropped). */
  name: string;
  closing: boolean;
  selfClosing: boolean;
  /** Raw attribute text between the name and the end of the tag. */
  attrs: string;
  /** Index just after '>'. */
  end: number;
}

/**
 * Refuses documents with a DTD. A DTD can only stand in the prolog, before the root element:
 * readTag throws on any "<!" that is not a comment or CDATA, so walking the prolog suffices.
 */
export function assertNoDtd(xml: string): void {
  const pos = { end: 0 };
  let i = 0;
  for (;;) {
    const lt = xml.indexOf('<', i);
    if (lt < 0 || readTag(xml, lt, pos)) return;
    i = pos.end;
  }
}

/**
 * Where a tag is, without allocating: the hot loops (sheet cells, shared strings) compare
 * names in place and slice only the attributes they read. Reused by the caller.
 */
export interface TagSpan {
  /** Local name (prefix dropped) spans [nameStart, nameEnd). */
  nameStart: number;
  nameEnd: number;
  closing: boolean;
  selfClosing: boolean;
  /** Raw attributes span [attrStart, attrEnd). */
  attrStart: number;
  attrEnd: number;
  /** Index just after '>'. */
  end: number;
}

export function newTagSpan(): TagSpan {
  return { nameStart: 0, nameEnd: 0, closing: false, selfClosing: false, attrStart: 0, attrEnd: 0, end: 0 };
}

/**
 * Scans the tag starting at `lt` (xml[lt] === '<') into `t`; comments, PIs and CDATA return
 * false with `t.end` set. A "<!" that is none of those is a DTD: refused.
 */
export function scanTag(xml: string, lt: number, t: TagSpan): boolean {
  const c1 = xml.charCodeAt(lt + 1);
  if (c1 === QMARK) {
    const e = xml.indexOf('?>', lt + 2);
    t.end = e < 0 ? xml.length : e + 2;
    return false;
  }
  if (c1 === BANG) {
    if (xml.startsWith('<!--', lt)) {
      const e = xml.indexOf('-->', lt + 4);
      t.end = e < 0 ? xml.length : e + 3;
    } else if (xml.startsWith('<![CDATA[', lt)) {
      const e = xml.indexOf(']]>', lt + 9);
      t.end = e < 0 ? xml.length : e + 3;
    } else throw new XlsxError('dtd');
    return false;
  }
  const closing = c1 === SLASH;
  let i = closing ? lt + 2 : lt + 1;
  const nameStart = i;
  let colon = -1;
  const n = xml.length;
  for (; i < n; i++) {
    const c = xml.charCodeAt(i);
    if (c === GT || c === SLASH || c <= 32) break;
    if (c === 58) colon = i;
  }
  t.nameStart = colon >= 0 ? colon + 1 : nameStart;
  t.nameEnd = i;
  t.attrStart = i;
  // Attribute values may hold '>' (not '<'): skip quoted runs.
  let quote = 0;
  for (; i < n; i++) {
    const c = xml.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === DQ || c === SQ) quote = c;
    else if (c === GT) break;
  }
  if (i >= n) throw new XlsxError('corrupt', `unterminated <${xml.slice(t.nameStart, t.nameEnd)}>`);
  t.closing = closing;
  t.selfClosing = xml.charCodeAt(i - 1) === SLASH;
  t.attrEnd = t.selfClosing ? i - 1 : i;
  t.end = i + 1;
  return true;
}

/** Whether the tag scanned into `t` has the local name `name`. */
export function named(xml: string, t: TagSpan, name: string): boolean {
  return t.nameEnd - t.nameStart === name.length && xml.startsWith(name, t.nameStart);
}

/** Reads the tag starting at `lt` (xml[lt] === '<'); comments, PIs and CDATA return null with `end` set. */
export function readTag(xml: string, lt: number, out: { end: number }): Tag | null {
  const t = newTagSpan();
  const found = scanTag(xml, lt, t);
  out.end = t.end;
  if (!found) return null;
  return { name: xml.slice(t.nameStart, t.nameEnd), closing: t.closing, selfClosing: t.selfClosing, attrs: xml.slice(t.attrStart, t.attrEnd), end: t.end };
}

/** Value of attribute `name` (exact, with prefix if any) in raw attribute text. */
export function attr(attrs: string, name: string): string | null {
  return attrIn(attrs, 0, attrs.length, name);
}

/** Value of attribute `name` of the tag scanned into `t` (scanTag), read in place. */
export function tagAttr(xml: string, t: TagSpan, name: string): string | null {
  return attrIn(xml, t.attrStart, t.attrEnd, name);
}

/** `name`'s first index in xml[from, end), or -1: never searches past `end` (indexOf would, to the document's end, for each tag). */
function indexWithin(xml: string, name: string, from: number, end: number): number {
  const first = name.charCodeAt(0);
  for (let i = from, last = end - name.length; i <= last; i++) {
    if (xml.charCodeAt(i) === first && xml.startsWith(name, i)) return i;
  }
  return -1;
}

/** Value of attribute `name` in the raw attribute text xml[start, end), read in place (no slice of the attributes). */
function attrIn(xml: string, start: number, end: number, name: string): string | null {
  let from = start;
  for (;;) {
    const at = indexWithin(xml, name, from, end);
    if (at < 0) return null;
    from = at + name.length;
    const before = at === start ? 32 : xml.charCodeAt(at - 1);
    if (before > 32) continue;
    let i = from;
    while (xml.charCodeAt(i) <= 32 && i < end) i++;
    if (xml.charCodeAt(i) !== 61) continue; // '='
    i++;
    while (xml.charCodeAt(i) <= 32 && i < end) i++;
    const q = xml.charCodeAt(i);
    if (q !== DQ && q !== SQ) continue;
    const close = xml.indexOf(q === DQ ? '"' : "'", i + 1);
    if (close < 0 || close >= end) return null;
    return decodeEntities(xml.slice(i + 1, close));
  }
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, decodeEntity);
}

// The replacers are made once, not per call: a closure's optimised code is dropped with it by a
// full garbage collection, which a Web Worker reading many files runs every few dozen.
function decodeEntity(m: string, body: string): string {
  if (body.charCodeAt(0) === 35) {
    const code = body.charCodeAt(1) === 120 ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
  }
  // Unknown names stay as typed: without a DTD there is nothing to expand them to.
  return NAMED[body] ?? m;
}

const ooxmlEscape = (_m: string, h: string) => String.fromCharCode(parseInt(h, 16));

/** Excel escapes characters XML cannot hold as _xHHHH_ (hex in either case, as LibreOffice and openpyxl read it). */
export function decodeOoxmlEscapes(s: string): string {
  return s.indexOf('_x') < 0 ? s : s.replace(/_x([0-9A-Fa-f]{4})_/g, ooxmlEscape);
}

/**
 * Text up to the element's end, with CDATA sections; `t.end` is set just after the close tag.
 * `raw`: the document is one char per byte of UTF-8 (utf8.ts), so the text is decoded here,
 * before entities (a "&#233;" must not be taken for a byte).
 */
function textUntilClose(xml: string, from: number, t: TagSpan, raw: boolean): string {
  let text = '';
  let i = from;
  for (;;) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) throw new XlsxError('corrupt', 'unterminated text');
    if (lt > i) text += xml.slice(i, lt);
    if (xml.charCodeAt(lt + 1) === BANG && xml.startsWith('<![CDATA[', lt)) {
      const e = xml.indexOf(']]>', lt + 9);
      if (e < 0) throw new XlsxError('corrupt', 'unterminated CDATA');
      text += xml.slice(lt + 9, e).replace(/&/g, '&amp;'); // kept literal through decodeEntities
      i = e + 3;
      continue;
    }
    const found = scanTag(xml, lt, t);
    i = t.end;
    if (found && t.closing) return decodeEntities(raw ? fromRawUtf8(text) : text);
    // Any other nested element inside a text node is skipped (never expected).
  }
}

/**
 * Walks the tags of a document (comments, PIs and CDATA skipped) without allocating, for the parts
 * with thousands of tags: `tag` is rewritten by each next(). Text readers may move `i`.
 */
class SpanCursor {
  readonly tag = newTagSpan();
  constructor(
    protected readonly xml: string,
    public i = 0,
  ) {}

  next(): boolean {
    for (;;) {
      const lt = this.xml.indexOf('<', this.i);
      if (lt < 0) return false;
      const found = scanTag(this.xml, lt, this.tag);
      this.i = this.tag.end;
      if (found) return true;
    }
  }

  is(name: string): boolean {
    return named(this.xml, this.tag, name);
  }

  attr(name: string): string | null {
    return tagAttr(this.xml, this.tag, name);
  }

  /** Text of the element just opened; the cursor moves past its close tag. */
  text(raw: boolean): string {
    const text = textUntilClose(this.xml, this.i, this.tag, raw);
    this.i = this.tag.end;
    return text;
  }
}

/** SpanCursor handing out each tag as an object, for the small parts (workbook, relationships, layout). */
class TagCursor extends SpanCursor {
  /** The next tag, or null at the end of the document. */
  nextTag(): Tag | null {
    if (!this.next()) return null;
    const t = this.tag;
    return { name: this.xml.slice(t.nameStart, t.nameEnd), closing: t.closing, selfClosing: t.selfClosing, attrs: this.xml.slice(t.attrStart, t.attrEnd), end: t.end };
  }
}

/** Strings of sharedStrings.xml: each <si>'s <t> texts joined, phonetic runs (<rPh>) left out. `raw`: see textUntilClose. */
export function parseSharedStrings(xml: string, raw = false): string[] {
  assertNoDtd(xml);
  const out: string[] = [];
  const cursor = new SpanCursor(xml);
  const tag = cursor.tag;
  let current: string | null = null;
  let inPhonetic = false;
  let ended = false;
  while (cursor.next()) {
    if (cursor.is('sst')) ended ||= tag.closing || tag.selfClosing;
    else if (cursor.is('si')) {
      if (tag.closing) {
        out.push(current ?? '');
        current = null;
      } else if (tag.selfClosing) out.push('');
      else current = '';
    } else if (cursor.is('rPh')) inPhonetic = !tag.closing && !tag.selfClosing;
    else if (cursor.is('t') && !tag.closing && !tag.selfClosing) {
      const text = cursor.text(raw);
      if (current !== null && !inPhonetic) current += decodeOoxmlEscapes(text);
    }
  }
  // Cut off before </sst>: the strings after the cut would read as empty cells. ('' is no strings at all.)
  if (!ended && xml.trim() !== '') throw new XlsxError('corrupt', 'unterminated <sst>');
  return out;
}

export interface WorkbookPart {
  sheets: { name: string; rid: string }[];
  /** <workbookPr date1904="1"/>: dates count from 1904. */
  date1904: boolean;
}

export function parseWorkbookXml(xml: string): WorkbookPart {
  assertNoDtd(xml);
  const sheets: WorkbookPart['sheets'] = [];
  const cursor = new TagCursor(xml);
  let ended = false;
  let date1904 = false;
  for (let tag = cursor.nextTag(); tag; tag = cursor.nextTag()) {
    if (tag.name === 'workbook') ended ||= tag.closing || tag.selfClosing;
    if (tag.name === 'workbookPr' && !tag.closing) date1904 = truthy(attr(tag.attrs, 'date1904'));
    if (tag.closing || tag.name !== 'sheet') continue;
    const name = attr(tag.attrs, 'name');
    // A sheet without its r:id is kept (rid ''): reader.ts's sheetWithoutPart then calls it missing.
    if (name !== null) sheets.push({ name, rid: relId(tag.attrs) ?? '' });
  }
  // Cut off before </workbook>: the sheets after the cut would seem missing.
  if (!ended) throw new XlsxError('corrupt', 'unterminated <workbook>');
  return { sheets, date1904 };
}

/** The sheet-scoped name marking an add-in sheet; its value is the sheet's role as a string constant. */
export const OWNER_MARK = 'DVHT_SHEET';

/** A mark's value as stored ("summary" in quotes) → the role; null when it is not a string constant. */
export function markRole(value: string): string | null {
  const m = /^"(.*)"$/s.exec(value.trim());
  return m ? m[1]!.replace(/""/g, '"') : null;
}

/** The add-in's marks of workbook.xml: each marked sheet's role, by its index in tab order. */
export function parseSheetMarks(xml: string): Map<number, string> {
  const marks = new Map<number, string>();
  const cursor = new SpanCursor(xml);
  const tag = cursor.tag;
  while (cursor.next()) {
    if (tag.closing || tag.selfClosing || !cursor.is('definedName') || cursor.attr('name')?.toUpperCase() !== OWNER_MARK) continue;
    const id = cursor.attr('localSheetId');
    const role = markRole(cursor.text(false));
    if (id !== null && role !== null) marks.set(Number(id), role);
  }
  return marks;
}

/** The r:id attribute whatever its prefix. */
function relId(attrs: string): string | null {
  const m = /(?:^|\s)([A-Za-z_][\w.-]*):id\s*=\s*("([^"]*)"|'([^']*)')/.exec(attrs);
  return m ? decodeEntities(m[3] ?? m[4] ?? '') : null;
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export function parseRels(xml: string): Relationship[] {
  assertNoDtd(xml);
  const out: Relationship[] = [];
  const cursor = new TagCursor(xml);
  let ended = false;
  for (let tag = cursor.nextTag(); tag; tag = cursor.nextTag()) {
    if (tag.name === 'Relationships') ended ||= tag.closing || tag.selfClosing;
    if (tag.closing || tag.name !== 'Relationship') continue;
    out.push({
      id: attr(tag.attrs, 'Id') ?? '',
      type: attr(tag.attrs, 'Type') ?? '',
      target: attr(tag.attrs, 'Target') ?? '',
      external: (attr(tag.attrs, 'TargetMode') ?? '').toLowerCase() === 'external',
    });
  }
  // Cut off before </Relationships>: the parts after the cut would seem missing. ('' is no part at all.)
  if (!ended && xml.trim() !== '') throw new XlsxError('corrupt', 'unterminated <Relationships>');
  return out;
}

/** "BC12" → 55 (the letters only; digits ignored). 0 when there are none. */
export function columnOf(ref: string): number {
  let n = 0;
  for (let k = 0; k < ref.length; k++) {
    const c = ref.charCodeAt(k);
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else break;
  }
  return n;
}

/** Excel's last row (XFD1048576): a row past it is damage, not a large sheet. */
const EXCEL_ROWS = 1_048_576;

/** What a formula cell without a stored result reads as (one object: readers never change values). */
const NOT_CALCULATED: CellError = Object.freeze({ error: UNCALCULATED });

const MS_PER_DAY = 86_400_000;
const UNIX_EPOCH_SERIAL = 25_569;
/** Days between the 1900 and 1904 date systems. */
const DATE1904_OFFSET = 1_462;

/**
 * Cell values of a worksheet part, shaped like the port's SheetData.rows: index = row − 1,
 * each row cut after its last value, rows without values left empty, nothing after the last.
 * Values are the cached results Excel stored (formulas are not evaluated). `raw`: see textUntilClose.
 * A scanner made for the sheets writers produce reads the part first (consolidation reads
 * thousands); anything it does not expect (a comment, CDATA, a malformed tag) hands the whole
 * part to the general tag walker, which reads or refuses it as before.
 * `bytes`: a raw part's own bytes (xml is their one char per byte), which the scanner reads
 * texts by; copied from xml when not given (tests: a 5 MB sheet would cost a copy).
 * `date1904`: the workbook counts dates from 1904 (WorkbookPart.date1904): a date stored as ISO
 * text (t="d") reads as a serial of that system, as every other date cell of the workbook.
 * `formulas`: receives the address ("C9") of every cell holding a formula, whatever its value.
 */
export function parseSheetXml(xml: string, shared: string[], limits: Pick<XlsxLimits, 'maxRows' | 'maxCells'>, raw = false, bytes?: Uint8Array, date1904 = false, formulas?: Set<string>): CellValue[][] {
  assertNoDtd(xml);
  const start = sheetDataStart(xml);
  if (start < 0) return [];
  const rows = scanSheetData(xml, start, new SheetRows(shared, limits, date1904, formulas), raw ? (bytes ?? bytesOf(xml)) : null);
  releasePart();
  if (rows) return rows;
  // The walker reads the part again from its start.
  formulas?.clear();
  return walkSheetData(xml, start, new SheetRows(shared, limits, date1904, formulas), raw);
}

/** The general tag walker alone: the reference the scanner is tested against. */
export function parseSheetXmlGeneral(xml: string, shared: string[], limits: Pick<XlsxLimits, 'maxRows' | 'maxCells'>, raw = false): CellValue[][] {
  assertNoDtd(xml);
  const start = sheetDataStart(xml);
  return start < 0 ? [] : walkSheetData(xml, start, new SheetRows(shared, limits), raw);
}

/** The scanner alone (tests): null when it hands the part to the general walker. */
export function scanSheetXml(xml: string, shared: string[], limits: Pick<XlsxLimits, 'maxRows' | 'maxCells'>, raw = false): CellValue[][] | null {
  assertNoDtd(xml);
  const start = sheetDataStart(xml);
  return start < 0 ? [] : scanSheetData(xml, start, new SheetRows(shared, limits), raw ? bytesOf(xml) : null);
}

/** The '<' before the first "sheetData". */
function sheetDataStart(xml: string): number {
  const at = xml.indexOf('sheetData');
  return at < 0 ? -1 : Math.max(0, xml.lastIndexOf('<', at));
}

/** The rows being built and the cell being read: one state machine for both readers of sheetData. */
class SheetRows {
  private readonly rows: CellValue[][] = [];
  private row: CellValue[] | null = null;
  private rowNum = 0;
  private col = 0;
  private cells = 0;
  private cellType = '';
  private cellCol = 0;
  private inline: string | null = null;
  value: string | null = null;
  /** The open cell has a formula (`<f>`). */
  formula = false;
  /** The open cell has an empty `<v/>`. */
  emptyValue = false;
  inCell = false;
  inInline = false;
  inPhonetic = false;

  constructor(
    private readonly shared: string[],
    private readonly limits: Pick<XlsxLimits, 'maxRows' | 'maxCells'>,
    private readonly date1904 = false,
    private readonly formulas?: Set<string>,
  ) {}

  /** <row>: `r` as parsed (NaN or 0 without one: the row after the last). */
  openRow(r: number): void {
    this.flushRow();
    this.rowNum = r || this.rowNum + 1;
    this.col = 0;
  }

  flushRow(): void {
    const row = this.row;
    // Only rows with values are kept (rows before them as empty arrays), so only they are bounded:
    // a style or height on an empty row down to 1,048,576 is how users format whole columns.
    if (row && row.length) {
      const rowNum = this.rowNum;
      if (rowNum > this.limits.maxRows) throw rowNum > EXCEL_ROWS ? new XlsxError('corrupt', `row ${rowNum} past Excel's grid`) : new XlsxError('sheetTooLarge', '');
      this.cells += rowNum - this.rows.length + row.length;
      if (this.cells > this.limits.maxCells) throw new XlsxError('sheetTooLarge', '');
      while (this.rows.length < rowNum - 1) this.rows.push([]);
      this.rows[rowNum - 1] = row;
    }
    this.row = null;
  }

  /** <c> with content: `column` from its r (0 without one: the cell after the last). */
  openCell(column: number, type: string): void {
    this.col = column > 0 ? column : this.col + 1;
    this.cellCol = this.col;
    this.cellType = type;
    this.value = null;
    this.inline = null;
    this.formula = false;
    this.emptyValue = false;
    this.inCell = true;
  }

  /**
   * An empty (styled) cell: nothing to read. Writers that omit r omit it everywhere, and the
   * next cell with r sets its own column.
   */
  emptyCell(): void {
    this.col++;
  }

  closeCell(): void {
    if (!this.inCell) return;
    this.inCell = false;
    if (this.formula) this.noteFormula();
    const v = this.formula && this.uncalculated() ? NOT_CALCULATED : cellValue(this.cellType, this.value, this.inline, this.shared, this.date1904);
    if (v === undefined) throw new XlsxError('missingText', cellRef(this.cellCol, this.rowNum));
    if (v !== null) this.put(v);
  }

  /**
   * A formula its writer stored no result for (openpyxl writes `<f>…</f><v></v>`): no `<v>`, or
   * an empty one where only a text result can be empty (Excel caches "" as t="str", `<v></v>`).
   */
  private uncalculated(): boolean {
    if (this.inline !== null) return false;
    if (this.cellType === 'str') return this.value === null && !this.emptyValue;
    return this.value === null || this.value === '';
  }

  /** Whether the open cell is a number cell (no t, or t="n"). */
  get numeric(): boolean {
    return this.cellType === 'n';
  }

  /** Closes a number cell whose value was read as `n` (what cellValue makes of its digits). */
  closeNumber(n: number): void {
    this.inCell = false;
    if (this.formula) this.noteFormula();
    this.put(n);
  }

  private noteFormula(): void {
    this.formulas?.add(cellRef(this.cellCol, this.rowNum));
  }

  private put(v: CellValue): void {
    const row = (this.row ??= []);
    const col = this.cellCol;
    // Past column XFD (16,384): no writer puts a cell there, a damaged reference does. A literal: this runs per cell.
    if (col > 16_384) throw new XlsxError('corrupt', `column ${col} past Excel's grid`);
    while (row.length < col - 1) row.push(null);
    row[col - 1] = v;
  }

  openInline(open: boolean): void {
    this.inInline = open;
    if (open) this.inline = '';
  }

  /** A whole `<is><t>…</t></is></c>`: what openInline, addInline, openInline and closeCell make of it; `text` has its escapes decoded. */
  inlineCell(text: string): void {
    this.inInline = false;
    this.inline = this.inPhonetic ? '' : text;
    this.closeCell();
  }

  /** A <t> of an inline string (phonetic runs left out). */
  addInline(text: string): void {
    if (!this.inPhonetic) this.inline = (this.inline ?? '') + decodeOoxmlEscapes(text);
  }

  end(): CellValue[][] {
    this.flushRow();
    return this.rows;
  }
}

/** sheetData through the general tag walker (SpanCursor): comments, CDATA, any tag shape. */
function walkSheetData(xml: string, start: number, s: SheetRows, raw: boolean): CellValue[][] {
  const cursor = new SpanCursor(xml, start);
  const tag = cursor.tag;
  // Names compared in place, most frequent first (c, v, row); attributes read in place.
  while (cursor.next()) {
    const opened = !tag.closing && !tag.selfClosing;
    if (cursor.is('c')) {
      if (tag.closing) s.closeCell();
      else if (tag.selfClosing) s.emptyCell();
      else {
        const r = cursor.attr('r');
        s.openCell(r !== null ? columnOf(r) : 0, cursor.attr('t') ?? 'n');
      }
    } else if (cursor.is('v')) {
      if (s.inCell && opened) s.value = cursor.text(raw);
      else if (s.inCell && tag.selfClosing) s.emptyValue = true;
    } else if (cursor.is('row')) {
      if (tag.closing) s.flushRow();
      else {
        const r = cursor.attr('r');
        s.openRow(r !== null ? parseInt(r, 10) : 0);
      }
    } else if (cursor.is('f')) {
      // Formula text is not needed (values are the cached results): noted, then on to its end tag.
      if (s.inCell) s.formula = true;
      if (opened) {
        const close = xml.indexOf('<', cursor.i);
        if (close < 0) throw new XlsxError('corrupt', 'unterminated formula');
        cursor.i = close;
      }
    } else if (cursor.is('is')) s.openInline(opened);
    else if (cursor.is('rPh')) s.inPhonetic = opened;
    else if (cursor.is('t')) {
      if (s.inInline && opened) s.addInline(cursor.text(raw));
    } else if (cursor.is('sheetData') && !opened) return s.end();
  }
  // Cut off before </sheetData>: what was read is not the whole sheet.
  throw new XlsxError('corrupt', 'unterminated <sheetData>');
}

/** Where the scanner found a tag's end and its r and t attributes (reused: nothing is allocated per tag). */
const scanned = { end: 0, selfClosing: false, r0: -1, r1: -1, t0: -1, t1: -1 };

/**
 * The attributes of a tag from `p` (just after its name) to its '>', quoted values skipped
 * whole, noting where r and t are. False for anything but well-formed attributes.
 */
function scanAttributes(xml: string, p: number): boolean {
  const n = xml.length;
  scanned.r0 = scanned.t0 = -1;
  for (;;) {
    let c = xml.charCodeAt(p);
    while (c <= 32) c = xml.charCodeAt(++p);
    if (c === GT) {
      scanned.end = p + 1;
      scanned.selfClosing = false;
      return true;
    }
    if (c === SLASH) {
      if (xml.charCodeAt(p + 1) !== GT) return false;
      scanned.end = p + 2;
      scanned.selfClosing = true;
      return true;
    }
    const name = p;
    while (p < n && c !== EQ && c > 32 && c !== GT && c !== SLASH) c = xml.charCodeAt(++p);
    const nameLen = p - name;
    while (c <= 32) c = xml.charCodeAt(++p);
    if (nameLen === 0 || c !== EQ) return false;
    c = xml.charCodeAt(++p);
    while (c <= 32) c = xml.charCodeAt(++p);
    if (c !== DQ && c !== SQ) return false;
    const close = xml.indexOf(c === DQ ? '"' : "'", p + 1);
    if (close < 0) return false;
    if (nameLen === 1) {
      const k = xml.charCodeAt(name);
      if (k === 114 && scanned.r0 < 0) {
        scanned.r0 = p + 1;
        scanned.r1 = close;
      } else if (k === 116 && scanned.t0 < 0) {
        scanned.t0 = p + 1;
        scanned.t1 = close;
      }
    }
    p = close + 1;
  }
}

/** Where the text read by textAt ends (just after the close tag). */
let textEnd = 0;

/** The text of an element whose close tag comes next, decoded; null for anything else (CDATA, a comment, a child). */
function textAt(xml: string, from: number, bytes: Uint8Array | null): string | null {
  const lt = xml.indexOf('<', from);
  if (lt < 0 || xml.charCodeAt(lt + 1) !== SLASH) return null;
  let p = lt + 2;
  let c = xml.charCodeAt(p);
  while (c !== GT && c !== SLASH && c > 32) c = xml.charCodeAt(++p);
  while (c <= 32) c = xml.charCodeAt(++p);
  if (c !== GT) return null;
  textEnd = p + 1;
  return cellText(xml, from, lt, bytes);
}

/** The text xml[from, to) (no markup inside), decoded; `bytes`: the raw part's bytes (null for a decoded part). */
function cellText(xml: string, from: number, to: number, bytes: Uint8Array | null): string {
  return bytes ? rawText(xml, bytes, from, to) : decodeEntities(xml.slice(from, to));
}

/**
 * Cell texts of raw parts, decoded, by their bytes. A few values ("Có", "Không", "Đạt", the
 * headers, the rule set's texts) fill most cells of every unit's sheets: each is decoded once
 * per thread, not once per cell (≈ 1,500 texts a workbook, most of them not ASCII), and the
 * readers get the same string each time, so their memos hit without hashing it again.
 * Direct-mapped. Hashed and compared on the part's bytes, not its one-char-per-byte text:
 * V8 reads a Uint8Array element in a few instructions, a string's char in ≈ 20 (it checks the
 * string's representation each time). The slots keep copies of the bytes, and the texts are
 * made from them, never slices of a part (a slice would keep the whole part alive).
 */
const CACHE_SLOTS = 4096;
const CACHED_BYTES = 256;
/** 1 MiB per thread, zeroed by the system: pages never written cost no memory. */
const cachedBytes = new Uint8Array(CACHE_SLOTS * CACHED_BYTES);
/** Bytes held by each slot; 0 for an empty one (an empty text is never cached). */
const cachedLength = new Int32Array(CACHE_SLOTS);
const cachedText: string[] = new Array<string>(CACHE_SLOTS).fill('');
/** The slot's text with Excel's _xHHHH_ escapes decoded too (inline strings), once asked for. */
const cachedInline: (string | null)[] = new Array<string | null>(CACHE_SLOTS).fill(null);

/** FNV-1a of the bytes runEnd last went past. */
let runHash = 0;

/**
 * The first '<' at or after `from` (b.length when there is none), hashing the bytes before it
 * into runHash on the way: a cell's text is found and hashed in one pass over its bytes.
 */
function runEnd(b: Uint8Array, from: number): number {
  const n = b.length;
  let h = 0x811c9dc5;
  let k = from;
  for (; k < n; k++) {
    const c = b[k]!;
    if (c === LT) break;
    h = Math.imul(h ^ c, 0x01000193);
  }
  runHash = h;
  return k;
}

function rawText(xml: string, bytes: Uint8Array, from: number, to: number): string {
  let h = 0x811c9dc5;
  for (let k = from; k < to; k++) h = Math.imul(h ^ bytes[k]!, 0x01000193);
  return hashedText(xml, bytes, from, to, h);
}

/** Where the last hashedText found or put its text; −1 when it was not cached. */
let lastSlot = -1;

/** rawText of bytes[from, to) whose hash (runEnd's) is `h`. */
function hashedText(xml: string, bytes: Uint8Array, from: number, to: number, h: number): string {
  const len = to - from;
  lastSlot = -1;
  if (len === 0) return '';
  if (len > CACHED_BYTES) return decodeEntities(fromRawUtf8(xml.slice(from, to)));
  // The hash picks the slot; the comparison below is on every byte.
  h = Math.imul(h ^ len, 0x01000193);
  const slot = (h ^ (h >>> 15)) & (CACHE_SLOTS - 1);
  const at = slot * CACHED_BYTES;
  lastSlot = slot;
  if (cachedLength[slot] === len && sameBytes(bytes, from, at, len)) return cachedText[slot]!;
  cachedBytes.set(bytes.subarray(from, to), at);
  cachedLength[slot] = len;
  const text = utf8Text(bytes, from, to);
  cachedText[slot] = text;
  cachedInline[slot] = null;
  return text;
}

const cachedView: DataView = new DataView(cachedBytes.buffer);
/** A view of the part hashedText reads, made once per part. */
let partView: DataView = cachedView;
let partBytes: Uint8Array | null = null;

/** Lets go of the part sameBytes last viewed (a thread would keep it until its next sheet). */
function releasePart(): void {
  partBytes = null;
  partView = cachedView;
}

/** Whether bytes[from, from + len) are the cache's bytes at `at`: four at a time (one unaligned read each). */
function sameBytes(bytes: Uint8Array, from: number, at: number, len: number): boolean {
  if (partBytes !== bytes) {
    partBytes = bytes;
    partView = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  let k = 0;
  for (; k + 4 <= len; k += 4) if (partView.getInt32(from + k) !== cachedView.getInt32(at + k)) return false;
  for (; k < len; k++) if (bytes[from + k] !== cachedBytes[at + k]) return false;
  return true;
}

/** UTF-16 code units of the text being decoded: one per byte at most. */
const units = new Uint16Array(CACHED_BYTES);

/**
 * bytes[from, to) (valid UTF-8, whole sequences: see utf8.ts), at most CACHED_BYTES, decoded
 * straight into one string, entities too: no one-char-per-byte string made first.
 */
function utf8Text(b: Uint8Array, from: number, to: number): string {
  let n = 0;
  let amp = false;
  for (let k = from; k < to; ) {
    const c = b[k]!;
    if (c < 0x80) {
      if (c === AMP) amp = true;
      units[n++] = c;
      k++;
    } else if (c < 0xe0) {
      units[n++] = ((c & 0x1f) << 6) | (b[k + 1]! & 0x3f);
      k += 2;
    } else if (c < 0xf0) {
      units[n++] = ((c & 0x0f) << 12) | ((b[k + 1]! & 0x3f) << 6) | (b[k + 2]! & 0x3f);
      k += 3;
    } else {
      const cp = (((c & 0x07) << 18) | ((b[k + 1]! & 0x3f) << 12) | ((b[k + 2]! & 0x3f) << 6) | (b[k + 3]! & 0x3f)) - 0x10000;
      units[n++] = 0xd800 | (cp >> 10);
      units[n++] = 0xdc00 | (cp & 0x3ff);
      k += 4;
    }
  }
  const text = String.fromCharCode.apply(null, units.subarray(0, n) as unknown as number[]);
  return amp ? decodeEntities(text) : text;
}

/** decodeOoxmlEscapes of the text hashedText last returned, once per cached text. */
function inlineOfLast(text: string): string {
  const slot = lastSlot;
  if (slot < 0) return decodeOoxmlEscapes(text);
  return (cachedInline[slot] ??= decodeOoxmlEscapes(text));
}

/** The bytes of a raw part (one char per byte), for callers that have only its text (tests). */
function bytesOf(raw: string): Uint8Array {
  const bytes = new Uint8Array(raw.length);
  for (let k = 0; k < raw.length; k++) bytes[k] = raw.charCodeAt(k);
  return bytes;
}

/** columnOf of the attribute value xml[a, b), read in place. */
function columnAt(xml: string, a: number, b: number): number {
  let n = 0;
  for (let k = a; k < b; k++) {
    const c = xml.charCodeAt(k);
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else if (c === AMP) return columnOf(decodeEntities(xml.slice(a, b)));
    else break;
  }
  return n;
}

/** parseInt of the attribute value xml[a, b), read in place when it is plain digits. */
function rowAt(xml: string, a: number, b: number): number {
  if (b > a && b - a <= 9) {
    let n = 0;
    let k = a;
    for (; k < b; k++) {
      const c = xml.charCodeAt(k);
      if (c < 48 || c > 57) break;
      n = n * 10 + (c - 48);
    }
    if (k === b) return n;
  }
  return parseInt(decodeEntities(xml.slice(a, b)), 10);
}

/** The cell type xml[a, b) as one of the constants when it is one (no slice). */
function typeAt(xml: string, a: number, b: number): string {
  const len = b - a;
  if (len === 1) {
    switch (xml.charCodeAt(a)) {
      case 115:
        return 's';
      case 110:
        return 'n';
      case 98:
        return 'b';
      case 101:
        return 'e';
      case 100:
        return 'd';
    }
  } else if (len === 9 && xml.startsWith('inlineStr', a)) return 'inlineStr';
  else if (len === 3 && xml.startsWith('str', a)) return 'str';
  return decodeEntities(xml.slice(a, b));
}

/**
 * sheetData as writers produce it, tag by tag with names compared by length and first char;
 * null (nothing decided) at the first thing only the general walker reads: a comment, a
 * processing instruction, CDATA, an element inside a value, a malformed tag.
 */
function scanSheetData(xml: string, start: number, s: SheetRows, bytes: Uint8Array | null): CellValue[][] | null {
  const n = xml.length;
  let i = start;
  for (;;) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) throw new XlsxError('corrupt', 'unterminated <sheetData>');
    let p = lt + 1;
    let c = xml.charCodeAt(p);
    const closing = c === SLASH;
    if (closing) c = xml.charCodeAt(++p);
    else if (c === QMARK || c === BANG) return null;
    let local = p;
    while (c !== GT && c !== SLASH && c > 32) {
      if (c === COLON) local = p + 1;
      c = xml.charCodeAt(++p);
    }
    if (p >= n) return null;
    const len = p - local;
    const first = xml.charCodeAt(local);
    if (closing) {
      while (c <= 32) c = xml.charCodeAt(++p);
      if (c !== GT) return null;
      i = p + 1;
      if (len === 1) {
        if (first === 99) s.closeCell();
      } else if (len === 3) {
        if (xml.startsWith('row', local)) s.flushRow();
        else if (xml.startsWith('rPh', local)) s.inPhonetic = false;
      } else if (len === 2) {
        if (xml.startsWith('is', local)) s.openInline(false);
      } else if (len === 9 && xml.startsWith('sheetData', local)) return s.end();
      continue;
    }
    if (bytes && len === 1 && first === 99 && local === lt + 1) {
      let end = plainCell(bytes, p, s, xml);
      if (end > 0) {
        // The row's next cells, while they are plain ones, without going back through the tag dispatch.
        for (let next = end; bytes[next] === LT && bytes[next + 1] === 99 && bytes[next + 2] === 32; end = next) {
          next = plainCell(bytes, next + 2, s, xml);
          if (next === 0) break;
        }
        i = end;
        continue;
      }
    }
    if (!scanAttributes(xml, p)) return null;
    i = scanned.end;
    const opened = !scanned.selfClosing;
    if (len === 1) {
      if (first === 99) {
        if (opened) {
          s.openCell(scanned.r0 < 0 ? 0 : columnAt(xml, scanned.r0, scanned.r1), scanned.t0 < 0 ? 'n' : typeAt(xml, scanned.t0, scanned.t1));
          const end = wholeCell(xml, i, s, bytes);
          if (end > 0) i = end;
        } else s.emptyCell();
      } else if (first === 118) {
        if (s.inCell && opened) {
          const text = textAt(xml, i, bytes);
          if (text === null) return null;
          s.value = text;
          i = textEnd;
        } else if (s.inCell) s.emptyValue = true;
      } else if (first === 102) {
        // Formula text is not needed (values are the cached results): noted, then on to its end tag.
        if (s.inCell) s.formula = true;
        if (opened) {
          i = xml.indexOf('<', i);
          if (i < 0) return null;
        }
      } else if (first === 116) {
        if (s.inInline && opened) {
          const text = textAt(xml, i, bytes);
          if (text === null) return null;
          s.addInline(text);
          i = textEnd;
        }
      }
    } else if (len === 3) {
      if (xml.startsWith('row', local)) s.openRow(scanned.r0 < 0 ? 0 : rowAt(xml, scanned.r0, scanned.r1));
      else if (xml.startsWith('rPh', local)) s.inPhonetic = opened;
    } else if (len === 2) {
      if (xml.startsWith('is', local)) s.openInline(opened);
    } else if (len === 9 && !opened && xml.startsWith('sheetData', local)) return s.end();
  }
}

/**
 * A cell of a raw part in the shape writers produce, read on its bytes in one pass (V8 reads a
 * byte of a Uint8Array in a few instructions, a char of a string in many): one-letter
 * attributes after single spaces in double quotes (r, s, t …), then `/>`, or `>` and a body
 * of `<v>…</v></c>`, `<is><t>…</t></is></c>`, or a formula (`<f …/>` or `<f …>…</f>`) and
 * `<v>…</v></c>`. `p` is just after the `<c`. Returns the index after the cell, or 0 when the
 * tag is anything else (nothing read: the caller reads it tag by tag). A body it does not
 * know is left to the caller after the open tag is read.
 */
function plainCell(b: Uint8Array, p: number, s: SheetRows, xml: string): number {
  let col = -1;
  let type: string | null = null;
  let c = b[p]!;
  while (c === 32) {
    const name = b[p + 1]!;
    if (b[p + 2] !== EQ || b[p + 3] !== DQ) return 0;
    let k = p + 4;
    if (name === 114 && col < 0) {
      // r (the first one, as the tag walker reads it): column letters, then row digits.
      col = 0;
      c = b[k]!;
      while (c >= 65 && c <= 90) {
        col = col * 26 + (c - 64);
        c = b[++k]!;
      }
      while (c >= 48 && c <= 57) c = b[++k]!;
      if (c !== DQ || col === 0) return 0;
    } else {
      const from = k;
      c = b[k]!;
      while (c !== DQ && c !== AMP && c !== LT && k < b.length) c = b[++k]!;
      if (c !== DQ) return 0;
      if (name === 116 && type === null) type = k - from === 9 && closes(b, from, INLINE_STR) ? 'inlineStr' : typeAt(xml, from, k);
    }
    p = k + 1;
    c = b[p]!;
  }
  if (c === SLASH) {
    if (b[p + 1] !== GT) return 0;
    s.emptyCell();
    return p + 2;
  }
  if (c !== GT) return 0;
  s.openCell(Math.max(col, 0), type ?? 'n');
  return plainBody(b, p + 1, s, xml);
}

/**
 * The body of a plain cell from `p` (just after its open tag): the index after `</c>` when it
 * is read whole, else where the caller goes on tag by tag. Apart from plainCell so that each
 * stays small: V8 optimises small functions sooner (a one-workbook command reads its sheets
 * once, mostly before large functions are optimised). The same two bodies as wholeCell, tested
 * on bytes: going through wholeCell instead made the parse of 300 workbooks 123 → 140 ms.
 */
function plainBody(b: Uint8Array, p: number, s: SheetRows, xml: string): number {
  if (b[p] !== LT) return p;
  if (b[p + 1] === 102 && (b[p + 2] === 32 || b[p + 2] === GT || b[p + 2] === SLASH)) {
    // A formula (its text is not needed: values are the cached results), then its value.
    const after = formulaEnd(b, p + 2);
    if (after === 0) return p;
    s.formula = true;
    p = after;
    if (b[p] !== LT) return p;
  }
  if (b[p + 1] === 118 && b[p + 2] === GT) {
    const lt = runEnd(b, p + 3);
    if (b[lt + 1] !== SLASH || b[lt + 2] !== 118 || !closesCell(b, lt + 3)) return p;
    const n = s.numeric ? digitsAt(b, p + 3, lt) : -1;
    if (n >= 0) s.closeNumber(n);
    else {
      s.value = hashedText(xml, b, p + 3, lt, runHash);
      s.closeCell();
    }
    return lt + 8;
  }
  if (b[p + 1] === 105 && b[p + 2] === 115 && b[p + 3] === GT && b[p + 4] === LT && b[p + 5] === 116 && b[p + 6] === GT) {
    const lt = runEnd(b, p + 7);
    if (b[lt + 1] !== SLASH || b[lt + 2] !== 116 || b[lt + 3] !== GT || b[lt + 4] !== LT || b[lt + 5] !== SLASH || b[lt + 6] !== 105 || b[lt + 7] !== 115 || !closesCell(b, lt + 8)) return p;
    s.inlineCell(inlineOfLast(hashedText(xml, b, p + 7, lt, runHash)));
    return lt + 13;
  }
  return p;
}

/** The integer b[from, to) spells in 1 to 15 ASCII digits (exact as a double, as Number reads it); −1 for anything else. */
function digitsAt(b: Uint8Array, from: number, to: number): number {
  if (to <= from || to - from > 15) return -1;
  let n = 0;
  for (let k = from; k < to; k++) {
    const d = b[k]! - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** The first `byte` at or after `from`; b.length when there is none. */
function byteIndex(b: Uint8Array, byte: number, from: number): number {
  let k = from;
  while (k < b.length && b[k] !== byte) k++;
  return k;
}

/** Whether `tail` (ASCII) is written at b[at…]. */
function closes(b: Uint8Array, at: number, tail: Uint8Array): boolean {
  if (at + tail.length > b.length) return false;
  for (let k = 0; k < tail.length; k++) if (b[at + k] !== tail[k]) return false;
  return true;
}

/** Whether b[at…] is `></c>`, the end of `</v></c>` and `</t></is></c>`: written out for the two (a loop over a tail cost ≈ 3% more of a sheet's parse). */
function closesCell(b: Uint8Array, at: number): boolean {
  return b[at] === GT && b[at + 1] === LT && b[at + 2] === SLASH && b[at + 3] === 99 && b[at + 4] === GT;
}

// As bytes: a string's char costs V8 far more to read than a Uint8Array's element.
const INLINE_STR = asciiBytes('inlineStr');
const F_CLOSE = asciiBytes('</f>');

function asciiBytes(s: string): Uint8Array {
  return Uint8Array.from(s, (c) => c.charCodeAt(0));
}

/**
 * After `<f` (at `p`, its attributes next): the index after `<f …/>` or `<f …>…</f>`; 0 for
 * anything else. Attribute values are skipped whole (they may hold '>'); formula text holds
 * no '<' (XML escapes it).
 */
function formulaEnd(b: Uint8Array, p: number): number {
  const n = b.length;
  let k = p;
  for (;;) {
    if (k >= n) return 0;
    const c = b[k]!;
    if (c === DQ || c === SQ) {
      k = byteIndex(b, c, k + 1) + 1;
      continue;
    }
    if (c === LT) return 0;
    if (c === GT) break;
    k++;
  }
  if (b[k - 1] === SLASH) return k + 1;
  const lt = byteIndex(b, LT, k + 1);
  return closes(b, lt, F_CLOSE) ? lt + 4 : 0;
}

/**
 * The two cell bodies writers produce for nearly every cell, `<v>…</v></c>` and
 * `<is><t>…</t></is></c>` (unprefixed, no attributes), read whole with the calls the tag by
 * tag path makes for them. Returns the index after `</c>`, or 0 when the body is anything else
 * (the caller then reads it tag by tag).
 */
function wholeCell(xml: string, from: number, s: SheetRows, bytes: Uint8Array | null): number {
  if (xml.charCodeAt(from) !== LT) return 0;
  if (xml.startsWith('<v>', from)) {
    const lt = xml.indexOf('<', from + 3);
    if (lt < 0 || !xml.startsWith('</v></c>', lt)) return 0;
    s.value = cellText(xml, from + 3, lt, bytes);
    s.closeCell();
    return lt + 8;
  }
  if (xml.startsWith('<is><t>', from)) {
    const lt = xml.indexOf('<', from + 7);
    if (lt < 0 || !xml.startsWith('</t></is></c>', lt)) return 0;
    s.openInline(true);
    s.addInline(cellText(xml, from + 7, lt, bytes));
    s.openInline(false);
    s.closeCell();
    return lt + 13;
  }
  return 0;
}

/** The address ("C9") of the cell in column `col` of row `row`. */
function cellRef(col: number, row: number): string {
  let letters = '';
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) letters = String.fromCharCode(65 + ((c - 1) % 26)) + letters;
  return `${letters}${row}`;
}

/**
 * What a cell holds; undefined for a shared string the list does not have (an index past it:
 * a damaged file, which Excel repairs), never read as an empty cell.
 */
function cellValue(type: string, v: string | null, inline: string | null, shared: string[], date1904: boolean): CellValue | undefined {
  switch (type) {
    case 's': {
      if (v === null || v === '') return null;
      const s = shared[parseInt(v, 10)];
      return s === '' ? null : s;
    }
    case 'inlineStr': {
      const s = inline ?? v;
      return s === null || s === '' ? null : s;
    }
    case 'str':
      return v === null || v === '' ? null : v;
    case 'b':
      return v === null ? null : v.trim() === '1' || v.trim().toLowerCase() === 'true';
    case 'e':
      return v === null ? null : { error: v };
    case 'd': {
      if (v === null) return null;
      const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(v) ? v : `${v}Z`);
      return Number.isFinite(ms) ? UNIX_EPOCH_SERIAL + ms / MS_PER_DAY - (date1904 ? DATE1904_OFFSET : 0) : v;
    }
    default: {
      if (v === null || v === '') return null;
      const n = Number(v);
      return Number.isFinite(n) ? n : null;
    }
  }
}

export interface SheetLayout {
  merges: string[];
  hiddenRows: number[];
  hiddenColumns: number[];
}

const truthy = (v: string | null) => v === '1' || v === 'true';

/** Merged ranges and hidden rows/columns of a worksheet part (import reads title blocks with them). */
export function parseSheetLayout(xml: string): SheetLayout {
  assertNoDtd(xml);
  const out: SheetLayout = { merges: [], hiddenRows: [], hiddenColumns: [] };
  // Found by search, not by a walk of every cell's tags: a sheet hides and merges little, and
  // evaluate reads the layout of a members sheet of megabytes.
  const skipped = commentsAndCdata(xml);
  const t = newTagSpan();
  const numbered = eachTagHolding(xml, 'hidden', skipped, t, () => {
    if (!truthy(tagAttr(xml, t, 'hidden')) || t.closing) return true;
    if (named(xml, t, 'row')) {
      const r = Number(tagAttr(xml, t, 'r'));
      // Without its number (r is optional) a row is numbered by the rows before it: walk them.
      if (!(Number.isInteger(r) && r > 0)) return false;
      out.hiddenRows.push(r);
    } else if (named(xml, t, 'col')) {
      pushColumns(out.hiddenColumns, tagAttr(xml, t, 'min'), tagAttr(xml, t, 'max'));
    }
    return true;
  });
  if (!numbered) return walkSheetLayout(xml);
  eachTagHolding(xml, 'mergeCell', skipped, t, () => {
    const ref = named(xml, t, 'mergeCell') && !t.closing ? tagAttr(xml, t, 'ref') : null;
    if (ref) out.merges.push(ref.replace(/\$/g, ''));
    return true;
  });
  return out;
}

/** The columns of a hidden <col> range. */
function pushColumns(into: number[], minText: string | null, maxText: string | null): void {
  const min = Number(minText);
  // A hidden style range to the last column (min..16384) hides nothing the import reads past the data.
  const max = Math.min(Number(maxText) || min, min + 1024);
  for (let c = min; c >= 1 && c <= max; c++) into.push(c);
}

/** Spans of comments and CDATA sections: a tag's words inside them are text. */
function commentsAndCdata(xml: string): [number, number][] {
  const runs: [number, number][] = [];
  for (const [open, close] of [['<!--', '-->'], ['<![CDATA[', ']]>']] as const) {
    for (let i = xml.indexOf(open); i >= 0; i = xml.indexOf(open, i)) {
      const e = xml.indexOf(close, i + open.length);
      const end = e < 0 ? xml.length : e + close.length;
      runs.push([i, end]);
      i = end;
    }
  }
  return runs;
}

/**
 * Scans into `t` each tag whose markup holds `word` (outside comments and CDATA), in document
 * order, until `visit` returns false; returns whether every visit went on.
 */
function eachTagHolding(xml: string, word: string, skipped: readonly [number, number][], t: TagSpan, visit: () => boolean): boolean {
  for (let at = xml.indexOf(word); at >= 0; ) {
    const lt = xml.lastIndexOf('<', at);
    if (lt >= 0 && !skipped.some(([a, b]) => lt >= a && lt < b) && scanTag(xml, lt, t) && t.end > at) {
      if (!visit()) return false;
      at = xml.indexOf(word, t.end);
    } else at = xml.indexOf(word, at + word.length);
  }
  return true;
}

/** The layout by a walk of every tag: for sheets whose rows are numbered by their order. */
function walkSheetLayout(xml: string): SheetLayout {
  const out: SheetLayout = { merges: [], hiddenRows: [], hiddenColumns: [] };
  const cursor = new TagCursor(xml);
  let rowNum = 0;
  for (let tag = cursor.nextTag(); tag; tag = cursor.nextTag()) {
    if (tag.closing) continue;
    switch (tag.name) {
      case 'col': {
        if (!truthy(attr(tag.attrs, 'hidden'))) break;
        pushColumns(out.hiddenColumns, attr(tag.attrs, 'min'), attr(tag.attrs, 'max'));
        break;
      }
      case 'row': {
        const r = Number(attr(tag.attrs, 'r'));
        rowNum = Number.isInteger(r) && r > 0 ? r : rowNum + 1;
        if (truthy(attr(tag.attrs, 'hidden'))) out.hiddenRows.push(rowNum);
        break;
      }
      case 'mergeCell': {
        const ref = attr(tag.attrs, 'ref');
        if (ref) out.merges.push(ref.replace(/\$/g, ''));
        break;
      }
    }
  }
  return out;
}
