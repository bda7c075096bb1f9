/**
 * Round trips inside Excel: each command through OfficeWorkbook on the counting fake of the
 * Excel API (50 ms per sync), and a naive evaluate written here — one sync per member row —
 * as the baseline the design is measured against.
 */
'use strict';
// Run on its own: --help, options refused, the TypeScript sources made loadable.
const standaloneOptions = require.main === module ? require('./args').standalone('Usage: node scripts/bench/excel.js [--members N]\n  Round trips and request sizes inside Excel (the counting fake; sizes are its estimate) as JSON.', { members: { value: 'N', help: 'members (default 1000)' } }) : null;
const path = require('path');
const root = path.join(__dirname, '..', '..');
const src = (p) => require(path.join(root, 'src', p));

const { createFakeExcel } = require(path.join(root, 'test', 'support', 'fakeExcel.ts'));
const { OfficeWorkbook } = src('workbook/office/officeWorkbook.ts');
const { createSheets } = src('usecases/createSheets.ts');
const { evaluateWorkbook } = src('usecases/evaluate.ts');
const { sampleUnit } = src('usecases/sampleData.ts');
const { SHEETS } = src('sheets/names.ts');
const { MEMBER_FIELDS } = src('domain/memberFields.ts');
const { readYesNo } = src('domain/values.ts');
const { columnLetter } = src('workbook/a1.ts');
const { RULE_DEFAULTS } = src('domain/rules/defaults.ts');
const { RESULT_TEXT } = src('sheets/names.ts');

const LATENCY_MS = 50;
const NOW = new Date(Date.UTC(2025, 11, 20));
const SOURCE_SHEET = 'DS CB-GV-NV';

function importModule() {
  try {
    return src('usecases/import/importMembers.ts');
  } catch {
    return null;
  }
}

async function measure(excel, work) {
  excel.reset();
  const t0 = performance.now();
  const result = await work();
  const ms = performance.now() - t0;
  const s = excel.stats;
  return {
    syncs: s.syncs,
    largestRequestBytes: s.largestRequestBytes,
    totalBytes: s.requests.reduce((a, b) => a + b, 0),
    rejected: s.rejected.length,
    ms,
    result,
  };
}

/** A school's own list as it arrives: a title block, the header, the rows as plain values. */
function sourceRows(members) {
  const rows = [['TRƯỜNG THCS NGUYỄN DU'], ['DANH SÁCH CÁN BỘ, GIÁO VIÊN, NHÂN VIÊN NĂM 2025'], [], MEMBER_FIELDS.map((f) => f.header)];
  for (const m of members) rows.push(m.map((v) => (v === null || v === undefined ? '' : v)));
  return rows;
}

async function commands(n) {
  const unit = sampleUnit({ members: n, seed: 3 });
  const excel = createFakeExcel({ latencyMs: LATENCY_MS, sheets: { [SOURCE_SHEET]: sourceRows(unit.members) } });
  const wb = new OfficeWorkbook(excel.run, excel.supports);
  const out = {};
  out.create = await measure(excel, () => createSheets(wb, unit));
  out.evaluate = await measure(excel, () => evaluateWorkbook(wb, { summary: false, now: NOW }));
  if (!out.evaluate.result.ok) throw new Error(`evaluate failed at ${n} members: ${out.evaluate.result.problems.map((p) => p.message).join('; ')}`);
  out.summary = await measure(excel, () => evaluateWorkbook(wb, { summary: true, now: NOW }));

  const imp = importModule();
  if (imp) {
    // Into an empty members table, so every source row is added.
    const target = createFakeExcel({ latencyMs: LATENCY_MS, sheets: { [SOURCE_SHEET]: sourceRows(unit.members) } });
    const twb = new OfficeWorkbook(target.run, target.supports);
    await createSheets(twb, { ...unit, members: [] });
    out.import = await measure(target, () => imp.applyImport(twb, { sheet: SOURCE_SHEET }, { now: NOW }));
    const r = out.import.result;
    if (!r.applied) throw new Error(`import not applied at ${n} members: ${r.blocking.map((b) => b.message).join('; ')}`);
    out.import.rows = r.diff.added.length + r.diff.updated.length;
    // Next year's import: the saved mapping sheet now exists.
    out.reimport = await measure(target, () => imp.applyImport(twb, { sheet: SOURCE_SHEET }, { now: NOW }));
  } else {
    out.import = null;
    out.reimport = null;
  }
  for (const k of Object.keys(out)) if (out[k]) delete out[k].result;
  return out;
}

/**
 * The baseline: what an add-in written without batching does — read a member row, sync,
 * compute, write its results, next row. Run on the same fake without the sleep; its
 * simulated time adds 50 ms per sync to the measured compute time.
 */
async function naiveEvaluate(n) {
  const unit = sampleUnit({ members: n, seed: 3 });
  const excel = createFakeExcel();
  const wb = new OfficeWorkbook(excel.run, excel.supports);
  await createSheets(wb, unit);
  const yesCols = MEMBER_FIELDS.map((f, i) => (f.kind === 'yesno' ? i : -1)).filter((i) => i >= 0);
  const lastCol = columnLetter(MEMBER_FIELDS.length);
  const outCol = columnLetter(MEMBER_FIELDS.length + 1);
  const outEnd = columnLetter(MEMBER_FIELDS.length + 4);
  excel.reset();
  const t0 = performance.now();
  await excel.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem(SHEETS.members);
    const used = ws.getUsedRangeOrNullObject(true);
    used.load('rowCount');
    await ctx.sync();
    // The header is the first row naming the name column.
    let header = 0;
    for (let r = 1; r <= Math.min(used.rowCount, 20) && !header; r++) {
      const row = ws.getRange(`A${r}:${lastCol}${r}`);
      row.load('values');
      await ctx.sync();
      if (row.values[0].includes(MEMBER_FIELDS[1].header)) header = r;
    }
    for (let r = header + 1; r <= used.rowCount; r++) {
      const row = ws.getRange(`A${r}:${lastCol}${r}`);
      row.load('values');
      await ctx.sync();
      const v = row.values[0];
      if (!v[1]) continue;
      const met = yesCols.filter((i) => readYesNo(v[i] === '' ? null : v[i]) === 'yes').length;
      const score = met / yesCols.length;
      ws.getRange(`${outCol}${r}:${outEnd}${r}`).values = [[met, yesCols.length, score, score >= RULE_DEFAULTS.personalTarget ? RESULT_TEXT.memberReaches : RESULT_TEXT.memberMisses]];
    }
    await ctx.sync();
  });
  const ms = performance.now() - t0;
  return { syncs: excel.stats.syncs, largestRequestBytes: excel.stats.largestRequestBytes, computeMs: ms, simulatedMs: ms + excel.stats.syncs * LATENCY_MS };
}

module.exports = { commands, naiveEvaluate, LATENCY_MS, hasImport: () => importModule() !== null };

if (standaloneOptions) {
  const n = require('./args').numbers(standaloneOptions.get('members') ?? '1000', 'members')[0];
  Promise.all([commands(n), naiveEvaluate(n)]).then(([c, naive]) => process.stdout.write(`${JSON.stringify({ commands: c, naive }, null, 2)}\n`));
}
