/**
 * The rule-set comparison (domain/rules/compare.ts): what counts as an edit of a preset, and
 * which edits only ask more of the unit (a lawful local variant, said as “stricter”).
 */
import { asksMore, comparable, ruleSetChanges, type ComparableRuleSet } from '../../src/domain/rules/compare';
import { findPreset } from '../../src/domain/rules/presets';

const preset = comparable(findPreset('tt24-co-so-md1')!);
const conditionOf = (code: string) => preset.indicators.find((i) => i.code === code)!.condition;

/** The preset with one indicator's condition or threshold replaced. */
const edited = (code: string, change: Partial<ComparableRuleSet['indicators'][number]>): ComparableRuleSet => ({
  ...preset,
  indicators: preset.indicators.map((i) => (i.code === code ? { ...i, ...change } : i)),
});

/** A members' indicator measured by `reference`'s condition, and the unit's edit of it. */
const withCondition = (reference: string, unit: string) => ruleSetChanges(edited('2.1', { condition: unit }), edited('2.1', { condition: reference }));

describe('a condition written another way is no edit', () => {
  it.each([
    ['sĩ ↔ sỹ', (s: string) => s.replace(/Chiến sĩ/g, 'Chiến sỹ')],
    ['NFD', (s: string) => s.normalize('NFD')],
    ['case and extra spaces', (s: string) => `  ${s.toUpperCase().replace(/ /g, '   ')} `],
  ])('%s', (_name, rewrite) => {
    const ldtt = conditionOf('3.1');
    expect(rewrite(ldtt)).not.toBe(ldtt);
    expect(ruleSetChanges(edited('3.1', { condition: rewrite(ldtt) }), preset)).toEqual([]);
  });

  it('tone-mark placement (hoà ↔ hòa, thuý ↔ thúy) and i/y after a consonant (kỹ ↔ kĩ)', () => {
    expect(withCondition('[Hoàn thành bồi dưỡng] thuộc {Hòa; Thúy; Kỹ năng}', '[Hoàn thành bồi dưỡng] thuộc {Hoà; Thuý; Kĩ năng}')).toEqual([]);
    expect(withCondition('[Chấp hành kỷ luật lao động] = có', '[Chấp hành kỉ luật lao động] = có')).toEqual([]);
  });

  it('keywords and columns as the engine reads them (without accents), or spaced otherwise, are the same condition', () => {
    expect(withCondition('[Danh hiệu CDHT] = có hoặc [Điểm CDHT] >= 80', '[Danh hieu CDHT]=co hoac [Diem CDHT]>=80')).toEqual([]);
    expect(withCondition('[Danh hiệu CDHT] = có hoặc [Điểm CDHT] >= 80', '[Danh hiệu CDHT]=CÓ HOẶC [Điểm CDHT]>=80')).toEqual([]);
  });

  it('another word is still an edit: Hoa is not Hòa, sỹ is not sư', () => {
    expect(withCondition('[Danh hiệu thi đua] thuộc {Hòa}', '[Danh hiệu thi đua] thuộc {Hoa}')).toEqual([{ kind: 'condition', code: '2.1' }]);
    expect(withCondition('[Danh hiệu thi đua] thuộc {Chiến sĩ}', '[Danh hiệu thi đua] thuộc {Chiến sư}')).toEqual([{ kind: 'condition', code: '2.1' }]);
  });
});

describe('which edits only ask more of the unit', () => {
  it('a share’s requirement raised asks more; lowered it does not', () => {
    const [raised] = ruleSetChanges(edited('2.4', { threshold: 0.6 }), preset);
    const [lowered] = ruleSetChanges(edited('2.4', { threshold: 0.4 }), preset);
    expect(raised).toEqual({ kind: 'threshold', code: '2.4', unit: 0.6, reference: 0.5 });
    expect(asksMore(raised!)).toBe(true);
    expect(asksMore(lowered!)).toBe(false);
  });

  it('a “≥” figure in a condition raised (CDHT 80 → 85 points) asks more; lowered (→ 70) it does not', () => {
    const cdht = conditionOf('3.2a');
    const [raised] = ruleSetChanges(edited('3.2a', { condition: cdht.replace('>= 80', '>= 85') }), preset);
    const [lowered] = ruleSetChanges(edited('3.2a', { condition: cdht.replace('>= 80', '>= 70') }), preset);
    expect(raised).toEqual({ kind: 'condition', code: '3.2a', stricter: true });
    expect(asksMore(raised!)).toBe(true);
    expect(lowered).toEqual({ kind: 'condition', code: '3.2a' });
    expect(asksMore(lowered!)).toBe(false);
  });

  it('a “≤” bound asks more lowered, not raised; “>” for “≥” at the same figure asks more', () => {
    const days = (c: string) => `[Số ngày nghỉ] ${c}`;
    const asks = (reference: string, unit: string) => withCondition(days(reference), days(unit)).every(asksMore);
    expect(asks('<= 5', '<= 3')).toBe(true);
    expect(asks('<= 5', '< 5')).toBe(true);
    expect(asks('<= 5', '<= 7')).toBe(false);
    expect(asks('>= 5', '> 5')).toBe(true);
    expect(asks('> 5', '>= 5')).toBe(false);
    // A bound turned round, or an “=”, is another condition.
    expect(asks('>= 5', '<= 5')).toBe(false);
    expect(asks('= 5', '= 6')).toBe(false);
  });

  it('a figure raised together with another change of the condition is an edit', () => {
    const cdht = conditionOf('3.2a');
    const changes = ruleSetChanges(edited('3.2a', { condition: cdht.replace('>= 80', '>= 85').replace(' hoặc ', ' và ') }), preset);
    expect(changes).toEqual([{ kind: 'condition', code: '3.2a' }]);
  });

  it('deleted indicators, other columns, applicability and measures never ask more', () => {
    const deleted = { ...preset, indicators: preset.indicators.filter((i) => i.code !== '2.3') };
    expect(ruleSetChanges(deleted, preset).map(asksMore)).toEqual([false]);
    expect(withCondition('[Tham gia chuyển đổi số] = có', '[Chứng chỉ ngoại ngữ] = có').map(asksMore)).toEqual([false]);
    expect(ruleSetChanges(edited('2.4', { appliesTo: '[Loại đơn vị] thuộc {Trường THCS}' }), preset).map(asksMore)).toEqual([false]);
  });
});
