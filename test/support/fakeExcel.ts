/**
 * An in-memory Excel for tests: the subset of the Excel JavaScript API that
 * src/workbook/office uses, with the same queue-then-sync model as Office.js.
 *
 * - Calls and property sets are queued and run, in order, by `context.sync()`.
 * - A loaded property is readable only after the sync that loaded it; reading any other
 *   property throws, as Office.js does. `isNullObject` too needs a load and a sync.
 * - Strings sent through `values`/`formulas` are interpreted the way Excel interprets typed
 *   input ("0012" → 12, "TRUE" → true, "=1+1" → formula, "'x" → text "x"), so a writer that
 *   forgets the text marker is caught.
 * - Every sync is counted and its payload estimated (UTF-8 bytes of the JSON sent and
 *   loaded); a request above `requestLimitBytes` fails like Excel on the web (5 MB).
 * - Requirement sets (`apiVersion`): an API newer than the host (freeze panes, validation, filter,
 *   page layout, merged areas, row and column properties, Table.resize, Workbook.protection,
 *   getFirst/getNext …) fails the sync with ApiNotFound, as Excel answers a request for it.
 * - Visibility (`visibility`): hidden and very hidden sheets; a very hidden one cannot be deleted.
 * - Deleting a sheet breaks the formulas of other sheets that point at it (`='Tổng hợp'!B5` →
 *   `=#REF!B5`), as Excel does: what a redraw by delete-and-add would do to the user's formulas.
 * - Clearing a range (`clear()`: All, Contents, Formats) drops what Excel's does; `unmerge`,
 *   conditional formats (`clearAll`, and `add("Custom")`: ExcelApi 1.6), standard widths and heights (1.7), charts
 *   (`load('items/name')`, `getItemAt`, `delete`) and `Table.delete` are modelled for redrawing
 *   a sheet in place.
 * - `range.copyFrom(source, "Formulas")` (ExcelApi 1.9) tiles the source over the range with
 *   relative references moved, as Excel's fill does; the request carries no formula text.
 * - Protection (`options.protection`): with the structure locked, adding, deleting, renaming or
 *   moving a sheet fails the sync; on a protected sheet, writing a locked cell or changing
 *   anything but unlocked cells' contents fails it (AccessDenied), as in Excel.
 * - Change events: `worksheet.onChanged` (ExcelApi 1.7) and `worksheets.onChanged` (1.9),
 *   registered by a sync; cells written by a sync, or typed by the user (`type`), are told
 *   after it, with `triggerSource` "ThisLocalAddin" for the add-in's own writes from 1.14
 *   (older hosts do not say who changed a cell). `worksheets.onAdded` / `onDeleted` (1.7) and
 *   `onNameChanged` (1.17) are told of sheets added, deleted, renamed by a sync or by the user
 *   (`addSheet`, `deleteSheet`, `renameSheet`). A handler stays until removed (`liveHandlers`).
 *
 * Plain TypeScript without Node imports: it is also bundled as a fake host for browser tests.
 */

import type { Batch, ExcelRunner } from '../../src/workbook/office/officeWorkbook';
import { utf8Length } from '../../src/workbook/office/payload';
import { shiftFormula } from '../../src/workbook/shiftFormula';
import { subtractRange } from '../../src/workbook/a1';

export type FakeValue = string | number | boolean;

export interface FakeCell {
  value: FakeValue;
  formula?: string;
  /** Stored as text with the apostrophe marker. */
  text?: boolean;
  /** The value is an Excel error ("#DIV/0!"). */
  error?: boolean;
  numberFormat?: string;
}

export interface Bounds {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface FakeValidation {
  address: string;
  rule: unknown;
  errorAlert?: { showAlert: boolean };
}

export interface FakeSheet {
  name: string;
  /** [row-1][col-1] */
  rows: (FakeCell | undefined)[][];
  /** Every format property set, in order: { address, key: "font.bold", value }. */
  formats: { address: string; key: string; value: unknown }[];
  columnWidths: Map<number, number>;
  hiddenColumns: Set<number>;
  rowHeights: Map<number, number>;
  hiddenRows: Set<number>;
  merges: string[];
  validations: FakeValidation[];
  freeze: { rows: number; columns: number } | null;
  autoFilter: string | null;
  page: Record<string, unknown>;
  /** Page Layout → Header/Footer: which pages differ, and the sections (centerHeader …) of the default one, in Excel's codes. */
  headersFooters: { state: string; defaultForAllPages: Record<string, string> };
  rowBreaks: number[];
  tabColor: string | null;
  /** Worksheet-scoped defined names: name → formula (e.g. DVHT_SHEET → ="summary"). */
  names: Map<string, string>;
  charts: FakeChart[];
  /** Conditional formats in order of priority (first wins): custom rules (ExcelApi 1.6), or only a range (a user's of another kind). */
  conditionalFormats: FakeConditionalFormat[];
  /** Excel tables on this sheet: range as "A4:X45". */
  tables: FakeTable[];
  /** Review → Protect Sheet. */
  protected: boolean;
  /** Right-click → Hide, or VeryHidden (VBA): Excel refuses to delete a very hidden sheet. */
  visibility: FakeVisibility;
  /** Cells whose format.protection.locked is false (every other cell is locked). */
  unlocked: Bounds[];
  cell(address: string): FakeCell | undefined;
  /** What `range.values` would give for one cell. */
  value(address: string): FakeValue;
}

export interface FakeConditionalFormat {
  address: string;
  type: string;
  formula?: string;
  fill?: string;
  bold?: boolean;
  fontColor?: string;
}

export interface FakeChart {
  /** Excel's default: "Chart 1", "Chart 2" … */
  name: string;
  type: string;
  source: string;
  title: string;
  from: string;
  to: string;
  valueAxis?: { minimum?: number; maximum?: number };
}

export type FakeVisibility = 'Visible' | 'Hidden' | 'VeryHidden';

export interface FakeTable {
  name: string;
  range: string;
  style: string;
}

export interface FakeExcelOptions {
  sheets?: Record<string, unknown[][]>;
  /** ExcelApi version the fake host claims (default "1.13"). */
  apiVersion?: string;
  /** Simulated round trip per sync, for benchmarks. */
  latencyMs?: number;
  /** Requests above this fail (default 5 MB, as Excel on the web). */
  requestLimitBytes?: number;
  /** Make calls chained on a null object fail the sync instead of yielding null objects. */
  strictNullObjects?: boolean;
  /** Worksheet-scoped names to start with: sheet → name → formula. */
  names?: Record<string, Record<string, string>>;
  /** Make every sync that loads something fail with this error (code, message). */
  failLoads?: { code: string; message: string };
  /** Make every sync that changes something (a write, a sheet added …) fail with this error. */
  failWrites?: { code: string; message: string };
  /** With failWrites: only from this sync on (1 = the first), as a refusal halfway through a long write. */
  failWritesFromSync?: number;
  /** What the user protected: the structure (Protect Workbook), sheets (Protect Sheet) with their unlocked ranges. */
  protection?: FakeProtection;
  /** The workbook counts dates from 1904 (Excel for Mac's old default): DATE() answers in that system. */
  date1904?: boolean;
  /** Sheets the user hid: name → Hidden or VeryHidden. */
  visibility?: Record<string, Exclude<FakeVisibility, 'Visible'>>;
}

export interface FakeProtection {
  structure?: boolean;
  sheets?: Record<string, { unlocked?: string[] }>;
}

/**
 * What a request of the fake may weigh: 30% under Excel's 4 MB, because the fake counts only
 * the JSON of values and formulas and real Office.js adds its framing (as `npm run bench`).
 */
export const REQUEST_TARGET_BYTES = 0.7 * 4 * 1024 * 1024;

export interface FakeStats {
  syncs: number;
  /** Estimated bytes (sent + loaded) of each request the host accepted. */
  requests: number[];
  largestRequestBytes: number;
  /** Bytes of the requests refused for passing `requestLimitBytes` (they count as syncs). */
  rejected: number[];
}

export interface FakeExcel {
  run: ExcelRunner;
  supports: (version: string) => boolean;
  stats: FakeStats;
  sheetNames(): string[];
  sheet(name: string): FakeSheet;
  active(): string | null;
  selection(): { sheet: string; address: string } | null;
  /** Zero the counters (the workbook keeps its contents). */
  reset(): void;
  /** The user types into a cell (as Excel reads typed input); change handlers are told, as after an edit in the grid. */
  type(sheet: string, address: string, value: FakeValue | null): void;
  /** Change handlers (onChanged) registered and not removed. */
  changeHandlers(): number;
  /** Every event handler registered and not removed (onChanged, onAdded, onDeleted, onNameChanged). */
  liveHandlers(): number;
  /** The user adds, deletes or renames a sheet (the structure's handlers are told). */
  addSheet(name: string): void;
  deleteSheet(name: string): void;
  renameSheet(name: string, to: string): void;
  /** The user turns Review → Protect Workbook (the structure) on or off. */
  protectStructure(on: boolean): void;
}

const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

// ---------------------------------------------------------------- A1 helpers

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function colLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function parseAddress(address: string): Bounds {
  const local = address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '').trim();
  const [a, b = a] = local.split(':') as [string, string?];
  const part = (p: string) => {
    const m = /^([A-Za-z]*)(\d*)$/.exec(p);
    if (!m || (!m[1] && !m[2])) throw fakeError('InvalidArgument', `bad address ${address}`);
    return { col: m[1] ? colNumber(m[1]) : 0, row: m[2] ? Number(m[2]) : 0 };
  };
  const s = part(a);
  const e = part(b!);
  return {
    top: s.row || 1,
    left: s.col || 1,
    bottom: e.row || MAX_ROWS,
    right: e.col || MAX_COLS,
  };
}

function boundsAddress(b: Bounds): string {
  const a = `${colLetters(b.left)}${b.top}`;
  const z = `${colLetters(b.right)}${b.bottom}`;
  return a === z ? a : `${a}:${z}`;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** As Excel clears validation from a range: only inside it, a rule's other cells keep it. */
function removeValidations(sheet: FakeSheet, b: Bounds): void {
  sheet.validations = sheet.validations.flatMap((v) => subtractRange(parseAddress(v.address), b).map((left) => ({ ...v, address: boundsAddress(left) })));
}

function inside(a: Bounds, b: Bounds): boolean {
  return a.top >= b.top && a.bottom <= b.bottom && a.left >= b.left && a.right <= b.right;
}

function intersect(a: Bounds, b: Bounds): Bounds | null {
  const r = { top: Math.max(a.top, b.top), left: Math.max(a.left, b.left), bottom: Math.min(a.bottom, b.bottom), right: Math.min(a.right, b.right) };
  return r.top <= r.bottom && r.left <= r.right ? r : null;
}

// ---------------------------------------------------------------- sizes


function bytesOf(v: unknown): number {
  const s = JSON.stringify(v);
  return s === undefined ? 0 : utf8Length(s);
}

function fakeError(code: string, message: string): Error {
  const e = new Error(`${code}: ${message}`);
  (e as Error & { code: string }).code = code;
  return e;
}

/** Excel's refusal of a change the user's protection forbids. */
function denied(what: string): Error {
  return fakeError('AccessDenied', `${what} is protected`);
}

/** Anything but unlocked cells' contents, on a protected sheet. */
function guardSheet(sheet: FakeSheet): FakeSheet {
  if (sheet.protected) throw denied(`sheet ${sheet.name}`);
  return sheet;
}

function unlockedCell(sheet: FakeSheet, r: number, c: number): boolean {
  return sheet.unlocked.some((u) => r >= u.top && r <= u.bottom && c >= u.left && c <= u.right);
}

/** Contents of these cells: only unlocked ones on a protected sheet. */
function guardCells(sheet: FakeSheet, b: Bounds): void {
  if (!sheet.protected) return;
  for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) if (!unlockedCell(sheet, r, c)) throw denied(`cell ${colLetters(c)}${r} of ${sheet.name}`);
}

// ---------------------------------------------------------------- Excel's reading of input

const ERRORS = ['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A'];

/** What Excel stores when this is typed into a cell; undefined = leave the cell unchanged. */
export function interpretInput(input: unknown): FakeCell | null | undefined {
  if (input === null || input === undefined) return undefined;
  if (typeof input === 'number' || typeof input === 'boolean') return { value: input };
  const s = String(input);
  if (s === '') return null;
  if (s.startsWith("'")) return { value: s.slice(1), text: true };
  if (s.startsWith('=')) return formulaCell(s);
  if (/^[+\-@]/.test(s)) return formulaCell(`=${s}`);
  if (ERRORS.includes(s.trim().toUpperCase())) return { value: s.trim().toUpperCase(), error: true };
  if (/^\s*(true|false)\s*$/i.test(s)) return { value: /true/i.test(s) };
  const num = /^\s*\(?\s*[$€]?\s*(\d{1,3}(,\d{3})+|\d*)(\.\d+)?([eE][+-]?\d+)?\s*(%)?\s*\)?\s*$/.exec(s);
  if (num && /\d/.test(s)) {
    let n = Number(s.replace(/[\s$€,()%]/g, ''));
    if (num[5]) n /= 100;
    if (/^\s*\(/.test(s)) n = -n;
    if (Number.isFinite(n)) return { value: n };
  }
  const date = /^\s*(\d{1,4})[/-](\d{1,2})[/-](\d{1,4})\s*$/.exec(s);
  if (date) return { value: 45000 }; // some serial: what matters is that it is not text
  return { value: s };
}

function formulaCell(formula: string): FakeCell {
  const v = evaluate(formula.slice(1));
  return typeof v === 'string' && ERRORS.includes(v) ? { formula, value: v, error: true } : { formula, value: v };
}

/** Only arithmetic on numbers is computed; other formulas read back as 0. */
function evaluate(expr: string): FakeValue {
  if (/^@|[A-Za-z_]/.test(expr) && !/^[A-Z]+\(|^[A-Z]{1,3}\d+/.test(expr)) return '#NAME?';
  if (!/^[\d\s+\-*/().]*$/.test(expr)) return 0;
  let i = 0;
  const src = expr.replace(/\s+/g, ' ');
  const peek = () => src[i];
  const skip = () => {
    while (src[i] === ' ') i++;
  };
  const fail = (): never => {
    throw new Error('syntax');
  };
  const primary = (): number => {
    skip();
    if (peek() === '(') {
      i++;
      const v = sum();
      skip();
      if (peek() !== ')') fail();
      i++;
      return v;
    }
    if (peek() === '-' || peek() === '+') {
      const sign = src[i++] === '-' ? -1 : 1;
      return sign * primary();
    }
    const m = /^\d+(\.\d+)?/.exec(src.slice(i));
    if (!m) fail();
    i += m![0].length;
    return Number(m![0]);
  };
  const product = (): number => {
    let v = primary();
    for (;;) {
      skip();
      const op = peek();
      if (op !== '*' && op !== '/') return v;
      i++;
      const r = primary();
      if (op === '/' && r === 0) throw new Error('div0');
      v = op === '*' ? v * r : v / r;
    }
  };
  const sum = (): number => {
    let v = product();
    for (;;) {
      skip();
      const op = peek();
      if (op !== '+' && op !== '-') return v;
      i++;
      const r = product();
      v = op === '+' ? v + r : v - r;
    }
  };
  try {
    const v = sum();
    skip();
    if (i !== src.length) return /\d\s+\d/.test(src) ? '#NULL!' : '#VALUE!';
    return v;
  } catch (e) {
    if ((e as Error).message === 'div0') return '#DIV/0!';
    // "+84 912" is "84 intersect 912" to Excel.
    return /\d\s+\d/.test(src) ? '#NULL!' : '#VALUE!';
  }
}

// ---------------------------------------------------------------- workbook state

function newSheet(name: string): FakeSheet {
  const sheet: FakeSheet = {
    name,
    rows: [],
    formats: [],
    columnWidths: new Map(),
    hiddenColumns: new Set(),
    rowHeights: new Map(),
    hiddenRows: new Set(),
    merges: [],
    validations: [],
    freeze: null,
    autoFilter: null,
    page: {},
    headersFooters: { state: 'Default', defaultForAllPages: {} },
    rowBreaks: [],
    tabColor: null,
    names: new Map(),
    charts: [],
    conditionalFormats: [],
    tables: [],
    protected: false,
    visibility: 'Visible',
    unlocked: [],
    cell(address) {
      const b = parseAddress(address);
      return sheet.rows[b.top - 1]?.[b.left - 1];
    },
    value(address) {
      return cellValue(sheet.cell(address));
    },
  };
  return sheet;
}

function cellValue(c: FakeCell | undefined): FakeValue {
  return c === undefined ? '' : c.value;
}

function setCell(sheet: FakeSheet, row: number, col: number, cell: FakeCell | null): void {
  if (cell === null) {
    const c = sheet.rows[row - 1]?.[col - 1];
    if (c) {
      if (c.numberFormat) sheet.rows[row - 1]![col - 1] = { value: '', numberFormat: c.numberFormat };
      else sheet.rows[row - 1]![col - 1] = undefined;
    }
    return;
  }
  const line = (sheet.rows[row - 1] ??= []);
  const old = line[col - 1];
  line[col - 1] = old?.numberFormat && !cell.numberFormat ? { ...cell, numberFormat: old.numberFormat } : cell;
}

function hasContent(c: FakeCell | undefined): boolean {
  return c !== undefined && (c.value !== '' || c.formula !== undefined);
}

function usedBounds(sheet: FakeSheet, valuesOnly: boolean): Bounds | null {
  let b: Bounds | null = null;
  const grow = (r: number, c: number) => {
    b = b ? { top: Math.min(b.top, r), left: Math.min(b.left, c), bottom: Math.max(b.bottom, r), right: Math.max(b.right, c) } : { top: r, left: c, bottom: r, right: c };
  };
  sheet.rows.forEach((line, ri) => {
    if (!line) return;
    line.forEach((c, ci) => {
      if (valuesOnly ? hasContent(c) : c !== undefined) grow(ri + 1, ci + 1);
    });
  });
  if (!valuesOnly) {
    for (const m of sheet.merges) {
      const mb = parseAddress(m);
      grow(mb.top, mb.left);
      grow(mb.bottom, mb.right);
    }
  }
  return b;
}

// ---------------------------------------------------------------- the queue-then-sync model

type Loader = () => number; // runs at sync, returns bytes loaded

class FakeContext {
  ops: { run: () => number }[] = [];
  /** Inside an Excel.run batch: Office.js syncs a context only there (a handler is removed by Excel.run on the context it was added in). */
  running = false;
  pendingBytes = 0;
  readonly workbook: { worksheets: WorksheetCollection; tables: TableCollection; protection: WorkbookProtection; functions: Functions };

  constructor(readonly host: Host) {
    this.workbook = { worksheets: new WorksheetCollection(this), tables: new TableCollection(this), protection: new WorkbookProtection(this, () => host), functions: new Functions(this) };
  }

  queue(run: () => void, bytes = 0): void {
    this.pendingBytes += bytes + 20;
    const { failWrites: fail, failWritesFromSync: from = 1 } = this.host.options;
    this.ops.push({
      run: () => {
        if (fail && this.host.stats.syncs >= from) throw fakeError(fail.code, fail.message);
        run();
        return 0;
      },
    });
  }

  queueLoad(load: Loader): void {
    this.pendingBytes += 20;
    const fail = this.host.options.failLoads;
    this.ops.push({
      run: fail
        ? () => {
            throw fakeError(fail.code, fail.message);
          }
        : load,
    });
  }

  /**
   * An API of ExcelApi `version`: on a host without it the sync fails with ApiNotFound, as Excel
   * answers a request for an API it lacks (the call itself is accepted by the evergreen Office.js).
   */
  requires(version: string, what: string): void {
    if (this.host.supports(version)) return;
    this.ops.push({
      run: () => {
        throw fakeError('ApiNotFound', `${what} needs ExcelApi ${version}`);
      },
    });
  }

  /** Cells written by this sync's operations, told to change handlers once it is done. */
  changed: RangeTarget[] = [];

  async sync(): Promise<void> {
    if (!this.running) throw new Error('fake: context.sync() outside Excel.run (pass the context to Excel.run to use it again)');
    const ops = this.ops;
    let bytes = this.pendingBytes;
    this.ops = [];
    this.pendingBytes = 0;
    const stats = this.host.stats;
    stats.syncs++;
    if (this.host.options.latencyMs) await new Promise((r) => setTimeout(r, this.host.options.latencyMs));
    const limit = this.host.options.requestLimitBytes ?? 5 * 1024 * 1024;
    const reject = (what: string) => {
      stats.rejected.push(bytes);
      return fakeError(`${what}PayloadSizeLimitExceeded`, `${what.toLowerCase()} of ${bytes} bytes`);
    };
    if (bytes > limit) throw reject('Request');
    try {
      for (const op of ops) bytes += op.run();
    } catch (e) {
      stats.requests.push(bytes);
      throw e;
    }
    if (bytes > limit) throw reject('Response');
    stats.requests.push(bytes);
    stats.largestRequestBytes = Math.max(stats.largestRequestBytes, bytes);
    const changed = this.changed;
    this.changed = [];
    for (const c of changed) this.host.tellChange(c, 'ThisLocalAddin');
  }
}

/** Base of every proxy: resolves lazily, once, in queue order. */
abstract class Proxy<T> {
  private resolved = false;
  private target: T | null = null;
  private loaded = new Map<string, unknown>();
  private nullKnown: boolean | undefined;

  constructor(
    protected readonly ctx: FakeContext,
    private readonly resolver: () => T | null,
  ) {}

  resolve(): T | null {
    if (!this.resolved) {
      this.target = this.resolver();
      this.resolved = true;
    }
    return this.target;
  }

  /** Resolves for an action; a null object here is an error, as in Excel. */
  need(): T {
    const t = this.resolve();
    if (t === null) throw fakeError('ItemNotFound', `${this.constructor.name} is a null object`);
    return t;
  }

  /** For navigation from this object: a null parent yields a null child (or fails, if strict). */
  child(): T | null {
    const t = this.resolve();
    if (t === null && this.ctx.host.options.strictNullObjects) throw fakeError('InvalidObjectPath', 'call on a null object');
    return t;
  }

  get isNullObject(): boolean {
    if (this.nullKnown === undefined) throw fakeError('PropertyNotLoaded', 'isNullObject needs load() and sync()');
    return this.nullKnown;
  }

  load(props?: string | string[] | { select?: string }): this {
    const list = (typeof props === 'string' ? props.split(',') : Array.isArray(props) ? props : (props?.select ?? '').split(','))
      .map((p) => p.trim())
      .filter(Boolean);
    this.ctx.queueLoad(() => {
      const t = this.resolve();
      this.nullKnown = t === null;
      if (t === null) return 0;
      let bytes = 0;
      for (const p of list) {
        const v = this.readProperty(t, p);
        this.loaded.set(p.split('/')[0]!, v);
        bytes += bytesOf(v);
      }
      return bytes;
    });
    return this;
  }

  protected get<V>(prop: string): V {
    if (this.nullKnown) throw fakeError('InvalidObjectPath', `${prop} of a null object`);
    if (!this.loaded.has(prop)) {
      throw fakeError('PropertyNotLoaded', `The property '${prop}' is not available. Call load('${prop}') and context.sync() first.`);
    }
    return this.loaded.get(prop) as V;
  }

  protected abstract readProperty(target: T, prop: string): unknown;
}

class ClientResult<V> {
  private ready = false;
  private v: V | undefined;
  constructor(ctx: FakeContext, compute: () => V) {
    ctx.queueLoad(() => {
      this.v = compute();
      this.ready = true;
      return bytesOf(this.v);
    });
  }
  get value(): V {
    if (!this.ready) throw fakeError('PropertyNotLoaded', 'ClientResult.value before sync');
    return this.v as V;
  }
}

interface RangeTarget {
  sheet: FakeSheet;
  b: Bounds;
}

class WorksheetCollection extends Proxy<FakeSheet[]> {
  private list: Worksheet[] | null = null;
  /** One item per sheet across loads, as Office.js merges the properties loaded into its items. */
  private readonly itemOf = new Map<FakeSheet, Worksheet>();
  constructor(ctx: FakeContext) {
    super(ctx, () => ctx.host.sheets);
  }
  get items(): Worksheet[] {
    this.get('items');
    return this.list!;
  }
  protected readProperty(target: FakeSheet[], prop: string): unknown {
    if (prop !== 'items/name' && prop !== 'items/id' && prop !== 'items' && prop !== 'items/protection/protected' && prop !== 'items/visibility') throw fakeError('NotImplemented', prop);
    this.list = target.map((s) => {
      let ws = this.itemOf.get(s);
      if (!ws) this.itemOf.set(s, (ws = new Worksheet(this.ctx, () => s)));
      if (prop === 'items/protection/protected') ws.protection.preload(s.protected);
      else if (prop === 'items/visibility') ws.preload('visibility', s.visibility);
      else if (prop === 'items/id') ws.preload('id', this.ctx.host.idOf(s));
      else ws.preload('name', s.name);
      return ws;
    });
    if (prop === 'items/visibility') return target.map((s) => ({ visibility: s.visibility }));
    return prop === 'items/protection/protected' ? target.map((s) => ({ protection: { protected: s.protected } })) : target.map((s) => ({ name: s.name }));
  }
  /** ExcelApi 1.9: changes on every sheet, those added later too. */
  get onChanged() {
    return events(this.ctx, 'changed', '1.9', () => null);
  }
  /** ExcelApi 1.7: a sheet added, deleted. */
  get onAdded() {
    return events(this.ctx, 'added', '1.7', () => null);
  }
  get onDeleted() {
    return events(this.ctx, 'deleted', '1.7', () => null);
  }
  /** ExcelApi 1.17: a sheet renamed. */
  get onNameChanged() {
    return events(this.ctx, 'nameChanged', '1.17', () => null);
  }
  getItem(name: string): Worksheet {
    return new Worksheet(this.ctx, () => {
      const s = this.ctx.host.find(name);
      if (!s) throw fakeError('ItemNotFound', `no sheet ${name}`);
      return s;
    });
  }
  getItemOrNullObject(name: string): Worksheet {
    return new Worksheet(this.ctx, () => this.ctx.host.find(name) ?? null);
  }
  getFirst(): Worksheet {
    this.ctx.requires('1.5', 'WorksheetCollection.getFirst');
    return new Worksheet(this.ctx, () => {
      const s = this.ctx.host.sheets[0];
      if (!s) throw fakeError('ItemNotFound', 'no sheet');
      return s;
    });
  }
  add(name?: string): Worksheet {
    let created: FakeSheet | null = null;
    this.ctx.queue(() => {
      this.ctx.host.guardStructure();
      const n = name ?? `Sheet${this.ctx.host.sheets.length + 1}`;
      if (this.ctx.host.find(n)) throw fakeError('ItemAlreadyExists', `sheet ${n} exists`);
      created = this.ctx.host.addSheet(n);
    }, bytesOf(name));
    return new Worksheet(this.ctx, () => created);
  }
}

class Worksheet extends Proxy<FakeSheet> {
  private pre = new Map<string, unknown>();
  preload(prop: string, v: unknown): void {
    this.pre.set(prop, v);
  }
  get name(): string {
    return this.pre.has('name') ? (this.pre.get('name') as string) : this.get<string>('name');
  }
  get id(): string {
    return this.pre.has('id') ? (this.pre.get('id') as string) : this.get<string>('id');
  }
  set name(v: string) {
    this.ctx.queue(() => this.ctx.host.renameSheet(this.need(), v), bytesOf(v));
  }
  get visibility(): FakeVisibility {
    return this.pre.has('visibility') ? (this.pre.get('visibility') as FakeVisibility) : this.get<FakeVisibility>('visibility');
  }
  /** ExcelApi 1.2 sets it; the last visible sheet cannot be hidden. */
  set visibility(v: FakeVisibility) {
    this.ctx.queue(() => {
      if (!this.ctx.host.supports('1.2')) throw fakeError('ApiNotFound', 'setting Worksheet.visibility needs ExcelApi 1.2');
      this.ctx.host.guardStructure();
      const s = this.need();
      if (v !== 'Visible' && !this.ctx.host.sheets.some((o) => o !== s && o.visibility === 'Visible')) throw fakeError('InvalidOperation', 'a workbook must keep one visible sheet');
      s.visibility = v;
      if (v !== 'Visible' && this.ctx.host.activeSheet === s) this.ctx.host.activeSheet = this.ctx.host.sheets.find((o) => o.visibility === 'Visible') ?? null;
    });
  }
  set position(p: number) {
    this.ctx.queue(() => {
      this.ctx.host.guardStructure();
      const s = this.need();
      const list = this.ctx.host.sheets;
      list.splice(list.indexOf(s), 1);
      list.splice(Math.min(p, list.length), 0, s);
    });
  }
  set tabColor(c: string) {
    this.ctx.requires('1.7', 'Worksheet.tabColor');
    this.ctx.queue(() => {
      guardSheet(this.need()).tabColor = c === '' ? null : c;
    }, bytesOf(c));
  }
  get tables() {
    const ctx = this.ctx;
    const sheet = () => this.need();
    return {
      add: (source: Range, hasHeaders: boolean) => {
        const table: FakeTable = { name: '', range: '', style: 'TableStyleMedium2' };
        ctx.queue(() => {
          guardSheet(sheet());
          const range = boundsAddress(source.need().b);
          const b = parseAddress(range);
          if (!hasHeaders || b.bottom <= b.top) throw fakeError('InvalidArgument', `table ${range}`);
          for (const s of ctx.host.sheets) for (const t of s.tables) if (s === sheet() && overlapping(parseAddress(t.range), b)) throw fakeError('InvalidArgument', `table over ${t.name}`);
          table.name = `Table${ctx.host.sheets.reduce((n, s) => n + s.tables.length, 0) + 1}`;
          table.range = range;
          sheet().tables.push(table);
        });
        return new TableProxy(ctx, () => table);
      },
      getItem: (name: string) =>
        new TableProxy(ctx, () => {
          const t = sheet().tables.find((x) => x.name.toLowerCase() === name.toLowerCase());
          if (!t) throw fakeError('ItemNotFound', `no table ${name}`);
          return t;
        }),
    };
  }
  get charts() {
    const ctx = this.ctx;
    const sheet = () => this.need();
    const collection = new ChartCollection(ctx, () => this.child());
    return {
      load: (props: string) => collection.load(props),
      get items() {
        return collection.items;
      },
      getItemAt: (index: number) =>
        new ChartProxy(ctx, () => {
          const c = sheet().charts[index];
          if (!c) throw fakeError('ItemNotFound', `no chart at ${index}`);
          return c;
        }),
      add: (type: string, source: Range, _seriesBy: string) => {
        const chart: FakeChart = { name: '', type, source: '', title: '', from: '', to: '' };
        this.ctx.queue(() => {
          chart.source = boundsAddress(source.need().b);
          const s = guardSheet(this.need());
          chart.name = `Chart ${this.ctx.host.sheets.reduce((n, o) => n + o.charts.length, 0) + 1}`;
          s.charts.push(chart);
        });
        return {
          title: {
            set text(t: string) {
              ctx.queue(() => (chart.title = t), bytesOf(t));
            },
          },
          setPosition: (from: string, to: string) => ctx.queue(() => Object.assign(chart, { from, to })),
          axes: {
            valueAxis: {
              set minimum(v: number) {
                ctx.queue(() => (chart.valueAxis = { ...chart.valueAxis, minimum: v }));
              },
              set maximum(v: number) {
                ctx.queue(() => (chart.valueAxis = { ...chart.valueAxis, maximum: v }));
              },
            },
          },
        };
      },
    };
  }
  /** ExcelApi 1.7: changes on this sheet. */
  get onChanged() {
    return events(this.ctx, 'changed', '1.7', () => this.need());
  }
  get names(): NamedItemCollection {
    return new NamedItemCollection(this.ctx, () => this.child());
  }
  private protectionProxy: WorksheetProtection | null = null;
  get protection(): WorksheetProtection {
    return (this.protectionProxy ??= new WorksheetProtection(this.ctx, () => this.child()));
  }
  getNextOrNullObject(): Worksheet {
    this.ctx.requires('1.5', 'Worksheet.getNextOrNullObject');
    return new Worksheet(this.ctx, () => {
      const s = this.child();
      const list = this.ctx.host.sheets;
      return s ? (list[list.indexOf(s) + 1] ?? null) : null;
    });
  }
  protected readProperty(t: FakeSheet, prop: string): unknown {
    if (prop === 'name') return t.name;
    if (prop === 'id') return this.ctx.host.idOf(t);
    throw fakeError('NotImplemented', `Worksheet.${prop}`);
  }
  delete(): void {
    this.ctx.queue(() => this.ctx.host.deleteSheet(this.need()));
  }
  activate(): void {
    this.ctx.queue(() => {
      this.ctx.host.activeSheet = this.need();
    });
  }
  /** No address: the whole sheet. */
  getRange(address?: string): Range {
    return new Range(this.ctx, () => {
      const s = this.child();
      return s ? { sheet: s, b: address === undefined ? { top: 1, left: 1, bottom: MAX_ROWS, right: MAX_COLS } : parseAddress(address) } : null;
    });
  }
  getUsedRangeOrNullObject(valuesOnly = false): Range {
    return new Range(this.ctx, () => {
      const s = this.child();
      const b = s ? usedBounds(s, valuesOnly) : null;
      return s && b ? { sheet: s, b } : null;
    });
  }
  get freezePanes() {
    this.ctx.requires('1.7', 'Worksheet.freezePanes');
    const set = (rows: number, columns: number) =>
      this.ctx.queue(() => {
        this.need().freeze = rows || columns ? { rows, columns } : null;
      });
    return {
      freezeRows: (n = 1) => set(n, 0),
      freezeColumns: (n = 1) => set(0, n),
      freezeAt: (r: Range | string) =>
        this.ctx.queue(() => {
          const b = typeof r === 'string' ? parseAddress(r) : r.need().b;
          this.need().freeze = { rows: b.bottom, columns: b.right };
        }),
      unfreeze: () => set(0, 0),
    };
  }
  get autoFilter() {
    this.ctx.requires('1.9', 'Worksheet.autoFilter');
    return {
      apply: (r: Range | string) =>
        this.ctx.queue(() => {
          guardSheet(this.need()).autoFilter = typeof r === 'string' ? r : boundsAddress(r.need().b);
        }),
      remove: () =>
        this.ctx.queue(() => {
          guardSheet(this.need()).autoFilter = null;
        }),
    };
  }
  get pageLayout() {
    this.ctx.requires('1.9', 'Worksheet.pageLayout');
    const put = (key: string, v: unknown) =>
      this.ctx.queue(() => {
        this.need().page[key] = v;
      }, bytesOf(v));
    const layout = {
      setPrintMargins: (unit: string, m: unknown) => put('margins', { unit, ...(m as object) }),
      setPrintArea: (a: string) => put('printArea', a),
      setPrintTitleRows: (a: string) => put('printTitleRows', a),
      setPrintTitleColumns: (a: string) => put('printTitleColumns', a),
    };
    for (const key of ['orientation', 'paperSize', 'zoom', 'printOrder']) {
      Object.defineProperty(layout, key, { set: (v: unknown) => put(key, v) });
    }
    const sections = {};
    for (const key of ['leftHeader', 'centerHeader', 'rightHeader', 'leftFooter', 'centerFooter', 'rightFooter']) {
      Object.defineProperty(sections, key, {
        set: (v: string) =>
          this.ctx.queue(() => {
            this.need().headersFooters.defaultForAllPages[key] = v;
          }, bytesOf(v)),
      });
    }
    const group = { defaultForAllPages: sections };
    Object.defineProperty(group, 'state', {
      set: (v: string) =>
        this.ctx.queue(() => {
          this.need().headersFooters.state = v;
        }),
    });
    Object.defineProperty(layout, 'headersFooters', { get: () => group });
    return layout;
  }
  get horizontalPageBreaks() {
    this.ctx.requires('1.9', 'Worksheet.horizontalPageBreaks');
    return {
      add: (r: Range | string) =>
        this.ctx.queue(() => {
          const b = typeof r === 'string' ? parseAddress(r) : r.need().b;
          this.need().rowBreaks.push(b.top);
        }),
      removePageBreaks: () =>
        this.ctx.queue(() => {
          this.need().rowBreaks = [];
        }),
    };
  }
}

class Range extends Proxy<RangeTarget> {
  protected readProperty(t: RangeTarget, prop: string): unknown {
    const { sheet, b } = t;
    switch (prop) {
      case 'address':
        return `${quoteSheet(sheet.name)}!${boundsAddress(b)}`;
      case 'rowCount':
        return b.bottom - b.top + 1;
      case 'rowHidden': {
        // As Excel: true when every row is hidden, false when none is, null when some are.
        let hidden = 0;
        for (let r = b.top; r <= b.bottom; r++) if (sheet.hiddenRows.has(r)) hidden++;
        return hidden === 0 ? false : hidden === b.bottom - b.top + 1 ? true : null;
      }
      case 'columnCount':
        return b.right - b.left + 1;
      case 'values':
      case 'formulas': {
        if ((b.bottom - b.top + 1) * (b.right - b.left + 1) > 5_000_000) throw fakeError('ResponsePayloadSizeLimitExceeded', 'range too large');
        const out: FakeValue[][] = [];
        for (let r = b.top; r <= b.bottom; r++) {
          const line = sheet.rows[r - 1];
          const row: FakeValue[] = [];
          for (let c = b.left; c <= b.right; c++) {
            const cell = line?.[c - 1];
            row.push(prop === 'formulas' && cell?.formula ? cell.formula : cellValue(cell));
          }
          out.push(row);
        }
        return out;
      }
      default:
        throw fakeError('NotImplemented', `Range.${prop}`);
    }
  }
  get address(): string {
    return this.get('address');
  }
  get rowCount(): number {
    return this.get('rowCount');
  }
  get columnCount(): number {
    return this.get('columnCount');
  }
  get values(): FakeValue[][] {
    return this.get('values');
  }
  set values(v: unknown) {
    this.write(v);
  }
  get formulas(): FakeValue[][] {
    return this.get('formulas');
  }
  set formulas(v: unknown) {
    this.write(v);
  }
  set numberFormat(v: unknown) {
    this.ctx.queue(() => {
      const { sheet, b } = this.need();
      guardSheet(sheet);
      this.eachCell(b, v, (r, c, f) => {
        if (f === null || f === undefined) return;
        const line = (sheet.rows[r - 1] ??= []);
        line[c - 1] = { ...(line[c - 1] ?? { value: '' }), numberFormat: String(f) };
      });
    }, bytesOf(v));
  }
  set columnHidden(h: boolean) {
    this.ctx.queue(() => {
      const { sheet, b } = this.need();
      guardSheet(sheet);
      for (let c = b.left; c <= b.right; c++) {
        if (h) sheet.hiddenColumns.add(c);
        else sheet.hiddenColumns.delete(c);
      }
    });
  }
  get rowHidden(): boolean | null {
    return this.get('rowHidden');
  }
  set rowHidden(h: boolean) {
    this.ctx.queue(() => {
      const { sheet, b } = this.need();
      for (let r = b.top; r <= Math.min(b.bottom, MAX_ROWS); r++) {
        if (h) sheet.hiddenRows.add(r);
        else sheet.hiddenRows.delete(r);
      }
    });
  }

  /** A 2-D array must match the range; a single value fills it (as Office.js allows). */
  private eachCell(b: Bounds, v: unknown, f: (r: number, c: number, x: unknown) => void): void {
    const rows = b.bottom - b.top + 1;
    const cols = b.right - b.left + 1;
    if (Array.isArray(v)) {
      if (v.length !== rows || v.some((line) => !Array.isArray(line) || line.length !== cols)) {
        throw fakeError('InvalidArgument', `array is not ${rows}x${cols}`);
      }
      v.forEach((line: unknown[], i) => line.forEach((x, j) => f(b.top + i, b.left + j, x)));
    } else {
      for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) f(r, c, v);
    }
  }

  private write(v: unknown): void {
    this.ctx.queue(() => {
      const { sheet, b } = this.need();
      guardCells(sheet, b);
      this.eachCell(b, v, (r, c, x) => {
        const cell = interpretInput(x);
        if (cell !== undefined) setCell(sheet, r, c, cell);
      });
      this.ctx.changed.push({ sheet, b });
    }, bytesOf(v));
  }

  /**
   * ExcelApi 1.9. The source is repeated over this range; a formula moves its relative
   * references by the distance copied (Excel's fill handle), a value is copied as it is.
   * "Formulas" leaves the destination's formats; other copy types are not modelled.
   */
  copyFrom(source: Range, copyType: string, skipBlanks = false, transpose = false): void {
    if (this.ctx.host.options.apiVersion !== undefined && compareVersions(this.ctx.host.options.apiVersion, '1.9') < 0) {
      throw fakeError('ApiNotFound', 'Range.copyFrom needs ExcelApi 1.9');
    }
    if (copyType !== 'Formulas' || skipBlanks || transpose) throw fakeError('NotImplemented', `copyFrom ${copyType}`);
    // The request names the two ranges and the arguments: no cell contents travel.
    this.ctx.queue(() => {
      const dest = this.need();
      guardCells(dest.sheet, dest.b);
      const src = source.need();
      const rows = src.b.bottom - src.b.top + 1;
      const cols = src.b.right - src.b.left + 1;
      const copies: [number, number, FakeCell | null][] = [];
      for (let r = dest.b.top; r <= dest.b.bottom; r++) {
        for (let c = dest.b.left; c <= dest.b.right; c++) {
          const sr = src.b.top + ((r - dest.b.top) % rows);
          const sc = src.b.left + ((c - dest.b.left) % cols);
          const from = src.sheet.rows[sr - 1]?.[sc - 1];
          const cell = from?.formula !== undefined ? interpretInput(shiftFormula(from.formula, r - sr, c - sc)) : from && hasContent(from) ? { ...from, numberFormat: undefined } : null;
          copies.push([r, c, cell ?? null]);
        }
      }
      for (const [r, c, cell] of copies) {
        if (cell && cell.numberFormat === undefined) delete cell.numberFormat;
        setCell(dest.sheet, r, c, cell);
      }
      this.ctx.changed.push(dest);
    }, bytesOf([copyType, skipBlanks, transpose]) + 60);
  }

  getIntersectionOrNullObject(other: Range | string): Range {
    return new Range(this.ctx, () => {
      const t = this.child();
      if (!t) return null;
      const ob = typeof other === 'string' ? parseAddress(other) : other.need().b;
      const b = intersect(t.b, ob);
      return b ? { sheet: t.sheet, b } : null;
    });
  }
  getMergedAreasOrNullObject(): RangeAreas {
    this.ctx.requires('1.13', 'Range.getMergedAreasOrNullObject');
    return new RangeAreas(this.ctx, () => {
      const t = this.child();
      if (!t) return null;
      const hits = t.sheet.merges.filter((m) => intersect(parseAddress(m), t.b));
      return hits.length ? { sheet: t.sheet, areas: hits } : null;
    });
  }
  getRowProperties(_o: { rowHidden?: boolean }): ClientResult<{ rowHidden: boolean }[]> {
    this.ctx.requires('1.9', 'Range.getRowProperties');
    return new ClientResult(this.ctx, () => {
      const { sheet, b } = this.need();
      const out: { rowHidden: boolean }[] = [];
      for (let r = b.top; r <= b.bottom; r++) out.push({ rowHidden: sheet.hiddenRows.has(r) });
      return out;
    });
  }
  getColumnProperties(_o: { columnHidden?: boolean }): ClientResult<{ columnHidden: boolean }[]> {
    this.ctx.requires('1.9', 'Range.getColumnProperties');
    return new ClientResult(this.ctx, () => {
      const { sheet, b } = this.need();
      const out: { columnHidden: boolean }[] = [];
      for (let c = b.left; c <= b.right; c++) out.push({ columnHidden: sheet.hiddenColumns.has(c) });
      return out;
    });
  }
  /** All (the default): contents, formats, merges, validations, conditional formats; Contents or Formats: that only. */
  clear(applyTo: 'All' | 'Contents' | 'Formats' = 'All'): void {
    this.ctx.queue(() => {
      const { sheet, b } = this.need();
      guardSheet(sheet);
      const contents = applyTo !== 'Formats';
      const formats = applyTo !== 'Contents';
      for (let r = b.top; r <= Math.min(b.bottom, sheet.rows.length); r++) {
        const line = sheet.rows[r - 1];
        if (!line) continue;
        for (let c = b.left; c <= Math.min(b.right, line.length); c++) {
          const cell = line[c - 1];
          if (!cell) continue;
          const { numberFormat, ...content } = cell;
          const kept = contents ? (formats ? undefined : numberFormat ? { value: '', numberFormat } : undefined) : formats ? content : cell;
          line[c - 1] = kept;
        }
      }
      if (formats) {
        sheet.formats = sheet.formats.filter((f) => !inside(parseAddress(f.address), b));
        sheet.merges = sheet.merges.filter((m) => !intersect(parseAddress(m), b));
        sheet.conditionalFormats = sheet.conditionalFormats.filter((f) => !inside(parseAddress(f.address), b));
      }
      if (applyTo === 'All') removeValidations(sheet, b);
    });
  }
  /** ExcelApi 1.2. */
  unmerge(): void {
    this.ctx.requires('1.2', 'Range.unmerge');
    this.ctx.queue(() => {
      const { sheet, b } = this.need();
      guardSheet(sheet).merges = sheet.merges.filter((m) => !intersect(parseAddress(m), b));
    });
  }
  /** ExcelApi 1.6: clearAll, and add('Custom') with its rule's formula, fill colour, font bold and colour. */
  get conditionalFormats() {
    this.ctx.requires('1.6', 'Range.conditionalFormats');
    return {
      clearAll: () =>
        this.ctx.queue(() => {
          const { sheet, b } = this.need();
          guardSheet(sheet).conditionalFormats = sheet.conditionalFormats.filter((f) => !inside(parseAddress(f.address), b));
        }),
      add: (type: string) => {
        if (type !== 'Custom') throw new Error(`the fake models only custom conditional formats, not ${type}`);
        const cf: FakeConditionalFormat = { address: '', type };
        // At the first (top) priority, as Excel adds it.
        this.ctx.queue(() => {
          const { sheet, b } = this.need();
          cf.address = boundsAddress(b);
          guardSheet(sheet).conditionalFormats.unshift(cf);
        });
        const set = (apply: (v: never) => void) => ({ set: (v: never) => this.ctx.queue(() => apply(v), bytesOf(v)) });
        const rule = Object.defineProperty({}, 'formula', set((v: string) => (cf.formula = v)));
        const fill = Object.defineProperty({}, 'color', set((v: string) => (cf.fill = v)));
        const font = Object.defineProperties({}, { bold: set((v: boolean) => (cf.bold = v)), color: set((v: string) => (cf.fontColor = v)) });
        return { custom: { rule, format: { fill, font } } };
      },
    };
  }
  merge(_across = false): void {
    this.ctx.queue(() => {
      const { sheet, b } = this.need();
      guardSheet(sheet);
      if (sheet.merges.some((m) => intersect(parseAddress(m), b))) throw fakeError('InvalidOperation', 'overlapping merge');
      sheet.merges.push(boundsAddress(b));
    });
  }
  select(): void {
    this.ctx.queue(() => {
      const { sheet, b } = this.need();
      if (this.ctx.host.activeSheet !== sheet) throw fakeError('InvalidSelection', 'select on an inactive sheet');
      this.ctx.host.selected = { sheet: sheet.name, address: boundsAddress(b) };
    });
  }
  get format() {
    const record = (key: string, value: unknown, apply?: (t: RangeTarget) => void) =>
      this.ctx.queue(() => {
        const t = this.need();
        guardSheet(t.sheet).formats.push({ address: boundsAddress(t.b), key, value });
        apply?.(t);
      }, bytesOf(value));
    const setters = (prefix: string, keys: string[]) => {
      const o = {};
      for (const k of keys) Object.defineProperty(o, k, { set: (v: unknown) => record(`${prefix}${k}`, v) });
      return o;
    };
    const format = {
      protection: new FormatProtection(this.ctx, () => this.child()),
      // Excel measures the texts itself: the fake records which rows were asked.
      autofitRows: () => record('autofitRows', true),
      font: setters('font.', ['bold', 'italic', 'underline', 'name', 'size', 'color']),
      fill: setters('fill.', ['color']),
      borders: { getItem: (edge: string) => setters(`border.${edge}.`, ['style', 'weight', 'color']) },
    };
    for (const k of ['horizontalAlignment', 'verticalAlignment', 'wrapText']) {
      Object.defineProperty(format, k, { set: (v: unknown) => record(k, v) });
    }
    Object.defineProperty(format, 'columnWidth', {
      set: (v: number) =>
        record('columnWidth', v, ({ sheet, b }) => {
          for (let c = b.left; c <= b.right; c++) sheet.columnWidths.set(c, v);
        }),
    });
    // ExcelApi 1.7: back to the sheet's standard size (only `true` is meaningful); not a format of the cells.
    const standard = (sizes: 'columnWidths' | 'rowHeights') => (v: boolean) => {
      this.ctx.requires('1.7', 'RangeFormat.useStandardWidth/Height');
      this.ctx.queue(() => {
        const { sheet, b } = this.need();
        const [from, to] = sizes === 'columnWidths' ? [b.left, b.right] : [b.top, b.bottom];
        if (v) for (const i of [...guardSheet(sheet)[sizes].keys()]) if (i >= from && i <= to) sheet[sizes].delete(i);
      });
    };
    Object.defineProperty(format, 'useStandardWidth', { set: standard('columnWidths') });
    Object.defineProperty(format, 'useStandardHeight', { set: standard('rowHeights') });
    Object.defineProperty(format, 'rowHeight', {
      set: (v: number) =>
        record('rowHeight', v, ({ sheet, b }) => {
          for (let r = b.top; r <= b.bottom; r++) sheet.rowHeights.set(r, v);
        }),
    });
    return format;
  }
  get dataValidation() {
    this.ctx.requires('1.8', 'Range.dataValidation');
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the accessors below are not arrow functions
    const self = this;
    const find = (t: RangeTarget) => {
      guardSheet(t.sheet);
      const address = boundsAddress(t.b);
      let v = t.sheet.validations.find((x) => x.address === address);
      if (!v) t.sheet.validations.push((v = { address, rule: undefined }));
      return v;
    };
    return {
      clear: () =>
        this.ctx.queue(() => {
          const t = this.need();
          removeValidations(guardSheet(t.sheet), t.b);
        }),
      set rule(rule: unknown) {
        self.ctx.queue(() => {
          find(self.need()).rule = rule;
        }, bytesOf(rule));
      },
      set errorAlert(alert: { showAlert: boolean }) {
        self.ctx.queue(() => {
          find(self.need()).errorAlert = alert;
        }, bytesOf(alert));
      },
    };
  }
}

/** Review → Protect Sheet, as Worksheet.protection (ExcelApi 1.2) reports it. */
class WorksheetProtection extends Proxy<FakeSheet> {
  private pre: boolean | undefined;
  preload(v: boolean): void {
    this.pre = v;
  }
  get protected(): boolean {
    return this.pre ?? this.get<boolean>('protected');
  }
  protected readProperty(t: FakeSheet, prop: string): unknown {
    if (prop === 'protected') return t.protected;
    throw fakeError('NotImplemented', `WorksheetProtection.${prop}`);
  }
}

/** Review → Protect Workbook (the structure), as Workbook.protection (ExcelApi 1.7) reports it. */
class WorkbookProtection extends Proxy<Host> {
  override load(props?: string | string[] | { select?: string }): this {
    this.ctx.requires('1.7', 'Workbook.protection');
    return super.load(props);
  }
  get protected(): boolean {
    return this.get<boolean>('protected');
  }
  protected readProperty(t: Host, prop: string): unknown {
    if (prop === 'protected') return t.structure;
    throw fakeError('NotImplemented', `WorkbookProtection.${prop}`);
  }
}

/** Workbook.functions (ExcelApi 1.2): only DATE, whose serial is in the workbook's date system. */
class Functions {
  constructor(private readonly ctx: FakeContext) {}
  date(year: number, month: number, day: number): FunctionResult {
    const serial1900 = 25_569 + Date.UTC(year, month - 1, day) / 86_400_000;
    return new FunctionResult(this.ctx, () => ({ value: this.ctx.host.options.date1904 ? serial1900 - 1_462 : serial1900 }));
  }
}

class FunctionResult extends Proxy<{ value: number }> {
  get value(): number {
    return this.get<number>('value');
  }
  protected readProperty(t: { value: number }, prop: string): unknown {
    if (prop === 'value') return t.value;
    if (prop === 'error') return null;
    throw fakeError('NotImplemented', `FunctionResult.${prop}`);
  }
}

/** Range.format.protection.locked (ExcelApi 1.2): null when the range's cells differ. */
class FormatProtection extends Proxy<RangeTarget> {
  get locked(): boolean | null {
    return this.get<boolean | null>('locked');
  }
  protected readProperty(t: RangeTarget, prop: string): unknown {
    if (prop !== 'locked') throw fakeError('NotImplemented', `FormatProtection.${prop}`);
    let unlocked = 0;
    for (let r = t.b.top; r <= t.b.bottom; r++) for (let c = t.b.left; c <= t.b.right; c++) if (unlockedCell(t.sheet, r, c)) unlocked++;
    const cells = (t.b.bottom - t.b.top + 1) * (t.b.right - t.b.left + 1);
    return unlocked === 0 ? true : unlocked === cells ? false : null;
  }
}

/** A sheet's names: Excel's getItemOrNullObject / add, values of string constants. */
class NamedItemCollection {
  constructor(
    private readonly ctx: FakeContext,
    private readonly sheet: () => FakeSheet | null,
  ) {}
  getItemOrNullObject(name: string): NamedItem {
    return new NamedItem(this.ctx, () => {
      const s = this.sheet();
      if (!s) return null;
      for (const [n, formula] of s.names) if (n.toLowerCase() === name.toLowerCase()) return { name: n, formula };
      return null;
    });
  }
  add(name: string, reference: string): void {
    this.ctx.queue(() => {
      const s = this.sheet();
      if (!s) throw fakeError('ItemNotFound', 'names of a null sheet');
      if ([...s.names.keys()].some((n) => n.toLowerCase() === name.toLowerCase())) throw fakeError('ItemAlreadyExists', `name ${name} exists`);
      s.names.set(name, reference);
    }, bytesOf(reference));
  }
}

class NamedItem extends Proxy<{ name: string; formula: string }> {
  protected readProperty(t: { name: string; formula: string }, prop: string): unknown {
    if (prop === 'name') return t.name;
    if (prop === 'scope') return 'Worksheet';
    if (prop === 'value') {
      const m = /^="((?:[^"]|"")*)"$/.exec(t.formula);
      return m ? m[1]!.replace(/""/g, '"') : t.formula.replace(/^=/, '');
    }
    throw fakeError('NotImplemented', `NamedItem.${prop}`);
  }
  get value(): unknown {
    return this.get('value');
  }
  get scope(): string {
    return this.get('scope');
  }
}

class RangeAreas extends Proxy<{ sheet: FakeSheet; areas: string[] }> {
  protected readProperty(t: { sheet: FakeSheet; areas: string[] }, prop: string): unknown {
    if (prop === 'address') return t.areas.map((a) => `${quoteSheet(t.sheet.name)}!${a}`).join(', ');
    throw fakeError('NotImplemented', `RangeAreas.${prop}`);
  }
  get address(): string {
    return this.get('address');
  }
}

// ---------------------------------------------------------------- the host

function overlapping(a: Bounds, b: Bounds): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

/** The workbook's tables: names and their sheets (what OfficeWorkbook loads). */
class TableCollection extends Proxy<FakeSheet[]> {
  private list: { name: string; worksheet: { name: string } }[] = [];
  constructor(ctx: FakeContext) {
    super(ctx, () => ctx.host.sheets);
  }
  get items(): { name: string; worksheet: { name: string } }[] {
    this.get('items');
    return this.list;
  }
  protected readProperty(target: FakeSheet[], prop: string): unknown {
    if (prop !== 'items/name' && prop !== 'items/worksheet/name') throw fakeError('NotImplemented', prop);
    this.list = target.flatMap((s) => s.tables.map((t) => ({ name: t.name, worksheet: { name: s.name } })));
    return this.list;
  }
}

/** A sheet's charts, as loaded (`items/name`). */
class ChartCollection extends Proxy<FakeSheet> {
  private list: { name: string }[] = [];
  get items(): { name: string }[] {
    this.get('items');
    return this.list;
  }
  protected readProperty(target: FakeSheet, prop: string): unknown {
    if (prop !== 'items/name') throw fakeError('NotImplemented', prop);
    this.list = target.charts.map((c) => ({ name: c.name }));
    return this.list;
  }
}

class ChartProxy extends Proxy<FakeChart> {
  delete(): void {
    this.ctx.queue(() => {
      const chart = this.need();
      for (const s of this.ctx.host.sheets) if (s.charts.includes(chart)) guardSheet(s).charts = s.charts.filter((c) => c !== chart);
    });
  }
  protected readProperty(): unknown {
    throw fakeError('NotImplemented', 'chart properties');
  }
}

class TableProxy extends Proxy<FakeTable> {
  set name(v: string) {
    this.ctx.queue(() => {
      if (this.ctx.host.sheets.some((s) => s.tables.some((t) => t !== this.need() && t.name.toLowerCase() === v.toLowerCase()))) throw fakeError('InvalidArgument', `table name ${v} taken`);
      this.need().name = v;
    }, bytesOf(v));
  }
  set style(v: string) {
    this.ctx.queue(() => (this.need().style = v), bytesOf(v));
  }
  /** The table and its cells' contents go (as Excel's Table.delete). */
  delete(): void {
    this.ctx.queue(() => {
      const t = this.need();
      const sheet = this.ctx.host.sheets.find((s) => s.tables.includes(t))!;
      guardSheet(sheet).tables = sheet.tables.filter((x) => x !== t);
      const b = parseAddress(t.range);
      for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) setCell(sheet, r, c, null);
    });
  }
  resize(range: Range): void {
    this.ctx.requires('1.13', 'Table.resize');
    this.ctx.queue(() => {
      const next = parseAddress(boundsAddress(range.need().b));
      const t = this.need();
      if (next.top !== parseAddress(t.range).top) throw fakeError('InvalidArgument', 'a table keeps its header row');
      t.range = boundsAddress(next);
    });
  }
  protected readProperty(): unknown {
    throw fakeError('NotImplemented', 'table properties');
  }
}

/** Excel, on deleting a sheet: other sheets' formulas that pointed at it now say #REF! (`=#REF!B5`). */
function breakReferences(sheet: FakeSheet, deleted: string): void {
  const quoted = `'${deleted.replace(/'/g, "''")}'!`;
  const bare = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(deleted) ? [`${deleted}!`] : [];
  const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}_.'])(?:${[quoted, ...bare].map(escape).join('|')})`, 'giu');
  for (const line of sheet.rows) {
    line?.forEach((cell, i) => {
      if (cell?.formula === undefined || !pattern.test(cell.formula)) return;
      pattern.lastIndex = 0;
      line[i] = { ...cell, formula: cell.formula.replace(pattern, '#REF!'), value: '#REF!', error: true };
    });
  }
}

class Host {
  sheets: FakeSheet[] = [];
  activeSheet: FakeSheet | null = null;
  selected: { sheet: string; address: string } | null = null;
  stats: FakeStats = { syncs: 0, requests: [], largestRequestBytes: 0, rejected: [] };
  /** Review → Protect Workbook: the sheets cannot be added, deleted, renamed or moved. */
  structure: boolean;
  constructor(readonly options: FakeExcelOptions) {
    this.structure = options.protection?.structure ?? false;
  }
  guardStructure(): void {
    if (this.structure) throw denied('the workbook structure');
  }
  /** By name, or by id (as getItem takes either). */
  find(name: string): FakeSheet | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower) ?? this.sheets.find((s) => this.ids.get(s) === name);
  }
  addSheet(name: string): FakeSheet {
    this.guardStructure();
    if (this.find(name)) throw fakeError('ItemAlreadyExists', `sheet ${name} exists`);
    const sheet = newSheet(name);
    this.sheets.push(sheet);
    this.tell('added', { type: 'WorksheetAdded', worksheetId: this.idOf(sheet), source: 'Local' });
    return sheet;
  }
  deleteSheet(sheet: FakeSheet): void {
    this.guardStructure();
    if (this.sheets.length === 1) throw fakeError('InvalidOperation', 'a workbook must keep one sheet');
    // Office.js: "if the worksheet's visibility is set to VeryHidden, the delete operation will fail with an InvalidOperation exception".
    if (sheet.visibility === 'VeryHidden') throw fakeError('InvalidOperation', `sheet ${sheet.name} is very hidden`);
    if (sheet.visibility === 'Visible' && !this.sheets.some((s) => s !== sheet && s.visibility === 'Visible')) throw fakeError('InvalidOperation', 'a workbook must keep one visible sheet');
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    for (const other of this.sheets) breakReferences(other, sheet.name);
    if (this.activeSheet === sheet) this.activeSheet = this.sheets[0]!;
    this.tell('deleted', { type: 'WorksheetDeleted', worksheetId: this.idOf(sheet), source: 'Local' });
  }
  renameSheet(sheet: FakeSheet, name: string): void {
    this.guardStructure();
    const other = this.find(name);
    if (other && other !== sheet) throw fakeError('ItemAlreadyExists', `sheet ${name} exists`);
    const before = sheet.name;
    sheet.name = name;
    this.tell('nameChanged', { type: 'WorksheetNameChanged', worksheetId: this.idOf(sheet), nameBefore: before, nameAfter: name, source: 'Local' });
  }
  /** Registered event handlers: of one sheet, or (null) of the collection. A sheet deleted keeps its handlers until they are removed. */
  readonly handlers = new Set<{ event: FakeEvent; sheet: FakeSheet | null; handler: ChangeHandler }>();
  private readonly ids = new Map<FakeSheet, string>();
  idOf(sheet: FakeSheet): string {
    let id = this.ids.get(sheet);
    if (!id) this.ids.set(sheet, (id = `{sheet-${this.ids.size + 1}}`));
    return id;
  }
  /** The collection's handlers of `event`, asynchronously, as Excel tells them. */
  private tell(event: FakeEvent, args: object): void {
    for (const h of this.handlers) if (h.event === event) void Promise.resolve().then(() => h.handler(args as Excel.WorksheetChangedEventArgs)).catch(() => undefined);
  }
  supports(version: string): boolean {
    return compareVersions(this.options.apiVersion ?? '1.13', version) >= 0;
  }
  /** Tells the handlers of a change after the sync (or the typing) that made it, as Excel does: asynchronously. */
  tellChange({ sheet, b }: RangeTarget, trigger: 'ThisLocalAddin' | 'Unknown'): void {
    const args = {
      type: 'WorksheetChanged',
      worksheetId: this.idOf(sheet),
      address: boundsAddress(b),
      changeType: 'RangeEdited',
      source: 'Local',
      ...(this.supports('1.14') ? { triggerSource: trigger } : {}),
    } as unknown as Excel.WorksheetChangedEventArgs;
    for (const h of this.handlers) {
      if (h.event === 'changed' && (h.sheet === null || h.sheet === sheet)) void Promise.resolve().then(() => h.handler(args)).catch(() => undefined);
    }
  }
}

type ChangeHandler = (args: Excel.WorksheetChangedEventArgs) => Promise<unknown>;
type FakeEvent = 'changed' | 'added' | 'deleted' | 'nameChanged';

/** An event of a sheet or of the collection: add and remove take effect at the next sync, and fail it where the host lacks the set. */
function events(ctx: FakeContext, event: FakeEvent, version: string, sheet: () => FakeSheet | null) {
  return {
    add(handler: ChangeHandler) {
      const entry = { event, sheet: null as FakeSheet | null, handler };
      ctx.queue(() => {
        if (!ctx.host.supports(version)) throw fakeError('ApiNotFound', `on${event[0]!.toUpperCase()}${event.slice(1)} needs ExcelApi ${version}`);
        entry.sheet = sheet();
        ctx.host.handlers.add(entry);
      });
      return { context: ctx, remove: () => ctx.queue(() => void ctx.host.handlers.delete(entry)) };
    },
  };
}

function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export function createFakeExcel(options: FakeExcelOptions = {}): FakeExcel {
  const host = new Host(options);
  for (const [name, rows] of Object.entries(options.sheets ?? { Sheet1: [] })) {
    const sheet = newSheet(name);
    rows.forEach((line, r) =>
      line.forEach((v, c) => {
        const cell = interpretInput(v);
        if (cell) setCell(sheet, r + 1, c + 1, cell);
      }),
    );
    for (const [n, formula] of Object.entries(options.names?.[name] ?? {})) sheet.names.set(n, formula);
    sheet.visibility = options.visibility?.[name] ?? 'Visible';
    const lock = options.protection?.sheets?.[name];
    if (lock) {
      sheet.protected = true;
      sheet.unlocked = (lock.unlocked ?? []).map(parseAddress);
    }
    host.sheets.push(sheet);
  }
  host.activeSheet = host.sheets[0] ?? null;
  const apiVersion = options.apiVersion ?? '1.13';

  return {
    run: (async <T>(...args: [Batch<T>] | [OfficeExtension.ClientRequestContext, Batch<T>]): Promise<T> => {
      // Excel.run(batch) makes a context; Excel.run(context, batch) runs on one made before.
      const ctx = args.length === 1 ? new FakeContext(host) : (args[0] as unknown as FakeContext);
      const batch = args.length === 1 ? args[0] : args[1];
      const was = ctx.running;
      ctx.running = true;
      try {
        const result = await batch(ctx as unknown as Excel.RequestContext);
        if (ctx.ops.length > 0) await ctx.sync(); // Excel.run sends what is still queued
        return result;
      } finally {
        ctx.running = was;
      }
    }) as ExcelRunner,
    supports: (version) => compareVersions(apiVersion, version) >= 0,
    stats: host.stats,
    sheetNames: () => host.sheets.map((s) => s.name),
    sheet(name) {
      const s = host.find(name);
      if (!s) throw new Error(`fake: no sheet ${name}`);
      return s;
    },
    active: () => host.activeSheet?.name ?? null,
    selection: () => host.selected,
    type(name, address, value) {
      const sheet = host.find(name);
      if (!sheet) throw new Error(`fake: no sheet ${name}`);
      const b = parseAddress(address);
      setCell(sheet, b.top, b.left, interpretInput(value) ?? null);
      host.tellChange({ sheet, b }, 'Unknown');
    },
    changeHandlers: () => [...host.handlers].filter((h) => h.event === 'changed').length,
    liveHandlers: () => host.handlers.size,
    addSheet: (name) => void host.addSheet(name),
    protectStructure: (on) => void (host.structure = on),
    deleteSheet(name) {
      const s = host.find(name);
      if (!s) throw new Error(`fake: no sheet ${name}`);
      host.deleteSheet(s);
    },
    renameSheet(name, to) {
      const s = host.find(name);
      if (!s) throw new Error(`fake: no sheet ${name}`);
      host.renameSheet(s, to);
    },
    reset() {
      host.stats.syncs = 0;
      host.stats.requests.length = 0;
      host.stats.rejected.length = 0;
      host.stats.largestRequestBytes = 0;
    },
  };
}
