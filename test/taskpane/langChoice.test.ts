/** The language a page starts in: asked in the address, else the one chosen before, else Vietnamese. */
import { rememberLang, startLang } from '../../src/taskpane/langChoice';

function store(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data };
}

describe('startLang', () => {
  it('is Vietnamese when nothing was asked or chosen, whatever the browser’s language', () => {
    expect(startLang(null, store())).toBe('vi');
    expect(startLang(undefined, null)).toBe('vi');
  });

  it('follows the address: ?lang=en, ?lang=vi (also en-US, EN)', () => {
    expect(startLang('en', store())).toBe('en');
    expect(startLang('en-US', store())).toBe('en');
    expect(startLang('EN', store())).toBe('en');
    expect(startLang('vi', store({ 'dvht.lang': 'en' }))).toBe('vi');
    expect(startLang('fr', store())).toBe('vi');
  });

  it('keeps the choice made with the pane’s switch for the next visit', () => {
    const kept = store();
    rememberLang('en', kept);
    expect(startLang(null, kept)).toBe('en');
    rememberLang('vi', kept);
    expect(startLang(null, kept)).toBe('vi');
    expect(startLang(null, store({ 'dvht.lang': 'de' }))).toBe('vi');
  });

  it('a store that refuses to be read or written leaves Vietnamese, and nothing breaks', () => {
    const refusing = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(() => rememberLang('en', refusing)).not.toThrow();
    expect(startLang(null, refusing)).toBe('vi');
  });
});
