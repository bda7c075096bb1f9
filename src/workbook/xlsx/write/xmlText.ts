/** Escaping and small scanning helpers shared by the SpreadsheetML writers. Pure. */

/** Element text: &, < and > escaped (> only matters in "]]>", escaped anyway for readers that care). */
export function escapeText(s: string): string {
  return /[&<>]/.test(s) ? s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') : s;
}

/** Attribute value in double quotes; whitespace escaped too so attribute normalisation keeps it. */
export function escapeAttr(s: string): string {
  return /[&<>"\t\n\r]/.test(s)
    ? s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;')
    : s;
}

// Characters XML 1.0 cannot hold (and CR, which parsers fold into LF) plus lone surrogates and
// U+FFFE/U+FFFF; a literal "_xHHHH_" is escaped too so readers do not decode it.
// eslint-disable-next-line no-control-regex -- control characters are exactly what this escapes
const NEEDS_OOXML_ESCAPE = /[\u0000-\u0008\u000B\u000C\u000D\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|_x[0-9A-Fa-f]{4}_/g;

/** Cheap first test: most cell text has none of these. */
// eslint-disable-next-line no-control-regex -- idem
const MAYBE_ESCAPE = /[\u0000-\u0008\u000B-\u001F\uD800-\uDFFF\uFFFE\uFFFF]|_x/;

/**
 * Cell text as SpreadsheetML stores it: characters XML cannot carry become Excel's _xHHHH_
 * escape (what Excel itself writes), and a literal "_x0041_" becomes "_x005F_x0041_".
 */
export function ooxmlEscape(s: string): string {
  if (!MAYBE_ESCAPE.test(s)) return s;
  return s.replace(NEEDS_OOXML_ESCAPE, (m) => (m.length > 1 ? `_x005F${m}` : `_x${m.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`));
}

/** Raw attribute pairs of a tag's attribute text, in order, values still escaped as written. */
export function parseAttrs(attrs: string): [string, string][] {
  const out: [string, string][] = [];
  const re = /([^\s=/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  for (let m = re.exec(attrs); m; m = re.exec(attrs)) out.push([m[1]!, m[2] ?? m[3] ?? '']);
  return out;
}

export function serializeAttrs(pairs: [string, string][]): string {
  return pairs.map(([k, v]) => ` ${k}="${v}"`).join('');
}

/** Sets (or adds) a raw attribute in attribute text, keeping every other byte. */
export function setAttr(attrs: string, name: string, rawValue: string): string {
  const re = new RegExp(`(^|\\s)${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*("[^"]*"|'[^']*')`);
  const m = re.exec(attrs);
  if (!m) return `${attrs.replace(/\s+$/, '')} ${name}="${rawValue}"`;
  return attrs.slice(0, m.index) + `${m[1]}${name}="${rawValue}"` + attrs.slice(m.index + m[0].length);
}

export function removeAttr(attrs: string, name: string): string {
  const re = new RegExp(`\\s+${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*("[^"]*"|'[^']*')`);
  return attrs.replace(re, '');
}

/** The prefix ("x:" or "") of a qualified tag name. */
export function prefixOf(qname: string): string {
  const colon = qname.indexOf(':');
  return colon >= 0 ? qname.slice(0, colon + 1) : '';
}
