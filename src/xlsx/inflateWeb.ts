/**
 * The browser's DecompressionStream('deflate-raw') as the reader's inflater (Web Worker,
 * pane). Cancelled as soon as the output passes the cap, so a zip bomb costs at most
 * `maxBytes` of memory.
 */
import { XlsxError } from './errors';
import type { Inflate } from './zip';
import { throughStream } from './webStream';

export const webInflate: Inflate = async (data, maxBytes) => {
  const out = await throughStream(new DecompressionStream('deflate-raw'), data, maxBytes);
  if (out === null) throw new XlsxError('zipBomb', `more than ${maxBytes} bytes`);
  return out;
};
