/**
 * Excel's refusal of a batch, said to the user: what the workbook was doing (reading or writing
 * which sheets), why Excel refused and what to do next. The Office.js adapter makes it from
 * Office's error code (office/excelErrors.ts); the pane shows it in its language, as it shows the
 * user's protection (protection.ts).
 */
import { t, type Lang } from '../i18n';

export type ExcelRefusalKind = 'cellEdit' | 'denied' | 'busy' | 'tooBig' | 'merged' | 'filtered' | 'pivot' | 'noRoom' | 'changed' | 'inactive' | 'hiddenSheet' | 'internal';

/** What a batch was doing when Excel refused: reading or writing which sheets (actual names). */
export interface ExcelActivity {
  writing: boolean;
  sheets: readonly string[];
  /** An earlier request of the same write was taken: Excel has no undo for an add-in's requests. */
  partly?: boolean;
}

/** A batch Excel refused; `message` is the Vietnamese text, excelRefusedText gives it in any language. */
export class ExcelRefusedError extends Error {
  override readonly name = 'ExcelRefusedError';
  readonly writing: boolean;
  readonly sheets: readonly string[];
  readonly partly: boolean;

  constructor(
    readonly kind: ExcelRefusalKind,
    /** Office's code, kept: the one thing to pass on to whoever supports the school. */
    readonly code: string,
    activity: ExcelActivity,
    cause?: unknown,
  ) {
    super('', { cause });
    this.writing = activity.writing;
    this.sheets = [...activity.sheets];
    this.partly = activity.writing && (activity.partly ?? false);
    this.message = excelRefusedText('vi', this);
  }
}

export function isExcelRefusedError(e: unknown): e is ExcelRefusedError {
  return e instanceof Error && e.name === 'ExcelRefusedError';
}

export function excelRefusedText(lang: Lang, e: Pick<ExcelRefusedError, 'kind' | 'code' | 'writing' | 'sheets'> & { partly?: boolean }): string {
  const quoted = e.sheets.map((s) => `“${s}”`);
  const place =
    quoted.length === 0
      ? t(lang, 'workbook.excel.book')
      : quoted.length === 1
        ? t(lang, 'workbook.excel.sheet', { sheet: e.sheets[0]! })
        : t(lang, 'workbook.excel.sheets', { sheets: quoted.join(', ') });
  const doing = t(lang, e.writing ? 'workbook.excel.writing' : 'workbook.excel.reading');
  const said = t(lang, `workbook.excel.${e.kind}`, { place, doing, code: e.code, sheet: e.sheets[0] ?? '' });
  return e.partly ? `${said} ${t(lang, 'workbook.excel.partly', { place })}` : said;
}
