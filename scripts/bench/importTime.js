/**
 * Import wall time in the engine: applyImport on an in-memory workbook (values only, no
 * Excel round trips), so what is timed is reading the snapshot, matching and planning.
 * First import into an empty members sheet, the same list again (everything matched),
 * and a names + CDHT list merged into the full sheet (the CDHT-only mode).
 */
'use strict';
// Run on its own: --help, options refused, the TypeScript sources made loadable.
const standaloneOptions = require.main === module ? require('./args').standalone('Usage: node scripts/bench/importTime.js [--members N]\n  Import time in the engine (first, again, CDHT-only) as JSON.', { members: { value: 'N', help: 'members (default 1000)' } }) : null;
const path = require('path');
const root = path.join(__dirname, '..', '..');
const src = (p) => require(path.join(root, 'src', p));

const { MemoryWorkbook } = require(path.join(root, 'test', 'property', 'memoryWorkbook.ts'));
const { createSheets } = src('usecases/createSheets.ts');
const { applyImport } = src('usecases/import/importMembers.ts');
const { sampleUnit } = src('usecases/sampleData.ts');
const { MEMBER_FIELDS } = src('domain/memberFields.ts');

const NOW = new Date(Date.UTC(2025, 11, 20));
const SOURCE = 'DS CB-GV-NV';
const CDHT = 'CDHT 2025';

const blank = (v) => (v === null || v === undefined ? '' : v);

/** A school's list: a title block, the header, the rows. */
function staffList(members) {
  return [['TRƯỜNG THCS NGUYỄN DU'], ['DANH SÁCH CÁN BỘ, GIÁO VIÊN, NHÂN VIÊN NĂM 2025'], [], MEMBER_FIELDS.map((f) => f.header), ...members.map((m) => m.map(blank))];
}

/** The CDHT list a ward sends back: names (NFD, upper case for some) and a new score. */
function cdhtList(members) {
  const at = (key) => MEMBER_FIELDS.findIndex((f) => f.key === key);
  const rows = [['KẾT QUẢ ĐÁNH GIÁ CÔNG DÂN HỌC TẬP'], [], ['STT', 'Họ và tên', 'Điểm CDHT', 'Danh hiệu CDHT']];
  members.forEach((m, i) => {
    const name = String(m[at('name')]);
    const score = Math.min(100, Number(m[at('cdhtScore')]) + (i % 3));
    rows.push([i + 1, i % 4 === 0 ? name.normalize('NFD') : i % 4 === 1 ? name.toUpperCase() : name, score, score >= 80 ? 'Đạt' : 'Chưa đạt']);
  });
  return rows;
}

/** Wall time, and CPU time of this process (on a busy machine wall time also counts waiting). */
async function timed(work) {
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  const result = await work();
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - t0, cpuMs: (used.user + used.system) / 1000, result };
}

function check(r, what, n) {
  if (!r.applied && !(r.ok && r.written === 0)) throw new Error(`import ${what} failed at ${n} members: ${r.blocking.map((b) => b.message).join('; ')}`);
}

async function importTime(n) {
  const unit = sampleUnit({ members: n, seed: 3 });
  const wb = new MemoryWorkbook({ [SOURCE]: staffList(unit.members), [CDHT]: cdhtList(unit.members) });
  await createSheets(wb, { ...unit, members: [] });
  const first = await timed(() => applyImport(wb, { sheet: SOURCE }, { now: NOW }));
  check(first.result, 'first', n);
  const again = await timed(() => applyImport(wb, { sheet: SOURCE }, { now: NOW }));
  check(again.result, 'again', n);
  const cdht = await timed(() => applyImport(wb, { sheet: CDHT }, { mode: 'cdht', now: NOW }));
  check(cdht.result, 'cdht', n);
  return {
    firstMs: first.ms,
    againMs: again.ms,
    cdhtMs: cdht.ms,
    cpuMs: { first: first.cpuMs, again: again.cpuMs, cdht: cdht.cpuMs },
    added: first.result.diff.added.length,
    unchangedAgain: again.result.diff.unchanged.length,
    cdhtUpdated: cdht.result.diff.updated.length,
    cdhtUnmatched: cdht.result.diff.unmatched.length,
  };
}

module.exports = { importTime };

if (standaloneOptions) {
  importTime(require('./args').numbers(standaloneOptions.get('members') ?? '1000', 'members')[0]).then((r) => process.stdout.write(`${JSON.stringify(r)}\n`));
}
