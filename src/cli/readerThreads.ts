/**
 * The consolidation's reading threads, started as early as the process can: a thread's
 * start-up (a Node isolate, then the reader's and the engine's modules, ≈ 0.15–0.2 s on 2
 * cores) then overlaps the main thread loading the command and listing the files. Kept apart
 * from the pool so that the process entry can start them without loading the reader itself.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';

const WORKER_SCRIPT = path.join(__dirname, 'consolidateWorker.js');

export function defaultThreads(): number {
  return Math.min(os.availableParallelism?.() ?? os.cpus().length, 8);
}

/**
 * Starts `threads` reading threads. None when there is no compiled worker script (tests run
 * the sources). The caller ends them (readFilesInPool does, once the batch is read).
 */
export function startReaders(threads = defaultThreads()): Worker[] {
  if (threads <= 0 || !fs.existsSync(WORKER_SCRIPT)) return [];
  return Array.from({ length: threads }, () => new Worker(WORKER_SCRIPT));
}

let early: Worker[] | null = null;

/** The process entry's call, before it loads the consolidate command. */
export function startReadersEarly(): void {
  early ??= startReaders();
}

/** The threads started early (once), else new ones. */
export function takeReaders(): Worker[] {
  const readers = early ?? startReaders();
  early = null;
  return readers;
}
