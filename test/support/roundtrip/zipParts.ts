/**
 * The raw entries of a zip, read here with a few lines of our own (not the project's reader,
 * which is under test), and the comparison the round-trip tests rest on.
 */
import * as zlib from 'zlib';

export interface RawPart {
  name: string;
  /** CRC-32 as stored in the central directory. */
  crc: number;
  method: number;
  compressedSize: number;
  /** Uncompressed bytes. */
  data: Buffer;
}

/** Every file entry (directory entries left out), by name, in directory order. */
export function readParts(zip: Uint8Array): Map<string, RawPart> {
  const b = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (b.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip: no end of central directory');
  const count = b.readUInt16LE(eocd + 10);
  let p = b.readUInt32LE(eocd + 16);
  const parts = new Map<string, RawPart>();
  for (let n = 0; n < count; n++) {
    if (b.readUInt32LE(p) !== 0x02014b50) throw new Error(`bad central directory entry at ${p}`);
    const method = b.readUInt16LE(p + 10);
    const crc = b.readUInt32LE(p + 16);
    const compressedSize = b.readUInt32LE(p + 20);
    const nameLen = b.readUInt16LE(p + 28);
    const local = b.readUInt32LE(p + 42);
    const name = b.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    p += 46 + nameLen + b.readUInt16LE(p + 30) + b.readUInt16LE(p + 32);
    if (name.endsWith('/')) continue;
    const start = local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28);
    const raw = b.subarray(start, start + compressedSize);
    const data = method === 0 ? Buffer.from(raw) : zlib.inflateRawSync(raw);
    parts.set(name, { name, crc, method, compressedSize, data });
  }
  return parts;
}

export interface PartDifference {
  part: string;
  kind: 'removed' | 'added' | 'bytes' | 'crc';
  detail: string;
}

/**
 * Every difference between two workbooks in the parts that are not `owned`: a part gone, a
 * part added, other uncompressed bytes, or another stored CRC (a copy must keep even a wrong
 * one: rewriting it valid would hide a corruption). Empty when nothing the user owns moved.
 */
export function partsUntouched(before: Uint8Array, after: Uint8Array, ownedParts: Iterable<string> | ((name: string) => boolean)): PartDifference[] {
  const owned = typeof ownedParts === 'function' ? ownedParts : ((set: Set<string>) => (n: string) => set.has(n))(new Set(ownedParts));
  const a = readParts(before);
  const b = readParts(after);
  const out: PartDifference[] = [];
  for (const [name, x] of a) {
    if (owned(name)) continue;
    const y = b.get(name);
    if (!y) out.push({ part: name, kind: 'removed', detail: `${x.data.length} bytes` });
    else if (!x.data.equals(y.data)) out.push({ part: name, kind: 'bytes', detail: firstDifference(x.data, y.data) });
    else if (x.crc !== y.crc) out.push({ part: name, kind: 'crc', detail: `${hex(x.crc)} → ${hex(y.crc)}` });
  }
  for (const name of b.keys()) if (!a.has(name) && !owned(name)) out.push({ part: name, kind: 'added', detail: `${b.get(name)!.data.length} bytes` });
  return out;
}

const hex = (n: number) => n.toString(16).padStart(8, '0');

function firstDifference(x: Buffer, y: Buffer): string {
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  const show = (buf: Buffer) => JSON.stringify(buf.subarray(Math.max(0, i - 20), i + 40).toString('utf8'));
  return `${x.length} → ${y.length} bytes, first change at byte ${i}: ${show(x)} → ${show(y)}`;
}
