/** Node's zlib and UTF-8 decoder for the reader (CLI, worker threads). Not for the browser bundle. */
import { Buffer, isUtf8 } from 'node:buffer';
import * as zlib from 'node:zlib';
import { crc32 } from './crc32';
import { XlsxError } from './errors';
import type { Crc32, Inflate } from './zip';

/**
 * One output buffer of the declared size (+1, or zlib starts a second chunk at the end), so there
 * is no chunk list to concatenate: a 5.9 MB sheet inflated in 1 MiB chunks spent a third of its
 * time in that copy. The declared size is already capped (maxEntryBytes), and a part that
 * inflates to less leaves the rest of the buffer untouched, so never resident. maxOutputLength
 * makes zlib stop (RangeError) instead of going past it.
 */
export const nodeInflate: Inflate = (data, maxBytes) => zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, maxBytes), chunkSize: Math.max(64, maxBytes + 1) });

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
