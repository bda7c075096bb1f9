/**
 * What changed between two texts of a worksheet part when a batch wrote cells: the whole rows
 * it rewrote. Whoever keeps a sheet read (the preview's grid, the file workbook's reads) reads
 * those rows again and keeps the others, at the cost of the rows written, not of the sheet.
 */
import type { CellValue } from '../../domain/values';
import { attr, parseSheetXml } from '../../xlsx/xml';
import type { XlsxLimits } from '../../xlsx/errors';

export interface RowsChange {
  prevFrom: number;
  prevTo: number;
  nextFrom: number;
  nextTo: number;
  /** The changed rows as they were (prev.slice(prevFrom, prevTo)) and as they are. */
  wasRows: string;
  nowRows: string;
}

/** How many characters `a` and `b` share from their start (compared a block at a time: a sheet's part runs to megabytes). */
function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  for (const block = 4096; i + block <= n && a.substring(i, i + block) === b.substring(i, i + block); ) i += block;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** How many characters `a` and `b` share at their end, at most `max`. */
function commonSuffix(a: string, b: string, max: number): number {
  let i = 0;
  for (const block = 4096; i + block <= max && a.substring(a.length - i - block, a.length - i) === b.substring(b.length - i - block, b.length - i); ) i += block;
  while (i < max && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}

/** A sheetData stretch of whole rows, as a part of its own (to read it alone). */
export const rowsPart = (rows: string) => `<worksheet><sheetData>${rows}</sheetData></worksheet>`;

/** The numbers of a stretch of whole rows; null when a row has none (its number is the row before's + 1). */
export function rowNumbers(rows: string): number[] | null {
  const out: number[] = [];
  for (const m of rows.matchAll(/<row(?=[\s>/])([^>]*)>/g)) {
    const r = Number(attr(m[1]!, 'r'));
    if (!(Number.isInteger(r) && r > 0)) return null;
    out.push(r);
  }
  return out;
}

/** The used range a write extends: not read by the grid. */
const DIMENSION = /<dimension\b[^>]*>/;

/** Where a part's sheetData rows begin and end; null without a sheetData holding rows. */
function sheetDataRows(xml: string): { start: number; end: number } | null {
  const open = xml.indexOf('<sheetData');
  const start = open < 0 ? -1 : xml.indexOf('>', open) + 1;
  const end = xml.lastIndexOf('</sheetData>');
  return start <= 0 || xml[start - 2] === '/' || end < start ? null : { start, end };
}

/**
 * Where a sheet's part `next` differs from `prev` when only whole rows of its sheetData do (a batch
 * wrote cells): from the first changed row's start to the end of the last changed row, in each part.
 * Null when anything else may differ (the part is read again whole): a change outside sheetData, a
 * shared formula in the rows (its copies elsewhere read it), a row without its number.
 */
export function changedRows(prev: string, next: string): RowsChange | null {
  const p = sheetDataRows(prev);
  const n = sheetDataRows(next);
  if (!p || !n) return null;
  if (prev.slice(0, p.start).replace(DIMENSION, '') !== next.slice(0, n.start).replace(DIMENSION, '') || prev.slice(p.end) !== next.slice(n.end)) return null;
  const a = prev.slice(p.start, p.end);
  const b = next.slice(n.start, n.end);
  const at = commonPrefix(a, b);
  const same = commonSuffix(a, b, Math.min(a.length, b.length) - at);
  // From the row the first change is in (or starts: rows added after the last).
  const from = at === a.length || a.startsWith('<row', at) ? at : Math.max(0, a.lastIndexOf('<row', at));
  const after = a.indexOf('<row', a.length - same);
  const aTo = after < 0 ? a.length : after;
  const bTo = aTo + b.length - a.length;
  const changed = [a.slice(from, aTo), b.slice(from, bTo)];
  if (changed.some((rows) => rows.includes('t="shared"') || rowNumbers(rows) === null)) return null;
  // A row after them without its number counts on from theirs.
  if (after >= 0 && rowNumbers(a.slice(after, a.indexOf('>', after) + 1)) === null) return null;
  return { prevFrom: p.start + from, prevTo: p.start + aTo, nextFrom: n.start + from, nextTo: n.start + bTo, wasRows: changed[0]!, nowRows: changed[1]! };
}

/**
 * A sheet's values after `change`, from its values before: the changed rows read anew by `parse`
 * (a part of those rows alone, see rowsPart), the others kept. The same as reading the whole part.
 */
function rereadValues(prev: readonly CellValue[][], change: RowsChange, parse: (rowsPart: string) => CellValue[][]): CellValue[][] {
  const nowValues = parse(rowsPart(change.nowRows));
  const values = prev.slice();
  for (const r of [...rowNumbers(change.wasRows)!, ...rowNumbers(change.nowRows)!]) {
    while (values.length < r) values.push([]);
    values[r - 1] = nowValues[r - 1] ?? [];
  }
  // A full read keeps no empty rows after the last with a value.
  while (values.length && values[values.length - 1]!.length === 0) values.pop();
  return values;
}

/**
 * Values of sheets read as text, kept by part and by how they were read (date system, limits),
 * each brought up to date by the rows changed since. The file workbook's reads and the preview's grid share one: the grid reads
 * a sheet when it shows it, and the first edit's read then costs no more than the next.
 */
export class TextSheetRows {
  private readonly kept = new Map<string, { xml: string; shared: readonly string[]; rows: CellValue[][] }>();

  /** The values of `xml`, the part `path`'s text, read as parseSheetXml reads them: a list of its own (the rows are shared: never change them). */
  rows(path: string, xml: string, shared: readonly string[], date1904: boolean, limits: Pick<XlsxLimits, 'maxRows' | 'maxCells'>): CellValue[][] {
    const key = `${path.toLowerCase()}|${date1904}|${limits.maxRows}|${limits.maxCells}`;
    const parse = (part: string) => parseSheetXml(part, shared as string[], limits, false, undefined, date1904);
    const hit = this.kept.get(key);
    let rows: CellValue[][] | null = null;
    if (hit && (hit.shared === shared || sameStrings(hit.shared, shared))) {
      if (hit.xml === xml) rows = hit.rows;
      else {
        const change = changedRows(hit.xml, xml);
        // (A row past limits.maxRows is refused by the parse of the rows, as by a whole read.)
        if (change) rows = rereadValues(hit.rows, change, parse);
      }
    }
    rows ??= parse(xml);
    this.kept.set(key, { xml, shared, rows });
    return rows.slice();
  }
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((t, i) => t === b[i]);
}
