/**
 * The PaneHost inside Excel: the Office.js workbook, Office's language and theme, and
 * requirement sets checked at run time. Everything that touches the `Office` global for the
 * pane is here, so the pane itself never does.
 */
import type { PaneHost } from '../../taskpane/host';
import { OfficeWorkbook } from '../../workbook/office/officeWorkbook';
import { supportsIn } from '../../workbook/office/requirements';

export interface OfficeLike {
  context: {
    displayLanguage?: string;
    officeTheme?: { isDarkTheme?: boolean } | undefined;
    requirements: { isSetSupported(name: string, minVersion?: string): boolean };
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
