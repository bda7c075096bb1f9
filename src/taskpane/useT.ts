/** The catalogue bound to the pane's current language: every string the pane shows comes from here. */
import { useCallback } from 'react';
import { t, type Lang, type MessageKey } from '../i18n';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function useT(lang: Lang): Translate {
  return useCallback((key, params) => t(lang, key, params), [lang]);
}
