/** The catalogue: pick a language, fill parameters. */
import { vi, type MessageKey } from './vi';

export type Lang = 'vi' | 'en';
export type { MessageKey };

let english: Record<MessageKey, string> | undefined;

/** English is loaded when first asked for: a command in Vietnamese (the default) does not compile it. */
export const catalogs: Readonly<Record<Lang, Record<MessageKey, string>>> = {
  vi,
  get en() {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on demand
    return (english ??= (require('./en') as typeof import('./en')).en);
  },
};

/**
 * `{name}` is the parameter; `{name|one|other}` (English) is the number with its noun, singular
 * for 1 ("1 document", "3 documents"). Vietnamese nouns take no plural.
 */
export function t(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = catalogs[lang][key] ?? catalogs.vi[key];
  return template
    .replace(/\{(\w+)\|([^|{}]*)\|([^|{}]*)\}/g, (m, name: string, one: string, other: string) => (name in params ? `${params[name]} ${Number(params[name]) === 1 ? one : other}` : m))
    .replace(/\{(\w+)\}(\.?)/g, (m, name: string, stop: string) => {
    if (!(name in params)) return m;
    const value = String(params[name]);
    // A value that ends its own sentence ("… đang sửa.") takes no second full stop.
    return stop && /[.!?…]$/.test(value) ? value : value + stop;
  });
}

/** Office reports e.g. "vi-VN", "en-US"; anything not English is shown in Vietnamese. */
export function langFromLocale(locale: string | undefined | null): Lang {
  return locale && locale.toLowerCase().startsWith('en') ? 'en' : 'vi';
}

/** The catalogue key of a condition's syntax error code (domain/rules/condition.ts); null for any other text. */
export function conditionSyntaxKey(detail: string): MessageKey | null {
  const key = `condition.syntax.${detail}`;
  return key in catalogs.vi ? (key as MessageKey) : null;
}

/** A condition's syntax error in words; a detail that is no code, as it is. */
export function conditionSyntaxText(lang: Lang, detail: string): string {
  const key = conditionSyntaxKey(detail);
  return key ? t(lang, key) : detail;
}
