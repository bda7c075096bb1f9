#!/usr/bin/env node
/**
 * Consolidation throughput (issue 4): workbooks per second for N generated unit workbooks
 * (60 members each by default), peak memory, and the floor — a plain unzip + XML parse of
 * the same sheets of the same files with the same parallelism (2 worker threads) — as a
 * ratio. Runs on the compiled build (npm run build:node).
 *
 *   node scripts/bench-consolidate.js [--workbooks 200,2000] [--members 60] [--dir bench-output]
 *
 * `measureConsolidation({ workbooks, members, dir })` is what `npm run bench` calls.
 * Each measurement is a fresh process (wall time includes Node's start-up, as the user's
 * does), and its peak RSS is read from the process itself (worker threads included).
 */
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync, spawn } = require('child_process');

const root = path.join(__dirname, '..');
const build = path.join(root, 'build', 'node');
const THREADS = 2;

const TYPES = ['Trường THCS', 'Trường tiểu học', 'Trường mầm non', 'UBND cấp xã', 'Cơ quan nhà nước', 'Trường THPT'];

/** Child: writes unit workbooks [from, to) into dir. */
async function generate(dir, from, to, members) {
  const { ExcelJsWorkbook } = require(path.join(build, 'workbook/exceljs/excelJsWorkbook'));
  const { createSheets } = require(path.join(build, 'usecases/createSheets'));
  const { evaluateWorkbook } = require(path.join(build, 'usecases/evaluate'));
  const { sampleUnit } = require(path.join(build, 'usecases/sampleData'));
  for (let i = from; i < to; i++) {
    const wb = ExcelJsWorkbook.create(`u${i}.xlsx`);
    const sample = sampleUnit({ members, seed: 1000 + i, rate: 0.9 + (i % 10) / 100 });
    const type = TYPES[i % TYPES.length];
    await createSheets(wb, { ...sample, unit: { ...sample.unit, name: `Đơn vị số ${i + 1}`, type } });
    await evaluateWorkbook(wb, { now: new Date(2025, 11, 20) });
    fs.writeFileSync(path.join(dir, `unit-${String(i).padStart(5, '0')}.xlsx`), await wb.toBuffer());
  }
}

/** Generated once per member count and reused: generation is not what is measured. */
async function corpus(cacheDir, n, members) {
  fs.mkdirSync(cacheDir, { recursive: true });
  const have = fs.readdirSync(cacheDir).filter((f) => f.endsWith('.xlsx')).length;
  if (have < n) {
    process.stderr.write(`generating ${n - have} workbooks of ${members} members in ${cacheDir} …\n`);
    const per = Math.ceil((n - have) / THREADS);
    await Promise.all(
      Array.from({ length: THREADS }, (_, k) => {
        const from = have + k * per;
        const to = Math.min(n, from + per);
        if (from >= to) return Promise.resolve();
        return new Promise((resolve, reject) => {
          const c = spawn(process.execPath, [__filename, '--generate', cacheDir, String(from), String(to), String(members)], { stdio: 'inherit' });
          c.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`generator exited ${code}`))));
        });
      }),
    );
  }
  return fs.readdirSync(cacheDir).filter((f) => f.endsWith('.xlsx')).sort().slice(0, n).map((f) => path.join(cacheDir, f));
}

/** Child: the floor — open every file and parse the same sheets, on THREADS worker threads. */
async function floor(listFile) {
  const { Worker } = require('worker_threads');
  const files = fs.readFileSync(listFile, 'utf8').split('\n').filter(Boolean);
  const code = `
    const { parentPort, workerData } = require('worker_threads');
    const fs = require('fs');
    const { openXlsx } = require(${JSON.stringify(path.join(build, 'xlsx/reader'))});
    const { nodeInflate } = require(${JSON.stringify(path.join(build, 'xlsx/inflateNode'))});
    const { UNIT_WORKBOOK_SHEETS } = require(${JSON.stringify(path.join(build, 'sheets/unitWorkbook'))});
    (async () => {
      let cells = 0;
      for (const f of workerData.files) {
        const x = await openXlsx(fs.readFileSync(f), { inflate: nodeInflate });
        const snap = await x.read(UNIT_WORKBOOK_SHEETS);
        for (const s of snap.sheets.values()) cells += s.rows.length;
      }
      parentPort.postMessage(cells);
    })();`;
  await Promise.all(
    Array.from({ length: THREADS }, (_, k) => new Promise((resolve, reject) => {
      const w = new Worker(code, { eval: true, workerData: { files: files.filter((_, i) => i % THREADS === k) } });
      w.on('message', resolve);
      w.on('error', reject);
    })),
  );
}

/** Child: the real command, as an officer runs it. */
async function consolidateChild(inDir, out) {
  const { run } = require(path.join(build, 'cli/main'));
  const io = { out: () => undefined, err: (s) => process.stderr.write(s + '\n') };
  const code = await run(['consolidate', inDir, '-o', out, '--body', 'UBND xã Hòa Bình', '--tier', 'cấp xã', '--rule-set', 'tt24-co-so-md1'], io);
  if (code !== 0) process.stderr.write(`consolidate exited ${code}\n`);
}

function timed(args) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [__filename, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${args[0]} failed (${r.status})`);
  const peakBytes = JSON.parse(r.stdout.trim().split('\n').pop()).maxRss;
  return { wallMs, peakBytes };
}

async function measureConsolidation({ workbooks, members = 60, dir = path.join(root, 'bench-output', `consolidate-${workbooks}`) }) {
  if (!fs.existsSync(path.join(build, 'cli/consolidateWorker.js'))) throw new Error('run npm run build:node first');
  const files = await corpus(path.join(path.dirname(dir), `corpus-${members}`), workbooks, members);
  const inDir = path.join(dir, 'in');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(inDir, { recursive: true });
  for (const f of files) fs.linkSync(f, path.join(inDir, path.basename(f)));
  const list = path.join(dir, 'files.txt');
  fs.writeFileSync(list, fs.readdirSync(inDir).sort().map((f) => path.join(inDir, f)).join('\n'));
  const out = path.join(dir, 'tong-hop.xlsx');
  // Warm the page cache so both runs read the same way.
  for (const f of files) fs.readFileSync(f);
  const fl = timed(['--floor', list]);
  const c = timed(['--consolidate', inDir, out]);
  return {
    workbooks,
    members,
    wallMs: c.wallMs,
    perSecond: (workbooks * 1000) / c.wallMs,
    peakBytes: c.peakBytes,
    floorMs: fl.wallMs,
    floorPeakBytes: fl.peakBytes,
    ratio: c.wallMs / fl.wallMs,
    bytesPerWorkbook: Math.round(files.reduce((a, f) => a + fs.statSync(f).size, 0) / files.length),
  };
}

module.exports = { measureConsolidation };

async function main() {
  const argv = process.argv.slice(2);
  const done = () => process.stdout.write(`\n${JSON.stringify({ maxRss: process.resourceUsage().maxRSS * 1024 })}\n`);
  if (argv[0] === '--generate') return generate(argv[1], Number(argv[2]), Number(argv[3]), Number(argv[4]));
  if (argv[0] === '--floor') return floor(argv[1]).then(done);
  if (argv[0] === '--consolidate') return consolidateChild(argv[1], argv[2]).then(done);
  const opt = (name, fallback) => {
    const i = argv.indexOf(`--${name}`);
    return i < 0 ? fallback : argv[i + 1];
  };
  const counts = String(opt('workbooks', '200,2000')).split(',').map(Number);
  const members = Number(opt('members', 60));
  const base = path.resolve(opt('dir', path.join(root, 'bench-output')));
  const rows = [];
  for (const n of counts) {
    const r = await measureConsolidation({ workbooks: n, members, dir: path.join(base, `consolidate-${n}`) });
    rows.push(r);
    process.stdout.write(
      `${String(n).padStart(6)} workbooks × ${members} members: ${(r.wallMs / 1000).toFixed(2)} s, ${r.perSecond.toFixed(0)} workbooks/s, ` +
        `peak ${(r.peakBytes / 1048576).toFixed(0)} MB; floor ${(r.floorMs / 1000).toFixed(2)} s (peak ${(r.floorPeakBytes / 1048576).toFixed(0)} MB) → ratio ${r.ratio.toFixed(2)}× ` +
        `(${(r.bytesPerWorkbook / 1024).toFixed(0)} KB/workbook, ${os.cpus().length} cores)\n`,
    );
  }
  fs.mkdirSync(base, { recursive: true });
  fs.writeFileSync(path.join(base, 'bench-consolidate.json'), JSON.stringify(rows, null, 2));
}

if (require.main === module) {
  main().catch((e) => {
    process.stderr.write(`${e.stack || e}\n`);
    process.exit(1);
  });
}
