/** Node's zlib as the zip writer's deflater (CLI). Not for the browser bundle. */
import * as zlib from 'node:zlib';
import type { Deflate } from './zipWriter';

/**
 * Output room for all of `data`'s deflate (over zlib's deflateBound), so that zlib compresses
 * it in one job on the thread pool. With its default 16 kB, each 16 kB of output went back to
 * the main thread for the next, and a part compressed early waited for the main thread's work.
 */
const roomFor = (data: Uint8Array) => data.length + (data.length >> 8) + 64;

/** Asynchronous: parts deflate on libuv's thread pool, several at once. */
export const nodeDeflate: Deflate = (data) =>
  new Promise((resolve, reject) => {
    zlib.deflateRaw(data, { level: 6, chunkSize: roomFor(data) }, (err, out) => (err ? reject(err) : resolve(new Uint8Array(out.buffer, out.byteOffset, out.byteLength))));
  });
