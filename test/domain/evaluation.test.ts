import { evaluate, reaches, ratingFor } from '../../src/domain/evaluation';
import { findPreset, PRESETS } from '../../src/domain/rules/presets';
import type { RuleSet } from '../../src/domain/rules/ruleSet';
import { UNCALCULATED } from '../../src/domain/values';
import { MEMBER_FIELDS } from '../../src/domain/memberFields';
import { comparable, ruleSetChanges } from '../../src/domain/rules/compare';
import { t } from '../../src/i18n';
import { locateProblem } from '../../src/sheets/locate';
import { allUnitAnswers, input, learners, memberTable, uniformMembers, unitFields } from '../support/tables';

const coSo = findPreset('tt24-co-so-md1')!;
const tinh1 = findPreset('tt24-tinh-md1')!;
const tinh2 = findPreset('tt24-tinh-md2')!;
const tt22 = findPreset('tt22-100')!;

const status = (ev: ReturnType<typeof evaluate>, code: string) => ev.indicators.find((i) => i.code === code)!.status;
const indicator = (ev: ReturnType<typeof evaluate>, code: string) => ev.indicators.find((i) => i.code === code)!;

describe('presets', () => {
  it('ships the five rule sets of the domain reference, each indicator complete', () => {
    expect(PRESETS.map((p) => p.id)).toEqual(['tt24-co-so-md1', 'tt24-co-so-md2', 'tt24-tinh-md1', 'tt24-tinh-md2', 'tt22-100']);
    for (const p of PRESETS) {
      for (const i of p.indicators) {
        expect(i.source).toMatch(/^\[[CSL]\]/);
        if (i.measure.kind !== 'unit') expect(i.threshold).toBeGreaterThan(0);
        if (p.mode === 'score') expect(i.points).toBeGreaterThan(0);
      }
    }
    const sum = tt22.indicators.reduce((a, i) => a + (i.points ?? 0), 0);
    expect(sum).toBe(100);
  });
});

describe('TT24 · cấp huyện · mức độ 1', () => {
  it('a school whose data meets everything is recognised', () => {
    const ev = evaluate(input(coSo, { members: memberTable(uniformMembers(40, 40)), learners: learners([200, 196]) }));
    expect(ev.indicators.every((i) => i.status === 'met')).toBe(true);
    expect(ev.outcome).toEqual({ kind: 'pass-fail', status: 'recognised', recognition: coSo.recognition });
    expect(ev.countedMembers).toBe(40);
  });

  it('compares exactly at the threshold: 36/40 = 90% meets, 35/40 = 87.5% does not', () => {
    const at = evaluate(input(coSo, { members: memberTable(uniformMembers(40, 36)), learners: learners([100, 95]) }));
    expect(indicator(at, '2.1')).toMatchObject({ numerator: 36, denominator: 40, value: 0.9, status: 'met' });
    const below = evaluate(input(coSo, { members: memberTable(uniformMembers(40, 35)), learners: learners([100, 95]) }));
    expect(indicator(below, '2.1')).toMatchObject({ numerator: 35, denominator: 40, value: 0.875, status: 'not_met' });
    expect(below.criteria.find((c) => c.code === '2')!.status).toBe('not_met');
    expect(below.outcome).toMatchObject({ status: 'not_recognised' });
  });

  it('89.99% does not meet 90%', () => {
    const ev = evaluate(input(coSo, { members: memberTable(uniformMembers(10000, 8999)), learners: learners([100, 95]) }));
    expect(indicator(ev, '2.1').value).toBeCloseTo(0.8999, 10);
    expect(status(ev, '2.1')).toBe('not_met');
    expect(reaches(8999, 10000, 0.9)).toBe(false);
    expect(reaches(9, 10, 0.9)).toBe(true);
    expect(reaches(27, 30, 0.9)).toBe(true);
  });

  it('2.4 needs only 50%: 20/40 meets, 19/40 does not', () => {
    const specs = uniformMembers(40, 40).map((s, i) => ({ ...s, language: i < 20 ? 'Có' : null }));
    expect(status(evaluate(input(coSo, { members: memberTable(specs), learners: learners([10, 10]) })), '2.4')).toBe('met');
    const fewer = specs.map((s, i) => (i === 0 ? { ...s, language: 'Không' } : s));
    expect(status(evaluate(input(coSo, { members: memberTable(fewer), learners: learners([10, 10]) })), '2.4')).toBe('not_met');
  });

  it('learners: 95% of learners holding CDHT, exactly', () => {
    const members = memberTable(uniformMembers(10, 10));
    const at = evaluate(input(coSo, { members, learners: learners([120, 114], [80, 76]) }));
    expect(indicator(at, '3.2b')).toMatchObject({ numerator: 190, denominator: 200, status: 'met' });
    const below = evaluate(input(coSo, { members, learners: learners([120, 113], [80, 76]) }));
    expect(indicator(below, '3.2b')).toMatchObject({ numerator: 189, denominator: 200, status: 'not_met' });
  });

  it('learners missing at a school: not evaluable, said so, never passed or failed', () => {
    const ev = evaluate(input(coSo, { members: memberTable(uniformMembers(10, 10)), learners: null }));
    expect(status(ev, '3.2b')).toBe('not_evaluable');
    expect(ev.problems.map((p) => p.code)).toContain('noLearnerData');
    expect(ev.problems.find((p) => p.code === 'noLearnerData')!.at).toBeUndefined();
    expect(ev.outcome).toMatchObject({ status: 'not_evaluable' });
  });

  it('learner figures that cannot be true are reported with their cell', () => {
    const ev = evaluate(input(coSo, { members: memberTable(uniformMembers(10, 10)), learners: learners([30, 31], [30, 'ba mươi']) }));
    expect(status(ev, '3.2b')).toBe('not_evaluable');
    const bad = ev.problems.filter((p) => p.code === 'learnerCountInvalid');
    expect(bad.map((p) => [p.at!.row, p.at!.col])).toEqual([
      [5, 4],
      [6, 4],
    ]);
  });

  it('learner figures given with one invalid row: the indicator points to that row’s cell, never says the figures are missing', () => {
    const ev = evaluate(input(coSo, { members: memberTable(uniformMembers(10, 10)), learners: learners([30, 29], ['ba mươi', 20], [40, 50]) }));
    expect(status(ev, '3.2b')).toBe('not_evaluable');
    expect(ev.problems.map((p) => p.code)).not.toContain('noLearnerData');
    const said = ev.problems.filter((p) => p.code === 'learnerFiguresInvalid');
    expect(said).toHaveLength(1);
    expect(said[0]).toMatchObject({ params: { indicator: '3.2b' }, at: { sheet: 'learners', row: 6, col: 3 }, cells: [{ sheet: 'learners', row: 6, col: 3 }, { sheet: 'learners', row: 7, col: 4 }] });
    const message = t('vi', 'problem.learnerFiguresInvalid', { where: "'Người học'!C6", cells: 'C6, D7', ...said[0]!.params });
    expect(message).toContain('C6, D7');
    expect(message).not.toMatch(/thiếu số liệu/);
    // With no learner figures at all it is still “missing”.
    const none = evaluate(input(coSo, { members: memberTable(uniformMembers(10, 10)), learners: learners([null, null]) }));
    expect(none.problems.map((p) => p.code)).toContain('noLearnerData');
    expect(none.problems.map((p) => p.code)).not.toContain('learnerFiguresInvalid');
    // Said at the first class's head-count cell, where the figures go (the pane's “Đến ô”, the CLI's JSON).
    expect(none.problems.find((p) => p.code === 'noLearnerData')!.at).toEqual({ sheet: 'learners', row: 5, col: 3 });
  });

  it('a class with CDHT holders and no head count is reported as missing at the head-count cell', () => {
    const ev = evaluate(input(coSo, { members: memberTable(uniformMembers(10, 10)), learners: learners([30, 29], [null, 20]) }));
    expect(status(ev, '3.2b')).toBe('not_evaluable');
    expect(ev.problems.filter((p) => p.code === 'learnerCountMissing').map((p) => [p.at!.row, p.at!.col])).toEqual([[6, 3]]);
    expect(ev.problems.map((p) => p.code)).not.toContain('learnerCountInvalid');
  });

  it('learner indicator and state budget do not apply to a business; N/A is left out', () => {
    const ev = evaluate(input(coSo, { unitFields: unitFields('Doanh nghiệp', 'Không'), members: memberTable(uniformMembers(20, 20)), learners: null }));
    expect(status(ev, '3.2b')).toBe('not_applicable');
    expect(status(ev, '1.3')).toBe('not_applicable');
    expect(ev.outcome).toMatchObject({ status: 'recognised' });
    expect(ev.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('state budget (1.3) applies to state bodies and public schools only', () => {
    const members = memberTable(uniformMembers(5, 5));
    const of = (type: string, pub: string) => status(evaluate(input(coSo, { unitFields: unitFields(type, pub), members, learners: learners([10, 10]) })), '1.3');
    expect(of('Cơ quan nhà nước', '')).toBe('met');
    expect(of('UBND cấp xã', 'Không')).toBe('met');
    expect(of('Trường THCS', 'Có')).toBe('met');
    expect(of('Trường THCS', 'Không')).toBe('not_applicable');
    expect(of('Trường mầm non', 'x')).toBe('met');
  });

  it('zero counted members: member indicators cannot be evaluated', () => {
    const ev = evaluate(input(coSo, { members: memberTable(uniformMembers(3, 3, { counted: 'Không' })), learners: learners([10, 10]) }));
    expect(ev.countedMembers).toBe(0);
    for (const code of ['2.1', '2.2', '2.3', '2.4', '3.1', '3.2a']) expect(status(ev, code)).toBe('not_evaluable');
    expect(ev.outcome).toMatchObject({ status: 'not_evaluable' });
  });

  it('zero counted members is said once, naming every member indicator it leaves unevaluated', () => {
    const ev = evaluate(input(coSo, { members: memberTable([]), learners: learners([10, 10]) }));
    const said = ev.problems.filter((p) => p.code === 'noCountedMembers');
    expect(said).toHaveLength(1);
    expect(said[0]!.params).toEqual({ indicators: '2.1, 2.2, 2.3, 2.4, 3.1, 3.2a', count: 6 });
    // Each indicator keeps its own status.
    for (const code of ['2.1', '2.2', '2.3', '2.4', '3.1', '3.2a']) expect(status(ev, code)).toBe('not_evaluable');
    const vi = t('vi', 'problem.noCountedMembers', { where: '', ...said[0]!.params });
    expect(vi).toMatch(/^Chưa có thành viên nào được tính, nên 6 chỉ tiêu \(2\.1, 2\.2, 2\.3, 2\.4, 3\.1, 3\.2a\) chưa đánh giá được\./);
    expect(t('en', 'problem.noCountedMembers', { where: '', indicators: '2.1', count: 1 })).toMatch(/^No member is counted, so 1 indicator \(2\.1\) cannot be evaluated\./);
  });

  it('the counted flag decides the denominator; blank means counted', () => {
    const specs = uniformMembers(11, 10);
    specs[10]!.counted = 'không';
    const ev = evaluate(input(coSo, { members: memberTable(specs), learners: learners([10, 10]) }));
    expect(ev.countedMembers).toBe(10);
    expect(indicator(ev, '2.1')).toMatchObject({ numerator: 10, denominator: 10, status: 'met' });
    expect(ev.members[10]).toMatchObject({ counted: false, met: 0 });
  });

  it('an ambiguous value is a warning naming its cell, and is not counted as met', () => {
    const specs = uniformMembers(10, 10);
    specs[3]!.discipline = 'ok';
    const ev = evaluate(input(coSo, { members: memberTable(specs), learners: learners([10, 10]) }));
    expect(indicator(ev, '2.1')).toMatchObject({ numerator: 9, denominator: 10, value: 0.9, status: 'met' });
    const warning = ev.problems.find((p) => p.code === 'ambiguousYesNo')!;
    expect(warning).toMatchObject({ severity: 'warning', at: { sheet: 'members', row: 8, col: 8 }, params: { value: 'ok', column: 'Chấp hành kỷ luật lao động' } });
  });

  it('a formula its file stored no result for is said so at its cell, wherever the engine reads one: not met, still counted, left out', () => {
    const notCalculated = { error: UNCALCULATED };
    const specs = uniformMembers(11, 11);
    specs[3]!.discipline = notCalculated;
    specs[4]!.counted = notCalculated;
    specs[5]!.name = notCalculated;
    const answers = allUnitAnswers(coSo);
    answers['1.4'] = { value: notCalculated, at: { sheet: 'criteria', row: 20, col: 9 } };
    const ev = evaluate(input(coSo, { answers, members: memberTable(specs), learners: learners([30, notCalculated]) }));
    // The member's "Có" is unknown: not met; the counted flag unknown: counted (only a clear Không leaves out); the nameless row: no member.
    expect(ev.countedMembers).toBe(10);
    expect(indicator(ev, '2.1')).toMatchObject({ numerator: 9, denominator: 10 });
    expect(status(ev, '1.4')).toBe('not_evaluable');
    expect(status(ev, '3.2b')).toBe('not_evaluable');
    const said = ev.problems.filter((p) => p.code === 'formulaNotCalculated');
    expect(said.map((p) => [p.at!.sheet, p.at!.row, p.at!.col]).sort()).toEqual([
      ['criteria', 20, 9],
      ['learners', 5, 4],
      ['members', 10, 2],
      ['members', 8, 8],
      ['members', 9, 5],
    ].sort());
    expect(said.every((p) => p.severity === 'warning')).toBe(true);
    // Nothing else is said of those cells (no ambiguous value, no formula error, no missing answer or name),
    // beyond the indicator whose outcome they could turn, and the learner indicator they keep from being evaluated.
    const cells = new Set(said.map((p) => `${p.at!.sheet}:${p.at!.row}:${p.at!.col}`));
    const other = ev.problems.filter((p) => p.at && p.code !== 'formulaNotCalculated' && cells.has(`${p.at.sheet}:${p.at.row}:${p.at.col}`));
    expect(other.map((p) => [p.code, p.params?.['indicator']])).toEqual([
      ['outcomeDepends', '2.1'],
      ['learnerFiguresInvalid', '3.2b'],
    ]);
  });

  it('every odd cell of a large table is reported once, also when two indicators read it', () => {
    // 2.3 reads the discipline column too: its odd cells are read twice, reported once.
    const rs: RuleSet = { ...coSo, indicators: coSo.indicators.map((i) => (i.code === '2.3' ? { ...i, measure: { kind: 'members', condition: '[Chấp hành kỷ luật lao động] = có' } } : i)) };
    const specs = uniformMembers(6000, 6000).map((s) => ({ ...s, discipline: 'chưa rõ', language: 'x?' }));
    const ev = evaluate(input(rs, { members: memberTable(specs), learners: learners([10, 10]) }));
    const odd = ev.problems.filter((p) => p.code === 'ambiguousYesNo');
    expect(odd).toHaveLength(12000);
    expect(new Set(odd.map((p) => `${p.at!.row}:${p.at!.col}`)).size).toBe(12000);
    expect(odd.filter((p) => p.at!.col === 8)).toHaveLength(6000);
    expect(indicator(ev, '2.1')).toMatchObject({ numerator: 0, denominator: 6000 });
  });

  it('says a table’s odd cells in row order, then indicator order, then the order each condition reads them, each cell once', () => {
    const conditions: Record<string, string> = {
      '2.1': '[Chấp hành kỷ luật lao động] = có hoặc [Điểm CDHT] >= 80',
      '2.2': '[Điểm CDHT] >= 90 và [Chấp hành kỷ luật lao động] = có và [Tham gia chuyển đổi số] = có',
    };
    const rs: RuleSet = { ...coSo, indicators: coSo.indicators.map((i) => (conditions[i.code] ? { ...i, measure: { kind: 'members', condition: conditions[i.code]! } } : i)) };
    const specs = uniformMembers(3, 3);
    Object.assign(specs[0]!, { discipline: 'ok', cdhtScore: '8,5', emulationTitle: 'Giấy khen', digital: 'hmm' });
    Object.assign(specs[1]!, { discipline: { error: '#REF!' }, cdhtScore: 60, cdhtTitle: 'Đạt', language: '?', emulationTitle: { error: UNCALCULATED } });
    Object.assign(specs[2]!, { cdhtScore: 95, cdhtTitle: 'Chưa đạt', counted: 'hmm' });
    const ev = evaluate(input(rs, { members: memberTable(specs), learners: learners([1, 1]) }));
    const said = ev.problems.filter((p) => p.at?.sheet === 'members' && p.code !== 'outcomeDepends').map((p) => [p.code, p.at!.row, p.at!.col, p.params?.['indicator'] ?? null]);
    expect(said).toEqual([
      ['ambiguousCounted', 7, 5, null],
      ['ambiguousYesNo', 5, 8, '2.1'],
      ['invalidNumber', 5, 14, '2.1'],
      ['ambiguousYesNo', 5, 10, '2.2'],
      ['unknownTitle', 5, 12, '3.1'],
      ['cellError', 6, 8, '2.1'],
      ['ambiguousYesNo', 6, 11, '2.4'],
      ['formulaNotCalculated', 6, 12, '3.1'],
      ['titleScoreDisagree', 6, 15, '3.2a'],
      ['titleScoreDisagree', 7, 15, '3.2a'],
    ]);
  });

  it('CDHT: the title or a score of at least 80', () => {
    const specs = uniformMembers(10, 10).map((s, i) => ({ ...s, cdhtTitle: i < 5 ? 'Đạt' : null, cdhtScore: i < 5 ? null : 80 }));
    expect(indicator(evaluate(input(coSo, { members: memberTable(specs), learners: learners([1, 1]) })), '3.2a')).toMatchObject({ numerator: 10 });
    specs[9]!.cdhtScore = 79;
    expect(indicator(evaluate(input(coSo, { members: memberTable(specs), learners: learners([1, 1]) })), '3.2a')).toMatchObject({ numerator: 9, status: 'met' });
  });

  it('a unit fact left blank is not evaluable and reported at its cell', () => {
    const answers = allUnitAnswers(coSo);
    answers['1.4'] = { value: null, at: { sheet: 'criteria', row: 20, col: 9 } };
    answers['1.5'] = { value: 'Không đạt', at: { sheet: 'criteria', row: 21, col: 9 } };
    const ev = evaluate(input(coSo, { answers, members: memberTable(uniformMembers(10, 10)), learners: learners([1, 1]) }));
    expect(status(ev, '1.4')).toBe('not_evaluable');
    expect(status(ev, '1.5')).toBe('not_met');
    expect(ev.problems.find((p) => p.code === 'unitAnswerMissing')!.at).toEqual({ sheet: 'criteria', row: 20, col: 9 });
    expect(ev.criteria.find((c) => c.code === '1')!.status).toBe('not_met');
  });

  it('“Không áp dụng” answered for a unit fact that applies to the unit is not taken: not evaluable, said at its cell (Điều 8: every indicator of Điều 6)', () => {
    // 1.4 and 1.5 apply to every unit (“Áp dụng cho”: Tất cả): a unit cannot leave them out by its answer.
    const answers = allUnitAnswers(coSo);
    answers['1.5'] = { value: 'Không áp dụng', at: { sheet: 'criteria', row: 21, col: 9 } };
    answers['1.4'] = { value: 'không  áp dụng ', at: { sheet: 'criteria', row: 20, col: 9 } };
    const ev = evaluate(input(coSo, { answers, members: memberTable(uniformMembers(10, 10)), learners: learners([1, 1]) }));
    expect(status(ev, '1.5')).toBe('not_evaluable');
    expect(status(ev, '1.4')).toBe('not_evaluable');
    expect(ev.problems.filter((p) => p.code === 'notApplicableAnswerApplies')).toEqual([
      expect.objectContaining({ severity: 'warning', at: { sheet: 'criteria', row: 20, col: 9 }, params: expect.objectContaining({ indicator: '1.4' }) }),
      expect.objectContaining({ severity: 'warning', at: { sheet: 'criteria', row: 21, col: 9 }, params: expect.objectContaining({ indicator: '1.5' }) }),
    ]);
    expect(ev.problems.filter((p) => p.code === 'unitAnswerAmbiguous')).toEqual([]);
    expect(ev.criteria.find((c) => c.code === '1')!.status).toBe('not_evaluable');
    expect(ev.outcome).toMatchObject({ kind: 'pass-fail', status: 'not_evaluable' });
  });

  it('TT22: a unit fact answered “Không áp dụng” leaves no point out of the 100 (every item applies to every unit)', () => {
    const answers = allUnitAnswers(tt22);
    answers['3.2'] = { value: 'Không áp dụng', at: { sheet: 'criteria', row: 22, col: 9 } };
    const ev = evaluate(input(tt22, { answers, members: memberTable(uniformMembers(10, 10)) }));
    expect(status(ev, '3.2')).toBe('not_evaluable');
    expect(ev.outcome).toMatchObject({ kind: 'score', status: 'not_evaluable', score: null });
  });

  it('“Không áp dụng” where the rule set itself says the indicator does not apply to the unit stays so, unsaid', () => {
    // 1.3 (state budget) does not concern a private preschool.
    const answers = allUnitAnswers(coSo);
    answers['1.3'] = { value: 'Không áp dụng', at: { sheet: 'criteria', row: 19, col: 9 } };
    const ev = evaluate(input(coSo, { answers, unitFields: unitFields('Trường mầm non', 'Không'), members: memberTable(uniformMembers(10, 10)), learners: learners([1, 1]) }));
    expect(status(ev, '1.3')).toBe('not_applicable');
    expect(ev.problems.filter((p) => p.code === 'notApplicableAnswerApplies')).toEqual([]);
    expect(ev.criteria.find((c) => c.code === '1')!.status).toBe('met');
  });

  it('per-member score: indicators met over indicators applicable, against the personal target', () => {
    const specs = uniformMembers(2, 2);
    specs[1]!.language = 'Không';
    const ev = evaluate(input(coSo, { members: memberTable(specs), learners: learners([1, 1]) }));
    expect(ev.members[0]).toMatchObject({ met: 6, applicable: 6, score: 1, reachesTarget: true });
    expect(ev.members[1]).toMatchObject({ met: 5, applicable: 6, reachesTarget: false });
    expect(ev.members[1]!.score).toBeCloseTo(5 / 6, 10);
  });

  it('a condition naming a missing column is an error naming indicator and column', () => {
    const rs: RuleSet = { ...coSo, indicators: coSo.indicators.map((i) => (i.code === '2.3' ? { ...i, measure: { kind: 'members', condition: '[Không có cột này] = có' } } : i)) };
    const ev = evaluate(input(rs, { members: memberTable(uniformMembers(5, 5)), learners: learners([1, 1]) }));
    expect(status(ev, '2.3')).toBe('not_evaluable');
    expect(ev.problems).toContainEqual(expect.objectContaining({ code: 'unknownColumn', params: { indicator: '2.3', column: 'Không có cột này' } }));
  });
});

describe('a column respelt (kỉ/kỷ, case, Unicode form, spaces) is the same column', () => {
  const respelt = ['Chấp hành kỉ luật lao động', 'CHẤP HÀNH KỈ LUẬT LAO ĐỘNG', 'Chấp  hành kỉ luật  lao động'.normalize('NFD'), ' chấp hành Kỷ luật lao động '];
  const discipline = MEMBER_FIELDS.findIndex((f) => f.key === 'discipline');
  const specs = uniformMembers(10, 10).map((s, i) => (i < 3 ? { ...s, discipline: 'Không' } : s));
  const expected = indicator(evaluate(input(coSo, { members: memberTable(specs), learners: learners([1, 1]) })), '2.1');

  it.each(respelt)('in a condition: “[%s] = có” reads the column “Chấp hành kỷ luật lao động”, as the rule-set comparison calls it no edit', (column) => {
    const rs: RuleSet = { ...coSo, indicators: coSo.indicators.map((i) => (i.code === '2.1' ? { ...i, measure: { kind: 'members', condition: `[${column}] = có` } } : i)) };
    expect(ruleSetChanges(comparable(rs), comparable(coSo))).toEqual([]);
    const ev = evaluate(input(rs, { members: memberTable(specs), learners: learners([1, 1]) }));
    expect(ev.problems.filter((p) => p.code === 'unknownColumn')).toEqual([]);
    expect(indicator(ev, '2.1')).toMatchObject({ numerator: 7, denominator: 10, status: expected.status });
  });

  it.each(respelt)('in the members sheet’s header: “%s” is the column the preset’s condition names', (header) => {
    const table = memberTable(specs);
    table.columns[discipline] = { ...table.columns[discipline]!, header };
    const ev = evaluate(input(coSo, { members: table, learners: learners([1, 1]) }));
    expect(ev.problems.filter((p) => p.code === 'unknownColumn')).toEqual([]);
    expect(indicator(ev, '2.1')).toMatchObject({ numerator: 7, denominator: 10, status: expected.status });
  });
});

describe('TT24 · tỉnh', () => {
  it('level 2 asks more of CDHT than level 1 (95% vs 90%)', () => {
    const specs = uniformMembers(100, 100).map((s, i) => ({ ...s, cdhtScore: i < 92 ? 90 : 50 }));
    const args = { members: memberTable(specs), learners: learners([100, 97]), unitFields: unitFields('Trường THCS') };
    expect(status(evaluate(input(tinh1, args)), '3.1')).toBe('met');
    expect(status(evaluate(input(tinh2, args)), '3.1')).toBe('not_met');
  });
  it('digital-transformation level applies to upper-secondary schools, accreditation to vocational ones', () => {
    const members = memberTable(uniformMembers(5, 5));
    const thpt = evaluate(input(tinh1, { unitFields: unitFields('Trường THPT'), members, learners: learners([1, 1]) }));
    expect(status(thpt, '3.4')).toBe('met');
    expect(status(thpt, '3.5')).toBe('not_applicable');
    const voc = evaluate(input(tinh1, { unitFields: unitFields('Cơ sở giáo dục nghề nghiệp'), members, learners: learners([1, 1]) }));
    expect(status(voc, '3.4')).toBe('not_applicable');
    expect(status(voc, '3.5')).toBe('met');
  });
  it('a multi-level school counts for digital transformation only when its highest level is THPT', () => {
    const members = memberTable(uniformMembers(5, 5));
    const multi = (highest: string | null) =>
      evaluate(input(tinh1, { unitFields: [...unitFields('Trường phổ thông nhiều cấp học'), { label: 'Cấp học cao nhất', value: highest, at: { sheet: 'unit', row: 7, col: 2 } }], members, learners: learners([1, 1]) }));
    expect(status(multi('THPT'), '3.4')).toBe('met');
    expect(status(multi('THCS'), '3.4')).toBe('not_applicable');
    // An older "Thông tin đơn vị" without the field: said once, never a refusal; 3.4 cannot be decided.
    const old = evaluate(input(tinh1, { unitFields: unitFields('Trường phổ thông nhiều cấp học'), members, learners: learners([1, 1]) }));
    expect(status(old, '3.4')).toBe('not_evaluable');
    expect(old.problems.filter((p) => p.code === 'unknownUnitField')).toEqual([expect.objectContaining({ severity: 'warning', params: { indicator: '3.4', field: 'Cấp học cao nhất' } })]);
  });
});

describe('TT22/2020 · 100 điểm', () => {
  const scored = (rs: RuleSet, specs = uniformMembers(20, 20)) => evaluate(input(rs, { members: memberTable(specs) }));
  it('everything met: 100 points, Tốt', () => {
    expect(scored(tt22).outcome).toEqual({ kind: 'score', status: 'rated', score: 100, rating: 'Tốt' });
  });
  it('all or nothing: 19/20 on 3.1 loses its 25 points → 75, Khá', () => {
    const specs = uniformMembers(20, 20).map((s, i) => ({ ...s, cdhtCompetences: i === 0 ? 'Không' : 'Có' }));
    const ev = scored(tt22, specs);
    expect(ev.outcome).toMatchObject({ score: 75, rating: 'Khá' });
    expect(ev.criteria.find((c) => c.code === '3')).toMatchObject({ points: 15, maxPoints: 40 });
  });
  it('proportional: 19/20 on 3.1 earns 25 × 95% = 23.75 → 98.75, Tốt', () => {
    const specs = uniformMembers(20, 20).map((s, i) => ({ ...s, cdhtCompetences: i === 0 ? 'Không' : 'Có' }));
    const ev = scored({ ...tt22, partialScoring: 'proportional' }, specs);
    expect(indicator(ev, '3.1').points).toBeCloseTo(23.75, 10);
    expect(ev.outcome).toMatchObject({ score: 98.75, rating: 'Tốt' });
  });
  it('the band is decided by the score itself, never by its rounding: 1000/2501 on 3.1 → 84.996…, Khá (shown 84.99, rounded down)', () => {
    const specs = uniformMembers(2501, 2501).map((s, i) => ({ ...s, cdhtCompetences: i < 1000 ? 'Có' : 'Không' }));
    const ev = scored({ ...tt22, partialScoring: 'proportional' }, specs);
    expect(indicator(ev, '3.1').points).toBeCloseTo(25000 / 2501, 10);
    // Rounded to 2 decimals the score would read 85.00 and reach "Tốt: 85".
    expect(ev.outcome).toEqual({ kind: 'score', status: 'rated', score: 84.99, rating: 'Khá' });
  });
  it('rating bands at their edges', () => {
    expect(ratingFor(tt22, 85)).toBe('Tốt');
    expect(ratingFor(tt22, 84.99)).toBe('Khá');
    expect(ratingFor(tt22, 70)).toBe('Khá');
    expect(ratingFor(tt22, 69.99)).toBe('Trung bình');
    expect(ratingFor(tt22, 50)).toBe('Trung bình');
    expect(ratingFor(tt22, 49.99)).toBe('Chưa đạt');
  });
  it('a missing unit answer makes the score not evaluable instead of silently 0', () => {
    const answers = allUnitAnswers(tt22);
    answers['1.2'] = undefined;
    const ev = evaluate(input(tt22, { answers, members: memberTable(uniformMembers(5, 5)) }));
    expect(ev.outcome).toEqual({ kind: 'score', status: 'not_evaluable', score: null, rating: null });
  });
  it('no scored indicator applies: no score and no rating (never 0, “Chưa đạt”), said at the rule set’s “Cách đánh giá” cell', () => {
    // Every indicator for vocational institutions only; the unit is a THCS.
    const rs: RuleSet = { ...tt22, indicators: tt22.indicators.map((i) => ({ ...i, appliesTo: '[Loại đơn vị] thuộc {Cơ sở giáo dục nghề nghiệp}' })) };
    const modeCell = { sheet: 'criteria' as const, row: 6, col: 3 };
    const ev = evaluate(input(rs, { members: memberTable(uniformMembers(5, 5)), modeCell }));
    expect(ev.indicators.every((i) => i.status === 'not_applicable')).toBe(true);
    expect(ev.outcome).toEqual({ kind: 'score', status: 'not_evaluable', score: null, rating: null, unscored: true });
    expect(ev.problems.filter((p) => p.code === 'noScoredIndicator')).toEqual([expect.objectContaining({ severity: 'warning', at: modeCell })]);
    // Indicators that apply but carry no points leave nothing to score either.
    const noPoints: RuleSet = { ...tt22, indicators: tt22.indicators.map((i) => ({ ...i, points: 0 })) };
    expect(evaluate(input(noPoints, { members: memberTable(uniformMembers(5, 5)) })).outcome).toMatchObject({ status: 'not_evaluable', unscored: true });
    // One scored indicator that applies is enough to score.
    expect(evaluate(input({ ...rs, indicators: rs.indicators.map((i) => (i.code === '3.2' ? { ...i, appliesTo: '' } : i)) }, { members: memberTable(uniformMembers(5, 5)) })).outcome).toEqual({
      kind: 'score',
      status: 'rated',
      score: 100,
      rating: 'Tốt',
    });
  });
  it('a failed unit fact loses its points: 3.2 (10) → 90', () => {
    const answers = allUnitAnswers(tt22);
    answers['3.2'] = { value: 'Không', at: { sheet: 'criteria', row: 30, col: 9 } };
    expect(evaluate(input(tt22, { answers, members: memberTable(uniformMembers(5, 5)) })).outcome).toMatchObject({ score: 90, rating: 'Tốt' });
  });
});

describe('emulation titles (Luật Thi đua, khen thưởng 06/2022/QH15)', () => {
  const withTitles = (titles: (string | null)[]) => {
    const specs = uniformMembers(titles.length, titles.length).map((s, i) => ({ ...s, emulationTitle: titles[i] ?? null }));
    return evaluate(input(coSo, { members: memberTable(specs), learners: learners([1, 1]) }));
  };

  it('titles above LĐTT, in their usual spellings, count as LĐTT or higher', () => {
    const higher = [
      'Chiến sĩ thi đua bộ, ban, ngành, tỉnh',
      'Chiến sĩ thi đua cấp Bộ',
      'chiến sĩ thi đua cấp tỉnh',
      'CSTĐ cấp tỉnh',
      'cstđ cấp bộ',
      'CSTĐ toàn quốc',
      'Chiến sĩ thi đua toàn quốc',
      'Chiến sĩ tiên tiến',
      'CSTĐCS',
      'LĐTT',
      'LDTT',
    ];
    const ev = withTitles(higher);
    expect(indicator(ev, '3.1')).toMatchObject({ numerator: higher.length, denominator: higher.length, status: 'met' });
    expect(ev.problems.filter((p) => p.code === 'unknownTitle')).toEqual([]);
  });

  it('a value that is no known title is a warning at its cell, counted as not met; known "no" values are not', () => {
    const ev = withTitles(['Giấy khen', 'Hoàn thành nhiệm vụ', 'HTNV', 'Không hoàn thành nhiệm vụ', null, 'không', 'Lao động tiên tiến']);
    expect(indicator(ev, '3.1')).toMatchObject({ numerator: 1, denominator: 7 });
    const unknown = ev.problems.filter((p) => p.code === 'unknownTitle');
    expect(unknown).toEqual([
      expect.objectContaining({ severity: 'warning', at: { sheet: 'members', row: 5, col: 12 }, params: expect.objectContaining({ value: 'Giấy khen', column: 'Danh hiệu thi đua', indicator: '3.1' }) }),
    ]);
  });

  it('a quality rating (HTTNV, Hoàn thành xuất sắc nhiệm vụ) written as the title is said to be a rating, not a title, counted as not met', () => {
    const ev = withTitles(['HTTNV', 'Hoàn thành xuất sắc nhiệm vụ', 'htxsnv', 'Hoàn thành tốt nhiệm vụ', 'Lao động tiên tiến']);
    expect(indicator(ev, '3.1')).toMatchObject({ numerator: 1, denominator: 5 });
    expect(ev.problems.filter((p) => p.code === 'unknownTitle')).toEqual([]);
    const rating = ev.problems.filter((p) => p.code === 'ratingNotTitle');
    expect(rating.map((p) => [p.at?.row, p.params.value])).toEqual([
      [5, 'HTTNV'],
      [6, 'Hoàn thành xuất sắc nhiệm vụ'],
      [7, 'htxsnv'],
      [8, 'Hoàn thành tốt nhiệm vụ'],
    ]);
    const vi = locateProblem(rating[0]!, 'vi').message;
    expect(vi).toContain('“HTTNV”');
    expect(vi).toContain('Nghị định số 90/2020/NĐ-CP ngày 13/8/2020');
    expect(vi).toContain('chỉ tiêu 3.1');
    expect(locateProblem(rating[0]!, 'en').message).toContain('Decree 90/2020/NĐ-CP of 13/8/2020');
  });

  it('a rating the rule set lists (a local rule that counts it) is a known title', () => {
    const rs: RuleSet = { ...coSo, indicators: coSo.indicators.map((i) => (i.code === '3.1' ? { ...i, measure: { kind: 'members', condition: '[Danh hiệu thi đua] thuộc {Lao động tiên tiến; HTTNV}' } } : i)) };
    const specs = uniformMembers(2, 2).map((s) => ({ ...s, emulationTitle: 'HTTNV' }));
    const ev = evaluate(input(rs, { members: memberTable(specs), learners: learners([1, 1]) }));
    expect(indicator(ev, '3.1')).toMatchObject({ numerator: 2 });
    expect(ev.problems.filter((p) => p.code === 'ratingNotTitle' || p.code === 'unknownTitle')).toEqual([]);
  });

  it('a spelling the user added to the rule set’s list is a known title', () => {
    const rs: RuleSet = { ...coSo, indicators: coSo.indicators.map((i) => (i.code === '3.1' ? { ...i, measure: { kind: 'members', condition: '[Danh hiệu thi đua] thuộc {Lao động tiên tiến; LĐ tiên tiến}' } } : i)) };
    const specs = uniformMembers(2, 2).map((s) => ({ ...s, emulationTitle: 'LĐ tiên tiến' }));
    const ev = evaluate(input(rs, { members: memberTable(specs), learners: learners([1, 1]) }));
    expect(indicator(ev, '3.1')).toMatchObject({ numerator: 2 });
    expect(ev.problems.filter((p) => p.code === 'unknownTitle')).toEqual([]);
  });
});

describe('CDHT: the title, when given, decides; the score only when the title is blank', () => {
  const cdht = (rows: [string | null, number | string | null][], rs: RuleSet = coSo) => {
    const specs = uniformMembers(rows.length, rows.length).map((s, i) => ({ ...s, cdhtTitle: rows[i]![0], cdhtScore: rows[i]![1] }));
    return evaluate(input(rs, { members: memberTable(specs), learners: learners([1, 1]) }));
  };

  it('an explicit "Chưa đạt" is not overridden by a score of 90; a blank title falls back on the score', () => {
    const ev = cdht([
      ['Chưa đạt', 90],
      [null, 85],
      [null, 79],
      ['Đạt', null],
    ]);
    expect(indicator(ev, '3.2a')).toMatchObject({ numerator: 2, denominator: 4 });
    expect(ev.members.map((m) => m.met)).toEqual([5, 6, 5, 6]);
  });

  it('the same in every TT24 preset, and the 80 points stay in the editable condition', () => {
    for (const rs of [coSo, findPreset('tt24-co-so-md2')!, tinh1, tinh2]) {
      const ind = rs.indicators.find((i) => i.measure.kind === 'members' && i.measure.condition.includes('Điểm CDHT'))!;
      expect(ind.measure).toEqual({ kind: 'members', condition: '[Danh hiệu CDHT] = có hoặc ([Danh hiệu CDHT] trống và [Điểm CDHT] >= 80)' });
      expect(ind.source).toMatch(/70 điểm/);
    }
  });

  it('a title and a score that disagree are a warning at the title’s cell', () => {
    const ev = cdht([
      ['Đạt', 60],
      ['Chưa đạt', 90],
      ['Đạt', 85],
      ['Chưa đạt', 50],
      ['Đạt', null],
    ]);
    const disagree = ev.problems.filter((p) => p.code === 'titleScoreDisagree');
    expect(disagree).toEqual([
      expect.objectContaining({ severity: 'warning', at: { sheet: 'members', row: 5, col: 15 }, params: expect.objectContaining({ value: 'Đạt', column: 'Danh hiệu CDHT', other: 'Điểm CDHT', otherValue: 60, indicator: '3.2a' }) }),
      expect.objectContaining({ at: { sheet: 'members', row: 6, col: 15 }, params: expect.objectContaining({ value: 'Chưa đạt', otherValue: 90 }) }),
    ]);
  });

  it('a score that cannot be read is said where it is read, not taken to disagree with the title', () => {
    const ev = cdht([
      ['Đạt', '85,5'],
      ['Chưa đạt', 'chín mươi'],
    ]);
    expect(ev.problems.filter((p) => p.code === 'titleScoreDisagree')).toEqual([]);
    // Each score is said once, at its cell, as a number that cannot be read.
    expect(ev.problems.filter((p) => p.code === 'invalidNumber').map((p) => p.at)).toEqual([5, 6].map((row) => ({ sheet: 'members', row, col: 14 })));
  });

  it('the score in the message is written with the language’s decimal mark', () => {
    const ev = cdht([['Chưa đạt', 90.5]]);
    const p = ev.problems.find((x) => x.code === 'titleScoreDisagree')!;
    expect(locateProblem(p, 'vi').message).toContain('cột “Điểm CDHT” ghi 90,5,');
    expect(locateProblem(p, 'en').message).toContain('90.5');
  });
});

describe('applicability that depends on a blank or unclear unit field cannot be decided (reference §2, §4)', () => {
  const members = memberTable(uniformMembers(5, 5));
  const at = { sheet: 'unit' as const, row: 6, col: 2 };

  it('a public THCS with “Công lập” blank: 1.3 not evaluable, warned at the cell, not recognised', () => {
    const ev = evaluate(input(coSo, { unitFields: unitFields('Trường THCS', null), members, learners: learners([1, 1]) }));
    expect(status(ev, '1.3')).toBe('not_evaluable');
    expect(ev.problems).toContainEqual(expect.objectContaining({ severity: 'warning', code: 'applicabilityBlank', at, params: expect.objectContaining({ indicator: '1.3', column: 'Công lập' }) }));
    expect(ev.outcome).toMatchObject({ status: 'not_evaluable' });
  });

  it('a blank field that cannot change the answer is no problem: a state body is covered by its type', () => {
    const ev = evaluate(input(coSo, { unitFields: unitFields('Cơ quan nhà nước', null), members, learners: learners([1, 1]) }));
    expect(status(ev, '1.3')).toBe('met');
    expect(ev.problems.filter((p) => p.at?.sheet === 'unit')).toEqual([]);
  });

  it('an unclear “Công lập” (công lập tự chủ): not evaluable, and the message says so rather than “chưa đạt”', () => {
    const ev = evaluate(input(coSo, { unitFields: unitFields('Trường THCS', 'công lập tự chủ'), members, learners: learners([1, 1]) }));
    expect(status(ev, '1.3')).toBe('not_evaluable');
    expect(ev.problems.filter((p) => p.at?.sheet === 'unit')).toEqual([
      expect.objectContaining({ code: 'applicabilityUnclear', at, params: expect.objectContaining({ indicator: '1.3', value: 'công lập tự chủ' }) }),
    ]);
    const stateBody = evaluate(input(coSo, { unitFields: unitFields('Cơ quan nhà nước', 'công lập tự chủ'), members, learners: learners([1, 1]) }));
    expect(status(stateBody, '1.3')).toBe('met');
    expect(stateBody.problems.filter((p) => p.at?.sheet === 'unit')).toEqual([expect.objectContaining({ code: 'unitFieldUnclear', at })]);
  });

  it('tt24-tinh-md1: a multi-level school with “Cấp học cao nhất” blank leaves 3.4 undecided and is not recognised', () => {
    const fields = [...unitFields('Trường phổ thông nhiều cấp học'), { label: 'Cấp học cao nhất', value: null, at: { sheet: 'unit' as const, row: 7, col: 2 } }];
    const ev = evaluate(input(tinh1, { unitFields: fields, members, learners: learners([1, 1]) }));
    expect(status(ev, '3.4')).toBe('not_evaluable');
    expect(ev.problems).toContainEqual(expect.objectContaining({ code: 'applicabilityBlank', at: { sheet: 'unit', row: 7, col: 2 }, params: expect.objectContaining({ indicator: '3.4' }) }));
    expect(ev.outcome).toMatchObject({ status: 'not_evaluable' });
  });
});

describe('a unit type not in the unit’s list of types is undecided, as a blank one is (never “Không áp dụng”)', () => {
  const members = memberTable(uniformMembers(5, 5));
  const types = ['Cơ quan nhà nước', 'Trường tiểu học', 'Trường THCS'];
  const at = { sheet: 'unit' as const, row: 5, col: 2 };

  it('“Trường TH”: 3.2b (learners, for schools) cannot be evaluated, said at the type’s cell, and the unit is not recognised', () => {
    const ev = evaluate(input(coSo, { unitFields: unitFields('Trường TH'), fieldChoices: { 'Loại đơn vị': types }, members, learners: learners([100, 40]) }));
    expect(indicator(ev, '3.2b')).toMatchObject({ status: 'not_evaluable', undecided: true });
    expect(ev.problems).toContainEqual(expect.objectContaining({ severity: 'warning', code: 'applicabilityUnlisted', at, params: expect.objectContaining({ indicator: '3.2b', value: 'Trường TH', column: 'Loại đơn vị' }) }));
    expect(ev.outcome).toMatchObject({ status: 'not_evaluable' });
  });

  it('a listed type in another case or Unicode form decides; another field that decides alone still does (1.3 by “Công lập”)', () => {
    const ev = evaluate(input(coSo, { unitFields: unitFields('trường tiểu học'.normalize('NFD')), fieldChoices: { 'Loại đơn vị': types }, members, learners: learners([100, 40]) }));
    expect(status(ev, '3.2b')).toBe('not_met');
    const unlisted = evaluate(input(coSo, { unitFields: unitFields('Trường TH', 'Có'), fieldChoices: { 'Loại đơn vị': types }, members, learners: learners([100, 100]) }));
    expect(status(unlisted, '1.3')).toBe('met');
  });
});

describe('an outcome that unclear cells could change is said to depend on them (reference §3: never guessed)', () => {
  it('“nghỉ thai sản” in “Tính vào tổng số” is counted, and the indicators that excluding those members would pass say they depend on those cells', () => {
    const specs = uniformMembers(11, 9);
    specs[9]!.counted = 'nghỉ thai sản';
    specs[10]!.counted = 'nghỉ thai sản';
    const ev = evaluate(input(coSo, { members: memberTable(specs), learners: learners([1, 1]) }));
    expect(indicator(ev, '2.1')).toMatchObject({ numerator: 9, denominator: 11, status: 'not_met', conditional: true });
    expect(ev.outcome).toMatchObject({ status: 'not_recognised' });
    const depends = ev.problems.filter((p) => p.code === 'outcomeDepends');
    expect(depends.map((p) => p.params.indicator)).toEqual(['2.1', '2.2', '2.3', '3.1', '3.2a']);
    expect(depends[0]).toMatchObject({ severity: 'warning', at: { sheet: 'members', row: 14, col: 5 }, cells: [{ sheet: 'members', row: 14, col: 5 }, { sheet: 'members', row: 15, col: 5 }] });
    // 2.4 needs 50%: 9 of 11 passes whoever is counted.
    expect(indicator(ev, '2.4').conditional).toBeUndefined();
  });

  it('an unclear cell whose other reading would pass the indicator makes it conditional; one that cannot change it does not', () => {
    const specs = uniformMembers(10, 10);
    specs[0]!.discipline = 'ok';
    specs[1]!.discipline = 'chưa rõ';
    const ev = evaluate(input(coSo, { members: memberTable(specs), learners: learners([1, 1]) }));
    expect(indicator(ev, '2.1')).toMatchObject({ numerator: 8, status: 'not_met', conditional: true });
    expect(ev.problems.find((p) => p.code === 'outcomeDepends')).toMatchObject({ params: { indicator: '2.1', count: 2 }, cells: [{ sheet: 'members', row: 5, col: 8 }, { sheet: 'members', row: 6, col: 8 }] });
    specs[1]!.discipline = 'Có';
    const ok = evaluate(input(coSo, { members: memberTable(specs), learners: learners([1, 1]) }));
    expect(indicator(ok, '2.1')).toMatchObject({ numerator: 9, status: 'met' });
    expect(indicator(ok, '2.1').conditional).toBeUndefined();
    expect(ok.problems.filter((p) => p.code === 'outcomeDepends')).toEqual([]);
  });
});
