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

/**
 * CPU time (ms) and minor page faults of this process's children waited for so far: Linux's
 * /proc/self/stat (cminflt, cutime, cstime, in ticks of 1/100 s); null elsewhere. A fresh page
 * costs a fault, ≈ 13 µs each on the machine the README's tables come from.
 */
function childUsage() {
  try {
    const stat = fs.readFileSync('/proc/self/stat', 'utf8');
    // Fields after the command's name, from field 3 (state): field k is at k − 3.
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ').map(Number);
    return { cpuMs: (f[16 - 3] + f[17 - 3]) * 10, faults: f[11 - 3] };
  } catch {
    return null;
  }
}

/** A fresh Node process, timed from spawn to exit, with its CPU time and page faults where the system tells them. */
function timedNode(args, what) {
  const before = childUsage();
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${what} → ${r.status}\n${r.stderr}`);
  const after = childUsage();
  const usage = before && after ? { cpuMs: after.cpuMs - before.cpuMs, faults: after.faults - before.faults } : null;
  return { ms, stdout: r.stdout, usage };
}

const dvht = (args) => timedNode([bin, ...args], `dvht ${args.join(' ')}`);

/** This process's CPU time (ms) and minor page faults so far. */
function ownUsage() {
  const u = process.resourceUsage();
  return { cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000, faults: u.minorPageFault };
}

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
  const usage0 = ownUsage();
  const after = fs.readFileSync(afterFile);
  const inDir = readDirectory(fs.readFileSync(beforeFile), limits).entries;
  const outDir = readDirectory(after, limits).entries;
  // What evaluate changed and its bytes: the floor's input, made outside the timing.
  const changed = [...outDir.values()].filter((e) => inDir.get(e.name.toLowerCase())?.crc32 !== e.crc32);
  const changedData = new Map();
  for (const e of changed) changedData.set(e.name, await readEntry(after, e, nodeInflate, limits));
  const prepMs = performance.now() - prep0;
  const usage1 = ownUsage();
  const prepUsage = { cpuMs: usage1.cpuMs - usage0.cpuMs, faults: usage1.faults - usage0.faults };
  const before = fs.readFileSync(beforeFile);
  const dir = readDirectory(before, limits).entries;
  for (const [key, e] of dir) if (READ.test(key)) nodeDecode(await readEntry(before, e, nodeInflate, limits));
  const entries = [...outDir.values()].map((e) => {
    const data = changedData.get(e.name);
    return data ? { name: e.name, data } : { name: e.name, raw: { method: e.method, crc32: e.crc32, compressedSize: e.compressedSize, size: e.size, data: rawData(after, e), flags: e.flags, time: e.time, date: e.date } };
  });
  await writeZip(entries, nodeDeflate);
  return { prepMs, prepUsage, changedParts: changed.map((e) => e.name) };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

function cliEvaluate(n, dir) {
  const file = path.join(dir, `cli-${n}.xlsx`);
  const before = path.join(dir, `cli-${n}-before.xlsx`);
  fs.rmSync(file, { force: true });
  const initMs = dvht(['init', '-o', file, '--preset', 'tt24-co-so-md1', '--unit', 'Trường THCS Bench', '--type', 'thcs', '--sample', '--members', String(n)]).ms;
  fs.copyFileSync(file, before);
  const walls = [];
  const floors = [];
  // CPU (ms) and page faults of each sample, the floor's without its preparation; empty where the system does not tell.
  const usage = { product: [], floor: [] };
  let changedParts = [];
  for (let i = 0; i < SAMPLES; i++) {
    fs.copyFileSync(before, file);
    const product = dvht(['evaluate', file]);
    walls.push(product.ms);
    const r = timedNode([__filename, '--floor', before, file], `floor of ${file}`);
    const floor = JSON.parse(r.stdout);
    floors.push(r.ms - floor.prepMs);
    if (product.usage && r.usage) {
      usage.product.push(product.usage);
      usage.floor.push({ cpuMs: r.usage.cpuMs - floor.prepUsage.cpuMs, faults: r.usage.faults - floor.prepUsage.faults });
    }
    changedParts = floor.changedParts;
  }
  const ratio = median(walls.map((w, i) => w / floors[i]));
  const measured = usage.product.length > 0;
  const cpuRatio = measured ? median(usage.product.map((u, i) => u.cpuMs / usage.floor[i].cpuMs)) : null;
  const faults = measured ? { product: median(usage.product.map((u) => u.faults)), floor: median(usage.floor.map((u) => u.faults)) } : null;
  return { initMs, evaluateMs: median(walls), floorMs: median(floors), ratio, cpuRatio, faults, samples: { walls, floors, usage }, changedParts, bytes: fs.statSync(file).size };
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
    { label: 'CLI evaluate: CPU thực ÷ sàn / CPU ÷ floor', cells: per((r) => (r.cli?.cpuRatio ? { value: r.cli.cpuRatio, kind: 'ratio' } : null)), target: '' },
    {
      label: 'CLI evaluate: lỗi trang / page faults (thực / sàn)',
      cells: per((r) => (r.cli?.faults ? { text: `${r.cli.faults.product.toLocaleString('en-US')} / ${r.cli.faults.floor.toLocaleString('en-US')}` } : null)),
      target: '',
    },
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
