/**
 * The Workbook port on a real .xlsx file, through ExcelJS (CLI, browser preview, tests).
 * Browser-safe: no fs here (files.ts holds the Node-only helpers).
 */
import * as ExcelJS from 'exceljs';
import { wantsFormulas, wantsLayout, type CellValue, type ReadOptions, type SheetData, type SheetPlan, type Workbook, type WorkbookSession, type WorkbookSnapshot, type WorkbookWarning } from '../../../src/workbook/port';
import { rangeAddress } from '../../../src/workbook/a1';
import { checkSelect, prepareBatch } from '../../../src/workbook/plan';
import { applyPlan, finishActivation, findSheet, formulaModel, type ApplyContext } from './applyPlan';
import { normaliseScalar } from './cellValues';
import { readMarks, readWorkbookXml, writeMarksOnSave } from './marks';
import { checkProtection, checkUnlocked, firstLockedCell } from '../../../src/workbook/protection';
import { structureLocked } from '../../../src/workbook/xlsx/protection';
import { repairLoadedTables } from './tables';

export interface ToBufferOptions {
  /**
   * false: write formulas without cached results, so an engine that trusts cached values
   * (LibreOffice does for files claiming to come from Excel) recomputes every one.
   */
  formulaResults?: boolean;
  /** Faster, lighter zip compression (a larger file): for big generated outputs. */
  fastCompression?: boolean;
}

export interface Selection {
  sheet: string;
  address: string;
}

export class ExcelJsWorkbook implements Workbook {
  private _lastSelection: Selection | null = null;
  private _warnings: WorkbookWarning[] = [];
  private queue: Promise<unknown> = Promise.resolve();
  /** The add-in's sheets: their ownership marks (plan.ts SHEET_MARK), kept across saves. */
  private readonly roles = new Map<ExcelJS.Worksheet, string>();
  /**
   * Review → Protect Workbook, read from the file (ExcelJS 4.4 neither reads nor writes it:
   * it is honoured here, and lost when this workbook is saved).
   */
  private structureLocked = false;

  constructor(
    /** The wrapped ExcelJS workbook (tests and the preview inspect it). */
    readonly workbook: ExcelJS.Workbook,
    readonly label: string,
  ) {
    writeMarksOnSave(workbook, this.roles);
  }

  static create(label: string): ExcelJsWorkbook {
    return new ExcelJsWorkbook(new ExcelJS.Workbook(), label);
  }

  static async fromBuffer(buf: ArrayBuffer | Uint8Array, label: string): Promise<ExcelJsWorkbook> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as ArrayBuffer);
    repairLoadedTables(wb);
    const result = new ExcelJsWorkbook(wb, label);
    const xml = await readWorkbookXml(buf instanceof Uint8Array ? buf : new Uint8Array(buf));
    const marks = readMarks(xml);
    result.structureLocked = xml !== null && structureLocked(xml);
    // localSheetId counts sheets in workbook.xml order, which is ExcelJS's tab order.
    wb.worksheets.forEach((ws, i) => {
      const role = marks.get(i);
      if (role !== undefined) result.roles.set(ws, role);
    });
    return result;
  }

  /** The role of a sheet's ownership mark, if it carries one (tests, the preview). */
  roleOf(sheet: string): string | undefined {
    const ws = findSheet(this.workbook, sheet);
    return ws ? this.roles.get(ws) : undefined;
  }

  /** The last cell a batch asked to show (the preview highlights it). */
  get lastSelection(): Selection | null {
    return this._lastSelection;
  }

  takeWarnings(): WorkbookWarning[] {
    const out = this._warnings;
    this._warnings = [];
    return out;
  }

  async toBuffer(options: ToBufferOptions = {}): Promise<Uint8Array> {
    keepHiddenEmptyRows(this.workbook);
    const stripped = options.formulaResults === false ? stripFormulaResults(this.workbook) : [];
    try {
      const zip = options.fastCompression ? { zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } } } : undefined;
      const out = await this.workbook.xlsx.writeBuffer(zip as ExcelJS.XlsxWriteOptions | undefined);
      return out instanceof Uint8Array ? out : new Uint8Array(out as ArrayBuffer);
    } finally {
      for (const [model, result] of stripped) model.result = result;
    }
  }

  batch<T>(work: (session: WorkbookSession) => Promise<T>): Promise<T> {
    // Batches run one after another, as they do against Excel.
    const run = this.queue.then(() => this.runBatch(work));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async runBatch<T>(work: (session: WorkbookSession) => Promise<T>): Promise<T> {
    const plans: SheetPlan[] = [];
    let selection: Selection | null = null;
    const session: WorkbookSession = {
      read: async (sheets, options) => this.read(sheets, options),
      write: (plan) => {
        plans.push(plan);
      },
      select: (sheet, address) => {
        selection = { sheet, address };
      },
    };
    const result = await work(session);
    const selected: Selection | null = selection;
    this.apply(plans, selected);
    if (selected) this._lastSelection = selected;
    return result;
  }

  private apply(queued: SheetPlan[], selection: Selection | null): void {
    const wb = this.workbook;
    const names = wb.worksheets.map((w) => w.name);
    const roles = new Map([...this.roles].filter(([ws]) => wb.worksheets.includes(ws)).map(([ws, role]) => [ws.name, role]));
    // Checked before anything changes, so a wrong plan leaves the workbook untouched.
    const { plans, warnings } = prepareBatch(queued, { names, roles, date1904: Boolean(wb.properties?.date1904) });
    if (selection) checkSelect(names, plans, selection.sheet);
    this.checkLocks(plans, names);
    this._warnings.push(...warnings);
    if (plans.length === 0) return;

    const order = wb.worksheets;
    const ctx: ApplyContext = { active: order[wb.views?.[0]?.activeTab ?? 0], activated: false, warnings: this._warnings, roles: this.roles };
    const before = order.map((w) => w.id).join(',');
    for (const plan of plans) applyPlan(wb, plan, ctx);
    const after = wb.worksheets.map((w) => w.id).join(',');
    finishActivation(wb, ctx, before !== after);
    // Cached results of the user's formulas may now be stale: let Excel recompute on open.
    wb.calcProperties = { ...(wb.calcProperties ?? {}), fullCalcOnLoad: true };
  }

  /** The user's protection: refused (src/workbook/protection.ts) before anything changes. */
  private checkLocks(plans: readonly SheetPlan[], names: readonly string[]): void {
    const wb = this.workbook;
    const sheets = wb.worksheets.filter((ws) => (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).map((ws) => ws.name);
    const questions = checkProtection(plans, names, { structure: this.structureLocked, sheets }, this.label);
    checkUnlocked(questions, this.label, (q) => {
      const ws = findSheet(wb, q.sheet)!;
      // A cell ExcelJS has not made takes its row's format; without one, it is locked.
      return firstLockedCell(q.ranges, (r, c) => (ws.findCell(r, c)?.protection ?? ws.findRow(r)?.protection)?.locked !== false);
    });
  }

  private read(sheets: string[], options: ReadOptions = {}): WorkbookSnapshot {
    const wb = this.workbook;
    const date1904 = Boolean(wb.properties?.date1904);
    const roles = new Map<string, string>();
    for (const ws of wb.worksheets) {
      const role = this.roles.get(ws);
      if (role !== undefined) roles.set(ws.name, role);
    }
    const hiddenSheets = new Map(wb.worksheets.flatMap((w) => (w.state === 'hidden' || w.state === 'veryHidden' ? [[w.name, w.state] as const] : [])));
    const result: WorkbookSnapshot = { sheetNames: wb.worksheets.map((w) => w.name), sheets: new Map(), roles, structureLocked: this.structureLocked, date1904, hiddenSheets };
    for (const asked of sheets) {
      const ws = findSheet(wb, asked);
      if (ws) result.sheets.set(asked, readSheet(ws, date1904, wantsLayout(options, asked), wantsFormulas(options, asked)));
    }
    return result;
  }
}

function readCell(cell: ExcelJS.Cell, date1904: boolean): CellValue {
  switch (cell.type) {
    case ExcelJS.ValueType.Merge:
      return null; // Excel shows merged non-master cells as empty; ExcelJS echoes the master
    case ExcelJS.ValueType.Formula:
      return normaliseScalar(formulaModel(cell).result, date1904);
    default:
      return normaliseScalar(cell.value, date1904);
  }
}

function readSheet(ws: ExcelJS.Worksheet, date1904: boolean, layout: boolean, withFormulas: boolean): SheetData {
  const rows: CellValue[][] = [];
  const formulas = new Set<string>();
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values: CellValue[] = [];
    let last = 0;
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      if (cell.type === ExcelJS.ValueType.Formula) formulas.add(cell.address);
      const v = readCell(cell, date1904);
      if (v === null) return;
      while (values.length < col - 1) values.push(null);
      values[col - 1] = v;
      last = col;
    });
    if (last > 0) {
      values.length = last;
      while (rows.length < rowNumber - 1) rows.push([]);
      rows[rowNumber - 1] = values;
    }
  });
  const data: SheetData = { name: ws.name, rows, ...(withFormulas ? { formulas } : {}) };
  if (layout) {
    const merges = (ws as unknown as { _merges: Record<string, { top: number; left: number; bottom: number; right: number } | undefined> })._merges;
    data.merges = Object.values(merges)
      .filter((m): m is NonNullable<typeof m> => Boolean(m))
      .map((m) => rangeAddress(m.top, m.left, m.bottom, m.right));
    const hiddenRows: number[] = [];
    // findRow, not eachRow({includeEmpty}): the latter creates row objects while reading.
    for (let n = 1; n <= ws.rowCount; n++) if (ws.findRow(n)?.hidden) hiddenRows.push(n);
    const hiddenColumns: number[] = [];
    (ws.columns ?? []).forEach((col, i) => {
      if (col && col.hidden) hiddenColumns.push(i + 1);
    });
    data.hiddenRows = hiddenRows;
    data.hiddenColumns = hiddenColumns;
  }
  return data;
}

/**
 * ExcelJS writes a row only if it has cells or a height, so a hidden empty row (Excel writes
 * <row hidden="1"/>) would come back visible: give it the default height so it is written.
 */
function keepHiddenEmptyRows(wb: ExcelJS.Workbook): void {
  for (const ws of wb.worksheets) {
    for (let n = 1; n <= ws.rowCount; n++) {
      const row = ws.findRow(n);
      if (row && row.hidden && !row.height && row.cellCount === 0) row.height = ws.properties.defaultRowHeight || 15;
    }
  }
}

type FormulaModelRef = ReturnType<typeof formulaModel>;

function stripFormulaResults(wb: ExcelJS.Workbook): [FormulaModelRef, unknown][] {
  const stripped: [FormulaModelRef, unknown][] = [];
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.type !== ExcelJS.ValueType.Formula) return;
        const model = formulaModel(cell);
        if (model.result === undefined) return;
        stripped.push([model, model.result]);
        delete model.result;
      });
    });
  }
  return stripped;
}
