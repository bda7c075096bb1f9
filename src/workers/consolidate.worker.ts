/**
 * Web Worker entry (webpack emits it as consolidate.worker.js): reads the few files it is given
 * with src/xlsx, off the pane's thread, one at a time, posting each file's outcome as progress
 * (readInWorkers runs several and ends them to stop). Nothing leaves this computer.
 */
import { readUnitFile } from '../usecases/consolidate/readUnit';
import { webInflate } from '../xlsx/inflateWeb';
import type { ConsolidateWorkerRequest, ConsolidateWorkerEvent } from '../usecases/consolidate/workerProtocol';

const scope = self as unknown as { onmessage: ((e: MessageEvent<ConsolidateWorkerRequest>) => void) | null; postMessage(m: ConsolidateWorkerEvent): void };

scope.onmessage = (e) => {
  void (async () => {
    const { files, lang, limits } = e.data;
    for (let i = 0; i < files.length; i++) {
      const f = files[i]!;
      const outcome = await readUnitFile(new Uint8Array(f.bytes), f.name, { inflate: webInflate, limits, lang });
      // The bytes are not needed any more: let them go before the next file.
      files[i] = { name: f.name, bytes: new ArrayBuffer(0) };
      scope.postMessage({ type: 'outcome', index: i, total: files.length, outcome });
    }
    scope.postMessage({ type: 'done', total: files.length });
  })();
};
