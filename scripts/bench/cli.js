/**
 * `dvht evaluate` on a generated workbook against its floor, both run the way the product runs:
 * each sample is a fresh process on the same untouched input, five samples in alternating
 * pairs (product, floor), medians and the median of the pair ratios. The floor reads the parts
 * evaluate needs (inflate + UTF-8 decode) and zips the parts it writes (deflate of every part
 * whose bytes changed, the rest copied as stored) with the project's own zip code. Both are
 * timed alike, from the parent's spawn to the child's exit (Node's start-up and exit, which the
 * product pays too); the floor's child reports the preparation it does before its work
 * (reading and inflating what evaluate wrote, the data it deflates), which is taken off.
 */
'use strict';
const path = require('path');
const fs = require('fs');
const { spawnSync } = require('child_process');
const root = path.join(__dirname, '..', '..');
const bin = path.join(root, 'bin', 'dvht.js');

/** Samples per member count: fresh processes, product and floor alternating (single runs here move by ±15%). */
const SAMPLES = 5;

/** A fresh Node process, timed from spawn to exit. */
function timedNode(args, what) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${what} → ${r.status}\n${r.stderr}`);
  return { ms, stdout: r.stdout };
}

const dvht = (args) => timedNode([bin, ...args], `dvht ${args.join(' ')}`).ms;

/** The parts an evaluate reads: the workbook's XML (sheets, workbook, relationships, styles, shared strings). */
const READ = /^(\[content_types\]\.xml|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/styles\.xml|xl\/sharedstrings\.xml|xl\/worksheets\/sheet\d+\.xml)$/;

/** One cold floor run in this process (see the header): its preparation first, then the work. */
async function floorOnce(beforeFile, afterFile) {
  const build = (m) => require(path.join(root, 'build', 'node', 'xlsx', m));
  const { readDirectory, readEntry, rawData } = build('zip');
  const { nodeInflate, nodeDecode } = build('inflateNode');
  const { nodeDeflate } = build('deflateNode');
  const { writeZip } = build('zipWriter');
  const { DEFAULT_LIMITS } = build('errors');
  const limits = DEFAULT_LIMITS;
  // Its modules load inside the timing, as the product's do.
  const prep0 = performance.now();
  const after = fs.readFileSync(afterFile);
  const inDir = readDirectory(fs.readFileSync(beforeFile), limits).entries;
  const outDir = readDirectory(after, limits).entries;
  // What evaluate changed and its bytes: the floor's input, made outside the timing.
  const changed = [...outDir.values()].filter((e) => inDir.get(e.name.toLowerCase())?.crc32 !== e.crc32);
  const changedData = new Map();
  for (const e of changed) changedData.set(e.name, await readEntry(after, e, nodeInflate, limits));
  const prepMs = performance.now() - prep0;
  const before = fs.readFileSync(beforeFile);
  const dir = readDirectory(before, limits).entries;
  for (const [key, e] of dir) if (READ.test(key)) nodeDecode(await readEntry(before, e, nodeInflate, limits));
  const entries = [...outDir.values()].map((e) => {
    const data = changedData.get(e.name);
    return data ? { name: e.name, data } : { name: e.name, raw: { method: e.method, crc32: e.crc32, compressedSize: e.compressedSize, size: e.size, data: rawData(after, e), flags: e.flags, time: e.time, date: e.date } };
  });
  await writeZip(entries, nodeDeflate);
  return { prepMs, changedParts: changed.map((e) => e.name) };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

function cliEvaluate(n, dir) {
  const file = path.join(dir, `cli-${n}.xlsx`);
  const before = path.join(dir, `cli-${n}-before.xlsx`);
  fs.rmSync(file, { force: true });
  const initMs = dvht(['init', '-o', file, '--preset', 'tt24-co-so-md1', '--unit', 'Trường THCS Bench', '--type', 'thcs', '--sample', '--members', String(n)]);
  fs.copyFileSync(file, before);
  const walls = [];
  const floors = [];
  let changedParts = [];
  for (let i = 0; i < SAMPLES; i++) {
    fs.copyFileSync(before, file);
    walls.push(dvht(['evaluate', file]));
    const r = timedNode([__filename, '--floor', before, file], `floor of ${file}`);
    const floor = JSON.parse(r.stdout);
    floors.push(r.ms - floor.prepMs);
    changedParts = floor.changedParts;
  }
  const ratio = median(walls.map((w, i) => w / floors[i]));
  return { initMs, evaluateMs: median(walls), floorMs: median(floors), ratio, samples: { walls, floors }, changedParts, bytes: fs.statSync(file).size };
}

/**
 * The evaluate rows of the bench table, from `per` (bench.js: one cell per member count):
 * wall (≤ 1 s at 5,000), floor, wall ÷ floor (≤ 1.5), and time per member against 5,000's
 * (linear: 20,000 within 1.25× of 5,000's per-member time).
 */
function cliRows(per, members) {
  const at5000 = members[5000]?.cli;
  const perMember = (r, n) => r.cli.evaluateMs / n;
  return [
    { label: 'CLI init --sample (tham khảo / reference)', cells: per((r) => (r.cli ? { value: r.cli.initMs, kind: 'ms' } : null)), target: '' },
    { label: 'CLI evaluate: thời gian thực / wall', cells: per((r, n) => (r.cli ? { value: r.cli.evaluateMs, kind: 'ms', ...(n === 5000 ? { ok: r.cli.evaluateMs <= 1000 } : {}) } : null)), target: '≤ 1 s @ 5.000' },
    { label: 'CLI evaluate: sàn / floor (đọc + nén / read + zip)', cells: per((r) => (r.cli ? { value: r.cli.floorMs, kind: 'ms' } : null)), target: '' },
    { label: 'CLI evaluate: thực ÷ sàn / wall ÷ floor', cells: per((r, n) => (r.cli ? { value: r.cli.ratio, kind: 'ratio', ...(n === 5000 ? { ok: r.cli.ratio <= 1.5 } : {}) } : null)), target: '≤ 1.5× @ 5.000' },
    {
      label: 'CLI evaluate: ms/TV so với 5.000 / per member vs 5,000',
      cells: per((r, n) => (r.cli && at5000 ? { value: perMember(r, n) / (at5000.evaluateMs / 5000), kind: 'ratio', ...(n === 20000 ? { ok: perMember(r, n) <= 1.25 * (at5000.evaluateMs / 5000) } : {}) } : null)),
      target: '≤ 1.25× @ 20.000 (tuyến tính / linear)',
    },
  ];
}

module.exports = { cliEvaluate, cliRows };

if (require.main === module && process.argv[2] === '--floor') {
  floorOnce(process.argv[3], process.argv[4]).then(
    (floor) => process.stdout.write(JSON.stringify(floor)),
    (e) => {
      process.stderr.write(String(e?.stack ?? e));
      process.exitCode = 1;
    },
  );
}
