/** Worker-thread entry of the Node pool (consolidatePool.ts): one message in, one FileOutcome out (as JSON). */
import { parentPort } from 'node:worker_threads';
import { readTask, type PoolTask } from './consolidatePool';

parentPort?.on('message', (msg: { index: number; task: PoolTask }) => {
  void readTask(msg).then((answer) => parentPort!.postMessage(answer));
});
