/**
 * A read-only zip directory for .xlsx parts. Only the central directory is trusted for
 * sizes; every entry is capped (count, declared size, actual size) before it is inflated,
 * and a name that could escape a folder refuses the file (never a path here, but a part
 * named "../x" has no business in a workbook, and another tool might follow it).
 * Before anything is inflated, every local header must agree with the directory (name,
 * method, sizes, CRC), no two names may collide (OPC names are case-insensitive) and no two
 * entries' data may overlap: a zip that says one thing to us and another to the next tool
 * is refused. Every part read is checked against its CRC-32.
 * ZIP64 records are read where tools write them on small files (a ZIP64 end record, sizes
 * and offsets in ZIP64 extra fields): the same checks apply to the values they hold.
 */
import { XlsxError, type XlsxLimits } from './errors';
import { crc32 } from './crc32';

/**
 * Inflates raw deflate data; must throw a RangeError when the output would pass `maxBytes`
 * (as zlib's maxOutputLength does), for readEntry to tell damage from a bomb.
 */
export type Inflate = (data: Uint8Array, maxBytes: number) => Uint8Array | Promise<Uint8Array>;

/** CRC-32 of a part; the host injects a native one where it has it (Node's zlib.crc32), else the JS one. */
export type Crc32 = (data: Uint8Array) => number;

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  crc32: number;
  /** General-purpose flags of the directory entry (bit 11: UTF-8 name). */
  flags: number;
  /** DOS time and date of the directory entry (kept when the part is copied). */
  time: number;
  date: number;
  /** Where the compressed data starts (after the local header). */
  dataOffset: number;
  /** The name's bytes as stored: a copy keeps them (a name without the UTF-8 flag is not re-encoded). */
  rawName: Uint8Array;
}

export interface ZipDirectory {
  /** Parts by lower-cased name (OPC part names are case-insensitive), in directory order. */
  entries: Map<string, ZipEntry>;
}

const EOCD = 0x06054b50;
const CEN = 0x02014b50;
const LOC = 0x04034b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END = 0x06064b50;
/** The extra field holding an entry's 64-bit sizes and offset. */
const ZIP64_EXTRA = 0x0001;
const SATURATED = 0xffffffff;

// Created on first use: some hosts (jsdom tests) add TextDecoder after modules load.
let decoders: { utf8: { decode(b: Uint8Array): string }; latin1: { decode(b: Uint8Array): string } } | null = null;

export function readDirectory(bytes: Uint8Array, limits: XlsxLimits): ZipDirectory {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEocd(bytes, view);
  if (eocd < 0) throw new XlsxError('truncated', 'end of central directory not found');
  // The directory ends where the ZIP64 end record starts, when there is one.
  const { count, cdSize, cdOffset, end } = centralDirectory(view, eocd);
  if (count > limits.maxEntries) throw new XlsxError('tooManyEntries', String(count));
  if (cdOffset + cdSize > end) throw new XlsxError('truncated', 'central directory outside the file');

  const entries = new Map<string, ZipEntry>();
  let total = 0;
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > end || view.getUint32(p, true) !== CEN) throw new XlsxError('corrupt', 'central directory entry');
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const time = view.getUint16(p + 12, true);
    const date = view.getUint16(p + 14, true);
    const crc = view.getUint32(p + 16, true);
    let compressedSize = view.getUint32(p + 20, true);
    let size = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    let localOffset = view.getUint32(p + 42, true);
    if (p + 46 + nameLen + extraLen > end) throw new XlsxError('corrupt', 'entry name');
    const nameAt = p + 46;
    const rawName = bytes.subarray(nameAt, nameAt + nameLen);
    decoders ??= { utf8: new TextDecoder('utf-8'), latin1: new TextDecoder('latin1') };
    const name = (flags & 0x800 ? decoders.utf8 : decoders.latin1).decode(rawName);
    if (size === SATURATED || compressedSize === SATURATED || localOffset === SATURATED) {
      // The ZIP64 extra holds, in this order, only the fields saturated here.
      const extra = zip64Extra(view, nameAt + nameLen, extraLen, name);
      let at = 0;
      const next = () => {
        if (at + 8 > extra.length) throw new XlsxError('corrupt', `ZIP64 fields of ${name}`);
        return u64(view, extra.start + (at += 8) - 8);
      };
      if (size === SATURATED) size = next();
      if (compressedSize === SATURATED) compressedSize = next();
      if (localOffset === SATURATED) localOffset = next();
    }
    p += 46 + nameLen + extraLen + commentLen;
    if (flags & 0x1) throw new XlsxError('encrypted', 'zip entry encryption');
    if (!safeName(name)) throw nameRefusal(name);
    if (name.endsWith('/')) continue; // folder entry
    if (size > limits.maxEntryBytes) throw new XlsxError('zipBomb', `${name}: ${size}`);
    // Before anything is inflated: an honest but extreme ratio is a bomb too.
    if (method !== 0 && size >= limits.ratioFloorBytes && size / Math.max(1, compressedSize) > limits.maxRatio) throw new XlsxError('zipBomb', `${name}: ${size}/${compressedSize}`);
    total += size;
    if (total > limits.maxTotalBytes) throw new XlsxError('zipBomb', `total ${total}`);
    if (localOffset + 30 > bytes.length) throw new XlsxError('truncated', name);
    const key = name.toLowerCase();
    // Two parts one name apart only by case: which one a tool reads is a guess.
    if (entries.has(key)) throw new XlsxError('corrupt', `duplicate entry ${name}`);
    const dataOffset = checkLocalHeader(bytes, view, localOffset, { name, nameAt, nameLen, method, crc, compressedSize, size, flags });
    if (dataOffset + compressedSize > cdOffset) throw new XlsxError('truncated', name);
    entries.set(key, { name, method, compressedSize, size, localOffset, crc32: crc, flags, time, date, dataOffset, rawName });
  }
  checkNoOverlap([...entries.values()]);
  return { entries };
}

interface CentralFields {
  name: string;
  nameAt: number;
  nameLen: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  flags: number;
}

/** The local header must say what the directory says; returns where the data starts. */
function checkLocalHeader(bytes: Uint8Array, view: DataView, p: number, c: CentralFields): number {
  const mismatch = (what: string) => new XlsxError('corrupt', `local header of ${c.name}: ${what}`);
  if (view.getUint32(p, true) !== LOC) throw mismatch('signature');
  const flags = view.getUint16(p + 6, true);
  if (flags & 0x1) throw new XlsxError('encrypted', 'zip entry encryption');
  if (view.getUint16(p + 8, true) !== c.method) throw mismatch('method');
  const nameLen = view.getUint16(p + 26, true);
  const extraLen = view.getUint16(p + 28, true);
  if (nameLen !== c.nameLen || p + 30 + nameLen > bytes.length) throw mismatch('name');
  for (let k = 0; k < nameLen; k++) if (bytes[p + 30 + k] !== bytes[c.nameAt + k]) throw mismatch('name');
  // With a data descriptor (bit 3) the local fields may be zero; when given they must agree.
  const deferred = (flags & 0x8) !== 0;
  const agree = (local: number, central: number) => local === central || (deferred && local === 0);
  if (!agree(view.getUint32(p + 14, true), c.crc)) throw mismatch('CRC');
  let compressedSize = view.getUint32(p + 18, true);
  let size = view.getUint32(p + 22, true);
  if (p + 30 + nameLen + extraLen > bytes.length) throw mismatch('extra field');
  if (size === SATURATED || compressedSize === SATURATED) {
    // A local ZIP64 extra holds both sizes, the size first.
    const extra = zip64Extra(view, p + 30 + nameLen, extraLen, c.name);
    if (extra.length < 16) throw mismatch('ZIP64 sizes');
    size = u64(view, extra.start);
    compressedSize = u64(view, extra.start + 8);
  }
  if (!agree(compressedSize, c.compressedSize)) throw mismatch('compressed size');
  if (!agree(size, c.size)) throw mismatch('size');
  return p + 30 + nameLen + extraLen;
}

/**
 * Entry count, size and offset of the central directory, from the ZIP64 end record when a
 * locator precedes the end record; `end` is where the directory must stop. A 32-bit field
 * that is not saturated must say what the ZIP64 record says.
 */
function centralDirectory(view: DataView, eocd: number): { count: number; cdSize: number; cdOffset: number; end: number } {
  const count = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  const locator = eocd - 20;
  if (locator < 0 || view.getUint32(locator, true) !== ZIP64_LOCATOR) {
    if (count === 0xffff || cdSize === SATURATED || cdOffset === SATURATED) throw new XlsxError('corrupt', 'ZIP64 end record missing');
    return { count, cdSize, cdOffset, end: eocd };
  }
  const at = u64(view, locator + 8);
  // One disk only: a split archive is not a workbook file.
  if (view.getUint32(locator + 4, true) !== 0 || view.getUint32(locator + 16, true) > 1) throw new XlsxError('corrupt', 'ZIP64 locator');
  if (at + 56 > locator || view.getUint32(at, true) !== ZIP64_END) throw new XlsxError('corrupt', 'ZIP64 end record');
  const zip64 = { count: u64(view, at + 32), cdSize: u64(view, at + 40), cdOffset: u64(view, at + 48), end: at };
  if (view.getUint32(at + 16, true) !== 0 || view.getUint32(at + 20, true) !== 0 || u64(view, at + 24) !== zip64.count) throw new XlsxError('corrupt', 'ZIP64 end record');
  const agrees = (value: number, saturated: number, wide: number) => value === saturated || value === wide;
  if (!agrees(count, 0xffff, zip64.count) || !agrees(cdSize, SATURATED, zip64.cdSize) || !agrees(cdOffset, SATURATED, zip64.cdOffset)) throw new XlsxError('corrupt', 'ZIP64 end record disagrees');
  return zip64;
}

/** The ZIP64 extra field among an entry's extra fields (start and length of its data). */
function zip64Extra(view: DataView, from: number, length: number, name: string): { start: number; length: number } {
  for (let q = from; q + 4 <= from + length; ) {
    const id = view.getUint16(q, true);
    const size = view.getUint16(q + 2, true);
    if (q + 4 + size > from + length) break;
    if (id === ZIP64_EXTRA) return { start: q + 4, length: size };
    q += 4 + size;
  }
  throw new XlsxError('corrupt', `ZIP64 fields of ${name}`);
}

/** A little-endian 64-bit field as a number (exact below 2^53, far beyond any file read here). */
function u64(view: DataView, at: number): number {
  return view.getUint32(at, true) + view.getUint32(at + 4, true) * 0x100000000;
}

/** Overlapping entries let one compressed stream count many times (a known bomb shape). */
function checkNoOverlap(list: ZipEntry[]): void {
  const sorted = [...list].sort((a, b) => a.localOffset - b.localOffset);
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]!;
    if (sorted[i]!.localOffset < prev.dataOffset + prev.compressedSize) throw new XlsxError('corrupt', `entries overlap: ${prev.name}, ${sorted[i]!.name}`);
  }
}

function findEocd(bytes: Uint8Array, view: DataView): number {
  const min = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= min; i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && view.getUint32(i, true) === EOCD) return i;
  }
  return -1;
}

/** Relative, forward-slash names without "..", drive letters or control characters. */
function safeName(name: string): boolean {
  if (name === '' || name.startsWith('/') || name.includes('\\') || /^[A-Za-z]:/.test(name)) return false;
  if (CONTROL.test(name)) return false;
  return !name.split('/').some(isDotSegment);
}

// eslint-disable-next-line no-control-regex -- control characters are exactly what this finds
const CONTROL = /[\u0000-\u001f]/;

/** Why a name safeName refused is refused. */
function nameRefusal(name: string): XlsxError {
  // Control characters: the directory read past a name whose length was damaged (“….xmlPK\x01\x02”), not a way out.
  if (CONTROL.test(name)) return new XlsxError('corrupt', 'entry name');
  // Backslashes are an old zipper's folders (.NET Framework 4.5), not a way out: said as such.
  if (name.includes('\\') && safeName(name.replace(/\\/g, '/'))) return new XlsxError('backslashName', name);
  return new XlsxError('unsafeName', name);
}

/** Made once (a callback made per name is compiled again after each full garbage collection of a reading worker). */
const isDotSegment = (seg: string) => seg === '..' || seg === '.';

/** The bytes of one part, inflated under the caps: never more than its declared size. */
export async function readEntry(bytes: Uint8Array, entry: ZipEntry, inflate: Inflate, limits: XlsxLimits, crc: Crc32 = crc32): Promise<Uint8Array> {
  const data = rawData(bytes, entry);
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size) throw new XlsxError('corrupt', `stored size of ${entry.name}`);
    return checkCrc(data, entry, crc);
  }
  if (entry.method !== 8) throw new XlsxError('unsupportedCompression', `${entry.name}: ${entry.method}`);
  // The declared size is the ceiling: nothing is inflated past it, damaged or bomb.
  const cap = Math.min(entry.size, limits.maxEntryBytes);
  let out: Uint8Array;
  try {
    out = await inflate(data, cap);
  } catch (e) {
    if (e instanceof XlsxError) throw e;
    if (isTooLarge(e)) throw overrun(entry, cap, e);
    // The inflater's own words (zlib's) are no help to a user: the part is named, in words, later.
    throw new XlsxError('damagedPart', entry.name);
  }
  if (out.length !== entry.size) throw new XlsxError('damagedPart', entry.name);
  return checkCrc(out, entry, crc);
}

/**
 * Why a part's stream ran past its declared size (stopped there, so nothing past it was made).
 * The stream alone cannot tell a few damaged bytes from a bomb; the directory's sizes can, in
 * one direction: a compressed size no deflate of the declared size reaches means the size was
 * understated to slip past the caps, a zip bomb. Sizes an honest deflate could have written over
 * a stream that runs on are damage, as Python's zipfile reads it (cut at the declared size, then
 * "Bad CRC-32"), whatever their ratio: real sheets deflate past maxRatio (a generator's rows of
 * blank styled cells without `r`, at level 9: 250–500×), so a high ratio is no proof of a bomb.
 */
function overrun(entry: ZipEntry, cap: number, cause: unknown): XlsxError {
  if (entry.compressedSize > deflateBound(entry.size)) return new XlsxError('zipBomb', `${entry.name}: more than ${cap} bytes`, { cause });
  return new XlsxError('damagedPart', entry.name, { cause });
}

/**
 * The most deflate output `size` bytes can take: fixed codes spend at most 9 bits a byte
 * (stored blocks less), plus block headers; any writer's honest stream stays within it.
 */
function deflateBound(size: number): number {
  return size + Math.ceil(size / 8) + 16;
}

/** The compressed bytes of an entry as stored (a writer copies them unchanged). */
export function rawData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const end = entry.dataOffset + entry.compressedSize;
  if (end > bytes.length) throw new XlsxError('truncated', entry.name);
  return bytes.subarray(entry.dataOffset, end);
}

/** A flipped bit in a part is refused, never read (or copied on) as if it were data. */
function checkCrc(data: Uint8Array, entry: ZipEntry, crc: Crc32): Uint8Array {
  if (crc(data) !== entry.crc32) throw new XlsxError('damagedPart', entry.name);
  return data;
}

function isTooLarge(e: unknown): boolean {
  return e instanceof RangeError || (typeof e === 'object' && e !== null && (e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE');
}
