/**
 * A fingerprint of everything a user typed that the evaluation depends on. Evaluate stores
 * it; consolidation recomputes it to tell a stale self-assessment from a fresh one.
 */
import { evaluationInput, type UnitWorkbook } from '../sheets/unitWorkbook';
import { RESULT_FIELDS } from '../sheets/unitSheet';
import { foldKey } from '../domain/text';

const RESULT_KEYS = new Set(Object.values(RESULT_FIELDS).map(foldKey));

export function fingerprint(wb: UnitWorkbook): string {
  return hashJson(fingerprintPayload(wb));
}

/** What the fingerprint hashes, as JSON would write it (the digits stored so far are of that text). */
export function fingerprintPayload(wb: UnitWorkbook): unknown[] {
  const input = evaluationInput(wb);
  return [
    input.unitFields.filter((f) => !RESULT_KEYS.has(foldKey(f.label))).map((f) => [f.label, f.value]),
    input.ruleSet,
    Object.entries(input.answers).map(([k, a]) => [k, a?.value ?? null]),
    input.members?.columns.map((c) => c.header),
    input.members?.rows.map((r) => r.cells),
    input.learners?.map((r) => [r.label, r.headcount.value, r.cdht.value]),
    input.spellings,
  ];
}

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
 * `hash64(JSON.stringify(value))` without the text: the value is walked as JSON.stringify
 * walks it and each piece hashed as it would be written. The text was 16 kB a workbook in a
 * consolidation, made only to be hashed once: without it the fingerprint takes 85 µs, not 104.
 */
export function hashJson(value: unknown): string {
  const h = new JsonHasher();
  h.value(value, '');
  return h.digest();
}

/** hash64's two lanes over text fed in pieces; a code unit left over waits for the next piece. */
class JsonHasher {
  private a = 0x811c9dc5 | 0;
  private b = (0x01000193 ^ 0x5bd1e995) | 0;
  /** The first unit of an unfinished pair, or -1. */
  private odd = -1;

  /** One value as JSON.stringify writes it at `key` of its holder; false where it writes nothing. */
  value(v: unknown, key: string | number): boolean {
    if ((typeof v === 'object' && v !== null) || typeof v === 'function' || typeof v === 'bigint') {
      const toJSON = (v as { toJSON?: unknown }).toJSON;
      if (typeof toJSON === 'function') v = toJSON.call(v, String(key));
    }
    if (v instanceof Number) v = Number(v);
    else if (v instanceof String) v = String(v);
    else if (v instanceof Boolean || v instanceof BigInt) v = v.valueOf();
    switch (typeof v) {
      case 'string':
        this.string(v);
        return true;
      case 'number':
        this.text(Number.isFinite(v) ? String(v) : 'null');
        return true;
      case 'boolean':
        this.text(v ? 'true' : 'false');
        return true;
      case 'object':
        if (v === null) this.text('null');
        else if (Array.isArray(v)) this.array(v);
        else this.object(v as Record<string, unknown>);
        return true;
      case 'bigint':
        throw new TypeError('Do not know how to serialize a BigInt');
      default:
        return false; // undefined, functions, symbols
    }
  }

  private array(v: unknown[]): void {
    this.text('[');
    for (let i = 0; i < v.length; i++) {
      if (i > 0) this.text(',');
      if (!this.value(v[i], i)) this.text('null');
    }
    this.text(']');
  }

  private object(v: Record<string, unknown>): void {
    this.text('{');
    let first = true;
    for (const k of Object.keys(v)) {
      // A member JSON.stringify leaves out is known only once its value is seen: its key is unhashed then.
      const a = this.a;
      const b = this.b;
      const odd = this.odd;
      if (!first) this.text(',');
      this.string(k);
      this.text(':');
      if (this.value(v[k], k)) first = false;
      else this.restore(a, b, odd);
    }
    this.text('}');
  }

  /**
   * A string in quotes. Most need no escape: hashed in place, and checked in the same loop;
   * one that does (quote, backslash, control, surrogate) is hashed again as JSON.stringify writes it.
   */
  private string(s: string): void {
    const a = this.a;
    const b = this.b;
    const odd = this.odd;
    this.text('"');
    if (this.feed(s, true)) this.text('"');
    else {
      this.restore(a, b, odd);
      this.text(JSON.stringify(s));
    }
  }

  private restore(a: number, b: number, odd: number): void {
    this.a = a;
    this.b = b;
    this.odd = odd;
  }

  /**
   * Hashes `s` after what came before (a unit left over pairs with its first); with `check`,
   * stops at the first unit JSON would escape and says so (the state is then to be restored).
   */
  private feed(s: string, check: boolean): boolean {
    let a = this.a;
    let b = this.b;
    let c = this.odd;
    let i = 0;
    const n = s.length;
    if (c < 0) {
      if (n === 0) return true;
      c = s.charCodeAt(i++);
      if (check && escapes(c)) return false;
    }
    while (i < n) {
      const d = s.charCodeAt(i++);
      if (check && escapes(d)) return false;
      a = Math.imul(Math.imul(a ^ c, 0x01000193) ^ d, 0x01000193);
      const b1 = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
      b = Math.imul(b1 ^ d, 0x5bd1e995) ^ (b1 >>> 15);
      if (i === n) {
        c = -1;
        break;
      }
      c = s.charCodeAt(i++);
      if (check && escapes(c)) return false;
    }
    this.a = a;
    this.b = b;
    this.odd = c;
    return true;
  }

  /** Markup, numbers, escaped strings: hashed as they are. */
  private text(s: string): void {
    this.feed(s, false);
  }

  digest(): string {
    let a = this.a;
    let b = this.b;
    if (this.odd >= 0) {
      const c = this.odd;
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
    }
    return hex8(a) + hex8(b);
  }
}

/** A unit JSON.stringify writes otherwise: quote, backslash, controls, and any surrogate (lone ones are escaped). */
function escapes(c: number): boolean {
  return c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff);
}

/**
 * A 32-bit lane as 8 hex digits, written in two 16-bit halves: `(x >>> 0).toString(16)` made
 * V8 deoptimise hash64 on every lane past 2^31 (≈ 90 times per 1,000 workbooks in a worker).
 */
function hex8(x: number): string {
  return (x >>> 16).toString(16).padStart(4, '0') + (x & 0xffff).toString(16).padStart(4, '0');
}
