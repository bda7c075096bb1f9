/** Engine time: parse a unit snapshot (already in memory) and run the domain engine on it. */
'use strict';
// Run on its own: --help, options refused, the TypeScript sources made loadable.
const standaloneOptions = require.main === module ? require('./args').standalone('Usage: node scripts/bench/engine.js [--members N]\n  Engine time (parse a unit snapshot, evaluate) as JSON.', { members: { value: 'N', help: 'members (default 1000)' } }) : null;
const path = require('path');
const root = path.join(__dirname, '..', '..');
const src = (p) => require(path.join(root, 'src', p));

const { XlsxWorkbook } = src('workbook/xlsx/xlsxWorkbook.ts');
const { NODE_XLSX } = src('workbook/xlsx/files.ts');
const { createSheets } = src('usecases/createSheets.ts');
const { sampleUnit } = src('usecases/sampleData.ts');
const { evaluate } = src('domain/evaluation.ts');
const { evaluationInput, parseUnitWorkbook, UNIT_WORKBOOK_SHEETS } = src('sheets/unitWorkbook.ts');

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function engineTime(n, runs = 5) {
  const file = await XlsxWorkbook.create('bench.xlsx', NODE_XLSX);
  await createSheets(file, sampleUnit({ members: n, seed: 3 }));
  const snapshot = await file.batch((s) => s.read(UNIT_WORKBOOK_SHEETS));
  const parse = [];
  const engine = [];
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    const parsed = parseUnitWorkbook(snapshot);
    parse.push(performance.now() - t);
    if (!parsed.ok) throw new Error('sample workbook must parse');
    t = performance.now();
    evaluate(evaluationInput(parsed.workbook));
    engine.push(performance.now() - t);
  }
  return { parseMs: median(parse), evaluateMs: median(engine) };
}

module.exports = { engineTime };

if (standaloneOptions) {
  engineTime(require('./args').numbers(standaloneOptions.get('members') ?? '1000', 'members')[0]).then((r) => process.stdout.write(`${JSON.stringify(r)}\n`));
}
