/**
 * Text normalisation shared by every reader. Vietnamese arrives in NFC or NFD (Unikey
 * "Unicode tổ hợp"), with stray spaces; comparisons must not depend on either.
 * These run once per cell of every workbook read (consolidation reads thousands), so the
 * common cases take fast paths and repeated values ("Có", "x", headers) are memoised.
 */

/** Printable ASCII: nothing to normalise, and lower case needs no locale. */
const ASCII = /^[\x20-\x7e]*$/;

/**
 * Text already in NFC whatever follows (printable ASCII, Latin letters below the combining marks,
 * Vietnamese's precomposed U+1Exx), with no space cleanText changes but ASCII runs and ends.
 * Most Vietnamese names and answers: normalising one anyway costs ≈ 2.5 µs.
 */
const NFC_STABLE = /^[\x20-\x7e\u00a1-\u02ff\u1e00-\u1eff]*$/;

/**
 * A bounded memo: values in staff sheets repeat a lot, and there are few distinct ones. Texts
 * up to 256 characters: the rule set's own (indicator texts, ~100–200) repeat in every unit
 * of a consolidation.
 */
export function memo(fn: (s: string) => string, limit = 4096): (s: string) => string {
  let cache = new Map<string, string>();
  return (s) => {
    if (s.length > 256) return fn(s); // longer texts rarely repeat; keep the memo small
    let out = cache.get(s);
    if (out === undefined) {
      out = fn(s);
      if (cache.size >= limit) cache = new Map();
      cache.set(s, out);
    }
    return out;
  };
}

/** Nothing to collapse or trim at either end (ASCII spaces; NFC_STABLE text has no other). */
const spacedOnce = (s: string) => s.indexOf('  ') < 0 && s.charCodeAt(0) !== 32 && s.charCodeAt(s.length - 1) !== 32;

/**
 * Most texts (names, answers) are already what cleanText and excelTrim make of them: told by two scans,
 * without the memo, whose table a consolidation's unique names only churned (a unit's names, fresh strings:
 * ≈ 100–180 ns a text against 210–430 ns through the memo).
 */
const alreadyClean = (s: string) => spacedOnce(s) && NFC_STABLE.test(s);

const cleanTextMemo = memo((s: string): string =>
  (NFC_STABLE.test(s) ? s : s.normalize('NFC').replace(/[\u00a0\u2007\u202f]/g, ' ')).replace(/ {2,}/g, ' ').trim(),
);
/** NFC, non-breaking spaces as spaces, runs of spaces collapsed, trimmed. */
export const cleanText = (s: string): string => (alreadyClean(s) ? s : cleanTextMemo(s));

const excelTrimMemo = memo((s: string): string => {
  const trimmed = spacedOnce(s) ? s : s.replace(/ +/g, ' ').replace(/^ | $/g, '');
  return NFC_STABLE.test(trimmed) ? trimmed : trimmed.normalize('NFC');
});
/**
 * Trim as Excel's TRIM does (ASCII spaces only), then NFC. Used where the engine must
 * agree with a formula written into the sheet.
 */
export const excelTrim = (s: string): string => (alreadyClean(s) ? s : excelTrimMemo(s));

/** Key for matching headers and labels: no diacritics, no case, no punctuation. */
export const foldKey = memo((s: string): string =>
  (ASCII.test(s) ? s : s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd'))
    .toLowerCase()
    .replace(/[^a-z0-9%]+/g, ' ')
    .trim(),
);

/**
 * Vietnamese-aware lower case for value comparison (keeps diacritics). Vietnamese has no
 * locale-specific case rules (unlike Turkish or Lithuanian), so plain toLowerCase is exact.
 */
export const lowerVi = memo((s: string): string => s.toLowerCase());

/** Findings as sentences, one after another: each ends with a full stop unless it ends with its own mark. */
export function sentences(lines: readonly string[]): string {
  return lines
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => (/[.!?…]$/u.test(l) ? l : `${l}.`))
    .join(' ');
}

/**
 * Vietnamese writes a syllable's final i or y either way after h, k, l, m, qu, s, t, v: "sĩ" and
 * "sỹ", "kĩ" and "kỹ", "lí" and "lý" are both correct. A match of word, onset and vowel (NFC).
 */
const I_OR_Y = /(^|[^\p{L}\p{M}])(h|k|l|m|qu|s|t|v)([iìíỉĩịyỳýỷỹỵ])(?![\p{L}\p{M}])/giu;
const I_FORM: Record<string, string> = { y: 'i', ỳ: 'ì', ý: 'í', ỷ: 'ỉ', ỹ: 'ĩ', ỵ: 'ị', Y: 'I', Ỳ: 'Ì', Ý: 'Í', Ỷ: 'Ỉ', Ỹ: 'Ĩ', Ỵ: 'Ị' };
const Y_FORM: Record<string, string> = Object.fromEntries(Object.entries(I_FORM).map(([y, i]) => [i, y]));

/**
 * Key comparing a cell with a spelling (yes/no, a `thuộc {…}` list): case, Unicode form and the
 * i/y of "sĩ"/"sỹ" aside. The sheet's formulas agree by listing every form (spellingForms).
 */
export const spellingKey = memo((s: string): string => {
  const t = lowerVi(s.normalize('NFC'));
  return ASCII.test(t) && !/[iy]\b/.test(t) ? t : t.replace(I_OR_Y, (_m, lead: string, onset: string, v: string) => lead + onset + (I_FORM[v] ?? v));
});

/**
 * Key naming a column (a header, a condition's `[…]`): foldKey's, with the free i/y of "kỷ luật" /
 * "kỉ luật" merged (spellingKey) and words joined, so the engine finds every column the rule-set
 * comparison reads as the same (compare.ts). columnWords keeps the spaces, for matching word by word.
 */
export const columnWords = memo((s: string): string => spellingKey(foldKey(s)));
export const columnKey = memo((s: string): string => columnWords(s).replace(/ /g, ''));

/** Most i/y syllables one spelling is written out for (2^n forms); a longer text gets its all-i and all-y forms. */
const MAX_SWAPS = 3;

/**
 * Every way a spelling may be typed that spellingKey reads alike, for a formula that compares
 * code points: each i/y choice, each in NFC and NFD. The spelling itself first.
 */
export function spellingForms(s: string): string[] {
  const nfc = s.normalize('NFC');
  const sites = [...nfc.matchAll(I_OR_Y)];
  const swapped = (pick: (k: number) => boolean) => {
    let k = 0;
    return nfc.replace(I_OR_Y, (_m, lead: string, onset: string, v: string) => {
      const other = I_FORM[v] ?? Y_FORM[v] ?? v;
      return lead + onset + (pick(k++) ? other : v);
    });
  };
  const texts = [nfc];
  if (sites.length && sites.length <= MAX_SWAPS) for (let mask = 1; mask < 1 << sites.length; mask++) texts.push(swapped((k) => ((mask >> k) & 1) === 1));
  else if (sites.length) {
    const isY = (k: number) => /[yỳýỷỹỵ]/i.test(sites[k]![3]!);
    texts.push(swapped(isY), swapped((k) => !isY(k)));
  }
  const out: string[] = [];
  for (const t of texts) for (const f of [t, t.normalize('NFD')]) if (!out.includes(f)) out.push(f);
  return out;
}

// Precomposed vowels, or the tone marks alone (NFD): two classes, so no mark reads as joined to a letter.
const MOVABLE_TONE = /[òóõỏọùúũủụÒÓÕỎỌÙÚŨỦỤ]|[\u0300\u0301\u0303\u0309\u0323]/;

/** A toned o/u before what may decompose to a/e/y: the only case whose NFD walk below changes an NFC text. */
const TONE_BEFORE_VOWEL = /[òóõỏọùúũủụ](?:[aey]|[^\x20-\x7e])/;

/**
 * Key comparing two written words (a person's name, a rule's text): the same whatever the Unicode
 * form, case, spacing or tone-mark placement ("Hoà" / "Hòa"). Diacritics stay: Hoa, Hòa and Hóa differ.
 */
export function wordKey(name: string): string {
  // Most names (Excel writes NFC) take the fast path: thousands of them, each once, in every evaluate.
  if (NFC_STABLE.test(name)) {
    const text = name.replace(/ {2,}/g, ' ').trim().toLowerCase();
    if (NFC_STABLE.test(text) && !TONE_BEFORE_VOWEL.test(text)) return text;
  }
  const text = lowerVi(cleanText(name));
  // Only o/u carrying a tone mark alone can have it moved; most names have none (fast path).
  if (!MOVABLE_TONE.test(text)) return text.normalize('NFC');
  return text
    .normalize('NFD')
    .replace(/([oOuU])([\u0300\u0301\u0303\u0309\u0323])([aAeEyY])/g, '$1$3$2')
    .normalize('NFC');
}

/** Levenshtein distance: a misspelt name (an option, a unit type) is a letter or two from the one meant. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next.push(Math.min(prev[j]! + 1, next[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = next;
  }
  return prev[b.length]!;
}
