/**
 * Criteria of different rule sets may share a code and not a meaning: TT22's criterion 1 is
 * scored on three items, TT24's on five pass/fail facts; TT24 cấp tỉnh's TC3 is not cấp
 * huyện's. A unit's criterion result fills its code's column "TC…" only when it is the same
 * criterion (domain criterionIdentity: the same indicators, by indicatorIdentity); the others'
 * cells stay blank, the unit's remark names them and the line above the table says how many
 * units each column left out. The reference is `--rule-set`, or each code's criterion most units share.
 */
import type { ConsolidationResult } from '../../src/usecases/consolidate';
import { findPreset } from '../../src/domain/rules/presets';
import { criterionIdentity } from '../../src/domain/rules/compare';
import type { RuleSet } from '../../src/domain/rules/ruleSet';
import { consolidatedInProcess } from './corpus';
import { AS_OF, mixedRuleSetFiles, tableCell as cell, unitsTable as table, type Files } from './mixedRuleSets';

jest.setTimeout(120_000);

let mixed: Files;
let uniform: Files;
beforeAll(async () => {
  mixed = await mixedRuleSetFiles();
  uniform = mixed.slice(0, 3);
});

const flag = (r: ConsolidationResult, unit: string) => r.units.find((u) => u.record.name === unit)!.record.flags.find((f) => f.code === 'otherCriteria');

describe('the same criterion, not only the same code', () => {
  const id = (rs: RuleSet, code: string) => criterionIdentity(rs.mode, code, rs.indicators);
  const preset = (p: string) => findPreset(p)!;

  it('tells TT22’s criteria from TT24’s, and TT24 cấp tỉnh’s or level 2’s TC3 from cấp huyện level 1’s; not a threshold', () => {
    for (const code of ['1', '2', '3']) expect(id(preset('tt22-100'), code)).not.toBe(id(preset('tt24-co-so-md1'), code));
    // Cấp tỉnh's TC1 and TC2 are Điều 6's: the same criteria.
    expect(id(preset('tt24-tinh-md1'), '1')).toBe(id(preset('tt24-co-so-md1'), '1'));
    expect(id(preset('tt24-tinh-md1'), '2')).toBe(id(preset('tt24-co-so-md1'), '2'));
    expect(id(preset('tt24-tinh-md1'), '3')).not.toBe(id(preset('tt24-co-so-md1'), '3'));
    // Level 2's TC3 asks for another collective title (TTLĐXS).
    expect(id(preset('tt24-co-so-md2'), '3')).not.toBe(id(preset('tt24-co-so-md1'), '3'));
    // A threshold a unit raised asks more of the same criterion; an indicator added makes another.
    const md1 = preset('tt24-co-so-md1');
    const raised: RuleSet = { ...md1, indicators: md1.indicators.map((i) => (i.code === '2.4' ? { ...i, threshold: 0.6 } : i)) };
    expect(id(raised, '2')).toBe(id(md1, '2'));
    const added: RuleSet = { ...md1, indicators: [...md1.indicators, { ...md1.indicators.find((i) => i.code === '3.3')!, code: '3.5', text: 'Đơn vị có thư viện số' }] };
    expect(id(added, '3')).not.toBe(id(md1, '3'));
  });

  it.each([
    ['with --rule-set', true],
    ['without, by the criterion most units share', false],
  ])('%s: other criteria are left blank, remarked, and the table says how many units each column left out', async (_, withRuleSet) => {
    const ruleSet = withRuleSet ? findPreset('tt24-co-so-md1')! : null;
    const whole = await consolidatedInProcess(mixed, AS_OF, false, ruleSet);
    const drawn = await consolidatedInProcess(mixed, AS_OF, true, ruleSet);
    const rows = await table(whole.workbook);
    // Streamed and planned whole: the same table.
    expect(await table(drawn.workbook)).toEqual(rows);
    const r = whole.result;

    // Still one column per code, never a second "TC3".
    expect(rows[4]!.filter((h) => typeof h === 'string' && /^TC/.test(h))).toEqual(['TC1', 'TC2', 'TC3']);
    for (const tc of ['TC1', 'TC2', 'TC3']) {
      expect(cell(rows, 'Trường THCS số 1', tc)).toBe('Đạt');
      expect(cell(rows, 'Trường tiểu học TT22', tc)).toBeNull();
    }
    expect(cell(rows, 'Trường THPT cấp tỉnh', 'TC1')).toBe('Đạt');
    expect(cell(rows, 'Trường THPT cấp tỉnh', 'TC2')).toBe('Đạt');
    expect(cell(rows, 'Trường THPT cấp tỉnh', 'TC3')).toBeNull();

    expect(flag(r, 'Trường tiểu học TT22')!.message).toBe(
      'Tiêu chí TC1, TC2, TC3 của đơn vị (bộ tiêu chí “TT22/2020 · 100 điểm”) khác nội dung tiêu chí cùng mã của bảng tổng hợp: để trống ở cột tiêu chí.',
    );
    expect(flag(r, 'Trường THPT cấp tỉnh')!.message).toMatch(/^Tiêu chí TC3 của đơn vị \(bộ tiêu chí “TT24 · cấp tỉnh · mức độ 1”\)/);
    expect(flag(r, 'Trường THCS số 1')).toBeUndefined();
    expect(String(cell(rows, 'Trường THPT cấp tỉnh', 'Ghi chú'))).toContain('để trống ở cột tiêu chí');

    expect(r.criteria).toEqual([
      { code: '1', leftOut: 1 },
      { code: '2', leftOut: 1 },
      { code: '3', leftOut: 2 },
    ]);
    // Printed above the table, under the title lines: where units were left out, and why.
    expect(rows[3]![2]).toBe(
      'Cột tiêu chí chỉ ghi kết quả của cùng một tiêu chí; đơn vị có tiêu chí cùng mã mà khác nội dung (bộ tiêu chí khác) để trống ở cột đó — TC1: 1 đơn vị; TC2: 1 đơn vị; TC3: 2 đơn vị (xem “Ghi chú”).',
    );
  });

  it('adds nothing when every unit has the same criteria: no line above the table, no remark', async () => {
    for (const ruleSet of [null, findPreset('tt24-co-so-md1')!]) {
      const { result, workbook } = await consolidatedInProcess(uniform, AS_OF, false, ruleSet);
      const rows = await table(workbook);
      expect(rows[3]?.[2] ?? null).toBeNull();
      expect(result.criteria).toEqual([
        { code: '1', leftOut: 0 },
        { code: '2', leftOut: 0 },
        { code: '3', leftOut: 0 },
      ]);
      expect(result.units.flatMap((u) => u.record.flags)).toEqual([]);
    }
  });
});
