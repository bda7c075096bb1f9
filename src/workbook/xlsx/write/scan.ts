/** Finds elements of a part by position, so writers can splice without re-serialising. */
import { readTag } from '../../../xlsx/xml';
import type { Piece } from '../../../xlsx/package';

export interface Span {
  /** Local name (prefix dropped). */
  name: string;
  /** Qualified name as written ("x:row"). */
  qname: string;
  /** Raw attribute text of the start tag. */
  attrs: string;
  start: number;
  /** Just after the start tag's '>'. */
  openEnd: number;
  /** Where the end tag starts (= end for a self-closing element). */
  closeStart: number;
  end: number;
  selfClosing: boolean;
}

function qnameAt(xml: string, lt: number): string {
  let i = lt + 1;
  while (i < xml.length) {
    const c = xml.charCodeAt(i);
    if (c === 62 || c === 47 || c <= 32) break;
    i++;
  }
  return xml.slice(lt + 1, i);
}

/** The document element. */
export function rootSpan(xml: string): Span {
  const pos = { end: 0 };
  for (let i = 0; ; ) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) throw new Error('no root element');
    const tag = readTag(xml, lt, pos);
    i = pos.end;
    if (!tag || tag.closing) continue;
    const qname = qnameAt(xml, lt);
    if (tag.selfClosing) return { name: tag.name, qname, attrs: tag.attrs, start: lt, openEnd: tag.end, closeStart: tag.end, end: tag.end, selfClosing: true };
    const closeStart = xml.lastIndexOf(`</${qname}`);
    if (closeStart < tag.end) throw new Error(`unterminated <${qname}>`);
    return { name: tag.name, qname, attrs: tag.attrs, start: lt, openEnd: tag.end, closeStart, end: xml.indexOf('>', closeStart) + 1, selfClosing: false };
  }
}

/**
 * The document with its root written as start and end tags: a root saved empty (`<styleSheet …/>`,
 * `<worksheet …/>`) has no inside to add children to. Unchanged otherwise.
 */
export function openedRoot(xml: string): string {
  const root = rootSpan(xml);
  return root.selfClosing ? `${xml.slice(0, root.end - 2).replace(/\s+$/, '')}></${root.qname}>${xml.slice(root.end)}` : xml;
}

/**
 * Direct children of the element whose content runs from `from` to `to`. Elements named in
 * `flat` never contain an element of their own name, so their end is found by search (sheetData
 * of a large sheet is then not tokenised).
 */
export function childSpans(xml: string, from: number, to: number, flat: ReadonlySet<string> = new Set()): Span[] {
  const out: Span[] = [];
  const pos = { end: 0 };
  let depth = 0;
  let open: Span | null = null;
  for (let i = from; i < to; ) {
    const lt = xml.indexOf('<', i);
    if (lt < 0 || lt >= to) break;
    const tag = readTag(xml, lt, pos);
    i = pos.end;
    if (!tag) continue;
    if (tag.closing) {
      depth--;
      if (depth === 0 && open) {
        open.closeStart = lt;
        open.end = tag.end;
        out.push(open);
        open = null;
      }
      if (depth < 0) break;
      continue;
    }
    if (tag.selfClosing) {
      if (depth === 0) out.push({ name: tag.name, qname: qnameAt(xml, lt), attrs: tag.attrs, start: lt, openEnd: tag.end, closeStart: tag.end, end: tag.end, selfClosing: true });
      continue;
    }
    if (depth === 0) {
      const qname = qnameAt(xml, lt);
      open = { name: tag.name, qname, attrs: tag.attrs, start: lt, openEnd: tag.end, closeStart: -1, end: -1, selfClosing: false };
      if (flat.has(tag.name)) {
        const close = xml.indexOf(`</${qname}`, tag.end);
        if (close < 0) throw new Error(`unterminated <${qname}>`);
        open.closeStart = close;
        open.end = xml.indexOf('>', close) + 1;
        out.push(open);
        i = open.end;
        open = null;
        continue;
      }
    }
    depth++;
  }
  return out;
}

/** Text edits applied in one pass (positions refer to the original text; no overlaps). */
export interface Edit {
  at: number;
  /** Characters replaced from `at` (0 = pure insertion). */
  remove: number;
  /** Text, or pieces (a large rebuilt part is then copied once, here). */
  insert: string | Piece[];
}

export function applyEdits(text: string, edits: Edit[]): string {
  return editedPieces(text, edits)
    .map((p) => (typeof p === 'string' ? p : new TextDecoder().decode(p)))
    .join('');
}

/**
 * The edited text as pieces, in order, not joined: a large part (a sheet of thousands of rows)
 * is then encoded to bytes piece by piece, never held as one string (joining it cost as much as
 * drawing it, much of it in garbage collection).
 */
export function editedPieces(text: string, edits: Edit[]): Piece[] {
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => a.e.at - b.e.at || a.i - b.i);
  const parts: Piece[] = [];
  let last = 0;
  for (const { e } of sorted) {
    if (e.at < last) throw new Error('overlapping edits');
    parts.push(text.slice(last, e.at));
    if (typeof e.insert === 'string') parts.push(e.insert);
    else for (const piece of e.insert) parts.push(piece);
    last = e.at + e.remove;
  }
  parts.push(text.slice(last));
  return parts;
}
