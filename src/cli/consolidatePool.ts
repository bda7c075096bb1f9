/**
 * Node only (CLI, benchmark): reads received files on a pool of worker threads, one per
 * core by default, and hands the FileOutcomes back in small batches. Each thread is given
 * the whole list once and takes the next file from a shared counter, so no thread waits on
 * the main thread between files, and each opens its own files: the main thread never holds
 * workbook bytes — only the small records — and stays free to write the output.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { t, type Lang } from '../i18n';
import { DEFAULT_LIMITS, type XlsxLimits } from '../xlsx';
import { nodeCrc32, nodeDecode, nodeInflate, nodeRaw } from '../xlsx/inflateNode';
// Straight from readUnit: a reading thread loads the reader and the engine, not the output's layout.
import { readUnitFile, refuseBySize, rejectedFile } from '../usecases/consolidate/readUnit';
import type { FileOutcome, ReadFiles } from '../usecases/consolidate';

export interface PoolOptions {
  /** Worker threads; 0 reads on the calling thread. Default: one per core (at most 8). */
  threads?: number;
  limits?: Partial<XlsxLimits>;
  lang?: Lang;
  /** Shown in the file report instead of the path (default: path relative to cwd). */
  label?: (file: string) => string;
  /** Threads already started (startReaders): used instead of new ones, and ended with the batch. */
  readers?: Worker[];
}

const WORKER_SCRIPT = path.join(__dirname, 'consolidateWorker.js');

function defaultThreads(): number {
  return Math.min(os.availableParallelism?.() ?? os.cpus().length, 8);
}

/**
 * Starts the reading threads ahead of the batch, so that their start-up (a Node isolate,
 * then the reader and the engine's modules) overlaps the main thread listing the files and
 * opening the output. None when there is no compiled worker script (tests run the sources).
 * The caller ends them (readFilesInPool does, once the batch is read).
 */
export function startReaders(threads = defaultThreads()): Worker[] {
  if (threads <= 0 || !fs.existsSync(WORKER_SCRIPT)) return [];
  return Array.from({ length: threads }, () => new Worker(WORKER_SCRIPT));
}

export interface PoolTask {
  file: string;
  label: string;
  limits: Partial<XlsxLimits>;
  lang: Lang;
}

/**
 * Reads one file from disk; one grown past the limit since it was listed is refused from its
 * size, never read. Synchronous I/O on purpose: it runs on a worker thread, and the promise
 * API costs ~10% of a worker's time in a 2,000-file run (open, stat, read, close each a task).
 */
export async function readUnitFromDisk(task: PoolTask): Promise<FileOutcome> {
  const max = task.limits.maxFileBytes ?? DEFAULT_LIMITS.maxFileBytes;
  const options = { inflate: nodeInflate, decode: nodeDecode, raw: nodeRaw, crc32: nodeCrc32, limits: task.limits, lang: task.lang };
  try {
    const bytes = readBounded(task.file, max);
    if (typeof bytes === 'number') return refuseBySize({ label: task.label, size: bytes }, max, task.limits, task.lang)!;
    return await readUnitFile(bytes, task.label, options);
  } catch (e) {
    return rejectedFile({ label: task.label, size: 0 }, t(task.lang, 'consolidate.reason.unreadable', { detail: (e as NodeJS.ErrnoException).code ?? String(e) }));
  }
}

/** The file's bytes, or its size when it is over `max` (then nothing is read). */
function readBounded(file: string, max: number): Buffer | number {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    if (size > max) return size;
    const bytes = Buffer.allocUnsafe(size);
    let at = 0;
    while (at < size) {
      const n = fs.readSync(fd, bytes, at, size - at, at);
      if (n === 0) break; // shrunk since fstat: what is there is read
      at += n;
    }
    return at === size ? bytes : bytes.subarray(0, at);
  } finally {
    fs.closeSync(fd);
  }
}

/** How the file report names a file: its path relative to where the command runs. */
export function fileLabel(file: string): string {
  return path.relative(process.cwd(), file) || file;
}

/** What each reading thread is given, once: the batch, and the counter it takes files from. */
export interface PoolJob {
  files: string[];
  labels: string[];
  limits: Partial<XlsxLimits>;
  lang: Lang;
  /** Over a SharedArrayBuffer: [0] is the index of the next file to take. */
  next: Int32Array;
}

/** Outcomes posted together: `outcomes` is a JSON array, one per index. */
export interface PoolBatch {
  indices: number[];
  outcomes: string;
}

/**
 * Outcomes per message: fewer wake-ups of the main thread, whose rows are still drawn long
 * before the last file. (1, 4 and 16 measured alike in CPU on 2,000 workbooks.)
 */
const BATCH = 8;

/** A reading thread's work: files taken from the shared counter until none is left, outcomes posted in batches. */
export async function readClaimed(job: PoolJob, post: (batch: PoolBatch) => void): Promise<void> {
  const total = job.files.length;
  let indices: number[] = [];
  let parts: string[] = [];
  const flush = () => {
    if (indices.length === 0) return;
    // As JSON text: a string crosses threads as one copy, where structured clone walks the
    // records on both sides (≈ 2× the CPU of JSON.stringify + JSON.parse for these records).
    post({ indices, outcomes: `[${parts.join(',')}]` });
    indices = [];
    parts = [];
  };
  for (;;) {
    const index = Atomics.add(job.next, 0, 1);
    if (index >= total) break;
    const outcome = await readUnitFromDisk({ file: job.files[index]!, label: job.labels[index]!, limits: job.limits, lang: job.lang });
    indices.push(index);
    parts.push(JSON.stringify(outcome));
    // Once every file is taken, each outcome goes at once: the last ones wait for no batch.
    if (indices.length >= BATCH || Atomics.load(job.next, 0) >= total) flush();
  }
  flush();
}

/**
 * Calls `onOutcome(outcome, index)` for every file, in completion order. Resolves when all
 * are done. Falls back to the calling thread when there is no thread to read on (no compiled
 * worker script: tests run the TypeScript sources).
 */
export async function readFilesInPool(files: string[], options: PoolOptions, onOutcome: (outcome: FileOutcome, index: number) => void): Promise<void> {
  const lang = options.lang ?? 'vi';
  const limits = options.limits ?? {};
  const label = options.label ?? fileLabel;
  const readers = options.readers ?? startReaders(Math.min(options.threads ?? defaultThreads(), files.length));
  // More threads than files: the extra ones have nothing to read.
  for (const w of readers.slice(files.length)) void w.terminate();
  const pool = readers.slice(0, files.length);
  if (pool.length === 0) {
    for (let i = 0; i < files.length; i++) onOutcome(await readUnitFromDisk({ file: files[i]!, label: label(files[i]!), limits, lang }), i);
    return;
  }
  const job: PoolJob = { files, labels: files.map(label), limits, lang, next: new Int32Array(new SharedArrayBuffer(4)) };
  let done = 0;
  let settled = false;
  await new Promise<void>((resolve, reject) => {
    const finish = (err?: unknown) => {
      if (settled) return;
      settled = true;
      for (const w of pool) void w.terminate();
      if (err) reject(err);
      else resolve();
    };
    for (const w of pool) {
      w.on('message', (batch: PoolBatch) => {
        try {
          const outcomes = JSON.parse(batch.outcomes) as FileOutcome[];
          for (let k = 0; k < batch.indices.length; k++) onOutcome(outcomes[k]!, batch.indices[k]!);
        } catch (e) {
          finish(e);
          return;
        }
        done += batch.indices.length;
        if (done === files.length) finish();
      });
      w.on('error', finish);
      // A thread gone before the batch is read (killed, out of memory) would leave its files unread.
      w.on('exit', (code) => finish(new Error(`reading thread ended (${code}) with ${files.length - done} files unread`)));
      w.postMessage(job);
    }
  });
}

/**
 * Starts reading `files[i]` for every i of `indices` now, on the threads already started
 * (`options.readers`), before the output is opened, and returns the ReadFiles that
 * consolidateFiles calls later with the same indices: what was read in between is handed
 * over first, the rest as it comes. Without threads the files are read only when asked.
 */
export function readAhead(files: string[], indices: number[], options: PoolOptions): ReadFiles {
  if (!options.readers?.length) {
    return async (asked, onOutcome) => {
      await readFilesInPool(
        asked.map((i) => files[i]!),
        options,
        (outcome, k) => onOutcome(outcome, asked[k]!),
      );
      return true;
    };
  }
  const early: { outcome: FileOutcome; index: number }[] = [];
  let sink: ((outcome: FileOutcome, index: number) => void) | null = null;
  const reading = readFilesInPool(
    indices.map((i) => files[i]!),
    options,
    (outcome, k) => {
      const index = indices[k]!;
      if (sink) sink(outcome, index);
      else early.push({ outcome, index });
    },
  );
  // Awaited by the ReadFiles below; until then a failure must not count as unhandled.
  reading.catch(() => undefined);
  return async (asked, onOutcome) => {
    if (asked.length !== indices.length || asked.some((i, k) => i !== indices[k])) throw new Error('the files asked for are not the files being read');
    for (const e of early) onOutcome(e.outcome, e.index);
    early.length = 0;
    sink = onOutcome;
    await reading;
    return true;
  };
}
