#!/usr/bin/env node
/**
 * The consolidation floor, independent of the product: for each file, the zip directory read
 * by hand, native zlib inflate of exactly the parts the product reads (package and workbook
 * relationships, workbook.xml, docProps/app.xml, shared strings, the unit sheets and the printed
 * “Tổng hợp” the product checks), and one linear pass over their bytes that extracts every
 * cell value (<v> and <t> texts). Nothing
 * of src/ runs here: a faster product reader cannot move it. Same files, same thread count
 * as the product (one per core, at most 8).
 *
 *   node scripts/bench/floor.js --files FILE_LIST   (one path a line; prints {cells, threads, maxRss, cpuMs} as JSON)
 */
'use strict';
const fs = require('fs');
const os = require('os');
const zlib = require('zlib');
const { Worker, isMainThread, parentPort, workerData } = require('worker_threads');

/** The unit workbook's sheets the product reads (src/sheets/names.ts): the five it evaluates and the printed summary it checks. */
const UNIT_SHEETS = ['Thông tin đơn vị', 'Tiêu chí', 'Thành viên', 'Người học', 'Danh mục', 'Tổng hợp'];

const THREADS = () => Math.min(os.availableParallelism?.() ?? os.cpus().length, 8);

/** name → { method, size, offset } from the central directory. */
function directory(buf) {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('no zip directory');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = new Map();
  for (let k = 0; k < count; k++) {
    const nameLen = buf.readUInt16LE(p + 28);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    out.set(name, { method: buf.readUInt16LE(p + 10), size: buf.readUInt32LE(p + 20), offset: buf.readUInt32LE(p + 42) });
    p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return out;
}

function inflate(buf, entry) {
  if (!entry) return null;
  const start = entry.offset + 30 + buf.readUInt16LE(entry.offset + 26) + buf.readUInt16LE(entry.offset + 28);
  const data = buf.subarray(start, start + entry.size);
  return entry.method === 0 ? data : zlib.inflateRawSync(data);
}

/** One pass: the text of every <v>…</v> and <t …>…</t>, as a string. */
function cellValues(b, out) {
  const n = b.length;
  for (let i = 0; i < n; i++) {
    if (b[i] !== 60) continue;
    const c = b[i + 1];
    if ((c !== 118 && c !== 116) || (b[i + 2] !== 62 && b[i + 2] !== 32)) continue;
    let s = i + 2;
    while (s < n && b[s] !== 62) s++;
    let e = ++s;
    let high = 0;
    while (e < n && b[e] !== 60) high |= b[e++];
    out.push(b.toString(high & 0x80 ? 'utf8' : 'latin1', s, e));
    i = e - 1;
  }
}

const attrOf = (tag, name) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

function readFile(file) {
  const buf = fs.readFileSync(file);
  const dir = directory(buf);
  inflate(buf, dir.get('_rels/.rels'));
  inflate(buf, dir.get('docProps/app.xml'));
  const workbook = inflate(buf, dir.get('xl/workbook.xml')).toString('utf8');
  const rels = new Map();
  for (const tag of inflate(buf, dir.get('xl/_rels/workbook.xml.rels')).toString('utf8').match(/<Relationship\s[^>]*>/g) ?? []) {
    const target = attrOf(tag, 'Target');
    rels.set(attrOf(tag, 'Id'), target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const values = [];
  const shared = [...rels.values()].find((p) => p.endsWith('sharedStrings.xml'));
  if (shared) cellValues(inflate(buf, dir.get(shared)), values);
  for (const tag of workbook.match(/<sheet\s[^>]*>/g) ?? []) {
    if (!UNIT_SHEETS.includes(attrOf(tag, 'name'))) continue;
    const part = inflate(buf, dir.get(rels.get(attrOf(tag, 'r:id'))));
    if (part) cellValues(part, values);
  }
  return values.length;
}

if (isMainThread && require.main === module) {
  const usage = 'Usage: node scripts/bench/floor.js --files FILE_LIST\n  FILE_LIST: a text file, one workbook path a line. Prints {"cells":N,"threads":N,"maxRss":BYTES,"cpuMs":MS}.\n  Called by scripts/bench-consolidate.js.';
  const list = require('./args').parseOptions(process.argv.slice(2), usage, { files: { value: 'FILE_LIST', help: 'the workbooks to read, one path a line' } }).get('files');
  if (!list) {
    process.stderr.write(`--files is required\n${usage}\n`);
    process.exit(2);
  }
  const files = fs.readFileSync(list, 'utf8').split('\n').filter(Boolean);
  const threads = Math.min(THREADS(), files.length);
  Promise.all(
    Array.from({ length: threads }, (_, k) => new Promise((resolve, reject) => {
      const w = new Worker(__filename, { workerData: files.filter((_, i) => i % threads === k) });
      w.on('message', resolve);
      w.on('error', reject);
    })),
  ).then((counts) => {
    const u = process.resourceUsage();
    process.stdout.write(`${JSON.stringify({ cells: counts.reduce((a, b) => a + b, 0), threads, maxRss: u.maxRSS * 1024, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000 })}\n`);
  });
} else if (!isMainThread) {
  let cells = 0;
  for (const f of workerData) cells += readFile(f);
  parentPort.postMessage(cells);
}

module.exports = { THREADS, UNIT_SHEETS, readFile };
