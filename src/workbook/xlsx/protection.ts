/**
 * The user's protection as a file stores it, for workbook/protection.ts: the structure lock in
 * workbook.xml, a sheet's protection, and whether cells are locked by their format. Read only
 * where a batch writes; a sheet's cells are scanned only when it is protected.
 */
import { attr, readTag } from '../../xlsx/xml';
import { findTag } from '../../xlsx/xmlEdit';
import { parseCell } from '../a1';
import { firstLockedCell } from '../protection';

const isTrue = (v: string | null) => v === '1' || v === 'true';

/** `<workbookProtection lockStructure="1">` (Review → Protect Workbook). */
export function structureLocked(workbookXml: string): boolean {
  const tag = findTag(workbookXml, 'workbookProtection');
  return tag !== null && isTrue(attr(tag.attrs, 'lockStructure'));
}

/** `<sheetProtection sheet="1">` (Review → Protect Sheet); without sheet="1" it only keeps settings. */
export function sheetProtected(sheetXml: string): boolean {
  // It follows sheetData: look only past it, not through a large sheet's rows.
  const tail = sheetXml.slice(Math.max(0, sheetXml.lastIndexOf('sheetData')));
  const m = /<(?:[\w.-]+:)?sheetProtection\b([^>]*)>/.exec(tail);
  return m !== null && isTrue(attr(m[1]!, 'sheet'));
}

/**
 * The first cell of `ranges` that is locked: its format (see formatIndexOf) does not unlock it.
 * `unlocked` answers for a cellXfs index.
 */
export function lockedCellIn(sheetXml: string, ranges: readonly string[], unlocked: (xf: number) => boolean): string | null {
  const rows = ranges.map((r) => r.split(':').map((a) => parseCell(a).row));
  const xfOf = formatIndexOf(sheetXml, Math.min(...rows.flat()), Math.max(...rows.flat()));
  return firstLockedCell(ranges, (r, c) => !unlocked(xfOf(r, c)));
}

/**
 * Each cell's cellXfs index as protection reads it: the cell's `s`, else its row's when the row
 * is formatted, else its column's, else format 0. Only rows `top`..`bottom` are read.
 */
export function formatIndexOf(sheetXml: string, top = 1, bottom = Infinity): (row: number, col: number) => number {
  const columns: { min: number; max: number; xf: number }[] = [];
  const rowXf = new Map<number, number>();
  const cellXf = new Map<string, number>();
  const pos = { end: 0 };
  let row = 0;
  let col = 0;
  for (let i = 0; ; ) {
    const lt = sheetXml.indexOf('<', i);
    if (lt < 0) break;
    const tag = readTag(sheetXml, lt, pos);
    i = pos.end;
    if (!tag) continue;
    if (tag.name === 'sheetData' && (tag.closing || tag.selfClosing)) break;
    if (tag.closing) continue;
    if (tag.name === 'col') {
      columns.push({ min: Number(attr(tag.attrs, 'min')), max: Number(attr(tag.attrs, 'max')), xf: Number(attr(tag.attrs, 'style') ?? 0) });
    } else if (tag.name === 'row') {
      const r = attr(tag.attrs, 'r');
      row = r === null ? row + 1 : Number(r);
      col = 0;
      if (row > bottom) break;
      if (isTrue(attr(tag.attrs, 'customFormat'))) rowXf.set(row, Number(attr(tag.attrs, 's') ?? 0));
    } else if (tag.name === 'c') {
      const r = attr(tag.attrs, 'r');
      col = r === null ? col + 1 : parseCell(r).col;
      if (row >= top) cellXf.set(`${row}:${col}`, Number(attr(tag.attrs, 's') ?? 0));
    }
  }
  return (r, c) => cellXf.get(`${r}:${c}`) ?? rowXf.get(r) ?? columns.find((x) => c >= x.min && c <= x.max)?.xf ?? 0;
}
