/**
 * A check on the raw bytes of an .xlsx before anything opens it. Opening a package inflates
 * its parts and trusts names, sizes and entities, so a zip bomb, a DTD or a million-row sheet
 * would take the machine before any error. Here the same
 * sniffing and capped directory as the reader decide first; then each part is inflated
 * alone, never past its declared size, and its XML walked without recursion.
 */
import { DEFAULT_LIMITS, inSheet, namingPart, wantsSheetName, XlsxError, type XlsxLimits } from './errors';
import { sniff } from './sniff';
import { readDirectory, readEntry, type Crc32, type Inflate, type ZipEntry } from './zip';
import { newTagSpan, scanTag } from './xml';
import { decodeText, sheetNameOf } from './reader';
import { isUtf16, plainBytes } from './bytes';
import type { PartSource } from './package';

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
  /** CRC-32 that checks every part (default: the JS one). */
  crc32?: Crc32;
  /** Receives each XML part's checked text (by lower-cased name), so the reader need not inflate it again. */
  keep?: Map<string, string>;
  /**
   * Valid UTF-8 as one char per byte (Node: nodeRaw): worksheets are then checked on that text
   * and handed to `keepSources` as bytes, never decoded whole.
   */
  raw?: (bytes: Uint8Array) => string;
  keepSources?: Map<string, PartSource>;
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
  // Entry count, declared sizes (per part, in total, against the compressed size), ZIP64 records that disagree,
  // entry encryption and unsafe names: all refused before anything is inflated.
  const dir = readDirectory(bytes, limits);
  const entries = [...dir.entries.values()];
  let declaredBytes = 0;
  // One part at a time: memory stays within the largest declared part.
  for (const e of entries) {
    declaredBytes += e.size;
    try {
      await checkPart(bytes, e, options, limits);
    } catch (err) {
      if (!isWorksheet(e) || !wantsSheetName(err, e.name)) throw err;
      // The sheet's name, as on its tab, rather than its part (read only now: a refusal is rare).
      const read = async (name: string) => {
        const entry = dir.entries.get(name.toLowerCase());
        return entry ? decodeText(await readEntry(bytes, entry, options.inflate, limits, options.crc32), options.decode, entry.name) : null;
      };
      throw inSheet(err, e.name, await sheetNameOf(e.name, read));
    }
  }
  return { entries: entries.length, declaredBytes };
}

/** Inflates one part and checks it; XML parts are kept for the reader as text or bytes. */
async function checkPart(bytes: Uint8Array, e: ZipEntry, options: PreflightOptions, limits: PreflightLimits): Promise<void> {
  const data = await readEntry(bytes, e, options.inflate, limits, options.crc32);
  // Refused on invalid UTF-8: a reader would see U+FFFD in place of the bytes and import garbled names.
  if (!isXmlPart(e)) return;
  const raw = options.raw && isWorksheet(e) && !isUtf16(data) ? rawText(data, options.raw, e) : null;
  if (raw !== null) {
    namingPart(e.name, () => scanXml(raw, e, limits));
    options.keepSources?.set(e.name.toLowerCase(), { raw, bytes: plainBytes(data) });
    return;
  }
  const text = decodeText(data, options.decode, e.name);
  namingPart(e.name, () => scanXml(text, e, limits));
  options.keep?.set(e.name.toLowerCase(), text);
}

function isXmlPart(e: ZipEntry): boolean {
  return /\.(xml|rels|vml)$/i.test(e.name);
}

/** Worksheets are recognised by path (xl/worksheets/sheetN.xml). */
function isWorksheet(e: ZipEntry): boolean {
  return /(^|\/)worksheets\/[^/]+\.xml$/i.test(e.name);
}

function rawText(data: Uint8Array, raw: (bytes: Uint8Array) => string, e: ZipEntry): string {
  try {
    return raw(data);
  } catch {
    throw new XlsxError('badUtf8', e.name);
  }
}

/**
 * DTDs (scanTag refuses them), nesting depth, and rows and cells of worksheets; no object per
 * tag. Markup is ASCII, so the same walk serves decoded text and one-char-per-byte text.
 * In the parts the add-in reads or edits (worksheets among them), each close tag must match its
 * open tag: a misspelt one (`<v>2</vv>`, `</defWnedName>`) keeps the depth balanced, the reader
 * would read past it and an edit copy it into a file Excel then repairs.
 */
function scanXml(xml: string, e: ZipEntry, limits: PreflightLimits): void {
  const sheet = isWorksheet(e);
  // Name spans of the open elements, [start, end] pairs: no string per tag.
  const open: number[] | null = sheet || isReadPart(e) ? [] : null;
  const tag = newTagSpan();
  let depth = 0;
  let rows = 0;
  let cells = 0;
  // Bounded by the length: reading past the end made V8 drop the walk's compiled code at the end of every part.
  for (let i = 0, n = xml.length; i < n; ) {
    // Markup runs tag after tag (`</v></c><c`): the next '<' is most often the very next char.
    const lt = xml.charCodeAt(i) === LT ? i : xml.indexOf('<', i);
    if (lt < 0) break;
    // A tag with no attributes (`</c>`, `<is>`, `<t>`: most of a sheet's) is read here as scanTag
    // reads it, without a call; any other goes to scanTag.
    const c1 = xml.charCodeAt(lt + 1);
    let closing = c1 === SLASH;
    let nameStart = closing ? lt + 2 : lt + 1;
    let nameEnd = nameStart;
    let c = c1 === QMARK || c1 === BANG ? NaN : xml.charCodeAt(nameEnd);
    for (; c > 32 && c !== GT && c !== SLASH; c = xml.charCodeAt(++nameEnd)) if (c === COLON) nameStart = nameEnd + 1;
    const bare = c === GT;
    let selfClosing = false;
    if (bare) i = nameEnd + 1;
    else {
      const found = scanTag(xml, lt, tag);
      i = tag.end;
      if (!found) continue;
      ({ closing, selfClosing, nameStart, nameEnd } = tag);
    }
    if (closing) {
      depth--;
      if (open !== null) {
        const end = open.pop();
        const start = open.pop();
        if (start === undefined || end === undefined || !sameName(xml, start, end, nameStart, nameEnd)) {
          throw new XlsxError('corrupt', `mismatched </${xml.slice(nameStart, nameEnd)}>`);
        }
      }
      continue;
    }
    if (!selfClosing) {
      if (++depth > limits.maxDepth) throw new XlsxError('tooDeep', e.name);
      open?.push(nameStart, nameEnd);
    }
    if (!sheet) continue;
    // Names compared in place (c and row are most of a sheet's tags).
    const nameLength = nameEnd - nameStart;
    if (nameLength === 1 && xml.charCodeAt(nameStart) === C) {
      if (++cells > limits.maxCells) throw new XlsxError('sheetTooLarge', e.name);
    } else if (nameLength === 3 && xml.startsWith('row', nameStart)) {
      // The count of rows, not their index: a style on row 1,048,576 is a user's whole-column format.
      if (++rows > limits.maxRows) throw new XlsxError('sheetTooLarge', e.name);
    }
  }
  // A part the add-in reads or edits, cut off after a whole element: read as it is, what follows
  // the cut would seem missing (members, strings, sheets), and an edit would finish half a part.
  if (depth !== 0 && (sheet || isReadPart(e))) throw new XlsxError('corrupt', 'unclosed elements');
  // Text with no element at all (a part overwritten with other data): read, it would seem empty; edited, it has no root to edit.
  if ((sheet || isReadPart(e)) && !ELEMENT.test(xml) && xml.trim() !== '') throw new XlsxError('corrupt', 'no root element');
}

/** A start tag anywhere (found within a part's first line when there is one). */
const ELEMENT = /<[A-Za-z_]/;

function sameName(xml: string, start: number, end: number, otherStart: number, otherEnd: number): boolean {
  if (end - start !== otherEnd - otherStart) return false;
  for (let k = 0; k < end - start; k++) if (xml.charCodeAt(start + k) !== xml.charCodeAt(otherStart + k)) return false;
  return true;
}

/** Parts the add-in reads or edits besides worksheets (the rest it copies as they are). */
function isReadPart(e: ZipEntry): boolean {
  return /^\[content_types\]\.xml$|\.rels$|(^|\/)(workbook|sharedStrings|styles|tables\/[^/]+)\.xml$|^docProps\/[^/]+\.xml$/i.test(e.name);
}

const LT = 60; // <
const GT = 62; // >
const SLASH = 47; // /
const QMARK = 63; // ?
const BANG = 33; // !
const COLON = 58; // :
const C = 99; // c
