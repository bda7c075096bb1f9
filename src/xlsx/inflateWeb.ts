/**
 * The browser's DecompressionStream('deflate-raw') as the reader's inflater (Web Worker,
 * pane). Reads chunk by chunk and cancels as soon as the output passes the cap, so a zip
 * bomb costs at most `maxBytes` of memory.
 */
import { XlsxError } from './errors';
import type { Inflate } from './zip';

export const webInflate: Inflate = async (data, maxBytes) => {
  const ds = new DecompressionStream('deflate-raw');
  const writer = ds.writable.getWriter();
  // Errors surface on the reading side; these promises only need not to go unhandled.
  writer.write(data as Uint8Array<ArrayBuffer>).catch(() => undefined);
  writer.close().catch(() => undefined);
  const reader = ds.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new XlsxError('zipBomb', `more than ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
};
