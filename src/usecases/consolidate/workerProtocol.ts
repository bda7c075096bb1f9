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
export function workerCount(cores: number | undefined = globalThis.navigator?.hardwareConcurrency): number {
  return Math.max(1, Math.min(MAX_WORKERS, Math.floor(cores ?? 1) || 1));
}

/**
 * Reads the files with `count` workers, each given a few files at a time (fetched just before, so
 * that thousands of files are never all in memory), and calls `onOutcome` as each is read (any
 * order; `index` is the file's in `files`). `signal` stops every worker: resolves false, and
 * nothing is written. The workers are ended when it settles.
 */
export function readInWorkers(
  createWorker: () => WorkerLike,
  count: number,
  files: PoolFile[],
  options: { lang: Lang; limits?: Partial<XlsxLimits>; onOutcome: (outcome: FileOutcome, index: number) => void; signal?: AbortSignal },
): Promise<boolean> {
  const workers: WorkerLike[] = [];
  let next = 0;
  let finished = 0;
  return new Promise<boolean>((resolve, reject) => {
    let settled = false;
    const settle = (done: () => void) => {
      if (settled) return;
      settled = true;
      for (const w of workers) w.terminate();
      done();
    };
    const feed = async (worker: WorkerLike): Promise<void> => {
      if (settled) return;
      const first = next;
      next = Math.min(files.length, next + BATCH);
      if (first === next) {
        if (++finished === workers.length) settle(() => resolve(true));
        return;
      }
      const batch = await Promise.all(files.slice(first, next).map(async (f) => ({ name: f.name, bytes: await f.bytes() })));
      if (settled) return;
      worker.onmessage = (e) => {
        const m = e.data;
        if (settled) return; // a message sent just before the worker was ended
        if (m.type === 'outcome') options.onOutcome(m.outcome, first + m.index);
        else if (m.type === 'done') feed(worker).catch((error: unknown) => settle(() => reject(error)));
      };
      // Transferred, not copied: the pane does not keep the bytes.
      worker.postMessage({ type: 'start', files: batch, lang: options.lang, limits: options.limits }, batch.map((f) => f.bytes));
    };
    options.signal?.addEventListener('abort', () => settle(() => resolve(false)), { once: true });
    try {
      for (let i = 0; i < Math.max(1, Math.min(count, Math.ceil(files.length / BATCH))); i++) {
        const worker = createWorker();
        worker.onerror = (e) => settle(() => reject(new Error(e.message || 'worker error')));
        workers.push(worker);
      }
    } catch (error) {
      settle(() => reject(error));
      return;
    }
    for (const w of workers) feed(w).catch((error: unknown) => settle(() => reject(error)));
  });
}
