/**
 * Consolidation from received files to the two sheets, one flow for the pane (a Web Worker
 * reads) and the CLI (worker threads read): an oversized file is refused from its size and
 * never read, the others go to the reader, every outcome lands at its file's place, and the
 * sheets are written once, after the whole batch. Cancelled: nothing is written. Into a unit's
 * own workbook: refused before any file is read, whichever host asks.
 */
import { DEFAULT_LIMITS, type XlsxLimits } from '../../xlsx';
import type { Workbook } from '../../workbook/port';
import { hasUnitSheets } from '../../sheets/unitWorkbook';
import { t, type Lang } from '../../i18n';
import { Consolidation, type ConsolidateOptions, type ConsolidationResult } from './aggregate';
import { DrawnUnits, writeConsolidation, type RowDrawer } from './layout';
import type { FileOutcome } from './records';
import { refuseBySize, skippedFile, type ReceivedFile } from './readUnit';

// Where the reading threads can load them without the layout and the checks across files.
export { refuseBySize, rejectedFile, type ReceivedFile } from './readUnit';

/**
 * Reads the files at `indices`, calling `onOutcome` for each as soon as it is read (any
 * order). Resolves false when the user cancelled.
 */
export type ReadFiles = (indices: number[], onOutcome: (outcome: FileOutcome, index: number) => void) => Promise<boolean>;

export interface ConsolidateFilesOptions extends ConsolidateOptions {
  limits?: Partial<XlsxLimits>;
  onProgress?(progress: { done: number; total: number }): void;
  /** Every file is read; the sheets are being written. */
  onWriting?(): void;
  /**
   * A host that draws table rows ahead (the CLI's file writer), a new table each call: the unit
   * rows are drawn as they arrive, so that little is left once the last file is read.
   */
  drawRows?: () => RowDrawer;
}

/**
 * The officer's table was to go into a unit's own workbook: it would end up in the unit's dossier.
 * Thrown before any file is read; nothing is written. `file`: the workbook's label (each host words it).
 */
export class UnitWorkbookTargetError extends Error {
  override readonly name = 'UnitWorkbookTargetError';

  constructor(
    readonly file: string,
    lang: Lang,
  ) {
    super(t(lang, 'consolidate.unitWorkbook', { book: t(lang, 'workbook.protected.book', { file }) }));
  }
}

export function isUnitWorkbookTargetError(e: unknown): e is UnitWorkbookTargetError {
  return e instanceof Error && e.name === 'UnitWorkbookTargetError';
}

export async function consolidateFiles(workbook: Workbook, files: ReceivedFile[], read: ReadFiles, options: ConsolidateFilesOptions): Promise<ConsolidationResult | null> {
  const lang = options.lang ?? 'vi';
  // First, one read of the sheet names: an officer who picked 2,000 files is told before any is read.
  if (await isUnitWorkbook(workbook)) throw new UnitWorkbookTargetError(workbook.label, lang);
  const max = options.limits?.maxFileBytes ?? DEFAULT_LIMITS.maxFileBytes;
  const consolidation = new Consolidation(options);
  const drawn = options.drawRows ? new DrawnUnits(options.drawRows) : undefined;
  let done = 0;
  const add = (outcome: FileOutcome, index: number) => {
    consolidation.add(outcome, index);
    if (drawn) {
      drawn.addFile(outcome.report, index, lang);
      if (outcome.unit) drawn.add(outcome.unit, outcome.report.file, index);
    }
    done++;
    options.onProgress?.({ done, total: files.length });
  };
  const toRead = filesToRead(files, options.limits);
  files.forEach((f, i) => {
    const refused = f.skipped !== undefined ? skippedFile(f, f.skipped) : refuseBySize(f, max, options.limits, lang);
    if (refused) add(refused, i);
  });
  if (toRead.length > 0 && !(await read(toRead, add))) return null;
  const result = consolidation.finish();
  options.onWriting?.();
  await writeConsolidation(workbook, result, lang, drawn);
  return result;
}

/** Whether the workbook is a unit's own (its data sheets): no place for the officer's table (a pane says so up front). */
export async function isUnitWorkbook(workbook: Workbook): Promise<boolean> {
  const { sheetNames } = await workbook.batch((session) => session.read([]));
  return hasUnitSheets(sheetNames);
}

/** The files that go to the reader: every one not skipped or refused from its size (a host may start reading them early). */
export function filesToRead(files: ReceivedFile[], limits: Partial<XlsxLimits> | undefined): number[] {
  const max = limits?.maxFileBytes ?? DEFAULT_LIMITS.maxFileBytes;
  const out: number[] = [];
  files.forEach((f, i) => {
    if (f.size <= max && f.skipped === undefined) out.push(i);
  });
  return out;
}
