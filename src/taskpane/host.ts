/**
 * What the task pane needs from where it runs: inside Excel (Office.js), in the browser
 * preview (the .xlsx file implementation) or in tests (a fake). Components get this as a prop and never touch
 * `Excel` or files themselves.
 */
import { sheetKey, type Workbook, type WorkbookSession, type WorkbookWarning } from '../workbook/port';

export interface PaneHost {
  kind: 'excel' | 'preview';
  workbook: Workbook;
  /** Office's display language ("vi-VN"), or the browser's in the preview. */
  locale: string;
  /**
   * Whether a capability is available here (Office requirement sets, checked at run time
   * with isSetSupported; always true in the preview). Missing ones hide a feature, with a reason.
   */
  supports(requirement: string): boolean;
  /**
   * Bring a cell into view and select it. `focus`: the user asked to go there (a point to review), so
   * the keys go to the cell where the host can give them (the preview's grid; Excel keeps them in the pane).
   */
  showCell(sheet: string, address: string, options?: { focus?: boolean }): Promise<void>;
  /**
   * The user's own edits of cells, told after they are written: the preview's grid (typing,
   * pasting, undo), Excel's change events and the pane's focus coming back (hosts/excel/sheetChanges.ts).
   * `subscribe` returns the unsubscribe. The pane's own batches are not told (inside Excel, where
   * the host cannot say who wrote, they may be: the fingerprint then finds nothing changed).
   * Each notice says which sheets changed, so a step reads again only for the sheets it shows.
   */
  readonly edits?: { subscribe(listener: (notice: EditNotice) => void): () => void };
  /** Office's theme (officeTheme.isDarkTheme) or the browser's; light when unknown. */
  readonly theme?: 'light' | 'dark';
  /**
   * Preview only: files the user picks (import, consolidation), and opening one as a workbook
   * (the host owns the file implementation, so the Excel bundle does not carry it).
   */
  readonly files?: { pick(accept: string, multiple: boolean): Promise<File[]>; open(file: File): Promise<Workbook> };
  /**
   * Preview only: new files offered for download, never the open one changed: a copy of the
   * open workbook (or a new workbook) that `work` changes, kept when it resolves true; a text file.
   */
  readonly downloads?: {
    workbook(name: string, from: 'copy' | 'new', work: (wb: Workbook) => Promise<boolean>): Promise<boolean>;
    text(name: string, text: string, type: string): void;
  };
  // ── New workbooks the pane makes (handout, "Sang năm mới"), in both hosts: see NewWorkbooks ──
  /** Inside Excel: the result opens as a new workbook. The preview uses `downloads` (newWorkbooksOf). */
  readonly newWorkbooks?: NewWorkbooks;
  /** Inside Excel: a picked .xlsx read as a workbook (a handed-out "sổ mẫu"). The preview uses `files.open` (fileOpenerOf). */
  readonly openFile?: (file: File) => Promise<Workbook>;
  /**
   * Preview only: the workbook on screen can give way to a new one the pane fills (a
   * consolidation gets a workbook of its own). `unsaved` tells whether the open one has
   * changes not yet downloaded and `download` offers it; `fillNew` lets `work` fill a new
   * workbook and shows it instead of the open one when `work` resolves something else than
   * null (the open one is then closed: ask about its changes first).
   */
  readonly replaceable?: {
    unsaved(): boolean;
    download(): Promise<void>;
    fillNew<T>(name: string, work: (wb: Workbook) => Promise<T | null>): Promise<T | null>;
  };
}

/** What one of the user's edits (or a burst of them) changed, in every host. */
export interface EditNotice {
  /**
   * The sheets whose cells changed, by name; null when the host cannot say (the pane's focus
   * coming back, a sheet deleted or renamed, a sheet Excel named no more): anything may have changed.
   */
  readonly sheets: readonly string[] | null;
}

/** Whether the edit told may have changed one of `sheets` (by the one sheet-name key: case and NFD/NFC). */
export function editTouches(notice: EditNotice, sheets: readonly string[]): boolean {
  if (notice.sheets === null) return true;
  const wanted = new Set(sheets.map(sheetKey));
  return notice.sheets.some((s) => wanted.has(sheetKey(s)));
}

/**
 * A new workbook made by `work` on a copy of the open workbook or on a new one — never the open one
 * changed — and handed to the user when `work` resolves true: downloaded as `name` (preview) or opened
 * as a new, unsaved workbook in Excel, which the user saves where they like.
 */
export interface NewWorkbooks {
  delivery: 'download' | 'open';
  /** The requirement set this host lacks for `from` ("ExcelApi 1.8", "CompressedFile"), or null. */
  missing(from: 'copy' | 'new'): string | null;
  make(name: string, from: 'copy' | 'new', work: (wb: Workbook) => Promise<boolean>): Promise<boolean>;
}

/** Excel could not give the open workbook's file ('read') or open the new one ('open'): `detail` is Office's reason. */
export class NewWorkbookError extends Error {
  constructor(
    readonly step: 'read' | 'open',
    readonly detail: string,
  ) {
    super(`${step}: ${detail}`);
  }
}

/** How this host makes new workbooks: its own way inside Excel, the downloads of the preview, or not at all. */
export function newWorkbooksOf(host: PaneHost): NewWorkbooks | null {
  if (host.newWorkbooks) return host.newWorkbooks;
  const downloads = host.downloads;
  return downloads ? { delivery: 'download', missing: () => null, make: (name, from, work) => downloads.workbook(name, from, work) } : null;
}

/** The same workbook, handing the warnings of each batch that wrote something to `report`. */
export function reportingWarnings(inner: Workbook, report: (warnings: WorkbookWarning[]) => void): Workbook {
  return {
    get label() {
      return inner.label;
    },
    async batch<T>(work: (session: WorkbookSession) => Promise<T>): Promise<T> {
      try {
        return await inner.batch(work);
      } finally {
        const warnings = inner.takeWarnings?.() ?? [];
        if (warnings.length > 0) report(warnings);
      }
    },
  };
}

/** How this host reads a picked .xlsx (checked first; the error's message is the reason in words), or null. */
export function fileOpenerOf(host: PaneHost): ((file: File) => Promise<Workbook>) | null {
  return host.openFile ?? host.files?.open ?? null;
}
