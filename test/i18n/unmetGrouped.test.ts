/**
 * What keeps a unit out, as the clerk reads it after evaluating (CLI, pane, the documents' message): the
 * indicators not met each with its figure, then those that cannot be evaluated yet, named once together
 * (“chưa đánh giá được: 1.1, 1.2, 3.3”) rather than one “Chưa đánh giá được” each.
 */
import { groupedUnmet, type IndicatorFigures } from '../../src/i18n/outcome';

const fig = (code: string, status: IndicatorFigures['status'], value: number | null = null, required: number | null = null): IndicatorFigures => ({ code, status, measure: value === null ? 'unit' : 'members', value, required });

describe('groupedUnmet', () => {
  const indicators = [fig('1.1', 'not_evaluable'), fig('1.2', 'not_evaluable'), fig('2.1', 'not_met', 0, 0.9), fig('2.2', 'met', 1, 0.9), fig('3.1', 'not_met', 0.6, 0.9), fig('3.3', 'not_evaluable'), fig('3.4', 'not_met')];

  it('lists the indicators not met with their figures, then the ones not evaluable together', () => {
    expect(groupedUnmet(indicators, 'vi')).toEqual(['2.1: 0,0% < 90%', '3.1: 60,0% < 90%', '3.4: Không đạt', 'chưa đánh giá được: 1.1, 1.2, 3.3']);
    expect(groupedUnmet(indicators, 'en')).toEqual(['2.1: 0.0% < 90%', '3.1: 60.0% < 90%', '3.4: Not met', 'not evaluable yet: 1.1, 1.2, 3.3']);
  });

  it('one not evaluable reads alike; none met or missing gives nothing', () => {
    expect(groupedUnmet([fig('1.1', 'not_evaluable')], 'vi')).toEqual(['chưa đánh giá được: 1.1']);
    expect(groupedUnmet([fig('2.2', 'met', 1, 0.9)], 'vi')).toEqual([]);
  });
});
