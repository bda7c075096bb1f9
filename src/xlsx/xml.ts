/**
 * A minimal XML scanner for the few SpreadsheetML parts the reader needs. It is not a
 * general parser: no DTD is ever read (a document that declares one is refused, which
 * closes the door on entity expansion — "billion laughs"), only the five predefined
 * entities and character references are decoded, and nothing recurses, so deep nesting
 * costs nothing. Namespace prefixes (<x:row>) are ignored.
 */
import type { CellValue } from '../domain/values';
import { XlsxError, type XlsxLimits } from './errors';
import { fromRawUtf8 } from './utf8';

const GT = 62; // >
const SLASH = 47;
const QMARK = 63;
const BANG = 33;
const DQ = 34;
const SQ = 39;

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
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (m, body: string) => {
    if (body.charCodeAt(0) === 35) {
      const code = body.charCodeAt(1) === 120 ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    // Unknown names stay as typed: without a DTD there is nothing to expand them to.
    return NAMED[body] ?? m;
  });
}

/** Excel escapes characters XML cannot hold as _xHHHH_ (as ExcelJS decodes them). */
function decodeOoxmlEscapes(s: string): string {
  return s.indexOf('_x') < 0 ? s : s.replace(/_x([0-9A-F]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
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
  while (cursor.next()) {
    if (cursor.is('si')) {
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
  return out;
}

export interface WorkbookPart {
  sheets: { name: string; rid: string }[];
}

export function parseWorkbookXml(xml: string): WorkbookPart {
  assertNoDtd(xml);
  const sheets: WorkbookPart['sheets'] = [];
  const cursor = new TagCursor(xml);
  for (let tag = cursor.nextTag(); tag; tag = cursor.nextTag()) {
    if (tag.closing || tag.name !== 'sheet') continue;
    const name = attr(tag.attrs, 'name');
    const rid = relId(tag.attrs);
    if (name !== null && rid !== null) sheets.push({ name, rid });
  }
  return { sheets };
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
  for (let tag = cursor.nextTag(); tag; tag = cursor.nextTag()) {
    if (tag.closing || tag.name !== 'Relationship') continue;
    out.push({
      id: attr(tag.attrs, 'Id') ?? '',
      type: attr(tag.attrs, 'Type') ?? '',
      target: attr(tag.attrs, 'Target') ?? '',
      external: (attr(tag.attrs, 'TargetMode') ?? '').toLowerCase() === 'external',
    });
  }
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

const MS_PER_DAY = 86_400_000;
const UNIX_EPOCH_SERIAL = 25_569;

/**
 * Cell values of a worksheet part, shaped like the port's SheetData.rows: index = row − 1,
 * each row cut after its last value, rows without values left empty, nothing after the last.
 * Values are the cached results Excel stored (formulas are not evaluated). `raw`: see textUntilClose.
 */
export function parseSheetXml(xml: string, shared: string[], limits: Pick<XlsxLimits, 'maxRows' | 'maxCells'>, raw = false): CellValue[][] {
  assertNoDtd(xml);
  const rows: CellValue[][] = [];
  const start = xml.indexOf('sheetData');
  if (start < 0) return rows;
  const cursor = new SpanCursor(xml, xml.lastIndexOf('<', start));
  const tag = cursor.tag;
  let rowNum = 0;
  let col = 0;
  let row: CellValue[] | null = null;
  let cells = 0;
  // Current cell.
  let cellType = '';
  let cellCol = 0;
  let value: string | null = null;
  let inline: string | null = null;
  let inCell = false;
  let inInline = false;
  let inPhonetic = false;

  const flushRow = () => {
    if (row && row.length) {
      if (rowNum > limits.maxRows) throw new XlsxError('sheetTooLarge', `row ${rowNum}`);
      cells += rowNum - rows.length + row.length;
      if (cells > limits.maxCells) throw new XlsxError('sheetTooLarge', `${cells} cells`);
      while (rows.length < rowNum - 1) rows.push([]);
      rows[rowNum - 1] = row;
    }
    row = null;
  };
  const finishCell = () => {
    const v = cellValue(cellType, value, inline, shared);
    if (v !== null) {
      if (!row) row = [];
      if (cellCol > 16_384) throw new XlsxError('sheetTooLarge', `column ${cellCol}`);
      while (row.length < cellCol - 1) row.push(null);
      row[cellCol - 1] = v;
    }
    inCell = false;
  };

  // Names compared in place, most frequent first (c, v, row); attributes read in place.
  while (cursor.next()) {
    if (cursor.is('c')) {
      if (tag.closing) {
        if (inCell) finishCell();
      } else if (tag.selfClosing) {
        // An empty (styled) cell: nothing to read. Writers that omit r omit it everywhere,
        // and the next cell with r sets its own column.
        col++;
      } else {
        const r = cursor.attr('r');
        const c = r !== null ? columnOf(r) : 0;
        col = c > 0 ? c : col + 1;
        cellCol = col;
        cellType = cursor.attr('t') ?? 'n';
        value = null;
        inline = null;
        inCell = true;
      }
    } else if (cursor.is('v')) {
      if (inCell && !tag.closing && !tag.selfClosing) value = cursor.text(raw);
    } else if (cursor.is('row')) {
      if (tag.closing) flushRow();
      else {
        flushRow();
        const r = cursor.attr('r');
        rowNum = r !== null ? parseInt(r, 10) || rowNum + 1 : rowNum + 1;
        if (rowNum > limits.maxRows) throw new XlsxError('sheetTooLarge', `row ${rowNum}`);
        col = 0;
        if (tag.selfClosing) row = null;
      }
    } else if (cursor.is('f')) {
      // Formula text is not needed (values are the cached results): jump to its end tag.
      if (!tag.closing && !tag.selfClosing) {
        const close = xml.indexOf('<', cursor.i);
        if (close < 0) throw new XlsxError('corrupt', 'unterminated formula');
        cursor.i = close;
      }
    } else if (cursor.is('is')) {
      inInline = !tag.closing && !tag.selfClosing;
      if (inInline) inline = '';
    } else if (cursor.is('rPh')) inPhonetic = !tag.closing && !tag.selfClosing;
    else if (cursor.is('t')) {
      if (inInline && !tag.closing && !tag.selfClosing) {
        const text = cursor.text(raw);
        if (!inPhonetic) inline = (inline ?? '') + decodeOoxmlEscapes(text);
      }
    } else if (cursor.is('sheetData') && (tag.closing || tag.selfClosing)) {
      flushRow();
      return rows;
    }
  }
  flushRow();
  return rows;
}

function cellValue(type: string, v: string | null, inline: string | null, shared: string[]): CellValue {
  switch (type) {
    case 's': {
      if (v === null) return null;
      const s = shared[parseInt(v, 10)];
      return s === undefined || s === '' ? null : s;
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
      return Number.isFinite(ms) ? UNIX_EPOCH_SERIAL + ms / MS_PER_DAY : v;
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
export function parseSheetLayout(xml: string, limits: Pick<XlsxLimits, 'maxRows'>): SheetLayout {
  assertNoDtd(xml);
  const out: SheetLayout = { merges: [], hiddenRows: [], hiddenColumns: [] };
  const cursor = new TagCursor(xml);
  let rowNum = 0;
  for (let tag = cursor.nextTag(); tag; tag = cursor.nextTag()) {
    if (tag.closing) continue;
    switch (tag.name) {
      case 'col': {
        if (!truthy(attr(tag.attrs, 'hidden'))) break;
        const min = Number(attr(tag.attrs, 'min'));
        // A hidden style range to the last column (min..16384) hides nothing the import reads past the data.
        const max = Math.min(Number(attr(tag.attrs, 'max')) || min, min + 1024);
        for (let c = min; c >= 1 && c <= max; c++) out.hiddenColumns.push(c);
        break;
      }
      case 'row': {
        const r = Number(attr(tag.attrs, 'r'));
        rowNum = Number.isInteger(r) && r > 0 ? r : rowNum + 1;
        if (rowNum > limits.maxRows) throw new XlsxError('sheetTooLarge', `row ${rowNum}`);
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
