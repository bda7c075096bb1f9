/**
 * Pages of a sheet printed at a scale with a manual break before each page, as the documents
 * are: Excel and LibreOffice ignore manual breaks in "fit to N pages" mode, so a sheet that
 * must keep rows together (a signature with the table above it) computes its own scale and pages.
 */
import type { PageSetup } from '../workbook/port';
import { columnWidthPt, pageHeightPt, pageWidthPt, type Orientation } from './documentLayout';

/** Excel keeps at most this many manual row breaks on a sheet. */
export const MAX_ROW_BREAKS = 1023;
/** Excel's smallest print scale (%). */
const MIN_SCALE = 10;

export interface PrintRows {
  first: number;
  last: number;
  /** Printed height of a row at 100%, in points. */
  height(row: number): number;
  /** No break right after this row (a heading above its first line, rows kept with the signature). */
  keepWithNext(row: number): boolean;
  /** The print titles' row: repeated at the top of every page after the first it appears on. */
  titleRow?: number;
}

/** The largest whole percentage (≤ 100) at which columns `widths` wide (Excel units) fit one page wide. */
export function scaleToWidth(widths: readonly number[], orientation: Orientation): number {
  const width = widths.reduce((a, w) => a + columnWidthPt(w), 0);
  return Math.max(MIN_SCALE, Math.min(100, Math.floor((100 * pageWidthPt(orientation)) / width)));
}

/** Excel draws a row in whole pixels (0.75 pt at 96 dpi): count each row as drawn, never shorter. */
const drawn = (pt: number) => Math.ceil(pt / 0.75 - 1e-9) * 0.75;

/**
 * Rows before which a page starts, filling each page at `scale` % and moving a break up past
 * rows kept with the next (unless the kept rows would not fit a page of their own). null when
 * the sheet needs more breaks than Excel keeps.
 */
export function rowBreaks(rows: PrintRows, scale: number, orientation: Orientation): number[] | null {
  const room = pageHeightPt(orientation) / (scale / 100);
  const h = (r: number) => drawn(rows.height(r));
  const title = rows.titleRow === undefined ? 0 : h(rows.titleRow);
  const top = (start: number) => (rows.titleRow !== undefined && start > rows.titleRow ? title : 0);
  const breaks: number[] = [];
  let start = rows.first;
  let used = 0;
  for (let r = rows.first; r <= rows.last; r++) {
    const height = h(r);
    if (r > start && used + height > room) {
      let b = r;
      while (b > start + 1 && rows.keepWithNext(b - 1)) b--;
      let moved = top(b);
      for (let k = b; k <= r; k++) moved += h(k);
      if (rows.keepWithNext(b - 1) || moved > room) b = r;
      used = top(b);
      for (let k = b; k < r; k++) used += h(k);
      breaks.push(b);
      if (breaks.length > MAX_ROW_BREAKS) return null;
      start = b;
    }
    used += height;
  }
  return breaks;
}

/**
 * `base` printed at the scale that fits `widths` one page wide, with a break before each page;
 * past Excel's 1,023 manual breaks (a member list of tens of thousands) there is no keeping rows
 * together: fitted to one page wide as before, the host breaking pages where they fill.
 */
export function pagedSetup(base: PageSetup & { orientation: Orientation }, widths: readonly number[], rows: PrintRows): PageSetup {
  const scale = scaleToWidth(widths, base.orientation);
  const breaks = rowBreaks(rows, scale, base.orientation);
  if (!breaks) return { ...base, fitToWidth: true };
  return { ...base, fitToWidth: false, scale, ...(breaks.length ? { rowBreaks: breaks } : {}) };
}
