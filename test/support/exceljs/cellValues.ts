/**
 * ExcelJS cell values ⇄ the port's CellValue. Pure functions: safe in the browser bundle.
 */
import type { CellValue } from '../../../src/workbook/port';

const MS_PER_DAY = 86_400_000;
/** 1970-01-01 as an Excel serial (1900 date system). */
const UNIX_EPOCH_SERIAL = 25_569;
/** Days between the 1900 and 1904 date systems. */
const DATE1904_OFFSET = 1_462;

/**
 * ExcelJS turns serials into Dates whose UTC fields are the cell's wall clock when the number
 * format looks like a date: undo exactly that (not a user's Date: those go through plan.ts).
 */
export function excelJsDateToSerial(d: Date, date1904 = false): number {
  return UNIX_EPOCH_SERIAL + d.getTime() / MS_PER_DAY - (date1904 ? DATE1904_OFFSET : 0);
}

interface RichTextLike {
  richText: { text?: unknown }[];
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

function isRichText(v: unknown): v is RichTextLike {
  return isObject(v) && Array.isArray(v['richText']);
}

/** Plain text of a string, rich text or hyperlink text (which may itself be rich text). */
function textOf(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (isRichText(v)) return v.richText.map((run) => (typeof run.text === 'string' ? run.text : '')).join('');
  return undefined;
}

/**
 * A raw ExcelJS value (cell.value, or a formula's cached result) as the domain sees it.
 * Formula objects are handled by the caller, which knows the cell's cached result.
 */
export function normaliseScalar(v: unknown, date1904: boolean): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v === '' ? null : v;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v;
  if (v instanceof Date) return excelJsDateToSerial(v, date1904);
  if (isObject(v)) {
    if (typeof v['error'] === 'string') return { error: v['error'] };
    const rich = textOf(v);
    if (rich !== undefined) return rich === '' ? null : rich;
    if ('hyperlink' in v || 'text' in v) {
      const t = textOf(v['text']);
      return t === undefined || t === '' ? null : t;
    }
  }
  return null;
}
