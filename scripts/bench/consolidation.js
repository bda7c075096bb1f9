#!/usr/bin/env node
/**
 * Consolidation rows of `npm run bench`: scripts/bench-consolidate.js measures (one way to
 * generate the corpus, one floor); this shapes its result for the table.
 */
'use strict';
const path = require('path');
const root = path.join(__dirname, '..', '..');

async function consolidation(workbooks, outDir, pairs = 3) {
  const { measureConsolidation } = require(path.join(root, 'scripts', 'bench-consolidate.js'));
  return measureConsolidation({ workbooks, members: 60, pairs, dir: path.join(outDir, `consolidate-${workbooks}`) });
}

module.exports = { consolidation };

if (require.main === module) {
  const o = require('./args').parseOptions(process.argv.slice(2), 'Usage: node scripts/bench/consolidation.js [--workbooks N] [--pairs N]   (after npm run build:node)\n  Prints one consolidation measurement as JSON.', {
    workbooks: { value: 'N', help: 'unit workbooks (default 200)' },
    pairs: { value: 'N', help: 'floor/product pairs (default 3)' },
  });
  const { numbers } = require('./args');
  consolidation(numbers(o.get('workbooks') ?? '200', 'workbooks')[0], path.join(root, 'bench-output'), numbers(o.get('pairs') ?? '3', 'pairs')[0]).then((r) => process.stdout.write(`${JSON.stringify(r, null, 2)}\n`));
}
