/** A short stable hash of a text: fingerprints of a unit's data, identities sent between threads. */

/**
 * FNV-1a over UTF-16 code units in two 32-bit lanes: fast, stable, not cryptographic. Two
 * units a turn (the same steps, half the loop's own work: ≈ 25% faster on a unit's 20,000).
 */
export function hash64(s: string): string {
  let a = 0x811c9dc5 | 0;
  let b = (0x01000193 ^ 0x5bd1e995) | 0;
  const n = s.length;
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const c = s.charCodeAt(i);
    const d = s.charCodeAt(i + 1);
    a = Math.imul(Math.imul(a ^ c, 0x01000193) ^ d, 0x01000193);
    const b1 = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
    b = Math.imul(b1 ^ d, 0x5bd1e995) ^ (b1 >>> 15);
  }
  if (i < n) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  return hex8(a) + hex8(b);
}

// V8 compiles hash64's loop in the middle of its first long call (on-stack replacement); the
// code after the loop has not run yet, so it is compiled as a bail-out, and Node 20 re-enters
// that same compiled loop on later calls (300–720 bail-outs in a 2,000-workbook consolidation,
// each call then uncompiled). V8 records no feedback until a function has run about eight times
// its own size: 32 short calls at load get past that and run every path of it first (8 did not).
for (let k = 0; k < 32; k++) hash64('odd');

/**
 * A 32-bit lane as 8 hex digits, written in two 16-bit halves: `(x >>> 0).toString(16)` made
 * V8 deoptimise hash64 on every lane past 2^31 (≈ 90 times per 1,000 workbooks in a worker).
 */
function hex8(x: number): string {
  return (x >>> 16).toString(16).padStart(4, '0') + (x & 0xffff).toString(16).padStart(4, '0');
}

/*
 * The same two lanes fed value by value, for a multiset of rows without texts built and sorted:
 * a member list's fingerprint (src/usecases/fingerprint.ts). Module state rather than an object,
 * one row at a time.
 */
let laneA = 0;
let laneB = 0;
const numberBits = new Float64Array(1);
const numberWords = new Uint32Array(numberBits.buffer);

/** Tags above any UTF-16 code unit: a value's kind and its end, so "ab","c" is not "a","bc". */
const TAG = { text: 0x10000, number: 0x10001, boolean: 0x10002, blank: 0x10003, error: 0x10004, end: 0x10005 } as const;

function unit(c: number): void {
  laneA = Math.imul(laneA ^ c, 0x01000193);
  const b = laneB;
  laneB = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
}

function units(s: string): void {
  for (let i = 0; i < s.length; i++) unit(s.charCodeAt(i));
}

type Value = string | number | boolean | null | undefined | { error: string };

/** Cells read as blank whatever they hold: in `columns`, where `is` says so (a member's STT number). */
export interface BlankCells {
  columns: readonly number[];
  is: (v: Value) => boolean;
}

/** One row's cells into the lanes. */
function row(cells: readonly Value[], blank: BlankCells | undefined): void {
  laneA = 0x811c9dc5 | 0;
  laneB = (0x01000193 ^ 0x5bd1e995) | 0;
  for (let i = 0; i < cells.length; i++) {
    const v = cells[i];
    if (v === null || v === undefined || (blank !== undefined && blank.columns.includes(i) && blank.is(v))) unit(TAG.blank);
    else if (typeof v === 'string') {
      unit(TAG.text);
      units(v);
    } else if (typeof v === 'number') {
      numberBits[0] = v === 0 ? 0 : v; // -0 reads as 0, as JSON wrote it
      unit(TAG.number);
      unit(numberWords[0]!);
      unit(numberWords[1]!);
    } else if (typeof v === 'boolean') {
      unit(TAG.boolean);
      unit(v ? 1 : 0);
    } else {
      unit(TAG.error);
      units(v.error);
    }
    unit(TAG.end);
  }
}

/** murmur3's finaliser: each row's lanes spread before they are added up. */
function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** The rows as a set that counts repeats, their order left out: the sum of each row's mixed hash, 16 hex digits. */
export function hashRowSet(rows: readonly (readonly Value[])[], blank?: BlankCells): string {
  let a = 0;
  let b = 0;
  for (const r of rows) {
    row(r, blank);
    a = (a + mix(laneA)) | 0;
    b = (b + mix(laneB)) | 0;
  }
  return hex8(a) + hex8(b);
}
