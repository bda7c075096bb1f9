/**
 * A large part starts compressing as soon as it is set (PackageOptions.earlyDeflate): the saved
 * file is byte for byte what a save that compresses everything at the end gives, and a part
 * set again after its early compression is saved with its last bytes.
 */
import { XlsxPackage } from '../../src/xlsx/package';
import { nodeCrc32, nodeInflate } from '../../src/xlsx/inflateNode';
import { nodeDeflate } from '../../src/xlsx/deflateNode';
import type { Deflate } from '../../src/xlsx/zipWriter';

const decl = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const PARTS = [
  { name: '[Content_Types].xml', text: `${decl}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>` },
  { name: 'xl/workbook.xml', text: `${decl}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>` },
];

/** A sheet part of about 1 MB (over the early threshold), different for each `seed`. */
function bigSheet(seed: number): string {
  const rows: string[] = [];
  for (let r = 1; r <= 12_000; r++) rows.push(`<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>Thành viên ${r * seed}</t></is></c><c r="B${r}"><v>${r + seed}</v></c></row>`);
  return `${decl}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join('')}</sheetData></worksheet>`;
}

/** Counts the deflater's calls, by size of what it compressed. */
function counting(): { deflate: Deflate; sizes: number[] } {
  const sizes: number[] = [];
  return { sizes, deflate: (data) => (sizes.push(data.length), nodeDeflate(data)) };
}

async function saved(early: boolean, sets: number[]): Promise<{ bytes: Uint8Array; sizes: number[] }> {
  const c = counting();
  const pkg = await XlsxPackage.fromParts(PARTS, { inflate: nodeInflate, ...(early ? { earlyDeflate: c.deflate } : {}) });
  for (const seed of sets) pkg.setPart('xl/worksheets/sheet1.xml', bigSheet(seed));
  return { bytes: await pkg.toBytes(c.deflate), sizes: c.sizes };
}

/** The inflated text of one part of a saved zip (the package reads it back). */
async function partText(bytes: Uint8Array, name: string): Promise<string | null> {
  return (await XlsxPackage.open(bytes, { inflate: nodeInflate })).text(name);
}

describe('early compression of large parts', () => {
  it('saves the same bytes as compressing at the end, compressing the large part once', async () => {
    const late = await saved(false, [1]);
    const early = await saved(true, [1]);
    expect(Buffer.from(early.bytes).equals(Buffer.from(late.bytes))).toBe(true);
    // The large part was compressed once (when set), the small ones at the save.
    const big = Buffer.byteLength(bigSheet(1));
    expect(early.sizes.filter((n) => n === big)).toHaveLength(1);
    expect(await partText(early.bytes, 'xl/worksheets/sheet1.xml')).toBe(bigSheet(1));
  });

  it('saves a part set again after its early compression with its last bytes', async () => {
    const early = await saved(true, [1, 2]);
    expect(await partText(early.bytes, 'xl/worksheets/sheet1.xml')).toBe(bigSheet(2));
    expect(Buffer.from(early.bytes).equals(Buffer.from((await saved(false, [2])).bytes))).toBe(true);
  });

  it("saves the same bytes with zlib's CRC-32 as with the JavaScript one", async () => {
    const withZlib = await XlsxPackage.fromParts(PARTS, { inflate: nodeInflate, crc32: nodeCrc32 });
    const withJs = await XlsxPackage.fromParts(PARTS, { inflate: nodeInflate });
    for (const pkg of [withZlib, withJs]) pkg.setPart('xl/worksheets/sheet1.xml', bigSheet(3));
    expect(Buffer.from(await withZlib.toBytes(nodeDeflate)).equals(Buffer.from(await withJs.toBytes(nodeDeflate)))).toBe(true);
  });
});
