/** The zip writer: raw copies stay byte for byte, new parts read back, order and bytes are stable. */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import { DEFAULT_LIMITS } from '../../src/xlsx';
import { rawData, readDirectory, readEntry } from '../../src/xlsx/zip';
import { writeZip, type ZipWriteEntry } from '../../src/xlsx/zipWriter';
import { nodeDeflate } from '../../src/xlsx/deflateNode';
import { nodeInflate } from '../../src/xlsx/inflateNode';
import { makeZip } from '../consolidate/corpus';

const text = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

describe('writeZip', () => {
  it('copies raw parts unchanged, deflates new ones, keeps order and is deterministic', async () => {
    const source = makeZip([
      { name: 'a.xml', data: text('<a>' + 'x'.repeat(5000) + '</a>') },
      { name: 'b.bin', data: new Uint8Array([1, 2, 3]), stored: true },
    ]);
    const dir = readDirectory(source, DEFAULT_LIMITS);
    const a = dir.entries.get('a.xml')!;
    const b = dir.entries.get('b.bin')!;
    const entries: ZipWriteEntry[] = [
      { name: 'new/thứ nhất.xml', data: text('<mới>' + 'y'.repeat(3000) + '</mới>') },
      { name: a.name, raw: { ...a, data: rawData(source, a) } },
      { name: 'empty.xml', data: new Uint8Array(0) },
      { name: b.name, raw: { ...b, data: rawData(source, b) } },
    ];
    const out = await writeZip(entries, nodeDeflate);
    expect(Buffer.from(await writeZip(entries, nodeDeflate)).equals(Buffer.from(out))).toBe(true);
    const back = readDirectory(out, DEFAULT_LIMITS);
    expect([...back.entries.values()].map((e) => e.name)).toEqual(['new/thứ nhất.xml', 'a.xml', 'empty.xml', 'b.bin']);
    for (const e of [a, b]) {
      const copy = back.entries.get(e.name)!;
      expect(Buffer.from(rawData(out, copy)).equals(Buffer.from(rawData(source, e)))).toBe(true);
      expect([copy.crc32, copy.method, copy.size]).toEqual([e.crc32, e.method, e.size]);
    }
    const fresh = back.entries.get('new/thứ nhất.xml')!;
    expect(fresh.method).toBe(8);
    expect(Buffer.from(await readEntry(out, fresh, nodeInflate, DEFAULT_LIMITS)).toString('utf8')).toBe('<mới>' + 'y'.repeat(3000) + '</mới>');
    expect((await readEntry(out, back.entries.get('empty.xml')!, nodeInflate, DEFAULT_LIMITS)).length).toBe(0);

    // An independent reader agrees (Python's zipfile checks every CRC).
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-zip-')), 'x.zip');
    fs.writeFileSync(file, out);
    const names = execFileSync('/usr/bin/python3', ['-c', 'import sys,zipfile; z=zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print("|".join(z.namelist()))', file], { encoding: 'utf8' });
    expect(names.trim()).toBe('new/thứ nhất.xml|a.xml|empty.xml|b.bin');
  });
});

describe('nodeDeflate', () => {
  it("gives zlib's level-6 raw deflate, for markup and for bytes that do not compress", async () => {
    const markup = text('<row r="1"><c r="A1" t="inlineStr"><is><t>Thành viên</t></is></c></row>'.repeat(20_000));
    // Random bytes deflate to more than they are: the output room must hold that too.
    let seed = 7;
    const noise = Uint8Array.from({ length: 300_000 }, () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 24);
    for (const data of [markup, noise, new Uint8Array(1)]) {
      expect(Buffer.from(await nodeDeflate(data)).equals(zlib.deflateRawSync(data, { level: 6 }))).toBe(true);
    }
  });
});
