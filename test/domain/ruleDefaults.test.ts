/**
 * Where a rule set says nothing, the one defaults object decides, and "Tiêu chí" shows and
 * carries what it can (personal target, fail band) so the user can change it there.
 */
import { evaluate } from '../../src/domain/evaluation';
import { RULE_DEFAULTS } from '../../src/domain/rules/defaults';
import { findPreset } from '../../src/domain/rules/presets';
import type { RuleSet } from '../../src/domain/rules/ruleSet';
import { MEMBER_FIELDS } from '../../src/domain/memberFields';
import { drawCriteriaSheet, readCriteriaSheet, SETTINGS } from '../../src/sheets/criteriaSheet';
import type { CellValue } from '../../src/workbook/port';
import { input, learners, memberTable, uniformMembers } from '../support/tables';

const coSo = findPreset('tt24-co-so-md1')!;
const tt22 = findPreset('tt22-100')!;

/** The criteria sheet as drawn, as plain rows. */
function sheetRows(rs: RuleSet): CellValue[][] {
  const rows: CellValue[][] = [];
  for (const block of drawCriteriaSheet(rs).cells!) {
    const m = /^([A-Z]+)(\d+)$/.exec(block.at)!;
    const col = m[1]!.charCodeAt(0) - 64;
    block.rows.forEach((line, i) => {
      const r = Number(m[2]) - 1 + i;
      while (rows.length <= r) rows.push([]);
      line.forEach((v, j) => (rows[r]![col - 1 + j] = v as CellValue));
    });
  }
  return rows;
}
const setting = (rows: CellValue[][], label: string) => rows.findIndex((r) => r[1] === label);

describe('rule defaults', () => {
  it('a blank personal target in "Tiêu chí" is the default; a typed one is what counts', () => {
    const rows = sheetRows({ ...coSo, personalTarget: 0.8 });
    expect(readCriteriaSheet({ name: 'Tiêu chí', rows }).ruleSet.personalTarget).toBe(0.8);
    rows[setting(rows, SETTINGS.personalTarget)]![2] = null;
    expect(readCriteriaSheet({ name: 'Tiêu chí', rows }).ruleSet.personalTarget).toBe(RULE_DEFAULTS.personalTarget);
  });

  it('the fail band is shown in "Tiêu chí", read back as edited, and defaults when left out', () => {
    const rows = sheetRows(tt22);
    const at = setting(rows, SETTINGS.bands);
    expect(String(rows[at]![2])).toContain(tt22.failBand);
    rows[at]![2] = 'Tốt: 85; Khá: 70; Trung bình: 50; Yếu';
    expect(readCriteriaSheet({ name: 'Tiêu chí', rows }).ruleSet.failBand).toBe('Yếu');
    rows[at]![2] = 'Tốt: 85; Khá: 70; Trung bình: 50';
    expect(readCriteriaSheet({ name: 'Tiêu chí', rows }).ruleSet.failBand).toBe(RULE_DEFAULTS.failBand);
  });

  it('a share indicator without a requirement asks for every counted member', () => {
    const rs: RuleSet = { ...coSo, indicators: coSo.indicators.map((i) => (i.code === '2.1' ? { ...i, threshold: null } : i)) };
    const specs = uniformMembers(10, 10);
    specs[0]!.discipline = 'Không';
    const ev = evaluate(input(rs, { members: memberTable(specs), learners: learners([10, 10]) }));
    expect(ev.indicators.find((i) => i.code === '2.1')).toMatchObject({ numerator: 9, denominator: 10, status: 'not_met' }); // 90% < 100%
  });

  it('every ordinal header is the members sheet STT column: a number there alone is not a member', () => {
    expect([MEMBER_FIELDS[0]!.header, ...MEMBER_FIELDS[0]!.aliases]).toEqual([...RULE_DEFAULTS.ordinalHeaders]);
    for (const header of RULE_DEFAULTS.ordinalHeaders) {
      const table = memberTable([...uniformMembers(3, 3), { ordinal: 4 }]);
      table.columns[0] = { ...table.columns[0]!, header };
      const ev = evaluate(input(coSo, { members: table, learners: learners([10, 10]) }));
      expect(ev.countedMembers).toBe(3);
      expect(ev.problems.filter((p) => p.code === 'nameMissing')).toEqual([]);
    }
  });
});

describe('rating bands and partial scoring in "Tiêu chí" are refused at the cell unless readable', () => {
  const read = (label: string, value: CellValue) => {
    const rows = sheetRows(tt22);
    const at = setting(rows, label);
    rows[at]![2] = value;
    return { parsed: readCriteriaSheet({ name: 'Tiêu chí', rows }), row: at + 1 };
  };

  it.each([
    ['a band without a number', 'Tốt: tám lăm; Khá: 70'],
    ['a minimum over 100 points', 'Tốt: 150; Khá: 70'],
    ['bands out of order', 'Tốt: 70; Khá: 85'],
    ['a negative minimum', 'Tốt: 85; Khá: −5'],
    ['a negative minimum (ASCII minus)', 'Tốt: 85; Khá: -5'],
    ['a fail band before the last place', 'Chưa đạt; Tốt: 85'],
  ])('%s: "%s" is an error at the cell saying what is expected', (_, typed) => {
    const { parsed, row } = read(SETTINGS.bands, typed);
    const p = parsed.problems.find((x) => x.code === 'invalidBands');
    expect(p).toMatchObject({ severity: 'error', at: { sheet: 'criteria', row, col: 3 }, params: { max: 100 } });
  });

  it('well-formed bands read as before', () => {
    const { parsed } = read(SETTINGS.bands, 'Tốt: 85; Khá: 70; Trung bình: 50; Yếu');
    expect(parsed.problems).toEqual([]);
    expect(parsed.ruleSet.bands).toEqual([
      { label: 'Tốt', min: 85 },
      { label: 'Khá', min: 70 },
      { label: 'Trung bình', min: 50 },
    ]);
    expect(parsed.ruleSet.failBand).toBe('Yếu');
  });

  it.each([
    ['Theo tỷ lệ', 'proportional'],
    ['Theo tỉ lệ', 'proportional'],
    ['theo ti le', 'proportional'],
    ['proportional', 'proportional'],
    ['Tất cả hoặc không', 'all-or-nothing'],
    ['all-or-nothing', 'all-or-nothing'],
    [null, 'all-or-nothing'],
  ])('partial scoring "%s" is %s', (typed, expected) => {
    const { parsed } = read(SETTINGS.partial, typed);
    expect(parsed.problems).toEqual([]);
    expect(parsed.ruleSet.partialScoring).toBe(expected);
  });

  it('an unknown partial scoring is refused at its cell, naming the allowed values', () => {
    const { parsed, row } = read(SETTINGS.partial, 'Một phần');
    expect(parsed.problems).toEqual([expect.objectContaining({ severity: 'error', code: 'invalidPartialScoring', at: { sheet: 'criteria', row, col: 3 }, params: expect.objectContaining({ value: 'Một phần', allowed: 'Tất cả hoặc không; Theo tỷ lệ' }) })]);
  });
});
