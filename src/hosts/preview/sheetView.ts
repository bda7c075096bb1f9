/**
 * What the preview grid shows of an ExcelJS worksheet: visible rows and columns, and each
 * cell's text as Excel would display it (formulas by their cached value). Pure reads: showing
 * a sheet never changes the workbook.
 */
import * as ExcelJS from 'exceljs';
import { columnLetter } from '../../workbook/a1';
import { normaliseScalar } from '../../workbook/exceljs/cellValues';
import { isCellError } from '../../domain/values';
import { excelRound, formatDate } from '../../i18n/format';

/** Blank rows and columns shown past the used area, so the sheet does not end abruptly. */
const MARGIN_ROWS = 20;
const MARGIN_COLUMNS = 3;
/** More columns than any sheet the add-in draws; keeps a stray far-away cell from blowing up the DOM. */
const MAX_COLUMNS = 200;

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
    align?: 'left' | 'center' | 'right';
  };
  /** Columns covered when this cell starts a merge (rendered as one wide cell). */
  span?: number;
  /** In a merge's first row, right of its first cell: drawn by that cell's span. */
  covered?: boolean;
}

export interface SheetView {
  name: string;
  /** 1-based numbers of the rows shown (hidden rows left out). */
  rows: number[];
  columns: ColumnView[];
  cell(row: number, column: number): CellView;
}

interface MergeBox {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** ExcelJS keeps merges in a private map; the public `model` would serialise the whole sheet. */
function mergesOf(ws: ExcelJS.Worksheet): MergeBox[] {
  const map = (ws as unknown as { _merges?: Record<string, MergeBox | undefined> })._merges ?? {};
  return Object.values(map).filter((m): m is MergeBox => Boolean(m));
}

/** Excel column width (characters) → pixels, as Excel draws it at 100 %. */
export function columnPixels(width: number | undefined): number {
  return Math.round((width ?? 8.43) * 7 + 5);
}

function argbToCss(argb: string | undefined): string | undefined {
  if (!argb || !/^[0-9a-f]{8}$/i.test(argb)) return undefined;
  return `#${argb.slice(2)}`;
}

function decimalsOf(numFmt: string): number | undefined {
  const m = /0\.(0+)/.exec(numFmt);
  if (m) return m[1]!.length;
  return /(^|[^.])0(?!\.)/.test(numFmt) ? 0 : undefined;
}

/** A date or time format: d, m, y or h outside quoted text and [colour] sections. */
function isDateFormat(fmt: string): boolean {
  return /[dmyh]/i.test(fmt.replace(/"[^"]*"|\[[^\]]*\]|\\./g, ''));
}

/** An Excel date serial (days since 1899-12-30) under a d/m/y [h:mm] format. */
function formatSerialDate(serial: number, fmt: string): string {
  const d = new Date(Math.round((serial - 25569) * 86400_000));
  const date = formatDate(d, 'utc');
  return /h/i.test(fmt) ? `${date} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}` : date;
}

/** Text of a number under its format: dates, percentages, fixed decimals and grouping are honoured. */
export function formatNumber(value: number, numFmt: string | undefined, locale: string): string {
  const fmt = numFmt ?? '';
  if (fmt && isDateFormat(fmt)) return formatSerialDate(value, fmt);
  const percent = fmt.includes('%');
  const decimals = decimalsOf(fmt);
  const grouping = fmt.includes('#,##');
  // Rounded first, as Excel does (half away from zero on the decimal value): Intl alone rounds the binary one.
  const scaled = percent ? value * 100 : value;
  const shown = decimals === undefined ? scaled : excelRound(scaled, decimals);
  const text = new Intl.NumberFormat(locale, {
    minimumFractionDigits: decimals ?? 0,
    maximumFractionDigits: decimals ?? 10,
    useGrouping: grouping,
  }).format(shown);
  return percent ? `${text}%` : text;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

export function cellText(cell: ExcelJS.Cell, locale: string): { text: string; numeric: boolean } {
  if (cell.type === ExcelJS.ValueType.Merge) return { text: '', numeric: false };
  const raw: unknown = cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value;
  // ExcelJS dates are the cell's wall-clock time expressed in UTC.
  if (raw instanceof Date) return { text: formatDate(raw, 'utc'), numeric: true };
  const v = normaliseScalar(raw, false);
  if (v === null) return { text: '', numeric: false };
  if (isCellError(v)) return { text: v.error, numeric: false };
  if (typeof v === 'number') return { text: formatNumber(v, cell.numFmt, locale), numeric: true };
  if (typeof v === 'boolean') return { text: v ? 'TRUE' : 'FALSE', numeric: false };
  return { text: v, numeric: false };
}

function styleOf(cell: ExcelJS.Cell): CellView['style'] {
  const font = cell.font;
  const fill = cell.fill && cell.fill.type === 'pattern' && cell.fill.pattern === 'solid' ? argbToCss(cell.fill.fgColor?.argb) : undefined;
  const h = cell.alignment?.horizontal;
  const align = h === 'center' || h === 'centerContinuous' ? 'center' : h === 'right' ? 'right' : h === 'left' ? 'left' : undefined;
  const style: NonNullable<CellView['style']> = {};
  if (font?.bold) style.bold = true;
  if (font?.italic) style.italic = true;
  const color = argbToCss(font?.color?.argb);
  if (color) style.color = color;
  if (fill) style.fill = fill;
  if (align) style.align = align;
  return Object.keys(style).length > 0 ? style : undefined;
}

export function sheetView(ws: ExcelJS.Worksheet, locale: string): SheetView {
  const merges = mergesOf(ws);
  let lastRow = ws.rowCount;
  let lastColumn = ws.columnCount;
  for (const m of merges) {
    lastRow = Math.max(lastRow, m.bottom);
    lastColumn = Math.max(lastColumn, m.right);
  }
  const rows: number[] = [];
  for (let r = 1; r <= lastRow + MARGIN_ROWS; r++) if (!ws.findRow(r)?.hidden) rows.push(r);
  const columns: ColumnView[] = [];
  for (let c = 1; c <= Math.min(lastColumn + MARGIN_COLUMNS, MAX_COLUMNS); c++) {
    const col = ws.getColumn(c);
    if (col.hidden) continue;
    columns.push({ index: c, letter: columnLetter(c), widthPx: columnPixels(col.width) });
  }
  const visible = new Set(columns.map((c) => c.index));
  // Merge starts → how many visible columns they cover. Only the first row of a merge is
  // drawn as one wide cell (rows below may be scrolled out of the rendered window); the
  // rows under it show empty cells, as ExcelJS reads them.
  const spans = new Map<string, number>();
  const covered = new Set<string>();
  for (const m of merges) {
    let span = 0;
    for (let c = m.left; c <= m.right; c++) {
      if (visible.has(c)) span++;
      if (c !== m.left) covered.add(`${m.top}:${c}`);
    }
    spans.set(`${m.top}:${m.left}`, Math.max(span, 1));
  }
  return {
    name: ws.name,
    rows,
    columns,
    cell(row, column) {
      const key = `${row}:${column}`;
      const existing = ws.findRow(row)?.findCell(column);
      const view: CellView = existing ? { ...cellText(existing, locale), style: styleOf(existing) } : { text: '', numeric: false };
      if (covered.has(key)) view.covered = true;
      const span = spans.get(key);
      if (span !== undefined && span > 1) view.span = span;
      return view;
    },
  };
}
