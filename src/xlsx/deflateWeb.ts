/** The browser's CompressionStream('deflate-raw') as the zip writer's deflater (preview). */
import type { Deflate } from './zipWriter';

export const webDeflate: Deflate = async (data) => {
  const cs = new CompressionStream('deflate-raw');
  const writer = cs.writable.getWriter();
  // Errors surface on the reading side; these promises only need not to go unhandled.
  writer.write(data as Uint8Array<ArrayBuffer>).catch(() => undefined);
  writer.close().catch(() => undefined);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = cs.readable.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    total += value.length;
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
