/**
 * The pane's reading pool: several workers, each given a few files at a time (the picked
 * files themselves: a worker reads their bytes), every outcome reported under its file's
 * index, and Stop or a failing worker ending them all. The stand-in workers answer by the
 * file's bytes, so what each file was read as can be checked; `serveReads` is the real
 * worker's side, run here in-process.
 */
import { readInWorkers, serveReads, workerCount, type ConsolidateWorkerEvent, type ConsolidateWorkerRequest, type PoolFile, type WorkerLike } from '../../src/usecases/consolidate/workerProtocol';
import { PartReceiver, PartSender } from '../../src/usecases/consolidate/poolParts';
import { readUnitFile } from '../../src/usecases/consolidate/readUnit';
import type { FileOutcome } from '../../src/usecases/consolidate/records';
import { nodeDecode, nodeInflate } from '../../src/xlsx/inflateNode';
import { servingWorker } from '../support/servingWorker';
import { hostile, unitWorkbook } from './corpus';

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
      const parts = new PartSender();
      let queue = Promise.resolve();
      const w: WorkerLike = {
        onmessage: null,
        onerror: null,
        terminate: () => {
          me.ended = true;
        },
        postMessage(msg: ConsolidateWorkerRequest) {
          me.batches.push(msg.files.map((f) => f.name));
          // Batches arrive while one is read: answered in turn, as a worker's one thread does.
          queue = queue.then(async () => {
            for (const f of msg.files) {
              await new Promise((r) => setTimeout(r, 1));
              if (me.ended) return;
              if (f.name === options.failOnFile) return w.onerror?.({ message: `cannot read ${f.name}` });
              const outcome = { report: { file: `${f.name}:${new Uint8Array(await f.file.arrayBuffer())[0]}` }, unit: null } as unknown as FileOutcome;
              w.onmessage?.({ data: { type: 'outcome', index: f.index, outcome: parts.pack(outcome) } });
            }
            if (!me.ended) w.onmessage?.({ data: { type: 'done' } });
          });
        },
      };
      return w;
    },
  };
  return stand;
}

function files(n: number): PoolFile[] {
  return Array.from({ length: n }, (_, i) => ({ name: `f${i}.xlsx`, file: new Blob([new Uint8Array([i % 256])]) }));
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

  it('gives each worker a few files at a time, the next few before it has finished them', async () => {
    const stand = standIns();
    let givenAtFirstOutcome = -1;
    await readInWorkers(() => stand.create(), 2, files(40), {
      lang: 'vi',
      onOutcome: () => {
        if (givenAtFirstOutcome < 0) givenAtFirstOutcome = stand.workers.flatMap((w) => w.batches.flat()).length;
      },
    });
    // Two workers, two batches of four each: sixteen, not forty.
    expect(givenAtFirstOutcome).toBe(16);
    expect(stand.workers.flatMap((w) => w.batches.flat())).toHaveLength(40);
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


describe('serveReads (the worker’s side)', () => {
  it('outcomes are the reader’s own, each under its file’s index, whatever the worker and the batch', async () => {
    const [a, b] = await Promise.all([unitWorkbook({ name: 'Trường THCS Nguyễn Du', members: 20 }), unitWorkbook({ name: 'UBND xã An Phú', type: 'UBND cấp xã', members: 12, seed: 3 })]);
    const picked = [a, b, hostile.csv(), a, b, b, a, hostile.csv(), a].map((bytes, i) => ({ name: `u${i}.xlsx`, bytes }));
    const seen = new Map<number, FileOutcome>();
    const done = await readInWorkers(servingWorker, 2, picked.map((f) => ({ name: f.name, file: new Blob([f.bytes as BlobPart]) })), { lang: 'vi', onOutcome: (o, i) => seen.set(i, o) });
    expect(done).toBe(true);
    for (const [i, f] of picked.entries()) {
      const direct = await readUnitFile(f.bytes, f.name, { inflate: nodeInflate, decode: nodeDecode, lang: 'vi' });
      expect(seen.get(i)).toEqual(direct);
    }
    expect(seen.get(0)!.report.status).toBe('consolidated');
    expect(seen.get(2)!.report.status).toBe('rejected');
    // Records of one rule set from one worker share its part, as the CLI's do (the aggregate compares it once).
    const one = new Map<number, FileOutcome>();
    await readInWorkers(servingWorker, 1, picked.slice(0, 2).map((f) => ({ name: f.name, file: new Blob([f.bytes as BlobPart]) })), { lang: 'vi', onOutcome: (o, i) => one.set(i, o) });
    expect(one.get(0)!.unit!.ruleSet).toBe(one.get(1)!.unit!.ruleSet);
  });

  it('a file the browser cannot read is rejected with the reason; the files after it are read', async () => {
    const good = await unitWorkbook({ name: 'Trường THCS Nguyễn Du', members: 10 });
    const gone = new Blob([good as BlobPart]);
    Object.defineProperty(gone, 'arrayBuffer', { value: () => Promise.reject(new DOMException('The requested file could not be read', 'NotReadableError')) });
    const events: ConsolidateWorkerEvent[] = [];
    const serve = serveReads((e) => events.push(e), { inflate: nodeInflate, decode: nodeDecode });
    serve({ type: 'start', files: [{ index: 7, name: 'gone.xlsx', file: gone }, { index: 8, name: 'ok.xlsx', file: new Blob([good as BlobPart]) }], lang: 'vi' });
    await waitFor(() => events.some((e) => e.type === 'done'));
    const parts = new PartReceiver();
    const outcomes = events.flatMap((e) => (e.type === 'outcome' ? [{ index: e.index, outcome: parts.unpack(e.outcome) }] : []));
    expect(outcomes.map((o) => [o.index, o.outcome.report.file, o.outcome.report.status])).toEqual([
      [7, 'gone.xlsx', 'rejected'],
      [8, 'ok.xlsx', 'consolidated'],
    ]);
    expect(outcomes[0]!.outcome.report.reasons).toEqual(['Không mở được tệp: trình duyệt không đọc được tệp (có thể tệp đã bị sửa, chuyển chỗ hoặc xoá sau khi chọn). Hãy chọn lại tệp rồi tổng hợp lại.']);
    expect(outcomes[0]!.outcome.report.size).toBe(good.length);
    expect(events.at(-1)).toEqual({ type: 'done' });
  });

  it('a batch that arrives while one is read is answered after it, each batch ending with done', async () => {
    const good = await unitWorkbook({ name: 'Trường THCS Nguyễn Du', members: 10 });
    const events: ConsolidateWorkerEvent[] = [];
    const serve = serveReads((e) => events.push(e), { inflate: nodeInflate, decode: nodeDecode });
    const file = (index: number) => ({ index, name: `u${index}.xlsx`, file: new Blob([good as BlobPart]) });
    serve({ type: 'start', files: [file(0), file(1)], lang: 'vi' });
    serve({ type: 'start', files: [file(2)], lang: 'vi' });
    await waitFor(() => events.filter((e) => e.type === 'done').length === 2);
    expect(events.map((e) => (e.type === 'outcome' ? e.index : 'done'))).toEqual([0, 1, 'done', 2, 'done']);
  });
});

async function waitFor(ok: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !ok(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!ok()) throw new Error('timed out');
}

describe('workerCount', () => {
  it('one worker per core the browser reports, at least one, at most four', () => {
    expect([workerCount(undefined), workerCount(0), workerCount(1), workerCount(2), workerCount(4), workerCount(16)]).toEqual([1, 1, 1, 2, 4, 4]);
  });
});
