/**
 * The PaneHost inside Excel: the Office.js workbook, Office's language and theme, and
 * requirement sets checked at run time. Everything that touches the `Office` global for the
 * pane is here, so the pane itself never does.
 */
import type { PaneHost } from '../../taskpane/host';
import { OfficeWorkbook, type ExcelRunner } from '../../workbook/office/officeWorkbook';
import { supportsIn } from '../../workbook/office/requirements';
import type { OfficeDocumentLike } from './officeFile';
import { excelNewWorkbooks, loadFiles, type ExcelLike } from './newWorkbooks';
import { startLang } from '../../taskpane/langChoice';
import { excelEdits, type SheetChangeOptions } from './sheetChanges';

export interface OfficeLike {
  context: {
    displayLanguage?: string;
    officeTheme?: { isDarkTheme?: boolean } | undefined;
    requirements: { isSetSupported(name: string, minVersion?: string): boolean };
    /** Office.context.document: its getFileAsync gives the open workbook's file. */
    document?: unknown;
  };
}

function themeOf(office: OfficeLike): 'light' | 'dark' {
  try {
    return office.context.officeTheme?.isDarkTheme ? 'dark' : 'light';
  } catch {
    return 'light'; // officeTheme throws on hosts that lack it
  }
}

/** The Excel namespace as far as the host uses it. */
export interface ExcelNamespace extends ExcelLike {
  run: ExcelRunner;
}

/**
 * `excel`: the Excel namespace (Excel.createWorkbook for the new workbooks the pane makes,
 * Excel.run for the change events). `changes`: where the focus comes back and the burst's wait (tests).
 */
export function createExcelHost(
  office: OfficeLike,
  workbook = new OfficeWorkbook(),
  excel?: ExcelNamespace,
  changes: Pick<SheetChangeOptions, 'focus' | 'later'> = { focus: typeof window === 'undefined' ? undefined : window },
): PaneHost {
  const supports = supportsIn(office);
  const locale = office.context.displayLanguage ?? 'vi-VN';
  // Office's overloaded getFileAsync, as far as officeFile.ts calls it.
  const document = office.context.document as OfficeDocumentLike | undefined;
  return {
    kind: 'excel',
    workbook,
    locale,
    theme: themeOf(office),
    supports,
    // One batch: activate the sheet and select the cell (two syncs: sheet names, then the selection).
    showCell: (sheet, address) => workbook.batch(async (session) => session.select(sheet, address)),
    // The clerk's edits in the sheets: the evaluation says when its results are out of date.
    edits: excel ? excelEdits({ run: excel.run, supports, ...changes }) : undefined,
    newWorkbooks: document && excel ? excelNewWorkbooks(document, excel, supports) : undefined,
    // The file implementation reads with the browser's DecompressionStream (Excel's older webviews lack it).
    openFile:
      typeof DecompressionStream === 'undefined'
        ? undefined
        : async (file) => (await loadFiles()).openPicked(new Uint8Array(await file.arrayBuffer()), file.name, startLang(null)),
  };
}
