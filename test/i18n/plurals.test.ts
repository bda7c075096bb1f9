/**
 * English counts take their noun's plural only past one ("Generated 1 document", "3 documents");
 * Vietnamese nouns have no plural, and its catalogue uses no plural token.
 */
import { catalogs, t, type MessageKey } from '../../src/i18n';

const TOKEN = /\{(\w+)(?:\|[^|{}]*\|[^|{}]*)?\}/g;

function filledWith(key: MessageKey, value: string): string {
  const names = [...catalogs.en[key].matchAll(TOKEN)].map((m) => m[1]!);
  return t('en', key, Object.fromEntries(names.map((n) => [n, value])));
}

describe('plural nouns in English', () => {
  it('one document, three documents', () => {
    const params = { unit: 'Trường THCS A', sheets: 'Tờ trình', file: 'a.xlsx' };
    expect(t('en', 'documents.generated', { ...params, count: 1 })).toBe('Generated 1 document for Trường THCS A: Tờ trình. Wrote “a.xlsx”.');
    expect(t('en', 'documents.generated', { ...params, count: 3 })).toBe('Generated 3 documents for Trường THCS A: Tờ trình. Wrote “a.xlsx”.');
    expect(t('en', 'officer.pane.done', { count: 1, proposed: 1, notProposed: 0 })).toBe('Made 1 document: 1 unit proposed for recognition, 0 not eligible.');
    expect(t('en', 'pane.data.counts', { errors: 1, warnings: 2, members: 1 })).toMatch(/^1 error, 2 to review; 1 counted member\./);
  });

  it('no English message puts “1” before a plural noun', () => {
    const keys = Object.keys(catalogs.en) as MessageKey[];
    const plural = /\b1 (?:counted |grey |locked )?(?:documents|cells|files|units|indicators|points|errors|members|passages|sheets|workbooks|rows)\b/;
    expect(keys.filter((k) => plural.test(filledWith(k, '1')))).toEqual([]);
  });

  it('a token left without its parameter stays as it is', () => {
    expect(t('en', 'documents.generated', { unit: 'A', sheets: 'B', file: 'c' })).toContain('{count|document|documents}');
  });

  it('the Vietnamese catalogue has no plural token', () => {
    expect(Object.values(catalogs.vi).filter((m) => /\{\w+\|/.test(m))).toEqual([]);
  });
});
