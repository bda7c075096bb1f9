/**
 * Consolidation throughput. The consolidation use-case owns its measuring script
 * (scripts/bench-consolidate.js, issue 4); this only calls it, so there is one way to
 * generate the corpus and one definition of the floor.
 */
'use strict';
const fs = require('fs');
const path = require('path');
const root = path.join(__dirname, '..', '..');

async function consolidation(workbooks, outDir) {
  const script = path.join(root, 'scripts', 'bench-consolidate.js');
  if (!fs.existsSync(script)) return { missing: true, reason: 'chưa có' };
  const mod = require(script);
  const measure = mod.measureConsolidation ?? mod.measure ?? mod.default;
  if (typeof measure !== 'function') return { missing: true, reason: 'chưa có' };
  const r = await measure({ workbooks, members: 60, dir: path.join(outDir, `consolidate-${workbooks}`) });
  return { wallMs: r.wallMs, perSecond: r.perSecond ?? (workbooks * 1000) / r.wallMs, peakBytes: r.peakBytes ?? r.peakRssBytes, floorMs: r.floorMs };
}

module.exports = { consolidation };
