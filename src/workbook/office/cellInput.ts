/** Port cell inputs → what `range.formulas` takes. */
import type { CellInput } from '../port';
import { asTextInput } from './textSafety';

export type ExcelInput = string | number | boolean;

/**
 * null clears the cell ('' in Office.js; null there would mean "leave unchanged"). A Date never
 * gets here: prepareBatch (plan.ts) made it a serial of the workbook's date system, with its format.
 */
export function toExcelInput(v: CellInput): ExcelInput {
  if (v === null) return '';
  if (typeof v === 'string') return asTextInput(v);
  if (typeof v === 'number') return Number.isFinite(v) ? v : '';
  if (typeof v === 'boolean') return v;
  if (v instanceof Date) throw new Error('A Date reached Office.js unprepared: plan.ts prepareBatch writes it as a serial of the workbook’s date system.');
  return v.formula;
}

export interface BlockInput {
  /** Rectangular: short rows are padded with null, which Office.js leaves unchanged. */
  formulas: (ExcelInput | null)[][];
  width: number;
}

export function toBlockInput(rows: CellInput[][]): BlockInput {
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  const formulas = rows.map((r) => {
    const out: (ExcelInput | null)[] = r.map(toExcelInput);
    while (out.length < width) out.push(null);
    return out;
  });
  return { formulas, width };
}
