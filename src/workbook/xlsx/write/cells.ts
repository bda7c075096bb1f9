/**
 * The plan's cells and style runs laid out by row, and one cell's XML. Shared by the new-sheet
 * renderer and the patcher of existing sheets.
 */
import { cellAddress, columnLetter, parseCell, parseRange } from '../../a1';
import { DEFAULT_DATE_FORMAT, dateToSerial, isFormula } from '../../plan';
import type { CellInput, CellStyle, CellValue, FormulaInput, SheetPlan, WorkbookWarning } from '../../port';
import type { StylesEditor } from './styles';
import { escapeText, ooxmlEscape } from './xmlText';

/** Excel's limit on the characters of one cell. */
export const MAX_CELL_CHARS = 32_767;

/**
 * A formula fill's cells, laid out once for the fill: each row's cell is made only when it is
 * written (plannedCellXml), so thousands of rows hold one shared slot, not an object each that
 * would live (and be copied by the garbage collector) until the sheet is written.
 */
export interface FillSlot {
  readonly fillSlot: true;
  formula: string;
  si: number;
  /** The fill's range (on its first cell) and first row. */
  ref: string;
  top: number;
  results: readonly CellValue[] | undefined;
  /** The `<f>` of every cell but the first, made once. */
  cloneXml: string | undefined;
  /**
   * The copies' XML around the row number and the result, made once per style: neighbouring
   * rows mostly have the same run key and base, so only the first of a run asks cellStyleId.
   */
  copy: CopyPieces | undefined;
}

interface CopyPieces {
  runKey: string | undefined;
  base: number;
  sAttr: string;
  /** `<c r="S` (the fill's column). */
  open: string;
  /** After the row number, by result kind: none, number, text, boolean, error (`<v>` open), non-finite. */
  none: string;
  number: string;
  text: string;
  boolean: string;
  error: string;
  nan: string;
  /** The last text result and its escaped XML (a column's results repeat: statuses, positions). */
  lastText: string | undefined;
  lastXml: string;
}

function isFillSlot(v: CellInput | FillSlot | undefined): v is FillSlot {
  return typeof v === 'object' && v !== null && (v as FillSlot).fillSlot === true;
}

/**
 * A row of the plan: values by column (undefined = not written) and style-run keys by column,
 * stored from the row's first planned column (evaluate plans columns 25–28 of thousands of
 * rows: 4 slots each, not 29).
 */
export class PlannedRow {
  /** Column of slot 0 (0 while the row is empty). Read (with the slots) by a new sheet's rows, written here only. */
  base = 0;
  readonly values: (CellInput | FillSlot | undefined)[] = [];
  readonly runs: (string | undefined)[] = [];
  height?: number;
  /** The height is what the texts need (RowHeight.fit): written without customHeight. */
  fit?: boolean;

  value(c: number): CellInput | FillSlot | undefined {
    const i = c - this.base;
    return i >= 0 ? this.values[i] : undefined;
  }

  run(c: number): string | undefined {
    const i = c - this.base;
    return i >= 0 ? this.runs[i] : undefined;
  }

  setValue(c: number, v: CellInput | FillSlot): void {
    const i = c - this.base;
    // Mostly at or right of the row's start: room() only to place the first or move the start.
    if (this.base !== 0 && i >= 0) this.values[i] = v;
    else this.values[this.room(c)] = v;
  }

  /** Lays a style run over columns left..right: each cell's run key becomes `extend` of it ('' for none). */
  addRun(left: number, right: number, extend: (key: string) => string): void {
    const first = this.room(left);
    const runs = this.runs;
    for (let i = first, last = right - this.base; i <= last; i++) runs[i] = extend(runs[i] ?? '');
  }

  /** Columns present (values or styles), ascending. */
  columns(): number[] {
    const cols: number[] = [];
    const n = Math.max(this.values.length, this.runs.length);
    for (let i = 0; i < n; i++) if (this.values[i] !== undefined || this.runs[i] !== undefined) cols.push(this.base + i);
    return cols;
  }

  /** The slot of column `c`, moving the row's start left when needed. */
  private room(c: number): number {
    if (this.base === 0) this.base = c;
    else if (c < this.base) {
      const gap = new Array<undefined>(this.base - c).fill(undefined);
      this.values.unshift(...gap);
      this.runs.unshift(...gap);
      this.base = c;
    }
    return c - this.base;
  }
}

export interface Layout {
  /** Planned rows by row number: an array, as each is looked up for every fill and run over it (a Map's lookups were most of the layout's time). */
  rows: readonly (PlannedRow | undefined)[];
  /** Row numbers of `rows`, ascending. */
  order: number[];
  /** Merged style of each distinct run key (",0,3" = runs 0 then 3). */
  runStyle(key: string): CellStyle;
  /** cellXfs ids already asked for, by run key, then base (negative: the date-formatted variant). */
  xfCache: Map<string | undefined, Map<number, number>>;
}

/** Planned rows as they are laid out, and their row numbers in the order they came. */
class Rows {
  readonly byNumber: PlannedRow[] = [];
  readonly numbers: number[] = [];

  of(r: number): PlannedRow {
    let row = this.byNumber[r];
    if (!row) {
      row = this.byNumber[r] = new PlannedRow();
      this.numbers.push(r);
    }
    return row;
  }
}

/**
 * A cell of a formula fill, written as an Excel shared formula (ECMA-376 §18.3.1.40): the first
 * cell carries the text and the range (`ref`), the others only the group's `si`.
 */
export interface SharedFormulaCell extends FormulaInput {
  si: number;
  /** The fill's range, on its first cell only. */
  ref?: string;
}

function isShared(v: FormulaInput): v is SharedFormulaCell {
  return (v as SharedFormulaCell).si !== undefined;
}

/**
 * `sharedIds`: the si values the fills take, one per fill of more than one row (ids a sheet
 * being patched already uses must not be among them).
 */
export function layoutPlan(plan: SheetPlan, sharedIds: readonly number[] = []): Layout {
  const rows = new Rows();
  // Indexed loops: this runs cold, once per cell (forEach's callbacks and for-of cost most there).
  for (const block of plan.cells ?? []) {
    const at = parseCell(block.at);
    const blockRows = block.rows;
    for (let i = 0; i < blockRows.length; i++) {
      const values = blockRows[i]!;
      if (!values.length) continue;
      const row = rows.of(at.row + i);
      for (let j = 0; j < values.length; j++) {
        const v = values[j];
        // A hole of a sparse row is not a cell (as forEach skipped it); an undefined is a blank.
        if (v !== undefined || j in values) row.setValue(at.col + j, v ?? null);
      }
    }
  }
  let fillNo = 0;
  for (const fill of plan.fills ?? []) {
    const r = parseRange(fill.range);
    const results = fill.results;
    if (r.top === r.bottom) {
      const result = results?.[0];
      rows.of(r.top).setValue(r.left, result === undefined ? { formula: fill.formula } : { formula: fill.formula, result });
      continue;
    }
    const si = sharedIds[fillNo++];
    if (si === undefined) throw new Error(`no shared formula id for the fill ${fill.range}`);
    // Every field set from the start: slots keep one shape (the writers' compiled code is not thrown away).
    const slot: FillSlot = { fillSlot: true, formula: fill.formula, si, ref: fill.range, top: r.top, results, cloneXml: undefined, copy: undefined };
    const byNumber = rows.byNumber;
    for (let y = r.top; y <= r.bottom; y++) (byNumber[y] ?? rows.of(y)).setValue(r.left, slot);
  }
  const runs = plan.styles ?? [];
  // Keys are interned: each (key, run) pair is concatenated once, not once per cell.
  const next = new Map<string, string[]>();
  runs.forEach((run, k) => {
    const r = parseRange(run.range);
    // Neighbouring cells mostly had the same key: the last one extended is asked first.
    let before: string | undefined;
    let after = '';
    const extend = (key: string): string => {
      if (key === before) return after;
      let byRun = next.get(key);
      if (!byRun) next.set(key, (byRun = []));
      before = key;
      return (after = byRun[k] ??= `${key},${k}`);
    };
    const byNumber = rows.byNumber;
    for (let y = r.top; y <= r.bottom; y++) (byNumber[y] ?? rows.of(y)).addRun(r.left, r.right, extend);
  });
  for (const h of plan.rowHeights ?? []) {
    const row = rows.of(h.index);
    row.height = h.height;
    row.fit = h.fit === true;
  }
  const merged = new Map<string, CellStyle>();
  return {
    rows: rows.byNumber,
    xfCache: new Map(),
    order: rows.numbers.sort((a, b) => a - b),
    runStyle(key: string): CellStyle {
      let s = merged.get(key);
      if (!s) {
        s = {};
        for (const k of key.split(',')) if (k) Object.assign(s, runs[Number(k)]!.style);
        merged.set(key, s);
      }
      return s;
    },
  };
}

/** A new row's ` ht="…"` (with customHeight unless the height only fits its texts), or ''. */
export function rowHeightAttrs(row: PlannedRow): string {
  if (row.height === undefined) return '';
  return row.fit ? ` ht="${row.height}"` : ` ht="${row.height}" customHeight="1"`;
}

/**
 * `<c …>` of the plan's cell at row `r`, column `c` of its planned row, over the format `base`
 * ('' for a blank unstyled cell). A fill's cell is written from its slot, with no object of its own.
 */
export function plannedCellXml(ctx: CellContext, layout: Layout, row: PlannedRow, r: number, c: number, base: number): string {
  return slotCellXml(ctx, layout, row.value(c), row.run(c), r, c, base);
}

/** plannedCellXml of a row's slot already read: its value and run key. */
export function slotCellXml(ctx: CellContext, layout: Layout, v: CellInput | FillSlot | undefined, runKey: string | undefined, r: number, c: number, base: number): string {
  if (!isFillSlot(v)) return cellXml(ctx, ref(r, c), v, cellStyleId(ctx, layout, v, runKey, base));
  if (r !== v.top) return copyCellXml(ctx, layout, v, r, c, runKey, base);
  const s = cellStyleId(ctx, layout, undefined, runKey, base);
  const f = formulaXml({ formula: v.formula, si: v.si, ref: v.ref } as SharedFormulaCell);
  return formulaCell(ctx, ref(r, c), s ? ` s="${s}"` : '', f, v.results?.[0]);
}

/** A copy of a fill's formula (any cell but the first): its pieces joined with the row number and result. */
function copyCellXml(ctx: CellContext, layout: Layout, v: FillSlot, r: number, c: number, runKey: string | undefined, base: number): string {
  let p = v.copy;
  if (!p || p.runKey !== runKey || p.base !== base) p = v.copy = copyPieces(ctx, layout, v, c, runKey, base);
  const result = v.results?.[r - v.top];
  if (result === undefined || result === null) return p.open + r + p.none;
  if (typeof result === 'number') return Number.isFinite(result) ? p.open + r + p.number + numberText(result) + '</v></c>' : p.open + r + p.nan;
  if (typeof result === 'string') {
    if (result !== p.lastText) {
      if (result.length > MAX_CELL_CHARS) return formulaCell(ctx, ref(r, c), p.sAttr, v.cloneXml!, result);
      p.lastXml = escapeText(ooxmlEscape(result));
      p.lastText = result;
    }
    return p.open + r + p.text + p.lastXml + '</v></c>';
  }
  if (typeof result === 'boolean') return p.open + r + p.boolean + (result ? '1' : '0') + '</v></c>';
  return p.open + r + p.error + escapeText(result.error) + '</v></c>';
}

/** A fill's copies' pieces over a style (kept apart: the copies' own code stays small). */
function copyPieces(ctx: CellContext, layout: Layout, v: FillSlot, c: number, runKey: string | undefined, base: number): CopyPieces {
  const s = cellStyleId(ctx, layout, undefined, runKey, base);
  const sAttr = s ? ` s="${s}"` : '';
  const head = `"${sAttr}`;
  const f = (v.cloneXml ??= `<f t="shared" si="${v.si}"/>`);
  return {
    runKey,
    base,
    sAttr,
    open: `<c r="${columnLetterOf(c)}`,
    none: `${head}>${f}</c>`,
    number: `${head}>${f}<v>`,
    text: `${head} t="str">${f}<v>`,
    boolean: `${head} t="b">${f}<v>`,
    error: `${head} t="e">${f}<v>`,
    nan: `${head} t="e">${f}<v>#NUM!</v></c>`,
    lastText: undefined,
    lastXml: '',
  };
}

/** Columns present in a planned row (values or styles), ascending. */
export function plannedColumns(row: PlannedRow): number[] {
  return row.columns();
}

export interface CellContext {
  sheet: string;
  styles: StylesEditor;
  date1904: boolean;
  warnings: WorkbookWarning[];
}

/**
 * The cellXfs index a written cell gets: the runs covering it laid over `base` (its current
 * format), and a date format for a date that would otherwise show as a bare number.
 */
export function cellStyleId(ctx: CellContext, layout: Layout, input: CellInput | undefined, runKey: string | undefined, base: number): number {
  const dated = input instanceof Date && !ctx.styles.hasNumberFormat(base);
  if (runKey === undefined && !dated) return base;
  // Looked up without building a key string: this runs for every written cell.
  let byBase = layout.xfCache.get(runKey);
  if (!byBase) layout.xfCache.set(runKey, (byBase = new Map()));
  const slot = dated ? -1 - base : base;
  const hit = byBase.get(slot);
  if (hit !== undefined) return hit;
  const run = runKey === undefined ? {} : layout.runStyle(runKey);
  const id = ctx.styles.xf(dated && run.numberFormat === undefined ? { ...run, numberFormat: DEFAULT_DATE_FORMAT } : run, base);
  byBase.set(slot, id);
  return id;
}

const LETTERS: string[] = [];

/** "B12", with column letters computed once. */
export function ref(row: number, col: number): string {
  return columnLetterOf(col) + row;
}

function columnLetterOf(col: number): string {
  return (LETTERS[col] ??= columnLetter(col));
}

/** `<c …>` for one cell, or '' for a blank unstyled cell. */
export function cellXml(ctx: CellContext, ref: string, input: CellInput | undefined, s: number): string {
  const sAttr = s ? ` s="${s}"` : '';
  if (input === undefined || input === null || input === '') return s ? `<c r="${ref}"${sAttr}/>` : '';
  if (typeof input === 'string') return `<c r="${ref}"${sAttr} t="inlineStr"><is>${textElement(ctx, ref, input)}</is></c>`;
  if (typeof input === 'number') return numberCell(ctx, ref, sAttr, input);
  if (typeof input === 'boolean') return `<c r="${ref}"${sAttr} t="b"><v>${input ? 1 : 0}</v></c>`;
  if (input instanceof Date) {
    const serial = dateToSerial(input, ctx.date1904);
    return numberCell(ctx, ref, sAttr, serial);
  }
  if (isFormula(input)) {
    return formulaCell(ctx, ref, sAttr, formulaXml(input), input.result);
  }
  return s ? `<c r="${ref}"${sAttr}/>` : '';
}

/** `<f>` of a plain or shared formula. */
function formulaXml(input: FormulaInput): string {
  if (!isShared(input)) return `<f>${escapeText(input.formula.replace(/^=/, ''))}</f>`;
  if (input.ref === undefined) return `<f t="shared" si="${input.si}"/>`;
  return `<f t="shared" ref="${input.ref}" si="${input.si}">${escapeText(input.formula.replace(/^=/, ''))}</f>`;
}

/** How many shared-formula ids the plan's fills take. */
export function sharedIdsNeeded(plan: SheetPlan): number {
  let n = 0;
  for (const fill of plan.fills ?? []) {
    const r = parseRange(fill.range);
    if (r.bottom > r.top) n++;
  }
  return n;
}

/**
 * `count` si values a sheet's XML does not use yet, lowest first: a user's shared formulas keep
 * theirs (ECMA-376: si identifies the group within the sheet).
 */
export function freeSharedIds(existingXml: string | null, count: number): number[] {
  const used = new Set<number>();
  if (existingXml !== null && count > 0) {
    // Only <f> elements carry si: look for the attribute, then check it sits in an f tag.
    for (let at = existingXml.indexOf('si='); at >= 0; at = existingXml.indexOf('si=', at + 3)) {
      const quote = existingXml[at + 3];
      if (!/\s/.test(existingXml[at - 1] ?? '') || (quote !== '"' && quote !== "'")) continue;
      const open = existingXml.lastIndexOf('<', at);
      if (!/^<(?:\w+:)?f\s/.test(existingXml.slice(open, open + 12))) continue;
      const n = Number(existingXml.slice(at + 4, existingXml.indexOf(quote, at + 4)).trim());
      if (Number.isInteger(n)) used.add(n);
    }
  }
  const out: number[] = [];
  for (let n = 0; out.length < count; n++) if (!used.has(n)) out.push(n);
  return out;
}

function numberCell(ctx: CellContext, ref: string, sAttr: string, n: number): string {
  if (!Number.isFinite(n)) {
    // prepareBatch blanks these already; a file never gets NaN.
    ctx.warnings.push({ code: 'notANumber', sheet: ctx.sheet, detail: ref });
    return sAttr ? `<c r="${ref}"${sAttr}/>` : '';
  }
  return `<c r="${ref}"${sAttr}><v>${numberText(n)}</v></c>`;
}

/** Shortest round-trip text; -0 as 0 (xsd:double accepts JavaScript's 1e+21 and 5e-7). */
export function numberText(n: number): string {
  return Object.is(n, -0) ? '0' : String(n);
}

/**
 * A formula with its cached result when the plan knows it, as Excel caches it (a wrong cache
 * would stay in LibreOffice). An unknown result is left out (ECMA-376: `<v>` is optional):
 * LibreOffice calculates such a cell on loading, Excel on opening (fullCalcOnLoad, set when
 * cells change); readers take it for not calculated, which the engine never reads in our cells.
 */
function formulaCell(ctx: CellContext, ref: string, sAttr: string, f: string, result: CellValue | undefined): string {
  if (result === undefined || result === null) return `<c r="${ref}"${sAttr}>${f}</c>`;
  // An empty text result is cached as Excel writes it: a reader then knows it is calculated.
  if (result === '') return `<c r="${ref}"${sAttr} t="str">${f}<v></v></c>`;
  if (typeof result === 'number') {
    if (!Number.isFinite(result)) return `<c r="${ref}"${sAttr} t="e">${f}<v>#NUM!</v></c>`;
    return `<c r="${ref}"${sAttr}>${f}<v>${numberText(result)}</v></c>`;
  }
  if (typeof result === 'boolean') return `<c r="${ref}"${sAttr} t="b">${f}<v>${result ? 1 : 0}</v></c>`;
  if (typeof result === 'string') return `<c r="${ref}"${sAttr} t="str">${f}<v>${escapeText(ooxmlEscape(clip(ctx, ref, result)))}</v></c>`;
  return `<c r="${ref}"${sAttr} t="e">${f}<v>${escapeText(result.error)}</v></c>`;
}

/** `<t>` with the text escaped; spaces kept where XML would fold them. */
function textElement(ctx: CellContext, ref: string, text: string): string {
  const body = escapeText(ooxmlEscape(clip(ctx, ref, text)));
  return /^\s|\s$|[\t\n]| {2}/.test(body) ? `<t xml:space="preserve">${body}</t>` : `<t>${body}</t>`;
}

/** Excel refuses cells over 32,767 characters: cut (never inside a surrogate pair) and say so. */
function clip(ctx: CellContext, ref: string, text: string): string {
  if (text.length <= MAX_CELL_CHARS) return text;
  ctx.warnings.push({ code: 'cellTooLong', sheet: ctx.sheet, detail: ref });
  let end = MAX_CELL_CHARS;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return text.slice(0, end);
}

export { cellAddress };
