/**
 * Writes a zip from parts that are either copied as stored in the source (compressed bytes,
 * CRC and sizes untouched: never recompressed, so an untouched part stays byte for byte) or
 * new data deflated by an injected deflater (Node's zlib, or the browser's
 * CompressionStream). Entry order is kept; new entries get a fixed timestamp so the same
 * input gives the same bytes.
 */
import { crc32 } from './crc32';

/** Raw deflate of `data` (no zlib header), as zip method 8 stores it. */
export type Deflate = (data: Uint8Array) => Uint8Array | Promise<Uint8Array>;

/** A part copied from a source zip exactly as it was stored there. */
export interface RawPart {
  method: number;
  crc32: number;
  compressedSize: number;
  size: number;
  /** The compressed bytes as stored. */
  data: Uint8Array;
  flags?: number;
  time?: number;
  date?: number;
  /** The name's bytes as stored, kept with their flag (else the name is written as UTF-8). */
  rawName?: Uint8Array;
}

/** `deflated`: `data` already compressed by the same deflater (or on its way), e.g. started early. */
export type ZipWriteEntry = { name: string; raw: RawPart } | { name: string; data: Uint8Array; store?: boolean; deflated?: Promise<Uint8Array> | Uint8Array };

// 1980-01-01 00:00, the earliest DOS date: what deterministic zip tools write.
const FIXED_TIME = 0;
const FIXED_DATE = (0 << 9) | (1 << 5) | 1;
const UTF8_NAME = 0x800;
// Bits 1–2 describe the deflate level used; bit 11 the name's encoding. Bit 3 (data
// descriptor) is dropped: sizes and CRC are written in the local header here.
const KEPT_FLAGS = 0x806;
const MAX32 = 0xffffffff;

interface Prepared {
  name: Uint8Array;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  data: Uint8Array;
  flags: number;
  time: number;
  date: number;
  offset: number;
}

let encoder: { encode(s: string): Uint8Array } | null = null;

/** `checksum`: the CRC-32 of new parts (default the JS one; Node passes zlib's, several times faster). */
export async function writeZip(entries: ZipWriteEntry[], deflate: Deflate, checksum: (data: Uint8Array) => number = crc32): Promise<Uint8Array> {
  encoder ??= new TextEncoder();
  const enc = encoder;
  const prepared = await Promise.all(
    entries.map(async (e): Promise<Prepared> => {
      const nameFlag = /^[\x20-\x7e]*$/.test(e.name) ? 0 : UTF8_NAME;
      if ('raw' in e) {
        const r = e.raw;
        if (r.data.length !== r.compressedSize) throw new Error(`zip writer: ${e.name} has ${r.data.length} bytes, declared ${r.compressedSize}`);
        // A copied part keeps its name's bytes and their encoding flag: the name another part refers to.
        const name = r.rawName ?? enc.encode(e.name);
        const flags = ((r.flags ?? 0) & KEPT_FLAGS) | (r.rawName ? 0 : nameFlag);
        return { name, method: r.method, crc: r.crc32, compressedSize: r.compressedSize, size: r.size, data: r.data, flags, time: r.time ?? FIXED_TIME, date: r.date ?? FIXED_DATE, offset: 0 };
      }
      const name = enc.encode(e.name);
      const crc = checksum(e.data);
      // Tiny parts gain nothing from deflate; an empty one must be stored.
      const store = e.store || e.data.length === 0;
      const data = store ? e.data : await (e.deflated ?? deflate(e.data));
      return { name, method: store ? 0 : 8, crc, compressedSize: data.length, size: e.data.length, data, flags: nameFlag, time: FIXED_TIME, date: FIXED_DATE, offset: 0 };
    }),
  );
  let offset = 0;
  let cdSize = 0;
  for (const p of prepared) {
    p.offset = offset;
    offset += 30 + p.name.length + p.data.length;
    cdSize += 46 + p.name.length;
  }
  if (offset + cdSize > MAX32 || prepared.length > 0xffff) throw new Error('zip writer: the workbook is too large for a zip without zip64');
  const out = new Uint8Array(offset + cdSize + 22);
  const view = new DataView(out.buffer);
  let at = 0;
  for (const p of prepared) {
    view.setUint32(at, 0x04034b50, true);
    view.setUint16(at + 4, 20, true);
    view.setUint16(at + 6, p.flags, true);
    view.setUint16(at + 8, p.method, true);
    view.setUint16(at + 10, p.time, true);
    view.setUint16(at + 12, p.date, true);
    view.setUint32(at + 14, p.crc, true);
    view.setUint32(at + 18, p.compressedSize, true);
    view.setUint32(at + 22, p.size, true);
    view.setUint16(at + 26, p.name.length, true);
    view.setUint16(at + 28, 0, true);
    out.set(p.name, at + 30);
    out.set(p.data, at + 30 + p.name.length);
    at += 30 + p.name.length + p.data.length;
  }
  const cdStart = at;
  for (const p of prepared) {
    view.setUint32(at, 0x02014b50, true);
    view.setUint16(at + 4, 20, true); // made by: MS-DOS, 2.0
    view.setUint16(at + 6, 20, true);
    view.setUint16(at + 8, p.flags, true);
    view.setUint16(at + 10, p.method, true);
    view.setUint16(at + 12, p.time, true);
    view.setUint16(at + 14, p.date, true);
    view.setUint32(at + 16, p.crc, true);
    view.setUint32(at + 20, p.compressedSize, true);
    view.setUint32(at + 24, p.size, true);
    view.setUint16(at + 28, p.name.length, true);
    // extra, comment, disk, internal and external attributes: all zero
    view.setUint32(at + 42, p.offset, true);
    out.set(p.name, at + 46);
    at += 46 + p.name.length;
  }
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, prepared.length, true);
  view.setUint16(at + 10, prepared.length, true);
  view.setUint32(at + 12, at - cdStart, true);
  view.setUint32(at + 16, cdStart, true);
  return out;
}
