/**
 * Web Worker entry (webpack emits it as consolidate.worker.js): reads the files the officer
 * picked with src/xlsx, off the pane's thread, one at a time, posting each file's outcome as
 * progress. A "cancel" message stops it between files. Nothing leaves this computer.
 */
import { readUnitFile } from '../usecases/consolidate/readUnit';
import { webInflate } from '../xlsx/inflateWeb';
import type { ConsolidateWorkerRequest, ConsolidateWorkerEvent } from '../usecases/consolidate/workerProtocol';

const scope = self as unknown as { onmessage: ((e: MessageEvent<ConsolidateWorkerRequest>) => void) | null; postMessage(m: ConsolidateWorkerEvent): void };
let cancelled = false;

scope.onmessage = (e) => {
  const msg = e.data;
  if (msg.type === 'cancel') {
    cancelled = true;
    return;
  }
  cancelled = false;
  void (async () => {
    const { files, lang, limits } = msg;
    for (let i = 0; i < files.length; i++) {
      if (cancelled) {
        scope.postMessage({ type: 'cancelled', done: i });
        return;
      }
      const f = files[i]!;
      const outcome = await readUnitFile(new Uint8Array(f.bytes), f.name, { inflate: webInflate, limits, lang });
      // The bytes are not needed any more: let them go before the next file.
      files[i] = { name: f.name, bytes: new ArrayBuffer(0) };
      scope.postMessage({ type: 'outcome', index: i, total: files.length, outcome });
    }
    scope.postMessage({ type: 'done', total: files.length });
  })();
};
