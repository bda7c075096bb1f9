/** Messages between the pane and the consolidation Web Worker (src/workers/consolidate.worker.ts). */
import type { Lang } from '../../i18n';
import type { XlsxLimits } from '../../xlsx';
import type { FileOutcome } from './records';

/** A few files to read; the worker answers each one's outcome, then `done`. Stopped by terminate(). */
export type ConsolidateWorkerRequest = { type: 'start'; files: { name: string; bytes: ArrayBuffer }[]; lang: Lang; limits?: Partial<XlsxLimits> };

export type ConsolidateWorkerEvent = { type: 'outcome'; index: number; total: number; outcome: FileOutcome } | { type: 'done'; total: number };

/** What the pane needs from a worker (a DOM Worker fits; tests pass an in-process one). */
export interface WorkerLike {
  postMessage(message: ConsolidateWorkerRequest, transfer?: ArrayBuffer[]): void;
  onmessage: ((e: { data: ConsolidateWorkerEvent }) => void) | null;
  onerror: ((e: { message?: string }) => void) | null;
  terminate(): void;
}

/** A file the pool reads: its bytes are fetched only when a worker is about to read it. */
export interface PoolFile {
  name: string;
  bytes(): Promise<ArrayBuffer>;
}

/** Files a worker is given at a time: few enough that only a few files' bytes are held at once. */
const BATCH = 4;
/** Workers at most: past this, an office PC's memory and the pane's thread gain nothing. */
const MAX_WORKERS = 4;

/** One worker per core the browser reports (Excel's web view too), at least one, at most MAX_WORKERS. */
export function workerCount(cores: number | undefined = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency): number {
  return Math.max(1, Math.min(MAX_WORKERS, Math.floor(cores ?? 1) || 1));
}

/**
 * Reads the files with `count` workers, each given a few files at a time, the next few fetched
 * while it reads (so that thousands of files are never all in memory, and no worker waits for
 * the disk), and calls `onOutcome` as each is read (any order; `index` is the file's in `files`).
 * `signal` stops every worker: resolves false, and nothing is written. The workers are ended
 * when it settles.
 */
export async function readInWorkers(
  createWorker: () => WorkerLike,
  count: number,
  files: PoolFile[],
  options: { lang: Lang; limits?: Partial<XlsxLimits>; onOutcome: (outcome: FileOutcome, index: number) => void; signal?: AbortSignal },
): Promise<boolean> {
  const workers: WorkerLike[] = [];
  let stopped = false;
  let next = 0;
  const take = () => {
    const first = next;
    next = Math.min(files.length, next + BATCH);
    return first === next ? null : { first, files: Promise.all(files.slice(first, next).map(async (f) => ({ name: f.name, bytes: await f.bytes() }))) };
  };
  let fail!: (error: unknown) => void;
  const failed = new Promise<never>((_, reject) => (fail = reject));
  // One batch read by one worker: resolves at its `done`.
  const read = (worker: WorkerLike, first: number, batch: { name: string; bytes: ArrayBuffer }[]) =>
    new Promise<void>((resolve) => {
      worker.onmessage = (e) => {
        if (stopped) return; // a message sent just before the worker was ended
        const m = e.data;
        if (m.type === 'outcome') options.onOutcome(m.outcome, first + m.index);
        else resolve();
      };
      // Transferred, not copied: the pane does not keep the bytes.
      worker.postMessage({ type: 'start', files: batch, lang: options.lang, limits: options.limits }, batch.map((f) => f.bytes));
    });
  const run = async (worker: WorkerLike) => {
    for (let batch = take(); batch && !stopped; ) {
      const ready = await batch.files;
      const following = take();
      if (stopped) return;
      await read(worker, batch.first, ready);
      batch = following;
    }
  };
  const aborted = new Promise<false>((resolve) => options.signal?.addEventListener('abort', () => resolve(false), { once: true }));
  try {
    for (let i = 0; i < Math.max(1, Math.min(count, Math.ceil(files.length / BATCH))); i++) {
      const worker = createWorker();
      worker.onerror = (e) => fail(new Error(e.message || 'worker error'));
      workers.push(worker);
    }
    failed.catch(() => undefined);
    return await Promise.race([Promise.all(workers.map(run)).then(() => true), aborted, failed]);
  } finally {
    stopped = true;
    for (const w of workers) w.terminate();
  }
}
