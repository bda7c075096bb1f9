/**
 * Consolidation from received files to the two sheets, one flow for the pane (a Web Worker
 * reads) and the CLI (worker threads read): an oversized file is refused from its size and
 * never read, the others go to the reader, every outcome lands at its file's place, and the
 * sheets are written once, after the whole batch. Cancelled: nothing is written.
 */
import { DEFAULT_LIMITS, type XlsxLimits } from '../../xlsx';
import type { Workbook } from '../../workbook/port';
import { findSheetName } from '../../workbook/plan';
import { SHEETS } from '../../sheets/names';
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

export async function consolidateFiles(workbook: Workbook, files: ReceivedFile[], read: ReadFiles, options: ConsolidateFilesOptions): Promise<ConsolidationResult | null> {
  const lang = options.lang ?? 'vi';
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

/** Whether the workbook is a unit's own (its data sheets): no place for the officer's table. */
export async function isUnitWorkbook(workbook: Workbook): Promise<boolean> {
  const { sheetNames } = await workbook.batch((session) => session.read([]));
  return [SHEETS.unit, SHEETS.members].every((s) => findSheetName(sheetNames, s) !== undefined);
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
