/**
 * The years a unit may be evaluated for: none before the first rule set of this kind (TT22
 * is of 2020), none after next year (a typo). One rule for what the CLI accepts as --year and
 * what evaluate flags on "Thông tin đơn vị", so a new workbook never starts with a warning.
 */
export function evaluationYears(now: Date): { min: number; max: number } {
  return { min: 2000, max: now.getFullYear() + 1 };
}
