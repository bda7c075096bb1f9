/**
 * The Workbook port inside Excel. One `batch` = one `Excel.run`: `read()` is one sync for
 * member-sized sheets, and everything `write()`/`select()` queued goes out in one more sync
 * at the end. Bigger payloads add a sync per ~3.5 MB, never one per row.
 */
import { sheetKey, type ReadOptions, type SheetPlan, type Workbook, type WorkbookSession, type WorkbookSnapshot, type WorkbookWarning } from '../port';
import { checkSelect, findSheetName, prepareBatch } from '../plan';
import { applyPlan, applySelect, type PlanTarget } from './applyPlan';
import { RequestBudget } from './payload';
import { queueMark, readSheets, takeCharts, takeMark } from './readSheets';
import { API, officeSupports, type Supports } from './requirements';
import { lockedCells, queueSheetList, type HiddenVisibility } from './protection';
import { checkProtection, checkUnlocked, type WorkbookLocks } from '../protection';
import { asExcelRefusal } from './excelErrors';
import { ExcelRefusedError, type ExcelActivity } from '../excelRefusal';

const NO_LOCKS: WorkbookLocks = { structure: false, sheets: [] };

export type Batch<T> = (context: Excel.RequestContext) => Promise<T>;
export type ExcelRun = <T>(batch: Batch<T>) => Promise<T>;
/** Excel.run on a new context, or on one made before: a handler is removed in the context it was added in. */
export interface ExcelRunner {
  <T>(batch: Batch<T>): Promise<T>;
  <T>(context: OfficeExtension.ClientRequestContext, batch: Batch<T>): Promise<T>;
}

const excelRun: ExcelRun = (batch) => Excel.run(batch);

type Queued = { kind: 'plan'; plan: SheetPlan } | { kind: 'select'; sheet: string; address: string };

export class OfficeWorkbook implements Workbook {
  readonly label = 'Excel';
  private warnings: WorkbookWarning[] = [];

  constructor(
    private readonly run: ExcelRun = excelRun,
    private readonly supports: Supports = officeSupports,
  ) {}

  batch<T>(work: (session: WorkbookSession) => Promise<T>): Promise<T> {
    let session: OfficeSession | null = null;
    return this.run(async (context) => {
      session = new OfficeSession(context, this.supports);
      const result = await work(session);
      await session.flush(this.warnings);
      return result;
    }).catch((e: unknown) => {
      // Excel's refusal (cell edit mode, read-only, a merged cell in the way …) in the user's words.
      throw asExcelRefusal(e, (session as OfficeSession | null)?.activity ?? { writing: false, sheets: [] });
    });
  }

  takeWarnings(): WorkbookWarning[] {
    const out = this.warnings;
    this.warnings = [];
    return out;
  }
}

class OfficeSession implements WorkbookSession {
  private readonly queued: Queued[] = [];
  /** Tab order as last seen; a read fills it so that writing needs no extra sync. */
  private names: string[] | null = null;
  /** Marks looked up so far, by sheet key: the role, or '' for a sheet without a mark. */
  private readonly marks = new Map<string, string>();
  /** The workbook's tables, loaded with the batch's first round trip (plans with tables need them). */
  private tableLoad: Excel.TableCollection | null = null;
  /** The user's protection, read with the sheet names. */
  private locks: WorkbookLocks = NO_LOCKS;
  /** The workbook's date system, read with the sheet names: a Date is written as a serial of it. */
  private date1904 = false;
  /** Sheets the user hid, read with the sheet names. */
  private hidden = new Map<string, HiddenVisibility>();
  /** How many charts each sheet of ours holds, read with the marks: a redraw removes them. */
  private readonly charts = new Map<string, number>();
  /** What Excel is being asked to do, for the words of a refusal. */
  activity: ExcelActivity = { writing: false, sheets: [] };

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly supports: Supports,
  ) {}

  async read(sheets: string[], options: ReadOptions = {}): Promise<WorkbookSnapshot> {
    this.activity = { writing: false, sheets };
    this.queueTables();
    const { snapshot, locks, hidden, charts } = await readSheets(this.context, sheets, options, this.supports);
    for (const [name, count] of charts) this.charts.set(name, count);
    this.names = [...snapshot.sheetNames];
    this.locks = locks;
    this.hidden = hidden;
    this.date1904 = snapshot.date1904 ?? false;
    // Marks asked for: the read looked at every sheet's.
    for (const name of options.marks ? snapshot.sheetNames : sheets) {
      const actual = findSheetName(snapshot.sheetNames, name);
      if (actual !== undefined) this.marks.set(sheetKey(actual), '');
    }
    for (const [name, role] of snapshot.roles ?? []) this.marks.set(sheetKey(name), role);
    return snapshot;
  }

  write(plan: SheetPlan): void {
    this.queued.push({ kind: 'plan', plan });
  }

  select(sheet: string, address: string): void {
    this.queued.push({ kind: 'select', sheet, address });
  }

  async flush(warnings: WorkbookWarning[]): Promise<void> {
    if (this.queued.length === 0) return;
    const planned = this.queued.flatMap((q) => (q.kind === 'plan' ? [q.plan] : []));
    this.activity = { writing: planned.length > 0, sheets: [...new Set(this.queued.map((q) => (q.kind === 'plan' ? q.plan.sheet : q.sheet)))] };
    const names = this.names ?? (await this.loadNames());
    await this.loadMissingMarks(names, planned);
    const roles = new Map<string, string>();
    for (const name of names) {
      const role = this.marks.get(sheetKey(name));
      if (role) roles.set(name, role);
    }
    // Fails before anything is queued, so a wrong plan leaves the workbook untouched.
    const prepared = prepareBatch(planned, { names, roles, date1904: this.date1904 });
    for (const q of this.queued) if (q.kind === 'select') this.checkShown(names, prepared.plans, q.sheet);
    // Refused before anything is queued, rather than by Excel midway (workbook/protection.ts).
    const questions = checkProtection(prepared.plans, names, this.locks, null);
    if (questions.length) {
      const locked = await lockedCells(this.context, questions);
      checkUnlocked(questions, null, (q) => locked.get(q) ?? null);
    }
    warnings.push(...prepared.warnings);
    // The sheets actually written (an add-in sheet may have another name than the plan's).
    if (planned.length > 0) this.activity = { writing: true, sheets: [...new Set(prepared.plans.map((p) => p.sheet))] };
    const target: PlanTarget = {
      context: this.context,
      supports: this.supports,
      // Each request taken is written for good: a refusal after one is said to have left the sheets half written.
      budget: new RequestBudget(async () => {
        await this.context.sync();
        this.activity = { ...this.activity, partly: true };
      }),
      names: [...names],
      warnings,
      tables: this.tableSheets(),
      hidden: this.hidden,
      charts: this.charts,
    };
    let next = 0;
    for (const q of this.queued) {
      if (q.kind === 'plan') await applyPlan(target, prepared.plans[next++]!);
      else await applySelect(target, q.sheet, q.address);
    }
    await target.budget.flush();
  }

  /**
   * A cell to show must be on a sheet that exists and that the user can see: Excel does not select
   * on a hidden sheet, and unhiding it is the user's choice. Refused before anything is queued.
   */
  private checkShown(names: string[], plans: SheetPlan[], sheet: string): void {
    checkSelect(names, plans, sheet);
    const actual = findSheetName(names, sheet);
    const shown = plans.some((p) => p.activate && findSheetName([p.sheet], sheet) !== undefined);
    if (actual !== undefined && this.hidden.has(actual) && !shown) throw new ExcelRefusedError('hiddenSheet', '', { writing: false, sheets: [actual] });
  }

  /** Only when nothing was read in this batch: the plans need to know which sheets exist. */
  private async loadNames(): Promise<string[]> {
    const list = queueSheetList(this.context, this.supports);
    this.queueTables();
    await this.context.sync();
    const { names, locks, date1904, hidden } = list();
    this.locks = locks;
    this.date1904 = date1904;
    this.hidden = hidden;
    return names;
  }

  /** Rides on the next sync: table names and their sheets (no extra round trip). */
  private queueTables(): void {
    if (this.tableLoad || !this.supports(API.table)) return;
    this.tableLoad = this.context.workbook.tables;
    this.tableLoad.load('items/name,items/worksheet/name');
  }

  /** Table name key → the sheet it is on. */
  private tableSheets(): Map<string, string> {
    return new Map((this.tableLoad?.items ?? []).map((t) => [sheetKey(t.name), t.worksheet.name]));
  }

  /**
   * A replace or own plan may only write a sheet carrying its mark, under whatever name: marks
   * the batch's read did not report (the use-case did not ask for them) cost one more sync here,
   * never a wrong delete.
   */
  private async loadMissingMarks(names: string[], plans: SheetPlan[]): Promise<void> {
    if (!this.supports(API.mark) || !plans.some((p) => p.mode === 'replace' || p.mode === 'own')) return;
    const wanted = new Set(names.filter((n) => !this.marks.has(sheetKey(n))));
    if (wanted.size === 0) return;
    const worksheets = this.context.workbook.worksheets;
    const probes = [...wanted].map((name) => ({ name, probe: queueMark(worksheets.getItem(name), this.supports) }));
    await this.context.sync();
    for (const { name, probe } of probes) {
      const role = takeMark(probe, true) ?? '';
      this.marks.set(sheetKey(name), role);
      takeCharts(probe, role, name, this.charts);
    }
  }
}
