/**
 * Strings written through `range.formulas` are parsed like typed input: "=1+1" becomes a
 * formula, "0012" the number 12, "TRUE" a boolean, "1/2" a date. The port promises that a
 * string stays text, so such strings get Excel's own text marker, a leading apostrophe
 * (not stored as part of the value). Plain words are left alone to keep cells unmarked.
 */

const MONTH = '(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';

const LOOKS_PARSED: RegExp[] = [
  // Numbers, percentages, currency, fractions, dates and times made of digits and separators.
  /^[\s\d.,:/%$€£¥₫()+\-eE]*\d[\s\d.,:/%$€£¥₫()+\-eEaApPmM]*$/,
  // Dates with an English month name: "Jan-20", "5 Mar", "March 2024".
  new RegExp(`^\\s*(\\d{1,4}[\\s\\-/,.]+)?${MONTH}([\\s\\-/,.]+\\d{1,4})*\\s*$`, 'i'),
  /^\s*(true|false)\s*$/i,
];

/** True when Excel would not store this string as the same text if typed as-is. */
export function needsTextMarker(s: string): boolean {
  if (s === '') return false;
  const first = s.trimStart()[0];
  // = + - @ start formulas, ' is itself the marker, # spells error values like #N/A.
  if (first !== undefined && '=+-@\'#'.includes(first)) return true;
  return LOOKS_PARSED.some((re) => re.test(s));
}

/** The text as it must be sent so that Excel stores exactly `s`. */
export function asTextInput(s: string): string {
  return needsTextMarker(s) ? `'${s}` : s;
}
