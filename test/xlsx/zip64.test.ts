/**
 * ZIP64 records are read, and held to the same checks as the 32-bit fields: a record that
 * disagrees with the end record, a saturated field with no ZIP64 value, local sizes that
 * disagree with the directory, or a ZIP64 size past the caps refuse the file before any inflate.
 */
import * as zlib from 'zlib';
import { DEFAULT_LIMITS, XlsxError } from '../../src/xlsx';
import { readDirectory, readEntry } from '../../src/xlsx/zip';
import { nodeInflate } from '../../src/xlsx/inflateNode';

interface Zip64Options {
  local64?: boolean;
  central64?: boolean;
  eocd64?: boolean;
  /** The size the ZIP64 fields declare (default: the true one). */
  declaredSize?: number;
  /** Leave the ZIP64 extra out of the directory entry while its fields stay saturated. */
  noCentralExtra?: boolean;
  /** The entry count of the 32-bit end record (default: the true one, or 0xffff with central64). */
  eocdCount?: number;
}

const DATA = Buffer.from('<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>');
const NAME = Buffer.from('xl/worksheets/sheet1.xml');
const u64 = (n: number) => {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(BigInt(n));
  return b;
};

/** One deflated entry, written field by field as ZIP64 writers do. */
function zip64(o: Zip64Options = {}): Uint8Array {
  const body = zlib.deflateRawSync(DATA);
  const size = o.declaredSize ?? DATA.length;
  const crc = zlib.crc32(DATA);
  const localExtra = o.local64 ? Buffer.concat([Buffer.from([1, 0, 16, 0]), u64(size), u64(body.length)]) : Buffer.alloc(0);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(45, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(o.local64 ? 0xffffffff : body.length, 18);
  local.writeUInt32LE(o.local64 ? 0xffffffff : size, 22);
  local.writeUInt16LE(NAME.length, 26);
  local.writeUInt16LE(localExtra.length, 28);
  const centralExtra = o.central64 && !o.noCentralExtra ? Buffer.concat([Buffer.from([1, 0, 24, 0]), u64(size), u64(body.length), u64(0)]) : Buffer.alloc(0);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(45, 4);
  central.writeUInt16LE(45, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(o.central64 ? 0xffffffff : body.length, 20);
  central.writeUInt32LE(o.central64 ? 0xffffffff : size, 24);
  central.writeUInt16LE(NAME.length, 28);
  central.writeUInt16LE(centralExtra.length, 30);
  central.writeUInt32LE(o.central64 ? 0xffffffff : 0, 42);
  const head = Buffer.concat([local, NAME, localExtra, body]);
  const dir = Buffer.concat([central, NAME, centralExtra]);
  const tail: Buffer[] = [];
  if (o.eocd64) {
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    u64(44).copy(record, 4);
    record.writeUInt16LE(45, 12);
    record.writeUInt16LE(45, 14);
    u64(1).copy(record, 24);
    u64(1).copy(record, 32);
    u64(dir.length).copy(record, 40);
    u64(head.length).copy(record, 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    u64(head.length + dir.length).copy(locator, 8);
    locator.writeUInt32LE(1, 16);
    tail.push(record, locator);
  }
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  const count = o.eocdCount ?? (o.central64 ? 0xffff : 1);
  eocd.writeUInt16LE(count, 8);
  eocd.writeUInt16LE(count, 10);
  eocd.writeUInt32LE(o.central64 ? 0xffffffff : dir.length, 12);
  eocd.writeUInt32LE(o.central64 ? 0xffffffff : head.length, 16);
  return new Uint8Array(Buffer.concat([head, dir, ...tail, eocd]));
}

function refusal(bytes: Uint8Array): XlsxError {
  try {
    readDirectory(bytes, DEFAULT_LIMITS);
  } catch (e) {
    if (e instanceof XlsxError) return e;
    throw e;
  }
  throw new Error('not refused');
}

describe('ZIP64 records', () => {
  it.each([
    ['in local headers', { local64: true }],
    ['in a ZIP64 end record beside in-range fields', { eocd64: true }],
    ['everywhere, every 32-bit field saturated', { local64: true, central64: true, eocd64: true }],
  ])('are read %s, the part checked against its CRC', async (_what, o) => {
    const bytes = zip64(o);
    const entry = readDirectory(bytes, DEFAULT_LIMITS).entries.get('xl/worksheets/sheet1.xml')!;
    expect(entry).toMatchObject({ size: DATA.length, localOffset: 0 });
    expect(Buffer.from(await readEntry(bytes, entry, nodeInflate, DEFAULT_LIMITS)).equals(DATA)).toBe(true);
  });

  it('refuse a file whose ZIP64 record and end record disagree, or whose saturated field has no ZIP64 value', () => {
    expect(refusal(zip64({ eocd64: true, eocdCount: 2 }))).toMatchObject({ kind: 'corrupt', detail: 'ZIP64 end record disagrees' });
    expect(refusal(zip64({ central64: true, eocd64: true, noCentralExtra: true }))).toMatchObject({ kind: 'corrupt', detail: 'ZIP64 fields of xl/worksheets/sheet1.xml' });
    expect(refusal(zip64({ central64: true }))).toMatchObject({ kind: 'corrupt', detail: 'ZIP64 end record missing' });
  });

  it('refuse local ZIP64 sizes that disagree with the directory', () => {
    const bytes = Buffer.from(zip64({ local64: true }));
    // The local extra's size (after signature … name) said one byte larger.
    const at = 30 + NAME.length + 4;
    bytes.writeUInt32LE(bytes.readUInt32LE(at) + 1, at);
    expect(refusal(new Uint8Array(bytes))).toMatchObject({ kind: 'corrupt', detail: 'local header of xl/worksheets/sheet1.xml: size' });
  });

  it('hold a ZIP64 size to the caps before anything is inflated', () => {
    expect(refusal(zip64({ local64: true, central64: true, eocd64: true, declaredSize: 5 * 2 ** 30 }))).toMatchObject({ kind: 'zipBomb' });
  });
});
