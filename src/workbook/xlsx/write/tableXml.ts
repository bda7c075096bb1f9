/**
 * Excel tables (ListObjects) in a package: the table part itself, reading the ones a file
 * already has, and the sheet's <tableParts> that links them. Pure: the package edits are
 * left to xlsxWorkbook.ts.
 */
import { attr, readTag } from '../../../xlsx/xml';
import { parseRange, type RangeRef } from '../../a1';
import type { TableSpec } from '../../port';
import { childSpans, rootSpan } from './scan';
import { escapeAttr, ooxmlEscape, parseAttrs, prefixOf } from './xmlText';
import { refOf } from './sheetParts';

export const TABLE_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const DEFAULT_STYLE = 'TableStyleMedium2';

/** What the writer needs to know of a table a package holds. */
export interface TableInfo {
  id: number;
  /** displayName: what formulas and Office.js call it. */
  name: string;
  ref: RangeRef | null;
}

export function readTableInfo(xml: string): TableInfo | null {
  const pos = { end: 0 };
  for (let i = 0; ; ) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) return null;
    const tag = readTag(xml, lt, pos);
    i = pos.end;
    if (!tag || tag.closing) continue;
    if (tag.name !== 'table') return null;
    return { id: Number(attr(tag.attrs, 'id')) || 0, name: attr(tag.attrs, 'displayName') ?? attr(tag.attrs, 'name') ?? '', ref: rangeOrNull(attr(tag.attrs, 'ref')) };
  }
}

function rangeOrNull(ref: string | null): RangeRef | null {
  try {
    return ref ? parseRange(ref) : null;
  } catch {
    return null; // a ref we cannot read: treated as covering nothing
  }
}

/** Column names as Excel stores them: control characters (a line break in a header) as _xHHHH_. */
function columnName(s: string): string {
  return escapeAttr(ooxmlEscape(s));
}

/** The table part: header row and data rows filtered by the table's own AutoFilter. */
export function renderTable(id: number, name: string, spec: TableSpec): string {
  const ref = refOf(parseRange(spec.range));
  const columns = spec.columns.map((c, i) => `<tableColumn id="${i + 1}" name="${columnName(c)}"/>`).join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<table xmlns="${MAIN_NS}" id="${id}" name="${escapeAttr(name)}" displayName="${escapeAttr(name)}" ref="${ref}" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/><tableColumns count="${spec.columns.length}">${columns}</tableColumns>` +
    `<tableStyleInfo name="${escapeAttr(spec.style ?? DEFAULT_STYLE)}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`
  );
}

/** The sheet with one more <tablePart r:id> in its <tableParts> (the last element before extLst). */
export function addTablePart(sheetXml: string, rid: string): string {
  const root = rootSpan(sheetXml);
  const p = prefixOf(root.qname);
  const declared = parseAttrs(root.attrs).find(([n, v]) => n.startsWith('xmlns:') && v === REL_NS);
  const r = declared ? declared[0].slice(6) : 'r';
  let head = sheetXml.slice(0, root.openEnd);
  if (!declared) head = `${sheetXml.slice(0, root.openEnd - 1).replace(/\/$/, '')} xmlns:r="${REL_NS}">`;
  const body = sheetXml.slice(root.openEnd, root.closeStart);
  const tail = sheetXml.slice(root.closeStart);
  const part = `<${p}tablePart ${r}:id="${rid}"/>`;
  const children = childSpans(body, 0, body.length, new Set(['sheetData']));
  const parts = children.find((c) => c.name === 'tableParts');
  if (parts) {
    const count = childSpans(body, parts.openEnd, parts.closeStart).filter((c) => c.name === 'tablePart').length + 1;
    const open = `<${parts.qname} count="${count}">`;
    const inner = parts.selfClosing ? '' : body.slice(parts.openEnd, parts.closeStart);
    return head + body.slice(0, parts.start) + open + inner + part + `</${parts.qname}>` + body.slice(parts.end) + tail;
  }
  const ext = children.find((c) => c.name === 'extLst');
  const at = ext ? ext.start : body.length;
  return head + body.slice(0, at) + `<${p}tableParts count="1">${part}</${p}tableParts>` + body.slice(at) + tail;
}
