/** Percentage fields of the pane (figures are printed by i18n/format, as everywhere else). */
import type { Lang } from '../i18n';
import { formatNumber } from '../i18n/format';

/** A percentage field's text ("87,5" / "87.5", "≥ 90") as a fraction; null when it is not a number. */
export function parsePercentInput(text: string): number | null {
  // "≥ 90" is how plans write a requirement; the comparison is always ≥.
  const t = text.trim().replace(/^(≥|>=)\s*/, '').replace(/%$/, '').trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(t)) return null;
  return Number(t) / 100;
}

/** A fraction in a percentage field, without float noise (0.875 → "87,5"). */
export function percentInputText(fraction: number, lang: Lang): string {
  return formatNumber(Number((fraction * 100).toFixed(6)), lang, 4);
}

/**
 * A requirement under 1% that is not 0 is a fraction typed into a percentage field ("0,95" meant
 * as 95%): no rule set asks for under 1%, and taking it as typed would pass every unit.
 */
export const looksLikeFraction = (fraction: number): boolean => fraction > 0 && fraction < 0.01;
