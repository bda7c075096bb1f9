/**
 * A school's own sheet as the user sees it: merged cells show their master's value, hidden
 * rows and columns are known, and an optional range limits what is looked at. Addresses
 * stay those of the real sheet, so every message points at the right cell.
 */
import { readText, type CellValue } from '../../domain/values';
import { cleanText } from '../../domain/text';
import { parseRange, type RangeRef } from '../../workbook/a1';
import type { SheetData } from '../../workbook/port';

/** One number per cell (Excel has at most 16,384 columns): cheaper than a string key. */
export const cellKey = (row: number, col: number): number => row * 16_385 + col;

export class SourceSheet {
  readonly name: string;
  readonly rowCount: number;
  readonly colCount: number;
  /** Merged range of each covered cell, keyed by `cellKey`. */
  private readonly owner = new Map<number, RangeRef>();
  private readonly hiddenRows: Set<number>;
  private readonly hiddenCols: Set<number>;
  private readonly limit: RangeRef | null;

  constructor(
    private readonly data: SheetData,
    range?: string,
    /** The source workbook counts dates from 1904: its date cells are read with it. */
    readonly date1904 = false,
  ) {
    this.name = data.name;
    this.limit = range ? parseRange(range) : null;
    this.rowCount = this.limit ? Math.min(this.limit.bottom, data.rows.length) : data.rows.length;
    const widest = data.rows.reduce((m, r) => Math.max(m, r?.length ?? 0), 0);
    this.colCount = this.limit ? Math.min(this.limit.right, widest) : widest;
    for (const address of data.merges ?? []) {
      const m = parseRange(address);
      for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) this.owner.set(cellKey(r, c), m);
    }
    this.hiddenRows = new Set(data.hiddenRows ?? []);
    this.hiddenCols = new Set(data.hiddenColumns ?? []);
  }

  get firstRow(): number {
    return this.limit?.top ?? 1;
  }

  get firstCol(): number {
    return this.limit?.left ?? 1;
  }

  inside(row: number, col: number): boolean {
    const l = this.limit;
    return !l || (row >= l.top && row <= l.bottom && col >= l.left && col <= l.right);
  }

  /** The merged range a cell belongs to, if any. */
  mergeOf(row: number, col: number): RangeRef | undefined {
    return this.owner.size ? this.owner.get(cellKey(row, col)) : undefined;
  }

  /** The cell where a value really lives: the master of its merge, or itself. */
  masterOf(row: number, col: number): { row: number; col: number } {
    const m = this.mergeOf(row, col);
    return m ? { row: m.top, col: m.left } : { row, col };
  }

  /** What the user sees in the cell (a merged cell shows its master's value). */
  value(row: number, col: number): CellValue {
    if (!this.inside(row, col)) return null;
    const m = this.mergeOf(row, col);
    return (m ? this.data.rows[m.top - 1]?.[m.left - 1] : this.data.rows[row - 1]?.[col - 1]) ?? null;
  }

  text(row: number, col: number): string {
    return cleanText(readText(this.value(row, col)));
  }

  /** The text on one line: lines a clerk broke with Alt+Enter (a header, a name) joined by a space. */
  line(row: number, col: number): string {
    return cleanText(this.text(row, col).replace(/\s*[\r\n]+\s*/g, ' '));
  }

  isRowHidden(row: number): boolean {
    return this.hiddenRows.has(row);
  }

  isColumnHidden(col: number): boolean {
    return this.hiddenCols.has(col);
  }

  /** Every cell of the sheet as stored (for the "never modified" checks). */
  get raw(): SheetData {
    return this.data;
  }
}
