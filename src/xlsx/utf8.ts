/**
 * Sheet XML is mostly ASCII (tags, attributes, numbers) with a few per cent of Vietnamese
 * text, and Node 20's UTF-8 decoders run at ~100–150 MB/s on it (two-byte strings, large
 * ones allocated apart) against GB/s for a one-byte copy. So the reader validates the bytes
 * once, parses them as one char per byte ("raw" text: char i = byte i), and decodes as UTF-8
 * only the cell texts that hold a byte ≥ 0x80. Any slice the parser cuts between two ASCII
 * delimiters ('<', '>', '"') of valid UTF-8 holds whole sequences, so this is exact.
 */

/** Text of a raw slice (one char per byte of valid UTF-8) as the characters it encodes. */
export function fromRawUtf8(raw: string): string {
  const n = raw.length;
  let i = 0;
  while (i < n && raw.charCodeAt(i) < 0x80) i++;
  if (i === n) return raw;
  // Cell texts are short and mostly ASCII: ASCII runs are sliced whole, each other character appended.
  let out = raw.slice(0, i);
  while (i < n) {
    const c = raw.charCodeAt(i);
    if (c < 0x80) {
      let j = i + 1;
      while (j < n && raw.charCodeAt(j) < 0x80) j++;
      out += raw.slice(i, j);
      i = j;
    } else if (c < 0xe0) {
      out += String.fromCharCode(((c & 0x1f) << 6) | (raw.charCodeAt(i + 1) & 0x3f));
      i += 2;
    } else if (c < 0xf0) {
      out += String.fromCharCode(((c & 0x0f) << 12) | ((raw.charCodeAt(i + 1) & 0x3f) << 6) | (raw.charCodeAt(i + 2) & 0x3f));
      i += 3;
    } else {
      out += String.fromCodePoint(((c & 0x07) << 18) | ((raw.charCodeAt(i + 1) & 0x3f) << 12) | ((raw.charCodeAt(i + 2) & 0x3f) << 6) | (raw.charCodeAt(i + 3) & 0x3f));
      i += 4;
    }
  }
  return out;
}
