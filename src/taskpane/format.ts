/** Numbers as the pane shows them: Vietnamese uses a decimal comma ("87,5%"). */
import type { Lang } from '../i18n';

const LOCALE: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' };

/**
 * A fraction as a percentage with at most one decimal, rounded DOWN: the engine compares
 * exactly, so 89.95% must not read as "90%" next to a 90% requirement it fails.
 */
export function formatPercent(fraction: number, lang: Lang): string {
  const tenths = Math.floor(fraction * 1000 + 1e-9) / 10;
  return `${formatNumber(tenths, lang, 1)}%`;
}

export function formatNumber(value: number, lang: Lang, maxDecimals = 2): string {
  return new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: maxDecimals, useGrouping: false }).format(value);
}

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
