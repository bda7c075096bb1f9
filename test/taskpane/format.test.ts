import { parsePercentInput, percentInputText } from '../../src/taskpane/format';
import { formatNumber, formatPercent, formatThreshold } from '../../src/i18n/format';

describe('pane number formats', () => {
  test('percentages use the Vietnamese decimal comma, one decimal at most', () => {
    expect(formatPercent(0.875, 'vi')).toBe('87,5%');
    expect(formatPercent(0.875, 'en')).toBe('87.5%');
    expect(formatPercent(0.9, 'vi')).toBe('90,0%');
    expect(formatPercent(1, 'vi')).toBe('100,0%');
    expect(formatPercent(0.29, 'vi')).toBe('29,0%');
  });

  test('thresholds read as "Tiêu chí" shows them: no decimal when whole', () => {
    expect(formatThreshold(0.9, 'vi')).toBe('90%');
    expect(formatThreshold(0.925, 'vi')).toBe('92,5%');
    expect(formatThreshold(0.925, 'en')).toBe('92.5%');
  });

  test('percentage fields accept comma or dot and a trailing %', () => {
    expect(parsePercentInput('87,5')).toBe(0.875);
    expect(parsePercentInput('87.5 %')).toBe(0.875);
    expect(parsePercentInput('90')).toBe(0.9);
    expect(parsePercentInput('')).toBeNull();
    expect(parsePercentInput('chín mươi')).toBeNull();
    expect(parsePercentInput('-5')).toBeNull();
    // “At least 95%” as people write it: the comparison is always ≥.
    expect(parsePercentInput('≥ 95')).toBe(0.95);
    expect(parsePercentInput('>=95%')).toBe(0.95);
    expect(percentInputText(0.875, 'vi')).toBe('87,5');
    expect(percentInputText(0.9, 'en')).toBe('90');
    expect(formatNumber(87.5, 'vi')).toBe('87,5');
  });
});
