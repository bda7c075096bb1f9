/**
 * The language the pane, the preview and the help start in: the one asked in the address
 * (`?lang=en`), else the one the user last chose with the pane's switch (kept in this browser,
 * or Excel's web view), else Vietnamese. Not the browser's or Office's display language: many
 * school offices run an English Windows and Office, and the people who use the add-in read
 * Vietnamese.
 */
import type { Lang } from '../i18n';

const KEY = 'dvht.lang';

type Store = Pick<Storage, 'getItem' | 'setItem'>;

/** localStorage where the page may use it (a sandboxed frame or private mode may refuse it). */
function browserStore(): Store | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

const asLang = (value: string | null | undefined): Lang | null => (value === 'en' || value === 'vi' ? value : null);

export function startLang(asked: string | null | undefined, store: Store | null = browserStore()): Lang {
  const fromAddress = asLang(asked?.toLowerCase().slice(0, 2));
  if (fromAddress) return fromAddress;
  try {
    return asLang(store?.getItem(KEY)) ?? 'vi';
  } catch {
    return 'vi';
  }
}

/** Kept for the next visit; a store that refuses it leaves the next visit in Vietnamese. */
export function rememberLang(lang: Lang, store: Store | null = browserStore()): void {
  try {
    store?.setItem(KEY, lang);
  } catch {
    // Storage full or refused: the choice holds for this visit only.
  }
}
