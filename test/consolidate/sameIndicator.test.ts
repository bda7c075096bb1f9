/**
 * Indicators of different rule sets may share a code and not a meaning: TT22's 2.1 is a
 * self-study plan, TT24's labour discipline; TT22's 3.1 the 8 CDHT competences, TT24 cấp
 * huyện's LĐTT, TT24 cấp tỉnh's CDHT. A unit's figure fills a column and counts in a pass rate
 * only when it is the same indicator (domain indicatorIdentity); the others' cells stay blank
 * with a remark naming the codes, and each pass rate says how many units it left out.
 * The reference is `--rule-set`, or without it each code's meaning most units share.
 */
import type { ConsolidationResult } from '../../src/usecases/consolidate';
import { findPreset } from '../../src/domain/rules/presets';
import { indicatorIdentity } from '../../src/domain/rules/compare';
import { consolidatedInProcess } from './corpus';
import { AS_OF, mixedRuleSetFiles, statsTable, tableCell as cell, unitsTable as table, type Files } from './mixedRuleSets';

jest.setTimeout(120_000);

let files: Files;
beforeAll(async () => {
  files = await mixedRuleSetFiles();
});

const rate = (r: ConsolidationResult, code: string) => r.passRates.find((p) => p.code === code)!;
const flag = (r: ConsolidationResult, unit: string) => r.units.find((u) => u.record.name === unit)!.record.flags.find((f) => f.code === 'otherIndicators');

describe('the same indicator, not only the same code', () => {
  it('tells TT22’s 2.1 from TT24’s, and TT24 cấp tỉnh’s 3.1 from cấp huyện’s; not a threshold', () => {
    const id = (preset: string, code: string) => {
      const rs = findPreset(preset)!;
      const i = rs.indicators.find((x) => x.code === code)!;
      return indicatorIdentity(rs.mode, i);
    };
    expect(id('tt22-100', '2.1')).not.toBe(id('tt24-co-so-md1', '2.1'));
    expect(id('tt24-tinh-md1', '2.1')).toBe(id('tt24-co-so-md1', '2.1'));
    expect(id('tt24-tinh-md1', '3.1')).not.toBe(id('tt24-co-so-md1', '3.1'));
    expect(id('tt24-tinh-md1', '3.3')).not.toBe(id('tt24-co-so-md1', '3.3'));
    // Level 2 asks more of the same indicator.
    expect(id('tt24-co-so-md2', '3.2a')).toBe(id('tt24-co-so-md1', '3.2a'));
  });

  it.each([
    ['with --rule-set', true],
    ['without, by the meaning most units share', false],
  ])('%s: other meanings are left blank, remarked and out of the pass rates', async (_, withRuleSet) => {
    const ruleSet = withRuleSet ? findPreset('tt24-co-so-md1')! : null;
    const whole = await consolidatedInProcess(files, AS_OF, false, ruleSet);
    const drawn = await consolidatedInProcess(files, AS_OF, true, ruleSet);
    const rows = await table(whole.workbook);
    // Streamed and planned whole: the same table.
    expect(await table(drawn.workbook)).toEqual(rows);
    const r = whole.result;

    expect(cell(rows, 'Trường tiểu học TT22', 'Chỉ tiêu 2.1')).toBeNull();
    expect(cell(rows, 'Trường tiểu học TT22', 'Chỉ tiêu 3.1')).toBeNull();
    expect(cell(rows, 'Trường tiểu học TT22', 'Kết quả (tính lại)')).toMatch(/^Xếp loại /);
    expect(typeof cell(rows, 'Trường THPT cấp tỉnh', 'Chỉ tiêu 2.1')).toBe('number');
    expect(cell(rows, 'Trường THPT cấp tỉnh', 'Chỉ tiêu 3.1')).toBeNull();
    expect(typeof cell(rows, 'Trường THCS số 1', 'Chỉ tiêu 3.1')).toBe('number');

    // Without a reference, a code only one unit has is that unit's column (3.1b, 3.5), and a tie
    // goes to the earlier file (3.2: TT22's TTLĐTT before cấp tỉnh's knowledge sharing).
    const tt22 = withRuleSet ? '1.1, 1.2, 1.3, 2.1, 2.2, 2.3, 2.4, 3.1, 3.2, 3.3' : '1.1, 1.2, 1.3, 2.1, 2.2, 2.3, 2.4, 3.1, 3.3';
    const tinh = withRuleSet ? '3.1, 3.1b, 3.2, 3.3, 3.4, 3.5' : '3.1, 3.2, 3.3, 3.4';
    expect(flag(r, 'Trường tiểu học TT22')!.message).toBe(
      `Chỉ tiêu ${tt22} của đơn vị (bộ tiêu chí “TT22/2020 · 100 điểm”) khác nội dung chỉ tiêu cùng mã của bảng tổng hợp: để trống, không tính vào tỷ lệ đạt.`,
    );
    expect(flag(r, 'Trường THPT cấp tỉnh')!.message).toMatch(new RegExp(`^Chỉ tiêu ${tinh.replace(/\./g, '\\.')} của đơn vị`));
    expect(r.passRates.some((p) => p.code === '3.1b')).toBe(!withRuleSet);
    expect(flag(r, 'Trường THCS số 1')).toBeUndefined();
    expect(String(cell(rows, 'Trường tiểu học TT22', 'Ghi chú'))).toContain('để trống, không tính vào tỷ lệ đạt');

    expect(rate(r, '2.1')).toMatchObject({ evaluated: 4, leftOut: 1 });
    expect(rate(r, '3.1')).toMatchObject({ evaluated: 3, leftOut: 2, text: 'Thành viên đạt danh hiệu “Lao động tiên tiến” trở lên' });
    expect(rate(r, '1.4')).toMatchObject({ evaluated: 4, leftOut: 0 });
    // One row per code: the table's, never a second one for another meaning.
    expect(new Set(r.passRates.map((p) => p.code)).size).toBe(r.passRates.length);
    const stats = await statsTable(whole.workbook);
    const header = stats.find((line) => line[0] === 'Chỉ tiêu' && line[1] === 'Tỷ lệ đạt')!;
    // The table says how many units each rate leaves out.
    const leftOut = header.indexOf('Số đơn vị không tính (chỉ tiêu khác nội dung)');
    expect(leftOut).toBeGreaterThan(1);
    expect(stats.slice(stats.indexOf(header)).find((line) => line[0] === '3.1')![leftOut]).toBe(2);
  });
});
