/** The pure-JS CRC-32 agrees with zlib's on every length around its 8-byte stride. */
import * as zlib from 'zlib';
import { randomBytes } from 'crypto';
import { crc32 } from '../../src/xlsx/crc32';

describe('crc32', () => {
  it('matches zlib on the check value and on random data of many lengths', () => {
    expect(crc32(Buffer.from('123456789')).toString(16)).toBe('cbf43926');
    for (const n of [0, 1, 7, 8, 9, 15, 16, 17, 100, 4097, 100_003]) {
      const b = randomBytes(n);
      expect(crc32(b)).toBe(zlib.crc32(b));
    }
    const b = randomBytes(1000);
    expect(crc32(b.subarray(300), crc32(b.subarray(0, 300)))).toBe(zlib.crc32(b));
  });
});
