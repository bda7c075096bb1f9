/**
 * Requirements typed in "Tiêu chí" as a user types them: 90, 90%, 0.9 are 90%; anything over
 * 100% is refused at its cell — also 150% typed into the sheet's percent-formatted cell,
 * which Excel stores as 1.5 (it must not be read as 1.5%). A share stored as text ("90%" in a
 * cell formatted as Text) is refused too: the workbook's own formulas read text as 0, and the
 * sheet must not say the opposite of the engine.
 */
import { createSheets } from '../../src/usecases/createSheets';
import { evaluateWorkbook, rewordResult } from '../../src/usecases/evaluate';
import { sampleUnit } from '../../src/usecases/sampleData';
import { COL, SETTINGS } from '../../src/sheets/criteriaSheet';
import { RULE_DEFAULTS } from '../../src/domain/rules/defaults';
import { SHEETS } from '../../src/sheets/names';
import { cellAddress } from '../../src/workbook/a1';
import type { CellValue } from '../../src/workbook/port';
import { MemoryWorkbook } from '../property/memoryWorkbook';

const NOW = new Date(Date.UTC(2025, 11, 20));

async function withRequirement(code: string, value: CellValue): Promise<{ wb: MemoryWorkbook; cell: string }> {
  const wb = new MemoryWorkbook();
  await createSheets(wb, sampleUnit({ members: 20 }));
  const rows = wb.rows(SHEETS.criteria);
  const r = rows.findIndex((row) => row[0] === code);
  rows[r]![COL.threshold - 1] = value;
  return { wb, cell: cellAddress(r + 1, COL.threshold) };
}

describe('requirement of an indicator in "Tiêu chí"', () => {
  it.each([
    [0.9, 0.9],
    [90, 0.9],
    [1, 1],
    [100, 1],
    [0.5, 0.5],
    [50, 0.5],
    [12.5, 0.125],
  ])('%p is read as %p', async (typed, required) => {
    const { wb } = await withRequirement('2.1', typed);
    const r = await evaluateWorkbook(wb, { now: NOW, dryRun: true });
    if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
    expect(r.report.indicators.find((i) => i.code === '2.1')!.required).toBe(required);
  });

  it.each([
    ['150% typed in the percent cell (stored 1.5)', 1.5, '150%'],
    ['150 typed', 150, '150%'],
    ['"150%" as text', '150%', '150%'],
    ['110% typed in the percent cell (stored 1.1)', 1.1, '110%'],
    ['999% typed in the percent cell (stored 9.99)', 9.99, '999%'],
  ])('%s is refused at its cell, in Vietnamese, saying what to type', async (_label, typed, shown) => {
    const { wb, cell } = await withRequirement('2.1', typed);
    const r = await evaluateWorkbook(wb, { now: NOW, dryRun: true });
    expect(r.ok).toBe(false);
    const p = r.problems.find((x) => x.code === 'invalidThreshold')!;
    expect(p).toMatchObject({ severity: 'error', sheet: SHEETS.criteria, cell });
    expect(p.message).toContain(`'${SHEETS.criteria}'!${cell}`);
    expect(p.message).toContain('2.1');
    expect(p.message).toContain(shown);
    expect(p.message).toMatch(/100%/);
    expect(p.message).toMatch(/ví dụ 90%/);
  });

  it.each(['90%', '90', '0.9'])('%p stored as text is refused at its cell: the sheet formulas would read it as 0', async (typed) => {
    const { wb, cell } = await withRequirement('2.1', typed);
    const r = await evaluateWorkbook(wb, { now: NOW, dryRun: true });
    expect(r.ok).toBe(false);
    const p = r.problems.find((x) => x.code === 'thresholdAsText')!;
    expect(p).toMatchObject({ severity: 'error', sheet: SHEETS.criteria, cell });
    expect(p.message).toContain(`'${SHEETS.criteria}'!${cell}`);
    expect(p.message).toContain(`“${typed}”`);
    expect(p.message).toMatch(/chữ/);
    expect(p.message).toMatch(/Phần trăm/);
  });

  it('says the same in English', async () => {
    const { wb } = await withRequirement('2.1', 1.5);
    const r = await evaluateWorkbook(wb, { now: NOW, dryRun: true, lang: 'en' });
    const p = r.problems.find((x) => x.code === 'invalidThreshold')!;
    expect(p.message).toContain('150%');
    expect(p.message).toMatch(/100%/);
  });
});

describe('personal target in "Tiêu chí"', () => {
  const DEFAULT_TARGET = `${Math.round(RULE_DEFAULTS.personalTarget * 1000) / 10}%`;
  async function withTarget(value: CellValue): Promise<{ wb: MemoryWorkbook; cell: string }> {
    const wb = new MemoryWorkbook();
    await createSheets(wb, sampleUnit({ members: 20 }));
    const rows = wb.rows(SHEETS.criteria);
    const r = rows.findIndex((row) => row[1] === SETTINGS.personalTarget);
    rows[r]![2] = value;
    return { wb, cell: cellAddress(r + 1, 3) };
  }
  const writtenTarget = (wb: MemoryWorkbook) => {
    const plan = wb.plans.filter((p) => p.sheet === SHEETS.lists).pop()!;
    return plan.cells!.find((b) => b.at === 'F1')!.rows[0]![0];
  };

  it('80% typed is the target the engine and the written formula use', async () => {
    const { wb } = await withTarget(0.8);
    const r = await evaluateWorkbook(wb, { now: NOW });
    if (!r.ok) throw new Error('must evaluate');
    expect(r.evaluation.members.every((m) => m.reachesTarget === (m.score !== null && m.score >= 0.8))).toBe(true);
    expect(writtenTarget(wb)).toMatchObject({ formula: expect.stringContaining("'Tiêu chí'!$C$"), result: 0.8 });
  });

  it.each([
    [1.5, '150%'],
    [1.2, '120%'],
    [-0.1, '-10%'],
  ])('%p typed is refused at its cell, saying why and what is used instead; engine and sheet both use the rule set default', async (typed, shown) => {
    const { wb, cell } = await withTarget(typed);
    const r = await evaluateWorkbook(wb, { now: NOW });
    if (!r.ok) throw new Error('a refused setting is a warning, not a stop');
    const p = r.problems.find((x) => x.code === 'invalidSetting')!;
    expect(p).toMatchObject({ severity: 'warning', sheet: SHEETS.criteria, cell });
    expect(p.message).toContain(`'${SHEETS.criteria}'!${cell}`);
    expect(p.message).toContain(`“${shown}”`);
    // Why: a share is 0%–100%; what instead: the default, by its value.
    expect(p.message).toMatch(/từ 0% đến 100%/);
    expect(p.message).toContain(`tạm dùng ${DEFAULT_TARGET}`);
    const en = rewordResult(r, 'en').problems.find((x) => x.code === 'invalidSetting')!;
    expect(en.message).toMatch(/from 0% to 100%/);
    expect(en.message).toContain(`uses ${DEFAULT_TARGET}`);
    expect(r.evaluation.members.every((m) => m.reachesTarget === (m.score !== null && m.score >= RULE_DEFAULTS.personalTarget))).toBe(true);
    // Excel would read 1.5 as 1.5% through the formula: the default is written instead.
    expect(writtenTarget(wb)).toBe(RULE_DEFAULTS.personalTarget);
  });

  it('"80%" stored as text is refused at its cell (the formula would read 0); engine and sheet both use the default', async () => {
    const { wb, cell } = await withTarget('80%');
    const r = await evaluateWorkbook(wb, { now: NOW });
    if (!r.ok) throw new Error('a refused setting is a warning, not a stop');
    const p = r.problems.find((x) => x.code === 'settingAsText')!;
    expect(p).toMatchObject({ severity: 'warning', sheet: SHEETS.criteria, cell });
    expect(p.message).toContain('“80%”');
    expect(p.message).toMatch(/chữ/);
    expect(p.message).toContain(`tạm dùng ${DEFAULT_TARGET}`);
    expect(r.evaluation.members.every((m) => m.reachesTarget === (m.score !== null && m.score >= RULE_DEFAULTS.personalTarget))).toBe(true);
    expect(writtenTarget(wb)).toBe(RULE_DEFAULTS.personalTarget);
  });
});

describe('a condition in "Tiêu chí" naming a column the members sheet lacks', () => {
  async function withCondition(code: string, condition: string): Promise<{ wb: MemoryWorkbook; cell: string }> {
    const wb = new MemoryWorkbook();
    await createSheets(wb, sampleUnit({ members: 20 }));
    const rows = wb.rows(SHEETS.criteria);
    const r = rows.findIndex((row) => row[0] === code);
    rows[r]![COL.condition - 1] = condition;
    return { wb, cell: cellAddress(r + 1, COL.condition) };
  }

  it('is said at the condition’s cell, naming the column and what to do', async () => {
    const { wb, cell } = await withCondition('3.2a', '[Danh hiệu CDHTT] = có hoặc [Điểm CDHT] >= 80');
    const r = await evaluateWorkbook(wb, { now: NOW, dryRun: true });
    const p = r.problems.find((x) => x.code === 'unknownColumn')!;
    expect(p).toMatchObject({ severity: 'error', sheet: SHEETS.criteria, cell });
    expect(p.message).toContain(`'${SHEETS.criteria}'!${cell}`);
    expect(p.message).toContain('3.2a');
    expect(p.message).toContain('“Danh hiệu CDHTT”');
    expect(p.message).toContain(`“${SHEETS.members}”`);
    // What to do: correct the name in the condition, or add the column.
    expect(p.message).toMatch(/[Ss]ửa tên cột/);
    expect(p.message).toMatch(/thêm cột/);
    const en = rewordResult(r, 'en').problems.find((x) => x.code === 'unknownColumn')!;
    expect(en.message).toContain(`'${SHEETS.criteria}'!${cell}`);
  });

  it('an unreadable condition is said at its cell too', async () => {
    const { wb, cell } = await withCondition('2.1', '[Chấp hành kỷ luật lao động] = "Đạt"');
    const r = await evaluateWorkbook(wb, { now: NOW, dryRun: true });
    expect(r.problems.find((x) => x.code === 'conditionSyntax')).toMatchObject({ severity: 'error', sheet: SHEETS.criteria, cell });
  });
});
