/** Worker-thread entry of the Node pool (consolidatePool.ts): one message in, one FileOutcome out (packed: poolParts.ts). */
import { parentPort } from 'node:worker_threads';
import { readTask, type PoolMessage } from './consolidatePool';
import { PartSender } from '../usecases/consolidate/poolParts';
import { keepFreedMemory } from './freedMemory';

keepFreedMemory();
const parts = new PartSender();
parentPort?.on('message', (msg: PoolMessage) => {
  void readTask(msg, parts).then((answer) => parentPort!.postMessage(answer));
});
