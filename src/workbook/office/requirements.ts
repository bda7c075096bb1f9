/**
 * ExcelApi requirement sets. The add-in needs 1.4 (the *OrNullObject calls); anything newer
 * is checked at run time and skipped when the host lacks it, so older Excel still works.
 */

/** `supports('1.9')`: is ExcelApi 1.9 available in this host? */
export type Supports = (version: string) => boolean;

export const MINIMUM_API = '1.4';

/** What each optional feature needs. */
export const API = {
  tabColor: '1.7',
  freeze: '1.7',
  validation: '1.8',
  autoFilter: '1.9',
  pageLayout: '1.9',
  rowColumnProperties: '1.9',
  mergedAreas: '1.13',
  // Worksheet-scoped names, where the ownership mark lives (plan.ts SHEET_MARK).
  mark: '1.4',
} as const;

export const officeSupports: Supports = (version) => {
  if (typeof Office === 'undefined') return false;
  try {
    return Office.context.requirements.isSetSupported('ExcelApi', version);
  } catch {
    return false;
  }
};
