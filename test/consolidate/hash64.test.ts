/**
 * The fingerprint's hash is stored in every evaluated workbook: rewriting it for speed must
 * not change one digit, or every unit would be flagged stale.
 */
import { spawnSync } from 'child_process';
import path from 'path';
import fc from 'fast-check';
import { hash64 } from '../../src/domain/hash';

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

  it('keeps its compiled loop over many long texts of either length (V8 used to drop it on every call)', () => {
    // Synchronous on-stack replacement (--no-concurrent-osr) makes the old behaviour certain: without the warm-up
    // calls in domain/hash.ts, every one of these calls bailed out of the compiled loop.
    const root = path.join(__dirname, '..', '..');
    const script = `
      require(${JSON.stringify(path.join(root, 'scripts', 'bench', 'tsHook.js'))}).register();
      const { hash64 } = require(${JSON.stringify(path.join(root, 'src', 'domain', 'hash.ts'))});
      const texts = Array.from({ length: 50 }, (_, k) => JSON.stringify(Array.from({ length: 600 }, (_, i) => ['Nguyễn Văn ' + i, 'Giáo viên', 'Có', i + 7 * k])));
      for (let j = 0; j < 1000; j++) hash64(texts[j % 50]);
    `;
    const run = spawnSync(process.execPath, ['--no-concurrent-osr', '--trace-opt', '--trace-deopt', '-e', script], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n').filter((l) => l.includes('JSFunction hash64'));
    // The trace is read right: it shows the loop compiled.
    expect(lines.some((l) => l.startsWith('[completed compiling'))).toBe(true);
    expect(lines.filter((l) => l.startsWith('[bailout')).length).toBeLessThanOrEqual(2);
  });
});
