/**
 * A message kept as its key and parameters, so that it is worded in whichever language is
 * shown when it is shown (a pane switching language words it again; nothing is recomputed).
 * A parameter may itself be such a message (e.g. "what was expected" inside an import issue).
 */
import { t, type Lang, type MessageKey } from './index';

export interface Words {
  key: MessageKey;
  params?: Record<string, string | number | Words>;
}

export function sayWords(lang: Lang, words: Words): string {
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(words.params ?? {})) params[name] = typeof value === 'object' ? sayWords(lang, value) : value;
  return t(lang, words.key, params);
}
