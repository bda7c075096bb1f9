/**
 * What the contract suite needs from a workbook implementation: a workbook to run batches on,
 * and a way to look at the result as Excel would show it. Each implementation has one harness
 * (harnesses.ts); the suite (suite.ts) asserts the same outcome for all of them.
 */
import type { CellValue, HeaderFooterSections, Workbook } from '../../../src/workbook/port';

/** A validation as the user meets it: the dropdown's items, or the range it lists. */
export type ValidationState = string[] | { source: string };

export interface SheetState {
  /** Non-empty cells: the value shown, or the formula ("=A1*2") for a formula cell. */
  cells: Record<string, CellValue>;
  /** Number formats other than General, by cell. */
  formats: Record<string, string>;
  /** List validations, cell by cell (ranges expanded: implementations store them differently). */
  validations: Record<string, ValidationState>;
  merges: string[];
  freeze: { rows: number; columns: number } | null;
  autoFilter: string | null;
  /** scale: the print scale, when not fitted and not the default 100%; pageOrder only when not Excel's default (down, then over); header and footer only when a section holds text. */
  page: { orientation?: 'portrait' | 'landscape'; paperSize?: 'A4'; fitToWidth?: boolean; scale?: number; printArea?: string; printTitleRows?: string; printTitleColumns?: string; pageOrder?: 'overThenDown'; header?: HeaderFooterSections; footer?: HeaderFooterSections; rowBreaks: number[] };
  tabColor: string | null;
  /** The ownership mark's role, or null for a sheet without one. */
  role: string | null;
  /** Excel tables on the sheet. */
  tables: { name: string; range: string }[];
  /** Conditional formats in order of priority (first wins): the range, the rule's formula and what it sets. */
  conditionalFormats: ConditionalFormatState[];
  /** Charts, for implementations that draw them, in the order drawn. */
  charts?: ChartState[];
  /**
   * The result stored with each formula cell, for hosts that store the plan's results (files);
   * absent inside Excel, which computes its own.
   */
  results?: Record<string, CellValue>;
}

export interface ConditionalFormatState {
  range: string;
  /** With its "=". */
  formula: string;
  fill?: string;
  bold?: boolean;
  fontColor?: string;
}

/** A chart as the user sees it: its kind, title, the cells it covers and its value axis's fixed bounds. */
export interface ChartState {
  type: 'columnClustered' | 'barClustered' | 'pie';
  title: string;
  from: string;
  to: string;
  /** Null when the axis is automatic (or the chart has none). */
  valueAxis: { minimum: number; maximum: number } | null;
}

export interface Subject {
  workbook: Workbook;
  sheetNames(): Promise<string[]>;
  sheet(name: string): Promise<SheetState>;
  /** For a file: the values LibreOffice computes for the sheet's formula cells once it recalculates the file. */
  recalculated?(name: string): Promise<Record<string, CellValue>>;
}

export interface Implementation {
  name: string;
  /** Charts are drawn (else the plan's charts come back as a chartsNotDrawn warning). */
  drawsCharts: boolean;
  /** Excel tables are drawn (else a plan's tables come back as tableNotDrawn warnings). */
  drawsTables: boolean;
  /**
   * What a formula written without a result reads back as: its value where the host calculates
   * (inside Excel); not calculated (UNCALCULATED) from a file, whose reader tells no `<v>` from
   * Excel's `<v></v>` of an empty text; blank for ExcelJS, whose reader drops an empty cached
   * result and so cannot tell the two.
   */
  withoutResult: 'calculated' | 'notCalculated' | 'blank';
  /**
   * A workbook holding these sheets, in this order (values from A1; strings are text). Sheets
   * named in `marks` carry the add-in's mark for that role; the others are the user's.
   * `protection` is what the user protected, as Excel's Review tab does it.
   */
  open(sheets: Record<string, CellValue[][]>, marks?: Record<string, string>, protection?: ProtectionSetup, hidden?: HiddenRows, setup?: WorkbookSetup): Promise<Subject>;
}

export interface WorkbookSetup {
  /** The workbook counts dates in the 1904 system (Excel for Mac's old default): its numbers are stored as given. */
  date1904?: boolean;
  /** Sheets the user hid (right-click → Hide) or a macro made very hidden (only VBA shows them). */
  hiddenSheets?: Record<string, 'hidden' | 'veryHidden'>;
}

/** Rows the user hid (Home → Format → Hide, or a filter showing one group): sheet → 1-based rows. */
export type HiddenRows = Record<string, number[]>;

export interface ProtectionSetup {
  /** Review → Protect Workbook: the structure is locked. */
  structure?: boolean;
  /** Review → Protect Sheet, each with the ranges whose cells are unlocked (Format Cells → Protection). */
  sheets?: Record<string, { unlocked?: string[] }>;
}
