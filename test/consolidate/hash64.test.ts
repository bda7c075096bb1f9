/**
 * The fingerprint's hash is stored in every evaluated workbook: rewriting it for speed must
 * not change one digit, or every unit would be flagged stale.
 */
import { spawnSync } from 'child_process';
import path from 'path';
import fc from 'fast-check';
import { fingerprint, fingerprintPayload, hash64, hashJson } from '../../src/usecases/fingerprint';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsxWorkbook';
import { NODE_XLSX } from '../../src/workbook/xlsx/files';
import { createSheets } from '../../src/usecases/createSheets';
import { sampleUnit } from '../../src/usecases/sampleData';
import { parseUnitWorkbook, UNIT_WORKBOOK_SHEETS } from '../../src/sheets/unitWorkbook';

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
    // calls in fingerprint.ts, every one of these calls bailed out of the compiled loop.
    const root = path.join(__dirname, '..', '..');
    const script = `
      require(${JSON.stringify(path.join(root, 'scripts', 'bench', 'tsHook.js'))}).register();
      const { hash64 } = require(${JSON.stringify(path.join(root, 'src', 'usecases', 'fingerprint.ts'))});
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

describe('hashJson', () => {
  const same = (v: unknown) => expect(hashJson(v)).toBe(hash64(JSON.stringify(v)));

  it('hashes any JSON value as hash64 hashes its JSON text', () => {
    fc.assert(fc.property(fc.jsonValue({ stringUnit: 'binary', maxDepth: 4 }), same), { numRuns: 2000 });
    // Text pieces of every length, so that pairs of units run across piece boundaries both ways.
    fc.assert(fc.property(fc.array(fc.oneof(fc.string({ unit: 'binary', maxLength: 5 }), fc.integer(), fc.constant(null))), same), { numRuns: 1000 });
  });

  it('writes, escapes and leaves out what JSON.stringify does', () => {
    same(['"quoted" \\ back', 'tab\tnew\nline\u0001', 'Nguyễn Thị Hằng', 'Nguye\u0302\u0303n', '😀 emoji', 'lone \ud800 high', 'lone \udc00 low', '\udc00\ud800']);
    same([undefined, () => 1, Symbol('s'), NaN, Infinity, -0, 1e21, 0.1 + 0.2, true, false, null]);
    same({ a: undefined, b: 1, f: () => 1, c: [undefined], 'k"ey': 'v', s: Symbol('x') });
    same({ first: undefined, only: 'one' });
    same({ last: 'one', gone: undefined });
    same({ a: undefined });
    same([{}, [], '', [[]], { '': '' }]);
    same([new Date(Date.UTC(2026, 11, 3)), { toJSON: (k: string) => `key ${k}` }, [{ toJSON: () => undefined }]]);
    same({ byKey: { toJSON: (k: string) => `key ${k}` }, gone: { toJSON: () => undefined } });
    same([Object(5), Object('text'), Object(false)]);
    expect(() => hashJson([1n])).toThrow(TypeError);
  });

  it('gives a unit workbook the fingerprint evaluate stored before it hashed without the text', async () => {
    const file = await XlsxWorkbook.create('truong.xlsx', NODE_XLSX);
    await createSheets(file, sampleUnit({ members: 30 }));
    const parsed = parseUnitWorkbook(await file.batch((s) => s.read(UNIT_WORKBOOK_SHEETS)));
    if (!parsed.ok) throw new Error('the sample must read as a unit workbook');
    expect(fingerprint(parsed.workbook)).toBe(hash64(JSON.stringify(fingerprintPayload(parsed.workbook))));
  });
});
