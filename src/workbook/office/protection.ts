/**
 * The user's protection inside Excel, for workbook/protection.ts: loaded with the sheet names in
 * the read's first sync (no round trip of its own), so that a batch Excel would refuse midway is
 * refused before anything is queued. Cells' locks cost a sync only when a protected sheet is written.
 */
import { parseRange, cellAddress } from '../a1';
import type { LockQuestion, WorkbookLocks } from '../protection';
import { API, type Supports } from './requirements';

export interface SheetList {
  names: string[];
  locks: WorkbookLocks;
  /** The workbook counts dates from 1904 (Excel for Mac's old default). */
  date1904: boolean;
  /** Sheets the user hid, by actual name: a sheet drawn anew keeps it (office/applyPlan.ts). */
  hidden: Map<string, HiddenVisibility>;
}

export type HiddenVisibility = 'Hidden' | 'VeryHidden';

/** 1/1/2000 as a serial of the 1904 date system (36,526 in the 1900 system). */
const JAN_1_2000_IN_1904 = 35_064;

/**
 * Queues the sheet names with each sheet's protection (ExcelApi 1.2) and visibility, the
 * workbook's protection (ExcelApi 1.7; older Excel: not known, and Excel itself refuses), and the
 * date system. Call the result after the sync.
 */
export function queueSheetList(context: Excel.RequestContext, supports: Supports): () => SheetList {
  const worksheets = context.workbook.worksheets;
  // Visibility: ExcelApi 1.1 (setting it, 1.2).
  worksheets.load('items/name,items/protection/protected,items/visibility');
  const book = supports(API.workbookProtection) ? context.workbook.protection.load('protected') : null;
  // Workbook.use1904DateSystem is in no released requirement set (preview only): Excel's own
  // DATE (ExcelApi 1.2) answers in the workbook's system, in the same sync.
  const day = context.workbook.functions.date(2000, 1, 1).load('value');
  return () => ({
    names: worksheets.items.map((s) => s.name),
    locks: { structure: book?.protected ?? false, sheets: worksheets.items.filter((s) => s.protection.protected).map((s) => s.name) },
    // Only the 1904 answer says 1904: a DATE that failed (no value) leaves the usual system.
    date1904: day.value === JAN_1_2000_IN_1904,
    hidden: new Map(worksheets.items.flatMap((s) => (s.visibility === 'Visible' ? [] : [[s.name, s.visibility as HiddenVisibility] as const]))),
  });
}

/** Cells one sync may ask about one by one, when a range's cells are locked differently. */
const CELL_PROBES = 10_000;

/**
 * The first locked cell of each question, or null: one sync for whole ranges (a range is
 * unlocked when all its cells are), one more, only when a range is mixed, for its cells.
 */
export async function lockedCells(context: Excel.RequestContext, questions: readonly LockQuestion[]): Promise<Map<LockQuestion, string | null>> {
  const worksheets = context.workbook.worksheets;
  const probes = questions.flatMap((q) =>
    q.ranges.map((address) => {
      const lock = worksheets.getItem(q.sheet).getRange(address).format.protection;
      lock.load('locked');
      return { q, address, lock };
    }),
  );
  await context.sync();
  const answers = new Map<LockQuestion, string | null>(questions.map((q) => [q, null]));
  const first = probes.find((p) => p.lock.locked !== false);
  if (!first) return answers;
  const r = parseRange(first.address);
  if (first.lock.locked === true) {
    answers.set(first.q, cellAddress(r.top, r.left));
    return answers;
  }
  const cells: { address: string; lock: Excel.FormatProtection }[] = [];
  for (let row = r.top; row <= r.bottom && cells.length < CELL_PROBES; row++) {
    for (let col = r.left; col <= r.right && cells.length < CELL_PROBES; col++) {
      const address = cellAddress(row, col);
      const lock = worksheets.getItem(first.q.sheet).getRange(address).format.protection;
      lock.load('locked');
      cells.push({ address, lock });
    }
  }
  await context.sync();
  // Past the probes' reach the range is named: its first cells are unlocked.
  answers.set(first.q, cells.find((c) => c.lock.locked !== false)?.address ?? first.address);
  return answers;
}
