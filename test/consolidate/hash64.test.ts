/**
 * The fingerprint's hash is stored in every evaluated workbook: rewriting it for speed must
 * not change one digit, or every unit would be flagged stale.
 */
import fc from 'fast-check';
import { hash64 } from '../../src/usecases/fingerprint';

/** The hash as first written (before the lanes were printed in halves). */
function reference(s: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

describe('hash64', () => {
  it('gives the digits workbooks already store', () => {
    expect(hash64('')).toBe('811c9dc55ad1e806');
    expect(hash64('a')).toBe('e40c292c41c9b750');
    expect(hash64('Nguyễn Thị Hằng')).toBe('908f28521a5699ee');
    expect(hash64('[["Tên đơn vị","Trường THCS Nguyễn Du"]]')).toBe('a4e4228f72021ce4');
    expect(hash64('x'.repeat(1000))).toBe('07d181654291b5e2');
  });

  it('agrees with the first implementation on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => expect(hash64(s)).toBe(reference(s))),
      { numRuns: 2000 },
    );
  });
});
