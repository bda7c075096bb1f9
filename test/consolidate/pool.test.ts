/**
 * The CLI's reading pool (src/cli/consolidatePool.ts): each thread takes files from a shared
 * counter and posts outcomes in batches; the main side hands every outcome to its file's
 * index exactly once. The threads here are in-process stand-ins that run the same
 * `readClaimed` a worker thread runs (jest runs the TypeScript sources, with no compiled
 * worker script), so what is checked is the protocol, not the threads themselves.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { EventEmitter } from 'events';
import type { Worker } from 'node:worker_threads';
import { readAhead, readClaimed, readFilesInPool, readUnitFromDisk, type PoolBatch, type PoolJob } from '../../src/cli/consolidatePool';
import type { FileOutcome } from '../../src/usecases/consolidate';
import { hostile, unitWorkbook } from './corpus';

let dir: string;
let files: string[];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-pool-'));
  const units = await Promise.all([1, 2, 3].map((k) => unitWorkbook({ name: `Trường số ${k}`, members: 8, seed: k })));
  files = [];
  // 40 files: more than two batches per thread, and a few that are not workbooks at all.
  for (let i = 0; i < 40; i++) {
    const f = path.join(dir, `f${String(i).padStart(2, '0')}.xlsx`);
    fs.writeFileSync(f, i % 13 === 5 ? hostile.pdf() : units[i % 3]!);
    files.push(f);
  }
}, 60_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const job = (list: string[]): PoolJob => ({ files: list, labels: list.map((f) => path.basename(f)), limits: {}, lang: 'vi', next: new Int32Array(new SharedArrayBuffer(4)) });

/** What a worker thread does with its one message, in-process: readClaimed, batches emitted as 'message'. */
class FakeReader extends EventEmitter {
  terminated = false;
  constructor(private readonly stopAfter = Infinity) {
    super();
  }
  postMessage(j: PoolJob): void {
    let posted = 0;
    void readClaimed(j, (batch) => {
      if (this.terminated) return;
      // Across threads the batch is a copy.
      setImmediate(() => this.emit('message', structuredClone(batch)));
      if (++posted >= this.stopAfter) {
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

describe('reading threads take files from one shared counter', () => {
  it('every file is read exactly once by one of the threads, in batches of at most 8, the last ones alone', async () => {
    const j = job(files);
    const batches: PoolBatch[][] = [[], []];
    await Promise.all([0, 1].map((k) => readClaimed(j, (b) => batches[k]!.push(b))));
    const indices = batches.flat().flatMap((b) => b.indices);
    expect([...indices].sort((a, b) => a - b)).toEqual(files.map((_, i) => i));
    for (const b of batches.flat()) {
      expect(b.indices.length).toBeGreaterThan(0);
      expect(b.indices.length).toBeLessThanOrEqual(8);
      expect(JSON.parse(b.outcomes)).toHaveLength(b.indices.length);
    }
    // The file taken last is posted on its own: no thread waits for a batch to fill.
    const last = batches.flat().find((b) => b.indices.includes(files.length - 1))!;
    expect(last.indices[last.indices.length - 1]).toBe(files.length - 1);
    const outcomes = new Map(batches.flat().flatMap((b) => (JSON.parse(b.outcomes) as FileOutcome[]).map((o, k) => [b.indices[k]!, JSON.stringify(o)] as const)));
    const want = await expected();
    expect(files.map((_, i) => outcomes.get(i))).toEqual(want);
    expect(outcomes.get(5)).toContain('"status":"rejected"');
  });

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
    const pool = readFilesInPool(files, { readers: asWorkers([new FakeReader(1), new FakeReader(1)]) }, () => undefined);
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

  it('read ahead refuses to hand over files other than those it reads', async () => {
    const read = readAhead(files, [0, 1], { readers: asWorkers([new FakeReader()]) });
    await expect(read([0, 2], () => undefined)).rejects.toThrow();
  });
});
