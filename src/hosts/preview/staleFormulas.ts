/**
 * Which formula cells the preview cannot show a value for: their cached value predates a
 * change to a cell they refer to. The preview has no formula engine (Excel recalculates on
 * opening, evaluate rewrites the add-in's figures); it only remembers, per batch, which cells
 * were written, and reads a formula's direct references (A1 cells, ranges, whole columns).
 */
import { sheetKey } from '../../workbook/plan';
import { columnNumber, parseCell, parseRange, rangesOverlap, type RangeRef } from '../../workbook/a1';
import type { SheetPlan } from '../../workbook/port';

type Box = RangeRef;

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;
const WHOLE_SHEET: Box = { top: 1, left: 1, bottom: MAX_ROW, right: MAX_COL };

/** A formula's direct reference: the sheet ('' for the formula's own) and the cells. */
export interface Reference {
  sheet: string;
  box: Box;
}

// A sheet prefix ('Tên trang'! or Name!), then a cell or range, or a whole-column range; never a
// function name (followed by "(") nor part of a longer name.
const REFERENCE =
  /(?:'((?:[^']|'')+)'!|([A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*)!)?(?<![\w.$\u00C0-\uFFFF])(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3})(?![\w(\u00C0-\uFFFF])/g;

/** The direct references of a formula (with or without its "="); text in quotes is skipped. */
export function formulaReferences(formula: string): Reference[] {
  const bare = formula.replace(/"(?:[^"]|"")*"/g, '""');
  const out: Reference[] = [];
  for (const m of bare.matchAll(REFERENCE)) {
    const sheet = m[1]?.replace(/''/g, "'") ?? m[2] ?? '';
    const ref = m[3]!;
    try {
      if (/^\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}$/.test(ref)) {
        const [a, b] = ref.replace(/\$/g, '').split(':') as [string, string];
        const [left, right] = [columnNumber(a), columnNumber(b)].sort((x, y) => x - y) as [number, number];
        out.push({ sheet, box: { top: 1, bottom: MAX_ROW, left, right } });
        continue;
      }
      out.push({ sheet, box: parseRange(ref) });
    } catch {
      // Not an address after all (e.g. a name that looks like one): not a reference.
    }
  }
  return out;
}

/** What one workbook's batches wrote, in order: the preview asks it which formulas are stale. */
export class FormulaFreshness {
  private tick = 0;
  /** Per sheet: the boxes whose values were written, with the batch that wrote them. */
  private readonly written = new Map<string, { box: Box; tick: number }[]>();
  /** Per sheet, "row:col" → the batch that last wrote the formula there. */
  private readonly formulas = new Map<string, Map<string, number>>();
  private readonly references = new Map<string, Reference[]>();

  /** One batch's plans, as they were written. */
  record(plans: readonly SheetPlan[]): void {
    if (plans.length === 0) return;
    const tick = ++this.tick;
    for (const plan of plans) {
      const key = sheetKey(plan.sheet);
      const boxes = this.written.get(key) ?? [];
      this.written.set(key, boxes);
      const formulas = this.formulas.get(key) ?? new Map<string, number>();
      this.formulas.set(key, formulas);
      // A sheet drawn anew changes everything on it; what its own formulas read is written with them.
      if (plan.mode === 'replace') {
        boxes.push({ box: WHOLE_SHEET, tick });
        formulas.clear();
      }
      for (const range of plan.clear ?? []) {
        try {
          boxes.push({ box: parseRange(range), tick });
        } catch {
          boxes.push({ box: WHOLE_SHEET, tick });
        }
      }
      for (const block of plan.cells ?? []) {
        const at = parseCell(block.at);
        const width = block.rows.reduce((n, r) => Math.max(n, r.length), 0);
        if (width === 0) continue;
        boxes.push({ box: { top: at.row, left: at.col, bottom: at.row + block.rows.length - 1, right: at.col + width - 1 }, tick });
        block.rows.forEach((cells, i) =>
          cells.forEach((v, j) => {
            if (v !== null && typeof v === 'object' && 'formula' in v) formulas.set(`${at.row + i}:${at.col + j}`, tick);
          }),
        );
      }
      for (const fill of plan.fills ?? []) {
        const box = parseRange(fill.range);
        boxes.push({ box, tick });
        for (let r = box.top; r <= box.bottom; r++) formulas.set(`${r}:${box.left}`, tick);
      }
    }
  }

  /**
   * Whether the formula in `sheet` at (row, col) refers to a cell written after the formula's
   * own value was (a formula read from the file counts as written before every batch).
   */
  stale(sheet: string, row: number, col: number, formula: string): boolean {
    if (this.tick === 0) return false;
    const key = sheetKey(sheet);
    const own = this.formulas.get(key)?.get(`${row}:${col}`) ?? 0;
    let refs = this.references.get(formula);
    if (!refs) {
      refs = formulaReferences(formula);
      this.references.set(formula, refs);
    }
    for (const ref of refs) {
      const boxes = this.written.get(ref.sheet ? sheetKey(ref.sheet) : key);
      if (!boxes) continue;
      for (let i = boxes.length - 1; i >= 0 && boxes[i]!.tick > own; i--) {
        if (rangesOverlap(boxes[i]!.box, ref.box)) return true;
      }
    }
    return false;
  }
}
