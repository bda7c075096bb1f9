/** Node's zlib and UTF-8 decoder for the reader (CLI, worker threads). Not for the browser bundle. */
import { Buffer, isUtf8 } from 'node:buffer';
import * as zlib from 'node:zlib';
import { crc32 } from './crc32';
import { XlsxError } from './errors';
import type { Crc32, Inflate } from './zip';

/** Output buffer of one inflate: the declared size in one piece (no chunk list to concatenate), at most 1 MiB up front. */
const MAX_CHUNK = 1 << 20;

/** maxOutputLength makes zlib stop (RangeError) instead of allocating a bomb's output. */
export const nodeInflate: Inflate = (data, maxBytes) =>
  zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, maxBytes), chunkSize: Math.min(Math.max(64, maxBytes + 1), MAX_CHUNK) });

/** simdutf validation + Buffer decoding: several times faster than a fatal TextDecoder in Node. */
export const nodeDecode = (bytes: Uint8Array): string => {
  if (!isUtf8(bytes)) throw new XlsxError('corrupt', 'invalid UTF-8');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
};

/** Valid UTF-8 as one char per byte (a one-byte string, fast to make): the reader's raw parts (utf8.ts). */
export const nodeRaw = (bytes: Uint8Array): string => {
  if (!isUtf8(bytes)) throw new XlsxError('corrupt', 'invalid UTF-8');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
};

/** zlib's CRC-32 (Node ≥ 20.15, several times the JS one's speed); the JS one on older Node 20. */
export const nodeCrc32: Crc32 = typeof zlib.crc32 === 'function' ? (data) => zlib.crc32(data) : (data) => crc32(data);
