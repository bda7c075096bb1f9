/**
 * Rows of a large table drawn while its data still arrives, before the sheet's plan exists (the
 * consolidation's units, one per workbook read): each cell's XML, all but its address and style
 * id, is made at once and kept by row key and slot. When the sheet is written the table is
 * placed — which rows in which order from which row, which slot fills each column, the style
 * of a cell a row leaves out — and joined into the XML renderSheet writes for the same cells
 * and styles, byte for byte, the styles numbered in the same order (first use, row by row).
 * Rows may come in any order, be left out, and the columns may grow until then. The plan's own
 * cells in the placed rows (a formula filled down a column of the table, known only once every
 * row is: a shared formula needs its last row) are written in their rows, over the style the
 * table gives their column, as one plan holding both would write them.
 */
import { dateToSerial, isFormula } from '../../plan';
import type { CellInput, CellStyle, WorkbookWarningCode } from '../../port';
import { cellXml, ref, rowHeightAttrs, type CellContext, type PlannedRow } from './cells';
import type { StylesEditor } from './styles';

export interface DrawnTable {
  /** The sheet as the plan names it (before a user's sheet of that name moves ours aside). */
  sheet: string;
  firstRow: number;
  /** Row keys in sheet order, from firstRow down. */
  keys: readonly number[];
  /** The slot of each column, from column A (-1: none). */
  columns: readonly number[];
  /** The style of each column's cells that a row does not draw. */
  blank: readonly (CellStyle | undefined)[];
  /** Each placed row's fitted height (RowHeight.fit: no customHeight), by its index in `keys`. */
  heights?: readonly (number | undefined)[];
}

/** The placed rows' XML, one piece per row, and the cells they fill (top 0: none). */
export interface DrawnXml {
  pieces: string[];
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** The plan's cells in the placed rows: its row at `r`, and a cell's XML over the format `base`. */
export interface PlannedCells {
  row(r: number): PlannedRow | undefined;
  cell(row: PlannedRow, r: number, c: number, base: number): string;
}

interface DrawnRow {
  /** Cell XML after `<c r="…"` and its style attribute, by slot; '' for a blank cell. */
  xml: string[];
  /** Style token by slot (-1: unstyled). */
  style: number[];
  /** What could not be written as drawn, by slot: reported with the cell's address once placed. */
  warnings?: Map<number, WorkbookWarningCode>;
}

/** What `<c r=""` is before the rest of a cell's XML. */
const OPEN = '<c r=""'.length;
/** Texts up to this long are drawn once and shared (statuses, unit types, rule-set names). */
const SHARED_TEXT = 64;

export class DrawnRows {
  private readonly rows = new Map<number, DrawnRow>();
  private readonly tokens = new Map<string, number>();
  private readonly byObject = new Map<CellStyle, number>();
  private readonly styles: CellStyle[] = [];
  private readonly shared = new Map<string, string>();
  private readonly scratch: CellContext;
  private table: DrawnTable | null = null;

  constructor(private readonly date1904: boolean) {
    // Styles are numbered when placed; cellXml is asked for unstyled XML only.
    this.scratch = { sheet: '', styles: null as unknown as StylesEditor, date1904, warnings: [] };
  }

  /** Cell `slot` of row `key`, drawn now (drawn again, it replaces the first). */
  draw(key: number, slot: number, value: CellInput, style: CellStyle | undefined): void {
    let row = this.rows.get(key);
    if (!row) this.rows.set(key, (row = { xml: [], style: [] }));
    const input = this.normalise(value, row, slot);
    row.xml[slot] = this.cellRest(input, row, slot);
    row.style[slot] = style ? this.token(style) : -1;
  }

  place(table: DrawnTable): void {
    this.table = table;
  }

  get placed(): boolean {
    return this.table !== null;
  }

  /** Where the placed rows start. */
  get firstRow(): number {
    return this.table?.firstRow ?? 0;
  }

  /** Where they end (firstRow - 1 for none). */
  get lastRow(): number {
    return this.table ? this.table.firstRow + this.table.keys.length - 1 : -1;
  }

  /** These rows, when placed on the sheet a plan names `sheet`. */
  placedOn(key: (name: string) => string, sheet: string): this | null {
    return this.table && key(this.table.sheet) === key(sheet) ? this : null;
  }

  /** The placed rows joined, their styles numbered in `ctx.styles` as they come; `planned`: the plan's cells among them. */
  render(ctx: CellContext, planned?: PlannedCells): DrawnXml {
    const t = this.table;
    if (!t) throw new Error('DrawnRows.render before place');
    const ids: number[] = [];
    const id = (token: number) => (token < 0 ? 0 : (ids[token] ??= ctx.styles.xf(this.styles[token]!, 0)));
    const blank = t.blank.map((s) => (s ? this.token(s) : -1));
    const pieces: string[] = [];
    let top = 0;
    let bottom = 0;
    let left = Infinity;
    let right = 0;
    t.keys.forEach((key, i) => {
      const r = t.firstRow + i;
      const row = this.rows.get(key);
      const plan = planned?.row(r);
      const height = t.heights?.[i];
      const ht = height !== undefined ? ` ht="${height}"` : plan ? rowHeightAttrs(plan) : '';
      const parts: string[] = [`<row r="${r}"${ht}>`];
      const width = plan ? Math.max(t.columns.length, plan.base + Math.max(plan.values.length, plan.runs.length) - 1) : t.columns.length;
      for (let c = 1; c <= width; c++) {
        const slot = c <= t.columns.length ? t.columns[c - 1]! : -1;
        const drawn = row !== undefined && slot >= 0 && row.xml[slot] !== undefined;
        const s = id(drawn ? row.style[slot]! : (blank[c - 1] ?? -1));
        // The plan's cell wins over a drawn one: the plan is written last.
        const cell = plan && (plan.value(c) !== undefined || plan.run(c) !== undefined) ? planned!.cell(plan, r, c, s) : null;
        const rest = cell === null && drawn ? row.xml[slot]! : '';
        if (cell === '' || (cell === null && !rest && !s)) continue;
        parts.push(cell ?? `<c r="${ref(r, c)}"${s ? ` s="${s}"` : ''}${rest || '/>'}`);
        if (c < left) left = c;
        if (c > right) right = c;
        const warning = cell === null && drawn ? row.warnings?.get(slot) : undefined;
        if (warning) ctx.warnings.push({ code: warning, sheet: ctx.sheet, detail: ref(r, c) });
      }
      if (parts.length > 1) {
        parts.push('</row>');
        pieces.push(parts.join(''));
        top ||= r;
        bottom = r;
      } else if (plan?.height !== undefined) pieces.push(`<row r="${r}"${ht}/>`);
    });
    return { pieces, top, bottom, left, right };
  }

  /** As plan.ts's prepareBatch leaves a cell: dates as serials, no non-finite number. */
  private normalise(value: CellInput, row: DrawnRow, slot: number): CellInput {
    if (value instanceof Date) return dateToSerial(value, this.date1904);
    if (typeof value === 'number' && !Number.isFinite(value)) {
      (row.warnings ??= new Map()).set(slot, 'notANumber');
      return null;
    }
    if (isFormula(value) && typeof value.result === 'number' && !Number.isFinite(value.result)) return { formula: value.formula };
    return value;
  }

  private cellRest(input: CellInput, row: DrawnRow, slot: number): string {
    if (input === null || input === '') return '';
    const share = typeof input === 'string' && input.length <= SHARED_TEXT;
    const hit = share ? this.shared.get(input) : undefined;
    if (hit !== undefined) return hit;
    const warnings = this.scratch.warnings;
    warnings.length = 0;
    const rest = cellXml(this.scratch, '', input, 0).slice(OPEN);
    for (const w of warnings) (row.warnings ??= new Map()).set(slot, w.code);
    if (share) this.shared.set(input, rest);
    return rest;
  }

  private token(style: CellStyle): number {
    // By identity first: callers pass the same few style objects for every row.
    let t = this.byObject.get(style);
    if (t !== undefined) return t;
    const k = JSON.stringify(style);
    t = this.tokens.get(k);
    if (t === undefined) {
      t = this.styles.push(style) - 1;
      this.tokens.set(k, t);
    }
    this.byObject.set(style, t);
    return t;
  }
}

