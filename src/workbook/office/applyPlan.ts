/**
 * Queues one SheetPlan on the request context. Nothing here syncs except through the
 * RequestBudget, which only does so when a request would pass the payload budget.
 */
import { cellAddress, columnLetter, parseCell, parseRange, rangeAddress } from '../a1';
import { sheetKey, type CellBlock, type CellStyle, type ChartSpec, type ConditionalFormat, type FormulaFill, type PageSetup, type SheetPlan, type TableSpec, type Validation, type WorkbookFeature, type WorkbookWarning } from '../port';
import { fillAsBlock, findSheetName, listSource, markFormula, PlanError, SHEET_MARK } from '../plan';
import { toBlockInput } from './cellInput';
import { sectionCode } from '../headerFooter';
import { jsonBytes, type RequestBudget } from './payload';
import { API, type Supports } from './requirements';
import type { HiddenVisibility } from './protection';

/** A rough size for small operations (a property set, a method call). */
const SMALL_OP = 200;

export interface PlanTarget {
  context: Excel.RequestContext;
  supports: Supports;
  budget: RequestBudget;
  /** Sheet names in tab order, kept up to date as plans add and delete sheets. */
  names: string[];
  warnings: WorkbookWarning[];
  /** Table name key → its sheet, kept up to date as plans add tables. */
  tables: Map<string, string>;
  /** Sheets the user hid, by actual name (as read before the batch). */
  hidden: ReadonlyMap<string, HiddenVisibility>;
  /** Charts on each sheet of ours, by actual name (read with the marks); a redraw removes them. */
  charts: Map<string, number>;
}

export const findSheet = findSheetName;

export function missingSheetError(name: string): Error {
  return new PlanError(`The sheet "${name}" does not exist in this workbook.`);
}

/** Plans come normalised (plan.ts prepareBatch): this only translates them into Office.js calls. */
export async function applyPlan(t: PlanTarget, plan: SheetPlan): Promise<void> {
  const sheet = await placeSheet(t, plan);
  const small = (n = 1) => t.budget.reserve(SMALL_OP * n);
  // An older Excel lacks some features: the rest of the plan is still written, and the user told.
  const can = (feature: WorkbookFeature, version: string) => {
    if (t.supports(version)) return true;
    if (!t.warnings.some((w) => w.code === 'featureSkipped' && w.sheet === plan.sheet && w.detail === feature)) t.warnings.push({ code: 'featureSkipped', sheet: plan.sheet, detail: feature });
    return false;
  };

  for (const address of plan.clear ?? []) {
    await small();
    sheet.getRange(address).clear();
  }
  // plan.recalculate: nothing to send, Excel calculates the formulas whose inputs change.
  // Values before formats (Excel performance guidance); plan styles then override the date format.
  for (const block of plan.cells ?? []) await writeBlock(t, sheet, block);
  for (const fill of plan.fills ?? []) await writeFill(t, sheet, fill);
  for (const run of plan.styles ?? []) {
    await small(3);
    applyStyle(sheet.getRange(run.range), run.range, run.style);
  }
  if (plan.conditionalFormats?.length && can('conditionalFormat', API.conditionalFormats)) {
    // add() puts a rule first: added last to first, the plan's first rule ends on top.
    for (const cf of [...plan.conditionalFormats].reverse()) {
      await small(4);
      applyConditionalFormat(sheet.getRange(cf.range), cf);
    }
  }
  for (const col of plan.columns ?? []) {
    await small();
    const letter = columnLetter(col.index);
    const range = sheet.getRange(`${letter}:${letter}`);
    if (col.width !== undefined) range.format.columnWidth = widthToPoints(col.width);
    if (col.hidden !== undefined) range.columnHidden = col.hidden;
  }
  // A request per run of equal heights, not per row: a summary of 5,000 members sets 5,000 rows.
  const heights = plan.rowHeights ?? [];
  for (const run of heightRuns(heights.filter((h) => !h.fit))) {
    await small();
    sheet.getRange(`${run.from}:${run.to}`).format.rowHeight = run.height;
  }
  // Heights that only fit the texts: Excel measures them itself, and the rows stay automatic.
  for (const run of heightRuns(heights.filter((h) => h.fit).map((h) => ({ index: h.index, height: 0 })))) {
    await small();
    sheet.getRange(`${run.from}:${run.to}`).format.autofitRows();
  }
  if (plan.validations?.length && can('validation', API.validation)) {
    for (const v of plan.validations) {
      await small(3);
      applyValidation(sheet.getRange(v.range), v);
    }
  }
  for (const address of plan.merges ?? []) {
    await small();
    sheet.getRange(address).merge(false);
  }
  if (plan.freeze && can('freeze', API.freeze)) {
    await small();
    applyFreeze(sheet, plan.freeze);
  }
  if (plan.autoFilter !== undefined && can('autoFilter', API.autoFilter)) {
    await small();
    if (plan.autoFilter === '') sheet.autoFilter.remove();
    else sheet.autoFilter.apply(sheet.getRange(plan.autoFilter));
  }
  if (plan.page && can('pageLayout', API.pageLayout)) {
    // A request per setting and per page break: a long summary has hundreds.
    await small(10 + (plan.page.header || plan.page.footer ? HEADER_FOOTER_SECTIONS.length + 1 : 0) + (plan.page.rowBreaks?.length ?? 0));
    applyPage(sheet, plan.page);
  }
  for (const chart of plan.charts ?? []) {
    await small(3);
    applyChart(sheet, chart);
  }
  if (plan.tables?.length && can('table', API.table)) {
    for (const spec of plan.tables) {
      await small(4);
      applyTable(t, sheet, plan.sheet, spec);
    }
  }
  if (plan.tabColor !== undefined && can('tabColor', API.tabColor)) {
    await small();
    sheet.tabColor = plan.tabColor; // '' is Excel's "no colour"
  }
  if (plan.activate) {
    await small();
    sheet.activate();
  }
}

/** Rows of one height in a row, in order; a row listed twice takes its last height (as a file does). */
function heightRuns(heights: readonly { index: number; height: number }[]): { from: number; to: number; height: number }[] {
  const last = new Map<number, number>();
  for (const h of heights) last.set(h.index, h.height);
  const runs: { from: number; to: number; height: number }[] = [];
  for (const index of [...last.keys()].sort((a, b) => a - b)) {
    const height = last.get(index)!;
    const run = runs[runs.length - 1];
    if (run && run.to === index - 1 && run.height === height) run.to = index;
    else runs.push({ from: index, to: index, height });
  }
  return runs;
}

/**
 * Ours (same name, same sheet) is resized; otherwise added. Any other table on the sheet may
 * cover the same cells and Excel would refuse the whole request: ours is then left out, with
 * a warning, as it is when a table elsewhere has the name.
 */
function applyTable(t: PlanTarget, sheet: Excel.Worksheet, sheetName: string, spec: TableSpec): void {
  const key = sheetKey(spec.name);
  const at = t.tables.get(key);
  const ours = at !== undefined && sheetKey(at) === sheetKey(sheetName);
  const others = [...t.tables].some(([name, s]) => name !== key && sheetKey(s) === sheetKey(sheetName));
  if ((at !== undefined && !ours) || others) {
    t.warnings.push({ code: 'tableNotDrawn', sheet: sheetName, detail: spec.name });
    return;
  }
  const table = ours ? sheet.tables.getItem(spec.name) : sheet.tables.add(sheet.getRange(spec.range), true);
  if (ours) table.resize(sheet.getRange(spec.range));
  else table.name = spec.name;
  if (spec.style) table.style = spec.style;
  t.tables.set(key, sheetName);
}

/** Creates, re-creates or finds the sheet, keeping `t.names` in step with Excel. */
async function placeSheet(t: PlanTarget, plan: SheetPlan): Promise<Excel.Worksheet> {
  const worksheets = t.context.workbook.worksheets;
  const actual = findSheet(t.names, plan.sheet);
  if (plan.mode === 'existing' || (plan.mode === 'ensure' && actual !== undefined)) {
    if (actual === undefined) throw missingSheetError(plan.sheet);
    const sheet = worksheets.getItem(actual);
    if (plan.adopt) await mark(t, plan, sheet);
    return sheet;
  }
  if (actual !== undefined) return redrawInPlace(t, plan, actual);
  const sheet = await createSheet(t, plan);
  await mark(t, plan, sheet);
  return sheet;
}

/**
 * A sheet of ours (replace) is emptied where it is, never deleted and added again: Excel would
 * turn every formula, chart series and name of the user's pointing at it into #REF!, and its
 * change handlers would go with it. Its tab, place, visibility and mark stay, as in a file
 * (xlsx/xlsxWorkbook.ts rewrites the sheet's part). What the plan sets again is left to it.
 */
async function redrawInPlace(t: PlanTarget, plan: SheetPlan, actual: string): Promise<Excel.Worksheet> {
  const sheet = t.context.workbook.worksheets.getItem(actual);
  const charts = t.charts.get(actual) ?? (await countCharts(t, sheet));
  await t.budget.reserve(SMALL_OP * (12 + HEADER_FOOTER_SECTIONS.length + charts));
  const whole = sheet.getRange();
  whole.clear('All');
  if (t.supports(API.sheetReset)) {
    whole.unmerge();
    whole.rowHidden = false;
    whole.columnHidden = false;
  }
  // An older Excel keeps the last drawing's sizes: the plan sets the widths and heights it needs.
  if (t.supports(API.standardSizes)) {
    whole.format.useStandardWidth = true;
    whole.format.useStandardHeight = true;
  }
  if (t.supports(API.validation)) whole.dataValidation.clear();
  if (t.supports(API.conditionalFormats)) whole.conditionalFormats.clearAll();
  if (!plan.freeze && t.supports(API.freeze)) sheet.freezePanes.unfreeze();
  if (plan.autoFilter === undefined && t.supports(API.autoFilter)) sheet.autoFilter.remove();
  if (!plan.page?.rowBreaks && t.supports(API.pageLayout)) sheet.horizontalPageBreaks.removePageBreaks();
  // An earlier drawing's header and footer (one for all pages, see applyPage): a plan without them empties them.
  if (!plan.page?.header && !plan.page?.footer && t.supports(API.pageLayout)) setHeaderFooter(sheet.pageLayout.headersFooters.defaultForAllPages, {});
  if (plan.tabColor === undefined && t.supports(API.tabColor)) sheet.tabColor = '';
  // Each delete takes the first chart left: the request runs in order.
  for (let i = 0; i < charts; i++) sheet.charts.getItemAt(0).delete();
  t.charts.set(actual, 0);
  // Tables the plan draws again are resized (applyTable); the others on this sheet go.
  for (const [key, on] of [...t.tables]) {
    if (sheetKey(on) !== sheetKey(actual) || plan.tables?.some((spec) => sheetKey(spec.name) === key)) continue;
    sheet.tables.getItem(key).delete();
    t.tables.delete(key);
  }
  // The user hid it: it stays hidden, unless the plan shows it.
  if (plan.activate && t.hidden.has(actual)) sheet.visibility = 'Visible';
  return sheet;
}

/** Only for a sheet whose mark this batch did not read (its charts were not counted with it): one more sync. */
async function countCharts(t: PlanTarget, sheet: Excel.Worksheet): Promise<number> {
  const charts = sheet.charts;
  charts.load('items/name');
  await t.budget.flush();
  return charts.items.length;
}

async function mark(t: PlanTarget, plan: SheetPlan, sheet: Excel.Worksheet): Promise<void> {
  if (plan.role === undefined) return;
  if (t.supports(API.mark)) {
    await t.budget.reserve(SMALL_OP);
    sheet.names.add(SHEET_MARK, markFormula(plan.role));
  } else {
    t.warnings.push({ code: 'featureSkipped', sheet: plan.sheet, detail: 'mark' });
  }
}

async function createSheet(t: PlanTarget, plan: SheetPlan): Promise<Excel.Worksheet> {
  await t.budget.reserve(SMALL_OP * 3);
  const sheet = t.context.workbook.worksheets.add(plan.sheet);
  const position = plan.after !== undefined ? afterIndex(t.names, plan.after) : t.names.length;
  if (position !== t.names.length) sheet.position = position;
  t.names.splice(position, 0, plan.sheet);
  return sheet;
}

function afterIndex(names: string[], after: string): number {
  const found = findSheet(names, after);
  return found === undefined ? names.length : names.indexOf(found) + 1;
}

/** One 2-D assignment per block; a block too big for one request is cut into row bands. */
async function writeBlock(t: PlanTarget, sheet: Excel.Worksheet, block: CellBlock): Promise<void> {
  const input = toBlockInput(block.rows);
  if (input.width === 0) return;
  const at = parseCell(block.at);
  const rowBytes = input.formulas.map((r) => jsonBytes(r) + 1);
  const queue = async (from: number, to: number, bytes: number) => {
    await t.budget.reserve(bytes);
    const top = at.row + from;
    const range = sheet.getRange(rangeAddress(top, at.col, at.row + to - 1, at.col + input.width - 1));
    range.formulas = input.formulas.slice(from, to);
  };
  let from = 0;
  let bytes = 0;
  for (let i = 0; i < rowBytes.length; i++) {
    const b = rowBytes[i]!;
    if (i > from && bytes + b > t.budget.room) {
      await queue(from, i, bytes);
      from = i;
      bytes = 0;
    }
    bytes += b;
  }
  await queue(from, rowBytes.length, bytes);
}

/**
 * The fill's formula in its first cell, then one copy of it over the rest of the column: Excel
 * moves the relative references row by row, as its fill handle does (ExcelApi 1.9,
 * Range.copyFrom with RangeCopyType "Formulas", which leaves the cells' formats alone). The
 * request carries the formula once instead of once per row. An older Excel gets the formula
 * spelled out per cell.
 */
async function writeFill(t: PlanTarget, sheet: Excel.Worksheet, fill: FormulaFill): Promise<void> {
  const r = parseRange(fill.range);
  if (r.bottom > r.top && !t.supports(API.fill)) {
    await writeBlock(t, sheet, fillAsBlock(fill));
    return;
  }
  await t.budget.reserve(jsonBytes([[fill.formula]]) + SMALL_OP * 2);
  const first = sheet.getRange(cellAddress(r.top, r.left));
  first.formulas = [[fill.formula]];
  if (r.bottom > r.top) sheet.getRange(rangeAddress(r.top + 1, r.left, r.bottom, r.right)).copyFrom(first, 'Formulas', false, false);
}

/** Excel character widths (as ExcelJS takes them) → points: ~7 px a character + 5 px padding. */
export function widthToPoints(width: number): number {
  return Math.round((width * 7 + 5) * 0.75 * 100) / 100;
}

function applyStyle(range: Excel.Range, address: string, s: CellStyle): void {
  const font = range.format.font;
  if (s.bold !== undefined) font.bold = s.bold;
  if (s.italic !== undefined) font.italic = s.italic;
  if (s.underline !== undefined) font.underline = s.underline ? 'Single' : 'None';
  if (s.fontName !== undefined) font.name = s.fontName;
  if (s.fontSize !== undefined) font.size = s.fontSize;
  if (s.fontColor !== undefined) font.color = s.fontColor;
  if (s.fill !== undefined) range.format.fill.color = s.fill;
  // A single value fills the whole range (documented; only the typings want a 2-D array).
  if (s.numberFormat !== undefined) (range as unknown as { numberFormat: string }).numberFormat = s.numberFormat;
  if (s.horizontal !== undefined) range.format.horizontalAlignment = HORIZONTAL[s.horizontal];
  if (s.vertical !== undefined) range.format.verticalAlignment = VERTICAL[s.vertical];
  if (s.wrap !== undefined) range.format.wrapText = s.wrap;
  if (s.border !== undefined) applyBorder(range, address, s.border);
}

const HORIZONTAL = { left: 'Left', center: 'Center', right: 'Right', justify: 'Justify' } as const;
const VERTICAL = { top: 'Top', middle: 'Center', bottom: 'Bottom' } as const;

type Edge = 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideHorizontal' | 'InsideVertical';

function applyBorder(range: Excel.Range, address: string, border: 'thin' | 'none'): void {
  const r = parseRange(address);
  const edges: Edge[] = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'];
  // Inside edges only exist when the range has more than one row / column.
  if (r.bottom > r.top) edges.push('InsideHorizontal');
  if (r.right > r.left) edges.push('InsideVertical');
  for (const edge of edges) {
    const b = range.format.borders.getItem(edge);
    if (border === 'thin') {
      b.style = 'Continuous';
      b.weight = 'Thin';
      b.color = '#000000';
    } else {
      b.style = 'None';
    }
  }
}

/** ExcelApi 1.6: a custom rule; its formula's relative references are to the range's top-left cell, as in a file. */
function applyConditionalFormat(range: Excel.Range, cf: ConditionalFormat): void {
  const custom = range.conditionalFormats.add('Custom').custom;
  custom.rule.formula = cf.formula;
  const { fill, bold, fontColor } = cf.style;
  if (fill !== undefined) custom.format.fill.color = fill;
  if (bold !== undefined) custom.format.font.bold = bold;
  if (fontColor !== undefined) custom.format.font.color = fontColor;
}

function applyValidation(range: Excel.Range, v: Validation): void {
  const source = Array.isArray(v.list) ? listSource(v.list) : v.list.source;
  range.dataValidation.clear();
  range.dataValidation.rule = { list: { inCellDropDown: true, source } };
  // The list only helps: other values (x, ✓, …) must still be accepted.
  range.dataValidation.errorAlert = { showAlert: false, style: 'Information', title: '', message: '' };
}

function applyFreeze(sheet: Excel.Worksheet, freeze: { rows: number; columns: number }): void {
  const panes = sheet.freezePanes;
  if (freeze.rows > 0 && freeze.columns > 0) panes.freezeAt(sheet.getRange(rangeAddress(1, 1, freeze.rows, freeze.columns)));
  else if (freeze.rows > 0) panes.freezeRows(freeze.rows);
  else if (freeze.columns > 0) panes.freezeColumns(freeze.columns);
  else panes.unfreeze();
}

function applyPage(sheet: Excel.Worksheet, page: PageSetup): void {
  const layout = sheet.pageLayout;
  if (page.orientation) layout.orientation = page.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  if (page.paperSize) layout.paperSize = page.paperSize;
  if (page.margins) layout.setPrintMargins('Centimeters', { ...page.margins });
  // Fit all columns on one page wide, as many pages tall as needed (0 = automatic).
  if (page.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  else if (page.scale !== undefined) layout.zoom = { scale: page.scale };
  if (page.printArea) layout.setPrintArea(page.printArea);
  if (page.printTitleRows) layout.setPrintTitleRows(page.printTitleRows);
  if (page.printTitleColumns) layout.setPrintTitleColumns(page.printTitleColumns);
  if (page.pageOrder) layout.printOrder = page.pageOrder === 'overThenDown' ? 'OverThenDown' : 'DownThenOver';
  if (page.header || page.footer) {
    // The same on every page, as a file writes it: a different first or even page would hide ours.
    const group = layout.headersFooters;
    group.state = 'Default';
    setHeaderFooter(group.defaultForAllPages, page);
  }
  if (page.rowBreaks) {
    // The plan's breaks replace the sheet's (as in a file: one list of row breaks).
    sheet.horizontalPageBreaks.removePageBreaks();
    for (const row of page.rowBreaks) sheet.horizontalPageBreaks.add(cellAddress(row, 1));
  }
}

const HEADER_FOOTER_SECTIONS = [
  ['leftHeader', 'header', 'left'], ['centerHeader', 'header', 'center'], ['rightHeader', 'header', 'right'],
  ['leftFooter', 'footer', 'left'], ['centerFooter', 'footer', 'center'], ['rightFooter', 'footer', 'right'],
] as const;

/** ExcelApi 1.9: every section, in Excel's codes; one the plan leaves out is emptied. */
function setHeaderFooter(target: Excel.HeaderFooter, page: Pick<PageSetup, 'header' | 'footer'>): void {
  for (const [property, part, section] of HEADER_FOOTER_SECTIONS) target[property] = sectionCode(page[part]?.[section] ?? '');
}

/** ExcelApi 1.1: charts.add(type, source, seriesBy), a title, the cells it covers, the value axis's bounds. */
function applyChart(sheet: Excel.Worksheet, spec: ChartSpec): void {
  const chart = sheet.charts.add(CHART_TYPE[spec.type], sheet.getRange(spec.source), 'Columns');
  chart.title.text = spec.title;
  chart.setPosition(spec.position.from, spec.position.to);
  if (spec.percentAxis) {
    // Excel links the axis labels to the cells' percent format; only the bounds need setting.
    chart.axes.valueAxis.minimum = 0;
    chart.axes.valueAxis.maximum = 1;
  }
}

const CHART_TYPE = { columnClustered: 'ColumnClustered', barClustered: 'BarClustered', pie: 'Pie' } as const;

/** select(): show a cell to the user. */
export async function applySelect(t: PlanTarget, sheetName: string, address: string): Promise<void> {
  const actual = findSheet(t.names, sheetName);
  if (actual === undefined) throw missingSheetError(sheetName);
  await t.budget.reserve(SMALL_OP * 2);
  const sheet = t.context.workbook.worksheets.getItem(actual);
  sheet.activate();
  sheet.getRange(address).select();
}
