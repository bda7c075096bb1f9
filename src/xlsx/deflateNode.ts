/** Node's zlib as the zip writer's deflater (CLI). Not for the browser bundle. */
import * as zlib from 'node:zlib';
import type { Deflate } from './zipWriter';

/** Asynchronous: parts deflate on libuv's thread pool, several at once. */
export const nodeDeflate: Deflate = (data) =>
  new Promise((resolve, reject) => {
    zlib.deflateRaw(data, { level: 6 }, (err, out) => (err ? reject(err) : resolve(new Uint8Array(out.buffer, out.byteOffset, out.byteLength))));
  });
