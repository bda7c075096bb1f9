/** Worker-thread entry of the Node pool (nodePool.ts): one message in, one FileOutcome out. */
import { parentPort } from 'node:worker_threads';
import { readUnitFromDisk, type PoolTask } from './nodePool';

parentPort?.on('message', (msg: { index: number; task: PoolTask }) => {
  void readUnitFromDisk(msg.task).then((outcome) => parentPort!.postMessage({ index: msg.index, outcome }));
});
