/**
 * The pane's reading pool: several workers, each given a few files at a time (their bytes
 * fetched while the batch before is read), every outcome reported under its file's index, and Stop or a failing
 * worker ending them all. The workers here answer by the file's bytes, so what each file was
 * read as can be checked.
 */
import { readInWorkers, workerCount, type ConsolidateWorkerRequest, type PoolFile, type WorkerLike } from '../../src/usecases/consolidate/workerProtocol';
import type { FileOutcome } from '../../src/usecases/consolidate/records';

interface Stand {
  workers: { ended: boolean; batches: string[][] }[];
  create(): WorkerLike;
}

/** Workers that answer asynchronously, each outcome naming the file and its bytes' first byte. */
function standIns(options: { failOnFile?: string; holdAfter?: number } = {}): Stand {
  const stand: Stand = {
    workers: [],
    create() {
      const me = { ended: false, batches: [] as string[][] };
      stand.workers.push(me);
      const w: WorkerLike = {
        onmessage: null,
        onerror: null,
        terminate: () => {
          me.ended = true;
        },
        postMessage(msg: ConsolidateWorkerRequest) {
          me.batches.push(msg.files.map((f) => f.name));
          void (async () => {
            for (let i = 0; i < msg.files.length; i++) {
              await new Promise((r) => setTimeout(r, 1));
              if (me.ended) return;
              const f = msg.files[i]!;
              if (f.name === options.failOnFile) return w.onerror?.({ message: `cannot read ${f.name}` });
              const outcome = { report: { file: `${f.name}:${new Uint8Array(f.bytes)[0]}` } } as unknown as FileOutcome;
              w.onmessage?.({ data: { type: 'outcome', index: i, total: msg.files.length, outcome } });
            }
            if (!me.ended) w.onmessage?.({ data: { type: 'done', total: msg.files.length } });
          })();
        },
      };
      return w;
    },
  };
  return stand;
}

function files(n: number, fetched: string[] = []): PoolFile[] {
  return Array.from({ length: n }, (_, i) => ({
    name: `f${i}.xlsx`,
    bytes: async () => {
      fetched.push(`f${i}.xlsx`);
      return new Uint8Array([i % 256]).buffer;
    },
  }));
}

describe('readInWorkers', () => {
  it('reads every file once, across the workers, each outcome under its own index', async () => {
    const stand = standIns();
    const seen = new Map<number, string>();
    const done = await readInWorkers(() => stand.create(), 3, files(23), { lang: 'vi', onOutcome: (o, i) => seen.set(i, o.report.file) });
    expect(done).toBe(true);
    expect([...seen.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: 23 }, (_, i) => i));
    for (const [i, read] of seen) expect(read).toBe(`f${i}.xlsx:${i}`);
    expect(stand.workers).toHaveLength(3);
    expect(stand.workers.every((w) => w.batches.length > 0 && w.batches.every((b) => b.length <= 4))).toBe(true);
    expect(stand.workers.flatMap((w) => w.batches.flat()).sort()).toEqual(files(23).map((f) => f.name).sort());
    expect(stand.workers.every((w) => w.ended)).toBe(true);
  });

  it('fetches a file’s bytes only when a worker is about to read it, or reads the batch before', async () => {
    const stand = standIns();
    const fetched: string[] = [];
    let fetchedAtFirstOutcome = -1;
    await readInWorkers(() => stand.create(), 2, files(40, fetched), {
      lang: 'vi',
      onOutcome: () => {
        if (fetchedAtFirstOutcome < 0) fetchedAtFirstOutcome = fetched.length;
      },
    });
    // Two workers, four files each and the next four each fetched while they read: sixteen, not forty.
    expect(fetchedAtFirstOutcome).toBe(16);
    expect(fetched).toHaveLength(40);
  });

  it('starts no more workers than there are batches of files', async () => {
    const stand = standIns();
    expect(await readInWorkers(() => stand.create(), 4, files(5), { lang: 'vi', onOutcome: () => undefined })).toBe(true);
    expect(stand.workers).toHaveLength(2);
    const none = standIns();
    expect(await readInWorkers(() => none.create(), 4, [], { lang: 'vi', onOutcome: () => undefined })).toBe(true);
    expect(none.workers).toHaveLength(1);
  });

  it('Stop ends every worker and resolves false; no outcome follows', async () => {
    const stand = standIns();
    const controller = new AbortController();
    let outcomes = 0;
    const done = await readInWorkers(() => stand.create(), 2, files(40), {
      lang: 'vi',
      signal: controller.signal,
      onOutcome: () => {
        if (++outcomes === 3) controller.abort();
      },
    });
    expect(done).toBe(false);
    expect(stand.workers.every((w) => w.ended)).toBe(true);
    await new Promise((r) => setTimeout(r, 20));
    expect(outcomes).toBe(3);
  });

  it('a worker that fails rejects with its message and ends the others', async () => {
    const stand = standIns({ failOnFile: 'f9.xlsx' });
    await expect(readInWorkers(() => stand.create(), 2, files(20), { lang: 'vi', onOutcome: () => undefined })).rejects.toThrow('cannot read f9.xlsx');
    expect(stand.workers.every((w) => w.ended)).toBe(true);
  });

  it('a worker that cannot be made rejects with the reason, and the ones made are ended', async () => {
    const stand = standIns();
    let made = 0;
    const create = () => {
      if (++made === 2) throw new Error('Trình duyệt không chạy được Web Worker.');
      return stand.create();
    };
    await expect(readInWorkers(create, 3, files(20), { lang: 'vi', onOutcome: () => undefined })).rejects.toThrow('Web Worker');
    expect(stand.workers).toHaveLength(1);
    expect(stand.workers[0]!.ended).toBe(true);
  });
});

describe('workerCount', () => {
  it('one worker per core the browser reports, at least one, at most four', () => {
    expect([workerCount(undefined), workerCount(0), workerCount(1), workerCount(2), workerCount(4), workerCount(16)]).toEqual([1, 1, 1, 2, 4, 4]);
  });
});
