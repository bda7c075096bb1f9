/**
 * The real worker side of the pane's consolidation (serveReads) in-process, as readInWorkers sees it
 * through a Web Worker: its events copied (through JSON, as structured clone copies them: nothing of
 * the worker's objects is shared), and silent once ended by terminate().
 */
import { serveReads, type ConsolidateWorkerEvent, type WorkerLike } from '../../src/usecases/consolidate/workerProtocol';
import { nodeDecode, nodeInflate } from '../../src/xlsx/inflateNode';

export function servingWorker(): WorkerLike {
  let ended = false;
  const w: WorkerLike = {
    onmessage: null,
    onerror: null,
    terminate: () => {
      ended = true;
    },
    postMessage: (msg) => serve(msg),
  };
  const serve = serveReads((data) => {
    if (!ended) w.onmessage?.({ data: JSON.parse(JSON.stringify(data)) as ConsolidateWorkerEvent });
  }, { inflate: nodeInflate, decode: nodeDecode });
  return w;
}
