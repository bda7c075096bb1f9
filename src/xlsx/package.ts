/**
 * An opened .xlsx/.xlsm package in memory, for writing back. Parts stay as the source
 * stored them until something changes them; saving copies every untouched part's
 * compressed bytes unchanged. The shared parts (workbook.xml and its rels,
 * [Content_Types].xml) are edited as text, one element or attribute at a time, so what the
 * add-in does not understand (extensions, other namespaces, VBA, pivots …) survives.
 *
 * The add-in knows its own sheets by a mark, not by name: a hidden sheet-scoped defined name
 * DVHT_SHEET whose value is a string constant naming the sheet's role ("summary"). A user
 * sheet that happens to carry the same name has no mark and is never replaced.
 */
import { DEFAULT_LIMITS, namingPart, XlsxError, type XlsxLimits } from './errors';
import { foreignZip, missingWorkbook, sniff } from './sniff';
import { rawData, readDirectory, readEntry, type Inflate, type ZipEntry } from './zip';
import { writeZip, type Deflate, type ZipWriteEntry } from './zipWriter';
import { isUtf16, plainBytes } from './bytes';
import { decodeText, resolvePart, sheetWithoutPart } from './reader';
import { attr, decodeEntities, markRole, OWNER_MARK, parseRels, type Relationship } from './xml';
import { elementEnd, escapeXml, findTag, findTags, prefixFor, prefixOf, splice, withAttr, type Located } from './xmlEdit';

export interface PackageOptions {
  inflate: Inflate;
  /** UTF-8 bytes → text, throwing on invalid UTF-8 (default: a fatal TextDecoder). */
  decode?: (bytes: Uint8Array) => string;
  limits?: Partial<XlsxLimits>;
  /** Texts of parts already inflated and checked (the preflight's), by lower-cased name. */
  texts?: Map<string, string>;
  /**
   * The deflater the package will be saved with, when a large part should start compressing
   * as soon as it is set (Node: on libuv's threads, beside the work still to do); the save
   * uses it. Not for the browser, where compressing runs on the page's thread at each edit.
   */
  earlyDeflate?: Deflate;
  /** CRC-32 of the parts read and written (default: the JS one, as in the browser). */
  crc32?: (data: Uint8Array) => number;
  /**
   * Valid UTF-8 as one char per byte, throwing on invalid UTF-8 (Node: nodeRaw). With it a
   * worksheet is read and patched as its bytes (sheetSource()); without it, as decoded text.
   */
  raw?: (bytes: Uint8Array) => string;
  /** Worksheets already inflated and checked as sources (the preflight's), by lower-cased name. */
  sources?: Map<string, PartSource>;
}

/**
 * A part as its UTF-8 bytes and the same bytes one char per byte (utf8.ts): char i is byte i,
 * so a writer finds tags in `raw` and copies unchanged runs as `bytes.subarray(a, b)`.
 */
export interface PartSource {
  raw: string;
  bytes: Uint8Array;
}

/** A piece of a part being written: text (encoded as UTF-8) or bytes copied as they are. */
export type Piece = string | Uint8Array;

/** Parts this large are compressed as soon as they are set (see PackageOptions.earlyDeflate). */
const EARLY_DEFLATE_BYTES = 256 * 1024;

export interface PackageSheet {
  name: string;
  sheetId: number;
  rid: string;
  /** Part path ("xl/worksheets/sheet1.xml"); null when the relationship is missing. */
  path: string | null;
  state: 'visible' | 'hidden' | 'veryHidden';
}

export interface DefinedName {
  name: string;
  /** Index of the sheet in tab order, for a sheet-scoped name. */
  localSheetId: number | null;
  value: string;
}

export { OWNER_MARK } from './xml';

const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL_TYPE = `${REL_NS}/`;
const CT_WORKSHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const CT_STYLES = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';

interface Part {
  /** As named in the zip. */
  name: string;
  entry: ZipEntry | null;
  /** New content; null while the source's bytes stand. */
  data: Uint8Array | null;
}

let encoder: { encode(s: string): Uint8Array; encodeInto(s: string, into: Uint8Array): { read: number; written: number } } | null = null;
const utf8 = (s: string) => (encoder ??= new TextEncoder()).encode(s);

/**
 * UTF-8 of pieces in order, as one array: text encoded into place, bytes copied. When the only
 * bytes are a sink's with room around them (a sheet's rows), the text around is written into
 * that room instead: the rows are not copied into yet another fresh array.
 */
export function utf8Pieces(pieces: readonly Piece[]): Uint8Array {
  const inPlace = aroundSinkBytes(pieces);
  if (inPlace) return inPlace;
  let chars = 0;
  let bytes = 0;
  for (const p of pieces) {
    if (typeof p === 'string') chars += p.length;
    else bytes += p.length;
  }
  // Mostly ASCII markup: start a little over one byte per character, grow when short.
  const sink = new Utf8Sink(bytes + Math.ceil(chars * 1.25) + 64);
  for (const p of pieces) sink.put(p);
  return sink.bytes();
}

/**
 * UTF-8 written as it is made (a sheet's rows): text encoded into place, bytes copied, so no
 * list of pieces outlives its row (kept pieces were most of the writers' garbage collection).
 */
const PENDING_CHARS = 4096;

/** A sink's bytes() and the free room of its array before and after them (used once). */
const ROOM = new WeakMap<Uint8Array, { before: number; after: number }>();

function aroundSinkBytes(pieces: readonly Piece[]): Uint8Array | null {
  let at = -1;
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i]!;
    if (typeof p === 'string') continue;
    if (at >= 0 || !ROOM.has(p)) return null;
    at = i;
  }
  if (at < 0) return null;
  const rows = pieces[at] as Uint8Array;
  const room = ROOM.get(rows)!;
  const head = utf8Pieces(pieces.slice(0, at));
  const tail = utf8Pieces(pieces.slice(at + 1));
  if (head.length > room.before || tail.length > room.after) return null;
  ROOM.delete(rows);
  const whole = new Uint8Array(rows.buffer, rows.byteOffset - head.length, head.length + rows.length + tail.length);
  whole.set(head, 0);
  whole.set(tail, head.length + rows.length);
  return whole;
}

export class Utf8Sink {
  private buf: Uint8Array;
  private at = 0;
  /** Text not yet encoded: short pieces are joined first, so the encoder is called per few kB, not per cell. */
  private pending = '';

  /** `headroom`: bytes left free before the output, for the text utf8Pieces will put before it. */
  constructor(
    capacity = 1 << 16,
    private readonly headroom = 0,
  ) {
    this.buf = new Uint8Array(Math.max(64, capacity) + headroom);
    this.at = headroom;
  }

  put(piece: Piece): void {
    if (typeof piece === 'string') {
      this.pending += piece;
      if (this.pending.length >= PENDING_CHARS) this.flush();
      return;
    }
    if (!piece.length) return;
    this.flush();
    this.reserve(piece.length);
    this.buf.set(piece, this.at);
    this.at += piece.length;
  }

  private flush(): void {
    let rest = this.pending;
    if (!rest) return;
    this.pending = '';
    const enc = (encoder ??= new TextEncoder());
    for (;;) {
      this.reserve(rest.length + 16);
      const { read, written } = enc.encodeInto(rest, this.buf.subarray(this.at));
      this.at += written;
      if (read === rest.length) return;
      rest = rest.slice(read);
      this.reserve(rest.length * 3);
    }
  }

  private reserve(n: number): void {
    if (this.at + n <= this.buf.length) return;
    const grown = new Uint8Array(Math.max(this.buf.length * 2, this.at + n));
    grown.set(this.buf.subarray(0, this.at));
    this.buf = grown;
  }

  bytes(): Uint8Array {
    this.flush();
    const out = this.buf.subarray(this.headroom, this.at);
    ROOM.set(out, { before: this.headroom, after: this.buf.length - this.at });
    return out;
  }
}

/**
 * The part's text when it is all text and well-formed (its UTF-8 then decodes back to the same
 * text), else null: bytes among the pieces, or a lone surrogate (encoded as U+FFFD).
 */
function wholeText(data: string | readonly Piece[] | Uint8Array): string | null {
  if (data instanceof Uint8Array) return null;
  if (typeof data !== 'string' && data.some((p) => typeof p !== 'string')) return null;
  const text = typeof data === 'string' ? data : (data as readonly string[]).join('');
  return (text as string & { isWellFormed(): boolean }).isWellFormed() ? text : null;
}

export function sheetKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

export class XlsxPackage {
  private readonly parts = new Map<string, Part>();
  private readonly texts = new Map<string, string>();
  /** Parts read as sources (worksheets), by lower-cased name; dropped when the part changes. */
  private readonly sources = new Map<string, PartSource>();
  private readonly limits: XlsxLimits;
  private workbookPath = 'xl/workbook.xml';
  private folder = 'xl/';
  private _sheets: PackageSheet[] = [];
  private _strict = false;
  private _signed = false;

  private constructor(
    private readonly source: Uint8Array,
    private readonly options: PackageOptions,
  ) {
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
  }

  /** Opens `bytes` under the reader's caps; nothing is inflated past a declared size. */
  static async open(bytes: Uint8Array, options: PackageOptions): Promise<XlsxPackage> {
    const pkg = new XlsxPackage(bytes, options);
    const limits = pkg.limits;
    if (bytes.length > limits.maxFileBytes) throw new XlsxError('tooLarge', String(bytes.length));
    sniff(bytes);
    const dir = readDirectory(bytes, limits);
    for (const [key, entry] of dir.entries) pkg.parts.set(key, { name: entry.name, entry, data: null });
    for (const [key, text] of options.texts ?? []) if (pkg.parts.has(key)) pkg.texts.set(key, text);
    for (const [key, source] of options.sources ?? []) if (pkg.parts.has(key)) pkg.sources.set(key, source);
    const foreign = foreignZip(pkg.parts);
    if (foreign) throw new XlsxError(foreign);
    await pkg.load();
    return pkg;
  }

  /** A package from text parts (the new-workbook template). */
  static async fromParts(parts: { name: string; text: string }[], options: PackageOptions): Promise<XlsxPackage> {
    const pkg = new XlsxPackage(new Uint8Array(0), options);
    for (const p of parts) pkg.parts.set(p.name.toLowerCase(), { name: p.name, entry: null, data: utf8(p.text) });
    await pkg.load();
    return pkg;
  }

  private async load(): Promise<void> {
    const root = await this.text('_rels/.rels');
    const rootRels = root ? namingPart('_rels/.rels', () => parseRels(root)) : [];
    const rel = rootRels.find((r) => r.type.endsWith('/officeDocument') && !r.external);
    this._signed = rootRels.some((r) => r.type.endsWith('/digital-signature/origin'));
    this.workbookPath = rel ? resolvePart('', rel.target) : 'xl/workbook.xml';
    this.folder = this.workbookPath.slice(0, this.workbookPath.lastIndexOf('/') + 1);
    if (!this.has(this.workbookPath)) throw missingWorkbook(this.parts.keys(), this.workbookPath);
    this._strict = isStrict((await this.text(this.workbookPath))!);
    await this.text(this.relsPathOf(this.workbookPath));
    await this.text('[Content_Types].xml');
    this.parseSheets();
    // Found at its usual place without the package's relationship to it (_rels/.rels lost or
    // emptied): a package saved so would open in neither Excel nor LibreOffice.
    if (!rel) this.relateWorkbook();
  }

  /** Relates the package to its workbook again, in _rels/.rels (and its content type, when missing). */
  private relateWorkbook(): void {
    this.addRelationship('', 'officeDocument', this.workbookPath);
    const types = this.texts.get('[content_types].xml');
    const relsType = findTags(types ?? '', 'Default').some((t) => (attr(t.attrs, 'Extension') ?? '').toLowerCase() === 'rels');
    if (types === undefined || relsType) return;
    this.edit('[Content_Types].xml', (xml) => {
      const close = findTag(xml, 'Types', true);
      if (!close) throw new XlsxError('notXlsx', 'no <Types>');
      return splice(xml, close.start, close.start, `<${prefixOf(close.qname)}Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>`);
    });
  }

  // ------------------------------------------------------------------ parts

  has(path: string): boolean {
    return this.parts.has(path.toLowerCase());
  }

  /** Part names in zip order. */
  get partNames(): string[] {
    return [...this.parts.values()].map((p) => p.name);
  }

  /** The part's bytes (inflated under the caps), or null. */
  async bytes(path: string): Promise<Uint8Array | null> {
    const key = path.toLowerCase();
    const part = this.parts.get(key);
    if (!part) return null;
    if (part.data) return part.data;
    if (this.dirty.has(key)) return (part.data = utf8(this.loaded(path)));
    return readEntry(this.source, part.entry!, this.options.inflate, this.limits, this.options.crc32);
  }

  /** The part as text (cached: shared parts are read once and edited in place). */
  async text(path: string): Promise<string | null> {
    const key = path.toLowerCase();
    const cached = this.texts.get(key);
    if (cached !== undefined) return cached;
    const b = this.sources.get(key)?.bytes ?? (await this.bytes(path));
    if (b === null) return null;
    const s = decodeText(b, this.options.decode, this.parts.get(key)!.name);
    this.texts.set(key, s);
    return s;
  }

  /**
   * A worksheet to read or patch: as its bytes and their one-char-per-byte text when the
   * package can (options.raw, a UTF-8 part), else as decoded text (cached like text()).
   */
  async sheetSource(path: string): Promise<PartSource | string | null> {
    const key = path.toLowerCase();
    const cached = this.sources.get(key) ?? this.texts.get(key);
    if (cached !== undefined) return cached;
    const raw = this.options.raw;
    const bytes = raw ? await this.bytes(path) : null;
    if (!raw || !bytes || isUtf16(bytes)) return this.text(path);
    let source: PartSource;
    try {
      source = { raw: raw(bytes), bytes: plainBytes(bytes) };
    } catch {
      throw new XlsxError('badUtf8', this.parts.get(key)!.name);
    }
    this.sources.set(key, source);
    return source;
  }

  /** Text of a part already loaded by load() or text(). */
  private loaded(path: string): string {
    const s = this.texts.get(path.toLowerCase());
    if (s === undefined) throw new Error(`part not loaded: ${path}`);
    return s;
  }

  /**
   * Replaces (or adds) a part; a new part with a content type gets its Override. Text may come
   * as pieces in order (a large sheet): encoded one by one, never joined; text() then reads
   * the part back from its bytes.
   */
  setPart(path: string, data: string | readonly Piece[] | Uint8Array, contentType?: string): void {
    const key = path.toLowerCase();
    this.sources.delete(key);
    const existing = this.parts.get(key);
    const deflate = this.options.earlyDeflate;
    const text = deflate ? null : wholeText(data);
    if (text !== null) {
      // Kept as text, encoded when the bytes are wanted (a save): an edit of a large sheet in the
      // browser then neither encodes the part nor decodes it again to read it back.
      this.texts.set(key, text);
      this.dirty.add(key);
      if (existing) existing.data = null;
      else {
        this.parts.set(key, { name: path, entry: null, data: null });
        if (contentType) this.addOverride(path, contentType);
      }
      return;
    }
    this.dirty.delete(key);
    const bytes = typeof data === 'string' ? utf8(data) : data instanceof Uint8Array ? data : utf8Pieces(data);
    if (typeof data === 'string') this.texts.set(key, data);
    else this.texts.delete(key);
    if (deflate && bytes.length >= EARLY_DEFLATE_BYTES) {
      const deflated = Promise.resolve(deflate(bytes));
      deflated.catch(() => undefined); // a failure is reported by the save that awaits it
      this.early.set(key, { data: bytes, deflated });
    }
    if (existing) existing.data = bytes;
    else {
      this.parts.set(key, { name: path, entry: null, data: bytes });
      if (contentType) this.addOverride(path, contentType);
    }
  }

  deletePart(path: string): void {
    const key = path.toLowerCase();
    if (!this.parts.delete(key)) return;
    this.texts.delete(key);
    this.dirty.delete(key);
    this.sources.delete(key);
    this.removeOverride(path);
  }

  /** True when the part is still the source's (its compressed bytes will be copied). */
  untouched(path: string): boolean {
    const key = path.toLowerCase();
    const p = this.parts.get(key);
    return Boolean(p && p.entry && !p.data && !this.dirty.has(key));
  }

  relsPathOf(part: string): string {
    const slash = part.lastIndexOf('/');
    return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
  }

  /** Relationships of a part, targets resolved to part paths. */
  async relsOf(part: string): Promise<(Relationship & { path: string })[]> {
    const relsPath = this.relsPathOf(part);
    const xml = await this.text(relsPath);
    if (!xml) return [];
    const folder = part.slice(0, part.lastIndexOf('/') + 1);
    return namingPart(relsPath, () => parseRels(xml)).map((r) => ({ ...r, path: r.external ? r.target : resolvePart(folder, r.target) }));
  }

  /**
   * Saved by Excel as "Strict Open XML Spreadsheet": readable (names are matched by local
   * name, relationship types by their last segment), but what the add-in writes is
   * transitional markup, and a strict package holding it is a mixed file Excel may refuse.
   */
  get strict(): boolean {
    return this._strict;
  }

  /** Signed in Excel (a digital signature origin): any change voids the signature. */
  get signed(): boolean {
    return this._signed;
  }

  /** Saves: untouched parts copied as stored, changed and new ones deflated. */
  async toBytes(deflate: Deflate): Promise<Uint8Array> {
    if (this._strict) throw new XlsxError('strict');
    if (this._signed) throw new XlsxError('signed');
    for (const [key, text] of this.texts) {
      const part = this.parts.get(key);
      // Shared parts edited as text are re-encoded only when their text changed.
      if (part && part.data === null && this.dirty.has(key)) part.data = utf8(text);
    }
    const entries: ZipWriteEntry[] = [];
    for (const [key, p] of this.parts) {
      const early = this.early.get(key);
      // Compressed early only if these are still its bytes and the save uses the same deflater.
      if (p.data && early?.data === p.data && deflate === this.options.earlyDeflate) entries.push({ name: p.name, data: p.data, deflated: early.deflated });
      else if (p.data) entries.push({ name: p.name, data: p.data });
      else entries.push({ name: p.name, raw: { ...p.entry!, data: rawData(this.source, p.entry!) } });
    }
    return writeZip(entries, deflate, this.options.crc32);
  }

  private readonly dirty = new Set<string>();
  /** Large parts whose compression started when they were set, by lower-cased name. */
  private readonly early = new Map<string, { data: Uint8Array; deflated: Promise<Uint8Array> }>();

  /** Edits a shared text part in place. */
  private edit(path: string, fn: (xml: string) => string): void {
    const key = path.toLowerCase();
    const before = this.loaded(path);
    const after = fn(before);
    if (after === before) return;
    this.texts.set(key, after);
    const part = this.parts.get(key);
    if (part) part.data = null;
    this.dirty.add(key);
  }

  // ------------------------------------------------------------------ content types

  private addOverride(path: string, contentType: string): void {
    this.edit('[Content_Types].xml', (xml) => {
      const close = findTag(xml, 'Types', true);
      if (!close) throw new XlsxError('notXlsx', 'no <Types>');
      const p = prefixOf(close.qname);
      return splice(xml, close.start, close.start, `<${p}Override PartName="/${escapeXml(path)}" ContentType="${escapeXml(contentType)}"/>`);
    });
  }

  private removeOverride(path: string): void {
    if (!this.texts.has('[content_types].xml')) return;
    this.edit('[Content_Types].xml', (xml) => {
      const want = `/${path}`.toLowerCase();
      const o = findTags(xml, 'Override').find((t) => (attr(t.attrs, 'PartName') ?? '').toLowerCase() === want);
      return o ? splice(xml, o.start, elementEnd(xml, o), '') : xml;
    });
  }

  /** The workbook's content type (macro-enabled, template …): kept as the source says. */
  get workbookContentType(): string | null {
    const xml = this.loaded('[Content_Types].xml');
    const want = `/${this.workbookPath}`.toLowerCase();
    const o = findTags(xml, 'Override').find((t) => (attr(t.attrs, 'PartName') ?? '').toLowerCase() === want);
    return o ? attr(o.attrs, 'ContentType') : null;
  }

  // ------------------------------------------------------------------ workbook.xml

  /** The workbook part's path ("xl/workbook.xml"). */
  get workbookPart(): string {
    return this.workbookPath;
  }

  get workbookXml(): string {
    return this.loaded(this.workbookPath);
  }

  get sheets(): readonly PackageSheet[] {
    return this._sheets;
  }

  findSheet(name: string): PackageSheet | undefined {
    const key = sheetKey(name);
    return this._sheets.find((s) => sheetKey(s.name) === key);
  }

  get date1904(): boolean {
    const pr = findTag(this.workbookXml, 'workbookPr');
    const v = pr ? attr(pr.attrs, 'date1904') : null;
    return v === '1' || v === 'true';
  }

  private parseSheets(): void {
    const relsPath = this.relsPathOf(this.workbookPath);
    const rels = namingPart(relsPath, () => parseRels(this.texts.get(relsPath.toLowerCase()) ?? ''));
    const target = new Map(rels.filter((r) => !r.external).map((r) => [r.id, resolvePart(this.folder, r.target)]));
    this._sheets = findTags(this.workbookXml, 'sheet').map((t) => {
      const rid = relId(t.attrs) ?? '';
      const state = attr(t.attrs, 'state');
      return {
        name: attr(t.attrs, 'name') ?? '',
        sheetId: Number(attr(t.attrs, 'sheetId')) || 0,
        rid,
        path: target.get(rid) ?? null,
        state: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
      };
    });
    const lost = sheetWithoutPart(this._sheets, target, (path) => this.has(path));
    if (lost !== null) throw new XlsxError('missingSheet', lost);
  }

  /**
   * Adds an empty worksheet part, its relationship, content type and <sheet> element, after
   * `after` (default: last). Sheet-scoped names and the active tab keep pointing at the same
   * sheets (their indexes move with the insertion).
   */
  addSheet(name: string, xml: string | readonly Piece[], after?: PackageSheet): PackageSheet {
    const index = after ? this._sheets.indexOf(after) + 1 : this._sheets.length;
    const taken = new Set(this.partNames.map((n) => n.toLowerCase()));
    let n = this._sheets.length + 1;
    while (taken.has(`${this.folder}worksheets/sheet${n}.xml`.toLowerCase())) n++;
    const path = `${this.folder}worksheets/sheet${n}.xml`;
    this.setPart(path, xml, CT_WORKSHEET);
    const rid = this.addRelationship(this.workbookPath, 'worksheet', `worksheets/sheet${n}.xml`);
    const sheetId = Math.max(0, ...this._sheets.map((s) => s.sheetId)) + 1;
    this.edit(this.workbookPath, (wb) => {
      const sheets = findTags(wb, 'sheet');
      const container = findTag(wb, 'sheets');
      if (!container) throw new XlsxError('notXlsx', 'no <sheets>');
      const p = prefixOf(container.qname);
      const r = this.relPrefix(wb);
      const el = `<${p}sheet name="${escapeXml(name)}" sheetId="${sheetId}" ${r.prefix}id="${rid}"${r.declare}/>`;
      let at: number;
      if (index < sheets.length) at = sheets[index]!.start;
      else if (sheets.length) at = elementEnd(wb, sheets[sheets.length - 1]!);
      else if (container.selfClosing) {
        return splice(wb, container.start, container.end, `<${container.qname}${container.attrs}>${el}</${container.qname}>`);
      } else at = container.end;
      return splice(wb, at, at, el);
    });
    if (index < this._sheets.length) this.shiftSheetIndexes(index, +1);
    const sheet: PackageSheet = { name, sheetId, rid, path, state: 'visible' };
    this._sheets.splice(index, 0, sheet);
    return sheet;
  }

  /** The r: prefix to use for relationship ids, or a local declaration when none is bound. */
  private relPrefix(wb: string): { prefix: string; declare: string } {
    const root = findTag(wb, 'workbook');
    const p = root ? prefixFor(root, REL_NS) : null;
    if (p) return { prefix: p, declare: '' };
    return { prefix: 'r:', declare: ` xmlns:r="${REL_NS}"` };
  }

  /** localSheetId and activeTab/firstSheet values ≥ `from` move by `by`. */
  private shiftSheetIndexes(from: number, by: number): void {
    this.edit(this.workbookPath, (wb) => {
      const edits: { start: number; end: number; text: string }[] = [];
      for (const t of findTags(wb, 'definedName')) {
        const id = attr(t.attrs, 'localSheetId');
        if (id !== null && Number(id) >= from) edits.push({ start: t.start, end: t.end, text: withAttr(wb.slice(t.start, t.end), 'localSheetId', String(Number(id) + by)) });
      }
      for (const t of findTags(wb, 'workbookView')) {
        let text = wb.slice(t.start, t.end);
        for (const a of ['activeTab', 'firstSheet']) {
          const v = attr(t.attrs, a);
          if (v !== null && Number(v) >= from) text = withAttr(text, a, String(Number(v) + by));
        }
        edits.push({ start: t.start, end: t.end, text });
      }
      return applyEdits(wb, edits);
    });
  }

  /** Adds a relationship to `part`'s rels (created when missing); returns its Id. */
  addRelationship(part: string, type: string, target: string): string {
    const relsPath = this.relsPathOf(part);
    if (!this.texts.has(relsPath.toLowerCase())) {
      if (this.has(relsPath)) throw new Error(`rels not loaded: ${relsPath}`);
      this.setPart(relsPath, '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>');
    }
    let id = '';
    this.edit(relsPath, (xml) => {
      const ids = new Set(findTags(xml, 'Relationship').map((t) => attr(t.attrs, 'Id')));
      let n = ids.size + 1;
      while (ids.has(`rId${n}`)) n++;
      id = `rId${n}`;
      const close = findTag(xml, 'Relationships', true);
      if (!close) throw new XlsxError('notXlsx', `no <Relationships> in ${relsPath}`);
      const p = prefixOf(close.qname);
      return splice(xml, close.start, close.start, `<${p}Relationship Id="${id}" Type="${REL_TYPE}${type}" Target="${escapeXml(target)}"/>`);
    });
    return id;
  }

  private removeRelationship(part: string, id: string): void {
    const relsPath = this.relsPathOf(part);
    if (!this.texts.has(relsPath.toLowerCase())) return;
    this.edit(relsPath, (xml) => {
      const t = findTags(xml, 'Relationship').find((r) => attr(r.attrs, 'Id') === id);
      return t ? splice(xml, t.start, elementEnd(xml, t), '') : xml;
    });
  }

  // ------------------------------------------------------------------ defined names

  get definedNames(): DefinedName[] {
    const wb = this.workbookXml;
    return findTags(wb, 'definedName').map((t) => {
      const id = attr(t.attrs, 'localSheetId');
      return { name: attr(t.attrs, 'name') ?? '', localSheetId: id === null ? null : Number(id), value: innerText(wb, t) };
    });
  }

  /** Sets (replaces or adds) one defined name; other names and their bytes stay. */
  setDefinedName(name: string, localSheetId: number | null, value: string, hidden = false): void {
    this.edit(this.workbookPath, (wb) => {
      const existing = findNames(wb, name, localSheetId);
      const container = findTag(wb, 'definedNames');
      const p = container ? prefixOf(container.qname) : prefixOf(findTag(wb, 'workbook')?.qname ?? '');
      const el = `<${p}definedName name="${escapeXml(name)}"${localSheetId === null ? '' : ` localSheetId="${localSheetId}"`}${hidden ? ' hidden="1"' : ''}>${escapeXml(value)}</${p}definedName>`;
      if (existing.length) {
        const first = existing[0]!;
        let out = splice(wb, first.start, elementEnd(wb, first), el);
        // Duplicates (never valid) go: the last word is ours.
        for (const d of findNames(out, name, localSheetId).slice(1).reverse()) out = splice(out, d.start, elementEnd(out, d), '');
        return out;
      }
      if (container && !container.selfClosing) {
        const close = findTag(wb, 'definedNames', true)!;
        return splice(wb, close.start, close.start, el);
      }
      if (container) return splice(wb, container.start, container.end, `<${container.qname}${container.attrs}>${el}</${container.qname}>`);
      const at = insertionPoint(wb, ['externalReferences', 'functionGroups', 'sheets']);
      return splice(wb, at, at, `<${p}definedNames>${el}</${p}definedNames>`);
    });
  }

  removeDefinedName(name: string, localSheetId: number | null): void {
    this.edit(this.workbookPath, (wb) => {
      let out = wb;
      for (const d of findNames(wb, name, localSheetId).reverse()) out = splice(out, d.start, elementEnd(out, d), '');
      return out;
    });
  }

  /** The add-in's mark on a sheet: its role, or null for a user's sheet. */
  roleOf(sheet: PackageSheet): string | null {
    const index = this._sheets.indexOf(sheet);
    const mark = this.definedNames.find((d) => d.name.toUpperCase() === OWNER_MARK && d.localSheetId === index);
    return mark ? markRole(mark.value) : null;
  }

  setRole(sheet: PackageSheet, role: string): void {
    this.setDefinedName(OWNER_MARK, this._sheets.indexOf(sheet), `"${role.replace(/"/g, '""')}"`, true);
  }

  /** Sheet-scoped names of `sheet` other than the mark (print titles, filters …). */
  clearSheetNames(sheet: PackageSheet, keep: (name: string) => boolean = (n) => n.toUpperCase() === OWNER_MARK): void {
    const index = this._sheets.indexOf(sheet);
    for (const d of this.definedNames) if (d.localSheetId === index && !keep(d.name)) this.removeDefinedName(d.name, index);
  }

  // ------------------------------------------------------------------ sheets drawn anew

  /**
   * Before a sheet part is drawn anew: its relationships go, with every part only it
   * reached (drawings, charts, tables, comments), so nothing is left dangling.
   */
  async dropSheetRelations(sheet: PackageSheet): Promise<void> {
    if (!sheet.path) return;
    const gone = await this.dropRelsTree(sheet.path);
    for (const p of gone) this.deletePart(p);
  }

  private async dropRelsTree(part: string): Promise<string[]> {
    const rels = await this.relsOf(part);
    const relsPath = this.relsPathOf(part);
    if (!this.has(relsPath)) return [];
    this.deletePart(relsPath);
    const out: string[] = [];
    for (const r of rels) {
      if (r.external || !this.has(r.path) || (await this.referencedElsewhere(r.path))) continue;
      out.push(...(await this.dropRelsTree(r.path)), r.path);
    }
    return out;
  }

  private async referencedElsewhere(path: string): Promise<boolean> {
    const want = path.toLowerCase();
    for (const name of this.partNames) {
      if (!name.toLowerCase().endsWith('.rels')) continue;
      const owner = name.replace(/_rels\/([^/]+)\.rels$/i, '$1');
      for (const r of await this.relsOf(owner)) if (!r.external && r.path.toLowerCase() === want) return true;
    }
    return false;
  }

  // ------------------------------------------------------------------ styles and calculation

  get stylesPath(): string {
    return `${this.folder}styles.xml`;
  }

  async stylesXml(): Promise<string | null> {
    const rel = (await this.relsOf(this.workbookPath)).find((r) => r.type.endsWith('/styles'));
    return this.text(rel ? rel.path : this.stylesPath);
  }

  async setStyles(xml: string): Promise<void> {
    const rel = (await this.relsOf(this.workbookPath)).find((r) => r.type.endsWith('/styles'));
    if (rel) this.setPart(rel.path, xml);
    else {
      this.setPart(this.stylesPath, xml, CT_STYLES);
      this.addRelationship(this.workbookPath, 'styles', 'styles.xml');
    }
  }

  /**
   * The calculation chain lists formula cells by sheet; once cells of those sheets change it
   * is stale, and a stale chain is what Excel "repairs". The chain is optional (ECMA-376
   * §18.6: an application may rebuild it), so it goes, and fullCalcOnLoad makes Excel
   * recompute everything on open.
   */
  async afterCellsChanged(sheetIds: Set<number>): Promise<void> {
    const rel = (await this.relsOf(this.workbookPath)).find((r) => r.type.endsWith('/calcChain'));
    if (rel && this.has(rel.path)) {
      const xml = (await this.text(rel.path)) ?? '';
      let i = 0;
      let touches = false;
      for (const c of findTags(xml, 'c')) {
        const v = attr(c.attrs, 'i');
        if (v !== null) i = Number(v);
        if (sheetIds.has(i)) {
          touches = true;
          break;
        }
      }
      if (touches) {
        this.deletePart(rel.path);
        this.removeRelationship(this.workbookPath, rel.id);
      }
    }
    this.edit(this.workbookPath, (wb) => {
      const calc = findTag(wb, 'calcPr');
      if (calc) return splice(wb, calc.start, calc.end, withAttr(wb.slice(calc.start, calc.end), 'fullCalcOnLoad', '1'));
      const p = prefixOf(findTag(wb, 'workbook')?.qname ?? '');
      const at = insertionPoint(wb, ['definedNames', 'externalReferences', 'functionGroups', 'sheets']);
      return splice(wb, at, at, `<${p}calcPr fullCalcOnLoad="1"/>`);
    });
  }

  /** Points the workbook view at `sheet` (the first tab shown when the file opens). */
  setActiveTab(sheet: PackageSheet): void {
    const index = this._sheets.indexOf(sheet);
    this.edit(this.workbookPath, (wb) => {
      const view = findTag(wb, 'workbookView');
      if (!view) return wb;
      let text = withAttr(wb.slice(view.start, view.end), 'activeTab', String(index));
      const first = attr(view.attrs, 'firstSheet');
      if (first !== null && Number(first) > index) text = withAttr(text, 'firstSheet', String(index));
      return splice(wb, view.start, view.end, text);
    });
  }

  get activeTab(): number {
    const view = findTag(this.workbookXml, 'workbookView');
    return Number((view && attr(view.attrs, 'activeTab')) ?? 0) || 0;
  }
}

function findNames(wb: string, name: string, localSheetId: number | null): Located[] {
  const upper = name.toUpperCase();
  return findTags(wb, 'definedName').filter((t) => {
    const id = attr(t.attrs, 'localSheetId');
    return (attr(t.attrs, 'name') ?? '').toUpperCase() === upper && (id === null ? localSheetId === null : Number(id) === localSheetId);
  });
}

function innerText(xml: string, t: Located): string {
  if (t.selfClosing) return '';
  const close = xml.indexOf('<', t.end);
  return decodeEntities(xml.slice(t.end, close < 0 ? xml.length : close));
}

/** Just after the last of `after` present (CT_Workbook's element order), else after the root's start tag. */
function insertionPoint(wb: string, after: string[]): number {
  for (const name of after) {
    const t = findTag(wb, name);
    if (t) return elementEnd(wb, t);
  }
  const root = findTag(wb, 'workbook');
  return root ? root.end : 0;
}

function applyEdits(xml: string, edits: { start: number; end: number; text: string }[]): string {
  let out = xml;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = splice(out, e.start, e.end, e.text);
  return out;
}

/** The r:id attribute whatever its prefix. */
function relId(attrs: string): string | null {
  const m = /(?:^|\s)([A-Za-z_][\w.-]*):id\s*=\s*("([^"]*)"|'([^']*)')/.exec(attrs);
  return m ? decodeEntities(m[3] ?? m[4] ?? '') : null;
}

/** The workbook's root in the ISO/IEC 29500 Strict namespace, or marked conformance="strict". */
function isStrict(workbookXml: string): boolean {
  const root = /<(?:[\w.-]+:)?workbook\b[^>]*>/.exec(workbookXml)?.[0] ?? '';
  return root.includes('http://purl.oclc.org/ooxml/spreadsheetml/main') || /\bconformance\s*=\s*["']strict["']/.test(root);
}
