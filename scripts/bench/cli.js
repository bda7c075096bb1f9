/** `dvht evaluate` wall time on a generated workbook (the compiled CLI, a fresh process). */
'use strict';
const path = require('path');
const fs = require('fs');
const { spawnSync } = require('child_process');
const root = path.join(__dirname, '..', '..');
const bin = path.join(root, 'bin', 'dvht.js');

function dvht(args) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`dvht ${args.join(' ')} → ${r.status}\n${r.stderr}`);
  return ms;
}

function cliEvaluate(n, dir) {
  const file = path.join(dir, `cli-${n}.xlsx`);
  fs.rmSync(file, { force: true });
  const initMs = dvht(['init', '-o', file, '--preset', 'tt24-co-so-md1', '--unit', 'Trường THCS Bench', '--type', 'thcs', '--sample', '--members', String(n)]);
  const evaluateMs = dvht(['evaluate', file]);
  return { initMs, evaluateMs, bytes: fs.statSync(file).size };
}

module.exports = { cliEvaluate };
