/**
 * A share (an indicator's requirement, the personal target) as a user types it in
 * "Tiêu chí": 0.9, 90 and 90% all mean 90%. The sheet formats these cells as percentages,
 * where Excel stores a typed 150% as 1.5: that is over 100%, never 1.5%.
 */
import { readFraction, readNumber, readText, type CellValue } from '../values';

/** Below this a plain number over 1 is a percent cell's value (1.5 = 150%), not "1.5%". */
export const PERCENT_CELL_LIMIT = 10;

/** `blank`: nothing typed, said so rather than as a value. */
export type ShareRead = { ok: true; share: number } | { ok: false; shown: string; asText?: true; blank?: true };

/** `shown`: what was found, as the user saw it (150% rather than 1.5). */
export function readShare(v: CellValue): ShareRead {
  const n = readNumber(v);
  if (n.kind === 'blank') return { ok: false, shown: '', blank: true };
  if (n.kind === 'number' && n.value > 1 && n.value < PERCENT_CELL_LIMIT) return { ok: false, shown: percentText(n.value) };
  const f = readFraction(v);
  // A negative number as its percent cell shows it (-10%, not -0.1).
  if (f === null || f < 0) return { ok: false, shown: f !== null && typeof v === 'number' ? percentText(f) : readText(v) };
  if (f > 1) return { ok: false, shown: percentText(f) };
  return { ok: true, share: f };
}

/**
 * readShare for a cell of the workbook that its own formulas read too: they read text as 0
 * (N()), so a share stored as text ("90%" in a cell formatted as Text) is refused with
 * `asText`, however readable, rather than have the sheet say the opposite of the engine.
 */
export function readShareCell(v: CellValue): ShareRead {
  const read = readShare(v);
  return read.ok && typeof v === 'string' ? { ok: false, shown: v.trim(), asText: true } : read;
}

const percentText = (fraction: number) => `${Number((fraction * 100).toPrecision(12))}%`;
