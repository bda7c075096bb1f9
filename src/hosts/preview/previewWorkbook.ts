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
import type { SheetPlan } from '../../workbook/port';

export type { Selection };

export const WEB_XLSX: XlsxWorkbookOptions = { inflate: webInflate, deflate: webDeflate };

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

  async batch<T>(work: (session: WorkbookSession) => Promise<T>): Promise<T> {
    const file = await this.file;
    this.resolved = file;
    const plans: SheetPlan[] = [];
    try {
      const done = await file.batch((session) => work(watchWrites(session, (plan) => plans.push(plan))));
      this.freshness.record(plans);
      return done;
    } finally {
      this._lastSelection = file.lastSelection;
    }
  }

  takeWarnings(): WorkbookWarning[] {
    // The file implementation's warnings (a sheet drawn under another name, a table not drawn …).
    return (this.resolved as Workbook | null)?.takeWarnings?.() ?? [];
  }

  /** The file to download: untouched parts as they came, the add-in's parts written anew. */
  async toBuffer(): Promise<Uint8Array> {
    return (await this.file).toBytes();
  }
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
