/**
 * The Workbook port inside Excel. One `batch` = one `Excel.run`: `read()` is one sync for
 * member-sized sheets, and everything `write()`/`select()` queued goes out in one more sync
 * at the end. Bigger payloads add a sync per ~3.5 MB, never one per row.
 */
import type { ReadOptions, SheetPlan, Workbook, WorkbookSession, WorkbookSnapshot } from '../port';
import { applyPlan, applySelect, findSheet, missingSheetError, type PlanTarget } from './applyPlan';
import { RequestBudget } from './payload';
import { readSheets } from './readSheets';
import { officeSupports, type Supports } from './requirements';

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

const excelRun: ExcelRun = (batch) => Excel.run(batch);

type Queued = { kind: 'plan'; plan: SheetPlan } | { kind: 'select'; sheet: string; address: string };

export class OfficeWorkbook implements Workbook {
  readonly label = 'Excel';

  constructor(
    private readonly run: ExcelRun = excelRun,
    private readonly supports: Supports = officeSupports,
  ) {}

  batch<T>(work: (session: WorkbookSession) => Promise<T>): Promise<T> {
    return this.run(async (context) => {
      const session = new OfficeSession(context, this.supports);
      const result = await work(session);
      await session.flush();
      return result;
    });
  }
}

class OfficeSession implements WorkbookSession {
  private readonly queued: Queued[] = [];
  /** Tab order as last seen; a read fills it so that writing needs no extra sync. */
  private names: string[] | null = null;

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly supports: Supports,
  ) {}

  async read(sheets: string[], options: ReadOptions = {}): Promise<WorkbookSnapshot> {
    const snapshot = await readSheets(this.context, sheets, options, this.supports);
    this.names = [...snapshot.sheetNames];
    return snapshot;
  }

  write(plan: SheetPlan): void {
    this.queued.push({ kind: 'plan', plan });
  }

  select(sheet: string, address: string): void {
    this.queued.push({ kind: 'select', sheet, address });
  }

  async flush(): Promise<void> {
    if (this.queued.length === 0) return;
    const names = this.names ?? (await this.loadNames());
    checkSheetsExist(this.queued, names);
    const target: PlanTarget = {
      context: this.context,
      supports: this.supports,
      budget: new RequestBudget(() => this.context.sync()),
      names: [...names],
    };
    for (const q of this.queued) {
      if (q.kind === 'plan') await applyPlan(target, q.plan);
      else await applySelect(target, q.sheet, q.address);
    }
    await target.budget.flush();
  }

  /** Only when nothing was read in this batch: the plans need to know which sheets exist. */
  private async loadNames(): Promise<string[]> {
    const worksheets = this.context.workbook.worksheets;
    worksheets.load('items/name');
    await this.context.sync();
    return worksheets.items.map((s) => s.name);
  }
}

/** Fails before anything is queued, so a wrong plan leaves the workbook untouched. */
function checkSheetsExist(queued: Queued[], names: string[]): void {
  const known = [...names];
  for (const q of queued) {
    const name = q.kind === 'plan' ? q.plan.sheet : q.sheet;
    const exists = findSheet(known, name) !== undefined;
    if (q.kind === 'plan' && q.plan.mode !== 'existing') {
      if (!exists) known.push(name);
    } else if (!exists) {
      throw missingSheetError(name);
    }
  }
}
