/** Worker-thread entry of the Node pool (consolidatePool.ts): one message in, one FileOutcome out. */
import { parentPort } from 'node:worker_threads';
import { readUnitFromDisk, type PoolTask } from './consolidatePool';

parentPort?.on('message', (msg: { index: number; task: PoolTask }) => {
  void readUnitFromDisk(msg.task).then((outcome) => parentPort!.postMessage({ index: msg.index, outcome }));
});
