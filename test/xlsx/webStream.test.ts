/**
 * src/xlsx/webStream.ts: a stream's chunks are taken over (moved where the browser can, never
 * copied), and what goes through a stream comes out byte for byte, capped as before.
 */
import * as zlib from 'zlib';
import { randomBytes } from 'crypto';
import { owned, throughStream } from '../../src/xlsx/webStream';

/** A buffer with ES2024's `transfer` (Node 20 has none): moves the bytes and detaches it, as browsers do. */
function transferable(bytes: Uint8Array): ArrayBuffer {
  const buffer = bytes.slice().buffer;
  Object.defineProperty(buffer, 'transfer', { value: () => structuredClone(buffer, { transfer: [buffer] }) });
  return buffer;
}

describe('owned', () => {
  it('moves a chunk that is its whole buffer: same bytes, the browser’s buffer left empty', () => {
    const buffer = transferable(Uint8Array.of(1, 2, 3, 4));
    const chunk = new Uint8Array(buffer);
    const mine = owned(chunk);
    expect([...mine]).toEqual([1, 2, 3, 4]);
    expect(mine.buffer).not.toBe(buffer);
    expect(buffer.byteLength).toBe(0);
  });

  it('leaves a chunk that shares its buffer, and any chunk where buffers cannot be moved', () => {
    const buffer = transferable(Uint8Array.of(1, 2, 3, 4));
    const part = new Uint8Array(buffer, 1, 2);
    expect(owned(part)).toBe(part);
    expect(buffer.byteLength).toBe(4);
    const plain = Uint8Array.of(5, 6);
    if (typeof (plain.buffer as { transfer?: unknown }).transfer !== 'function') expect(owned(plain)).toBe(plain);
  });
});

describe('throughStream', () => {
  it('inflates many-chunk output byte for byte, and stops at the cap', async () => {
    const data = randomBytes(300_000); // several chunks out of the stream
    const deflated = zlib.deflateRawSync(data);
    const out = await throughStream(new DecompressionStream('deflate-raw'), deflated);
    expect(Buffer.from(out!).equals(data)).toBe(true);
    expect(await throughStream(new DecompressionStream('deflate-raw'), deflated, 100_000)).toBeNull();
  });
});
