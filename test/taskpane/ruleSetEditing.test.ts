/** Reading the rule set from "Tiêu chí" and writing user edits back, cell by cell. */
import { readRuleSet, saveRuleSetEdits, sourceTagOf } from '../../src/usecases/ruleSetEditing';
import { evaluateWorkbook } from '../../src/usecases/evaluate';
import { SHEETS } from '../../src/sheets/names';
import { COL } from '../../src/sheets/criteriaSheet';
import { ExcelJsWorkbook } from '../support/exceljs/excelJsWorkbook';
import { fakePaneHost, sheetRows, typeInto } from '../support/fakePaneHost';

async function sample() {
  return (await fakePaneHost({ sample: true })).excel;
}

async function loaded(wb: ExcelJsWorkbook) {
  const r = await readRuleSet(wb);
  if (!r.ok) throw new Error('rule set not read');
  return r.ruleSet;
}

describe('readRuleSet', () => {
  test('lists every indicator with its sheet row, requirement, applicability and source tag', async () => {
    const wb = await sample();
    const rs = await loaded(wb);
    expect(rs.name).toBe('TT24 · cấp huyện · mức độ 1');
    expect(rs.indicators.map((i) => i.code)).toEqual(['1.1', '1.2', '1.3', '1.4', '1.5', '2.1', '2.2', '2.3', '2.4', '3.1', '3.2a', '3.2b', '3.3', '3.4']);
    const rows = (await sheetRows(wb, SHEETS.criteria))!;
    for (const i of rs.indicators) expect(rows[i.row - 1]![COL.code - 1]).toBe(i.code);
    const i21 = rs.indicators.find((i) => i.code === '2.1')!;
    expect(i21).toMatchObject({ measure: 'members', threshold: 0.9, condition: '[Chấp hành kỷ luật lao động] = có', appliesTo: '', sourceTag: 'C' });
    expect(rs.indicators.find((i) => i.code === '1.3')!.appliesTo).toContain('[Loại đơn vị] thuộc');
    expect(rs.indicators.find((i) => i.code === '1.1')!.sourceTag).toBe('C');
  });

  test('a workbook without "Tiêu chí" is reported, not thrown', async () => {
    const r = await readRuleSet(ExcelJsWorkbook.create('empty.xlsx'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]!.message).toContain('Tiêu chí');
  });

  test('source tags', () => {
    expect(sourceTagOf('[L] KH 248/KH-UBND ngày 20/8/2024 của UBND TP Hà Nội')).toBe('L');
    expect(sourceTagOf('Sở GD&ĐT')).toBe('');
  });
});

describe('saveRuleSetEdits', () => {
  test('writes only the edited user cells, and the next evaluation uses them', async () => {
    const wb = await sample();
    const rs = await loaded(wb);
    const before = (await sheetRows(wb, SHEETS.criteria))!;
    const i21 = rs.indicators.find((i) => i.code === '2.1')!;
    const i24 = rs.indicators.find((i) => i.code === '2.4')!;
    const result = await saveRuleSetEdits(wb, [
      { row: i21.row, code: '2.1', threshold: 1 },
      { row: i24.row, code: '2.4', threshold: 0.875, appliesTo: '[Công lập] = có' },
    ]);
    expect(result).toEqual({ ok: true, written: 3 });
    const after = (await sheetRows(wb, SHEETS.criteria))!;
    expect(after[i21.row - 1]![COL.threshold - 1]).toBe(1);
    expect(after[i24.row - 1]![COL.threshold - 1]).toBe(0.875);
    expect(after[i24.row - 1]![COL.appliesTo - 1]).toBe('[Công lập] = có');
    const changed: string[] = [];
    before.forEach((row, r) => row.forEach((v, c) => after[r]![c] !== v && changed.push(`${r + 1}:${c + 1}`)));
    expect(changed.sort()).toEqual([`${i21.row}:${COL.threshold}`, `${i24.row}:${COL.appliesTo}`, `${i24.row}:${COL.threshold}`].sort());
    expect((await loaded(wb)).indicators.find((i) => i.code === '2.4')!.threshold).toBe(0.875);
    const ev = await evaluateWorkbook(wb, { dryRun: true });
    expect(ev.ok && ev.report.indicators.find((i) => i.code === '2.1')!.required).toBe(1);
  });

  test('an empty applicability is written as "Tất cả"', async () => {
    const wb = await sample();
    const i13 = (await loaded(wb)).indicators.find((i) => i.code === '1.3')!;
    await saveRuleSetEdits(wb, [{ row: i13.row, code: '1.3', appliesTo: '  ' }]);
    expect((await sheetRows(wb, SHEETS.criteria))![i13.row - 1]![COL.appliesTo - 1]).toBe('Tất cả');
  });

  test('invalid edits write nothing and say which indicator and field', async () => {
    const wb = await sample();
    const rs = await loaded(wb);
    const before = await sheetRows(wb, SHEETS.criteria);
    const i21 = rs.indicators.find((i) => i.code === '2.1')!;
    const result = await saveRuleSetEdits(wb, [
      { row: i21.row, code: '2.1', threshold: 1.2, condition: '[Chấp hành kỷ luật lao động] = ' },
      { row: i21.row + 1, code: '2.2', threshold: 0.95 },
    ]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => `${i.code}:${i.kind}`)).toEqual(['2.1:threshold', '2.1:condition']);
    expect(await sheetRows(wb, SHEETS.criteria)).toEqual(before);
  });

  test('a row whose code changed since reading is not written', async () => {
    const wb = await sample();
    const i21 = (await loaded(wb)).indicators.find((i) => i.code === '2.1')!;
    await typeInto(wb, SHEETS.criteria, `A${i21.row}`, '2.9');
    const result = await saveRuleSetEdits(wb, [{ row: i21.row, code: '2.1', threshold: 0.5 }]);
    expect(result).toEqual({ ok: false, issues: [{ code: '2.1', kind: 'rowMoved' }] });
    expect((await sheetRows(wb, SHEETS.criteria))![i21.row - 1]![COL.threshold - 1]).toBe(0.9);
  });
});
