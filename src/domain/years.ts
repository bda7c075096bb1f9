import { readNumber, readText, type CellValue } from './values';

/**
 * The years a unit may be evaluated for: none before the first rule set of this kind (TT22
 * is of 2020), none after next year (a typo). One rule for what the CLI accepts as --year and
 * what evaluate flags on "Thông tin đơn vị", so a new workbook never starts with a warning.
 */
export function evaluationYears(now: Date): { min: number; max: number } {
  return { min: 2000, max: now.getFullYear() + 1 };
}

export type YearRead = { kind: 'year'; year: number } | { kind: 'blank' } | { kind: 'invalid'; text: string };

/**
 * The evaluation year in a cell, by the one rule evaluate checks and consolidation reads:
 * a whole number within evaluationYears, typed as a number or as text (" 2025 ", "2025.0").
 * "2,025" or "năm 2025" is not a year: reported, never guessed.
 */
export function readYear(v: CellValue, now: Date): YearRead {
  const text = readText(v);
  if (text === '') return { kind: 'blank' };
  const n = readNumber(v);
  const years = evaluationYears(now);
  return n.kind === 'number' && Number.isInteger(n.value) && n.value >= years.min && n.value <= years.max ? { kind: 'year', year: n.value } : { kind: 'invalid', text };
}
