/**
 * The user's protection (Excel: Review → Protect Workbook, Protect Sheet), decided once for every
 * workbook implementation, after plan.ts prepared a batch and before anything of it is written:
 * - with the structure locked, no plan may add a sheet; a sheet of ours is still redrawn, where it
 *   is (every host empties and rewrites it: no sheet is added, deleted, renamed or moved);
 * - on a protected sheet, a plan may only put values or formulas (cells, fills) into cells
 *   whose format unlocks them, which Excel allows; anything else (formats, widths, merges,
 *   validations, a redraw …) is refused even over unlocked cells: Excel's "Format cells" and
 *   like options of a protected sheet are not read, so the add-in never relies on them.
 * A block counts as its whole rectangle. The refusal names the file, the sheet and, for cells,
 * the first locked one, and says how to lift the protection; the batch then writes nothing.
 */
import { t, type Lang } from '../i18n';
import { cellAddress, parseRange, rangeAddress, type RangeRef } from './a1';
import { findSheetName } from './plan';
import { sheetKey, type SheetPlan } from './port';

/** What the user protected, as a host knows it before a batch writes. */
export interface WorkbookLocks {
  /** Review → Protect Workbook: sheets cannot be added, deleted, renamed or moved. */
  structure: boolean;
  /** Review → Protect Sheet: the protected sheets among those the batch writes (actual names). */
  sheets: readonly string[];
}

export type ProtectedKind = 'structure' | 'sheet' | 'cell';

/** A batch refused because of the user's protection; nothing of it was written. */
export class WorkbookProtectedError extends Error {
  override readonly name = 'WorkbookProtectedError';

  constructor(
    readonly kind: ProtectedKind,
    /** The file, or null for the workbook open in Excel. */
    readonly file: string | null,
    readonly sheet: string,
    /** For `cell`: the first locked cell the batch would write. */
    readonly cell: string | null = null,
  ) {
    super('');
    this.message = protectedText('vi', this);
  }
}

export function isWorkbookProtectedError(e: unknown): e is WorkbookProtectedError {
  return e instanceof Error && e.name === 'WorkbookProtectedError';
}

/** The refusal in words: what is protected, and how to lift it. */
export function protectedText(lang: Lang, e: Pick<WorkbookProtectedError, 'kind' | 'file' | 'sheet' | 'cell'>): string {
  const book = e.file === null ? t(lang, 'workbook.protected.openBook') : t(lang, 'workbook.protected.book', { file: e.file });
  return t(lang, `workbook.protected.${e.kind}`, { book, sheet: e.sheet, cell: e.cell ?? '' });
}

/** Ranges on one protected sheet whose cells must all be unlocked for the batch to go on. */
export interface LockQuestion {
  sheet: string;
  ranges: string[];
}

/** Only values and formulas into cells: the one thing a protected sheet allows (in unlocked cells). */
function writesValuesOnly(plan: SheetPlan): boolean {
  const { sheet: _s, mode, role: _r, cells: _c, fills: _f, activate: _a, after: _after, ...rest } = plan;
  return mode !== 'replace' && Object.values(rest).every((v) => v === undefined || v === false || (Array.isArray(v) && v.length === 0));
}

/** The rectangle of each block and fill a plan writes. */
function writtenRanges(plan: SheetPlan): string[] {
  const out: string[] = [];
  for (const block of plan.cells ?? []) {
    const width = block.rows.reduce((w, r) => Math.max(w, r.length), 0);
    if (!width) continue;
    const at = parseRange(block.at);
    out.push(rangeAddress(at.top, at.left, at.top + block.rows.length - 1, at.left + width - 1));
  }
  for (const fill of plan.fills ?? []) out.push(fill.range);
  return out;
}

/**
 * Throws for what the prepared plans may not do at all under `locks` (sheets present before the
 * batch: `names`); returns what only the cells' locks decide, for the host to look up and pass
 * to checkUnlocked.
 */
export function checkProtection(plans: readonly SheetPlan[], names: readonly string[], locks: WorkbookLocks, file: string | null): LockQuestion[] {
  const before = new Set(names.map(sheetKey));
  if (locks.structure) {
    const changed = plans.find((p) => !before.has(sheetKey(p.sheet)));
    if (changed) throw new WorkbookProtectedError('structure', file, changed.sheet);
  }
  const questions = new Map<string, LockQuestion>();
  for (const plan of plans) {
    const sheet = findSheetName(locks.sheets, plan.sheet);
    // A sheet an earlier plan of the batch added is new, never protected.
    if (sheet === undefined || !before.has(sheetKey(sheet))) continue;
    if (!writesValuesOnly(plan)) throw new WorkbookProtectedError('sheet', file, sheet);
    const ranges = writtenRanges(plan);
    if (!ranges.length) continue;
    const q = questions.get(sheetKey(sheet));
    if (q) q.ranges.push(...ranges);
    else questions.set(sheetKey(sheet), { sheet, ranges });
  }
  return [...questions.values()];
}

/** Throws naming the first locked cell; `lockedCell` answers for one question (null: every cell unlocked). */
export function checkUnlocked(questions: readonly LockQuestion[], file: string | null, lockedCell: (q: LockQuestion) => string | null): void {
  for (const q of questions) {
    const cell = lockedCell(q);
    if (cell !== null) throw new WorkbookProtectedError('cell', file, q.sheet, cell);
  }
}

/** The first cell of `ranges`, row by row, for which `locked` holds; null when none does. */
export function firstLockedCell(ranges: readonly string[], locked: (row: number, col: number) => boolean): string | null {
  for (const r of ranges.map((a): RangeRef => parseRange(a))) {
    for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) if (locked(row, col)) return cellAddress(row, col);
  }
  return null;
}
