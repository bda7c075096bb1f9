/**
 * The PaneHost inside Excel: the Office.js workbook, Office's language and theme, and
 * requirement sets checked at run time. Everything that touches the `Office` global for the
 * pane is here, so the pane itself never does.
 */
import type { PaneHost } from '../../taskpane/host';
import { OfficeWorkbook } from '../../workbook/office/officeWorkbook';

/**
 * "ExcelApi 1.9", "ExcelApi:1.9" or just "1.9" (ExcelApi implied) → the set and version
 * Office.context.requirements.isSetSupported takes. Null when the text is neither.
 */
export function parseRequirement(requirement: string): { set: string; version: string } | null {
  const m = /^\s*(?:([A-Za-z][\w.]*)\s*[\s:]\s*)?(\d+(?:\.\d+)?)\s*$/.exec(requirement);
  if (!m) return null;
  return { set: m[1] ?? 'ExcelApi', version: m[2]! };
}

export interface OfficeLike {
  context: {
    displayLanguage?: string;
    officeTheme?: { isDarkTheme?: boolean } | undefined;
    requirements: { isSetSupported(name: string, minVersion?: string): boolean };
  };
}

export function supportsIn(office: OfficeLike): (requirement: string) => boolean {
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

function themeOf(office: OfficeLike): 'light' | 'dark' {
  try {
    return office.context.officeTheme?.isDarkTheme ? 'dark' : 'light';
  } catch {
    return 'light'; // officeTheme throws on hosts that lack it
  }
}

export function createExcelHost(office: OfficeLike, workbook = new OfficeWorkbook()): PaneHost {
  return {
    kind: 'excel',
    workbook,
    locale: office.context.displayLanguage ?? 'vi-VN',
    theme: themeOf(office),
    supports: supportsIn(office),
    // One batch: activate the sheet and select the cell (two syncs: sheet names, then the selection).
    showCell: (sheet, address) => workbook.batch(async (session) => session.select(sheet, address)),
  };
}
