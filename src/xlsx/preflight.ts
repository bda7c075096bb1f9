/**
 * A check on the raw bytes of an .xlsx before anything opens it. Opening a package inflates
 * its parts and trusts names, sizes and entities, so a zip bomb, a DTD or a million-row sheet
 * would take the machine before any error. Here the same
 * sniffing and capped directory as the reader decide first; then each part is inflated
 * alone, never past its declared size, and its XML walked without recursion.
 */
import { DEFAULT_LIMITS, XlsxError, type XlsxLimits } from './errors';
import { sniff } from './sniff';
import { readDirectory, readEntry, type Inflate, type ZipEntry } from './zip';
import { attr } from './xml';
import { decodeText } from './reader';

export interface PreflightLimits extends XlsxLimits {
  /** Element nesting in any XML part (Excel's deepest parts, charts, stay under 30). */
  maxDepth: number;
}

export const PREFLIGHT_LIMITS: PreflightLimits = {
  ...DEFAULT_LIMITS,
  maxDepth: 256,
};

export interface PreflightOptions {
  inflate: Inflate;
  /** UTF-8 bytes → text, throwing on invalid UTF-8 (default: a fatal TextDecoder). */
  decode?: (bytes: Uint8Array) => string;
  limits?: Partial<PreflightLimits>;
  /** Receives each XML part's checked text (by lower-cased name), so the reader need not inflate it again. */
  keep?: Map<string, string>;
}

export interface PreflightReport {
  entries: number;
  /** Sum of the declared sizes: what opening the package will inflate at most. */
  declaredBytes: number;
}

/** Throws an XlsxError when the bytes must not be opened. */
export async function preflightXlsx(bytes: Uint8Array, options: PreflightOptions): Promise<PreflightReport> {
  const limits = { ...PREFLIGHT_LIMITS, ...options.limits };
  if (bytes.length > limits.maxFileBytes) throw new XlsxError('tooLarge', String(bytes.length));
  sniff(bytes);
  // Entry count, declared sizes (per part, in total, against the compressed size), zip64,
  // entry encryption and unsafe names: all refused before anything is inflated.
  const dir = readDirectory(bytes, limits);
  const entries = [...dir.entries.values()];
  let declaredBytes = 0;
  // One part at a time: memory stays within the largest declared part.
  for (const e of entries) {
    declaredBytes += e.size;
    const data = await readEntry(bytes, e, options.inflate, limits);
    // Refused on invalid UTF-8: a reader would see U+FFFD in place of the bytes and import garbled names.
    if (!isXmlPart(e)) continue;
    const text = decodeText(data, options.decode, e.name);
    scanXml(text, e, limits);
    options.keep?.set(e.name.toLowerCase(), text);
  }
  return { entries: entries.length, declaredBytes };
}

function isXmlPart(e: ZipEntry): boolean {
  return /\.(xml|rels|vml)$/i.test(e.name);
}

/**
 * DTDs, nesting depth, and rows and cells of worksheets, in one pass over the characters
 * that allocates nothing but a row's attributes (a sheet of 5,000 members has ~250,000
 * tags). Tags are read as readTag reads them (xml.ts): the same documents pass or fail.
 */
function scanXml(xml: string, e: ZipEntry, limits: PreflightLimits): void {
  // Worksheets are recognised by path (xl/worksheets/sheetN.xml).
  const sheet = /(^|\/)worksheets\/[^/]+\.xml$/i.test(e.name);
  const n = xml.length;
  let depth = 0;
  let rowNum = 0;
  let rows = 0;
  let cells = 0;
  for (let i = 0; ; ) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) break;
    const c1 = xml.charCodeAt(lt + 1);
    if (c1 === QMARK) {
      i = skipPast(xml, '?>', lt + 2);
      continue;
    }
    if (c1 === BANG) {
      if (xml.startsWith('<!--', lt)) i = skipPast(xml, '-->', lt + 4);
      else if (xml.startsWith('<![CDATA[', lt)) i = skipPast(xml, ']]>', lt + 9);
      else throw new XlsxError('dtd');
      continue;
    }
    const closing = c1 === SLASH;
    // The name, and where its local part starts (after any prefix).
    let k = closing ? lt + 2 : lt + 1;
    let local = k;
    for (; k < n; k++) {
      const c = xml.charCodeAt(k);
      if (c === GT || c === SLASH || c <= 32) break;
      if (c === COLON) local = k + 1;
    }
    const nameEnd = k;
    // Attribute values may hold '>': skip quoted runs.
    let quote = 0;
    for (; k < n; k++) {
      const c = xml.charCodeAt(k);
      if (quote) {
        if (c === quote) quote = 0;
      } else if (c === DQ || c === SQ) quote = c;
      else if (c === GT) break;
    }
    if (k >= n) throw new XlsxError('corrupt', `unterminated <${xml.slice(local, nameEnd)}>`);
    i = k + 1;
    if (closing) {
      depth--;
      continue;
    }
    const selfClosing = xml.charCodeAt(k - 1) === SLASH;
    if (!selfClosing && ++depth > limits.maxDepth) throw new XlsxError('tooDeep', e.name);
    if (!sheet) continue;
    const len = nameEnd - local;
    if (len === 1 && xml.charCodeAt(local) === LOWER_C) {
      if (++cells > limits.maxCells) throw new XlsxError('sheetTooLarge', `${cells} cells`);
    } else if (len === 3 && xml.startsWith('row', local)) {
      const r = Number(attr(xml.slice(nameEnd, selfClosing ? k - 1 : k), 'r'));
      rowNum = Number.isInteger(r) && r > 0 ? r : rowNum + 1;
      if (rowNum > limits.maxRows || ++rows > limits.maxRows) throw new XlsxError('sheetTooLarge', `row ${rowNum}`);
    }
  }
}

const GT = 62; // >
const SLASH = 47;
const QMARK = 63;
const BANG = 33;
const DQ = 34;
const SQ = 39;
const COLON = 58;
const LOWER_C = 99;

/** Just after the next `end` from `from`, or the end of the text (as readTag does). */
function skipPast(xml: string, end: string, from: number): number {
  const at = xml.indexOf(end, from);
  return at < 0 ? xml.length : at + end.length;
}
