/**
 * The CLI's workers check parts with Node's native CRC-32 (injected, src/xlsx/inflateNode.ts):
 * it must agree with the JS one the browser keeps, and refuse a flipped part the same way.
 */
import { randomBytes } from 'crypto';
import { crc32 } from '../../src/xlsx/crc32';
import { DEFAULT_LIMITS } from '../../src/xlsx';
import { nodeCrc32, nodeInflate } from '../../src/xlsx/inflateNode';
import { readDirectory, readEntry } from '../../src/xlsx/zip';
import { makeZip } from './corpus';

describe('native CRC-32 for the reader', () => {
  it('agrees with the JS CRC-32 on the check value and random data', () => {
    expect(nodeCrc32(Buffer.from('123456789')).toString(16)).toBe('cbf43926');
    for (const n of [0, 1, 7, 8, 9, 4097, 100_003]) {
      const b = randomBytes(n);
      expect(nodeCrc32(b)).toBe(crc32(b));
    }
  });

  it('refuses a part whose CRC-32 is wrong and reads an honest one, deflated or stored', async () => {
    const data = Buffer.from('<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>');
    for (const stored of [false, true]) {
      const bad = makeZip([{ name: 'xl/a.xml', data, stored, crc: (crc32(data) ^ 0x10) >>> 0 }]);
      const badEntry = readDirectory(bad, DEFAULT_LIMITS).entries.get('xl/a.xml')!;
      await expect(readEntry(bad, badEntry, nodeInflate, DEFAULT_LIMITS, nodeCrc32)).rejects.toMatchObject({ kind: 'damagedPart', detail: 'xl/a.xml' });
      const good = makeZip([{ name: 'xl/a.xml', data, stored }]);
      const entry = readDirectory(good, DEFAULT_LIMITS).entries.get('xl/a.xml')!;
      expect(Buffer.from(await readEntry(good, entry, nodeInflate, DEFAULT_LIMITS, nodeCrc32)).equals(data)).toBe(true);
    }
  });
});
