/**
 * Web Worker entry (webpack emits it as consolidate.worker.js): reads the files it is given
 * with src/xlsx, off the pane's thread, one at a time, posting each file's outcome as progress
 * (workerProtocol.ts: readInWorkers runs several and ends them to stop). Nothing leaves this computer.
 */
import { serveReads, type ConsolidateWorkerRequest, type ConsolidateWorkerEvent } from '../usecases/consolidate/workerProtocol';
import { webInflate } from '../xlsx/inflateWeb';

const scope = self as unknown as { onmessage: ((e: MessageEvent<ConsolidateWorkerRequest>) => void) | null; postMessage(m: ConsolidateWorkerEvent): void };

const serve = serveReads((m) => scope.postMessage(m), { inflate: webInflate });
scope.onmessage = (e) => serve(e.data);
