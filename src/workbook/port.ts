/**
 * The one small workbook interface every use-case talks to. Implementations: Office.js inside
 * Excel (workbook/office) and the .xlsx file implementation (workbook/xlsx: the CLI and the browser
 * preview). Tests add a third, on ExcelJS (test/support/exceljs), an independent writer.
 *
 * A use-case runs inside one `batch`: it reads what it needs (one round trip for up to
 * ~5,000 members), computes, and queues writes that are flushed once at the end. This shape
 * is what lets the Office.js side stay at two `context.sync` calls per command.
 */
import type { CellValue } from '../domain/values';
import type { HiddenSheet, SheetData, WorkbookSnapshot } from '../domain/sheetData';

// Lower than the port: the .xlsx reader hands on the same shapes.
export type { CellValue, HiddenSheet, SheetData, WorkbookSnapshot };

export interface ReadOptions {
  /**
   * Also report merged ranges and hidden rows/columns (import needs them): for every sheet
   * read, or only for the sheets named (inside Excel, asking layout of a sheet that may not
   * exist costs extra round trips).
   */
  layout?: boolean | readonly string[];
  /**
   * Also report the ownership marks (roles), without reading cells: those of these sheets (what
   * plan.ts's ownSheetCandidates lists for the add-in sheets a use-case draws), and of every other
   * marked sheet, since a user may have renamed one.
   */
  marks?: readonly string[];
  /**
   * Also report which cells of these sheets hold a formula (SheetData.formulas): a use-case that
   * clears figures keeps the ones a formula computes. Inside Excel, Range.formulas is loaded
   * with the values, in the same requests: no round trip more for a small sheet (a large one's
   * formulas weigh about as much again as its values).
   */
  formulas?: readonly string[];
}

/**
 * The one key for sheet names, used by every implementation: Excel ignores case, and a name
 * typed in decomposed Unicode (NFD, common with Vietnamese input methods) is the NFC one.
 */
export function sheetKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

/** Whether `options` asks for the layout of the sheet asked for as `sheet`. */
export function wantsLayout(options: ReadOptions, sheet: string): boolean {
  const { layout } = options;
  if (layout === true) return true;
  return Array.isArray(layout) && names(layout, sheet);
}

/** Whether `options` asks which cells of the sheet asked for as `sheet` hold a formula. */
export function wantsFormulas(options: ReadOptions, sheet: string): boolean {
  return options.formulas !== undefined && names(options.formulas, sheet);
}

function names(list: readonly string[], sheet: string): boolean {
  return list.some((n) => sheetKey(n) === sheetKey(sheet));
}

/** What a cell receives. Strings are always stored as text, even "=1+1" or "0012". */
export type CellInput = null | string | number | boolean | Date | FormulaInput;

export interface FormulaInput {
  /** A1 formula with its leading "=". */
  formula: string;
  /** The value the engine computed, stored as the cached result where the format has one. */
  result?: CellValue;
}

export interface CellBlock {
  /** Top-left cell, e.g. "B5". */
  at: string;
  rows: CellInput[][];
}

/**
 * One formula filled down a single-column range, as Excel's fill handle does: written for the
 * range's first cell, its relative references move with each row and $-anchored ones stay. A
 * host sends or stores it once per column (a shared formula in a file, one copy inside Excel)
 * instead of once per cell.
 */
export interface FormulaFill {
  /** A single-column range, e.g. "S5:S5004". */
  range: string;
  /** A1 formula of the range's first cell, with its leading "=". */
  formula: string;
  /** The engine's results, one per row of the range, stored as cached values where the format has them. */
  results?: CellValue[];
}

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  fontName?: string;
  fontSize?: number;
  fontColor?: string; // "#RRGGBB"
  fill?: string; // "#RRGGBB"
  numberFormat?: string; // "0.0%", "@", "dd/mm/yyyy"
  horizontal?: 'left' | 'center' | 'right' | 'justify';
  vertical?: 'top' | 'middle' | 'bottom';
  wrap?: boolean;
  border?: 'thin' | 'none';
}

export interface StyleRun {
  range: string; // "A1:D4"
  style: CellStyle;
}

export interface Validation {
  range: string;
  /** Allowed values, or a reference like "='Danh mục'!$C$4:$C$20". */
  list: string[] | { source: string };
  /** Other values are still accepted (real sheets hold x, ✓, …): the list only helps. */
}

export interface PageSetup {
  orientation?: 'portrait' | 'landscape';
  paperSize?: 'A4';
  /** Centimetres. */
  margins?: { top: number; bottom: number; left: number; right: number };
  fitToWidth?: boolean;
  /** Print scale in percent (Excel: 10–400), for a sheet not fitted to the width (fit-to overrides it). */
  scale?: number;
  /** "A1:H40". Never '': no host can remove a print area through its API. */
  printArea?: string;
  /** Rows repeated at the top of each printed page, e.g. "4:4". Never ''. */
  printTitleRows?: string;
  /** Columns repeated at the left of each printed page, e.g. "A:B". Never ''. */
  printTitleColumns?: string;
  /** Pages of a sheet wider and taller than a page: numbered down, then over (Excel's default), or over, then down. */
  pageOrder?: 'downThenOver' | 'overThenDown';
  /** Page breaks before these 1-based rows; they replace the sheet's row breaks. */
  rowBreaks?: number[];
  /**
   * Printed at the top and the bottom of every page. Either one replaces the sheet's header and
   * footer both (a section left out is empty), the same on every page. A sheet of ours redrawn
   * by a plan without them loses the ones an earlier drawing gave it.
   */
  header?: HeaderFooterSections;
  footer?: HeaderFooterSections;
}

/**
 * The three sections of a printed header or footer. Text is printed as it is ("\n" starts a
 * line); PAGE_NUMBER and PAGE_COUNT ("{page}", "{pages}") stand for the page's number and the
 * count of pages. Excel holds at most 255 characters in a header (or a footer), its codes counted.
 */
export interface HeaderFooterSections {
  left?: string;
  center?: string;
  right?: string;
}

export const PAGE_NUMBER = '{page}';
export const PAGE_COUNT = '{pages}';

/**
 * A format the cells of `range` take while a formula holds (Excel's Conditional Formatting →
 * “Use a formula”): it follows what the user types, where a plan's style stays as drawn. Only
 * on a sheet drawn anew (`replace`): added to a sheet that keeps its formats, it would pile up
 * at each run. A host that cannot draw it says so (featureSkipped); the cells keep their style.
 */
export interface ConditionalFormat {
  /** The cells formatted, e.g. "X6:X1005". */
  range: string;
  /**
   * A1 formula with its leading "=", true where the format applies: written for the range's
   * top-left cell, its relative references move with each cell, as Excel's rule does.
   */
  formula: string;
  /** What the cells show while it holds (at least one). */
  style: ConditionalStyle;
}

export interface ConditionalStyle {
  fill?: string; // "#RRGGBB"
  bold?: boolean;
  fontColor?: string; // "#RRGGBB"
}

/**
 * A chart drawn over cells of the same sheet: by Office.js, and by the .xlsx file writer on the
 * sheets it draws; where it cannot be drawn it is skipped with a warning, so a plan that needs
 * the picture everywhere also writes it in cells (e.g. a REPT("█", …) bar column).
 */
export interface ChartSpec {
  type: 'columnClustered' | 'barClustered' | 'pie';
  /** Category labels in the first column, one series per further column, headers in the first row: "A30:B34". */
  source: string;
  title: string;
  /** Cells the chart covers: top-left and bottom-right, e.g. { from: 'F30', to: 'L45' }. */
  position: { from: string; to: string };
  /** The values are shares: the value axis runs from 0 to 100% and is labelled as percentages (not pie). */
  percentAxis?: boolean;
}

/**
 * An Excel table (ListObject) over a header row and the rows below it. Drawn again with the
 * same name on the same sheet, it is resized to the new range; a user's own tables stay.
 */
export interface TableSpec {
  /** Workbook-wide name: a letter or _ first, then letters, digits, _ or . (not like a cell address). */
  name: string;
  /** Header row plus data rows, e.g. "A4:X45": at least one data row. */
  range: string;
  /** The header texts, one per column of the range, non-empty and unique ignoring case: the plan writes them in the header row. */
  columns: string[];
  /** A built-in table style, e.g. "TableStyleLight9". */
  style?: string;
}

export interface SheetPlan {
  sheet: string;
  /**
   * The add-in sheet this is (e.g. "summary"), written as the sheet's ownership mark so that it
   * survives renames. Required for `replace`: only a sheet carrying the same mark is redrawn.
   */
  role?: string;
  /**
   * ensure: create the sheet if missing, keep everything else;
   * replace: the sheet is the add-in's own — emptied and drawn anew where it is, never deleted,
   *   so what points at it keeps pointing at it (a user's sheet of the same name is kept, and ours
   *   is drawn under another name: see plan.ts);
   * existing: the sheet must exist (writes into owned cells only);
   * own: the add-in's sheet of `role` that the user edits (the documents' templates): written in
   *   place where it carries the mark, else created where plan.ts places its sheets; never deleted.
   */
  mode: 'ensure' | 'replace' | 'existing' | 'own';
  /**
   * For `own`: the unmarked sheet of the usual name is the add-in's, drawn by a version before
   * marks (the use-case recognised its content): it receives the mark and is written.
   */
  adopt?: boolean;
  /**
   * Clear values, formats and list validations of these ranges before writing (owned areas only),
   * as Excel's Range.clear. A row left empty loses its fitted height (RowHeight.fit), as in Excel.
   */
  clear?: string[];
  /**
   * Ranges whose formulas compute from cells this plan clears or writes: where a host stores
   * results (a file), theirs are dropped, so Excel and LibreOffice compute them on opening and a
   * reader takes them for not calculated, not for the old figures. Excel calculates them itself.
   */
  recalculate?: string[];
  cells?: CellBlock[];
  /** Written after `cells`, over cells no block of the same plan writes. */
  fills?: FormulaFill[];
  styles?: StyleRun[];
  /** In order of priority (the first wins where two set the same); only in a `replace` plan. */
  conditionalFormats?: ConditionalFormat[];
  columns?: { index: number; width?: number; hidden?: boolean }[];
  rowHeights?: RowHeight[];
  validations?: Validation[];
  merges?: string[];
  freeze?: { rows: number; columns: number };
  /** '' removes the sheet's AutoFilter. */
  autoFilter?: string;
  page?: PageSetup;
  /** "#RRGGBB"; '' removes the tab colour. */
  tabColor?: string;
  /** Drawn last, after the cells they show (Office.js only, see ChartSpec). */
  charts?: ChartSpec[];
  /** Excel tables over cells of this sheet (no AutoFilter of the plan may overlap them: a table filters itself). */
  tables?: TableSpec[];
  /** Place after this sheet when created (default: at the end). */
  after?: string;
  activate?: boolean;
}

export interface RowHeight {
  index: number;
  /** Points. */
  height: number;
  /**
   * The height the row's wrapped texts need as drawn, not a fixed one: the row still grows with
   * what the user types later (Excel autofits it; a file gets `ht` without `customHeight`, which
   * LibreOffice and the preview draw, neither measuring text on opening). A height the user set
   * on the row is kept.
   */
  fit?: boolean;
}

export interface WorkbookSession {
  /** One round trip: sheet names, and the values of the requested sheets that exist. */
  read(sheets: string[], options?: ReadOptions): Promise<WorkbookSnapshot>;
  /** Queued; applied in order when the batch ends. */
  write(plan: SheetPlan): void;
  /** Queued: show this cell to the user (select it) when the batch ends. */
  select(sheet: string, address: string): void;
}

/**
 * Something a write could not do exactly as planned (a feature the host or the file format
 * cannot carry), or did differently to protect the user's sheets. Hosts show these to the
 * user (worded by i18n key `workbook.warning.<code>`).
 */
export interface WorkbookWarning {
  code: WorkbookWarningCode;
  /** The sheet concerned, as the user sees it. */
  sheet: string;
  /** chartsNotDrawn: how many; featureSkipped: the feature; sheetTaken: the name our sheet took; sheetCopied: the sheet copied from (`sheet` is the stale copy); notANumber, cellTooLong: the cell; tableNotDrawn: the table. */
  detail?: string;
}

export type WorkbookWarningCode = 'chartsNotDrawn' | 'printTitlesSkipped' | 'featureSkipped' | 'sheetTaken' | 'sheetCopied' | 'notANumber' | 'cellTooLong' | 'tableNotDrawn';

/** Features an older host may lack (featureSkipped's detail). */
export type WorkbookFeature = 'validation' | 'freeze' | 'autoFilter' | 'pageLayout' | 'tabColor' | 'mark' | 'table' | 'conditionalFormat';

export interface Workbook {
  /** For messages: the file name, or "Excel". */
  readonly label: string;
  batch<T>(work: (session: WorkbookSession) => Promise<T>): Promise<T>;
  /**
   * Warnings of the batches run since the last call, oldest first; they are then forgotten.
   * Every real implementation has it (the contract suite checks); wrappers and fakes may not.
   */
  takeWarnings?(): WorkbookWarning[];
}
