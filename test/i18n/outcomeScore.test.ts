/**
 * A TT22 score in words as a Vietnamese document prints it: the decimal comma (“84,99 điểm”),
 * never “84.99 điểm”, which a Vietnamese reader takes for eight thousand-odd. English keeps its point.
 */
import { outcomeText } from '../../src/i18n/outcome';
import type { Evaluation } from '../../src/domain/evaluation';

const scored = (score: number, rating: string) => ({ outcome: { kind: 'score', status: 'rated', score, rating } }) as unknown as Evaluation;

describe('the outcome of a scored rule set', () => {
  it.each([
    [84.99, 'Khá', '84,99 điểm — xếp loại Khá', '84.99 points — rated Khá'],
    [33.33, 'Chưa đạt', '33,33 điểm — xếp loại Chưa đạt', '33.33 points — rated Chưa đạt'],
    [85, 'Tốt', '85 điểm — xếp loại Tốt', '85 points — rated Tốt'],
    [70.5, 'Khá', '70,5 điểm — xếp loại Khá', '70.5 points — rated Khá'],
  ])('%p (%s)', (score, rating, vi, en) => {
    expect(outcomeText(scored(score, rating), 'vi').text).toBe(vi);
    expect(outcomeText(scored(score, rating), 'en').text).toBe(en);
    // The figure itself stays a number for whoever computes with it.
    expect(outcomeText(scored(score, rating), 'vi').score).toBe(score);
  });
});
