/**
 * Every bench script explains itself with --help and refuses an option it does not know
 * (a mistyped option once ran the whole bench silently). Behaviour only: nothing is timed.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { readUnitFile } from '../../src/usecases/consolidate';
import { XlsxPackage } from '../../src/xlsx/package';
import { NODE_XLSX } from '../../src/workbook/xlsx/files';

const root = path.join(__dirname, '..', '..');
const SCRIPTS = ['scripts/bench.js', 'scripts/bench-consolidate.js', 'scripts/bench/floor.js', 'scripts/bench/consolidation.js', 'scripts/bench/startup.js', 'scripts/bench/engine.js', 'scripts/bench/importTime.js', 'scripts/bench/excel.js', 'scripts/bench/table.js', 'scripts/bench/warmThread.js'];

const node = (script: string, ...args: string[]) => spawnSync(process.execPath, [path.join(root, script), ...args], { encoding: 'utf8', timeout: 60_000 });

describe.each(SCRIPTS)('%s', (script) => {
  it('prints its usage for --help and exits 0', () => {
    const r = node(script, '--help');
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
    expect(r.stdout).toMatch(/^Usage: /);
  });

  it('refuses an unknown option with exit 2, running nothing', () => {
    const r = node(script, '--no-such-option');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/Usage: /);
  });
});

it('npm run bench lists --quick among its options', () => {
  expect(node('scripts/bench.js', '--help').stdout).toMatch(/--quick\s+a small run/);
});

/**
 * The one-thread bench runs the pool's own reading task: a change to that task's signature
 * once broke only the full bench (its product side exited 1), never a test.
 */
it('warmThread.js reads real unit workbooks on both sides and reports per-file figures', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-warm-'));
  try {
    const files = ['a', 'b', 'c'].map((name) => {
      const file = path.join(dir, `${name}.xlsx`);
      const r = node('bin/dvht.js', 'init', '-o', file, '--preset', 'tt24-co-so-md1', '--unit', `Trường ${name}`, '--type', 'thcs', '--sample');
      expect(r.status).toBe(0);
      return file;
    });
    const list = path.join(dir, 'files.txt');
    fs.writeFileSync(list, files.join('\n'));
    const r = node('scripts/bench/warmThread.js', '--files', list, '--warm', '1', '--pairs', '1');
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
    const out = JSON.parse(r.stdout) as { files: number; product: { steadyUsPerFile: number }; floor: { steadyUsPerFile: number } };
    expect(out.files).toBe(3);
    expect(out.product.steadyUsPerFile).toBeGreaterThan(0);
    expect(out.floor.steadyUsPerFile).toBeGreaterThan(0);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

/**
 * The evaluate rows count each sample's CPU time and page faults (Linux: /proc), the floor's
 * without its preparation: a fresh page is a cost of its own on the machine the tables come from.
 */
it('the evaluate bench reports CPU time and page faults of product and floor per sample', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the bench's own module, plain JavaScript
  const { cliEvaluate } = require(path.join(root, 'scripts', 'bench', 'cli.js')) as {
    cliEvaluate: (n: number, dir: string) => { cpuRatio: number | null; faults: { product: number; floor: number } | null; samples: { walls: number[]; usage: { product: { cpuMs: number; faults: number }[]; floor: { cpuMs: number; faults: number }[] } } };
  };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-cli-bench-'));
  try {
    const r = cliEvaluate(20, dir);
    const samples = r.samples.walls.length;
    expect(samples).toBeGreaterThanOrEqual(3);
    expect(fs.existsSync('/proc/self/stat')).toBe(true);
    expect(r.samples.usage.product).toHaveLength(samples);
    expect(r.samples.usage.floor).toHaveLength(samples);
    for (const u of [...r.samples.usage.product, ...r.samples.usage.floor]) {
      expect(u.faults).toBeGreaterThan(0);
      expect(u.cpuMs).toBeGreaterThanOrEqual(0);
    }
    expect(r.cpuRatio).toBeGreaterThan(0);
    expect(r.faults!.product).toBeGreaterThan(0);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

/**
 * The consolidation bench's corpus is cached between runs: a workbook an earlier build wrote may carry a
 * “Dấu dữ liệu” the product no longer takes for its data's, and every unit would then read as changed since
 * its evaluation (a costlier path than most units take). Such a corpus is written again.
 */
it('a cached consolidation corpus that reads as changed since its evaluation is written again', async () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the bench script is CommonJS, not part of src
  const { corpus } = require('../../scripts/bench-consolidate.js') as { corpus: (dir: string, n: number, members: number) => Promise<string[]> };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-corpus-'));
  const read = async (file: string) => (await readUnitFile(fs.readFileSync(file), path.basename(file), NODE_XLSX)).unit!;
  try {
    const [first] = await corpus(dir, 2, 5);
    const unit = await read(first!);
    expect(unit.flags.map((f) => f.code)).not.toContain('stale');
    // As an earlier build would have marked it.
    const pkg = await XlsxPackage.open(fs.readFileSync(first!), NODE_XLSX);
    let marked = 0;
    for (const name of pkg.partNames.filter((n) => n.startsWith('xl/worksheets/'))) {
      const xml = (await pkg.text(name))!;
      if (!xml.includes(`>${unit.recorded.fingerprint}<`)) continue;
      pkg.setPart(name, xml.split(`>${unit.recorded.fingerprint}<`).join('>0123456789abcdef<'));
      marked++;
    }
    expect(marked).toBe(1);
    fs.writeFileSync(first!, await pkg.toBytes(NODE_XLSX.deflate));
    expect((await read(first!)).flags.map((f) => f.code)).toContain('stale');

    await corpus(dir, 2, 5);
    expect((await read(first!)).flags.map((f) => f.code)).not.toContain('stale');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);
