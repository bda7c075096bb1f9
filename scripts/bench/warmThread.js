#!/usr/bin/env node
/**
 * What one reading thread costs, apart from the run around it: the product's own reading task
 * (src/cli/consolidatePool.ts `readTask`: read, parse, evaluate, fingerprint, record as JSON)
 * and the floor's readFile (floor.js), each alone in a fresh process on one thread, over the
 * same files. The first `warm` files are timed apart from the rest, so the table can tell the
 * cost that is paid once per thread (V8 interpreting, then compiling, the code: every thread
 * pays it again) from the cost per file once the code is compiled. Pairs alternate
 * (floor first, then product first …), as in the other bench scripts.
 *
 *   node scripts/bench/warmThread.js --files FILE_LIST [--warm N] [--pairs N]
 */
'use strict';
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const { parseOptions, numbers, median, plainNodeEnv } = require('./args');

const root = path.join(__dirname, '..', '..');
const USAGE = `Usage: node scripts/bench/warmThread.js --files FILE_LIST [options]   (after npm run build:node)
  Times the product's reading task and the floor's, one thread each, in fresh processes:
  the first files (warm-up) apart from the rest (per file, compiled). Prints JSON.`;
const SPEC = {
  files: { value: 'FILE_LIST', help: 'the workbooks, one path a line' },
  warm: { value: 'N', help: 'files timed as the warm-up (default: a quarter of the list, at most 500)' },
  pairs: { value: 'N', help: 'floor/product pairs (default 3)' },
  role: { value: 'product|floor', help: '(child) run one side and print its timings' },
};

/** Child: one side over the files, on this thread. */
async function runRole(role, files, warm) {
  let readOne;
  if (role === 'product') {
    // The V8 flags a reading thread of `dvht consolidate` runs with (src/cli/main.ts), set before its code loads.
    require(path.join(root, 'build', 'node', 'cli', 'main')).tuneJit('consolidate');
    const { readTask } = require(path.join(root, 'build', 'node', 'cli', 'consolidatePool'));
    const { PartSender } = require(path.join(root, 'build', 'node', 'usecases', 'consolidate', 'poolParts'));
    // As a reading thread does (consolidateWorker.ts): a rule set's shared part is sent once.
    const parts = new PartSender();
    readOne = (file, i) => readTask({ index: i, task: { file, label: path.basename(file), limits: {}, lang: 'vi' } }, parts);
  } else {
    const { readFile } = require('./floor');
    readOne = (file) => readFile(file);
  }
  // CPU of the whole process too: V8 compiles on its own threads, which the 2 cores also run.
  const cpuMs = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const t0 = performance.now();
  const c0 = cpuMs();
  for (let i = 0; i < warm; i++) await readOne(files[i], i);
  const t1 = performance.now();
  const c1 = cpuMs();
  for (let i = warm; i < files.length; i++) await readOne(files[i], i);
  const t2 = performance.now();
  const c2 = cpuMs();
  const rest = files.length - warm;
  return { warmMs: t1 - t0, steadyUsPerFile: ((t2 - t1) * 1000) / rest, warmCpuMs: c1 - c0, steadyCpuUsPerFile: ((c2 - c1) * 1000) / rest };
}

function child(role, list, warm) {
  const r = spawnSync(process.execPath, [__filename, '--files', list, '--warm', String(warm), '--role', role], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`warmThread ${role} → ${r.status}\n${r.stderr}`);
  return JSON.parse(r.stdout);
}

/** `pairs` product/floor pairs over the list; medians, and what the warm-up costs beyond the files it reads. */
function measureWarmThread({ list, warm, pairs = 3 }) {
  plainNodeEnv();
  const files = fs.readFileSync(list, 'utf8').split('\n').filter(Boolean);
  const w = Math.max(1, Math.min(warm ?? Math.min(500, Math.floor(files.length / 4)), files.length - 1));
  const samples = [];
  for (let k = 0; k < pairs; k++) {
    const order = k % 2 ? ['product', 'floor'] : ['floor', 'product'];
    const s = {};
    for (const role of order) s[role] = child(role, list, w);
    samples.push(s);
  }
  const side = (role) => {
    const m = (key) => median(samples.map((s) => s[role][key]));
    const steady = m('steadyUsPerFile');
    const steadyCpu = m('steadyCpuUsPerFile');
    // The warm-up files would have cost `steady` each once compiled: the rest is paid once per thread.
    return {
      steadyUsPerFile: steady,
      warmMs: m('warmMs'),
      onceMs: Math.max(0, m('warmMs') - (w * steady) / 1000),
      steadyCpuUsPerFile: steadyCpu,
      onceCpuMs: Math.max(0, m('warmCpuMs') - (w * steadyCpu) / 1000),
    };
  };
  const product = side('product');
  const floor = side('floor');
  return { files: files.length, warm: w, samples, product, floor, steadyRatio: median(samples.map((s) => s.product.steadyUsPerFile / s.floor.steadyUsPerFile)) };
}

/** The bench's table: per file once compiled, the warm-up, and what the warm-up costs beyond its files. */
function warmThreadTable(r) {
  const { render } = require('./table');
  const us = (n) => `${Math.round(n).toLocaleString('en-US')} µs`;
  const ms = (n) => `${Math.round(n).toLocaleString('en-US')} ms`;
  const n = r.files.toLocaleString('en-US');
  return render(['Một luồng đọc / One reading thread (median of ' + r.samples.length + ' pairs)', 'consolidate', 'floor', 'consolidate / floor', 'Ghi chú / Note'], [
    { label: `mỗi tệp sau khởi động / per file after the warm-up (tệp / files ${r.warm + 1}–${n})`, cells: [{ text: us(r.product.steadyUsPerFile) }, { text: us(r.floor.steadyUsPerFile) }, { value: r.steadyRatio, kind: 'ratio' }], target: 'median of pair ratios' },
    { label: `khởi động / warm-up (${r.warm} tệp đầu / first files)`, cells: [{ text: ms(r.product.warmMs) }, { text: ms(r.floor.warmMs) }, { value: r.product.warmMs / r.floor.warmMs, kind: 'ratio' }], target: '' },
    { label: 'trả một lần mỗi luồng / paid once per thread', cells: [{ text: ms(r.product.onceMs) }, { text: ms(r.floor.onceMs) }, null], target: 'warm-up − its files × per file' },
    { label: 'CPU mỗi tệp sau khởi động / CPU per file after the warm-up', cells: [{ text: us(r.product.steadyCpuUsPerFile) }, { text: us(r.floor.steadyCpuUsPerFile) }, { value: r.product.steadyCpuUsPerFile / r.floor.steadyCpuUsPerFile, kind: 'ratio' }], target: 'all threads of the process' },
    { label: 'CPU trả một lần mỗi luồng / CPU paid once per thread', cells: [{ text: ms(r.product.onceCpuMs) }, { text: ms(r.floor.onceCpuMs) }, null], target: "with V8's compiling threads" },
  ]);
}

if (require.main === module) {
  const o = parseOptions(process.argv.slice(2), USAGE, SPEC);
  const list = o.get('files');
  if (!list) {
    process.stderr.write(`--files is required\n${USAGE}\n`);
    process.exit(2);
  }
  const role = o.get('role');
  if (role) {
    if (role !== 'product' && role !== 'floor') {
      process.stderr.write('--role: product or floor\n');
      process.exit(2);
    }
    const files = fs.readFileSync(list, 'utf8').split('\n').filter(Boolean);
    runRole(role, files, numbers(o.get('warm'), 'warm')[0]).then((r) => process.stdout.write(`${JSON.stringify(r)}\n`));
  } else {
    const warm = o.has('warm') ? numbers(o.get('warm'), 'warm')[0] : undefined;
    const pairs = o.has('pairs') ? numbers(o.get('pairs'), 'pairs')[0] : 3;
    process.stdout.write(`${JSON.stringify(measureWarmThread({ list, warm, pairs }), null, 2)}\n`);
  }
}

module.exports = { measureWarmThread, warmThreadTable };
