#!/usr/bin/env node
/**
 * Consolidation against its floor (issue 15). For each size, N generated unit workbooks
 * (60 members each) are consolidated by the real command and read by the floor
 * (scripts/bench/floor.js: zlib + one pass over the same parts, nothing of the product), each
 * in a fresh process on the same files with the same thread count, in pairs whose order
 * alternates (floor first, then product first …) so that a machine growing busier or
 * quieter weighs on both alike. The ratio is the median of the per-pair ratios.
 *
 * `measureConsolidation({ workbooks, members, pairs, dir })` is what `npm run bench` calls.
 */
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync, spawn } = require('child_process');
const { parseOptions, numbers, median, plainNodeEnv } = require('./bench/args');
const { THREADS } = require('./bench/floor');

const root = path.join(__dirname, '..');
const build = path.join(root, 'build', 'node');
const FLOOR = path.join(__dirname, 'bench', 'floor.js');

const USAGE = `Usage: node scripts/bench-consolidate.js [options]   (after npm run build:node)
  Consolidates N generated unit workbooks with dvht consolidate, paired with the floor,
  prints one line per size and writes bench-output/bench-consolidate.json.`;
const SPEC = {
  workbooks: { value: 'LIST', help: 'workbook counts (default 200,2000,10000)' },
  members: { value: 'N', help: 'members per unit workbook (default 60)' },
  pairs: { value: 'N', help: 'floor/product pairs per size (default 3)' },
  dir: { value: 'DIR', help: 'where the corpus and outputs go (default bench-output)' },
};

const TYPES = ['Trường THCS', 'Trường tiểu học', 'Trường mầm non', 'UBND cấp xã', 'Cơ quan nhà nước', 'Trường THPT'];

/** Child: writes unit workbooks [from, to) into dir (the product's own writer and engine). */
async function generate(dir, from, to, members) {
  const { XlsxWorkbook } = require(path.join(build, 'workbook/xlsx/xlsxWorkbook'));
  const { NODE_XLSX } = require(path.join(build, 'workbook/xlsx/files'));
  const { createSheets } = require(path.join(build, 'usecases/createSheets'));
  const { evaluateWorkbook } = require(path.join(build, 'usecases/evaluate'));
  const { sampleUnit } = require(path.join(build, 'usecases/sampleData'));
  for (let i = from; i < to; i++) {
    const wb = await XlsxWorkbook.create(`u${i}.xlsx`, NODE_XLSX);
    const sample = sampleUnit({ members, seed: 1000 + i, rate: 0.9 + (i % 10) / 100 });
    const type = TYPES[i % TYPES.length];
    await createSheets(wb, { ...sample, unit: { ...sample.unit, name: `Đơn vị số ${i + 1}`, type } });
    await evaluateWorkbook(wb, { now: new Date(2025, 11, 20) });
    fs.writeFileSync(fileOf(dir, i), await wb.toBytes());
  }
}

/** Distinct units generated through the product; beyond them, copies under another unit name (generating is slow). */
const DISTINCT = 2000;
const fileOf = (dir, i) => path.join(dir, `unit-${String(i).padStart(5, '0')}.xlsx`);

/**
 * Unit i ≥ DISTINCT: unit i mod DISTINCT renamed "Đơn vị số i+1" (so no duplicate), its “Dấu dữ liệu” worked out
 * again for the new name, as evaluating it would: an officer's units are mostly fresh, and a stale one costs more to read.
 */
async function cloneUnits(dir, indices) {
  const { XlsxPackage } = require(path.join(build, 'xlsx/package'));
  const { NODE_XLSX } = require(path.join(build, 'workbook/xlsx/files'));
  for (const i of indices) {
    const bytes = fs.readFileSync(fileOf(dir, i % DISTINCT));
    const pkg = await XlsxPackage.open(bytes, NODE_XLSX);
    const from = `>Đơn vị số ${(i % DISTINCT) + 1}<`;
    const parts = pkg.partNames.filter((n) => /^xl\/(worksheets\/[^/]+|sharedStrings)\.xml$/.test(n));
    let renamed = 0;
    // The writer stores strings inline, in the sheets; a shared-string table is searched too.
    for (const name of parts) {
      const xml = await pkg.text(name);
      if (!xml.includes(from)) continue;
      pkg.setPart(name, xml.split(from).join(`>Đơn vị số ${i + 1}<`));
      renamed++;
    }
    if (renamed === 0) throw new Error(`unit name not found in unit ${i % DISTINCT}`);
    const [was, now] = await Promise.all([markOf(bytes), markOf(await pkg.toBytes(NODE_XLSX.deflate))]);
    for (const name of parts) {
      const xml = await pkg.text(name);
      if (xml.includes(`>${was}<`)) pkg.setPart(name, xml.split(`>${was}<`).join(`>${now}<`));
    }
    fs.writeFileSync(fileOf(dir, i), await pkg.toBytes(NODE_XLSX.deflate));
  }
}

/** The data fingerprint of a unit workbook's bytes, as consolidation works it out. */
async function markOf(bytes) {
  const { openXlsx } = require(path.join(build, 'xlsx'));
  const { nodeInflate } = require(path.join(build, 'xlsx/inflateNode'));
  const { parseUnitWorkbook, UNIT_WORKBOOK_SHEETS } = require(path.join(build, 'sheets/unitWorkbook'));
  const { fingerprint } = require(path.join(build, 'usecases/fingerprint'));
  const parsed = parseUnitWorkbook(await (await openXlsx(bytes, { inflate: nodeInflate })).read(UNIT_WORKBOOK_SHEETS));
  if (!parsed.ok) throw new Error('a generated unit workbook does not read as one');
  return fingerprint(parsed.workbook);
}

/**
 * Whether a cached corpus was written by the product as built now: a corpus from an earlier build may carry
 * “Dấu dữ liệu” marks the product no longer takes as fresh (its first and first copied workbooks checked).
 */
async function corpusCurrent(cacheDir) {
  const { readUnitFile } = require(path.join(build, 'usecases/consolidate/readUnit'));
  const { nodeInflate } = require(path.join(build, 'xlsx/inflateNode'));
  for (const i of [0, DISTINCT]) {
    const file = fileOf(cacheDir, i);
    if (!fs.existsSync(file)) continue;
    const read = await readUnitFile(fs.readFileSync(file), path.basename(file), { inflate: nodeInflate });
    if (!read.unit || read.unit.flags.some((f) => f.code === 'stale')) return false;
  }
  return true;
}

/** Generated once per member count and reused: generation is not what is measured. */
async function corpus(cacheDir, n, members) {
  fs.mkdirSync(cacheDir, { recursive: true });
  if (!(await corpusCurrent(cacheDir))) {
    process.stderr.write(`the workbooks in ${cacheDir} were written by an earlier build: written again …\n`);
    for (const f of fs.readdirSync(cacheDir)) if (/^unit-\d+\.xlsx$/.test(f)) fs.rmSync(path.join(cacheDir, f));
  }
  const have = fs.readdirSync(cacheDir).filter((f) => /^unit-\d+\.xlsx$/.test(f));
  const present = new Set(have);
  const missing = [];
  for (let i = 0; i < n; i++) if (!present.has(path.basename(fileOf(cacheDir, i)))) missing.push(i);
  const distinct = missing.filter((i) => i < DISTINCT);
  if (distinct.length) {
    const from = distinct[0];
    const to = distinct[distinct.length - 1] + 1;
    process.stderr.write(`generating workbooks ${from}–${to - 1} (${members} members) in ${cacheDir} …\n`);
    const threads = THREADS();
    const per = Math.ceil((to - from) / threads);
    await Promise.all(
      Array.from({ length: threads }, (_, k) => {
        const a = from + k * per;
        const b = Math.min(to, a + per);
        if (a >= b) return Promise.resolve();
        return new Promise((resolve, reject) => {
          const c = spawn(process.execPath, [__filename, '--generate', cacheDir, String(a), String(b), String(members)], { stdio: 'inherit' });
          c.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`generator exited ${code}`))));
        });
      }),
    );
  }
  const clones = missing.filter((i) => i >= DISTINCT);
  if (clones.length) {
    process.stderr.write(`copying ${clones.length} workbooks under new unit names in ${cacheDir} …\n`);
    await cloneUnits(cacheDir, clones);
  }
  return Array.from({ length: n }, (_, i) => fileOf(cacheDir, i));
}

/** Child: the real command, as an officer runs it (prepared as bin/dvht.js prepares it); prints its peak memory. */
async function consolidateChild(inDir, out) {
  const { run, prepareCommand } = require(path.join(build, 'cli/main'));
  const io = { out: () => undefined, err: (s) => process.stderr.write(s + '\n') };
  const code = await run(['consolidate', inDir, '-o', out, '--body', 'UBND xã Hòa Bình', '--tier', 'cấp xã', '--rule-set', 'tt24-co-so-md1'], io, prepareCommand);
  if (code !== 0) throw new Error(`consolidate exited ${code}`);
  const u = process.resourceUsage();
  process.stdout.write(`${JSON.stringify({ maxRss: u.maxRSS * 1024, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000 })}\n`);
}

/** Wall time of a fresh process (Node's start-up included, as the user's is) and its peak RSS. */
function timed(args) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed (${r.status})`);
  const out = JSON.parse(r.stdout.trim().split('\n').pop());
  return { ms, peakBytes: out.maxRss, cpuMs: out.cpuMs };
}

const stats = (xs) => ({ min: Math.min(...xs), median: median(xs) });

async function measureConsolidation({ workbooks, members = 60, pairs = 3, dir = path.join(root, 'bench-output', `consolidate-${workbooks}`) }) {
  if (!fs.existsSync(path.join(build, 'cli/consolidateWorker.js'))) throw new Error('run npm run build:node first');
  const files = await corpus(path.join(path.dirname(dir), `corpus-${members}`), workbooks, members);
  const inDir = path.join(dir, 'in');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(inDir, { recursive: true });
  for (const f of files) fs.linkSync(f, path.join(inDir, path.basename(f)));
  const list = path.join(dir, 'files.txt');
  fs.writeFileSync(list, fs.readdirSync(inDir).sort().map((f) => path.join(inDir, f)).join('\n'));
  const out = path.join(dir, 'tong-hop.xlsx');
  for (const f of files) fs.readFileSync(f); // page cache warm for both
  const floor = () => timed([FLOOR, '--files', list]);
  const product = () => {
    fs.rmSync(out, { force: true }); // each run writes a new workbook, not into the last one
    return timed([__filename, '--consolidate', inDir, out]);
  };
  const samples = [];
  for (let p = 0; p < pairs; p++) {
    const first = p % 2 === 0 ? 'floor' : 'product';
    const a = first === 'floor' ? floor() : product();
    const b = first === 'floor' ? product() : floor();
    const [f, c] = first === 'floor' ? [a, b] : [b, a];
    samples.push({ first, floorMs: f.ms, productMs: c.ms, ratio: c.ms / f.ms, floorCpuMs: f.cpuMs, productCpuMs: c.cpuMs, floorPeakBytes: f.peakBytes, productPeakBytes: c.peakBytes });
    process.stderr.write(`  ${workbooks} workbooks, pair ${p + 1}/${pairs}: floor ${f.ms.toFixed(0)} ms, product ${c.ms.toFixed(0)} ms\n`);
  }
  const product_ = stats(samples.map((s) => s.productMs));
  return {
    workbooks,
    members,
    threads: THREADS(),
    samples,
    floor: stats(samples.map((s) => s.floorMs)),
    product: product_,
    ratio: median(samples.map((s) => s.ratio)),
    /** CPU time (all threads): what a busy machine distorts least. */
    cpuRatio: median(samples.map((s) => s.productCpuMs / s.floorCpuMs)),
    perSecond: (workbooks * 1000) / product_.median,
    peakBytes: Math.max(...samples.map((s) => s.productPeakBytes)),
    floorPeakBytes: Math.max(...samples.map((s) => s.floorPeakBytes)),
    bytesPerWorkbook: Math.round(files.reduce((a, f) => a + fs.statSync(f).size, 0) / files.length),
  };
}

module.exports = { measureConsolidation, corpus };

async function main() {
  const argv = process.argv.slice(2);
  if (argv[0] === '--generate') return generate(argv[1], Number(argv[2]), Number(argv[3]), Number(argv[4]));
  if (argv[0] === '--consolidate') return consolidateChild(argv[1], argv[2]);
  const o = parseOptions(argv, USAGE, SPEC);
  plainNodeEnv();
  const counts = numbers(o.get('workbooks') ?? '200,2000,10000', 'workbooks');
  const [members] = numbers(o.get('members') ?? '60', 'members');
  const [pairs] = numbers(o.get('pairs') ?? '3', 'pairs');
  const base = path.resolve(o.get('dir') ?? path.join(root, 'bench-output'));
  const rows = [];
  for (const n of counts) {
    const r = await measureConsolidation({ workbooks: n, members, pairs, dir: path.join(base, `consolidate-${n}`) });
    rows.push(r);
    process.stdout.write(
      `${String(n).padStart(6)} workbooks × ${members} members, ${r.threads} threads, ${pairs} pairs: product min ${(r.product.min / 1000).toFixed(2)} s, median ${(r.product.median / 1000).toFixed(2)} s ` +
        `(${r.perSecond.toFixed(0)} workbooks/s, peak ${(r.peakBytes / 1048576).toFixed(0)} MB); floor min ${(r.floor.min / 1000).toFixed(2)} s, median ${(r.floor.median / 1000).toFixed(2)} s → median ratio ${r.ratio.toFixed(2)}×\n`,
    );
  }
  fs.mkdirSync(base, { recursive: true });
  fs.writeFileSync(path.join(base, 'bench-consolidate.json'), JSON.stringify({ machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? '', node: process.version, date: new Date().toISOString(), loadavg: os.loadavg() }, rows }, null, 2));
}

if (require.main === module) {
  main().catch((e) => {
    process.stderr.write(`${e.stack || e}\n`);
    process.exit(1);
  });
}
