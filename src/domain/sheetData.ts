/** A sheet's values as every reader hands them on (Office.js, ExcelJS, the bounded .xlsx reader). */
import type { CellValue } from './values';

export interface SheetData {
  name: string;
  /** Values from A1 to the last used cell; rows may be shorter than the widest one. */
  rows: CellValue[][];
  /** Only when requested with `layout: true`. Addresses like "A1:C2". */
  merges?: string[];
  /** Only when requested with `layout: true`. 1-based. */
  hiddenRows?: number[];
  hiddenColumns?: number[];
  /** Only for the sheets named in ReadOptions.formulas: the cells holding a formula ("C9"), whatever their value. */
  formulas?: ReadonlySet<string>;
}

export interface WorkbookSnapshot {
  /** Every sheet of the workbook, in tab order. */
  sheetNames: string[];
  /** The requested sheets that exist, keyed by the name asked for. */
  sheets: Map<string, SheetData>;
  /**
   * Role of each add-in sheet (its DVHT_SHEET mark), by actual sheet name: at least for the
   * sheets read, and for every sheet when the read asked for marks (ReadOptions.marks). A sheet
   * without a mark is the user's.
   */
  roles?: Map<string, string>;
  /**
   * The structure is locked (Review → Protect Workbook): no sheet can be added, deleted or renamed.
   * False where the host cannot tell (Excel before ExcelApi 1.7, which then refuses by itself).
   */
  structureLocked?: boolean;
  /**
   * The workbook counts dates from 1904 (Excel for Mac's old default): a date cell's serial is
   * 1,462 less than in the 1900 system. Every host says; absent (a snapshot made by hand) is 1900.
   * Cells are handed as stored: a host cannot tell a date from a number, the reader of a date
   * converts it (usecases/consolidate/dates.ts readDate).
   */
  date1904?: boolean;
  /**
   * The sheets not shown as tabs, by actual name, in tab order: hidden by the user (Excel's
   * Unhide lists them) or very hidden (only a macro or the VBA editor shows them). A sheet not in
   * it is visible. Every host says; absent (a snapshot made by hand) is none hidden.
   */
  hiddenSheets?: Map<string, HiddenSheet>;
}

export type HiddenSheet = 'hidden' | 'veryHidden';
