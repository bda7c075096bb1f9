/**
 * Cell values as the readers hand them to the domain, and how the spellings people really
 * type are read. Nothing ambiguous is guessed: the caller gets `ambiguous` and reports it.
 */
import { excelTrim, spellingKey } from './text';

export interface CellError {
  error: string; // '#DIV/0!', '#N/A', ...
}
export type CellValue = string | number | boolean | null | CellError;

/**
 * What a file's formula cell reads as when its writer stored no result (openpyxl, some export
 * tools): not a blank cell. Not an Excel error text, so never taken for one.
 */
export const UNCALCULATED = '#UNCALCULATED';

export function isUncalculated(v: CellValue | undefined): boolean {
  return isCellError(v) && v.error === UNCALCULATED;
}

export function isCellError(v: CellValue | undefined): v is CellError {
  return typeof v === 'object' && v !== null && 'error' in v;
}

/** What an error cell shows: its error, or nothing for a formula not calculated (its value is unknown). */
export function errorText(v: CellError): string {
  return v.error === UNCALCULATED ? '' : v.error;
}

export function isBlank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && excelTrim(v) === '');
}

/** The spellings a rule set accepts; lower-case NFC, compared after Excel-style TRIM by spellingKey. */
export interface Spellings {
  yes: string[];
  no: string[];
}

export const DEFAULT_SPELLINGS: Spellings = {
  yes: ['x', 'có', 'đạt', '1', 'true', '✓', '✔'],
  // Crosses are "no" as ticks are "yes".
  no: ['không', 'chưa đạt', 'không đạt', '0', 'false', '-', '✗', '✘', '×'],
};

/** What a cell means as text, the way the sheet formulas see it (`TRIM(v&"")`). */
export function cellAsText(v: CellValue): string {
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return numberAsText(v);
  if (isCellError(v)) return errorText(v);
  return excelTrim(v);
}

function numberAsText(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return String(Number(n.toPrecision(15)));
}

export type YesNo = 'yes' | 'no' | 'blank' | 'ambiguous' | 'error';

export function readYesNo(v: CellValue, spellings: Spellings = DEFAULT_SPELLINGS): YesNo {
  if (isCellError(v)) return 'error';
  if (v === null || v === undefined) return 'blank';
  // Blank is a text that trims to nothing (isBlank): trimmed once here, as cellAsText does.
  const text = cellAsText(v);
  if (text === '') return 'blank';
  const t = spellingKey(text);
  if (spellings.yes.some((s) => spellingKey(s) === t)) return 'yes';
  if (spellings.no.some((s) => spellingKey(s) === t)) return 'no';
  return 'ambiguous';
}

/**
 * `fn` memoised on the cell's value: a column holds few distinct values ("Có", "x", 80) among
 * thousands of rows. Blanks and errors go straight to `fn`; the memo is bounded like text.ts's.
 */
export function memoCell<T>(fn: (v: CellValue) => T, limit = 4096): (v: CellValue) => T {
  let cache = new Map<string | number | boolean, T>();
  return (v) => {
    if (v === null || typeof v === 'object') return fn(v);
    let out = cache.get(v);
    if (out === undefined) {
      out = fn(v);
      if (cache.size >= limit) cache = new Map();
      cache.set(v, out);
    }
    return out;
  };
}

/** readYesNo for one set of spellings, memoised: for reading a whole column. */
export function yesNoReader(spellings: Spellings): (v: CellValue) => YesNo {
  return memoCell((v) => readYesNo(v, spellings));
}

export type NumberRead = { kind: 'number'; value: number } | { kind: 'blank' } | { kind: 'invalid' } | { kind: 'error' };

/**
 * A number, or a number stored as text with a dot as decimal separator. "85,5" is
 * ambiguous (decimal comma or thousands?) and is reported, never guessed.
 */
export function readNumber(v: CellValue): NumberRead {
  if (isCellError(v)) return { kind: 'error' };
  if (v === null || v === undefined) return { kind: 'blank' };
  if (typeof v === 'number') return Number.isFinite(v) ? { kind: 'number', value: v } : { kind: 'invalid' };
  if (typeof v === 'boolean') return { kind: 'invalid' };
  const t = excelTrim(v);
  if (t === '') return { kind: 'blank' };
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(t)) return { kind: 'number', value: Number(t) };
  return { kind: 'invalid' };
}

/** Percentages typed as 90, 90%, "90%" or 0.9 all mean 90%. */
export function readFraction(v: CellValue): number | null {
  if (typeof v === 'string') {
    const t = excelTrim(v);
    const m = /^([+-]?\d+(?:[.,]\d+)?)\s*%$/.exec(t);
    if (m) return Number(m[1]!.replace(',', '.')) / 100;
  }
  const n = readNumber(v);
  if (n.kind !== 'number') return null;
  return n.value > 1 ? n.value / 100 : n.value;
}

/** `readText(v) !== ''` without building the text: Excel's TRIM takes only spaces away. */
export function hasText(v: CellValue | undefined): boolean {
  if (typeof v !== 'string') return typeof v === 'number' || typeof v === 'boolean';
  for (let i = 0; i < v.length; i++) if (v.charCodeAt(i) !== 32) return true;
  return false;
}

/** Plain text of a cell for names and labels (errors become ''). */
export function readText(v: CellValue | undefined): string {
  if (v === undefined || v === null || isCellError(v)) return '';
  return cellAsText(v);
}
