/** Worker-thread entry of the Node pool (consolidatePool.ts): one job in, outcomes out in batches until no file is left. */
import { parentPort } from 'node:worker_threads';
import { readClaimed, type PoolJob } from './consolidatePool';

// `on`, not `once`: the listening port keeps the thread alive once its share is read, so that
// an 'exit' before the batch is done always means a thread lost (the pool ends them all).
parentPort?.on('message', (job: PoolJob) => {
  void readClaimed(job, (batch) => parentPort!.postMessage(batch));
});
