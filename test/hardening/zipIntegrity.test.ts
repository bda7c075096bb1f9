/**
 * A zip that tells the directory one thing and the local headers another, names one part
 * twice (or twice up to case), overlaps entries or carries a flipped bit is refused — the
 * header cases before a single byte is inflated, the CRC on every inflate.
 */
import * as zlib from 'zlib';
import * as ExcelJS from 'exceljs';
import { openXlsx, preflightXlsx, XlsxError, DEFAULT_LIMITS } from '../../src/xlsx';
import { readDirectory, readEntry, type Inflate } from '../../src/xlsx/zip';
import { nodeInflate } from '../../src/xlsx/inflateNode';
import { webInflate } from '../../src/xlsx/inflateWeb';
import { writeZip, type Deflate } from '../../src/xlsx/zipWriter';
import { handMadeWorkbook, makeZip } from '../consolidate/corpus';

/** An inflater that counts its calls, to show refusals come before any inflate. */
function counting(): { inflate: Inflate; calls: () => number } {
  let calls = 0;
  return {
    inflate: (d, max) => {
      calls++;
      return nodeInflate(d, max);
    },
    calls: () => calls,
  };
}

async function refusal(bytes: Uint8Array): Promise<{ error: XlsxError; inflates: number }> {
  const c = counting();
  try {
    await preflightXlsx(bytes, { inflate: c.inflate });
  } catch (e) {
    if (e instanceof XlsxError) return { error: e, inflates: c.calls() };
    throw e;
  }
  throw new Error('not refused');
}

const CT = { name: '[Content_Types].xml', data: Buffer.from('<Types/>') };
const SHEET = Buffer.from('<worksheet><sheetData/></worksheet>');

/** Offsets of the local header and the directory entry of entry `index` in a makeZip file. */
function offsets(bytes: Uint8Array, index: number): { local: number; central: number } {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let central = buf.readUInt32LE(eocd + 16);
  for (let i = 0; i < index; i++) central += 46 + buf.readUInt16LE(central + 28) + buf.readUInt16LE(central + 30) + buf.readUInt16LE(central + 32);
  return { local: buf.readUInt32LE(central + 42), central };
}

function patched(bytes: Uint8Array, fn: (buf: Buffer) => void): Uint8Array {
  const buf = Buffer.from(bytes);
  fn(buf);
  return new Uint8Array(buf);
}

/** `bytes` zipped again with the project's writer and `deflate`, some parts replaced. */
async function rezipped(bytes: Uint8Array, replace: Record<string, Uint8Array>, deflate: Deflate): Promise<Uint8Array> {
  const entries = [...readDirectory(bytes, DEFAULT_LIMITS).entries.values()];
  return writeZip(await Promise.all(entries.map(async (e) => ({ name: e.name, data: replace[e.name] ?? (await readEntry(bytes, e, nodeInflate, DEFAULT_LIMITS)) }))), deflate);
}

describe('zip integrity', () => {
  it('refuses two entries of the same name, before any inflate', async () => {
    const { error, inflates } = await refusal(makeZip([CT, { name: 'xl/a.xml', data: SHEET }, { name: 'xl/a.xml', data: SHEET }]));
    expect(error.kind).toBe('corrupt');
    expect(error.detail).toMatch(/duplicate entry xl\/a\.xml/);
    expect(inflates).toBe(0);
  });

  it('refuses names that differ only in case, even when one lies about its size (no inflate)', async () => {
    const bytes = makeZip([
      CT,
      { name: 'xl/worksheets/sheet1.xml', data: SHEET },
      { name: 'XL/Worksheets/Sheet1.xml', data: Buffer.alloc(8 * 1024 * 1024, 0x20), declaredSize: 100 },
    ]);
    const { error, inflates } = await refusal(bytes);
    expect(error.detail).toMatch(/duplicate entry XL\/Worksheets\/Sheet1\.xml/);
    expect(inflates).toBe(0);
  });

  it('refuses a local header whose name, method, sizes or CRC differ from the directory (no inflate)', async () => {
    const good = makeZip([CT, { name: 'xl/a.xml', data: SHEET }]);
    const cases: [string, (b: Buffer, o: { local: number; central: number }) => void][] = [
      ['name', (b, o) => (b[o.local + 30 + 3] = 0x62)], // xl/a → xl/b in the local header only
      ['method', (b, o) => b.writeUInt16LE(0, o.local + 8)],
      ['CRC', (b, o) => b.writeUInt32LE((b.readUInt32LE(o.local + 14) ^ 1) >>> 0, o.local + 14)],
      ['compressed size', (b, o) => b.writeUInt32LE(b.readUInt32LE(o.local + 18) + 1, o.local + 18)],
      ['size', (b, o) => b.writeUInt32LE(10_000_000, o.local + 22)],
    ];
    for (const [what, edit] of cases) {
      const bytes = patched(good, (b) => edit(b, offsets(good, 1)));
      const { error, inflates } = await refusal(bytes);
      expect({ what, kind: error.kind, detail: error.detail }).toEqual({ what, kind: 'corrupt', detail: `local header of xl/a.xml: ${what}` });
      expect(inflates).toBe(0);
    }
  });

  it('refuses entries whose data overlap (one stream counted twice)', async () => {
    const good = makeZip([CT, { name: 'xl/a.xml', data: SHEET }, { name: 'xl/b.xml', data: SHEET }]);
    // Point b's directory entry at a's local header: same bytes, two names.
    const bytes = patched(good, (b) => {
      const a = offsets(good, 1);
      const e = offsets(good, 2);
      // Same name length, so only the name bytes differ: make the local header say b too.
      b.writeUInt32LE(a.local, e.central + 42);
    });
    const { error, inflates } = await refusal(bytes);
    expect(error.kind).toBe('corrupt');
    expect(inflates).toBe(0);
  });

  it('refuses a part whose bytes do not match its CRC-32, deflated or stored', async () => {
    for (const stored of [false, true]) {
      const bytes = makeZip([CT, { name: 'xl/a.xml', data: SHEET, stored, crc: (zlib.crc32(SHEET) ^ 0x10) >>> 0 }]);
      const { error } = await refusal(bytes);
      expect({ stored, kind: error.kind, detail: error.detail }).toEqual({ stored, kind: 'damagedPart', detail: 'xl/a.xml' });
    }
    // A flipped bit in the data itself (headers honest): the reader refuses, never reads garbage.
    const wb = handMadeWorkbook();
    const dir = readDirectory(wb, DEFAULT_LIMITS);
    const sheet = dir.entries.get('xl/worksheets/sheet1.xml')!;
    const stored = makeZip([CT, { name: 'xl/a.xml', data: Buffer.from('<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>'), stored: true }]);
    const flipped = patched(stored, (b) => (b[offsets(stored, 1).local + 30 + 'xl/a.xml'.length + 40] ^= 0x01));
    const d2 = readDirectory(flipped, DEFAULT_LIMITS);
    await expect(readEntry(flipped, d2.entries.get('xl/a.xml')!, nodeInflate, DEFAULT_LIMITS)).rejects.toMatchObject({ kind: 'damagedPart', detail: 'xl/a.xml' });
    expect(sheet.crc32).toBe(zlib.crc32(await readEntry(wb, sheet, nodeInflate, DEFAULT_LIMITS)));
  });

  // The stream alone cannot tell damage from a bomb (both run past the declared size, both stop
  // there); the directory's sizes can: an honest writer's sizes (ordinary ratio) over a stream that
  // runs on is damage, as Python's zipfile reads it ("Bad CRC-32"); a compressed size no deflate of
  // the declared size could reach is a size understated to slip past the caps.
  it('calls a part running a little past its honest-looking size damaged, and one whose size is understated a bomb, with either inflater', async () => {
    const xml = Buffer.from(`<worksheet><sheetData>${'<row><c><v>1</v></c></row>'.repeat(400)}</sheetData></worksheet>`);
    const read = async (bytes: Uint8Array, inflate: Inflate) =>
      readEntry(bytes, readDirectory(bytes, DEFAULT_LIMITS).entries.get('xl/a.xml')!, inflate, DEFAULT_LIMITS).then(
        () => 'read',
        (e: unknown) => (e instanceof XlsxError ? { kind: e.kind, detail: e.detail } : e),
      );
    for (const inflate of [nodeInflate, webInflate]) {
      const short = makeZip([CT, { name: 'xl/a.xml', data: xml, declaredSize: xml.length - 3 }]);
      expect(await read(short, inflate)).toEqual({ kind: 'damagedPart', detail: 'xl/a.xml' });
      const understated = makeZip([CT, { name: 'xl/a.xml', data: xml, declaredSize: 40 }]);
      expect(await read(understated, inflate)).toEqual({ kind: 'zipBomb', detail: expect.stringContaining('xl/a.xml') });
      // Below the directory's ratio floor, squeezed past the ratio cap and running on: refused, and
      // inflated no further than its declared size (the ratio alone is no proof: real sheets reach it).
      const blanks = Buffer.alloc(300_000, 0x20);
      const squeezed = makeZip([CT, { name: 'xl/a.xml', data: blanks, declaredSize: 200_000 }]);
      const asked: number[] = [];
      const capped: Inflate = (d, max) => (asked.push(max), inflate(d, max));
      expect(await read(squeezed, capped)).toEqual({ kind: 'damagedPart', detail: 'xl/a.xml' });
      expect(asked).toEqual([200_000]);
    }
    // In a workbook, the damaged sheet is named by its tab.
    const spec = { sheet: 'Thành viên', rows: Array.from({ length: 50 }, (_, i) => [i + 1, `Người ${i + 1}`]) };
    const sheet = readDirectory(handMadeWorkbook(spec), DEFAULT_LIMITS).entries.get('xl/worksheets/sheet1.xml')!;
    const { error } = await refusal(handMadeWorkbook({ ...spec, sheetDeclaredSize: sheet.size - 10 }));
    expect({ kind: error.kind, detail: error.detail }).toEqual({ kind: 'damagedSheet', detail: 'Thành viên' });
  });

  // A generator that writes rows and cells without `r` (formatted blank cells), deflated at level 9,
  // compresses past 200× (measured: 253× for 20 styled blanks a row, 495× for one-cell rows): a
  // damaged copy of such a sheet is a damaged sheet, named by its tab, not a zip bomb.
  it('calls a damaged sheet that compresses past 200× damaged, naming its sheet, with either inflater', async () => {
    const sheetXml = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${`<row>${'<c s="1"/>'.repeat(20)}</row>`.repeat(4_500)}</sheetData></worksheet>`;
    const level9 = (d: Uint8Array) => new Uint8Array(zlib.deflateRawSync(d, { level: 9 }));
    const honest = await rezipped(handMadeWorkbook({ sheet: 'Thành viên' }), { 'xl/worksheets/sheet1.xml': Buffer.from(sheetXml) }, level9);
    const sheet = readDirectory(honest, DEFAULT_LIMITS).entries.get('xl/worksheets/sheet1.xml')!;
    expect(sheet.size).toBeLessThan(DEFAULT_LIMITS.ratioFloorBytes);
    expect(sheet.size / sheet.compressedSize).toBeGreaterThan(DEFAULT_LIMITS.maxRatio);
    await expect(preflightXlsx(honest, { inflate: nodeInflate })).resolves.toMatchObject({ entries: 6 });
    // Its directory and local header say a size 10 bytes short: the stream runs past it.
    const damaged = patched(honest, (b) => {
      const at = offsets(honest, 4);
      b.writeUInt32LE(sheet.size - 10, at.central + 24);
      b.writeUInt32LE(sheet.size - 10, at.local + 22);
    });
    for (const inflate of [nodeInflate, webInflate]) {
      const error = await preflightXlsx(damaged, { inflate }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toMatchObject({ kind: 'damagedSheet', detail: 'Thành viên' });
    }
  });

  it('still reads honest files: ExcelJS (data descriptors) and hand-made ones', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Danh sách').getCell('A1').value = 'Họ và tên';
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const file = await openXlsx(bytes, { inflate: nodeInflate });
    expect((await file.read(['Danh sách'])).sheets.get('Danh sách')?.rows).toEqual([['Họ và tên']]);
    await expect(preflightXlsx(handMadeWorkbook(), { inflate: nodeInflate })).resolves.toMatchObject({ entries: 6 });
  });
});
