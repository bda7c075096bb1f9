/**
 * read(): sheet names and the values of the requested sheets in ONE `context.sync` for
 * member sheets up to FIRST_READ_ROWS rows; longer sheets cost one more sync per budget.
 */
import { cellAddress, parseRange, rangeAddress, type RangeRef } from '../a1';
import { sheetKey, wantsFormulas, wantsLayout, type CellValue, type HiddenSheet, type ReadOptions, type SheetData, type WorkbookSnapshot } from '../port';
import { findSheetName, SHEET_MARK } from '../plan';
import { FIRST_READ_ROWS, jsonBytes, RequestBudget } from './payload';
import { API, type Supports } from './requirements';
import { queueSheetList, type HiddenVisibility } from './protection';
import type { WorkbookLocks } from '../protection';

const ERROR_VALUES = new Set([
  '#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA',
  '#SPILL!', '#CALC!', '#FIELD!', '#BLOCKED!', '#CONNECT!', '#BUSY!', '#UNKNOWN!', '#PYTHON!',
]);

/** Office.js gives errors as their text and empty cells as ''. */
export function fromExcelValue(v: unknown): CellValue {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'string') return ERROR_VALUES.has(v) ? { error: v } : v;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  return String(v);
}

/** "'Danh sách'!A1:C9" → "A1:C9"; the part after the last "!" never holds one. */
export function localAddress(address: string): string {
  return address.slice(address.lastIndexOf('!') + 1);
}

/** RangeAreas addresses: "S!A1:B2, S!D4:E5" (sheet names may hold commas, so match cells). */
export function areaAddresses(address: string): string[] {
  const out: string[] = [];
  for (const m of address.matchAll(/!(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)/g)) out.push(m[1]!.replace(/\$/g, ''));
  return out;
}

interface Piece {
  top: number;
  left: number;
  values: unknown[][];
  /** Range.formulas, where asked (ReadOptions.formulas): loaded with the values, in the same request. */
  formulas?: unknown[][];
}

/** Range.formulas gives a constant's value: a formula is "=…" text other than the cell's value (a text typed as '=1+1 is its value). */
function isFormula(formula: unknown, value: unknown): boolean {
  return typeof formula === 'string' && formula.startsWith('=') && formula !== value;
}

/** What one requested sheet holds so far, whichever path loaded it. */
interface Found {
  asked: string;
  sheet: Excel.Worksheet;
  name: string;
  used: RangeRef | null;
  pieces: Piece[];
  /** First row not loaded yet. */
  nextRow: number;
  /** Which cells hold a formula is asked (ReadOptions.formulas). */
  formulas?: boolean;
  merges?: string[];
  hiddenRows?: number[];
  hiddenColumns?: number[];
  /** Row spans read whose rows are not all shown (Range.rowHidden not false): their rows are asked one by one at the end. */
  partlyHidden?: [number, number][];
}

interface Loaded {
  found: Found;
  window: Excel.Range;
  /** The window's rows are asked whether any is hidden (its rowHidden). */
  rowsAsked?: boolean;
  merges?: Excel.RangeAreas;
  colProps?: OfficeExtension.ClientResult<Excel.ColumnProperties[]>;
}

/**
 * Office error codes that mean "this host cannot do the one-sync read", not "the workbook or
 * the add-in is wrong": calls chained on a null object refused (InvalidObjectPath,
 * ItemNotFound), or a first window too big (ResponsePayloadSizeLimitExceeded, RangeExceedsLimit).
 * Any other error (a bug, a protected or busy workbook) reaches the user with its reason.
 */
const FALLBACK_CODES = new Set(['InvalidObjectPath', 'ItemNotFound', 'ResponsePayloadSizeLimitExceeded', 'RangeExceedsLimit']);

export function isFallbackError(e: unknown): boolean {
  const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
  return typeof code === 'string' && FALLBACK_CODES.has(code);
}

/** The snapshot, and the user's protection read with the sheet names (office/protection.ts). */
export async function readSheets(
  context: Excel.RequestContext,
  asked: string[],
  options: ReadOptions,
  supports: Supports,
): Promise<{ snapshot: WorkbookSnapshot; locks: WorkbookLocks; hidden: Map<string, HiddenVisibility>; charts: Map<string, number> }> {
  let found: Found[];
  let sheetNames: string[];
  let roles: Map<string, string>;
  let charts: Map<string, number>;
  let locks: WorkbookLocks;
  let date1904: boolean;
  let hidden: Map<string, HiddenVisibility>;
  try {
    ({ found, sheetNames, roles, charts, locks, date1904, hidden } = await readInOneSync(context, asked, options, supports));
  } catch (e) {
    if (!isFallbackError(e)) throw e;
    // A host that rejects calls chained on a null object (missing or empty sheet), or a
    // first window heavier than Excel's 5 MB response limit: go step by step instead.
    // A few extra syncs, only then.
    ({ found, sheetNames, roles, charts, locks, date1904, hidden } = await readStepByStep(context, asked, options, supports, null));
  }
  // Excel finds "TỔNG HỢP" for "Tổng hợp" but not a name typed in another Unicode form (NFD):
  // those few are looked up by the one sheet-name key, step by step.
  const missed = asked.filter((a) => !found.some((f) => f.asked === a) && findSheetName(sheetNames, a) !== undefined);
  // Marks asked for: every sheet's (a renamed one of ours too); those the walk did not reach cost one more sync.
  const unmarked = options.marks ? sheetNames.filter((n) => !probedMark(roles, n)) : [];
  if (missed.length > 0 || unmarked.length > 0) {
    const more = await readStepByStep(context, missed, options, supports, { names: sheetNames, marks: unmarked, date1904 });
    found.push(...more.found);
    for (const [k, v] of more.roles) roles.set(k, v);
    for (const [k, v] of more.charts) charts.set(k, v);
  }
  await readRemainingRows(context, found, options, supports);
  await readHiddenRows(context, found);
  const sheets = new Map<string, SheetData>();
  for (const f of found) sheets.set(f.asked, toSheetData(f, options));
  const marked = new Map<string, string>();
  for (const [name, role] of roles) if (role !== '') marked.set(name, role);
  // Loaded with the names (protection.ts): no round trip of its own. In tab order, as the port says.
  const hiddenSheets = new Map<string, HiddenSheet>();
  for (const name of sheetNames) {
    const v = hidden.get(name);
    if (v) hiddenSheets.set(name, v === 'Hidden' ? 'hidden' : 'veryHidden');
  }
  return { snapshot: { sheetNames, sheets, roles: marked, structureLocked: locks.structure, date1904, hiddenSheets }, locks, hidden, charts };
}

/** `roles` holds '' for a sheet whose mark was looked for and not found. */
function probedMark(roles: Map<string, string>, actual: string): boolean {
  return [...roles.keys()].some((k) => sheetKey(k) === sheetKey(actual));
}

export interface MarkProbe {
  sheet: Excel.Worksheet;
  mark: Excel.NamedItem;
  /** How many charts the sheet holds: a sheet of ours redrawn in place loses the ones drawn last time. */
  charts: Excel.ChartCollection;
}

/** Queues the lookup of a sheet's ownership mark (worksheet-scoped names: ExcelApi 1.4), and of its charts. */
export function queueMark(sheet: Excel.Worksheet, supports: Supports): MarkProbe | null {
  if (!supports(API.mark)) return null;
  const mark = sheet.names.getItemOrNullObject(SHEET_MARK);
  mark.load('value,scope');
  const charts = sheet.charts;
  charts.load('items/name');
  return { sheet, mark, charts };
}

/** After the sync, for a sheet that exists: its charts, kept for a sheet of ours (`role` not ''). */
export function takeCharts(p: MarkProbe | null, role: string | undefined, name: string, into: Map<string, number>): void {
  if (p && role) into.set(name, p.charts.items.length);
}

/** After the sync: the role, '' when the sheet has no mark, undefined when the sheet is missing. */
export function takeMark(p: MarkProbe | null, sheetExists: boolean): string | undefined {
  if (!p || !sheetExists) return undefined;
  // Some hosts list workbook-scoped names under a sheet too (office-js#1011): only the sheet's own counts.
  if (p.mark.isNullObject || p.mark.scope !== 'Worksheet') return '';
  // A string constant's value is the string itself.
  return typeof p.mark.value === 'string' ? p.mark.value : '';
}

/** Queues the first window of values (and layout) of a sheet's used range. */
function queueWindow(found: Found, used: Excel.Range, formatted: Excel.Range | null, options: ReadOptions, supports: Supports): Loaded {
  const window = used.getIntersectionOrNullObject(`A1:XFD${FIRST_READ_ROWS}`);
  window.load(found.formulas ? 'address,values,formulas' : 'address,values');
  const loaded: Loaded = { found, window };
  if (wantsLayout(options, found.asked)) {
    if (formatted && supports(API.mergedAreas)) {
      loaded.merges = formatted.getMergedAreasOrNullObject();
      loaded.merges.load('address');
    }
    if (supports(API.rowColumnProperties)) {
      // One value for the window (false: no row hidden), where a property per row weighs ~20 bytes a row.
      window.load('rowHidden');
      loaded.rowsAsked = true;
      loaded.colProps = window.getColumnProperties({ columnHidden: true });
    }
  }
  return loaded;
}

function takeWindow(l: Loaded, usedAddress: string | null): void {
  const f = l.found;
  f.used = usedAddress ? parseRange(localAddress(usedAddress)) : null;
  f.nextRow = f.used ? f.used.top : 1;
  if (l.merges) f.merges = l.merges.isNullObject ? [] : areaAddresses(l.merges.address);
  if (l.rowsAsked || l.colProps) {
    f.hiddenRows = [];
    f.hiddenColumns = [];
    f.partlyHidden = [];
  }
  if (!f.used || l.window.isNullObject) return;
  const w = parseRange(localAddress(l.window.address));
  f.pieces.push({ top: w.top, left: w.left, values: l.window.values, ...(f.formulas ? { formulas: l.window.formulas } : {}) });
  f.nextRow = w.bottom + 1;
  if (l.rowsAsked && l.window.rowHidden !== false) f.partlyHidden!.push([w.top, w.bottom]);
  if (l.colProps) collectHidden(l.colProps.value, w.left, (p) => p.columnHidden, f.hiddenColumns!);
}

function collectHidden<P>(props: P[], first: number, hidden: (p: P) => boolean | undefined, into: number[]): void {
  props.forEach((p, i) => {
    if (hidden(p)) into.push(first + i);
  });
}

async function readInOneSync(context: Excel.RequestContext, asked: string[], options: ReadOptions, supports: Supports) {
  const worksheets = context.workbook.worksheets;
  const list = queueSheetList(context, supports);
  const queued = asked.map((name) => {
    const sheet = worksheets.getItemOrNullObject(name);
    sheet.load('name');
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load('address');
    const formatted = wantsLayout(options, name) ? sheet.getUsedRangeOrNullObject(false) : null;
    const found: Found = { asked: name, sheet, name, used: null, pieces: [], nextRow: 1, formulas: wantsFormulas(options, name) };
    return { sheet, used, mark: queueMark(sheet, supports), loaded: queueWindow(found, used, formatted, options, supports) };
  });
  const markOnly = options.marks ? queueMarkWalk(worksheets, supports) : [];
  await context.sync();
  const found: Found[] = [];
  const roles = new Map<string, string>();
  const charts = new Map<string, number>();
  for (const q of [...queued, ...markOnly]) {
    const role = takeMark(q.mark, !q.sheet.isNullObject);
    if (role !== undefined) roles.set(q.sheet.name, role);
    takeCharts(q.mark, role, q.sheet.isNullObject ? '' : q.sheet.name, charts);
  }
  for (const q of queued) {
    if (q.sheet.isNullObject) continue;
    q.loaded.found.name = q.sheet.name;
    takeWindow(q.loaded, q.used.isNullObject ? null : q.used.address);
    found.push(q.loaded.found);
  }
  const { names, locks, date1904, hidden } = list();
  return { found, sheetNames: names, roles, charts, locks, date1904, hidden };
}

/** Sheets whose marks the one-sync read walks; a workbook with more costs one more sync for the rest. */
export const MARK_WALK = 40;

/**
 * Every sheet's mark in the same sync as the names: sheet names are not known before it, so the
 * walk goes from the first sheet to the next, MARK_WALK steps (past the last one, null objects).
 */
function queueMarkWalk(worksheets: Excel.WorksheetCollection, supports: Supports): { sheet: Excel.Worksheet; mark: MarkProbe | null }[] {
  if (!supports(API.mark) || !supports(API.sheetWalk)) return [];
  const out: { sheet: Excel.Worksheet; mark: MarkProbe | null }[] = [];
  let sheet = worksheets.getFirst();
  for (let i = 0; i < MARK_WALK; i++) {
    if (i > 0) sheet = sheet.getNextOrNullObject();
    sheet.load('name');
    out.push({ sheet, mark: queueMark(sheet, supports) });
  }
  return out;
}

/**
 * The careful path, after the one-sync read failed (a host that rejects calls chained on
 * null objects, or a first window too heavy for one response): names, then used ranges,
 * then rows in chunks measured from a small first chunk.
 */
async function readStepByStep(context: Excel.RequestContext, asked: string[], options: ReadOptions, supports: Supports, known: { names: string[]; marks: string[]; date1904: boolean } | null) {
  const worksheets = context.workbook.worksheets;
  let sheetNames = known?.names;
  // Known names come with their protection from the first read.
  let locks: WorkbookLocks = { structure: false, sheets: [] };
  let date1904 = known?.date1904 ?? false;
  let hidden = new Map<string, HiddenVisibility>();
  if (!sheetNames) {
    const list = queueSheetList(context, supports);
    await context.sync();
    ({ names: sheetNames, locks, date1904, hidden } = list());
  }
  const names = sheetNames;
  const probes = asked.flatMap((a) => {
    const name = findSheetName(names, a);
    if (name === undefined) return [];
    const sheet = worksheets.getItem(name);
    const used = sheet.getUsedRangeOrNullObject(true).load('address');
    const formatted = wantsLayout(options, a) ? sheet.getUsedRangeOrNullObject(false).load('address') : null;
    const found: Found = { asked: a, sheet, name, used: null, pieces: [], nextRow: 1, formulas: wantsFormulas(options, a) };
    return [{ found, used, formatted }];
  });
  // The asked sheets' marks; with marks asked for, every sheet's (or, after a first sync, those it missed).
  const markNames = new Set([...asked.flatMap((a) => findSheetName(names, a) ?? []), ...(known ? known.marks : options.marks ? names : [])]);
  const marks = [...markNames].map((name) => ({ name, mark: queueMark(worksheets.getItem(name), supports) }));
  await context.sync();
  const roles = new Map<string, string>();
  const charts = new Map<string, number>();
  for (const m of marks) {
    const role = takeMark(m.mark, true);
    if (role !== undefined) roles.set(m.name, role);
    takeCharts(m.mark, role, m.name, charts);
  }
  const layout: (() => void)[] = [];
  for (const { found: f, used, formatted } of probes) {
    if (used.isNullObject) continue;
    f.used = parseRange(localAddress(used.address));
    f.nextRow = f.used.top;
    if (!wantsLayout(options, f.asked)) continue;
    if (formatted && !formatted.isNullObject && supports(API.mergedAreas)) {
      const merges = formatted.getMergedAreasOrNullObject().load('address');
      layout.push(() => (f.merges = merges.isNullObject ? [] : areaAddresses(merges.address)));
    }
    if (supports(API.rowColumnProperties)) {
      f.hiddenRows = [];
      f.hiddenColumns = [];
      f.partlyHidden = [];
      const cols = used.getColumnProperties({ columnHidden: true });
      layout.push(() => collectHidden(cols.value, f.used!.left, (p) => p.columnHidden, f.hiddenColumns!));
    }
  }
  if (layout.length > 0) {
    await context.sync();
    layout.forEach((take) => take());
  }
  return { found: probes.map((p) => p.found), sheetNames: names, roles, charts, locks, date1904, hidden };
}

/** Rows not read yet, in row chunks sized from what was read so far. */
async function readRemainingRows(context: Excel.RequestContext, found: Found[], options: ReadOptions, supports: Supports) {
  const withProps = (f: Found) => wantsLayout(options, f.asked) && supports(API.rowColumnProperties);
  const rest = (f: Found) => (f.used && f.nextRow <= f.used.bottom ? f.used : null);
  // Nothing measured yet (careful path): a small first chunk tells how heavy a row is.
  const unmeasured = found.filter((f) => rest(f) && f.pieces.length === 0);
  if (unmeasured.length > 0) {
    const take = unmeasured.map((f) => {
      const used = f.used!;
      const rows = Math.max(1, Math.floor(PROBE_CELLS / (used.right - used.left + 1)));
      return queueChunk(f, f.nextRow, Math.min(used.bottom, f.nextRow + rows - 1), withProps(f));
    });
    await context.sync();
    take.forEach((t) => t());
  }
  const budget = new RequestBudget(() => context.sync());
  const take: (() => void)[] = [];
  for (const f of found) {
    const used = rest(f);
    if (!used) continue;
    const rowBytes = estimateRowBytes(f.pieces, used.right - used.left + 1);
    await inChunks(budget, f.nextRow, used.bottom, rowBytes, (top, bottom) => take.push(queueChunk(f, top, bottom, withProps(f))));
  }
  if (take.length === 0) return;
  await budget.flush();
  take.forEach((t) => t());
}

/**
 * Rows first..last in chunks, each filling what is left of the current request (so sheets share
 * round trips); `queue` queues one chunk's load.
 */
async function inChunks(budget: RequestBudget, first: number, last: number, rowBytes: number, queue: (top: number, bottom: number) => void): Promise<void> {
  for (let top = first; top <= last; ) {
    if (budget.room < rowBytes) await budget.flush();
    const bottom = Math.min(last, top + Math.max(1, Math.floor(budget.room / rowBytes)) - 1);
    await budget.reserve((bottom - top + 1) * rowBytes);
    queue(top, bottom);
    top = bottom + 1;
  }
}

/** Cells in the careful path's first chunk: small enough for any plausible cell size. */
const PROBE_CELLS = 20_000;

/** Queues rows top..bottom of the used columns; the returned function takes them after sync. */
function queueChunk(f: Found, top: number, bottom: number, withProps: boolean): () => void {
  const used = f.used!;
  const range = f.sheet.getRange(rangeAddress(top, used.left, bottom, used.right)).load(['values', ...(withProps ? ['rowHidden'] : []), ...(f.formulas ? ['formulas'] : [])].join(','));
  f.nextRow = bottom + 1;
  return () => {
    f.pieces.push({ top, left: used.left, values: range.values, ...(f.formulas ? { formulas: range.formulas } : {}) });
    if (withProps && range.rowHidden !== false) f.partlyHidden!.push([top, bottom]);
  };
}

/** Bytes of one row's properties in a response ({"rowHidden":false}, with its framing). */
const ROW_PROPERTY_BYTES = 24;

/**
 * The rows of the spans read that are not all shown, one by one: a sheet that hides nothing costs
 * nothing more; one that hides rows, a round trip more, over its first column only.
 */
async function readHiddenRows(context: Excel.RequestContext, found: Found[]) {
  const budget = new RequestBudget(() => context.sync());
  const take: (() => void)[] = [];
  for (const f of found) {
    for (const [first, last] of f.partlyHidden ?? []) {
      await inChunks(budget, first, last, ROW_PROPERTY_BYTES, (top, bottom) => {
        const props = f.sheet.getRange(rangeAddress(top, f.used!.left, bottom, f.used!.left)).getRowProperties({ rowHidden: true });
        take.push(() => collectHidden(props.value, top, (p) => p.rowHidden, f.hiddenRows!));
      });
    }
  }
  if (take.length === 0) return;
  await budget.flush();
  take.forEach((t) => t());
}

/** Bytes per row of what was read so far; a generous guess when nothing was. */
function estimateRowBytes(pieces: Piece[], width: number): number {
  const rows = pieces.reduce((n, p) => n + p.values.length, 0);
  if (rows === 0) return width * 64; // not reached after a probe; kept as a safe guess
  // The mean of thousands of rows read: the budget's own 30% covers what it misses.
  const bytes = pieces.reduce((n, p) => n + jsonBytes(p.values) + (p.formulas ? jsonBytes(p.formulas) : 0), 0);
  return Math.ceil(bytes / rows);
}

function toSheetData(f: Found, options: ReadOptions): SheetData {
  const rows: CellValue[][] = [];
  const formulas = new Set<string>();
  if (f.used) {
    for (let r = 1; r <= f.used.bottom; r++) rows.push([]);
    for (const p of f.pieces) {
      p.values.forEach((line, i) => {
        const row: CellValue[] = new Array<CellValue>(p.left - 1).fill(null);
        for (const v of line) row.push(fromExcelValue(v));
        rows[p.top - 1 + i] = row;
        p.formulas?.[i]?.forEach((formula, j) => {
          if (isFormula(formula, line[j])) formulas.add(cellAddress(p.top + i, p.left + j));
        });
      });
    }
  }
  const data: SheetData = { name: f.name, rows, ...(f.formulas ? { formulas } : {}) };
  if (wantsLayout(options, f.asked)) {
    data.merges = f.merges ?? [];
    data.hiddenRows = (f.hiddenRows ?? []).sort((a, b) => a - b);
    data.hiddenColumns = f.hiddenColumns ?? [];
  }
  return data;
}
