/**
 * Consolidation from received files to the two sheets, one flow for the pane (a Web Worker
 * reads) and the CLI (worker threads read): an oversized file is refused from its size and
 * never read, the others go to the reader, every outcome lands at its file's place, and the
 * sheets are written once, after the whole batch. Cancelled: nothing is written.
 */
import { DEFAULT_LIMITS, XlsxError, type XlsxLimits } from '../../xlsx';
import type { Lang } from '../../i18n';
import type { Workbook } from '../../workbook/port';
import { xlsxReason } from '../xlsxReason';
import { Consolidation, type ConsolidateOptions, type ConsolidationResult } from './aggregate';
import { DrawnUnits, writeConsolidation, type RowDrawer } from './layout';
import type { FileOutcome } from './records';

export interface ReceivedFile {
  /** As the file report shows it (name, or path relative to where the CLI runs). */
  label: string;
  size: number;
}

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
    if (drawn && outcome.unit) drawn.add(outcome.unit, outcome.report.file, index);
    done++;
    options.onProgress?.({ done, total: files.length });
  };
  const toRead: number[] = [];
  files.forEach((f, i) => {
    const refused = refuseBySize(f, max, options.limits, lang);
    if (refused) add(refused, i);
    else toRead.push(i);
  });
  if (toRead.length > 0 && !(await read(toRead, add))) return null;
  const result = consolidation.finish();
  options.onWriting?.();
  await writeConsolidation(workbook, result, lang, drawn);
  return result;
}

/** The "file too large" outcome: the file is refused from its size, its bytes never read. */
export function refuseBySize(file: ReceivedFile, max: number, limits: Partial<XlsxLimits> | undefined, lang: Lang): FileOutcome | null {
  if (file.size <= max) return null;
  return rejectedFile(file, xlsxReason(new XlsxError('tooLarge'), file.size, limits, lang));
}

export function rejectedFile(file: ReceivedFile, reason: string): FileOutcome {
  return { report: { file: file.label, size: file.size, status: 'rejected', unit: '', reasons: [reason], application: null }, unit: null };
}
