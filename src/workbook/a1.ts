/** A1 addresses: the arithmetic both implementations and the layouts share. */

export function columnLetter(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Excel's last column (XFD). */
export const MAX_COLUMN = 16_384;

export function cellAddress(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}

export function absolute(row: number, col: number): string {
  return `$${columnLetter(col)}$${row}`;
}

export function rangeAddress(r1: number, c1: number, r2: number, c2: number): string {
  return r1 === r2 && c1 === c2 ? cellAddress(r1, c1) : `${cellAddress(r1, c1)}:${cellAddress(r2, c2)}`;
}

export interface CellRef {
  row: number;
  col: number;
}

export function parseCell(address: string): CellRef {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) throw new Error(`not a cell address: ${address}`);
  return { col: columnNumber(m[1]!), row: Number(m[2]) };
}

export interface RangeRef {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function parseRange(address: string): RangeRef {
  const [a, b] = address.split(':');
  const s = parseCell(a!);
  const e = b ? parseCell(b) : s;
  return { top: Math.min(s.row, e.row), left: Math.min(s.col, e.col), bottom: Math.max(s.row, e.row), right: Math.max(s.col, e.col) };
}

/** 'Sheet name'!A1 — always quoted, quotes doubled. */
/** Whether two ranges share a cell. */
export function rangesOverlap(a: RangeRef, b: RangeRef): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

/** Rectangles of `a` not covered by `b` (at most four). */
export function subtractRange(a: RangeRef, b: RangeRef): RangeRef[] {
  if (!rangesOverlap(a, b)) return [a];
  const out: RangeRef[] = [];
  if (a.top < b.top) out.push({ ...a, bottom: b.top - 1 });
  if (a.bottom > b.bottom) out.push({ ...a, top: b.bottom + 1 });
  const top = Math.max(a.top, b.top);
  const bottom = Math.min(a.bottom, b.bottom);
  if (a.left < b.left) out.push({ top, bottom, left: a.left, right: b.left - 1 });
  if (a.right > b.right) out.push({ top, bottom, left: b.right + 1, right: a.right });
  return out;
}

export function sheetRef(sheet: string, address: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${address}`;
}
