/** Messages between the pane and the consolidation Web Worker (src/workers/consolidate.worker.ts). */
import type { Lang } from '../../i18n';
import type { XlsxLimits } from '../../xlsx';
import type { FileOutcome } from './records';

export type ConsolidateWorkerRequest =
  | { type: 'start'; files: { name: string; bytes: ArrayBuffer }[]; lang: Lang; limits?: Partial<XlsxLimits> }
  | { type: 'cancel' };

export type ConsolidateWorkerEvent =
  | { type: 'outcome'; index: number; total: number; outcome: FileOutcome }
  | { type: 'done'; total: number }
  | { type: 'cancelled'; done: number };

/** What the pane needs from a worker (a DOM Worker fits; tests pass an in-process one). */
export interface WorkerLike {
  postMessage(message: ConsolidateWorkerRequest, transfer?: ArrayBuffer[]): void;
  onmessage: ((e: { data: ConsolidateWorkerEvent }) => void) | null;
  onerror: ((e: { message?: string }) => void) | null;
  terminate(): void;
}

export interface ReadProgress {
  done: number;
  total: number;
}

/**
 * Sends the files to a worker and collects every outcome in input order. `signal` cancels
 * between files (resolves with null: nothing is written).
 */
export function readInWorker(
  worker: WorkerLike,
  files: { name: string; bytes: ArrayBuffer }[],
  options: { lang: Lang; limits?: Partial<XlsxLimits>; onProgress?: (p: ReadProgress) => void; onOutcome?: (outcome: FileOutcome, index: number) => void; signal?: AbortSignal },
): Promise<FileOutcome[] | null> {
  return new Promise((resolve, reject) => {
    const outcomes: FileOutcome[] = new Array(files.length);
    let done = 0;
    worker.onmessage = (e) => {
      const m = e.data;
      if (m.type === 'outcome') {
        outcomes[m.index] = m.outcome;
        options.onOutcome?.(m.outcome, m.index);
        done++;
        options.onProgress?.({ done, total: m.total });
      } else if (m.type === 'done') resolve(outcomes);
      else resolve(null);
    };
    worker.onerror = (e) => reject(new Error(e.message || 'worker error'));
    options.signal?.addEventListener('abort', () => worker.postMessage({ type: 'cancel' }), { once: true });
    // Transferred, not copied: the pane does not keep the bytes.
    worker.postMessage({ type: 'start', files, lang: options.lang, limits: options.limits }, files.map((f) => f.bytes));
  });
}
