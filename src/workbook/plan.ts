/**
 * What a SheetPlan means, decided once for every workbook implementation (Office.js, the .xlsx
 * writer, and the tests' ExcelJS one). A batch's plans are checked and normalised here before any adapter sees
 * them; adapters only translate the normalised plan into their API:
 * - sheet names are compared by `sheetKey` (NFC + case fold), as Excel compares them;
 * - a Date becomes the Excel serial of its local wall-clock time, formatted dd/mm/yyyy unless
 *   the plan styles the cell;
 * - a non-finite number becomes a blank cell, with a warning;
 * - '' for autoFilter / tabColor removes the filter / the colour; '' for a print area or
 *   print titles is refused (Office.js cannot remove them);
 * - page breaks replace the sheet's breaks; breaks before row 1 mean nothing and are dropped;
 * - a page header or footer fits Excel's 255 characters, its codes counted;
 * - a literal validation list is checked once (no commas, Excel's 255-character limit);
 * - a `replace` plan redraws only a sheet carrying the add-in's mark for its role (whatever its
 *   name): a user's sheet with the same name is kept and ours takes another name (with a
 *   warning); an `own` plan is placed the same way and becomes an `ensure` (`adopt` kept only
 *   where the mark must be written on an existing sheet);
 * - a table has a valid name, a header row and a data row, one unique header per column, and no
 *   AutoFilter of the plan over it;
 * - a formula fill is one column, its formula starts with "=", it has one result per row (a
 *   non-finite one dropped, as in a block) and it covers no cell a block or another fill writes;
 * - a conditional format is only in a `replace` plan (a sheet drawn anew), its formula starts
 *   with "=" and it sets a format.
 */
import { cellAddress, columnNumber, MAX_COLUMN, parseCell, parseRange, rangeAddress, rangesOverlap, type RangeRef } from './a1';
import { sheetKey, type CellBlock, type CellInput, type CellValue, type FormulaFill, type FormulaInput, type HeaderFooterSections, type PageSetup, type SheetPlan, type StyleRun, type TableSpec, type Validation, type WorkbookWarning } from './port';
import { shiftFormula } from './shiftFormula';
import { headerFooterCode, MAX_HEADER_FOOTER } from './headerFooter';
import { isUncalculated } from '../domain/values';

export { sheetKey };

// ---------------------------------------------------------------- sheet names

/** The actual spelling of `name` among `names`, or undefined. */
export function findSheetName(names: readonly string[], name: string): string | undefined {
  const key = sheetKey(name);
  return names.find((n) => sheetKey(n) === key);
}

const FORBIDDEN_NAME_CHARS = /[\\/?*[\]:]/;
const MAX_SHEET_NAME = 31;

export function isValidSheetName(name: string): boolean {
  return name.length > 0 && name.length <= MAX_SHEET_NAME && !FORBIDDEN_NAME_CHARS.test(name) && !name.startsWith("'") && !name.endsWith("'");
}

// ---------------------------------------------------------------- dates

const MS_PER_DAY = 86_400_000;
/** 1970-01-01 as an Excel serial (1900 date system). */
const UNIX_EPOCH_SERIAL = 25_569;
/** Days between the 1900 and 1904 date systems. */
const DATE1904_OFFSET = 1_462;

/**
 * The Excel serial of the calendar day and time the user sees: a Date's local fields count
 * (06:00 on 20/12 in Hanoi is 20/12 06:00 in the cell, not 19/12 23:00 UTC).
 */
export function dateToSerial(d: Date, date1904 = false): number {
  const wall = Date.UTC(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds(), d.getMilliseconds());
  return UNIX_EPOCH_SERIAL + wall / MS_PER_DAY - (date1904 ? DATE1904_OFFSET : 0);
}

/** A serial's wall-clock fields as a UTC Date (to format it without the local time zone). */
export function serialToWallClock(serial: number, date1904 = false): Date {
  return new Date(Math.round((serialIn1900(serial, date1904) - UNIX_EPOCH_SERIAL) * MS_PER_DAY));
}

/** The inverse: a serial read from a cell as a local Date with the same wall-clock fields. */
export function serialToDate(serial: number, date1904 = false): Date {
  const wall = serialToWallClock(serial, date1904);
  return new Date(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate(), wall.getUTCHours(), wall.getUTCMinutes(), wall.getUTCSeconds(), wall.getUTCMilliseconds());
}

/** A serial of a workbook's date system as the 1900 system's, the one the use-cases and their records count in. */
export function serialIn1900(serial: number, date1904 = false): number {
  return date1904 ? serial + DATE1904_OFFSET : serial;
}

/** Format given to a date cell the plan does not style itself. */
export const DEFAULT_DATE_FORMAT = 'dd/mm/yyyy';

// ---------------------------------------------------------------- validation lists

/** Excel refuses (as a corrupt file) a literal list formula longer than this. */
export const MAX_LIST_FORMULA = 255;

/** formula1 of a literal list as files store it: quoted, inner quotes doubled. */
export function listFormula(items: readonly string[]): string {
  return `"${items.map((s) => s.replace(/"/g, '""')).join(',')}"`;
}

/** A list as Office.js takes it (`source`): the items joined by commas. */
export function listSource(items: readonly string[]): string {
  return items.join(',');
}

// ---------------------------------------------------------------- errors

/** A plan the add-in should never have built: a programming error, reported before anything is written. */
export class PlanError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlanError';
  }
}

function checkColour(hex: string, what: string): void {
  if (!/^#[0-9A-Fa-f]{6}$/.test(hex)) throw new PlanError(`${what}: not a #RRGGBB colour: ${hex}`);
}

export function isFormula(v: CellInput | undefined): v is FormulaInput {
  return typeof v === 'object' && v !== null && !(v instanceof Date) && typeof (v as { formula?: unknown }).formula === 'string';
}

function checkValidation(v: Validation): void {
  parseRange(v.range);
  if (!Array.isArray(v.list)) return;
  for (const item of v.list) {
    // An Excel literal list is split on commas with no escape: such an item needs a range.
    if (item.includes(',')) throw new PlanError(`List item "${item}" contains a comma; use a { source } range for it.`);
  }
  if (listFormula(v.list).length > MAX_LIST_FORMULA) throw new PlanError(`The list for ${v.range} is longer than Excel's ${MAX_LIST_FORMULA} characters; use a { source } range.`);
}

/** Excel's last column, XFD. */
const PAGE_ORDERS: readonly string[] = ['downThenOver', 'overThenDown'] satisfies PageSetup['pageOrder'][];

/** Whole columns, left to right, within XFD ("A:B", "$A:$C"). */
function wholeColumns(columns: string): boolean {
  const m = /^\$?([A-Z]{1,3}):\$?([A-Z]{1,3})$/.exec(columns);
  if (!m) return false;
  const [left, right] = [columnNumber(m[1]!), columnNumber(m[2]!)];
  return left <= right && right <= MAX_COLUMN;
}

function checkPage(p: PageSetup): void {
  if (p.printArea === '' || p.printTitleRows === '' || p.printTitleColumns === '') throw new PlanError('An empty print area or print titles cannot be written: leave the field out to keep the sheet’s own.');
  if (p.printArea !== undefined) for (const part of p.printArea.split('&&')) parseRange(part.replace(/\$/g, ''));
  if (p.printTitleRows !== undefined && !/^\$?\d+:\$?\d+$/.test(p.printTitleRows)) throw new PlanError(`Print titles must be rows like "4:4": ${p.printTitleRows}`);
  if (p.printTitleColumns !== undefined && !wholeColumns(p.printTitleColumns)) throw new PlanError(`Print title columns must be whole columns, left to right, like "A:B": ${p.printTitleColumns}`);
  if (p.pageOrder !== undefined && !PAGE_ORDERS.includes(p.pageOrder)) throw new PlanError(`Page order must be downThenOver or overThenDown: ${String(p.pageOrder)}`);
  if (p.scale !== undefined && (!Number.isInteger(p.scale) || p.scale < 10 || p.scale > 400)) throw new PlanError(`Print scale must be a whole percentage from 10 to 400: ${p.scale}`);
  if (p.scale !== undefined && p.fitToWidth) throw new PlanError('A print scale and fit-to-width cannot both be written: fit-to would override the scale.');
  for (const r of p.rowBreaks ?? []) if (!Number.isInteger(r) || r < 1) throw new PlanError(`Page break row must be a positive whole number: ${r}`);
  for (const [which, sections] of [['header', p.header], ['footer', p.footer]] as const) if (sections) checkHeaderFooter(which, sections);
}

function checkHeaderFooter(which: string, sections: HeaderFooterSections): void {
  for (const text of Object.values(sections)) {
    if (typeof text !== 'string') continue;
    // Excel's header codes know no other control character than the line break.
    // eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
    if (/[\u0000-\u0009\u000B-\u001F]/.test(text)) throw new PlanError(`A page ${which} holds only printable text and line breaks.`);
    // "&P+1" is a page number plus one to Excel: such text cannot follow a page field.
    if (/\{pages?\}[+-]\d/.test(text)) throw new PlanError(`A page field in the ${which} cannot be followed by a sign and a digit: ${text}`);
  }
  const length = headerFooterCode(sections).length;
  if (length > MAX_HEADER_FOOTER) throw new PlanError(`The page ${which} takes ${length} characters with its codes; Excel holds at most ${MAX_HEADER_FOOTER}.`);
}

/** Excel's table names: not a cell address (A1, R1C1), at most 255 characters. */
const TABLE_NAME = /^[A-Za-z_\\][A-Za-z0-9_.]{0,254}$/;
const LOOKS_LIKE_CELL = /^([A-Za-z]{1,3}\d+|[Rr]\d*[Cc]?\d*|[Cc]\d*)$/;

function overlaps(a: string, b: string): boolean {
  return rangesOverlap(parseRange(a), parseRange(b));
}

function checkTables(plan: SheetPlan, tables: readonly TableSpec[]): void {
  tables.forEach((t, i) => {
    if (!TABLE_NAME.test(t.name) || LOOKS_LIKE_CELL.test(t.name)) throw new PlanError(`"${t.name}" is not a valid Excel table name.`);
    const r = parseRange(t.range);
    if (r.bottom <= r.top) throw new PlanError(`Table ${t.name} needs a header row and at least one data row: ${t.range}`);
    if (t.columns.length !== r.right - r.left + 1) throw new PlanError(`Table ${t.name}: ${t.columns.length} column names for the ${r.right - r.left + 1} columns of ${t.range}.`);
    const keys = t.columns.map((c) => c.trim().toLowerCase());
    if (keys.some((k) => k === '') || new Set(keys).size !== keys.length) throw new PlanError(`Table ${t.name}: column names must be non-empty and unique.`);
    for (const other of tables.slice(0, i)) {
      if (sheetKey(other.name) === sheetKey(t.name) || overlaps(other.range, t.range)) throw new PlanError(`Tables ${other.name} and ${t.name} overlap or share a name.`);
    }
    if (plan.autoFilter && overlaps(plan.autoFilter, t.range)) throw new PlanError(`The AutoFilter ${plan.autoFilter} of "${plan.sheet}" overlaps table ${t.name}, which filters itself.`);
  });
}

/** Everything about one plan that does not depend on the workbook. */
export function checkPlanShape(plan: SheetPlan): void {
  const name = plan.sheet;
  if (plan.mode !== 'existing' && !isValidSheetName(name)) {
    throw new PlanError(`"${name}" is not a valid sheet name (1–31 characters, none of \\ / ? * [ ] :).`);
  }
  if ((plan.mode === 'replace' || plan.mode === 'own') && !plan.role) throw new PlanError(`A ${plan.mode} plan needs the role of the add-in's sheet it writes ("${name}").`);
  if (plan.adopt && plan.mode !== 'own') throw new PlanError(`Only an own plan adopts a sheet ("${name}").`);
  for (const block of plan.cells ?? []) {
    parseCell(block.at);
    for (const row of block.rows) {
      for (const v of row) {
        if (isFormula(v) && !v.formula.startsWith('=')) throw new PlanError(`Formula must start with "=": ${v.formula}`);
      }
    }
  }
  for (const v of plan.validations ?? []) checkValidation(v);
  for (const r of [...(plan.clear ?? []), ...(plan.recalculate ?? []), ...(plan.merges ?? []), ...(plan.styles ?? []).map((s) => s.range)]) parseRange(r);
  for (const s of plan.styles ?? []) {
    if (s.style.fill !== undefined) checkColour(s.style.fill, s.range);
    if (s.style.fontColor !== undefined) checkColour(s.style.fontColor, s.range);
  }
  if (plan.autoFilter) parseRange(plan.autoFilter);
  if (plan.tabColor) checkColour(plan.tabColor, plan.sheet);
  if (plan.page) checkPage(plan.page);
  if (plan.freeze && (plan.freeze.rows < 0 || plan.freeze.columns < 0)) throw new PlanError(`Freeze panes cannot be negative on "${name}".`);
  if (plan.tables) checkTables(plan, plan.tables);
  if (plan.fills?.length) checkFills(plan);
  if (plan.conditionalFormats?.length) checkConditionalFormats(plan);
}

function checkConditionalFormats(plan: SheetPlan): void {
  // Drawn on a sheet that keeps its formats, the same rule would be added again at each run.
  if (plan.mode !== 'replace') throw new PlanError(`A conditional format is drawn only on a sheet drawn anew (a replace plan): "${plan.sheet}" is ${plan.mode}.`);
  for (const cf of plan.conditionalFormats!) {
    parseRange(cf.range);
    if (!cf.formula.startsWith('=')) throw new PlanError(`Formula must start with "=": ${cf.formula}`);
    const { fill, bold, fontColor } = cf.style;
    if (fill === undefined && bold === undefined && fontColor === undefined) throw new PlanError(`The conditional format over ${cf.range} on "${plan.sheet}" sets no format.`);
    if (fill !== undefined) checkColour(fill, cf.range);
    if (fontColor !== undefined) checkColour(fontColor, cf.range);
  }
}

// ---------------------------------------------------------------- formula fills

/** The rectangle a block writes (its widest row), or null for an empty block. */
function blockBox(block: CellBlock): RangeRef | null {
  const at = parseCell(block.at);
  let width = 0;
  for (const row of block.rows) if (row.length > width) width = row.length;
  if (!width || !block.rows.length) return null;
  return { top: at.row, left: at.col, bottom: at.row + block.rows.length - 1, right: at.col + width - 1 };
}

function checkFills(plan: SheetPlan): void {
  // Row spans written per column, by fills (with their range) and blocks (null): sorted, neighbours must not meet.
  const spans = new Map<number, { top: number; bottom: number; fill: string | null }[]>();
  const add = (col: number, top: number, bottom: number, fill: string | null) => {
    let list = spans.get(col);
    if (!list) spans.set(col, (list = []));
    list.push({ top, bottom, fill });
  };
  for (const fill of plan.fills!) {
    const r = parseRange(fill.range);
    if (r.left !== r.right) throw new PlanError(`A formula fill is one column: ${fill.range} on "${plan.sheet}".`);
    if (!fill.formula.startsWith('=')) throw new PlanError(`Formula must start with "=": ${fill.formula}`);
    const rows = r.bottom - r.top + 1;
    if (fill.results && fill.results.length !== rows) throw new PlanError(`The fill ${fill.range} on "${plan.sheet}" has ${fill.results.length} results for ${rows} rows.`);
    add(r.left, r.top, r.bottom, fill.range);
  }
  for (const block of plan.cells ?? []) {
    const b = blockBox(block);
    if (b) for (let c = b.left; c <= b.right; c++) if (spans.has(c)) add(c, b.top, b.bottom, null);
  }
  for (const list of spans.values()) {
    list.sort((a, b) => a.top - b.top);
    // Sorted by top: an earlier span meets this one when it reaches down to its top.
    let reach = 0;
    let fillReach = 0;
    let lastFill = '';
    for (const span of list) {
      if (span.top <= (span.fill === null ? fillReach : reach)) {
        throw new PlanError(`The fill ${span.fill ?? lastFill} on "${plan.sheet}" covers cells another block or fill of the plan writes.`);
      }
      reach = Math.max(reach, span.bottom);
      if (span.fill !== null && span.bottom > fillReach) [fillReach, lastFill] = [span.bottom, span.fill];
    }
  }
}

/**
 * A formula's result no file may cache: a non-finite number, or a value read from a formula
 * never calculated (#UNCALCULATED is no Excel error: written as one, Excel would call the file
 * corrupt). The formula is then written without a result, and calculated on opening.
 */
function uncacheable(v: CellValue | undefined): boolean {
  return (typeof v === 'number' && !Number.isFinite(v)) || isUncalculated(v);
}

/** A fill as the normalised plan carries it: range as "S5:S5004", results without any uncacheable. */
function normaliseFill(fill: FormulaFill): FormulaFill {
  const r = parseRange(fill.range);
  const range = rangeAddress(r.top, r.left, r.bottom, r.right);
  let results = fill.results;
  if (results?.some(uncacheable)) {
    // As in a block: the formula computes its own value, the cache is dropped.
    results = results.map((v) => (uncacheable(v) ? null : v));
  }
  return range === fill.range && results === fill.results ? fill : { ...fill, range, ...(results ? { results } : {}) };
}

/** The formula a fill gives the cell `offset` rows below its first, as Excel spells it there. */
export function fillFormulaAt(fill: FormulaFill, offset: number): string {
  return shiftFormula(fill.formula, offset, 0);
}

/** A fill spelled out cell by cell (for a host that cannot fill): one block, one formula per row. */
export function fillAsBlock(fill: FormulaFill): CellBlock {
  const r = parseRange(fill.range);
  const rows: CellInput[][] = [];
  for (let i = 0; i <= r.bottom - r.top; i++) {
    const result: CellValue | undefined = fill.results?.[i];
    rows.push([result === undefined || result === null ? { formula: fillFormulaAt(fill, i) } : { formula: fillFormulaAt(fill, i), result }]);
  }
  return { at: cellAddress(r.top, r.left), rows };
}

// ---------------------------------------------------------------- the ownership mark

/** The sheet-scoped defined name marking an add-in sheet; its value is a string constant naming the role. */
export const SHEET_MARK = 'DVHT_SHEET';

/** The mark's formula, e.g. ="summary". */
export function markFormula(role: string): string {
  return `="${role.replace(/"/g, '""')}"`;
}

/** The role out of a mark's value as stored (="summary", "summary" or summary); null if not a string constant. */
export function roleOfMark(value: string): string | null {
  const v = value.trim().replace(/^=/, '');
  const m = /^"((?:[^"]|"")*)"$/.exec(v);
  if (m) return m[1]!.replace(/""/g, '"');
  return /^[A-Za-z0-9_.-]+$/.test(v) ? v : null;
}

/** Our name for an add-in sheet when a user's sheet holds its usual name. */
export function displacedName(name: string, n: number): string {
  const tail = n === 1 ? ' (ĐVHT)' : ` (ĐVHT ${n})`;
  return name.slice(0, MAX_SHEET_NAME - tail.length) + tail;
}

/** How many other names an add-in sheet may try before giving up. */
const DISPLACED_TRIES = 3;

/** Names whose marks must be known to place an add-in sheet called `name` (pass them as ReadOptions.marks). */
export function ownSheetCandidates(name: string): string[] {
  const out = [name];
  for (let n = 1; n <= DISPLACED_TRIES; n++) out.push(displacedName(name, n));
  return out;
}

export interface SheetMarks {
  /** Every sheet, in tab order. */
  names: readonly string[];
  /** Role of each marked sheet, by actual name (unmarked sheets are absent). */
  roles: ReadonlyMap<string, string>;
}

export interface OwnSheet {
  /** The sheet to draw: the usual name, or another one when a user's sheet holds it. */
  sheet: string;
  /** The user's sheet that kept the usual name, when ours moves there now (not when it moved on an earlier run: the user was told then). */
  displacedBy: string | null;
  /** Other sheets carrying the same mark (copies of ours): never written, so they go stale. */
  copies: string[];
}

function roleOf(marks: SheetMarks, actual: string): string | undefined {
  for (const [name, role] of marks.roles) if (sheetKey(name) === sheetKey(actual)) return role;
  return undefined;
}

/**
 * Where the add-in's sheet of `role`, usually called `name`, goes. A sheet carrying the role's
 * mark is that sheet whatever its name (a user may rename it); of several (Excel copies the mark
 * with a copied sheet) the one called `name`, else the first in tab order: the others are never
 * written. Without one: the first candidate name that is free. A sheet without the mark is the user's.
 */
export function resolveOwnSheet(name: string, role: string, marks: SheetMarks): OwnSheet {
  const marked = marks.names.filter((n) => roleOf(marks, n) === role);
  const usual = findSheetName(marks.names, name);
  const displacedBy = (sheet: string) => (usual === undefined || sheetKey(sheet) === sheetKey(usual) ? null : usual);
  if (marked.length) {
    const sheet = findSheetName(marked, name) ?? marked[0]!;
    return { sheet, displacedBy: null, copies: marked.filter((n) => n !== sheet) };
  }
  for (const candidate of ownSheetCandidates(name)) {
    if (findSheetName(marks.names, candidate) === undefined) return { sheet: candidate, displacedBy: displacedBy(candidate), copies: [] };
  }
  throw new PlanError(`No free name for the add-in's sheet "${name}": the workbook holds "${name}" and ${DISPLACED_TRIES} variants of it that are not the add-in's.`);
}

/** resolveOwnSheet for a plan: the plan retargeted, and what the user must be told (it moved; copies left stale). */
export function placeOwnSheet(plan: SheetPlan, role: string, marks: SheetMarks): { plan: SheetPlan; warnings: WorkbookWarning[] } {
  const own = resolveOwnSheet(plan.sheet, role, marks);
  const placed = { ...plan, sheet: own.sheet, role };
  const warnings: WorkbookWarning[] = own.copies.map((copy) => ({ code: 'sheetCopied', sheet: copy, detail: own.sheet }));
  if (own.displacedBy !== null) warnings.unshift({ code: 'sheetTaken', sheet: own.displacedBy, detail: own.sheet });
  return { plan: placed, warnings };
}

// ---------------------------------------------------------------- a batch of plans

export interface BatchState extends SheetMarks {
  /** The workbook counts dates from 1904 (WorkbookSnapshot.date1904): a Date is written as a serial of that system. */
  date1904?: boolean;
}

export interface PreparedBatch {
  plans: SheetPlan[];
  warnings: WorkbookWarning[];
}

/**
 * Checks and normalises a batch's plans against the workbook as it is: throws PlanError
 * before anything is written when a plan is wrong. `existing` plans must name a sheet that
 * exists or that an earlier plan of the batch creates; a `replace` plan aimed at a sheet
 * without its mark is moved to another name.
 */
export function prepareBatch(plans: readonly SheetPlan[], state: BatchState): PreparedBatch {
  const warnings: WorkbookWarning[] = [];
  const names = [...state.names];
  const roles = new Map(state.roles);
  const out: SheetPlan[] = [];
  for (const original of plans) {
    checkPlanShape(original);
    let plan = original;
    if (plan.mode === 'own') plan = adoptOrPlace(plan, { names, roles });
    if (plan.mode === 'replace' || plan.mode === 'own') {
      const placed = placeOwnSheet(plan, plan.role!, { names, roles });
      // Implementations know three modes: ours, in place or created, is an `ensure`.
      plan = plan.mode === 'own' ? { ...placed.plan, mode: 'ensure' } : placed.plan;
      for (const w of placed.warnings) if (!warnings.some((x) => x.code === w.code && x.sheet === w.sheet && x.detail === w.detail)) warnings.push(w);
    }
    const exists = findSheetName(names, plan.sheet) !== undefined;
    if (plan.mode === 'existing' && !exists) throw new PlanError(`The sheet "${plan.sheet}" does not exist in this workbook.`);
    if (!exists) names.push(plan.sheet);
    if (plan.role && (plan.mode === 'replace' || !exists || plan.adopt)) roles.set(findSheetName(names, plan.sheet)!, plan.role);
    out.push(normalisePlan(plan, state.date1904 ?? false, warnings));
  }
  return { plans: out, warnings };
}

/**
 * An `own` plan's adoption: kept (as "write the mark") only when no sheet carries the role yet and
 * an unmarked sheet holds the usual name; that sheet then counts as marked for placing the plan.
 */
function adoptOrPlace(plan: SheetPlan, marks: { names: readonly string[]; roles: Map<string, string> }): SheetPlan {
  const { adopt, ...rest } = plan;
  if (!adopt) return rest;
  const usual = findSheetName(marks.names, plan.sheet);
  const taken = [...marks.roles.values()].includes(plan.role!);
  if (usual === undefined || taken || roleOf(marks, usual) !== undefined) return rest;
  marks.roles.set(usual, plan.role!);
  return { ...rest, sheet: usual, adopt: true };
}

/** Sheet names after the batch's plans (new sheets appended), for `select` checks. */
export function checkSelect(names: readonly string[], plans: readonly SheetPlan[], sheet: string): void {
  if (findSheetName(names, sheet) === undefined && !plans.some((p) => sheetKey(p.sheet) === sheetKey(sheet))) {
    throw new PlanError(`The sheet "${sheet}" does not exist in this workbook.`);
  }
}

function normalisePlan(plan: SheetPlan, date1904: boolean, warnings: WorkbookWarning[]): SheetPlan {
  const dateCells: string[] = [];
  const cells = plan.cells?.map((block) => normaliseBlock(plan.sheet, block, date1904, dateCells, warnings));
  const styled = styledFormats(plan.styles ?? []);
  // Dates first: the plan's own styles come after and win where they set a number format.
  const dateStyles: StyleRun[] = dateCells.filter((a) => !styled(a)).map((range) => ({ range, style: { numberFormat: DEFAULT_DATE_FORMAT } }));
  const out: SheetPlan = { ...plan };
  if (cells) out.cells = cells;
  if (plan.fills) out.fills = plan.fills.map(normaliseFill);
  if (dateStyles.length) out.styles = [...dateStyles, ...(plan.styles ?? [])];
  if (plan.page?.rowBreaks) {
    out.page = { ...plan.page, rowBreaks: [...new Set(plan.page.rowBreaks)].filter((r) => r > 1).sort((a, b) => a - b) };
  }
  return out;
}

/** Whether a cell gets a number format from the plan's styles. */
function styledFormats(styles: readonly StyleRun[]): (address: string) => boolean {
  const ranges = styles.filter((s) => s.style.numberFormat !== undefined).map((s) => parseRange(s.range));
  return (address) => {
    const c = parseCell(address);
    return ranges.some((r) => c.row >= r.top && c.row <= r.bottom && c.col >= r.left && c.col <= r.right);
  };
}

function normaliseBlock(sheet: string, block: CellBlock, date1904: boolean, dateCells: string[], warnings: WorkbookWarning[]): CellBlock {
  const at = parseCell(block.at);
  const normalise = (v: CellInput, r: number, c: number): CellInput => {
    if (v instanceof Date) {
      dateCells.push(cellAddress(at.row + r, at.col + c));
      return dateToSerial(v, date1904);
    }
    if (typeof v === 'number' && !Number.isFinite(v)) {
      warnings.push({ code: 'notANumber', sheet, detail: cellAddress(at.row + r, at.col + c) });
      return null;
    }
    if (isFormula(v) && uncacheable(v.result)) {
      // The formula computes its own value; a cache no file may hold is dropped.
      return { formula: v.formula };
    }
    return v;
  };
  // Rows are copied only where a cell changes (plans of thousands of rows mostly do not);
  // slice keeps a sparse row's holes (cells not written).
  let rows: CellInput[][] | null = null;
  block.rows.forEach((row, r) => {
    let copy: CellInput[] | null = null;
    row.forEach((v, c) => {
      const n = normalise(v, r, c);
      if (n !== v) (copy ??= row.slice())[c] = n;
    });
    if (copy) (rows ??= block.rows.slice())[r] = copy;
  });
  return rows ? { at: block.at, rows } : block;
}
