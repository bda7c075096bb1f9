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
  // Range.copyFrom: a formula fill sent once per column (else one formula per cell).
  fill: '1.9',
  mergedAreas: '1.13',
  // Excel tables: tables.add is older, but redrawing one means Table.resize.
  table: '1.13',
  // Worksheet-scoped names, where the ownership mark lives (plan.ts SHEET_MARK).
  mark: '1.4',
  // Worksheet.getNext…: every sheet's mark found in the read's one sync, before its name is known.
  sheetWalk: '1.5',
  // Workbook.protection: Review → Protect Workbook (a sheet's protection needs only 1.2).
  workbookProtection: '1.7',
  // A sheet redrawn in place: Range.unmerge, rows and columns shown; standard widths and heights.
  sheetReset: '1.2',
  standardSizes: '1.7',
  conditionalFormats: '1.6',
} as const;

/**
 * "ExcelApi 1.9", "ExcelApi:1.9" or just "1.9" (ExcelApi implied) → the set and version
 * Office.context.requirements.isSetSupported takes. Null when the text is neither.
 */
export function parseRequirement(requirement: string): { set: string; version: string } | null {
  const m = /^\s*(?:([A-Za-z][\w.]*)\s*[\s:]\s*)?(\d+(?:\.\d+)?)\s*$/.exec(requirement);
  if (!m) return null;
  return { set: m[1] ?? 'ExcelApi', version: m[2]! };
}

/** What a requirement check needs of the `Office` global (tests pass a fake). */
export interface RequirementsHost {
  context: { requirements: { isSetSupported(name: string, minVersion?: string): boolean } };
}

/** The one requirement check, for the workbook adapter and the pane's steps. */
export function supportsIn(office: RequirementsHost): (requirement: string) => boolean {
  return (requirement) => {
    const r = parseRequirement(requirement);
    if (!r) return false; // an unknown requirement is a missing one: the feature is hidden, with its reason
    try {
      return office.context.requirements.isSetSupported(r.set, r.version);
    } catch {
      return false;
    }
  };
}

export const officeSupports: Supports = (version) => typeof Office !== 'undefined' && supportsIn(Office)(version);
