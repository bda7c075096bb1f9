/**
 * The browser's DecompressionStream('deflate-raw') as the reader's inflater (Web Worker,
 * pane). Cancelled as soon as the output passes the cap, so a zip bomb costs at most
 * `maxBytes` of memory.
 */
import type { Inflate } from './zip';
import { throughStream } from './webStream';

export const webInflate: Inflate = async (data, maxBytes) => {
  const out = await throughStream(new DecompressionStream('deflate-raw'), data, maxBytes);
  // As zlib's maxOutputLength: readEntry says whether the part is damaged or a bomb.
  if (out === null) throw new RangeError(`more than ${maxBytes} bytes`);
  return out;
};
