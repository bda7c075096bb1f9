/**
 * formatNumber writes ordinary figures without Intl (its first formatter costs a command ≈ 14 ms):
 * the text is Intl.NumberFormat's, digit for digit, in both languages and for every decimals setting.
 */
import fc from 'fast-check';
import { formatNumber } from '../../src/i18n/format';

const LOCALE = { vi: 'vi-VN', en: 'en-GB' } as const;
const intl = (value: number, lang: 'vi' | 'en', max: number, min: number) =>
  new Intl.NumberFormat(LOCALE[lang], { minimumFractionDigits: min, maximumFractionDigits: max, useGrouping: false }).format(value);

const values = fc.oneof(
  fc.double({ min: -1e16, max: 1e16, noNaN: true }),
  fc.integer({ min: -100000, max: 100000 }).map((n) => n / 1000),
  fc.integer({ min: -2000, max: 2000 }).map((n) => n / 20),
  fc.constantFrom(0, -0, 0.05, 0.15, 0.25, 1.005, 2.675, 92.5, 99.95, -0.04, 1e15, 1e21, Number.MAX_SAFE_INTEGER, Infinity, -Infinity, NaN, 5e-7),
);

test('ordinary figures read exactly as Intl.NumberFormat writes them', () => {
  fc.assert(
    fc.property(values, fc.constantFrom('vi' as const, 'en' as const), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 }), (v, lang, a, b) => {
      const max = Math.max(a, b);
      const min = Math.min(a, b);
      expect([v, lang, max, min, formatNumber(v, lang, max, min)]).toEqual([v, lang, max, min, intl(v, lang, max, min)]);
    }),
    { numRuns: 3000 },
  );
});

test('the defaults and the sheets’ percentages', () => {
  expect(formatNumber(12.345, 'vi')).toBe('12,35');
  expect(formatNumber(90, 'vi', 1)).toBe('90');
  expect(formatNumber(92.5, 'vi', 1, 1)).toBe('92,5');
  expect(formatNumber(92.5, 'en', 1, 1)).toBe('92.5');
  expect(formatNumber(1234567, 'vi')).toBe('1234567');
});
