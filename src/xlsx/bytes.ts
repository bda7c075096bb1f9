/** Small byte helpers the package and the preflight share (kept apart: the preflight is in the pane's bundle, the package is not). */

/**
 * The same bytes as a plain Uint8Array: a Node Buffer's subarray is a Buffer, made through a
 * JS constructor and copied on a slower path (thousands of runs of a sheet are cut from it).
 */
export function plainBytes(b: Uint8Array): Uint8Array {
  return Object.getPrototypeOf(b) === Uint8Array.prototype ? b : new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}

/** A part that starts with a UTF-16 byte order mark (decoded as text, never read as a source). */
export function isUtf16(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}
