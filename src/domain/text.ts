/**
 * Text normalisation shared by every reader. Vietnamese arrives in NFC or NFD (Unikey
 * "Unicode tổ hợp"), with stray spaces; comparisons must not depend on either.
 */

/** NFC, non-breaking spaces as spaces, runs of spaces collapsed, trimmed. */
export function cleanText(s: string): string {
  return s.normalize('NFC').replace(/[\u00a0\u2007\u202f]/g, ' ').replace(/ {2,}/g, ' ').trim();
}

/**
 * Trim as Excel's TRIM does (ASCII spaces only), then NFC. Used where the engine must
 * agree with a formula written into the sheet.
 */
export function excelTrim(s: string): string {
  return s.replace(/ +/g, ' ').replace(/^ | $/g, '').normalize('NFC');
}

/** Key for matching headers and labels: no diacritics, no case, no punctuation. */
export function foldKey(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9%]+/g, ' ')
    .trim();
}

/** Vietnamese-aware lower case for value comparison (keeps diacritics). */
export function lowerVi(s: string): string {
  return s.toLocaleLowerCase('vi');
}
