/** Both catalogues carry the same keys, no empty text, and the same {parameters}. */
import { vi } from '../../src/i18n/vi';
import { en } from '../../src/i18n/en';

/** A parameter plain or with its English plural (`{count|document|documents}`). */
const params = (s: string) => [...s.matchAll(/\{(\w+)(?:\|[^|{}]*\|[^|{}]*)?\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  test('vi and en have exactly the same keys', () => {
    const viKeys = Object.keys(vi).sort();
    const enKeys = Object.keys(en).sort();
    expect(enKeys.filter((k) => !viKeys.includes(k))).toEqual([]);
    expect(viKeys.filter((k) => !enKeys.includes(k))).toEqual([]);
  });

  test('no message is empty', () => {
    for (const [name, cat] of Object.entries({ vi, en })) {
      const empty = Object.entries(cat as Record<string, string>).filter(([, v]) => typeof v !== 'string' || v.trim() === '').map(([k]) => `${name}:${k}`);
      expect(empty).toEqual([]);
    }
  });

  test('each message uses the same {parameters} in both languages', () => {
    const differ = Object.keys(vi)
      .filter((k) => k in en)
      .filter((k) => JSON.stringify(params((vi as Record<string, string>)[k]!)) !== JSON.stringify(params((en as Record<string, string>)[k]!)));
    expect(differ).toEqual([]);
  });
});
