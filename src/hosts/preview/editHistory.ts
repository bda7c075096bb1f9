/**
 * The grid's undo history, bounded as Excel's is: a change that grew the members table holds its sheet's parts
 * whole (megabytes at 5,000 members), so an unbounded history would keep every such paste of the session.
 */

/** Excel keeps 100 undo levels. */
export const UNDO_LEVELS = 100;
/** What the kept changes' parts may hold, in bytes as the tab holds their text (two per character). */
export const UNDO_PARTS_BUDGET = 64 * 1024 * 1024;

export interface HistoryLimits {
  levels: number;
  budget: number;
}

/** Bytes of the texts `changes` hold, a text held by two changes once (one's after is the next one's before). */
function heldBytes<T>(changes: readonly T[], held: (change: T) => Iterable<string | null>): number {
  const texts = new Set<string>();
  for (const change of changes) for (const text of held(change)) if (text !== null) texts.add(text);
  let bytes = 0;
  for (const text of texts) bytes += text.length * 2;
  return bytes;
}

/**
 * Adds the newest change to `undo`, then drops the oldest changes while more than `levels` are kept or their
 * parts hold more than `budget` (the newest is kept whatever it holds: the edit just made can be undone).
 */
export function keepChange<T>(undo: T[], change: T, held: (change: T) => Iterable<string | null>, limits: HistoryLimits = { levels: UNDO_LEVELS, budget: UNDO_PARTS_BUDGET }): void {
  undo.push(change);
  if (undo.length > limits.levels) undo.splice(0, undo.length - limits.levels);
  while (undo.length > 1 && heldBytes(undo, held) > limits.budget) undo.shift();
}
