// The worker thread of `referat lint` (bundled as dist/cli-worker.js, apart from the CLI so that a
// thread starts without loading what only the main thread needs): lints each file it is sent and
// sends the result back.
import { parentPort } from 'node:worker_threads';
import { type LintTask, lintFileSafely } from './lintFile';

parentPort?.on('message', (message: { id: number; task: LintTask }) => {
  void lintFileSafely(message.task).then((result) => parentPort?.postMessage({ id: message.id, result }));
});
