/**
 * The worksheet elements other than sheetData, as the plan asks for them. Used whole for a new
 * sheet and as replacements when patching an existing one.
 */
import { cellAddress, columnLetter, parseRange, sheetRef, type RangeRef } from '../../a1';
import type { PageSetup, SheetPlan, Validation } from '../../port';
import { listFormula as literalListFormula } from '../../plan';
import type { CellContext } from './cells';
import type { DrawnXml, PlannedCells } from './drawnRows';
import { argb } from './styles';
import { escapeAttr, escapeText, ooxmlEscape } from './xmlText';
import { headerFooterCode } from '../../headerFooter';

const CM_PER_INCH = 2.54;
const A4 = 9;
/** Excel's default margins (inches) for what the plan leaves out. */
export const DEFAULT_MARGINS = { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };

/** CT_Worksheet's element order (ECMA-376 Part 1, 18.3.1.99). */
export const WORKSHEET_ORDER = [
  'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection',
  'protectedRanges', 'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells',
  'phoneticPr', 'conditionalFormatting', 'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup',
  'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing',
  'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst',
];

/** A sheet-scoped defined name for the package to write (localSheetId = this sheet). */
export interface RenderOptions {
  /** The workbook uses the 1904 date system (workbookPr date1904="1"). */
  date1904?: boolean;
  /**
   * Relationship id (in this sheet's rels) of the drawing holding the plan's charts; when
   * given and the plan has charts, a <drawing r:id> is written. Without it no drawing is linked.
   */
  drawingRelId?: string;
  /** Rows drawn ahead of the plan (drawnRows.ts), written in sheetData from their first row to their last, with the plan's cells in those rows. */
  drawnRows?: { readonly firstRow: number; readonly lastRow: number; render(ctx: CellContext, planned?: PlannedCells): DrawnXml };
  /** The sheet's _xlnm.Print_Titles as the file holds it: a plan setting only its rows or its columns keeps the other. */
  printTitles?: string;
}

export interface DefinedName {
  name: string;
  /** The formula without "="; '' = remove the name. */
  value: string;
  hidden?: boolean;
}

export function tabColorXml(color: string): string {
  return `<tabColor rgb="${argb(color)}"/>`;
}

/** The pane of a frozen view; null for no freeze. */
export function paneXml(freeze: { rows: number; columns: number }): { pane: string; selection: string } | null {
  const { rows, columns } = freeze;
  if (rows <= 0 && columns <= 0) return null;
  const active = rows > 0 && columns > 0 ? 'bottomRight' : rows > 0 ? 'bottomLeft' : 'topRight';
  const split = `${columns > 0 ? ` xSplit="${columns}"` : ''}${rows > 0 ? ` ySplit="${rows}"` : ''}`;
  const top = cellAddress(rows + 1, columns + 1);
  return {
    pane: `<pane${split} topLeftCell="${top}" activePane="${active}" state="frozen"/>`,
    selection: `<selection pane="${active}" activeCell="${top}" sqref="${top}"/>`,
  };
}

export interface ColumnSpec {
  index: number;
  width?: number;
  hidden?: boolean;
}

export function colXml(c: ColumnSpec, extra = ''): string {
  const width = c.width !== undefined ? ` width="${c.width}" customWidth="1"` : '';
  return `<col min="${c.index}" max="${c.index}"${width}${c.hidden ? ' hidden="1"' : ''}${extra}/>`;
}

export function mergeCellsXml(refs: string[]): string {
  return refs.length ? `<mergeCells count="${refs.length}">${refs.map((r) => `<mergeCell ref="${r}"/>`).join('')}</mergeCells>` : '';
}

/** A1 of a range as Excel stores it in sqref/ref ("B2", "A1:C4"). */
export function refOf(r: RangeRef): string {
  return r.top === r.bottom && r.left === r.right ? cellAddress(r.top, r.left) : `${cellAddress(r.top, r.left)}:${cellAddress(r.bottom, r.right)}`;
}

/** formula1 of a list validation (literal lists come checked by plan.ts prepareBatch). */
export function listFormula(v: Validation): string {
  return Array.isArray(v.list) ? literalListFormula(v.list) : v.list.source.replace(/^=/, '');
}

/** The dropdown only helps: other spellings (x, ✓ …) stay accepted, so no error alert. */
/** One `<conditionalFormatting>` of an expression rule (ECMA-376 §18.3.1.18): its formula without the "=", relative to the range's top-left cell. */
export function conditionalFormattingXml(sqref: string, formula: string, dxfId: number, priority: number): string {
  return `<conditionalFormatting sqref="${sqref}"><cfRule type="expression" dxfId="${dxfId}" priority="${priority}"><formula>${escapeText(formula.replace(/^=/, ''))}</formula></cfRule></conditionalFormatting>`;
}

export function validationXml(sqref: string, formula: string): string {
  return `<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="0" sqref="${sqref}"><formula1>${escapeText(formula)}</formula1></dataValidation>`;
}

function inches(cm: number): number {
  return Math.round((cm / CM_PER_INCH) * 10000) / 10000;
}

/** pageMargins attributes (all six are required), the plan's in inches over `old`. */
export function marginAttrs(p: PageSetup | undefined, old: typeof DEFAULT_MARGINS = DEFAULT_MARGINS): typeof DEFAULT_MARGINS {
  if (!p?.margins) return old;
  const m = p.margins;
  return { ...old, left: inches(m.left), right: inches(m.right), top: inches(m.top), bottom: inches(m.bottom) };
}

export function pageMarginsXml(m: typeof DEFAULT_MARGINS): string {
  return `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>`;
}

/** pageSetup attributes the plan sets: A4 = 9, its scale, fit to one page wide and as many tall as needed. */
export function pageSetupAttrs(p: PageSetup): [string, string][] {
  const out: [string, string][] = [];
  if (p.paperSize === 'A4') out.push(['paperSize', String(A4)]);
  if (p.scale !== undefined) out.push(['scale', String(p.scale)]);
  if (p.fitToWidth) out.push(['fitToWidth', '1'], ['fitToHeight', '0']);
  if (p.pageOrder) out.push(['pageOrder', p.pageOrder]);
  if (p.orientation) out.push(['orientation', p.orientation]);
  return out;
}

/**
 * The plan's header and footer, one for every page (no differentFirst / differentOddEven), or
 * null when it sets neither. Both are written together: the plan's replace the sheet's.
 */
export function headerFooterXml(p: PageSetup): string | null {
  if (!p.header && !p.footer) return null;
  const part = (name: string, code: string) => (code ? `<${name}>${escapeText(ooxmlEscape(code))}</${name}>` : '');
  return `<headerFooter>${part('oddHeader', headerFooterCode(p.header ?? {}))}${part('oddFooter', headerFooterCode(p.footer ?? {}))}</headerFooter>`;
}

/** Breaks before the given 1-based rows: Excel's break id N sits below row N. */
export function rowBreaksXml(rows: number[]): string {
  const ids = [...new Set(rows)].filter((r) => r > 1).sort((a, b) => a - b);
  if (!ids.length) return '';
  return `<rowBreaks count="${ids.length}" manualBreakCount="${ids.length}">${ids.map((r) => `<brk id="${r - 1}" max="16383" man="1"/>`).join('')}</rowBreaks>`;
}

/** "A1:H40" → $A$1:$H$40; several areas ("&&" or ",") become a union. */
function absoluteArea(sheet: string, area: string): string {
  return area
    .split(/&&|,/)
    .map((part) => {
      const r = parseRange(part.replace(/\$/g, '').trim());
      return sheetRef(sheet, `$${columnLetter(r.left)}$${r.top}:$${columnLetter(r.right)}$${r.bottom}`);
    })
    .join(',');
}

/** "4:4" or "4:5" → 'Sheet'!$4:$5; "A:B" → 'Sheet'!$A:$B. */
function titleSpan(sheet: string, span: string): string {
  const [a, b] = span.replace(/\$/g, '').split(':');
  return sheetRef(sheet, `$${a}:$${b ?? a}`);
}

/** The parts of a Print_Titles value ("'a,b'!$A:$B,'a,b'!$4:$4"): split on the commas outside quoted sheet names. */
function titleParts(value: string): string[] {
  return value.match(/(?:'(?:[^']|'')*'|[^,'])+/g) ?? [];
}

const COLUMN_SPAN = /!\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}$/;
const ROW_SPAN = /!\$?\d+:\$?\d+$/;

/**
 * The sheet's one Print_Titles name: the plan's columns and rows, each kept as `old` (the name
 * the file holds) has it when the plan leaves it out; columns first, as Excel writes them.
 */
function printTitles(sheet: string, p: PageSetup, old: string): string {
  const kept = titleParts(old);
  const columns = p.printTitleColumns ? titleSpan(sheet, p.printTitleColumns) : kept.find((part) => COLUMN_SPAN.test(part));
  const rows = p.printTitleRows ? titleSpan(sheet, p.printTitleRows) : kept.find((part) => ROW_SPAN.test(part));
  return [columns, rows].filter((part) => part !== undefined).join(',');
}

/**
 * Print area, print titles and the filter's hidden name, as the plan sets or clears them;
 * `oldTitles`: the Print_Titles name the sheet has, for the half the plan leaves out.
 */
export function definedNames(sheet: string, plan: SheetPlan, oldTitles = ''): DefinedName[] {
  const out: DefinedName[] = [];
  const p = plan.page;
  if (p?.printArea !== undefined) out.push({ name: '_xlnm.Print_Area', value: p.printArea ? absoluteArea(sheet, p.printArea) : '' });
  if (p?.printTitleRows !== undefined || p?.printTitleColumns !== undefined) out.push({ name: '_xlnm.Print_Titles', value: printTitles(sheet, p, oldTitles) });
  if (plan.autoFilter !== undefined) out.push({ name: '_xlnm._FilterDatabase', value: plan.autoFilter ? absoluteArea(sheet, plan.autoFilter) : '', hidden: true });
  return out;
}

export function autoFilterXml(ref: string): string {
  return `<autoFilter ref="${escapeAttr(refOf(parseRange(ref)))}"/>`;
}
