/**
 * Small textual edits of XML parts the add-in shares with the user (workbook.xml, rels,
 * [Content_Types].xml): find an element, change one attribute, insert or cut one element.
 * Everything else in the part stays as written, byte for byte — prefixes, namespaces,
 * attributes and elements we do not know included.
 */
import { readTag, type Tag } from './xml';

export interface Located extends Tag {
  /** Index of '<'. */
  start: number;
  /** The name as written, with its prefix ("x:sheet"). */
  qname: string;
}

/** Every start or empty tag (and end tag when `closing`) whose local name is `name`. */
export function findTags(xml: string, name: string, closing = false): Located[] {
  const out: Located[] = [];
  const pos = { end: 0 };
  for (let i = 0; ; ) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) return out;
    const tag = readTag(xml, lt, pos);
    i = pos.end;
    if (!tag || tag.name !== name || tag.closing !== closing) continue;
    const from = lt + (tag.closing ? 2 : 1);
    let k = from;
    while (k < xml.length && !/[\s/>]/.test(xml[k]!)) k++;
    out.push({ ...tag, start: lt, qname: xml.slice(from, k) });
  }
}

export function findTag(xml: string, name: string, closing = false): Located | null {
  return findTags(xml, name, closing)[0] ?? null;
}

/** The element's end: after its end tag (or after the tag itself when empty). */
export function elementEnd(xml: string, tag: Located): number {
  if (tag.selfClosing) return tag.end;
  const close = xml.indexOf(`</${tag.qname}`, tag.end);
  if (close < 0) return tag.end;
  return xml.indexOf('>', close) + 1;
}

/** The prefix of a qualified name with its colon ("x:"), or "". */
export function prefixOf(qname: string): string {
  const c = qname.indexOf(':');
  return c < 0 ? '' : qname.slice(0, c + 1);
}

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The tag text with attribute `name` set to `value` (replaced in place, or added last). */
export function withAttr(tagText: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*)("[^"]*"|'[^']*')`);
  const v = `"${escapeXml(value)}"`;
  if (re.test(tagText)) return tagText.replace(re, (_m, head: string) => `${head}${v}`);
  const at = tagText.endsWith('/>') ? tagText.length - 2 : tagText.length - 1;
  return `${tagText.slice(0, at)} ${name}=${v}${tagText.slice(at)}`;
}

/** `xml` with [from, to) replaced by `text`. */
export function splice(xml: string, from: number, to: number, text: string): string {
  return xml.slice(0, from) + text + xml.slice(to);
}

/** The prefix bound to namespace `uri` in the tag's attributes ("r:"), '' for a default binding, null when unbound. */
export function prefixFor(tag: Tag, uri: string): string | null {
  const re = /xmlns(?::([\w.-]+))?\s*=\s*("([^"]*)"|'([^']*)')/g;
  for (let m = re.exec(tag.attrs); m; m = re.exec(tag.attrs)) if ((m[3] ?? m[4]) === uri) return m[1] ? `${m[1]}:` : '';
  return null;
}
