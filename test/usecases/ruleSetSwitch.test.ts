/**
 * switchRuleSet on the tests' ExcelJS workbook: which answers follow their code and which are
 * dropped (and why), what a dry run (the pane's confirmation) says without writing, and that a
 * workbook switched twice without an evaluation between is not said to have lost results.
 */
import { ExcelJsWorkbook } from '../support/exceljs/excelJsWorkbook';
import { createSheets } from '../../src/usecases/createSheets';
import { evaluateWorkbook } from '../../src/usecases/evaluate';
import { switchRuleSet } from '../../src/usecases/ruleSetSwitch';
import { sampleUnit } from '../../src/usecases/sampleData';
import { findPreset } from '../../src/domain/rules/presets';
import type { RuleSet } from '../../src/domain/rules/ruleSet';
import { readCriteriaSheet } from '../../src/sheets/criteriaSheet';
import { SHEETS } from '../../src/sheets/names';

async function unitWorkbook(): Promise<ExcelJsWorkbook> {
  const wb = ExcelJsWorkbook.create('truong.xlsx');
  await createSheets(wb, sampleUnit({ members: 12 }));
  return wb;
}

async function criteria(wb: ExcelJsWorkbook) {
  return wb.batch(async (s) => readCriteriaSheet((await s.read([SHEETS.criteria])).sheets.get(SHEETS.criteria)!));
}

/** Level 2, where the unit's own answer 1.1 is counted from the members instead. */
function countedOneOne(): RuleSet {
  const md2 = findPreset('tt24-co-so-md2')!;
  return { ...md2, id: 'md2-1.1-dem', indicators: md2.indicators.map((i) => (i.code === '1.1' ? { ...i, measure: { kind: 'members', condition: '[Họ và tên] <> ""' }, threshold: 0.5 } : i)) };
}

describe('switchRuleSet', () => {
  it('drops an answer whose indicator the new set counts itself, saying why; the others follow their code', async () => {
    const wb = await unitWorkbook();
    const r = await switchRuleSet(wb, countedOneOne());
    if (!r.ok) throw new Error(r.problems.map((p) => p.message).join(' '));
    expect(r.dropped).toEqual([{ code: '1.1', answer: 'Đạt', evidence: '', reason: 'computed' }]);
    expect(r.kept).toEqual(expect.arrayContaining(['1.1', '1.2', '1.5', '3.3', '3.4']));
    const after = await criteria(wb);
    expect(after.ruleSet.id).toBe('md2-1.1-dem');
    expect(Object.keys(after.answers).sort()).toEqual(['1.2', '1.3', '1.4', '1.5', '3.3', '3.4']);
    expect(Object.values(after.answers).map((a) => a.value)).toEqual(Object.values(after.answers).map(() => 'Đạt'));
  });

  it('a dry run says what would be dropped and writes nothing', async () => {
    const wb = await unitWorkbook();
    const before = await criteria(wb);
    const r = await switchRuleSet(wb, findPreset('tt22-100')!, { dryRun: true });
    expect(r.ok && r.dropped.map((d) => d.code)).toEqual(['1.4', '1.5', '3.4']);
    expect(await criteria(wb)).toEqual(before);
  });

  it('says results were cleared only when an evaluation had written some', async () => {
    const wb = await unitWorkbook();
    expect((await evaluateWorkbook(wb)).ok).toBe(true);
    const first = await switchRuleSet(wb, findPreset('tt24-co-so-md2')!);
    expect(first.ok && first.resultsCleared).toBe(true);
    const second = await switchRuleSet(wb, findPreset('tt24-tinh-md2')!);
    expect(second.ok && second.resultsCleared).toBe(false);
    expect(second.ok && second.from.id).toBe('tt24-co-so-md2');
  });
});
