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
    const { done, value: chunk } = await reader.read();
    if (done) break;
    const value = owned(chunk);
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

/** `ArrayBuffer.prototype.transfer` (ES2024): not in every browser that runs the pane (Safari before 17.4). */
type Transferable = ArrayBuffer & { transfer?(): ArrayBuffer };

/**
 * The chunk's bytes, moved (not copied) into a buffer of the script's own where the browser can.
 * A chunk the browser made stays held with its stream's objects until a full garbage collection;
 * a worker reading many files then ran one every few dozen files, and each threw away the
 * optimised code of every per-file function, compiled again for the next files.
 */
export function owned(chunk: Uint8Array): Uint8Array {
  const buffer = chunk.buffer as Transferable;
  // Only a chunk that is its whole buffer: moving a shared one would empty the others.
  if (typeof buffer.transfer !== 'function' || chunk.byteOffset !== 0 || chunk.length !== buffer.byteLength) return chunk;
  return new Uint8Array(buffer.transfer());
}
