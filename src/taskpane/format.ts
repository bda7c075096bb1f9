/** Percentage fields of the pane (figures are printed by i18n/format, as everywhere else). */
import type { Lang } from '../i18n';
import { formatNumber } from '../i18n/format';

/** A percentage field's text ("87,5" / "87.5") as a fraction; null when it is not a number. */
export function parsePercentInput(text: string): number | null {
  const t = text.trim().replace(/%$/, '').trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(t)) return null;
  return Number(t) / 100;
}

/** A fraction in a percentage field, without float noise (0.875 → "87,5"). */
export function percentInputText(fraction: number, lang: Lang): string {
  return formatNumber(Number((fraction * 100).toFixed(6)), lang, 4);
}
