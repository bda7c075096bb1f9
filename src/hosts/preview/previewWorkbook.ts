/**
 * The preview's workbook: one .xlsx package in the tab's memory. Use-cases write into it
 * through the file implementation (which copies every part it does not own byte for byte),
 * the grid reads its cells and styles from the same package, and the download is its bytes:
 * what is shown is what is saved.
 */
import type { Workbook, WorkbookSession, WorkbookWarning } from '../../workbook/port';
import { XlsxWorkbook, type Selection, type XlsxWorkbookOptions } from '../../workbook/xlsx/xlsxWorkbook';
import { webInflate } from '../../xlsx/inflateWeb';
import { webDeflate } from '../../xlsx/deflateWeb';
import { XlsxError } from '../../xlsx/errors';
import { PackageReader } from './packageModel';
import { FormulaFreshness } from './staleFormulas';
import type { CellBlock, SheetPlan } from '../../workbook/port';
import { TABLE_CONTENT_TYPE } from '../../workbook/xlsx/write/tableXml';

export type { Selection };

export const WEB_XLSX: XlsxWorkbookOptions = { inflate: webInflate, deflate: webDeflate };

/** A sheet's parts by path: its worksheet, its relationships and its tables (null: no such part). */
export type SheetParts = ReadonlyMap<string, string | null>;

/** What a grid edit changed in its sheet's parts: put back whole (undo, redo), as Excel undoes a table it grew with the edit. */
export interface PartsChange {
  sheet: string;
  /** The sheet's worksheet part. */
  worksheet: string;
  before: SheetParts;
  after: SheetParts;
}

export class PreviewWorkbook implements Workbook {
  private _lastSelection: Selection | null = null;
  private readonly reader: Promise<PackageReader>;
  /** The file once a batch has awaited it (warnings are taken synchronously). */
  private resolved: XlsxWorkbook | null = null;
  /** What each batch wrote: formulas whose inputs changed since are shown as not calculated. */
  readonly freshness = new FormulaFreshness();

  private constructor(
    readonly label: string,
    /** Created lazily for a new workbook: creation is asynchronous. */
    private readonly file: Promise<XlsxWorkbook>,
  ) {
    file.catch(() => undefined); // reported by the batch or download that awaits it
    this.reader = file.then((f) => new PackageReader(f.pkg, f.textRows));
    this.reader.catch(() => undefined);
  }

  static create(label: string): PreviewWorkbook {
    return new PreviewWorkbook(label, XlsxWorkbook.create(label, WEB_XLSX));
  }

  /**
   * The bytes, already through the preflight. To work in (`use` write), a workbook the add-in
   * must not write (XlsxWorkbook.unwritable) is refused with that reason.
   */
  static async open(bytes: Uint8Array, label: string, use: 'read' | 'write' = 'write'): Promise<PreviewWorkbook> {
    const file = await XlsxWorkbook.open(bytes, label, WEB_XLSX);
    if (use === 'write' && file.unwritable) throw new XlsxError(file.unwritable);
    return new PreviewWorkbook(label, Promise.resolve(file));
  }

  get lastSelection(): Selection | null {
    return this._lastSelection;
  }

  /** What the grid draws, read from the package. */
  read(): Promise<PackageReader> {
    return this.reader;
  }

  /** This workbook's batches and restores, one after another: a sheet's parts are read whole before and after a batch with nothing between. */
  private queue: Promise<unknown> = Promise.resolve();

  private inTurn<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  batch<T>(work: (session: WorkbookSession) => Promise<T>, record?: { sheet: string; onChange: (change: PartsChange) => void }): Promise<T> {
    return this.inTurn(async () => {
      const file = await this.file;
      this.resolved = file;
      const plans: SheetPlan[] = [];
      const snapshot: { before?: Map<string, string | null> } = {};
      try {
        const done = await file.batch(async (session) => {
          const result = await work(watchWrites(session, (plan) => plans.push(plan)));
          // The file applies a batch's plans once its work is done: the parts are still as before here. Only a
          // plan that may change more than cells (a table grown over pasted rows) needs them to be undone.
          if (record && !plans.every(cellsOnly)) snapshot.before = await sheetParts(file, record.sheet);
          return result;
        });
        this.freshness.record(plans);
        const worksheet = record && file.pkg.findSheet(record.sheet)?.path;
        const before = snapshot.before;
        if (record && before && worksheet) {
          const after = await sheetParts(file, record.sheet, before.keys());
          for (const path of after.keys()) if (!before.has(path)) before.set(path, null);
          record.onChange({ sheet: record.sheet, worksheet, before, after });
        }
        return done;
      } finally {
        this._lastSelection = file.lastSelection;
      }
    });
  }

  /**
   * The workbook for one of the grid's edits of `sheet`: `onChange` hears what its batch changed in the sheet's
   * parts, when it wrote more than cells (an edit of cells alone is undone by writing them back). Its batch
   * takes its place in this workbook's turn at once (a pane step or download asked right after the edit comes
   * after it); its work waits for `ready` (the browser drawing what was typed).
   */
  recording(sheet: string, onChange: (change: PartsChange) => void, ready?: () => Promise<void>): Workbook {
    return {
      label: this.label,
      batch: (work) => this.batch(ready ? async (session) => (await ready(), work(session)) : work, { sheet, onChange }),
      takeWarnings: () => this.takeWarnings(),
    };
  }

  /**
   * Puts the sheet's parts back as they were before the change (`before`) or after it: only while they are
   * as the change left them (its other side), else nothing is written and false says so. `cells`: the cells
   * the change wrote (the formulas over them are shown as not calculated, as after any write).
   */
  restore(change: PartsChange, side: 'before' | 'after', cells: readonly CellBlock[]): Promise<boolean> {
    return this.inTurn(async () => {
      const file = await this.file;
      const target = change[side];
      const expected = change[side === 'before' ? 'after' : 'before'];
      const now = await sheetParts(file, change.sheet, expected.keys());
      for (const [path, text] of expected) if ((now.get(path) ?? null) !== text) return false;
      const pkg = file.pkg;
      for (const [path, text] of target) {
        if (text === null) pkg.deletePart(path);
        else if (text !== now.get(path)) pkg.setPart(path, text, pkg.has(path) || !/^xl\/tables\//i.test(path) ? undefined : TABLE_CONTENT_TYPE);
      }
      this.freshness.record([{ sheet: change.sheet, mode: 'existing', cells: [...cells] }]);
      return true;
    });
  }

  takeWarnings(): WorkbookWarning[] {
    // The file implementation's warnings (a sheet drawn under another name, a table not drawn …).
    return (this.resolved as Workbook | null)?.takeWarnings?.() ?? [];
  }

  /** The file to download, after the batches asked before it: untouched parts as they came, the add-in's parts written anew. */
  toBuffer(): Promise<Uint8Array> {
    return this.inTurn(async () => (await this.file).toBytes());
  }
}

/** What a plan may hold and still write only cells: undone by writing the cells back. */
const CELL_KEYS: ReadonlySet<string> = new Set(['sheet', 'mode', 'cells', 'clear', 'recalculate'] satisfies (keyof SheetPlan)[]);

function cellsOnly(plan: SheetPlan): boolean {
  return plan.mode === 'existing' && Object.entries(plan).every(([k, v]) => v === undefined || CELL_KEYS.has(k));
}

/** `sheet`'s worksheet part, its relationships and its tables' parts, with the parts `also` names, as they are now. */
async function sheetParts(file: XlsxWorkbook, sheet: string, also: Iterable<string> = []): Promise<Map<string, string | null>> {
  const pkg = file.pkg;
  const out = new Map<string, string | null>();
  const path = pkg.findSheet(sheet)?.path;
  if (!path) return out;
  const tables = (await pkg.relsOf(path)).filter((r) => !r.external && r.type.endsWith('/table')).map((r) => r.path);
  for (const p of [path, pkg.relsPathOf(path), ...tables, ...also]) if (!out.has(p)) out.set(p, pkg.has(p) ? await pkg.text(p) : null);
  return out;
}

/** The same session, telling `onWrite` of each plan it writes. */
export function watchWrites(session: WorkbookSession, onWrite: (plan: SheetPlan) => void): WorkbookSession {
  return {
    read: (sheets, options) => session.read(sheets, options),
    write: (plan) => {
      onWrite(plan);
      session.write(plan);
    },
    select: (sheet, address) => session.select(sheet, address),
  };
}
