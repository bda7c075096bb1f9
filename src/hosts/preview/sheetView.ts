/**
 * What the preview grid shows of a sheet read from the package: visible rows and columns
 * with their sizes, and each cell's text as Excel would display it (formulas by their cached
 * value), its look, its dropdown and whether the add-in owns it. Pure reads.
 */
import { columnLetter } from '../../workbook/a1';
import { errorText, isCellError, type CellValue } from '../../domain/values';
import { excelRound, formatDate } from '../../i18n/format';
import { storedInput, type OwnedReason } from '../../usecases/editCells';
import { heightFor, lineCount, textWidthPt } from '../../sheets/documentLayout';
import type { CellInput } from '../../workbook/port';
import { serialToWallClock } from '../../workbook/plan';
import { inBox, MAX_SHEET_COLUMN, type Box, type CellFormat, type SheetModel } from './packageModel';

/** Cells of a view kept as shown (a view lives from one read of its sheet to the next; scrolling adds cells). */
const CELL_VIEWS_KEPT = 20_000;
/** Blank rows and columns shown past the used area, so the sheet does not end abruptly. */
const MARGIN_ROWS = 20;
const MARGIN_COLUMNS = 3;
/** Points → CSS pixels at 100 %. */
const PX_PER_PT = 96 / 72;
/** Average character width of 11 pt Calibri, in pixels (Excel's column-width unit). */
const CHAR_PX = 7;
/** The font of a workbook whose styles name none (Excel's default). */
const DEFAULT_FONT = 'Calibri';
const DEFAULT_SIZE_PT = 11;
/** A line of text in the grid, in font sizes: as the row heights measured here allow for it (heightFor). */
export const LINE_HEIGHT = 1.2;
/**
 * A cell's padding left and right, on screen and on paper, and its right border (the grid's line): a
 * column's width less these is its text's, the width wrapped text is measured in for its row's height.
 */
export const CELL_PADDING_X = 4;
export const CELL_BORDER = 1;

/** A font size in CSS pixels at 96 dpi, as the grid draws it. */
export function fontPx(sizePt: number): number {
  return Math.round(sizePt * PX_PER_PT * 100) / 100;
}

/**
 * Office fonts and their metric twins on Linux (same advance widths, so text breaks into the same lines),
 * then the generic family: a workbook's font drawn as Excel draws it wherever the page is open.
 */
const FONT_TWINS: Record<string, string> = {
  'times new roman': '"Times New Roman", "Liberation Serif", Tinos, serif',
  calibri: 'Calibri, Carlito, sans-serif',
  arial: 'Arial, "Liberation Sans", Arimo, sans-serif',
  cambria: 'Cambria, Caladea, serif',
  'courier new': '"Courier New", "Liberation Mono", Cousine, monospace',
};

/** A font the file names, as a CSS font-family list. */
export function cssFamily(name: string): string {
  const twin = FONT_TWINS[name.trim().toLowerCase()];
  if (twin) return twin;
  const generic = /serif|times|roman|georgia|garamond|book/i.test(name) && !/sans/i.test(name) ? 'serif' : 'sans-serif';
  return `"${name.replace(/["\\]/g, '')}", ${generic}`;
}

/** A cell's font as the grid draws and measures it. */
export interface CellFont {
  /** CSS font-family list. */
  family: string;
  sizePt: number;
  bold: boolean;
  italic: boolean;
}

/** A wrapped text to fit a row to: the text, the width it wraps in (Excel units and CSS pixels) and its font. */
export interface WrapRequest {
  text: string;
  units: number;
  widthPx: number;
  font: CellFont;
}

/** How many lines each text wraps to, in order. */
export type LineMeasure = (requests: readonly WrapRequest[]) => number[];

/** Away from a page (unit tests): as the add-in's writer fits rows, with Times New Roman widths whatever the font. */
const TIMES_LINES: LineMeasure = (requests) => requests.map((r) => linesOf(r.text, r.units, r.font.sizePt, r.font.bold));

/** The height (px) of a row that holds one line at `sizePt`: the line and the cell's bottom border. */
function linePx(sizePt: number): number {
  return Math.ceil(LINE_HEIGHT * fontPx(sizePt)) + 1;
}

export interface ColumnView {
  index: number;
  letter: string;
  widthPx: number;
}

export interface CellView {
  text: string;
  /** Numbers, dates and percentages line up on the right, as in Excel. */
  numeric: boolean;
  style?: {
    bold?: boolean;
    italic?: boolean;
    color?: string;
    fill?: string;
    align?: 'left' | 'center' | 'right' | 'justify';
    vertical?: 'top' | 'middle' | 'bottom';
    wrap?: boolean;
    fontSizePt?: number;
    /** CSS font-family list, when not the sheet's default font's (SheetView.font). */
    font?: string;
    underline?: boolean;
    border?: boolean;
  };
  /** The merge the cell belongs to: its first shown row and column, and how many shown rows and columns it covers. */
  merge?: { top: number; left: number; rowSpan: number; span: number };
  /**
   * On a merge's first shown cell when the merge's own first cell is hidden (its row or column):
   * that cell, whose text it shows (as LibreOffice does) and where its edits go.
   */
  source?: { row: number; column: number };
  /** The cell shows dates (typed dd/mm/yyyy is a date). */
  dated?: boolean;
  /** The cell shows percentages (a plain number typed is that many percent, as in Excel). */
  percent?: boolean;
  /** The values of the cell's dropdown (list validation). */
  list?: string[];
  /** Why the add-in owns the cell (read-only), or absent. */
  owned?: OwnedReason;
  /** Locked on a protected sheet (Review → Protect Sheet): read-only until the user lifts the protection. */
  locked?: boolean;
  /** A formula with no value to show: never calculated, or a cell it reads was changed since. */
  uncalculated?: boolean;
}

export interface SheetView {
  name: string;
  /** 1-based numbers of the rows shown (hidden rows left out). */
  rows: number[];
  /** Height of each shown row in pixels, in the order of `rows`. */
  heights: number[];
  columns: ColumnView[];
  /** The workbook's default font (the Normal style's): cells without a font of their own are drawn in it. */
  font: { family: string; sizePt: number };
  /** View → Freeze Panes: how many of the first shown rows and columns stay in view while the rest scrolls. */
  frozen: { rows: number; columns: number };
  cell(row: number, column: number): CellView;
  /** The hidden first cell of the merge a shown cell stands for (CellView.source), or null. */
  sourceOf(row: number, column: number): { row: number; column: number } | null;
  /** What the cell holds for editing: its formula, or its value as typed. */
  input(row: number, column: number): string;
  /** What the cell holds, as it would be written back (undo). */
  stored(row: number, column: number): CellInput;
  /** The last shown row and the last shown column holding anything (Ctrl+End); the first cell of an empty sheet. */
  lastUsed(): { row: number; column: number };
  /** What the row heights were fitted from (sheetView's `previous`). */
  fits: RowFits;
}

/**
 * What a view's row heights were fitted from: the next view of the same sheet (an edit read back)
 * fits again only the rows whose cells, styles or row settings changed; the others keep their height.
 */
export interface RowFits {
  model: SheetModel;
  measure: LineMeasure;
  /** Excel units of each shown column: other widths or columns fit every row again. */
  units: ReadonlyMap<number, number>;
  /** Shown row → its height in pixels. */
  heights: ReadonlyMap<number, number>;
}

/** The row of a "row:col" key. */
const rowOfKey = (key: string) => Number(key.slice(0, key.indexOf(':')));

/** The same value for a row's height (an error read again is another object with the same text). */
function sameValue(a: CellValue | undefined, b: CellValue | undefined): boolean {
  return (a ?? null) === (b ?? null) || (isCellError(a) && isCellError(b) && errorText(a) === errorText(b));
}

function sameRow(a: readonly CellValue[] | undefined, b: readonly CellValue[] | undefined): boolean {
  if (a === b) return true;
  const n = Math.max(a?.length ?? 0, b?.length ?? 0);
  for (let i = 0; i < n; i++) if (!sameValue(a?.[i], b?.[i])) return false;
  return true;
}

function sameFormats(a: readonly CellFormat[], b: readonly CellFormat[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  return a.every((f, i) => {
    const g = b[i]!;
    const keys = Object.keys(f) as (keyof CellFormat)[];
    return keys.length === Object.keys(g).length && keys.every((k) => f[k] === g[k]);
  });
}

const sameBoxes = (a: readonly Box[], b: readonly Box[]) =>
  a.length === b.length && a.every((x, i) => x.top === b[i]!.top && x.left === b[i]!.left && x.bottom === b[i]!.bottom && x.right === b[i]!.right);

function sameUnits(a: ReadonlyMap<number, number>, b: ReadonlyMap<number, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [c, u] of a) if (b.get(c) !== u) return false;
  return true;
}

/** Adds the rows of the keys whose value differs between the maps. */
function addChangedKeys<V>(prev: ReadonlyMap<string, V>, next: ReadonlyMap<string, V>, rows: Set<number>): void {
  if (prev === next) return; // kept as read (a value typed over another)
  let same = prev.size === next.size;
  for (const [key, v] of next) {
    if (prev.get(key) === v) continue;
    rows.add(rowOfKey(key));
    same = false;
  }
  // Every key of next in prev with its value, and as many keys: none was removed.
  if (!same) for (const key of prev.keys()) if (!next.has(key)) rows.add(rowOfKey(key));
}

/**
 * The rows whose fitted height may differ from prev's: their values, styles or row settings changed;
 * null when every row's may (the sheet's formats, merges or default height). Plain comparisons, no fitting.
 */
function rowsToFit(prev: SheetModel, next: SheetModel): Set<number> | null {
  if (prev.name !== next.name || prev.defaultRowHeightPt !== next.defaultRowHeightPt || !sameFormats(prev.formats, next.formats) || !sameBoxes(prev.merges, next.merges)) return null;
  const rows = new Set<number>();
  for (const [r, info] of next.rows) {
    const was = prev.rows.get(r);
    if (!was || was.heightPt !== info.heightPt || was.hidden !== info.hidden) rows.add(r);
  }
  for (const r of prev.rows.keys()) if (!next.rows.has(r)) rows.add(r);
  for (let r = 1; r <= Math.max(prev.values.length, next.values.length); r++) if (!sameRow(prev.values[r - 1], next.values[r - 1])) rows.add(r);
  addChangedKeys(prev.styleIds, next.styleIds, rows);
  return rows;
}

/** Excel column width (characters) → pixels, as Excel draws it at 100 %. */
export function columnPixels(width: number | undefined): number {
  return Math.round((width ?? 8.43) * CHAR_PX + 5);
}

function decimalsOf(numFmt: string): number | undefined {
  const m = /0\.(0+)/.exec(numFmt);
  if (m) return m[1]!.length;
  return /(^|[^.])0(?!\.)/.test(numFmt) ? 0 : undefined;
}

/** A file has a few formats and thousands of cells: each format is read once. */
const dateFormats = new Map<string, boolean>();

/** A date or time format: d, m, y or h outside quoted text and [colour] sections. */
function isDateFormat(fmt: string): boolean {
  let dated = dateFormats.get(fmt);
  if (dated === undefined) dateFormats.set(fmt, (dated = /[dmyh]/i.test(fmt.replace(/"[^"]*"|\[[^\]]*\]|\\./g, ''))));
  return dated;
}

/** A percentage format: % outside quoted text and [colour] sections, and not a date's. */
function isPercentFormat(fmt: string): boolean {
  return fmt.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '').includes('%');
}

/** An Excel date serial (days since 1899-12-30, or since 1904-01-01 in a 1904 workbook) under a d/m/y [h:mm] format. */
function formatSerialDate(serial: number, fmt: string, date1904: boolean): string {
  const d = serialToWallClock(serial, date1904);
  const date = formatDate(d, 'utc');
  return /h/i.test(fmt) ? `${date} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}` : date;
}

/** Text of a number under its format: dates (of the workbook's date system), percentages, fixed decimals and grouping are honoured. */
export function formatNumber(value: number, numFmt: string | undefined, locale: string, date1904 = false): string {
  const fmt = numFmt ?? '';
  if (fmt && isDateFormat(fmt)) return formatSerialDate(value, fmt, date1904);
  const percent = fmt.includes('%');
  const decimals = decimalsOf(fmt);
  const grouping = fmt.includes('#,##');
  // Rounded first, as Excel does (half away from zero on the decimal value): Intl alone rounds the binary one.
  const scaled = percent ? value * 100 : value;
  const shown = decimals === undefined ? scaled : excelRound(scaled, decimals);
  const text = numberFormatter(locale, decimals, grouping).format(shown);
  return percent ? `${text}%` : text;
}

/**
 * A number as the cell editor holds it: all its digits, no grouping, the decimal mark of the page's
 * language (Excel's formula bar under Vietnamese holds 8,125: 8.125 would be read back as 8125).
 */
function plainNumber(v: number, locale: string): string {
  const text = String(v);
  return text.includes('.') && !text.includes('e') ? text.replace('.', decimalMark(locale)) : text;
}

const decimalMarks = new Map<string, string>();

function decimalMark(locale: string): string {
  let mark = decimalMarks.get(locale);
  if (mark === undefined) {
    mark = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
    decimalMarks.set(locale, mark);
  }
  return mark;
}

/** Made once per locale and format: making an Intl.NumberFormat was most of a grid redraw's time. */
const formatters = new Map<string, Intl.NumberFormat>();

function numberFormatter(locale: string, decimals: number | undefined, grouping: boolean): Intl.NumberFormat {
  const key = `${locale}|${decimals ?? ''}|${grouping}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { minimumFractionDigits: decimals ?? 0, maximumFractionDigits: decimals ?? 10, useGrouping: grouping });
    formatters.set(key, f);
  }
  return f;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** A value's text under a number format, as the grid shows it. */
export function valueText(v: CellValue, numFmt: string | undefined, locale: string, date1904 = false): { text: string; numeric: boolean } {
  if (v === null) return { text: '', numeric: false };
  // A formula the file holds no result for shows blank (the grid marks it “chưa tính”).
  if (isCellError(v)) return { text: errorText(v), numeric: false };
  if (typeof v === 'number') return { text: formatNumber(v, numFmt === 'General' ? undefined : numFmt, locale, date1904), numeric: true };
  if (typeof v === 'boolean') return { text: v ? 'TRUE' : 'FALSE', numeric: false };
  return { text: v, numeric: false };
}

/** The font of a cell's format, the default font's family and size where it names none. */
function fontOf(f: CellFormat | undefined, base: SheetView['font']): CellFont {
  return { family: f?.fontName ? cssFamily(f.fontName) : base.family, sizePt: f?.fontSizePt ?? base.sizePt, bold: f?.bold === true, italic: f?.italic === true };
}

function styleOf(f: CellFormat | undefined, base: SheetView['font']): CellView['style'] {
  if (!f) return undefined;
  const style: NonNullable<CellView['style']> = {};
  const font = fontOf(f, base);
  if (font.family !== base.family) style.font = font.family;
  if (font.sizePt !== base.sizePt) style.fontSizePt = font.sizePt;
  if (f.bold) style.bold = true;
  if (f.italic) style.italic = true;
  if (f.underline) style.underline = true;
  if (f.color && f.color !== '#000000') style.color = f.color;
  if (f.fill) style.fill = f.fill;
  if (f.horizontal) style.align = f.horizontal;
  if (f.vertical && f.vertical !== 'bottom') style.vertical = f.vertical;
  if (f.wrap) style.wrap = true;
  if (f.border) style.border = true;
  return Object.keys(style).length > 0 ? style : undefined;
}

/** Lines of each text measured, by span, size and boldness: a title repeats down a members table. */
const measured = new Map<string, number>();

function linesOf(text: string, units: number, sizePt: number, bold: boolean): number {
  const key = `${units}|${sizePt}|${bold ? 'b' : ''}|${text}`;
  let n = measured.get(key);
  if (n === undefined) {
    n = lineCount(text, units, sizePt, bold);
    if (measured.size > 10_000) measured.clear(); // long notes should not pile up over a session
    measured.set(key, n);
  }
  return n;
}

/** The last row and column of formatted cells, by styles read: a value typed over another keeps them (see PackageReader). */
const styledExtents = new WeakMap<ReadonlyMap<string, number>, { row: number; column: number }>();

function styledExtent(styleIds: ReadonlyMap<string, number>): { row: number; column: number } {
  let extent = styledExtents.get(styleIds);
  if (extent) return extent;
  extent = { row: 0, column: 0 };
  for (const key of styleIds.keys()) {
    const colon = key.indexOf(':');
    extent.row = Math.max(extent.row, Number(key.slice(0, colon)));
    extent.column = Math.max(extent.column, Number(key.slice(colon + 1)));
  }
  styledExtents.set(styleIds, extent);
  return extent;
}

/**
 * `pad`: blank rows and columns past the used area, as on screen (not on paper). `stale`: whether
 * a formula's cached value predates a change to what it reads (the preview's batches know).
 * `measure`: the lines wrapped text takes in its font, for rows with no height stored (in a page: as
 * the browser draws it, so the rows and the text drawn in them agree). `previous`: the last view of the
 * sheet, whose rows that did not change keep their heights (the same heights as fitting them all again).
 */
export function sheetView(
  m: SheetModel,
  locale: string,
  owned: (row: number, col: number) => OwnedReason | null = () => null,
  pad = true,
  stale: (row: number, col: number, formula: string) => boolean = () => false,
  measure: LineMeasure = TIMES_LINES,
  previous: SheetView | null = null,
): SheetView {
  const marginRows = pad ? MARGIN_ROWS : 0;
  const marginColumns = pad ? MARGIN_COLUMNS : 0;
  let lastRow = m.values.length;
  let lastColumn = m.values.reduce((n, r) => Math.max(n, r.length), 0);
  for (const b of m.merges) {
    lastRow = Math.max(lastRow, b.bottom);
    lastColumn = Math.max(lastColumn, b.right);
  }
  for (const r of m.rows.keys()) lastRow = Math.max(lastRow, r);
  // Formatted but empty cells (spare rows laid out for typing) belong to the sheet too.
  const styled = styledExtent(m.styleIds);
  lastRow = Math.max(lastRow, styled.row);
  lastColumn = Math.max(lastColumn, styled.column);
  const columns: ColumnView[] = [];
  for (let c = 1; c <= Math.min(lastColumn + marginColumns, MAX_SHEET_COLUMN); c++) {
    const col = m.columns.get(c);
    if (col?.hidden) continue;
    columns.push({ index: c, letter: columnLetter(c), widthPx: columnPixels(col?.width ?? m.defaultColumnWidth) });
  }
  // Excel units of each shown column (a hidden one adds nothing to a merge's width).
  const units = new Map(columns.map((c) => [c.index, m.columns.get(c.index)?.width ?? m.defaultColumnWidth]));
  const visible = new Set(columns.map((c) => c.index));
  // Every cell of a merge → the merge (hidden rows and columns left out of its spans).
  const mergeOf = new Map<string, Box>();
  for (const b of m.merges) for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) mergeOf.set(`${r}:${c}`, b);
  const formatOf = (row: number, col: number) => m.formats[m.styleIds.get(`${row}:${col}`) ?? 0];
  // The Normal style's font (cellXfs 0, font 0): a cell with no style of its own is drawn in it.
  const normal = m.formats[0];
  const base = { family: cssFamily(normal?.fontName ?? DEFAULT_FONT), sizePt: normal?.fontSizePt ?? DEFAULT_SIZE_PT };

  const rows: number[] = [];
  const heights: number[] = [];
  /** Wrapped texts of rows with no height stored, measured all at once (a browser lays them out in one go). */
  const wraps: (WrapRequest & { at: number })[] = [];
  const defaultPx = Math.round(m.defaultRowHeightPt * PX_PER_PT);
  const last = previous?.fits.measure === measure && sameUnits(previous.fits.units, units) ? previous.fits : null;
  const toFit = last && rowsToFit(last.model, m);
  for (let r = 1; r <= lastRow + marginRows; r++) {
    const info = m.rows.get(r);
    if (info?.hidden) continue;
    rows.push(r);
    const kept = toFit && !toFit.has(r) ? last!.heights.get(r) : undefined;
    if (kept !== undefined) {
      heights.push(kept);
      continue;
    }
    if (info?.heightPt !== undefined) {
      heights.push(Math.round(info.heightPt * PX_PER_PT));
      continue;
    }
    // No height stored: Excel fits the row to its wrapped text, in the text's font, when it opens the file.
    // One line keeps the default height, unless its font needs more (a title).
    let px = defaultPx;
    (m.values[r - 1] ?? []).forEach((v, i) => {
      if (v === null || v === '') return;
      const merge = mergeOf.get(`${r}:${i + 1}`);
      if (merge && (merge.bottom > merge.top || merge.left !== i + 1)) return; // a tall merge has its own rows' heights
      const f = formatOf(r, i + 1);
      const font = fontOf(f, base);
      px = Math.max(px, linePx(font.sizePt));
      if (!f?.wrap || typeof v !== 'string') return;
      let span = 0;
      let widthPx = 0;
      for (let c = i + 1; c <= (merge?.right ?? i + 1); c++) {
        span += units.get(c) ?? 0;
        if (visible.has(c)) widthPx += columnPixels(units.get(c));
      }
      if (textWidthPt(span) <= 0) return; // a hidden or hair-thin column shows none of its text (and lineCount needs room)
      wraps.push({ at: heights.length, text: v, units: span, widthPx, font });
    });
    heights.push(px);
  }
  measure(wraps).forEach((lines, k) => {
    const { at, font } = wraps[k]!;
    if (lines > 1) heights[at] = Math.max(heights[at]!, Math.round(heightFor(lines, font.sizePt) * PX_PER_PT));
  });
  const shownRows = new Set(rows);
  const validations = m.validations;
  /** A merge's first cell when hidden, for its first shown cell (which shows it and edits it). */
  const sourceOf = (row: number, column: number): { row: number; column: number } | null => {
    const b = mergeOf.get(`${row}:${column}`);
    if (!b || (shownRows.has(b.top) && visible.has(b.left))) return null;
    const shown = shownPart(b);
    return shown.top === row && shown.left === column ? { row: b.top, column: b.left } : null;
  };
  /** A merge as shown: its first shown row and column, and how many shown rows and columns it covers. */
  const shownPart = (b: Box) => {
    let span = 0;
    let left = 0;
    for (let c = b.left; c <= b.right; c++) {
      if (!visible.has(c)) continue;
      span++;
      left ||= c;
    }
    let rowSpan = 0;
    let top = 0;
    for (let r = b.top; r <= b.bottom; r++) {
      if (!shownRows.has(r)) continue;
      rowSpan++;
      top ||= r;
    }
    return { top, left, rowSpan, span };
  };
  const input = (row: number, column: number): string => {
    const source = sourceOf(row, column);
    if (source) return input(source.row, source.column);
    const formula = m.formulas.get(`${row}:${column}`);
    if (formula !== undefined) return `=${formula}`;
    const v = m.values[row - 1]?.[column - 1] ?? null;
    const f = formatOf(row, column);
    if (typeof v === 'number' && f && f.numFmt !== 'General') {
      if (isDateFormat(f.numFmt)) return formatSerialDate(v, f.numFmt, m.date1904);
      // Excel's formula bar holds a percentage as one: 90%, not 0.9.
      if (isPercentFormat(f.numFmt)) return `${plainNumber(Number((v * 100).toPrecision(15)), locale)}%`;
    }
    if (typeof v === 'number') return plainNumber(v, locale);
    return valueText(v, undefined, locale).text;
  };
  const stored = (row: number, column: number): CellInput => {
    const source = sourceOf(row, column) ?? { row, column };
    return storedInput(m.values[source.row - 1]?.[source.column - 1] ?? null, m.formulas.get(`${source.row}:${source.column}`));
  };

  const valueAt = (row: number, column: number) => m.values[row - 1]?.[column - 1] ?? null;
  /** The cell's style with what its conditional formats set where their formula holds (the first rule over the later). */
  const withRules = (style: CellView['style'], row: number, column: number): CellView['style'] => {
    const rules = m.conditionalFormats ?? [];
    let out = style;
    for (let i = rules.length - 1; i >= 0; i--) {
      const r = rules[i]!;
      const dxf = m.dxfs?.[r.dxfId];
      if (!dxf || !r.boxes.some((b) => inBox(b, row, column)) || !r.test(valueAt, row, column)) continue;
      out = { ...out, ...(dxf.fill ? { fill: dxf.fill } : {}), ...(dxf.bold !== undefined ? { bold: dxf.bold } : {}), ...(dxf.color ? { color: dxf.color } : {}) };
    }
    return out;
  };

  /** A cell as the grid shows it (see cell()). */
  const cellView = (shownRow: number, shownColumn: number): CellView => {
    const merge = mergeOf.get(`${shownRow}:${shownColumn}`);
    // The first shown cell of a merge whose own first cell is hidden stands for that cell: its text, look and rules.
    const source = merge ? sourceOf(shownRow, shownColumn) : null;
    const row = source?.row ?? shownRow;
    const column = source?.column ?? shownColumn;
    const at = `${row}:${column}`;
    const f = formatOf(row, column);
    const view: CellView = { ...valueText(m.values[row - 1]?.[column - 1] ?? null, f?.numFmt, locale, m.date1904) };
    const formula = m.formulas.get(at);
    const uncalculated = formula !== undefined && (m.uncached.has(at) || stale(row, column, formula));
    // A rule works on stored values: on a value not calculated it says nothing.
    const style = uncalculated ? styleOf(f, base) : withRules(styleOf(f, base), row, column);
    if (style) view.style = style;
    if (merge) {
      view.merge = shownPart(merge);
      if (source) view.source = source;
      else if (row !== merge.top || column !== merge.left) view.text = '';
    }
    if (f && f.numFmt !== 'General') {
      if (isDateFormat(f.numFmt)) view.dated = true;
      else if (isPercentFormat(f.numFmt)) view.percent = true;
    }
    const list = validations.find((v) => v.boxes.some((b) => inBox(b, row, column)));
    if (list && list.values.length) view.list = list.values;
    const reason = owned(row, column);
    if (reason) view.owned = reason;
    if (m.locked?.(row, column)) view.locked = true;
    if (uncalculated) view.uncalculated = true;
    return view;
  };
  const cellViews = new Map<number, CellView>();

  return {
    name: m.name,
    rows,
    heights,
    columns,
    font: base,
    frozen: { rows: rows.filter((r) => r <= m.frozen.rows).length, columns: columns.filter((c) => c.index <= m.frozen.columns).length },
    fits: { model: m, measure, units, heights: new Map(rows.map((r, i) => [r, heights[i]!])) },
    cell(shownRow, shownColumn) {
      // The grid asks a cell several times a draw (the text of the cells before it may run on over it), and draws
      // the typed text over the same view before the edit is read back.
      const key = shownRow * (MAX_SHEET_COLUMN + 1) + shownColumn;
      let view = cellViews.get(key);
      if (!view) {
        if (cellViews.size >= CELL_VIEWS_KEPT) cellViews.clear();
        cellViews.set(key, (view = cellView(shownRow, shownColumn)));
      }
      return view;
    },
    sourceOf,
    input,
    stored,
    lastUsed() {
      // From the values and formulas themselves: asking input() of every shown cell took seconds on 5,000 × 300.
      let row = rows[0] ?? 1;
      let column = columns[0]?.index ?? 1;
      const take = (r: number, c: number) => {
        if (r > row) row = r;
        if (c > column) column = c;
      };
      for (const r of rows) {
        const line = m.values[r - 1];
        if (!line) continue;
        // Each row from its end, down to the widest column found so far.
        for (let c = line.length; c > column; c--) {
          const v = line[c - 1];
          if (v !== null && v !== undefined && v !== '' && visible.has(c)) {
            take(r, c);
            break;
          }
        }
        if (r > row && line.some((v, i) => v !== null && v !== undefined && v !== '' && visible.has(i + 1))) row = r;
      }
      for (const key of m.formulas.keys()) {
        const [r, c] = key.split(':').map(Number) as [number, number];
        if (shownRows.has(r) && visible.has(c)) take(r, c);
      }
      return { row, column };
    },
  };
}

/** sheetView, each call given the view it made last as `previous`: the grid's views of a sheet, edit after edit. */
export function sheetViews() {
  let last: SheetView | null = null;
  return (m: SheetModel, locale: string, owned?: (row: number, col: number) => OwnedReason | null, pad?: boolean, stale?: (row: number, col: number, formula: string) => boolean, measure?: LineMeasure) =>
    (last = sheetView(m, locale, owned, pad, stale, measure, last));
}
