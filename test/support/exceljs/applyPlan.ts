/**
 * Applies SheetPlans to an in-memory ExcelJS workbook. Browser-safe (no fs).
 *
 * ExcelJS 4.4 pitfalls handled here:
 * - writing to a merged non-master cell silently writes the master;
 * - overwriting the master of a shared formula makes the whole write throw
 *   ("Shared Formula master must exist"), so its clones are made stand-alone first;
 * - dataValidations.remove() leaves an `undefined` entry that is written as a broken rule;
 * - print area/titles are written as '<name>'!… without doubling apostrophes (PR #3071);
 * - row.addPageBreak() without bounds writes max=16838 (past the last column).
 */
import { headerFooterCode } from '../../../src/workbook/headerFooter';
import * as ExcelJS from 'exceljs';
import { cellAddress, parseCell, parseRange, rangeAddress, rangesOverlap, subtractRange, type RangeRef } from '../../../src/workbook/a1';
import { sheetKey, type CellInput, type CellStyle, type CellValue, type FormulaFill, type PageSetup, type SheetPlan, type Validation, type WorkbookWarning } from '../../../src/workbook/port';
import { dateToSerial, isFormula, listFormula } from '../../../src/workbook/plan';

const CM_PER_INCH = 2.54;
const A4 = 9;

export function findSheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  const key = sheetKey(name);
  return wb.worksheets.find((ws) => sheetKey(ws.name) === key);
}

export interface ApplyContext {
  /** The sheet Excel should show when the batch ends (kept across insertions). */
  active: ExcelJS.Worksheet | undefined;
  activated: boolean;
  warnings: WorkbookWarning[];
  /** Ownership marks by sheet (plan.ts SHEET_MARK). */
  roles: Map<ExcelJS.Worksheet, string>;
}

export function applyPlan(wb: ExcelJS.Workbook, plan: SheetPlan, ctx: ApplyContext): void {
  const ws = prepareSheet(wb, plan, ctx);
  const date1904 = Boolean(wb.properties?.date1904);

  for (const r of plan.clear ?? []) clearRange(ws, parseRange(r));
  // Before the plan's own cells: a formula it writes keeps the result it gives.
  for (const r of plan.recalculate ?? []) {
    forEachExistingCell(ws, parseRange(r), (cell) => {
      if (cell.type === ExcelJS.ValueType.Formula) delete formulaModel(cell).result;
    });
  }
  // Existing merges that collide with the new ones go first: mergeCells refuses overlaps.
  for (const m of plan.merges ?? []) ws.unMergeCells(m);
  for (const block of plan.cells ?? []) writeBlock(ws, block.at, block.rows, date1904);
  for (const fill of plan.fills ?? []) writeFill(ws, fill, date1904);
  for (const run of plan.styles ?? []) applyStyle(ws, parseRange(run.range), run.style);
  // Priorities as the plan orders them (ExcelJS numbers its rules from 1 in the order added).
  for (const cf of plan.conditionalFormats ?? []) {
    const { fill, bold, fontColor } = cf.style;
    const font = { ...(bold !== undefined ? { bold } : {}), ...(fontColor !== undefined ? { color: { argb: argb(fontColor) } } : {}) };
    ws.addConditionalFormatting({
      ref: cf.range,
      rules: [{ type: 'expression', priority: 0, formulae: [cf.formula.replace(/^=/, '')], style: { ...(bold !== undefined || fontColor !== undefined ? { font } : {}), ...(fill !== undefined ? { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(fill) } } } : {}) } }],
    });
  }
  for (const c of plan.columns ?? []) {
    const col = ws.getColumn(c.index);
    if (c.width !== undefined) col.width = c.width;
    if (c.hidden !== undefined) col.hidden = c.hidden;
  }
  for (const r of plan.rowHeights ?? []) ws.getRow(r.index).height = r.height;
  for (const v of plan.validations ?? []) addValidation(ws, v);
  for (const m of plan.merges ?? []) ws.mergeCellsWithoutStyle(m);
  if (plan.freeze) applyFreeze(ws, plan.freeze.rows, plan.freeze.columns);
  if (plan.autoFilter !== undefined) ws.autoFilter = plan.autoFilter === '' ? (undefined as unknown as string) : plan.autoFilter;
  if (plan.page) applyPage(ws, plan.page, ctx);
  // ExcelJS 4.4 cannot write charts: the plan's in-cell figures stand in for them.
  if (plan.charts?.length) ctx.warnings.push({ code: 'chartsNotDrawn', sheet: ws.name, detail: String(plan.charts.length) });
  // ExcelJS corrupts table parts (exceljs#1959, #2184): the grid model keeps plain cells.
  for (const t of plan.tables ?? []) ctx.warnings.push({ code: 'tableNotDrawn', sheet: ws.name, detail: t.name });
  if (plan.tabColor) ws.properties.tabColor = { argb: argb(plan.tabColor) };
  else if (plan.tabColor === '') delete (ws.properties as { tabColor?: unknown }).tabColor;
  if (plan.activate) {
    ctx.active = ws;
    ctx.activated = true;
  }
}

// ---------------------------------------------------------------- sheets and tab order

function prepareSheet(wb: ExcelJS.Workbook, plan: SheetPlan, ctx: ApplyContext): ExcelJS.Worksheet {
  const before = findSheet(wb, plan.sheet);
  const ws = placeSheet(wb, plan, ctx);
  // Marked when drawn by the add-in (created or redrawn) or adopted, never when an existing sheet is only written to.
  if (plan.role !== undefined && (plan.mode === 'replace' || before === undefined || plan.adopt)) ctx.roles.set(ws, plan.role);
  return ws;
}

function placeSheet(wb: ExcelJS.Workbook, plan: SheetPlan, ctx: ApplyContext): ExcelJS.Worksheet {
  const existing = findSheet(wb, plan.sheet);
  if (plan.mode === 'existing') {
    if (!existing) throw new Error(`Sheet "${plan.sheet}" does not exist in this workbook.`);
    return existing;
  }
  if (existing && plan.mode === 'ensure') return existing;

  if (existing) {
    // replace: a fresh sheet at the same tab position.
    const order = wb.worksheets;
    const index = order.indexOf(existing);
    const wasActive = ctx.active === existing;
    ctx.roles.delete(existing);
    wb.removeWorksheet(existing.id);
    const fresh = wb.addWorksheet(plan.sheet);
    const rest = wb.worksheets.filter((w) => w !== fresh);
    rest.splice(index, 0, fresh);
    renumber(rest);
    if (wasActive) ctx.active = fresh;
    return fresh;
  }

  const fresh = wb.addWorksheet(plan.sheet);
  const rest = wb.worksheets.filter((w) => w !== fresh);
  const anchor = plan.after !== undefined ? findSheet(wb, plan.after) : undefined;
  const at = anchor ? rest.indexOf(anchor) + 1 : rest.length;
  rest.splice(at, 0, fresh);
  renumber(rest);
  return fresh;
}

/** ExcelJS has no move API: tab order is the sort order of worksheet.orderNo. */
function renumber(order: ExcelJS.Worksheet[]): void {
  order.forEach((w, i) => {
    (w as unknown as { orderNo: number }).orderNo = i;
  });
}

/** Points the workbook view at the active sheet; only one tab selected (else sheets are grouped). */
export function finishActivation(wb: ExcelJS.Workbook, ctx: ApplyContext, structureChanged: boolean): void {
  const order = wb.worksheets;
  if (order.length === 0) return;
  if (!ctx.activated && !structureChanged) return;
  let active = ctx.active && order.includes(ctx.active) ? ctx.active : order[0]!;
  if (active.state !== 'visible' && active.state !== undefined) active = order.find((w) => w.state === 'visible' || w.state === undefined) ?? active;
  const index = order.indexOf(active);
  const views = wb.views ?? [];
  const view = views[0] ?? { x: 0, y: 0, width: 12000, height: 24000, visibility: 'visible' as const };
  const firstSheet = Math.min((view as { firstSheet?: number }).firstSheet ?? 0, index);
  wb.views = [{ ...view, activeTab: index, firstSheet } as ExcelJS.WorkbookView, ...views.slice(1)];
  if (!ctx.activated) return;
  for (const w of order) {
    const views = w.views?.length ? w.views : [{}];
    w.views = views.map((v, i) => (i === 0 ? { ...v, tabSelected: w === active } : v)) as typeof w.views;
  }
}

// ---------------------------------------------------------------- cells

interface FormulaModel {
  formula?: string;
  sharedFormula?: string;
  shareType?: string;
  ref?: string;
  result?: unknown;
}

/** The internal formula model ExcelJS keeps; `cell.value` drops falsy results (0, false, ""). */
export function formulaModel(cell: ExcelJS.Cell): FormulaModel {
  return (cell as unknown as { _value: { model: FormulaModel } })._value.model;
}

/** Before a shared-formula master changes, give each clone its own copy of the formula. */
function detachSharedClones(ws: ExcelJS.Worksheet, master: ExcelJS.Cell): void {
  if (master.type !== ExcelJS.ValueType.Formula || formulaModel(master).shareType !== 'shared') return;
  const address = master.address;
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (cell.type !== ExcelJS.ValueType.Formula) return;
      const m = formulaModel(cell);
      if (m.sharedFormula !== address) return;
      const formula = cell.formula; // translated from the master by ExcelJS
      const value: FormulaModel = { formula };
      if (m.result !== undefined) value.result = m.result;
      cell.value = value as ExcelJS.CellValue;
    });
  });
  const m = formulaModel(master);
  delete m.shareType;
  delete m.ref;
}

function prepareForOverwrite(ws: ExcelJS.Worksheet, cell: ExcelJS.Cell): void {
  detachSharedClones(ws, cell);
}

function writeBlock(ws: ExcelJS.Worksheet, at: string, rows: CellInput[][], date1904: boolean): void {
  const origin = parseCell(at);
  rows.forEach((row, r) => {
    row.forEach((input, c) => {
      const cell = ws.getCell(origin.row + r, origin.col + c);
      if (cell.type === ExcelJS.ValueType.Merge) {
        // ExcelJS would write a non-master cell's value into the master: keep the merge for
        // blanks (they are blank already), break it only for a real value.
        if (input === null || input === undefined || input === '') return;
        ws.unMergeCells(cell.address);
      }
      prepareForOverwrite(ws, cell);
      writeCell(cell, input, date1904);
    });
  });
}

/** ExcelJS's own shared formulas (worksheet.fillFormula): it spells each copy out by its own rules. */
function writeFill(ws: ExcelJS.Worksheet, fill: FormulaFill, date1904: boolean): void {
  const r = parseRange(fill.range);
  for (let row = r.top; row <= r.bottom; row++) {
    const cell = ws.getCell(row, r.left);
    if (cell.type === ExcelJS.ValueType.Merge) ws.unMergeCells(cell.address);
    prepareForOverwrite(ws, cell);
  }
  if (r.top === r.bottom) {
    const result = fill.results?.[0];
    writeCell(ws.getCell(r.top, r.left), result === undefined ? { formula: fill.formula } : { formula: fill.formula, result }, date1904);
    return;
  }
  ws.fillFormula(fill.range, fill.formula.replace(/^=/, ''), (fill.results?.map(resultValue) ?? []) as number[]); // the typings want numbers; any cached value is accepted
}

function resultValue(v: CellValue | undefined): unknown {
  if (v === null || v === undefined || v === '') return undefined;
  if (typeof v === 'number' && !Number.isFinite(v)) return undefined;
  return v;
}

function writeCell(cell: ExcelJS.Cell, input: CellInput | undefined, date1904: boolean): void {
  if (input === null || input === undefined || input === '') {
    cell.value = null;
  } else if (typeof input === 'string') {
    // Assigned as a plain string: ExcelJS never turns "=1+1" or "0012" into anything else.
    cell.value = input;
  } else if (typeof input === 'number') {
    cell.value = Number.isFinite(input) ? input : null; // plan.ts warned about it
  } else if (typeof input === 'boolean') {
    cell.value = input;
  } else if (input instanceof Date) {
    // plan.ts turned dates into serials with their format; kept for a direct caller.
    cell.value = dateToSerial(input, date1904);
  } else if (isFormula(input)) {
    const value: FormulaModel = { formula: input.formula.replace(/^=/, '') };
    const result = resultValue(input.result);
    if (result !== undefined) value.result = result;
    cell.value = value as ExcelJS.CellValue;
  }
}

function forEachExistingCell(ws: ExcelJS.Worksheet, r: RangeRef, fn: (cell: ExcelJS.Cell) => void): void {
  for (let row = r.top; row <= r.bottom; row++) {
    const rowObj = ws.findRow(row);
    if (!rowObj) continue;
    for (let col = r.left; col <= r.right; col++) {
      const cell = ws.findCell(row, col);
      if (cell) fn(cell);
    }
  }
}

function clearRange(ws: ExcelJS.Worksheet, r: RangeRef): void {
  // Clearing formats unmerges in Excel too.
  ws.unMergeCells(r.top, r.left, r.bottom, r.right);
  forEachExistingCell(ws, r, (cell) => {
    prepareForOverwrite(ws, cell);
    cell.value = null;
    cell.style = {};
  });
  // As Range.clear: validation goes from the range only, a rule's other cells keep it.
  const model = validationModel(ws);
  for (const key of Object.keys(model)) {
    const rule = model[key];
    const k = parseRange(key);
    if (!rangesOverlap(k, r)) continue;
    delete model[key];
    if (rule !== undefined) for (const left of subtractRange(k, r)) model[rangeAddress(left.top, left.left, left.bottom, left.right)] = rule;
  }
}

function validationModel(ws: ExcelJS.Worksheet): Record<string, unknown> {
  return (ws as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations.model;
}

// ---------------------------------------------------------------- styles

export function argb(hex: string): string {
  const h = hex.replace(/^#/, '').toUpperCase();
  if (!/^[0-9A-F]{6}$/.test(h)) throw new Error(`Not a #RRGGBB colour: ${hex}`);
  return `FF${h}`;
}

const THIN: Partial<ExcelJS.Border> = { style: 'thin' };

function ownStyle(cell: ExcelJS.Cell): void {
  cell.style = { ...cell.style };
}

function applyStyle(ws: ExcelJS.Worksheet, r: RangeRef, s: CellStyle): void {
  const fontChange = s.bold !== undefined || s.italic !== undefined || s.underline !== undefined || s.fontName !== undefined || s.fontSize !== undefined || s.fontColor !== undefined;
  const alignChange = s.horizontal !== undefined || s.vertical !== undefined || s.wrap !== undefined;
  for (let row = r.top; row <= r.bottom; row++) {
    for (let col = r.left; col <= r.right; col++) {
      const cell = ws.getCell(row, col);
      // Cells loaded from a file share one style object per style id: setting numFmt (a
      // field of that object) would restyle every cell sharing it. Own a copy first.
      ownStyle(cell);
      if (fontChange) {
        const font: Partial<ExcelJS.Font> = { ...(cell.font ?? {}) };
        if (s.bold !== undefined) font.bold = s.bold;
        if (s.italic !== undefined) font.italic = s.italic;
        if (s.underline !== undefined) font.underline = s.underline;
        if (s.fontName !== undefined) font.name = s.fontName;
        if (s.fontSize !== undefined) font.size = s.fontSize;
        if (s.fontColor !== undefined) font.color = { argb: argb(s.fontColor) };
        cell.font = font;
      }
      if (s.fill !== undefined) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(s.fill) } };
      if (s.numberFormat !== undefined) cell.numFmt = s.numberFormat;
      if (alignChange) {
        const al: Partial<ExcelJS.Alignment> = { ...(cell.alignment ?? {}) };
        if (s.horizontal !== undefined) al.horizontal = s.horizontal;
        if (s.vertical !== undefined) al.vertical = s.vertical;
        if (s.wrap !== undefined) al.wrapText = s.wrap;
        cell.alignment = al;
      }
      if (s.border === 'thin') cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
      else if (s.border === 'none') cell.border = {};
    }
  }
}

// ---------------------------------------------------------------- validations

/** The formula1 of a list validation (no leading "="); plan.ts checked its limits. */
function validationFormula(v: Validation): string {
  return Array.isArray(v.list) ? listFormula(v.list) : v.list.source.replace(/^=/, '');
}

function addValidation(ws: ExcelJS.Worksheet, v: Validation): void {
  const target = parseRange(v.range);
  const model = validationModel(ws);
  // ExcelJS keeps one rule per key (a cell, or a range we added): drop the ones the new rule
  // covers, by deleting the key (remove() leaves `undefined`, which is written as a broken rule).
  for (const key of Object.keys(model)) {
    const k = parseRange(key);
    if (model[key] === undefined || (k.top >= target.top && k.bottom <= target.bottom && k.left >= target.left && k.right <= target.right)) delete model[key];
  }
  const key = rangeAddress(target.top, target.left, target.bottom, target.right);
  model[key] = {
    type: 'list',
    allowBlank: true,
    // Other spellings stay allowed: the list only helps.
    showErrorMessage: false,
    formulae: [validationFormula(v)],
  };
}

// ---------------------------------------------------------------- view and page

function applyFreeze(ws: ExcelJS.Worksheet, rows: number, columns: number): void {
  const base = { ...(ws.views?.[0] ?? {}) } as Record<string, unknown>;
  for (const k of ['state', 'xSplit', 'ySplit', 'topLeftCell', 'activePane', 'activeCell']) delete base[k];
  const view =
    rows > 0 || columns > 0
      ? { ...base, state: 'frozen', xSplit: columns, ySplit: rows, topLeftCell: cellAddress(rows + 1, columns + 1) }
      : { ...base, state: 'normal' };
  ws.views = [view as Partial<ExcelJS.WorksheetView>, ...(ws.views ?? []).slice(1)];
}

function inches(cm: number): number {
  return Math.round((cm / CM_PER_INCH) * 10000) / 10000;
}

function applyPage(ws: ExcelJS.Worksheet, p: PageSetup, ctx: ApplyContext): void {
  const ps: Partial<ExcelJS.PageSetup> = { ...ws.pageSetup };
  if (p.orientation) ps.orientation = p.orientation;
  if (p.paperSize === 'A4') ps.paperSize = A4;
  if (p.margins) {
    // pageMargins needs all six attributes; keep header/footer (Excel's default 0.3").
    const old = ws.pageSetup.margins;
    ps.margins = {
      top: inches(p.margins.top),
      bottom: inches(p.margins.bottom),
      left: inches(p.margins.left),
      right: inches(p.margins.right),
      header: old?.header ?? 0.3,
      footer: old?.footer ?? 0.3,
    };
  }
  if (p.fitToWidth !== undefined) {
    ps.fitToPage = p.fitToWidth;
    if (p.fitToWidth) {
      ps.fitToWidth = 1;
      ps.fitToHeight = 0;
    }
  }
  if (p.scale !== undefined) ps.scale = p.scale;
  const apostrophe = ws.name.includes("'");
  if (p.pageOrder) ps.pageOrder = p.pageOrder;
  if ((p.printArea !== undefined || p.printTitleRows !== undefined || p.printTitleColumns !== undefined) && apostrophe) {
    // ExcelJS would write '<name>'!… with the apostrophe not doubled: a corrupt defined name.
    ctx.warnings.push({ code: 'printTitlesSkipped', sheet: ws.name });
  } else {
    if (p.printArea !== undefined) ps.printArea = absoluteRows(p.printArea);
    if (p.printTitleRows !== undefined) ps.printTitlesRow = p.printTitleRows;
    // ExcelJS writes "'S'!$<first>:$<last>" from the letters: without their $.
    if (p.printTitleColumns !== undefined) ps.printTitlesColumn = p.printTitleColumns.replace(/\$/g, '');
  }
  ws.pageSetup = ps as ExcelJS.PageSetup;
  // One header and footer for every page, both replaced (as workbook/xlsx writes them).
  if (p.header || p.footer) ws.headerFooter = { differentFirst: false, differentOddEven: false, oddHeader: headerFooterCode(p.header ?? {}), oddFooter: headerFooterCode(p.footer ?? {}) };
  if (p.rowBreaks) {
    const holder = ws as unknown as { rowBreaks: unknown[] };
    holder.rowBreaks = [];
    // Excel's break id N sits below row N: "before row R" is id R-1. Bounds cover A…XFD.
    for (const r of p.rowBreaks) ws.getRow(r - 1).addPageBreak(1, 16384);
  }
}

/**
 * ExcelJS writes a print area "A1:H40" as $A1:$H40; "A$1:H$40" comes out as the fully
 * absolute $A$1:$H$40 Excel itself writes (and reads back as A1:H40).
 */
function absoluteRows(area: string): string {
  return area
    .split('&&')
    .map((part) => {
      const r = parseRange(part.replace(/\$/g, ''));
      return `${colOf(r.left)}$${r.top}:${colOf(r.right)}$${r.bottom}`;
    })
    .join('&&');
}

function colOf(col: number): string {
  return cellAddress(1, col).replace(/\d+$/, '');
}
