/**
 * Messages between the pane and the consolidation Web Workers (src/workers/consolidate.worker.ts),
 * and both sides of them: `readInWorkers` on the pane's thread, `serveReads` in a worker.
 */
import { t, type Lang } from '../../i18n';
import type { XlsxLimits } from '../../xlsx';
import type { RuleSet } from '../../domain/rules/ruleSet';
import type { FileOutcome } from './records';
import { PartReceiver, PartSender, type PackedOutcome } from './poolParts';
import { readUnitFile, rejectedFile, type ReadUnitOptions } from './readUnit';

/**
 * A few files to read, as the picked File objects (the worker reads their bytes itself: the
 * pane's thread never holds them), each with its index in the whole list. The worker answers
 * each one's outcome, then `done`. Stopped by terminate(). A worker's first request carries the
 * body's reference rule set (readUnit.ts: what each unit is recomputed under), once per worker.
 */
export type ConsolidateWorkerRequest = {
  type: 'start';
  files: { index: number; name: string; file: Blob }[];
  lang: Lang;
  limits?: Partial<XlsxLimits>;
  reference?: RuleSet | null;
};

/** An outcome crosses packed (poolParts.ts): JSON text, its rule set's part sent once per worker. */
export type ConsolidateWorkerEvent = { type: 'outcome'; index: number; outcome: PackedOutcome } | { type: 'done' };

/** What the pane needs from a worker (a DOM Worker fits; tests pass an in-process one). */
export interface WorkerLike {
  postMessage(message: ConsolidateWorkerRequest): void;
  onmessage: ((e: { data: ConsolidateWorkerEvent }) => void) | null;
  onerror: ((e: { message?: string }) => void) | null;
  terminate(): void;
}

/** A file the pool reads: a picked File (a Blob crosses to a worker as a handle, not as its bytes). */
export interface PoolFile {
  name: string;
  file: Blob;
}

/** Files a worker is given at a time: a worker that is slower than the others is given fewer. */
const BATCH = 4;
/** Batches a worker holds at once: the next one is there when it ends one, with no round trip to the pane between. */
const IN_FLIGHT = 2;
/** Workers at most: past this, an office PC's memory and the pane's thread gain nothing. */
const MAX_WORKERS = 4;

/** One worker per core the browser reports (Excel's web view too), at least one, at most MAX_WORKERS. */
export function workerCount(cores: number | undefined = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency): number {
  return Math.max(1, Math.min(MAX_WORKERS, Math.floor(cores ?? 1) || 1));
}

/**
 * Reads the files with `count` workers, each given a few files at a time and the next few
 * before it has finished them, and calls `onOutcome` as each is read (any order; `index` is
 * the file's in `files`). `signal` stops every worker: resolves false, and nothing is written.
 * The workers are ended when it settles.
 */
export async function readInWorkers(
  createWorker: () => WorkerLike,
  count: number,
  files: PoolFile[],
  options: { lang: Lang; limits?: Partial<XlsxLimits>; ruleSet?: RuleSet | null; onOutcome: (outcome: FileOutcome, index: number) => void; signal?: AbortSignal },
): Promise<boolean> {
  const workers: WorkerLike[] = [];
  let stopped = false;
  let next = 0;
  let fail!: (error: unknown) => void;
  const failed = new Promise<never>((_, reject) => (fail = reject));
  // One worker: batches sent up to IN_FLIGHT ahead; resolves once all it was given are done.
  const run = (worker: WorkerLike) =>
    new Promise<void>((resolve) => {
      // Rule set parts are numbered per worker.
      const parts = new PartReceiver();
      let held = 0;
      let first = true;
      const send = () => {
        while (held < IN_FLIGHT && next < files.length) {
          const from = next;
          next = Math.min(files.length, next + BATCH);
          held++;
          const batch = files.slice(from, next).map((f, k) => ({ index: from + k, name: f.name, file: f.file }));
          worker.postMessage({ type: 'start', files: batch, lang: options.lang, limits: options.limits, ...(first ? { reference: options.ruleSet ?? null } : {}) });
          first = false;
        }
        if (held === 0) resolve();
      };
      worker.onmessage = (e) => {
        if (stopped) return; // a message sent just before the worker was ended
        const m = e.data;
        if (m.type === 'outcome') options.onOutcome(parts.unpack(m.outcome), m.index);
        else {
          held--;
          send();
        }
      };
      send();
    });
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

/**
 * A worker's side: answers each request's files in order, one outcome per file, then `done`.
 * Requests that arrive while it reads wait their turn; each file's bytes are fetched while the
 * one before is read. A file the browser cannot read is that file's rejection, not the batch's.
 */
export function serveReads(post: (event: ConsolidateWorkerEvent) => void, reader: Pick<ReadUnitOptions, 'inflate' | 'decode' | 'raw' | 'crc32'>): (request: ConsolidateWorkerRequest) => void {
  type Job = { index: number; name: string; file: Blob; lang: Lang; limits?: Partial<XlsxLimits>; last: boolean; bytes?: Promise<Uint8Array | null> };
  const jobs: Job[] = [];
  const parts = new PartSender();
  let reference: RuleSet | null = null;
  let running = false;
  const fetch = (job: Job) =>
    (job.bytes ??= job.file.arrayBuffer().then(
      (b) => new Uint8Array(b),
      () => null,
    ));
  const run = async () => {
    running = true;
    for (let job = jobs.shift(); job; job = jobs.shift()) {
      const bytes = await fetch(job);
      if (jobs[0]) void fetch(jobs[0]);
      const outcome = bytes
        ? await readUnitFile(bytes, job.name, { ...reader, limits: job.limits, lang: job.lang, reference })
        : rejectedFile({ label: job.name, size: job.file.size }, t(job.lang, 'consolidate.reason.unreadable', { detail: t(job.lang, 'consolidate.reason.notReadable') }));
      post({ type: 'outcome', index: job.index, outcome: parts.pack(outcome) });
      if (job.last) post({ type: 'done' });
    }
    running = false;
  };
  return (request) => {
    const { files, lang, limits } = request;
    if ('reference' in request) reference = request.reference ?? null;
    files.forEach((f, k) => jobs.push({ ...f, lang, limits, last: k === files.length - 1 }));
    if (!running) void run();
  };
}
