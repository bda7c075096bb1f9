/** A workbook's zip entries, inflated, and where a sheet lives among them: the fuzz tests' mutants start here. */
import { readDirectory, readEntry } from '../../src/xlsx/zip';
import { nodeInflate } from '../../src/xlsx/inflateNode';
import { DEFAULT_LIMITS } from '../../src/xlsx/errors';

export interface ZipPart {
  name: string;
  data: Uint8Array;
  /** CRC-32 to write instead of the data's (makeZip). */
  crc?: number;
}

export async function zipParts(bytes: Uint8Array): Promise<ZipPart[]> {
  const out: ZipPart[] = [];
  for (const e of readDirectory(bytes, DEFAULT_LIMITS).entries.values()) out.push({ name: e.name, data: await readEntry(bytes, e, nodeInflate, DEFAULT_LIMITS) });
  return out;
}

/** The zip entry of the sheet whose tab reads `tab`, from workbook.xml and its relationships. */
export function sheetPartOf(parts: readonly ZipPart[], tab: string): string {
  const text = (name: string) => Buffer.from(parts.find((p) => p.name === name)!.data).toString('utf8');
  const rid = new RegExp(`<sheet [^>]*name="${tab}"[^>]*r:id="(rId\\d+)"`).exec(text('xl/workbook.xml'))![1]!;
  return `xl/${new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(text('xl/_rels/workbook.xml.rels'))![1]!}`;
}
