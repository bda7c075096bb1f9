/**
 * The CLI's reading pool (src/cli/consolidatePool.ts): files handed to the threads a few at a
 * time, every outcome handed to its file's index exactly once, reading started before the
 * output is opened. The threads here are in-process stand-ins that run the same `readTask` a
 * worker thread runs (jest runs the TypeScript sources, with no compiled worker script), so
 * what is checked is the protocol, not the threads themselves.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { EventEmitter } from 'events';
import { execFileSync, spawnSync } from 'child_process';
import type { Worker } from 'node:worker_threads';
import { readAhead, readFilesInPool, readTask, readUnitFromDisk, type PoolTask } from '../../src/cli/consolidatePool';
import { run } from '../../src/cli/main';
import { PartSender } from '../../src/usecases/consolidate/poolParts';
import { findPreset } from '../../src/domain/rules/presets';
import { edits, hostile, unitWorkbook } from './corpus';

let dir: string;
let files: string[];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-pool-'));
  const units = await Promise.all([1, 2, 3].map((k) => unitWorkbook({ name: `Trường số ${k}`, members: 8, seed: k })));
  files = [];
  // 40 files: many per thread, and a few that are not workbooks at all.
  for (let i = 0; i < 40; i++) {
    const f = path.join(dir, `f${String(i).padStart(2, '0')}.xlsx`);
    fs.writeFileSync(f, i % 13 === 5 ? hostile.pdf() : units[i % 3]!);
    files.push(f);
  }
}, 60_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** What a worker thread does with each message, in-process: readTask, its answer emitted as 'message'. */
class FakeReader extends EventEmitter {
  terminated = false;
  private answered = 0;
  private readonly parts = new PartSender();
  constructor(private readonly stopAfter = Infinity) {
    super();
  }
  postMessage(msg: { index: number; task: PoolTask }): void {
    void readTask(msg, this.parts).then((answer) => {
      if (this.terminated) return;
      // Across threads the message is a copy.
      setImmediate(() => this.emit('message', structuredClone(answer)));
      if (++this.answered >= this.stopAfter) {
        this.terminated = true;
        setImmediate(() => this.emit('exit', 1));
      }
    });
  }
  terminate(): Promise<number> {
    this.terminated = true;
    return Promise.resolve(0);
  }
}
const asWorkers = (readers: FakeReader[]) => readers as unknown as Worker[];

async function expected(): Promise<string[]> {
  return Promise.all(files.map(async (f) => JSON.stringify(await readUnitFromDisk({ file: f, label: path.basename(f), limits: {}, lang: 'vi' }))));
}

describe('the reading pool', () => {
  it('the pool hands each outcome to its file index once, as read on the calling thread', async () => {
    const got: string[] = [];
    const seen: number[] = [];
    await readFilesInPool(files, { readers: asWorkers([new FakeReader(), new FakeReader()]), label: (f) => path.basename(f) }, (o, i) => {
      seen.push(i);
      got[i] = JSON.stringify(o);
    });
    expect(seen).toHaveLength(files.length);
    expect(got).toEqual(await expected());
  });

  it('a thread that ends before its files are read fails the batch instead of hanging', async () => {
    const pool = readFilesInPool(files, { readers: asWorkers([new FakeReader(2), new FakeReader(2)]) }, () => undefined);
    await expect(pool).rejects.toThrow(/files unread/);
  });

  it('read ahead: what is read before consolidation asks is handed over first, then the rest', async () => {
    const indices = [0, 2, 3, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35];
    const readers = [new FakeReader(), new FakeReader()];
    const read = readAhead(files, indices, { readers: asWorkers(readers), label: (f) => path.basename(f) });
    // A first batch arrives before anyone listens.
    await new Promise((r) => readers[0]!.once('message', r));
    const got = new Map<number, string>();
    await expect(read(indices, (o, i) => got.set(i, JSON.stringify(o)))).resolves.toBe(true);
    const want = await expected();
    expect([...got.keys()].sort((a, b) => a - b)).toEqual(indices);
    for (const i of indices) expect(got.get(i)).toBe(want[i]);
  });

  it('a file gone or turned into a folder since it was listed is rejected in words, not a system code', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-pool-gone-'));
    const folder = path.join(dir, 'thu-muc.xlsx');
    fs.mkdirSync(folder);
    const reasons = async (file: string) => (await readUnitFromDisk({ file, label: path.basename(file), limits: {}, lang: 'vi' })).report.reasons.join(' ');
    expect(await reasons(path.join(dir, 'da-xoa.xlsx'))).toBe('Không mở được tệp: không tìm thấy tệp');
    expect(await reasons(folder)).toBe('Không mở được tệp: đây là một thư mục, không phải tệp');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('read ahead refuses to hand over files other than those it reads', async () => {
    const read = readAhead(files, [0, 1], { readers: asWorkers([new FakeReader()]) });
    await expect(read([0, 2], () => undefined)).rejects.toThrow();
  });
});

describe('the compiled command on real worker threads', () => {
  const root = path.join(__dirname, '..', '..');
  // Its own output folder: other tests compile build/node at the same time.
  const build = path.join(root, 'build', 'pool-test');

  beforeAll(() => {
    fs.rmSync(build, { recursive: true, force: true });
    execFileSync('npx', ['tsc', '-p', 'tsconfig.node.json', '--outDir', build], { cwd: root });
  }, 120_000);
  afterAll(() => fs.rmSync(build, { recursive: true, force: true }));

  it('writes the same workbook and the same --json as the same command reading on the calling thread', async () => {
    expect(fs.existsSync(path.join(build, 'cli', 'consolidateWorker.js'))).toBe(true);
    // Outside the folder read: an output in it would be read by the next run.
    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-pool-out-'));
    const onThreads = path.join(outDir, 'tren-luong.xlsx');
    const inProcess = path.join(outDir, 'cung-luong.xlsx');
    const folder = path.relative(root, dir);
    // Reading ahead on two threads (files listed, then the output checked and opened).
    const res = spawnSync(process.execPath, [path.join(build, 'cli', 'main.js'), 'consolidate', folder, '-o', onThreads, '--json'], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
    expect(res.stderr).toBe('');
    expect(res.status).toBe(1); // the files that are not workbooks are refused, the rest consolidated
    const out: string[] = [];
    const cwd = process.cwd();
    process.chdir(root);
    try {
      expect(await run(['consolidate', folder, '-o', inProcess, '--json'], { out: (s) => out.push(s), err: () => undefined })).toBe(1);
    } finally {
      process.chdir(cwd);
    }
    const threaded = JSON.parse(res.stdout) as { output: string; files: { status: string }[] };
    const local = JSON.parse(out.join('\n')) as { output: string };
    expect({ ...threaded, output: '' }).toEqual({ ...local, output: '' });
    expect(threaded.files.filter((f) => f.status === 'rejected')).toHaveLength(3);
    expect(Buffer.compare(fs.readFileSync(onThreads), fs.readFileSync(inProcess))).toBe(0);
    fs.rmSync(outDir, { recursive: true, force: true });
  }, 60_000);
});

describe('the body’s reference rule set', () => {
  it('reaches every reading thread: a unit that lowered a threshold is recomputed under it', async () => {
    const lowered = path.join(dir, 'lowered.xlsx');
    // Members at 95%: 2.3 measures 89.8% against its 90%; the unit lowered it to 80% under a name of its own.
    fs.writeFileSync(lowered, await unitWorkbook({ name: 'Trường hạ mức', rate: 0.95, seed: 1, prepare: edits.all(edits.setting('id', 'bo-rieng'), edits.threshold('2.3', 0.8)) }));
    const labels = async (ruleSet: ReturnType<typeof findPreset> | null) => {
      const seen: string[] = [];
      await readFilesInPool(Array(9).fill(lowered), { readers: asWorkers([new FakeReader(), new FakeReader()]), ruleSet }, (o, i) => (seen[i] = o.unit!.outcome.label));
      return seen;
    };
    expect(await labels(findPreset('tt24-co-so-md1'))).toEqual(Array(9).fill('Không đạt'));
    expect(await labels(null)).toEqual(Array(9).fill('Đạt mức độ 1'));
  });
});
