/**
 * The Workbook port on plain arrays: values only (styles, validations and page setup are
 * accepted and dropped), so a property test can run create / evaluate / import thousands of
 * times and compare cells before and after. A formula is stored as the value it carries.
 */
import { wantsLayout, type CellInput, type CellValue, type SheetData, type SheetPlan, type Workbook, type WorkbookSession, type WorkbookSnapshot } from '../../src/workbook/port';
import { parseCell, parseRange } from '../../src/workbook/a1';

function stored(v: CellInput): CellValue {
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString();
  return v.result === undefined ? null : v.result;
}

export class MemoryWorkbook implements Workbook {
  readonly label = 'memory.xlsx';
  /** Tab order and contents. */
  readonly sheets = new Map<string, CellValue[][]>();
  /** Every plan written, in order (tests inspect where writes went). */
  readonly plans: SheetPlan[] = [];

  constructor(sheets: Record<string, CellValue[][]> = {}) {
    for (const [name, rows] of Object.entries(sheets)) this.sheets.set(name, rows.map((r) => [...r]));
  }

  private find(name: string): string | undefined {
    return [...this.sheets.keys()].find((n) => n.toLowerCase() === name.toLowerCase());
  }

  rows(name: string): CellValue[][] {
    return this.sheets.get(this.find(name)!)!;
  }

  async batch<T>(work: (session: WorkbookSession) => Promise<T>): Promise<T> {
    const queued: SheetPlan[] = [];
    const session: WorkbookSession = {
      read: async (names, options): Promise<WorkbookSnapshot> => {
        const sheets = new Map<string, SheetData>();
        for (const asked of names) {
          const real = this.find(asked);
          if (real === undefined) continue;
          const rows = this.sheets.get(real)!.map((r) => [...r]);
          sheets.set(asked, { name: real, rows, ...(options && wantsLayout(options, asked) ? { merges: [], hiddenRows: [], hiddenColumns: [] } : {}) });
        }
        return { sheetNames: [...this.sheets.keys()], sheets };
      },
      write: (plan) => void queued.push(plan),
      select: () => undefined,
    };
    const result = await work(session);
    for (const plan of queued) this.apply(plan);
    return result;
  }

  private apply(plan: SheetPlan): void {
    this.plans.push(plan);
    let name = this.find(plan.sheet);
    if (plan.mode === 'existing' && name === undefined) throw new Error(`missing sheet ${plan.sheet}`);
    if (name === undefined || plan.mode === 'replace') {
      name = name ?? plan.sheet;
      this.sheets.set(name, []);
    }
    const rows = this.sheets.get(name)!;
    const set = (r: number, c: number, v: CellValue) => {
      while (rows.length < r) rows.push([]);
      const row = rows[r - 1]!;
      while (row.length < c) row.push(null);
      row[c - 1] = v;
    };
    for (const range of plan.clear ?? []) {
      const g = parseRange(range);
      for (let r = g.top; r <= Math.min(g.bottom, rows.length); r++) for (let c = g.left; c <= Math.min(g.right, rows[r - 1]!.length); c++) rows[r - 1]![c - 1] = null;
    }
    for (const block of plan.cells ?? []) {
      const at = parseCell(block.at);
      block.rows.forEach((line, i) => line.forEach((v, j) => set(at.row + i, at.col + j, stored(v))));
    }
  }
}
