/**
 * A consolidation evaluates thousands of units with the same few conditions, so the engine
 * parses each condition text once: every unit must still get its own results and its own
 * problems, a syntax error included.
 */
import { evaluate } from '../../src/domain/evaluation';
import { findPreset } from '../../src/domain/rules/presets';
import type { RuleSet } from '../../src/domain/rules/ruleSet';
import { input, learners, memberTable, uniformMembers, unitFields } from '../support/tables';

const coSo = findPreset('tt24-co-so-md1')!;
const withCondition = (condition: string, appliesTo = ''): RuleSet => ({
  ...coSo,
  indicators: coSo.indicators.map((i) => (i.code === '2.3' ? { ...i, appliesTo, measure: { kind: 'members', condition } } : i)),
});

describe('the engine over a batch of units', () => {
  it('reports a condition with a syntax error for every unit that has it, not only the first', () => {
    const broken = withCondition('[Chấp hành kỷ luật lao động] = = có', '[Loại đơn vị] thuộc {');
    for (let unit = 0; unit < 3; unit++) {
      const ev = evaluate(input(broken, { members: memberTable(uniformMembers(5, 5)), learners: learners([1, 1]) }));
      expect(ev.indicators.find((i) => i.code === '2.3')!.status).toBe('not_evaluable');
      expect(ev.problems.filter((p) => p.code === 'conditionSyntax').map((p) => p.params.detail)).toEqual(['missingListEnd', 'expectedValue']);
    }
  });

  it('gives each unit its own figures and applicability under one shared condition', () => {
    const rs = withCondition('[Chấp hành kỷ luật lao động] = có', '[Loại đơn vị] thuộc {Trường THCS}');
    const school = (met: number, type: string) =>
      evaluate(input(rs, { members: memberTable(uniformMembers(10, met)), learners: learners([10, 10]), unitFields: unitFields(type) })).indicators.find((i) => i.code === '2.3')!;
    expect(school(10, 'Trường THCS')).toMatchObject({ numerator: 10, status: 'met' });
    expect(school(3, 'Trường THCS')).toMatchObject({ numerator: 3, status: 'not_met' });
    expect(school(10, 'UBND cấp xã').status).toBe('not_applicable');
  });
});
