#!/usr/bin/env node
/**
 * `npm run bench`: how many round trips each command makes inside Excel (counting fake,
 * 50 ms per sync) beside a naive one-sync-per-row evaluate, engine time (evaluate; import
 * first, again and CDHT-only), CLI wall time,
 * and consolidation throughput against its floor. Prints one table, writes
 * bench-output/bench.json. Options: --members 100,1000 --workbooks 200 --skip-cli
 * --skip-consolidation (smaller runs while working; the README table is a full run).
 */
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execSync } = require('child_process');

const root = path.join(__dirname, '..');
const outDir = path.join(root, 'bench-output');

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  return process.argv[i + 1].split(',').map(Number);
}
const flag = (name) => process.argv.includes(`--${name}`);

const MEMBERS = option('members', [100, 1000, 5000, 20000]);
const WORKBOOKS = option('workbooks', [200, 2000]);
const FOUR_MB = 4 * 1024 * 1024;
const GB = 1024 * 1024 * 1024;

async function main() {
  fs.mkdirSync(outDir, { recursive: true });
  process.stderr.write('build:node …\n');
  execSync('npm run -s build:node', { cwd: root, stdio: 'inherit' });
  require('./bench/tsHook').register();
  const excel = require('./bench/excel');
  const { engineTime } = require('./bench/engine');
  const { importTime } = require('./bench/importTime');
  const { cliEvaluate } = require('./bench/cli');
  const { consolidation } = require('./bench/consolidation');

  const results = { machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? '', node: process.version, date: new Date().toISOString() }, members: {}, consolidation: {} };
  for (const n of MEMBERS) {
    process.stderr.write(`${n} members: Excel fake …\n`);
    const r = { commands: await excel.commands(n), naive: await excel.naiveEvaluate(n), engine: await engineTime(n), importTime: await importTime(n) };
    if (!flag('skip-cli')) {
      process.stderr.write(`${n} members: CLI …\n`);
      r.cli = cliEvaluate(n, outDir);
    }
    results.members[n] = r;
  }
  if (!flag('skip-consolidation')) {
    for (const w of WORKBOOKS) {
      process.stderr.write(`${w} workbooks: consolidation …\n`);
      results.consolidation[w] = await consolidation(w, outDir);
    }
  }
  const table = buildTable(results, excel.hasImport());
  results.table = table;
  fs.writeFileSync(path.join(outDir, 'bench.json'), JSON.stringify(results, null, 2));
  process.stdout.write(`${table}\n\nbench-output/bench.json · ${results.machine.cpus} × ${results.machine.cpu} · Node ${results.machine.node}\n`);
}

/** Syncs allowed: 2 up to 5,000 members, then one more per ~4 MB sent and received. */
function allowedSyncs(n, totalBytes) {
  return n <= 5000 ? 2 : 2 + Math.floor(totalBytes / FOUR_MB);
}

function buildTable(results, hasImport) {
  const { render } = require('./bench/table');
  const sizes = Object.keys(results.members).map(Number);
  const per = (f) => sizes.map((n) => f(results.members[n], n));
  const rows = [];
  const cmd = (key, label) => {
    rows.push({
      label: `${label}: context.sync`,
      cells: per((r, n) => (r.commands[key] ? { value: r.commands[key].syncs, kind: 'count', ok: r.commands[key].syncs <= allowedSyncs(n, r.commands[key].totalBytes) && r.commands[key].rejected === 0 } : { text: 'chưa có' })),
      target: '≤ 2 (≤ 5.000 TV); +1 / ~4 MB',
    });
    rows.push({
      label: `${label}: yêu cầu lớn nhất / largest request`,
      cells: per((r) => (r.commands[key] ? { value: r.commands[key].largestRequestBytes, kind: 'bytes', ok: r.commands[key].largestRequestBytes <= FOUR_MB } : { text: 'chưa có' })),
      target: '≤ 4 MB',
    });
  };
  cmd('create', 'create');
  cmd('evaluate', 'evaluate');
  cmd('summary', 'summary');
  cmd('import', hasImport ? 'import (lần đầu / first)' : 'import');
  if (hasImport) {
    rows.push({
      label: 'import (lần sau / re-import): context.sync',
      cells: per((r, n) => ({ value: r.commands.reimport.syncs, kind: 'count', ok: r.commands.reimport.syncs <= allowedSyncs(n, r.commands.reimport.totalBytes) })),
      target: '≤ 2 (≤ 5.000 TV); +1 / ~4 MB',
    });
  }
  rows.push({ label: 'evaluate: thời gian mô phỏng / simulated (50 ms/sync)', cells: per((r) => ({ value: r.commands.evaluate.ms, kind: 'ms' })), target: '' });
  rows.push({ label: 'naive 1 sync/hàng: context.sync', cells: per((r) => ({ value: r.naive.syncs, kind: 'count' })), target: 'baseline' });
  rows.push({ label: 'naive 1 sync/hàng: thời gian mô phỏng / simulated', cells: per((r) => ({ value: r.naive.simulatedMs, kind: 'ms' })), target: 'baseline' });
  rows.push({ label: 'engine: đọc bảng / parse', cells: per((r) => ({ value: r.engine.parseMs, kind: 'ms' })), target: '' });
  rows.push({ label: 'engine: evaluate', cells: per((r) => ({ value: r.engine.evaluateMs, kind: 'ms' })), target: '' });
  // Import in the engine (in-memory workbook): linear, so 20,000 members stay under a second.
  const underSecond = (ms, n) => (n === 20000 ? { ok: ms < 1000 } : {});
  rows.push({ label: 'engine: import (lần đầu / first)', cells: per((r) => ({ value: r.importTime.firstMs, kind: 'ms' })), target: '' });
  rows.push({ label: 'engine: import (lần sau / again)', cells: per((r, n) => ({ value: r.importTime.againMs, kind: 'ms', ...underSecond(r.importTime.againMs, n) })), target: '< 1 s @ 20.000' });
  rows.push({ label: 'engine: import chỉ CDHT / CDHT-only', cells: per((r, n) => ({ value: r.importTime.cdhtMs, kind: 'ms', ...underSecond(r.importTime.cdhtMs, n) })), target: '< 1 s @ 20.000' });
  if (sizes.some((n) => results.members[n].cli)) {
    rows.push({ label: 'CLI init --sample (tham khảo / reference)', cells: per((r) => (r.cli ? { value: r.cli.initMs, kind: 'ms' } : null)), target: '' });
    rows.push({ label: 'CLI evaluate: thời gian thực / wall', cells: per((r, n) => (r.cli ? { value: r.cli.evaluateMs, kind: 'ms', ...(n === 5000 ? { ok: r.cli.evaluateMs <= 1000 } : {}) } : null)), target: '≤ 1 s @ 5.000' });
  }
  const header = ['Đo / Measure', ...sizes.map((n) => `${n.toLocaleString('en-US')} TV`), 'Mục tiêu / Target'];
  let table = render(header, rows);

  const ws = Object.keys(results.consolidation).map(Number);
  if (ws.length) {
    const c = (f) => ws.map((w) => f(results.consolidation[w], w));
    const missing = (x) => !x || x.missing;
    const crow = [
      { label: 'consolidate: thời gian / wall', cells: c((x) => (missing(x) ? { text: x?.reason ?? 'chưa có' } : { value: x.wallMs, kind: 'ms' })), target: '' },
      { label: 'consolidate: tệp/giây / workbooks/s', cells: c((x) => (missing(x) ? { text: 'chưa có' } : { value: x.perSecond, kind: 'rate', ok: x.perSecond >= 600 })), target: '≥ 600/s' },
      { label: 'consolidate: bộ nhớ đỉnh / peak memory', cells: c((x, w) => (missing(x) ? { text: 'chưa có' } : { value: x.peakBytes, kind: 'bytes', ...(w >= 2000 ? { ok: x.peakBytes <= GB } : {}) })), target: '≤ 1 GB @ 2.000' },
      { label: 'floor (unzip + XML parse): thời gian', cells: c((x) => (missing(x) ? { text: 'chưa có' } : { value: x.floorMs, kind: 'ms' })), target: '' },
      { label: 'consolidate / floor', cells: c((x) => (missing(x) ? { text: 'chưa có' } : { value: x.wallMs / x.floorMs, kind: 'ratio', ok: x.wallMs / x.floorMs <= 1.5 })), target: '≤ 1.5×' },
    ];
    table += `\n\n${render(['Tổng hợp / Consolidation', ...ws.map((w) => `${w.toLocaleString('en-US')} tệp`), 'Mục tiêu / Target'], crow)}`;
  }
  return table;
}

main().catch((e) => {
  process.stderr.write(`${e && e.stack ? e.stack : String(e)}\n`);
  process.exit(1);
});
