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
