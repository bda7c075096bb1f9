/**
 * Text normalisation shared by every reader. Vietnamese arrives in NFC or NFD (Unikey
 * "Unicode tổ hợp"), with stray spaces; comparisons must not depend on either.
 * These run once per cell of every workbook read (consolidation reads thousands), so the
 * common cases take fast paths and repeated values ("Có", "x", headers) are memoised.
 */

/** Printable ASCII: nothing to normalise, and lower case needs no locale. */
const ASCII = /^[\x20-\x7e]*$/;

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

/** NFC, non-breaking spaces as spaces, runs of spaces collapsed, trimmed. */
export const cleanText = memo((s: string): string =>
  (ASCII.test(s) ? s : s.normalize('NFC').replace(/[\u00a0\u2007\u202f]/g, ' ')).replace(/ {2,}/g, ' ').trim(),
);

/**
 * Trim as Excel's TRIM does (ASCII spaces only), then NFC. Used where the engine must
 * agree with a formula written into the sheet.
 */
export const excelTrim = memo((s: string): string => {
  // Most texts have nothing to trim (names, answers): two regular expressions saved per text.
  const clean = s.indexOf('  ') < 0 && s.charCodeAt(0) !== 32 && s.charCodeAt(s.length - 1) !== 32;
  const trimmed = clean ? s : s.replace(/ +/g, ' ').replace(/^ | $/g, '');
  return ASCII.test(trimmed) ? trimmed : trimmed.normalize('NFC');
});

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
