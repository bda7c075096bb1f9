/**
 * Node only (CLI, benchmark): reads received files on a pool of worker threads, one per
 * core by default, and hands each FileOutcome back as soon as it is ready. Each worker opens
 * its own files, so the main thread never holds workbook bytes — only the small records —
 * and stays free to write the output.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { t, type Lang } from '../i18n';
import { DEFAULT_LIMITS, type XlsxLimits } from '../xlsx';
import { nodeCrc32, nodeDecode, nodeInflate, nodeRaw } from '../xlsx/inflateNode';
// Straight from readUnit: a reading thread loads the reader and the engine, not the output's layout.
import { readUnitFile, refuseBySize, rejectedFile } from '../usecases/consolidate/readUnit';
import type { FileOutcome, ReadFiles } from '../usecases/consolidate';
import { defaultThreads, startReaders } from './readerThreads';
import { readReason } from './files';
import { PartReceiver, PartSender, type PackedOutcome } from '../usecases/consolidate/poolParts';
import type { RuleSet } from '../domain/rules/ruleSet';

export interface PoolOptions {
  /** Worker threads; 0 reads on the calling thread. Default: one per core (at most 8). */
  threads?: number;
  limits?: Partial<XlsxLimits>;
  lang?: Lang;
  /** Shown in the file report instead of the path (default: path relative to cwd). */
  label?: (file: string) => string;
  /** Threads already started (readerThreads.ts): used instead of new ones, and ended with the batch. */
  readers?: Worker[];
  /** The body's reference rule set (`--rule-set`): what each unit is recomputed under (readUnit.ts), sent once per thread. */
  ruleSet?: RuleSet | null;
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
export async function readUnitFromDisk(task: PoolTask, reference: RuleSet | null = null): Promise<FileOutcome> {
  const max = task.limits.maxFileBytes ?? DEFAULT_LIMITS.maxFileBytes;
  const options = { inflate: nodeInflate, decode: nodeDecode, raw: nodeRaw, crc32: nodeCrc32, limits: task.limits, lang: task.lang, reference };
  try {
    const bytes = readBounded(task.file, max);
    if (typeof bytes === 'number') return refuseBySize({ label: task.label, size: bytes }, max, task.limits, task.lang)!;
    return await readUnitFile(bytes, task.label, options);
  } catch (e) {
    return rejectedFile({ label: task.label, size: 0 }, t(task.lang, 'consolidate.reason.unreadable', { detail: readReason(e, task.lang) }));
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

/**
 * Calls `onOutcome(outcome, index)` for every file, in completion order. Resolves when all
 * are done. Falls back to the calling thread when there is no thread to read on (no compiled
 * worker script: tests run the TypeScript sources).
 *
 * One message per file each way, a few in flight per thread. Tried on 2,000 workbooks: each
 * thread given the whole list once, taking files from a shared counter and posting outcomes
 * in batches — ≈ 6% more CPU (10 alternating pairs), from costlier young-generation
 * collections in the readers.
 */
export async function readFilesInPool(files: string[], options: PoolOptions, onOutcome: (outcome: FileOutcome, index: number) => void): Promise<void> {
  const lang = options.lang ?? 'vi';
  const limits = options.limits ?? {};
  const label = options.label ?? fileLabel;
  const tasks: PoolTask[] = files.map((file) => ({ file, label: label(file), limits, lang }));
  const readers = options.readers ?? startReaders(Math.min(options.threads ?? defaultThreads(), tasks.length));
  // More threads than files: the extra ones have nothing to read.
  for (const w of readers.slice(tasks.length)) void w.terminate();
  const pool = readers.slice(0, tasks.length);
  if (pool.length === 0) {
    for (let i = 0; i < tasks.length; i++) onOutcome(await readUnitFromDisk(tasks[i]!, options.ruleSet ?? null), i);
    return;
  }
  // A few tasks in flight per worker so none waits for the main thread between files.
  const inFlight = 4;
  let next = 0;
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
    const told = new Set<Worker>();
    const feed = (w: Worker) => {
      if (next < tasks.length) {
        const index = next++;
        // The reference with a thread's first file only: a rule set is ≈ 10 kB to copy.
        const reference = told.has(w) ? {} : { reference: options.ruleSet ?? null };
        told.add(w);
        w.postMessage({ index, task: tasks[index], ...reference } satisfies PoolMessage);
      }
    };
    for (const w of pool) {
      const parts = new PartReceiver();
      w.on('message', (msg: PoolOutcome) => {
        try {
          onOutcome(parts.unpack(msg), msg.index);
        } catch (e) {
          finish(e);
          return;
        }
        done++;
        if (done === tasks.length) finish();
        else feed(w);
      });
      w.on('error', finish);
      // A thread gone before the batch is read (killed, out of memory) would leave its files unread.
      w.on('exit', (code) => finish(new Error(`reading thread ended (${code}) with ${tasks.length - done} files unread`)));
      for (let j = 0; j < inFlight; j++) feed(w);
    }
  });
}

/** A reading thread's answer: the file's outcome, packed (poolParts.ts). */
export interface PoolOutcome extends PackedOutcome {
  index: number;
}

/** One file for a reading thread; its first one also carries the body's reference rule set. */
export interface PoolMessage {
  index: number;
  task: PoolTask;
  reference?: RuleSet | null;
}

/** The body's reference on this thread (each thread has its own copy of this module), from its first message. */
let threadReference: RuleSet | null = null;

/** A reading thread's work for one message (consolidateWorker.ts); `parts`: the thread's, kept from one message to the next. */
export async function readTask(msg: PoolMessage, parts: PartSender): Promise<PoolOutcome> {
  if ('reference' in msg) threadReference = msg.reference ?? null;
  return { index: msg.index, ...parts.pack(await readUnitFromDisk(msg.task, threadReference)) };
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
