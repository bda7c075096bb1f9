/**
 * One sheet as an editable grid, drawn a window of rows and columns at a time (a 5,000-member
 * sheet renders ~60 rows, not 5,000; a sheet out to column XFD only the columns in view):
 * spacer rows above and below, spacer cells left and right keep the scroll size right.
 * Frozen panes (View → Freeze Panes) are drawn always, sticky at the top and left, over what scrolls.
 * Keys as in a spreadsheet: arrows and Enter move, PageDown/PageUp move a screen (the view with them),
 * Home/End, Ctrl+Home/End and Ctrl+arrows jump (to the edge of the data), Shift extends a range, typing or F2 edits (text that comes
 * without a key, from an on-screen keyboard or dictation, too), Enter/Tab end an edit and move
 * down/right (Shift goes back), so do the arrows in an edit begun by typing (after F2 they move in the text), Escape cancels, Delete clears, Alt+↓ opens a cell's dropdown,
 * Ctrl+Z/Ctrl+Y undo and redo, Ctrl+C copies and a tab-separated block pastes, whole, and is selected (onto a range
 * holding it a whole number of times, one copied cell too, it fills the range), Ctrl+Enter fills the selection with what
 * was typed, Delete clears it. Tab outside an
 * edit leaves the grid, as in the WAI-ARIA grid pattern: the keyboard is never trapped (but on the cell Tab went to
 * while typing a row it goes on along the row, as Excel, to the row's end). The grid only reports edits: the page writes them through a
 * use-case, and the grid redraws from the package.
 */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { MAX_SHEET_COLUMN, MAX_SHEET_ROW } from './packageModel';
import { CELL_BORDER, CELL_PADDING_X, fontPx, LINE_HEIGHT, type CellFont, type CellView, type LineMeasure, type SheetView } from './sheetView';

const HEADER_HEIGHT = 22;
const ROW_HEADER_WIDTH = 48;
const OVERSCAN = 10;
const COLUMN_OVERSCAN = 4;
/**
 * Sheets this narrow (every sheet the add-in draws) keep all their columns in the page, so the
 * browser's find and a screen reader's table view reach every cell of a row; wider ones get a window.
 */
const ALL_COLUMNS_UP_TO = 64;

const useStyles = makeStyles({
  scroller: {
    flexGrow: 1,
    minHeight: 0,
    overflow: 'auto',
    position: 'relative',
    backgroundColor: tokens.colorNeutralBackground1,
  },
  table: {
    borderCollapse: 'separate',
    borderSpacing: 0,
    tableLayout: 'fixed',
    // The font is the workbook's (inline): each cell is drawn in its style's font, as in Excel.
    // A line as the sheet's row heights allow for it, not Fluent's 20 px: a line taller than its row draws the
    // row taller than its height, and the rows drawn are then off where the window of rows is reckoned.
    lineHeight: LINE_HEIGHT,
    color: tokens.colorNeutralForeground1,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
    caretColor: 'transparent',
  },
  head: {
    position: 'sticky',
    top: 0,
    zIndex: 4,
    height: `${HEADER_HEIGHT - 1}px`, // and its bottom border
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontFamily: tokens.fontFamilyBase,
    fontWeight: tokens.fontWeightRegular,
    fontSize: '13px',
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
    textAlign: 'center',
    padding: 0,
  },
  corner: { left: 0, zIndex: 5 },
  rowHead: {
    position: 'sticky',
    left: 0,
    zIndex: 2,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontFamily: tokens.fontFamilyBase,
    fontWeight: tokens.fontWeightRegular,
    fontSize: '13px',
    borderRight: `1px solid ${tokens.colorNeutralStroke1}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    textAlign: 'center',
    padding: 0,
  },
  cell: {
    padding: `0 ${CELL_PADDING_X}px`,
    overflow: 'hidden',
    // Text wider than its cell is cut cleanly at its edge (or runs on, see spill), never with an ellipsis: Excel adds none.
    whiteSpace: 'nowrap',
    verticalAlign: 'bottom',
    position: 'relative',
    borderRight: `${CELL_BORDER}px solid ${tokens.colorNeutralStroke3}`,
    borderBottom: `${CELL_BORDER}px solid ${tokens.colorNeutralStroke3}`,
  },
  // A frozen pane's cell: opaque, over the cells scrolling under it (its offsets are inline).
  frozen: { position: 'sticky', backgroundColor: tokens.colorNeutralBackground1 },
  frozenBottom: { borderBottomColor: tokens.colorNeutralStrokeAccessible },
  frozenRight: { borderRightColor: tokens.colorNeutralStrokeAccessible },
  wrap: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  // A cell's text, cut off at its row's height as Excel does: a table cell grows to its content, and a row
  // drawn taller than its height puts the rows off where the window of rows is reckoned.
  clip: { overflow: 'hidden' },
  // Text taller than its row shows the lines at its alignment's edge (the last ones, or a line's bottom, at the bottom).
  clipLines: { display: 'flex', flexDirection: 'column', justifyContent: 'flex-end' },
  clipTop: { justifyContent: 'flex-start' },
  clipMiddle: { justifyContent: 'center' },
  // One line, cut off at its cell's side; as tall as its line, however short the row.
  line: { overflow: 'hidden', flexShrink: 0 },
  // Over its neighbours, whose fill would hide the text run on (layers: a cell that runs on 1, row
  // headings and frozen cells 2–3, column headings and the frozen corner 4–5, frozen row headings 6).
  // Its text is cut where the run ends (an inline width), by its row.
  spill: { overflow: 'visible', zIndex: 1 },
  // The text run on (and the box it is cut in) lets clicks through: the cell under it is the one selected, as in Excel.
  runOn: { pointerEvents: 'none' },
  owned: { cursor: 'not-allowed' },
  // Stripes over whatever fill the cell has: locked on a protected sheet.
  locked: { cursor: 'not-allowed', backgroundImage: 'repeating-linear-gradient(135deg, transparent 0 6px, rgba(128, 128, 128, 0.16) 6px 8px)' },
  uncalculated: { fontStyle: 'italic', color: tokens.colorNeutralForeground3 },
  selected: {
    outline: `2px solid ${tokens.colorBrandStroke1}`,
    outlineOffset: '-2px',
  },
  inRange: { boxShadow: `inset 0 0 0 9999px ${tokens.colorBrandBackground2}` },
  selectedHead: { backgroundColor: tokens.colorNeutralBackground3Selected, color: tokens.colorNeutralForeground1 },
  editor: {
    position: 'absolute',
    inset: 0,
    width: '100%',
    height: '100%',
    boxSizing: 'border-box',
    border: `2px solid ${tokens.colorBrandStroke1}`,
    font: 'inherit',
    padding: '0 3px',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    // No z-index: it covers only its own cell, and one would lift it over the frozen panes' cells when it scrolls under them.
  },
  textEditor: { resize: 'none', overflow: 'hidden', margin: 0, lineHeight: 'inherit' },
  dropButton: {
    position: 'absolute',
    right: 0,
    bottom: 0,
    width: '18px',
    height: '18px',
    padding: 0,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontSize: '10px',
    cursor: 'pointer',
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
});

export interface GridSelection {
  row: number;
  column: number;
}

export interface TypedCell {
  row: number;
  col: number;
  text: string;
}

export interface GridMessages {
  /** Tooltip and message of a read-only cell: one the add-in owns, or locked on a protected sheet. */
  readOnly(cell: CellView): string;
  /** Label of a cell's dropdown. */
  dropdown(address: string): string;
  /** Label of the cell editor. */
  editor(address: string): string;
  /** What a formula cell with no value to show says, and its tooltip. */
  uncalculated: { mark: string; tooltip: string };
}

export interface SheetGridProps {
  view: SheetView;
  active: GridSelection | null;
  label: string;
  messages: GridMessages;
  onActivate(cell: GridSelection): void;
  /** `how`: what wrote several cells at once, for the message when some are refused. */
  onEdit(cells: TypedCell[], how?: 'pasted' | 'filled' | 'cleared'): void;
  onUndo(): void;
  onRedo(): void;
  /** Typing into a read-only cell (see readOnly). */
  onRefused(cell: CellView, address: string): void;
  /** A paste reached past the sheet's last column or row: how many cells were left out. */
  onPasteClipped(count: number): void;
  /** Text typed but not yet read back from the workbook ("row:col" → text), shown meanwhile. */
  pending?: ReadonlyMap<string, string>;
  /** The id of what describes the whole sheet (its protection). */
  describedBy?: string;
  /** Changed when the grid is to take the keys (a cell gone to from the pane); 0 or absent: never asked. */
  focusRequest?: number;
}

/** The add-in owns it, or the sheet's protection locks it: the grid never opens an editor on it. */
export const readOnly = (cell: CellView) => Boolean(cell.owned || cell.locked);

/** The index of the item (of `count`, starting at `starts[i]`) under `x`: a binary search. */
function indexAt(starts: readonly number[], count: number, x: number): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid + 1]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Scroll positions at which an item that scrolls (a row or a column past the frozen ones) begins at the view's
 * edge, whole, as Excel scrolls: `starts` of the items (`count`, the first `frozen` of them frozen).
 */
interface WholeSteps {
  starts: readonly number[];
  frozen: number;
  count: number;
}

/** The position of such an item at or after `x` (`up`), or at or before it, in the scrolled part's own positions. */
function wholeAt({ starts, frozen, count }: WholeSteps, x: number, up: boolean): number {
  const base = starts[frozen]!;
  if (frozen >= count || x <= 0) return 0;
  const i = indexAt(starts, count, x + base);
  const lo = starts[Math.max(i, frozen)]! - base;
  const hi = starts[Math.min(i + 1, count)]! - base;
  return up && x > lo + 0.5 ? hi : lo;
}

/**
 * Where a scroll ended at `x` (at most `max`) settles, as Excel scrolls by whole rows and columns: the nearer
 * whole position, or the end of the sheet. A scroll from `from` that would settle back there goes on one instead
 * (a trackpad's short swipe moves a column).
 */
function settleAt(steps: WholeSteps, x: number, max: number, from: number): number {
  const lo = wholeAt(steps, x, false);
  const hi = Math.min(wholeAt(steps, x, true), max);
  if (x - lo <= 0.5 || hi <= lo) return lo;
  const nearer = x - lo < hi - x ? lo : hi;
  if (Math.abs(nearer - from) > 0.5 || Math.abs(x - from) <= 1) return nearer;
  return x > from ? hi : lo;
}

/**
 * Where a scroll position goes to bring [from, to) (in the scrolled part's own positions) into a view
 * `size` long at `at`: just so at the nearest edge, or to the middle when that is more than the view away;
 * always with a whole row (column) at the view's edge.
 */
function intoView(at: number, from: number, to: number, size: number, steps: WholeSteps): number {
  const edge = from < at || to - from > size ? wholeAt(steps, from, false) : wholeAt(steps, to - size, true);
  return Math.max(0, Math.abs(edge - at) < size ? edge : wholeAt(steps, from - (size - (to - from)) / 2, false));
}

/** Rows and cells of a tab-separated clipboard block (Excel quotes cells holding tabs, newlines or quotes). */
export function parseClipboard(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let quotedStart = true;
  while (i < text.length) {
    const ch = text[i]!;
    if (quotedStart && ch === '"') {
      const close = findClosingQuote(text, i + 1);
      if (close > 0) {
        cell += text.slice(i + 1, close).replace(/""/g, '"');
        i = close + 1;
        quotedStart = false;
        continue;
      }
    }
    quotedStart = false;
    if (ch === '\t') {
      row.push(cell);
      cell = '';
      quotedStart = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      quotedStart = true;
    } else cell += ch;
    i++;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** The quote closing a quoted cell, when it ends the cell (followed by a tab, a newline or the end). */
function findClosingQuote(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] !== '"') continue;
    if (text[i + 1] === '"') {
      i++;
      continue;
    }
    const next = text[i + 1];
    return next === undefined || next === '\t' || next === '\n' || next === '\r' ? i : -1;
  }
  return -1;
}

function cellStyle(view: CellView, heightPx: number | undefined): CSSProperties {
  const s = view.style;
  const css: CSSProperties = {};
  if (heightPx !== undefined) css.height = heightPx - 1;
  const align = s?.align ?? (view.numeric ? 'right' : undefined);
  if (s?.font) css.fontFamily = s.font;
  if (s?.bold) css.fontWeight = 700;
  if (s?.italic) css.fontStyle = 'italic';
  if (s?.underline) css.textDecoration = 'underline';
  if (s?.fill) {
    css.backgroundColor = s.fill;
    css.color = '#000000'; // the workbook's fills are light; keep text readable in a dark theme
  }
  if (s?.color) css.color = s.color;
  if (align) css.textAlign = align;
  if (s?.vertical) css.verticalAlign = s.vertical;
  if (s?.fontSizePt) css.fontSize = `${fontPx(s.fontSizePt)}px`;
  return css;
}

/** Lines each wrapped text takes, as a cell of the grid draws it: laid out by the browser itself, by the thousand. */
let measuredLines = new Map<string, number>();
/** Texts kept measured, of all sheets opened: past this only the last sheet's (long notes should not pile up). */
const MEASURED_KEPT = 20_000;

/** The CSS font shorthand of a cell's font. */
const cssFont = (f: CellFont) => `${f.italic ? 'italic ' : ''}${f.bold ? 700 : 400} ${fontPx(f.sizePt)}px ${f.family}`;

/**
 * The grid's LineMeasure: each text laid out in a hidden box as wide as its cell's text and in its font,
 * wrapping as the cell does, so a row fitted to it shows every line the grid draws. sheetView runs on every
 * edit: only texts not measured before are laid out, each once, in one box per font and width (its lines
 * plain blocks, so thousands of them cost one layout and no style of their own).
 */
export const pageLines: LineMeasure = (requests) => {
  const keys = requests.map((r) => `${cssFont(r.font)}|${r.widthPx}|${r.text}`);
  /** Texts to lay out, by font and width. */
  const groups = new Map<string, { request: (typeof requests)[number]; texts: Map<string, string> }>();
  keys.forEach((key, i) => {
    if (measuredLines.has(key)) return;
    const r = requests[i]!;
    const fontWidth = key.slice(0, key.length - r.text.length);
    const group = groups.get(fontWidth) ?? groups.set(fontWidth, { request: r, texts: new Map() }).get(fontWidth)!;
    group.texts.set(key, r.text);
  });
  if (groups.size) {
    const holder = document.createElement('div');
    holder.setAttribute('aria-hidden', 'true');
    holder.style.cssText = 'position:absolute;left:-100000px;top:0;visibility:hidden;contain:layout';
    const laid: { key: string; line: HTMLElement; linePx: number }[] = [];
    for (const { request: r, texts } of groups.values()) {
      const box = document.createElement('div');
      box.style.cssText = 'white-space:pre-wrap;overflow-wrap:anywhere';
      box.style.width = `${Math.max(0, r.widthPx - 2 * CELL_PADDING_X - CELL_BORDER)}px`;
      box.style.font = cssFont(r.font);
      box.style.lineHeight = String(LINE_HEIGHT); // after the shorthand, which resets it
      for (const [key, text] of texts) {
        const line = box.appendChild(document.createElement('div'));
        line.textContent = text;
        laid.push({ key, line, linePx: LINE_HEIGHT * fontPx(r.font.sizePt) });
      }
      holder.appendChild(box);
    }
    document.body.appendChild(holder);
    for (const { key, line, linePx } of laid) measuredLines.set(key, Math.max(1, Math.round(line.getBoundingClientRect().height / linePx)));
    holder.remove();
    if (measuredLines.size > MEASURED_KEPT) measuredLines = new Map(keys.map((key) => [key, measuredLines.get(key)!]));
  }
  return keys.map((key) => measuredLines.get(key)!);
};

/** Widths of texts in a font, measured once (numbers shown, by the thousand as a sheet scrolls). */
let textWidths = new Map<string, number>();
let measuring: OffscreenCanvasRenderingContext2D | null | undefined;

/** The width (px) of a text in a CSS font, or null where nothing can measure it (no canvas: unit tests). */
function textPx(text: string, font: string): number | null {
  if (measuring === undefined) measuring = typeof OffscreenCanvas === 'undefined' ? null : new OffscreenCanvas(1, 1).getContext('2d');
  if (!measuring) return null;
  const key = `${font}|${text}`;
  let px = textWidths.get(key);
  if (px === undefined) {
    measuring.font = font;
    px = measuring.measureText(text).width;
    if (textWidths.size > MEASURED_KEPT) textWidths = new Map();
    textWidths.set(key, px);
  }
  return px;
}

/** A number as its cell shows it: itself when it fits the cell's text width, else as many # as fit, as Excel does. */
function numberShown(text: string, cell: CellView, widthPx: number, base: SheetView['font']): string {
  const s = cell.style;
  const font = cssFont({ family: s?.font ?? base.family, sizePt: s?.fontSizePt ?? base.sizePt, bold: s?.bold === true, italic: s?.italic === true });
  const px = textPx(text, font);
  if (px === null || px <= widthPx) return text;
  return '#'.repeat(Math.max(1, Math.floor(widthPx / textPx('#', font)!)));
}

interface Editing {
  sheet: string;
  row: number;
  col: number;
  text: string;
  /** The dropdown is open instead of the text editor. */
  list: boolean;
  /**
   * Excel's two ways of editing: begun by typing ("Enter"), an arrow writes the cell and moves; begun with F2
   * or a double click ("Edit"), the arrows move in the text. F2 in the editor switches between them.
   */
  arrowsMove: boolean;
}

/**
 * Fluent's focus manager (Tabster) moves focus on Tab before the editor sees the key; the
 * editors keep Tab, Enter and Escape for themselves (Tab ends the edit and moves right).
 */
/** Where an arrow key moves the selection (rows, columns). */
const ARROWS: Partial<Record<string, [number, number]>> = { ArrowDown: [1, 0], ArrowUp: [-1, 0], ArrowRight: [0, 1], ArrowLeft: [0, -1] };

/** The editor opens with the caret after its text, as an input's does (a textarea's is before it): typing goes on after the first key. */
const caretAtEnd = (el: HTMLTextAreaElement | null) => el?.setSelectionRange(el.value.length, el.value.length);
const EDITOR_KEYS = JSON.stringify({ focusable: { ignoreKeydown: { Tab: true, Enter: true, Escape: true } } });

/** A cell as Excel copies it: quoted when it holds a tab, a newline or a quote. */
function clipboardCell(text: string): string {
  return /[\t\n\r"]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows of cells as tab-separated text, as Excel puts on the clipboard (CRLF after each row). */
export function toClipboard(rows: string[][]): string {
  return rows.map((r) => r.map(clipboardCell).join('\t') + '\r\n').join('');
}

const cellId = (sheet: string, row: number, col: number) => `cell-${encodeURIComponent(sheet).replace(/%/g, '_')}-${row}-${col}`;

/** Two views of a cell that draw the same (views of two reads of a sheet hold equal cells as other objects). */
function sameCell(a: CellView, b: CellView): boolean {
  if (a === b) return true;
  if (
    a.text !== b.text ||
    a.numeric !== b.numeric ||
    a.dated !== b.dated ||
    a.percent !== b.percent ||
    a.owned !== b.owned ||
    a.locked !== b.locked ||
    a.uncalculated !== b.uncalculated ||
    a.source?.row !== b.source?.row ||
    a.source?.column !== b.source?.column
  )
    return false;
  if (a.merge || b.merge) return false; // a merge draws cells of other rows: drawn again (few rows have one)
  if (a.list !== b.list && (a.list?.length !== b.list?.length || a.list!.some((v, i) => v !== b.list![i]))) return false;
  if (a.style === b.style) return true;
  if (!a.style || !b.style) return false;
  const keys = Object.keys(a.style) as (keyof NonNullable<CellView['style']>)[];
  return keys.length === Object.keys(b.style).length && keys.every((k) => a.style![k] === b.style![k]);
}

interface RowProps {
  view: SheetView;
  row: number;
  /** The columns drawn (their sheet indices), read from the view only when it is another one. */
  columns: readonly number[];
  /** Everything else the row's drawing reads, compared one by one. */
  state: readonly unknown[];
  draw(): ReactNode;
}

/** The row draws the same: the same state, and the same cells (another view of the sheet, an edit read back, has equal ones but for the rows it changed). */
function rowUnchanged(a: RowProps, b: RowProps): boolean {
  if (a.row !== b.row || a.state.length !== b.state.length || a.state.some((v, i) => !Object.is(v, b.state[i]))) return false;
  return a.view === b.view || b.columns.every((c) => sameCell(a.view.cell(a.row, c), b.view.cell(b.row, c)));
}

/**
 * A row of the window, drawn again only when what it shows changes: an edit, a move of the selection or a
 * keystroke in the editor redraw the rows they touch, not the sixty or so in the window (most of an edit's time).
 */
const GridRow = memo((props: RowProps) => props.draw(), rowUnchanged);

/**
 * Drawn again only when a prop changes (the page gives the same callbacks from render to render): the page
 * renders after each batch before the sheet is read back, and a redraw of the grid's window for nothing was
 * a third of a grid edit's time at 5,000 members.
 */
export const SheetGrid = memo(SheetGridWindow);

function SheetGridWindow(props: SheetGridProps) {
  const { view, active, messages } = props;
  const s = useStyles();
  const scroller = useRef<HTMLDivElement>(null);
  const table = useRef<HTMLTableElement>(null);
  // Asked to take the keys: what is typed next goes to the selected cell, as after clicking it.
  const { focusRequest } = props;
  useEffect(() => {
    if (focusRequest) table.current?.focus({ preventScroll: true });
  }, [focusRequest]);
  const [scrollTop, setScrollTop] = useState(0);
  const [scrollLeft, setScrollLeft] = useState(0);
  const [height, setHeight] = useState(600);
  const [clientWidth, setClientWidth] = useState(1000);
  /** The cell being edited and the text in its editor; `list` when its dropdown is open. */
  const [editingState, setEditingState] = useState<Editing | null>(null);
  // An edit belongs to its sheet: showing another sheet ends it.
  const editing = editingState && editingState.sheet === view.name ? editingState : null;
  // Enter commits and moves focus back to the grid, which blurs the editor: the ref makes that blur a no-op.
  const editingRef = useRef<Editing | null>(null);
  /** A click is focusing the grid (its cell is activated by the click, not by the focus). */
  const pointing = useRef(false);
  const setEditing = (next: Editing | null) => {
    editingRef.current = next;
    setEditingState(next);
  };
  /** A range (Shift+arrows, Shift+click): from the active cell to `extent`; it lapses when the active cell moves. */
  const [rangeState, setRange] = useState<{ sheet: string; anchor: GridSelection; extent: GridSelection } | null>(null);
  const range =
    rangeState && active && rangeState.sheet === view.name && rangeState.anchor.row === active.row && rangeState.anchor.column === active.column ? rangeState : null;

  // Row tops: the window of rows drawn is found by binary search, whatever their heights.
  const tops = useMemo(() => {
    const out = new Array<number>(view.heights.length + 1);
    out[0] = 0;
    for (let i = 0; i < view.heights.length; i++) out[i + 1] = out[i]! + view.heights[i]!;
    return out;
  }, [view]);
  const indexOfRow = useMemo(() => new Map(view.rows.map((r, i) => [r, i])), [view]);
  // Column lefts (from the row headers' edge), likewise for the window of columns.
  const lefts = useMemo(() => {
    const out = new Array<number>(view.columns.length + 1);
    out[0] = 0;
    for (let i = 0; i < view.columns.length; i++) out[i + 1] = out[i]! + view.columns[i]!.widthPx;
    return out;
  }, [view]);
  const indexOfColumn = useMemo(() => new Map(view.columns.map((c, i) => [c.index, i])), [view]);
  /** The columns shown and their widths: rows drawn for other columns are drawn again. */
  const columnsKey = useMemo(() => view.columns.map((c) => `${c.index}:${c.widthPx}`).join(), [view]);
  const rowAt = (y: number) => indexAt(tops, view.rows.length, y);
  const columnAt = (x: number) => indexAt(lefts, view.columns.length, x);
  // View → Freeze Panes: these first rows and columns are drawn always, sticky at the top and left.
  const frozenRows = Math.min(view.frozen.rows, view.rows.length);
  const frozenColumns = Math.min(view.frozen.columns, view.columns.length);
  const rowSteps: WholeSteps = { starts: tops, frozen: frozenRows, count: view.rows.length };
  const columnSteps: WholeSteps = { starts: lefts, frozen: frozenColumns, count: view.columns.length };

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => {
      setHeight(el.clientHeight);
      setClientWidth(el.clientWidth);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  /** Where each sheet was scrolled when last shown, and the sheet shown: Excel keeps each sheet's place. */
  const places = useRef(new Map<string, { top: number; left: number }>());
  const placed = useRef<string | null>(null);
  // A sheet starts where it was left (a sheet not shown before: at its top left, never where the last one was
  // scrolled); the active cell is kept in view, or a range's far corner, which Shift+arrows move (as Excel).
  // Before paint, with the selection: a scroll made just after it (a wheel, a test) is never undone by a late effect.
  const shown = range?.extent ?? active;
  /** Scrolls the view so that `target` is in it (nothing when it is); true when it scrolled. */
  const keepInView = (el: HTMLDivElement, target: GridSelection): boolean => {
    const rowIndex = indexOfRow.get(target.row) ?? -1;
    if (rowIndex < 0) return false;
    const top = HEADER_HEIGHT + tops[rowIndex]!;
    const bottom = HEADER_HEIGHT + tops[rowIndex + 1]!;
    const ci = indexOfColumn.get(target.column) ?? 0;
    const left = ROW_HEADER_WIDTH + lefts[ci]!;
    const width = lefts[ci + 1]! - lefts[ci]!;
    const next = { top: el.scrollTop, left: el.scrollLeft };
    // The frozen panes cover the top and left of the view: a cell under them is out of view; a frozen cell never is.
    const frozenHeight = tops[frozenRows]!;
    const frozenWidth = lefts[frozenColumns]!;
    // A merge partly in view (its text is drawn over that part) stays where it is, as in Excel.
    const merge = view.cell(target.row, target.column).merge;
    const mergeBottom = merge ? HEADER_HEIGHT + tops[Math.min(rowIndex + merge.rowSpan, view.rows.length)]! : bottom;
    const mergeRight = merge ? ROW_HEADER_WIDTH + lefts[Math.min(ci + merge.span, view.columns.length)]! : left + width;
    const viewTop = el.scrollTop + HEADER_HEIGHT + frozenHeight;
    const viewLeft = el.scrollLeft + ROW_HEADER_WIDTH + frozenWidth;
    const rowsInView =
      rowIndex < frozenRows || (merge ? mergeBottom > viewTop && top < el.scrollTop + el.clientHeight : top >= viewTop && bottom <= el.scrollTop + el.clientHeight);
    const columnsInView =
      ci < frozenColumns || (merge ? mergeRight > viewLeft && left < el.scrollLeft + el.clientWidth : left >= viewLeft && left + width <= el.scrollLeft + el.clientWidth);
    // Scrolled just into view at the nearest edge, as Excel does; a cell further than the part that scrolls
    // (a jump: Ctrl+arrow, a problem's link) keeps nothing of the view in sight anyway, and is brought to its
    // middle, with what lies around it.
    if (!rowsInView) next.top = intoView(el.scrollTop, top - HEADER_HEIGHT - frozenHeight, bottom - HEADER_HEIGHT - frozenHeight, el.clientHeight - HEADER_HEIGHT - frozenHeight, rowSteps);
    if (!columnsInView) next.left = intoView(el.scrollLeft, left - ROW_HEADER_WIDTH - frozenWidth, left + width - ROW_HEADER_WIDTH - frozenWidth, el.clientWidth - ROW_HEADER_WIDTH - frozenWidth, columnSteps);
    if (next.top === el.scrollTop && next.left === el.scrollLeft) return false;
    el.scrollTo(next);
    return true;
  };
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    if (placed.current !== view.name) {
      placed.current = view.name;
      el.scrollTo(places.current.get(view.name) ?? { top: 0, left: 0 });
    }
    if (shown) keepInView(el, shown);
  }, [view.name, shown?.row, shown?.column]); // eslint-disable-line react-hooks/exhaustive-deps -- scroll only when the sheet or the cell kept in view changes, not on every redraw
  // An edit begun on a cell out of view (the active cell of a range whose far corner the view followed, or one
  // scrolled away) brings it into view, as Excel does: its editor is drawn in its cell. The window of rows is
  // redrawn at once, not on the scroll event a frame later, so the keys typed meanwhile reach the editor.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el || !editing || !keepInView(el, { row: editing.row, column: editing.col })) return;
    setScrollTop(el.scrollTop);
    setScrollLeft(el.scrollLeft);
  }, [editing?.row, editing?.col]); // eslint-disable-line react-hooks/exhaustive-deps -- only when an edit begins

  /** Where the last scroll settled: a swipe too short to reach the next whole row or column still goes there. */
  const settledAt = useRef({ top: 0, left: 0 });
  /** A scroll by wheel, trackpad or scrollbar settles on whole rows and columns at the frozen panes' edge, as Excel scrolls. */
  const settle = useRef(() => {});
  useLayoutEffect(() => {
    settle.current = () => {
      const el = scroller.current;
      if (!el) return;
      const top = settleAt(rowSteps, el.scrollTop, el.scrollHeight - el.clientHeight, settledAt.current.top);
      const left = settleAt(columnSteps, el.scrollLeft, el.scrollWidth - el.clientWidth, settledAt.current.left);
      settledAt.current = { top, left };
      if (Math.abs(top - el.scrollTop) > 1 || Math.abs(left - el.scrollLeft) > 1) el.scrollTo({ top, left });
    };
  });
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const onEnd = () => settle.current();
    if ('onscrollend' in (el as object)) {
      el.addEventListener('scrollend', onEnd);
      return () => el.removeEventListener('scrollend', onEnd);
    }
    // No scrollend event (Safari): a scroll with none after it for a moment has ended.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onScroll = () => {
      clearTimeout(timer);
      timer = setTimeout(onEnd, 150);
    };
    el.addEventListener('scroll', onScroll);
    return () => {
      clearTimeout(timer);
      el.removeEventListener('scroll', onScroll);
    };
  }, []);

  // The windows are of the rows and columns after the frozen ones.
  const first = Math.max(frozenRows, rowAt(scrollTop + tops[frozenRows]!) - OVERSCAN);
  const last = Math.max(first, Math.min(view.rows.length, rowAt(scrollTop + height) + 1 + OVERSCAN));
  const windowed = view.columns.length > ALL_COLUMNS_UP_TO;
  const firstColumn = windowed ? Math.max(frozenColumns, columnAt(scrollLeft + lefts[frozenColumns]!) - COLUMN_OVERSCAN) : frozenColumns;
  const lastColumn = windowed
    ? Math.max(firstColumn, Math.min(view.columns.length, columnAt(scrollLeft + clientWidth - ROW_HEADER_WIDTH) + 1 + COLUMN_OVERSCAN))
    : view.columns.length;
  const leftPad = lefts[firstColumn]! - lefts[frozenColumns]!;
  const rightPad = lefts[view.columns.length]! - lefts[lastColumn]!;
  /** Indices (into view.columns) of the columns drawn: the frozen ones, then the window. */
  const drawnColumns = [...Array.from({ length: frozenColumns }, (_, i) => i), ...Array.from({ length: lastColumn - firstColumn }, (_, i) => firstColumn + i)];
  const width = ROW_HEADER_WIDTH + lefts[view.columns.length]!;
  /** Room past the sheet's end, so that its end too is scrolled to with a whole row and column at the frozen panes' edge. */
  const endRoom = (steps: WholeSteps, max: number) => (max > 0 ? wholeAt(steps, max, true) - max : 0);
  const roomRight = endRoom(columnSteps, width - clientWidth);
  const roomBelow = endRoom(rowSteps, HEADER_HEIGHT + tops[view.rows.length]! - height);
  const span = drawnColumns.length + 1 + (leftPad ? 1 : 0) + (rightPad ? 1 : 0);
  /** The drawn stretch of rows (frozen, or the window) holding the row index, likewise of columns. */
  const rowStretch = (i: number): [number, number] => (i < frozenRows ? [0, frozenRows] : [first, last]);
  const columnStretch = (i: number): [number, number] => (i < frozenColumns ? [0, frozenColumns] : [firstColumn, lastColumn]);
  /**
   * Where a frozen cell sticks, or nothing for a cell that scrolls. Its layer: the corner's frozen cells
   * over the frozen rows' and columns', a cell whose text runs on over its opaque neighbours (`spill`).
   */
  const stick = (rowIndex: number | null, ci: number | null, spill = false): CSSProperties | undefined => {
    const inRows = rowIndex !== null && rowIndex < frozenRows;
    const inColumns = ci !== null && ci < frozenColumns;
    if (!inRows && !inColumns) return undefined;
    return {
      ...(inRows ? { top: HEADER_HEIGHT + tops[rowIndex]! } : {}),
      ...(inColumns ? { left: ROW_HEADER_WIDTH + lefts[ci]! } : {}),
      zIndex: (inRows && inColumns ? 4 : 2) + (spill ? 1 : 0),
    };
  };
  const address = (row: number, col: number) => `${view.columns[indexOfColumn.get(col) ?? -1]?.letter ?? ''}${row}`;

  const colIndex = (col: number) => indexOfColumn.get(col) ?? 0;
  /** The cell a shown cell's edit goes to: itself, or the hidden first cell of the merge it stands for. */
  const typed = (row: number, col: number, text: string): TypedCell => {
    const source = view.sourceOf(row, col);
    return source ? { row: source.row, col: source.column, text } : { row, col, text };
  };
  /** Where a key goes from `at`: the shown cell dRow/dCol away (stepping over the rest of a merge). */
  const stepFrom = (at: GridSelection, dRow: number, dCol: number): GridSelection => {
    let ri = indexOfRow.get(at.row) ?? 0;
    let ci = colIndex(at.column);
    // Step over the rest of a merge, as Excel does.
    const merge = view.cell(at.row, at.column).merge;
    if (merge && dRow > 0) ri = (indexOfRow.get(merge.top) ?? ri) + merge.rowSpan - 1;
    if (merge && dCol > 0) ci = colIndex(merge.left) + merge.span - 1;
    ri = Math.min(view.rows.length - 1, Math.max(0, ri + dRow));
    ci = Math.min(view.columns.length - 1, Math.max(0, ci + dCol));
    return { row: view.rows[ri]!, column: view.columns[ci]!.index };
  };
  /** A row typed with Tab: the column it began in and the cell Tab went to last (Excel's Enter goes on under where it began). */
  const tabRow = useRef<{ sheet: string; column: number; at: GridSelection } | null>(null);
  const activate = (target: GridSelection) => {
    tabRow.current = null;
    const landed = view.cell(target.row, target.column).merge;
    const at = landed ? { row: landed.top, column: landed.left } : target;
    props.onActivate(at);
    return at;
  };
  /** The column the row typed with Tab began in, when `from` is where Tab went last (else null). */
  const rowBegun = (from: GridSelection): number | null => {
    const t = tabRow.current;
    return t && t.sheet === view.name && t.at.row === from.row && t.at.column === from.column ? t.column : null;
  };
  /** Tab (Shift+Tab) from `from`: the next cell, remembering where the row of typing began. */
  const tabFrom = (from: GridSelection, dCol: number) => {
    const column = rowBegun(from) ?? from.column;
    tabRow.current = { sheet: view.name, column, at: activate(stepFrom(from, 0, dCol)) };
  };
  /**
   * Tab outside an edit, on the cell Tab went to last while typing a row: on along the row, as Excel (a column
   * left empty is skipped, and what is typed next goes into the row, not to whatever is after the grid).
   * Anywhere else, and at the row's end, Tab leaves the grid: false.
   */
  const tabOn = (dCol: number): boolean => {
    if (!active || rowBegun(active) === null) return false;
    const next = stepFrom(active, 0, dCol);
    if (next.column === active.column) return false;
    tabFrom(active, dCol);
    return true;
  };
  /** Enter from `from`: the row below, under the column a row typed with Tab began in. */
  const enterFrom = (from: GridSelection) => activate(stepFrom({ row: from.row, column: rowBegun(from) ?? from.column }, 1, 0));
  const origin = () => active ?? { row: view.rows[0] ?? 1, column: view.columns[0]?.index ?? 1 };
  const move = (dRow: number, dCol: number) => activate(stepFrom(origin(), dRow, dCol));
  /** Shift+key: the range's far corner goes there; the active cell stays. */
  const extendTo = (target: GridSelection) => {
    if (active) setRange({ sheet: view.name, anchor: active, extent: target });
  };
  /**
   * PageDown/PageUp, as Excel: the view scrolls by the rows wholly in it and the selection moves as many,
   * so it stays where it was on screen. With Shift the range's far corner moves so, the active cell stays.
   */
  const page = (dir: 1 | -1, extend: boolean) => {
    const el = scroller.current;
    if (!el || !view.rows.length) return;
    const frozenHeight = tops[frozenRows]!;
    const viewTop = el.scrollTop + frozenHeight;
    const viewBottom = el.scrollTop + el.clientHeight - HEADER_HEIGHT;
    let firstWhole = Math.max(frozenRows, rowAt(viewTop));
    if (tops[firstWhole]! < viewTop - 0.5) firstWhole++;
    let n = 0;
    while (firstWhole + n < view.rows.length && tops[firstWhole + n + 1]! <= viewBottom + 0.5) n++;
    n = Math.max(1, n);
    const top = Math.min(Math.max(frozenRows, firstWhole + dir * n), view.rows.length - 1);
    el.scrollTo({ top: tops[top]! - frozenHeight });
    if (extend) extendTo(stepFrom(range?.extent ?? origin(), dir * n, 0));
    else move(dir * n, 0);
  };

  const filled = (row: number, col: number) => view.input(row, col) !== '';
  /**
   * Ctrl+arrow, as Excel: from a filled cell with a filled neighbour, to the last filled cell
   * before a blank; otherwise to the next filled cell; at the sheet's shown edge when none.
   */
  const edgeFrom = (at: GridSelection, dRow: number, dCol: number): GridSelection => {
    const line = dRow !== 0 ? view.rows.map((r) => ({ row: r, column: at.column })) : view.columns.map((c) => ({ row: at.row, column: c.index }));
    const dir = dRow + dCol;
    let i = dRow !== 0 ? (indexOfRow.get(at.row) ?? 0) : colIndex(at.column);
    const at_ = (k: number) => line[k]!;
    const inside = (k: number) => k >= 0 && k < line.length;
    if (!inside(i + dir)) return at;
    if (filled(at.row, at.column) && filled(at_(i + dir).row, at_(i + dir).column)) {
      while (inside(i + dir) && filled(at_(i + dir).row, at_(i + dir).column)) i += dir;
      return at_(i);
    }
    i += dir;
    while (inside(i + dir) && !filled(at_(i).row, at_(i).column)) i += dir;
    return at_(i);
  };
  /** The last used cell: the last row and the last column holding anything (Ctrl+End). */
  const lastUsed = (): GridSelection => view.lastUsed();
  /** The last filled cell of a row (End), or where it is when the row is empty. */
  const rowEnd = (at: GridSelection): GridSelection => {
    for (let i = view.columns.length - 1; i >= 0; i--) if (filled(at.row, view.columns[i]!.index)) return { row: at.row, column: view.columns[i]!.index };
    return at;
  };

  /** The selected block: the range, or the active cell alone (rows and columns as shown). */
  const box = () => {
    const a = origin();
    const b = range?.extent ?? a;
    // A pasted block's far corner may lie past the rows and columns drawn until the workbook is read back.
    const [r1, r2] = [indexOfRow.get(a.row) ?? 0, indexOfRow.get(b.row) ?? view.rows.length - 1].sort((x, y) => x - y) as [number, number];
    const [c1, c2] = [colIndex(a.column), indexOfColumn.get(b.column) ?? view.columns.length - 1].sort((x, y) => x - y) as [number, number];
    return { rows: view.rows.slice(r1, r2 + 1), columns: view.columns.slice(c1, c2 + 1).map((c) => c.index) };
  };
  const boxOf = range ? box() : null;
  /** The cells of the selected block, a merge once (by its first cell). */
  const selectedCells = (): GridSelection[] => {
    const { rows, columns } = box();
    return rows.flatMap((row) =>
      columns
        .filter((column) => {
          const merge = view.cell(row, column).merge;
          return !merge || (merge.top === row && merge.left === column);
        })
        .map((column) => ({ row, column })),
    );
  };
  const inRange = (row: number, col: number) => boxOf !== null && boxOf.rows.includes(row) && boxOf.columns.includes(col);

  const startEdit = (text: string | null, list = false) => {
    if (!active) return false;
    const cell = view.cell(active.row, active.column);
    if (readOnly(cell)) {
      props.onRefused(cell, address(active.row, active.column));
      return false;
    }
    setEditing({ sheet: view.name, row: active.row, col: active.column, text: text ?? view.input(active.row, active.column), list: list && Boolean(cell.list), arrowsMove: text !== null });
    return true;
  };

  /** `arrow`: moved by an arrow key, one cell that way (not Tab's and Enter's return to where a row was begun). */
  const commit = (text: string, then: [number, number] | null, fill = false, arrow = false) => {
    const was = editingRef.current;
    if (!was || was.sheet !== view.name) return;
    setEditing(null);
    // Ctrl+Enter: the text into every cell of the selection, which stays selected (as Excel).
    const cells = fill ? selectedCells() : [{ row: was.row, column: was.col }];
    const changed = cells.filter((c) => text !== view.input(c.row, c.column)).map((c) => typed(c.row, c.column, text));
    if (changed.length) props.onEdit(changed, fill ? 'filled' : undefined);
    const from = { row: was.row, column: was.col };
    if (then && arrow) move(then[0], then[1]);
    else if (then?.[1]) tabFrom(from, then[1]);
    else if (then?.[0] === 1) enterFrom(from);
    else if (then) move(then[0], then[1]);
    table.current?.focus({ preventScroll: true });
  };

  const cancel = () => {
    if (!editingRef.current) return;
    setEditing(null);
    table.current?.focus({ preventScroll: true });
  };

  /** Arrows, Home/End, Ctrl+Home/End and Ctrl+arrows: where they go from `at` (null: not such a key). */
  const navigation = (e: KeyboardEvent<HTMLTableElement>, at: GridSelection): GridSelection | null => {
    const ctrl = e.ctrlKey || e.metaKey;
    const arrow = ARROWS[e.key];
    if (arrow) return ctrl ? edgeFrom(at, arrow[0], arrow[1]) : stepFrom(at, arrow[0], arrow[1]);
    // With frozen panes, Excel's Home and Ctrl+Home go to the first row and column past them (Home from there: column A).
    const home = view.columns[frozenColumns]?.index ?? view.columns[0]?.index ?? 1;
    if (e.key === 'Home' && ctrl) return { row: view.rows[frozenRows] ?? view.rows[0] ?? 1, column: home };
    if (e.key === 'Home') return { row: at.row, column: colIndex(at.column) > frozenColumns ? home : (view.columns[0]?.index ?? 1) };
    if (e.key === 'End') return ctrl ? lastUsed() : rowEnd(at);
    return null;
  };

  const clearSelected = () => {
    const { rows, columns } = box();
    const cells: TypedCell[] = [];
    for (const row of rows) for (const col of columns) if (view.input(row, col) !== '') cells.push(typed(row, col, ''));
    if (cells.length) props.onEdit(cells, 'cleared');
  };

  const onGridKey = (e: KeyboardEvent<HTMLTableElement>) => {
    if (editing || e.target !== table.current) return;
    const ctrl = e.ctrlKey || e.metaKey;
    let handled = true;
    const to = e.altKey ? null : navigation(e, e.shiftKey ? (range?.extent ?? origin()) : origin());
    if (to) {
      if (e.shiftKey) extendTo(to);
      else activate(to);
    } else if (ctrl && (e.key === 'z' || e.key === 'Z') && !e.shiftKey) props.onUndo();
    else if (ctrl && (e.key === 'y' || e.key === 'Y' || ((e.key === 'z' || e.key === 'Z') && e.shiftKey))) props.onRedo();
    else if (ctrl || (e.altKey && e.key !== 'ArrowDown')) handled = false;
    else if (e.key === 'Tab') handled = tabOn(e.shiftKey ? -1 : 1);
    else if (e.key === 'ArrowDown' && e.altKey) startEdit(null, true);
    else if (e.key === 'Enter') {
      if (e.shiftKey) move(-1, 0);
      else enterFrom(origin());
    }
    else if (e.key === 'PageDown') page(1, e.shiftKey);
    else if (e.key === 'PageUp') page(-1, e.shiftKey);
    else if (e.key === 'F2') startEdit(null);
    else if (e.key === 'Delete' && range) clearSelected();
    else if (e.key === 'Delete' || e.key === 'Backspace') {
      if (active) {
        const cell = view.cell(active.row, active.column);
        if (readOnly(cell)) props.onRefused(cell, address(active.row, active.column));
        else if (e.key === 'Backspace') startEdit('');
        else if (view.input(active.row, active.column) !== '') props.onEdit([typed(active.row, active.column, '')]);
      }
    } else if (e.key.length === 1) startEdit(e.key);
    else if (e.key === 'Process' || e.key === 'Unidentified' || e.keyCode === 229) {
      // An input method composing (Vietnamese Telex/VNI in an IME; Android keyboards send 229 /
      // "Unidentified"): open the editor and let the composition go on there.
      startEdit('');
      handled = false;
    } else handled = false;
    if (handled) e.preventDefault();
  };

  const onPaste = (e: React.ClipboardEvent<HTMLTableElement>) => {
    if (editing || !active) return;
    const text = e.clipboardData.getData('text/plain');
    if (!text) return;
    e.preventDefault();
    const block = parseClipboard(text);
    // Into the top left of the selected block, as in a spreadsheet.
    const top = box();
    const height = block.length;
    const breadth = Math.max(0, ...block.map((r) => r.length));
    // A range holding the block a whole number of times (one copied cell: any range) is filled with it, as
    // Excel does; the range stays selected.
    if (range && height && breadth && top.rows.length % height === 0 && top.columns.length % breadth === 0) {
      const down = new Map(top.rows.map((r, i) => [r, i % height]));
      const across = new Map(top.columns.map((c, j) => [c, j % breadth]));
      props.onEdit(selectedCells().map(({ row, column }) => typed(row, column, block[down.get(row)!]![across.get(column)!] ?? '')), 'pasted');
      return;
    }
    const startRow = indexOfRow.get(top.rows[0]!) ?? 0;
    const startCol = colIndex(top.columns[0]!);
    const cells: TypedCell[] = [];
    const lastRow = view.rows[view.rows.length - 1] ?? 0;
    const lastCol = view.columns[view.columns.length - 1]?.index ?? 0;
    let leftOut = 0;
    let far = { row: top.rows[0]!, column: top.columns[0]! };
    block.forEach((values, i) => {
      // Past the rows and columns drawn, the block goes on below and to the right (the view grows
      // when the workbook is read back); past the sheet's own bounds it cannot.
      const row = view.rows[startRow + i] ?? lastRow + (startRow + i - view.rows.length + 1);
      values.forEach((text, j) => {
        const col = view.columns[startCol + j]?.index ?? lastCol + (startCol + j - view.columns.length + 1);
        if (row > MAX_SHEET_ROW || col > MAX_SHEET_COLUMN) leftOut++;
        else {
          cells.push(row <= lastRow && col <= lastCol ? typed(row, col, text) : { row, col, text });
          far = { row: Math.max(far.row, row), column: Math.max(far.column, col) };
        }
      });
    });
    if (cells.length) {
      props.onEdit(cells, 'pasted');
      // Excel selects the pasted block, its top left active: Shift+arrows and Delete then act on it.
      const at = activate({ row: top.rows[0]!, column: top.columns[0]! });
      if (far.row !== at.row || far.column !== at.column) setRange({ sheet: view.name, anchor: at, extent: far });
    }
    if (leftOut) props.onPasteClipped(leftOut);
  };

  /** Puts the selection on the clipboard; false when the event is not the grid's (an editor's own copy). */
  const copySelected = (e: React.ClipboardEvent<HTMLTableElement>): boolean => {
    if (editing || e.target !== table.current || !active) return false;
    const { rows, columns } = box();
    // What the grid shows, as Excel copies it (a formula not calculated here copies its last value).
    e.clipboardData.setData('text/plain', toClipboard(rows.map((r) => columns.map((c) => view.cell(r, c).text))));
    e.preventDefault();
    return true;
  };
  const onCopy = (e: React.ClipboardEvent<HTMLTableElement>) => void copySelected(e);
  // Copied, then cleared as Delete clears (one change, which Ctrl+Z undoes): a cut and a paste move the cells.
  const onCut = (e: React.ClipboardEvent<HTMLTableElement>) => {
    if (copySelected(e)) clearSelected();
  };

  // Text that comes without a key (IME commit, on-screen or handwriting keyboard, dictation): the
  // grid is an editing host only to receive it; nothing is ever inserted into the table itself.
  const textInput = useRef<(e: InputEvent) => void>(() => {});
  useLayoutEffect(() => {
    textInput.current = (e: InputEvent) => {
      if (e.target !== table.current) return;
      e.preventDefault();
      if (editingRef.current) return;
      if ((e.inputType === 'insertText' || e.inputType === 'insertReplacementText') && e.data) startEdit(e.data);
    };
  });
  useEffect(() => {
    const el = table.current;
    if (!el) return;
    const onInput = (e: Event) => textInput.current(e as InputEvent);
    el.addEventListener('beforeinput', onInput);
    return () => el.removeEventListener('beforeinput', onInput);
  }, []);

  const onEditorKey = (e: KeyboardEvent<HTMLTextAreaElement | HTMLSelectElement>) => {
    const el = e.currentTarget;
    const text = el.value;
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) commit(text, null, true);
    // Alt+Enter: a new line in the cell, as in Excel.
    else if (e.key === 'Enter' && e.altKey && el instanceof HTMLTextAreaElement) {
      el.setRangeText('\n', el.selectionStart, el.selectionEnd, 'end');
      if (editingRef.current) setEditing({ ...editingRef.current, text: el.value });
    }
    else if (e.key === 'Enter' && !(e.currentTarget instanceof HTMLSelectElement && e.altKey)) commit(text, [e.shiftKey ? -1 : 1, 0]);
    else if (e.key === 'Tab') commit(text, [0, e.shiftKey ? -1 : 1]);
    else if (e.key === 'Escape') cancel();
    else if (e.key === 'F2' && editingRef.current && !editingRef.current.list) setEditing({ ...editingRef.current, text, arrowsMove: !editingRef.current.arrowsMove });
    else if (ARROWS[e.key] && editingRef.current?.arrowsMove && !(e.shiftKey || e.ctrlKey || e.metaKey || e.altKey || e.nativeEvent.isComposing)) commit(text, ARROWS[e.key]!, false, true);
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  /**
   * What the cells' handlers do, as of the last render: a row not drawn again (GridRow) keeps the handlers it
   * was drawn with, which call these.
   */
  const cellEvents = {
    mouseDown: (e: MouseEvent, row: number, column: number) => {
      if (editing !== null && editing.row === row && editing.col === column) return;
      e.preventDefault();
      if (e.shiftKey && active) extendTo({ row, column });
      else props.onActivate({ row, column });
      // Selected already (nothing changes for the effect that keeps the selection in view): brought into view here.
      const isActive = active !== null && active.row === row && active.column === column;
      if (isActive && !range && scroller.current) keepInView(scroller.current, { row, column });
      pointing.current = true;
      table.current?.focus({ preventScroll: true });
      pointing.current = false;
    },
    doubleClick: (row: number, column: number) => {
      if (active !== null && active.row === row && active.column === column) startEdit(null);
    },
    typed: (text: string) => editing && setEditing({ ...editing, text }),
    editorKey: onEditorKey,
    commit,
    cancel,
    startEdit,
  };
  const events = useRef(cellEvents);
  useLayoutEffect(() => {
    events.current = cellEvents;
  });

  // Only a drawn cell can be named: a scrolled-out active row would be an id that does not exist.
  // A merge is drawn while any of its rows and columns is in the window.
  const activeRow = active ? (indexOfRow.get(active.row) ?? -1) : -1;
  const activeColumn = active ? (indexOfColumn.get(active.column) ?? -1) : -1;
  const activeMerge = active ? view.cell(active.row, active.column).merge : undefined;
  const overlaps = (i: number, n: number, [from, to]: [number, number]) => i + n > from && i < to;
  const activeDrawn =
    activeRow >= 0 &&
    activeColumn >= 0 &&
    (overlaps(activeRow, activeMerge?.rowSpan ?? 1, [0, frozenRows]) || overlaps(activeRow, activeMerge?.rowSpan ?? 1, [first, last])) &&
    (overlaps(activeColumn, activeMerge?.span ?? 1, [0, frozenColumns]) || overlaps(activeColumn, activeMerge?.span ?? 1, [firstColumn, lastColumn]));
  const activeId = active && activeDrawn ? cellId(view.name, active.row, active.column) : undefined;

  /**
   * How far (px) the text of a cell runs on to its right, as in Excel: over the empty cells after it, up to the
   * first one holding something (or being typed in), a merge or the frozen panes' edge (what scrolls under it is
   * another pane); past the view's width it shows nothing more. Only text laid out from the left, on one line.
   */
  const runOnPx = (row: number, ci: number, cell: CellView): number => {
    const align = cell.style?.align;
    if (cell.style?.wrap || cell.numeric || (align !== undefined && align !== 'left') || (cell.text === '' && !cell.uncalculated)) return 0;
    const end = ci < frozenColumns ? frozenColumns : view.columns.length;
    let px = 0;
    for (let j = ci + 1; j < end && px < clientWidth; j++) {
      const next = view.columns[j]!;
      const neighbour = view.cell(row, next.index);
      const typedIn = props.pending?.has(`${row}:${next.index}`) || (editing !== null && editing.row === row && editing.col === next.index);
      if (neighbour.text !== '' || neighbour.uncalculated || neighbour.merge || typedIn) break;
      px += next.widthPx;
    }
    return px;
  };

  const renderCell = (drawnRow: number, rowIndex: number, ci: number) => {
    const here = view.cell(drawnRow, view.columns[ci]!.index);
    let colSpan: number | undefined;
    let rowSpan: number | undefined;
    // The cell this td stands for: itself, or the merge's first cell.
    let row = drawnRow;
    let cell = here;
    let c = view.columns[ci]!;
    /** A merge drawn in pieces (its columns across the frozen panes' edge, or partly out of the window): where its text is laid out. */
    let laidOver: { width: number; from: number } | undefined;
    if (here.merge) {
      const m = here.merge;
      // Drawn once in each drawn stretch it crosses (frozen panes, window), by its first cell there (its top row
      // or left column may be scrolled out, or frozen).
      const [rowFrom, rowTo] = rowStretch(rowIndex);
      const [columnFrom, columnTo] = columnStretch(ci);
      const topIndex = Math.max(indexOfRow.get(m.top) ?? rowIndex, rowFrom);
      const leftIndex = Math.max(indexOfColumn.get(m.left) ?? ci, columnFrom);
      if (rowIndex !== topIndex || ci !== leftIndex) return null;
      const columns = Math.min((indexOfColumn.get(m.left) ?? ci) + m.span, columnTo) - ci;
      colSpan = columns > 1 ? columns : undefined;
      // As Excel draws it: one cell whose text is laid out over the whole merge, each piece showing its part of it.
      const mergeLeft = indexOfColumn.get(m.left) ?? ci;
      const whole = lefts[Math.min(mergeLeft + m.span, view.columns.length)]! - lefts[mergeLeft]!;
      if (lefts[ci + columns]! - lefts[ci]! < whole) laidOver = { width: whole, from: lefts[ci]! - lefts[mergeLeft]! };
      const rows = Math.min((indexOfRow.get(m.top) ?? rowIndex) + m.rowSpan, rowTo) - rowIndex;
      rowSpan = rows > 1 ? rows : undefined;
      // What it shows, where clicks and edits go, is the merge's first cell, drawn or not (as Excel shows a merge whole).
      if (m.top !== drawnRow || m.left !== c.index) {
        row = m.top;
        c = view.columns[indexOfColumn.get(m.left) ?? ci]!;
        cell = view.cell(row, c.index);
      }
    }
    const column = c.index;
    const isActive = active !== null && active.row === row && active.column === column;
    const wrap = cell.style?.wrap === true;
    const runOn = cell.merge ? 0 : runOnPx(row, ci, cell);
    const spill = runOn > 0;
    const sticky = stick(rowIndex, ci, spill);
    const isEditing = editing !== null && editing.row === row && editing.col === c.index;
    const addr = `${c.letter}${row}`;
    const fixed = readOnly(cell);
    const readOnlyText = fixed ? messages.readOnly(cell) : undefined;
    const shownText = cell.uncalculated ? messages.uncalculated.mark : cell.text;
    const typedText = props.pending?.get(cell.source ? `${cell.source.row}:${cell.source.column}` : `${row}:${c.index}`) ?? shownText;
    // A number never runs on nor shows in part: too wide for its cell, it is ###, as in Excel.
    const content = cell.numeric && !cell.merge ? numberShown(typedText, cell, c.widthPx - 2 * CELL_PADDING_X - CELL_BORDER, view.font) : typedText;
    const tooltip = [cell.uncalculated ? messages.uncalculated.tooltip : undefined, readOnlyText].filter(Boolean).join(' ') || undefined;
    // The rows it is drawn over, less its bottom border.
    const rowsHigh = Math.max(0, tops[rowIndex + (rowSpan ?? 1)]! - tops[rowIndex]! - 1);
    const vertical = cell.style?.vertical;
    return (
      <td
        key={c.index}
        id={cellId(view.name, row, c.index)}
        role="gridcell"
        aria-colindex={ci + 2}
        colSpan={colSpan}
        rowSpan={rowSpan}
        className={mergeClasses(
          s.cell,
          sticky && s.frozen,
          rowIndex + (rowSpan ?? 1) === frozenRows && s.frozenBottom,
          ci + (colSpan ?? 1) === frozenColumns && s.frozenRight,
          wrap && s.wrap,
          spill && s.spill,
          cell.owned && s.owned,
          cell.locked && s.locked,
          cell.uncalculated && s.uncalculated,
          inRange(row, c.index) && s.inRange,
          isActive && s.selected,
        )}
        style={{ ...cellStyle(cell, rowSpan ? undefined : view.heights[rowIndex]), ...sticky }}
        data-address={addr}
        data-selected={isActive ? 'true' : undefined}
        data-in-range={inRange(row, c.index) ? 'true' : undefined}
        data-owned={cell.owned}
        data-locked={cell.locked ? 'true' : undefined}
        data-uncalculated={cell.uncalculated ? 'true' : undefined}
        aria-readonly={fixed ? true : undefined}
        aria-selected={isActive || inRange(row, c.index)}
        title={tooltip ?? (cell.text.length > 12 && !wrap ? cell.text : undefined)}
        onMouseDown={(e) => events.current.mouseDown(e, row, column)}
        onDoubleClick={() => events.current.doubleClick(row, column)}
      >
        {isEditing && editing.list ? (
          <select
            className={s.editor}
            autoFocus
            data-tabster={EDITOR_KEYS}
            aria-label={messages.dropdown(addr)}
            defaultValue={editing.text}
            onChange={(e) => events.current.commit(e.currentTarget.value, null)}
            onKeyDown={(e) => events.current.editorKey(e)}
            onBlur={() => events.current.cancel()}
          >
            {!cell.list!.includes(editing.text) && <option value={editing.text}>{editing.text}</option>}
            {cell.list!.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        ) : isEditing ? (
          // A textarea, not an input: an input takes a text's line breaks out (a note on several lines).
          <textarea
            className={mergeClasses(s.editor, s.textEditor)}
            autoFocus
            rows={1}
            ref={caretAtEnd}
            data-tabster={EDITOR_KEYS}
            aria-label={messages.editor(addr)}
            value={editing.text}
            onChange={(e) => events.current.typed(e.currentTarget.value)}
            onKeyDown={(e) => events.current.editorKey(e)}
            onBlur={(e) => events.current.commit(e.currentTarget.value, null)}
          />
        ) : content !== '' ? (
          <div
            className={mergeClasses(s.clip, s.clipLines, vertical === 'top' && s.clipTop, vertical === 'middle' && s.clipMiddle, spill && s.runOn)}
            style={{
              maxHeight: rowsHigh,
              ...(laidOver ? { width: laidOver.width - 2 * CELL_PADDING_X - CELL_BORDER, marginLeft: -laidOver.from, boxSizing: 'border-box' } : {}),
              ...(spill ? { width: c.widthPx + runOn - 2 * CELL_PADDING_X - CELL_BORDER } : {}),
            }}
          >
            {spill ? <span>{content}</span> : wrap ? content : <div className={s.line}>{content}</div>}
          </div>
        ) : null}
        {isActive && !isEditing && cell.list && !fixed && (
          <button
            type="button"
            className={s.dropButton}
            tabIndex={-1}
            aria-label={messages.dropdown(addr)}
            onMouseDown={(e) => {
              e.preventDefault();
              e.stopPropagation();
              events.current.startEdit(null, true);
            }}
          >
            ▼
          </button>
        )}
      </td>
    );
  };

  const columnHead = (ci: number) => {
    const c = view.columns[ci]!;
    const frozen = ci < frozenColumns;
    return (
      <th
        key={c.index}
        className={mergeClasses(s.head, frozen && s.corner, active?.column === c.index && s.selectedHead)}
        style={frozen ? { left: ROW_HEADER_WIDTH + lefts[ci]! } : undefined}
        scope="col"
        aria-colindex={ci + 2}
      >
        {c.letter}
      </th>
    );
  };

  const renderRow = (row: number, rowIndex: number) => {
    const sticky = stick(rowIndex, null);
    return (
      <tr key={row} aria-rowindex={rowIndex + 2} style={{ height: view.heights[rowIndex] }}>
        <th
          className={mergeClasses(s.rowHead, active?.row === row && s.selectedHead, rowIndex + 1 === frozenRows && s.frozenBottom)}
          style={sticky && { top: sticky.top, zIndex: 6 }}
          scope="row"
          aria-colindex={1}
        >
          <div className={s.clip} style={{ maxHeight: Math.max(0, view.heights[rowIndex]! - 1) }}>
            {row}
          </div>
        </th>
        {drawnColumns.slice(0, frozenColumns).map((ci) => renderCell(row, rowIndex, ci))}
        {leftPad > 0 && <td aria-hidden="true" />}
        {drawnColumns.slice(frozenColumns).map((ci) => renderCell(row, rowIndex, ci))}
        {rightPad > 0 && <td aria-hidden="true" />}
      </tr>
    );
  };

  // What a row's drawing reads besides its cells, for GridRow to tell whether it changed.
  const drawnIndices = drawnColumns.map((ci) => view.columns[ci]!.index);
  const pendingByRow = new Map<number, string>();
  for (const [key, text] of props.pending ?? []) {
    const row = Number(key.slice(0, key.indexOf(':')));
    pendingByRow.set(row, `${pendingByRow.get(row) ?? ''}${key}\u0000${text}\u0000`);
  }
  const rangeRows = boxOf ? new Set(boxOf.rows) : null;
  const rangeColumns = boxOf ? boxOf.columns.join() : '';
  const shared = [view.name, view.font.family, view.font.sizePt, columnsKey, frozenRows, frozenColumns, firstColumn, lastColumn, leftPad > 0, rightPad > 0, clientWidth, messages, s];
  const drawRow = (row: number, rowIndex: number) => {
    // A merge draws cells of other rows, and where it is drawn follows the window: its rows are drawn every time.
    const merged = drawnIndices.some((c) => view.cell(row, c).merge);
    const state = [
      ...shared,
      rowIndex,
      view.heights[rowIndex],
      tops[rowIndex],
      active?.row === row ? active.column : active ? -1 : null,
      editing?.row === row ? editing : null,
      pendingByRow.get(row),
      rangeRows?.has(row) ? rangeColumns : null,
      merged ? {} : null,
    ];
    return <GridRow key={row} view={view} row={row} columns={drawnIndices} state={state} draw={() => renderRow(row, rowIndex)} />;
  };

  return (
    <div
      ref={scroller}
      className={s.scroller}
      onScroll={(e) => {
        setScrollTop(e.currentTarget.scrollTop);
        setScrollLeft(e.currentTarget.scrollLeft);
        if (placed.current !== null) places.current.set(placed.current, { top: e.currentTarget.scrollTop, left: e.currentTarget.scrollLeft });
      }}
    >
      <table
        ref={table}
        className={s.table}
        style={{ width, marginRight: roomRight, marginBottom: roomBelow, fontFamily: view.font.family, fontSize: `${fontPx(view.font.sizePt)}px` }}
        role="grid"
        aria-label={props.label}
        aria-rowcount={view.rows.length + 1}
        aria-colcount={view.columns.length + 1}
        aria-describedby={props.describedBy}
        aria-activedescendant={editing ? undefined : activeId}
        data-sheet={view.name}
        tabIndex={0}
        // An editing host only so that text typed without keys reaches it (see textInput).
        contentEditable
        suppressContentEditableWarning
        spellCheck={false}
        aria-multiselectable={true}
        onKeyDown={onGridKey}
        onPaste={onPaste}
        onCopy={onCopy}
        onCut={onCut}
        onFocus={() => {
          // Reached with the keyboard: the first cell becomes active (a click activates its own cell).
          if (!active && !pointing.current && view.rows.length && view.columns.length) props.onActivate({ row: view.rows[0]!, column: view.columns[0]!.index });
        }}
      >
        <colgroup>
          <col style={{ width: ROW_HEADER_WIDTH }} />
          {drawnColumns.slice(0, frozenColumns).map((ci) => (
            <col key={view.columns[ci]!.index} style={{ width: view.columns[ci]!.widthPx }} />
          ))}
          {leftPad > 0 && <col style={{ width: leftPad }} />}
          {drawnColumns.slice(frozenColumns).map((ci) => (
            <col key={view.columns[ci]!.index} style={{ width: view.columns[ci]!.widthPx }} />
          ))}
          {rightPad > 0 && <col style={{ width: rightPad }} />}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            <th className={mergeClasses(s.head, s.corner)} scope="col" aria-colindex={1} />
            {drawnColumns.slice(0, frozenColumns).map(columnHead)}
            {leftPad > 0 && <td aria-hidden="true" className={s.head} />}
            {drawnColumns.slice(frozenColumns).map(columnHead)}
            {rightPad > 0 && <td aria-hidden="true" className={s.head} />}
          </tr>
        </thead>
        <tbody>
          {view.rows.slice(0, frozenRows).map((row, i) => drawRow(row, i))}
          {first > frozenRows && (
            <tr aria-hidden="true" style={{ height: tops[first]! - tops[frozenRows]! }}>
              <td colSpan={span} />
            </tr>
          )}
          {view.rows.slice(first, last).map((row, i) => drawRow(row, first + i))}
          {last < view.rows.length && (
            <tr aria-hidden="true" style={{ height: tops[view.rows.length]! - tops[last]! }}>
              <td colSpan={span} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
