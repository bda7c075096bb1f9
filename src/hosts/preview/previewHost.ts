/**
 * The PaneHost of the browser preview: an .xlsx package held in memory, which tells the
 * page after every batch so the grid can redraw. Files are read in the browser only.
 */
import type { EditNotice, PaneHost } from '../../taskpane/host';
import type { Workbook, WorkbookSession } from '../../workbook/port';
import { PreviewWorkbook, WEB_XLSX, watchWrites } from './previewWorkbook';
import { XlsxWorkbook } from '../../workbook/xlsx/xlsxWorkbook';
import { preflightXlsx, XlsxError } from '../../xlsx';
import { webInflate } from '../../xlsx/inflateWeb';
import { FileRefusedError, xlsxReason } from '../../usecases/xlsxReason';
import { langFromLocale, type Lang } from '../../i18n';

export interface BatchDone {
  /** The batch queued writes (the workbook changed). */
  wrote: boolean;
  /** The sheets it wrote, by the names its plans gave, each once. */
  sheets: readonly string[];
}

/** The same workbook, calling `onBatch` after each batch that finished (even one that failed half-way). */
export function observeWorkbook(inner: Workbook, onBatch: (done: BatchDone) => void): Workbook {
  return {
    get label() {
      return inner.label;
    },
    async batch<T>(work: (session: WorkbookSession) => Promise<T>): Promise<T> {
      const sheets = new Set<string>();
      try {
        return await inner.batch((session) => work(watchWrites(session, (plan) => sheets.add(plan.sheet))));
      } finally {
        onBatch({ wrote: sheets.size > 0, sheets: [...sheets] });
      }
    },
    takeWarnings: () => inner.takeWarnings?.() ?? [],
  };
}

/** The grid's edits as the pane hears them (PaneHost.edits): `told` after each of the grid's batches, which tells those that wrote, with their sheets. */
export function gridEdits(): { edits: NonNullable<PaneHost['edits']>; told(done: BatchDone): void } {
  const listeners = new Set<(notice: EditNotice) => void>();
  return {
    edits: {
      subscribe(listener) {
        listeners.add(listener);
        return () => void listeners.delete(listener);
      },
    },
    told({ wrote, sheets }) {
      if (wrote) for (const listener of [...listeners]) listener({ sheets });
    },
  };
}

/** Opens the browser's file dialog; resolves with nothing when the user cancels. */
export function pickFiles(accept: string, multiple: boolean): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.multiple = multiple;
    input.hidden = true;
    const done = (files: File[]) => {
      input.remove();
      resolve(files);
    };
    input.addEventListener('change', () => done(Array.from(input.files ?? [])));
    input.addEventListener('cancel', () => done([]));
    document.body.append(input);
    input.click();
  });
}

/**
 * An uploaded file as a workbook, after the preflight: the package model inflates
 * everything into the tab's memory, so a bomb must never reach it. `use` write: the workbook
 * the clerk works in (the pane writes it, the download is it); read: a unit's file or an
 * import's source. Throws an Error whose message is the reason in words.
 */
export async function openUpload(file: File, lang: Lang, use: 'read' | 'write' = 'read'): Promise<PreviewWorkbook> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    await preflightXlsx(bytes, { inflate: webInflate });
    return await PreviewWorkbook.open(bytes, file.name, use);
  } catch (e) {
    if (!(e instanceof XlsxError)) throw e;
    throw new FileRefusedError(xlsxReason(e, bytes.length, undefined, lang, 'own', file.name), e);
  }
}

export interface PreviewHostOptions {
  workbook: PreviewWorkbook;
  locale: string;
  theme: 'light' | 'dark';
  onBatch(done: BatchDone): void;
  /** `focus`: the grid takes the keys (PaneHost.showCell). */
  onShowCell(sheet: string, address: string, focus: boolean): void;
  /** Whether the open workbook has changes not downloaded; its download (throws when it fails). */
  unsaved(): boolean;
  download(): Promise<void>;
  /** The grid's edits, told to the pane (PaneHost.edits). */
  edits: NonNullable<PaneHost['edits']>;
  /** Puts a workbook the pane filled on screen in place of the open one. */
  onReplace(workbook: PreviewWorkbook): void;
}

export function createPreviewHost(o: PreviewHostOptions): PaneHost {
  return {
    kind: 'preview',
    workbook: observeWorkbook(o.workbook, o.onBatch),
    locale: o.locale,
    theme: o.theme,
    // Everything the file implementation writes is available: no requirement sets in a browser.
    supports: () => true,
    showCell: async (sheet, address, options) => o.onShowCell(sheet, address, options?.focus === true),
    edits: o.edits,
    files: { pick: pickFiles, open: (file) => openUpload(file, langFromLocale(o.locale)) },
    downloads: {
      async workbook(name, from, work) {
        const wb = from === 'copy' ? await XlsxWorkbook.open(await o.workbook.toBuffer(), name, WEB_XLSX) : await XlsxWorkbook.create(name, WEB_XLSX);
        if (!(await work(wb))) return false;
        offerDownload(name, new Blob([(await wb.toBytes()) as BlobPart], { type: XLSX_TYPE }));
        return true;
      },
      text: (name, text, type) => offerDownload(name, new Blob([text], { type })),
    },
    replaceable: {
      unsaved: o.unsaved,
      download: o.download,
      async fillNew(name, work) {
        const workbook = PreviewWorkbook.create(name);
        const done = await work(workbook);
        if (done !== null) o.onReplace(workbook);
        return done;
      },
    },
  };
}

/**
 * The open workbook's download name: an opened file (often the clerk's own staff list, now with
 * ĐVHT's sheets in it) gets " (ĐVHT)", so the download is not taken for the list itself; names
 * that already say ĐVHT (the sample, a new workbook, a consolidation, a file downloaded before) stay.
 */
export function downloadName(label: string): string {
  const base = label.replace(/\.xlsx$/i, '');
  return /ĐVHT/.test(base.normalize('NFC')) ? `${base}.xlsx` : `${base} (ĐVHT).xlsx`;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The browser's download of a file made here (nothing leaves the machine). */
export function offerDownload(name: string, blob: Blob): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started from the URL; release it once the browser has it.
  setTimeout(() => URL.revokeObjectURL(a.href), 60_000);
}
