/** Port cell inputs → what `range.formulas` and `range.numberFormat` take. */
import type { CellInput } from '../port';
import { dateToSerial, DEFAULT_DATE_FORMAT } from '../plan';
import { asTextInput } from './textSafety';

export type ExcelInput = string | number | boolean;

/** null clears the cell ('' in Office.js; null there would mean "leave unchanged"). */
export function toExcelInput(v: CellInput): ExcelInput {
  if (v === null) return '';
  if (typeof v === 'string') return asTextInput(v);
  if (typeof v === 'number') return Number.isFinite(v) ? v : '';
  if (typeof v === 'boolean') return v;
  if (v instanceof Date) return dateToSerial(v);
  return v.formula;
}

export interface BlockInput {
  /** Rectangular: short rows are padded with null, which Office.js leaves unchanged. */
  formulas: (ExcelInput | null)[][];
  /** Only when the block holds dates: a date format there, null (unchanged) elsewhere. */
  numberFormat?: (string | null)[][];
  width: number;
}

export function toBlockInput(rows: CellInput[][]): BlockInput {
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  let hasDates = false;
  const formulas = rows.map((r) => {
    const out: (ExcelInput | null)[] = r.map((v) => {
      if (v instanceof Date) hasDates = true;
      return toExcelInput(v);
    });
    while (out.length < width) out.push(null);
    return out;
  });
  if (!hasDates) return { formulas, width };
  const numberFormat = rows.map((r) => {
    const out = r.map((v) => (v instanceof Date ? DEFAULT_DATE_FORMAT : null));
    while (out.length < width) out.push(null);
    return out;
  });
  return { formulas, numberFormat, width };
}
