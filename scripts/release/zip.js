/**
 * A small deterministic .zip writer for the release: entries sorted by name, every timestamp
 * 1980-01-01 00:00 (the zip epoch), no absolute paths, no extra fields, no owner or
 * permissions: the same files give the same bytes on every machine with the same zlib.
 */
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const DOS_DATE_1980_01_01 = (1 << 5) | 1;
const UTF8_NAMES = 0x0800;

/** Every file under dir, as forward-slash paths relative to it, sorted. */
function listFiles(dir, prefix = '') {
  const out = [];
  for (const e of fs.readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...listFiles(dir, rel));
    else if (e.isFile()) out.push(rel);
  }
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** entries: [{ name, data }]; returns the archive's bytes. */
function zipEntries(entries) {
  const sorted = [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const { name, data } of sorted) {
    if (name.startsWith('/') || name.includes('\\') || name.split('/').includes('..')) throw new Error(`zip: not a relative path: ${name}`);
    const nameBytes = Buffer.from(name, 'utf8');
    const deflated = zlib.deflateRawSync(data, { level: 9 });
    const stored = deflated.length >= data.length;
    const body = stored ? data : deflated;
    const crc = zlib.crc32(data) >>> 0;
    const header = (signature, central) => {
      const h = Buffer.alloc(central ? 46 : 30);
      let p = 0;
      const u16 = (v) => (p = h.writeUInt16LE(v, p));
      const u32 = (v) => (p = h.writeUInt32LE(v >>> 0, p));
      u32(signature);
      if (central) u16(20); // made by: MS-DOS attributes, zip 2.0
      u16(20); // needed: zip 2.0
      u16(UTF8_NAMES);
      u16(stored ? 0 : 8);
      u16(0); // time 00:00:00
      u16(DOS_DATE_1980_01_01);
      u32(crc);
      u32(body.length);
      u32(data.length);
      u16(nameBytes.length);
      u16(0); // extra
      if (central) {
        u16(0); // comment
        u16(0); // disk
        u16(0); // internal attributes
        u32(0); // external attributes
        u32(offset);
      }
      return h;
    };
    const local = Buffer.concat([header(0x04034b50, false), nameBytes, body]);
    centrals.push(Buffer.concat([header(0x02014b50, true), nameBytes]));
    locals.push(local);
    offset += local.length;
  }
  const central = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(sorted.length, 8);
  end.writeUInt16LE(sorted.length, 10);
  end.writeUInt32LE(central.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, central, end]);
}

/** The folder's files under a top-level folder named `root` (so that unzipping makes one folder). */
function zipFolder(dir, root) {
  return zipEntries(listFiles(dir).map((rel) => ({ name: `${root}/${rel}`, data: fs.readFileSync(path.join(dir, rel)) })));
}

module.exports = { listFiles, zipEntries, zipFolder };
