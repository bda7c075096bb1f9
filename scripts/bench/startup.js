#!/usr/bin/env node
/** Start-up of the light `dvht` commands against a bare `node -e 0` (fresh processes, median of `runs`). */
'use strict';
const path = require('path');
const { spawnSync } = require('child_process');
const { median } = require('./args');
const bin = path.join(__dirname, '..', '..', 'bin', 'dvht.js');

function wall(args) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { stdio: 'ignore' });
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} → ${r.status}`);
  return performance.now() - t0;
}

/** Interleaved (bare, presets, help) rounds, so a busier moment weighs on all three. */
function startup(runs = 7) {
  const s = { bare: [], presets: [], help: [] };
  for (let i = 0; i < runs; i++) {
    s.bare.push(wall(['-e', '0']));
    s.presets.push(wall([bin, 'presets']));
    s.help.push(wall([bin, '--help']));
  }
  return { samples: s, bareMs: median(s.bare), presetsMs: median(s.presets), helpMs: median(s.help) };
}

module.exports = { startup };

if (require.main === module) {
  require('./args').parseOptions(process.argv.slice(2), 'Usage: node scripts/bench/startup.js   (after npm run build:node)\n  Prints start-up medians of node -e 0, dvht presets and dvht --help as JSON.', {});
  process.stdout.write(`${JSON.stringify(startup(), null, 2)}\n`);
}
