// The worker thread of `referat lint` (bundled as dist/cli-worker.js, apart from the CLI so that a
// thread starts without loading what only the main thread needs): takes the next file from the
// counter the threads share, lints it and sends the result back, until no file is left.
import { parentPort, workerData } from 'node:worker_threads';
import { lintFileSafely } from './lintFile';
import { type LintJob, type WorkerMessage, takeTask, taskOf } from './pool';

/** This thread's number in the job's `owner` list, from the pool. */
const THREAD = Number((workerData as { thread?: number } | null)?.thread ?? 1);

parentPort?.once('message', (job: LintJob) => {
  const port = parentPort;
  if (!port) return;
  for (let i = takeTask(job, THREAD); i >= 0; i = takeTask(job, THREAD)) {
    port.postMessage({ index: i, result: lintFileSafely(taskOf(job, i)) } satisfies WorkerMessage);
  }
  port.postMessage({ done: true } satisfies WorkerMessage);
});
