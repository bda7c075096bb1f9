/**
 * Bytes through the browser's CompressionStream or DecompressionStream, chunk by chunk: the
 * one loop behind webInflate and webDeflate. Stops reading, and returns null, as soon as the
 * output passes `maxBytes` (a zip bomb then costs at most that much memory).
 */
export async function throughStream(stream: CompressionStream | DecompressionStream, data: Uint8Array, maxBytes = Infinity): Promise<Uint8Array | null> {
  const writer = stream.writable.getWriter();
  // Errors surface on the reading side; these promises only need not to go unhandled.
  writer.write(data as Uint8Array<ArrayBuffer>).catch(() => undefined);
  writer.close().catch(() => undefined);
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
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
}
