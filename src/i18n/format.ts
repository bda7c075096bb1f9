/**
 * Figures as every surface prints them (pane, sheets, documents, consolidation, CLI): one
 * rule each, so the same fraction reads the same everywhere.
 */
import type { Lang } from './index';

const LOCALE: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' };

/**
 * THE percentage rule: a fraction as percent with one decimal, as Excel shows a "0.0%" cell:
 * half away from zero on the decimal value (Excel reads 15 significant digits, so 0.1235,
 * stored as 0.12349999…, shows 12.4%). Verdicts never use it: the engine compares exactly.
 */
export function percentTenths(fraction: number): number {
  return excelRound(fraction * 100, 1);
}

/** `value` rounded to `decimals` as Excel displays it: half away from zero on its 15-digit decimal value. */
export function excelRound(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  const units = Math.round(Number(Math.abs(value * scale).toPrecision(15)));
  return (value < 0 ? -units : units) / scale;
}

/** A measured share: "97,6%" (vi), "97.6%" (en); always one decimal, like the sheets' "0.0%". */
export function formatPercent(fraction: number, lang: Lang = 'vi'): string {
  return `${formatNumber(percentTenths(fraction), lang, 1, 1)}%`;
}

/**
 * How many decimals a measured share needs beside its requirement: one, unless one would show a
 * share that fails at or above the requirement (1 899 of 2 000 is 94,95%, which "95,0%" beside
 * "< 95%" contradicts); then as many as it takes to show it below (at most 6).
 */
export function measuredDecimals(value: number, required: number | null, met: boolean): number {
  if (required === null || met) return 1;
  const limit = excelRound(required * 100, 9);
  let decimals = 1;
  while (decimals < 6 && excelRound(value * 100, decimals) >= limit) decimals++;
  return decimals;
}

/** A measured share beside its requirement: formatPercent, with the decimals measuredDecimals asks for. */
export function formatMeasured(i: { value: number; required: number | null; status: string }, lang: Lang = 'vi'): string {
  const decimals = measuredDecimals(i.value, i.required, i.status !== 'not_met');
  return `${formatNumber(excelRound(i.value * 100, decimals), lang, decimals, decimals)}%`;
}

/** A threshold, as "Tiêu chí" shows it ("0%" when whole, else "0.0%"): "90%", "92,5%". */
export function formatThreshold(fraction: number, lang: Lang = 'vi'): string {
  return `${formatNumber(percentTenths(fraction), lang, 1)}%`;
}

/** Formatters by language and decimals: making one costs far more than formatting. */
const formatters = new Map<string, Intl.NumberFormat>();
const DECIMAL_MARK: Record<Lang, string> = { vi: ',', en: '.' };

export function formatNumber(value: number, lang: Lang, maxDecimals = 2, minDecimals = 0): string {
  // Ordinary figures without Intl: the first formatter loads the locale's data (≈ 14 ms, in a
  // command run once). Intl rounds the shortest decimal text of the number half away from zero.
  const plain = Number.isInteger(maxDecimals) && Number.isInteger(minDecimals) && minDecimals >= 0 && maxDecimals >= minDecimals && maxDecimals <= 20 ? plainDecimal(value, maxDecimals, minDecimals) : null;
  if (plain !== null) return plain.replace('.', DECIMAL_MARK[lang]);
  const key = `${lang}|${maxDecimals}|${minDecimals}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.NumberFormat(LOCALE[lang], { minimumFractionDigits: minDecimals, maximumFractionDigits: maxDecimals, useGrouping: false })));
  return f.format(value);
}

/** `value` rounded to `max` decimals (at least `min`) from its shortest decimal text, or null when that text has an exponent. */
function plainDecimal(value: number, max: number, min: number): string | null {
  if (!Number.isFinite(value) || Object.is(value, -0)) return null;
  const text = String(Math.abs(value));
  if (text.includes('e')) return null;
  const dot = text.indexOf('.');
  const whole = dot < 0 ? text : text.slice(0, dot);
  let frac = dot < 0 ? '' : text.slice(dot + 1);
  let digits = whole;
  if (frac.length > max) {
    const up = frac.charCodeAt(max) >= 53; // '5'
    frac = frac.slice(0, max);
    if (up) {
      // Add one unit of the last kept place, carrying left.
      const all = (whole + frac).split('');
      let i = all.length - 1;
      while (i >= 0 && all[i] === '9') all[i--] = '0';
      if (i >= 0) all[i] = String(Number(all[i]) + 1);
      else all.unshift('1');
      const joined = all.join('');
      digits = joined.slice(0, joined.length - frac.length);
      frac = joined.slice(joined.length - frac.length);
    }
  }
  let end = frac.length;
  while (end > min && frac.charCodeAt(end - 1) === 48) end--;
  frac = frac.slice(0, end).padEnd(min, '0');
  return `${value < 0 ? '-' : ''}${digits}${frac ? `.${frac}` : ''}`;
}

/** Bytes as megabytes: whole from 100, one decimal from 0.1, else two significant digits (a small `--max-size` is not "0"). */
export function formatMegabytes(bytes: number, lang: Lang): string {
  const mb = bytes / (1024 * 1024);
  const decimals = mb >= 100 ? 0 : mb >= 0.1 ? 1 : mb > 0 ? Math.min(6, Math.ceil(-Math.log10(mb)) + 1) : 0;
  return formatNumber(mb, lang, decimals);
}

/** The first `max` items joined by ", ", then ", …" when there are more: a warning names a few, not hundreds. */
export function firstOnes(items: readonly (string | number)[], max: number): string {
  return items.slice(0, max).join(', ') + (items.length > max ? ', …' : '');
}

/**
 * dd/mm/yyyy. `clock: 'utc'` for dates that carry a cell's wall-clock time in UTC fields
 * (how ExcelJS hands dates over); otherwise the local calendar day.
 */
export function formatDate(d: Date, clock: 'local' | 'utc' = 'local'): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return clock === 'utc'
    ? `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`
    : `${p(d.getDate())}/${p(d.getMonth() + 1)}/${d.getFullYear()}`;
}
