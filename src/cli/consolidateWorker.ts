/** Worker-thread entry of the Node pool (consolidatePool.ts): one message in, one FileOutcome out (as JSON). */
import { parentPort } from 'node:worker_threads';
import { readUnitFromDisk, type PoolTask } from './consolidatePool';

parentPort?.on('message', (msg: { index: number; task: PoolTask }) => {
  // As JSON text: a string crosses threads as one copy, where structured clone walks the
  // record on both sides (≈ 2× the CPU of JSON.stringify + JSON.parse for these records).
  void readUnitFromDisk(msg.task).then((outcome) => parentPort!.postMessage({ index: msg.index, outcome: JSON.stringify(outcome) }));
});
