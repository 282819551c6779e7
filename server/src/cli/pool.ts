// Linting many files on every core: worker threads (dist/cli-worker.js) read, parse and lint the
// files they are handed while the main thread lints too. Results come back in the order of the
// tasks, whichever thread finishes first.
import fs from 'node:fs';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { type FileResult, type LintTask, lintFileSafely } from './lintFile';

/** Files each thread should have at least, for a thread to be worth starting. */
const FILES_PER_THREAD = 4;
/** Tasks sent ahead to a worker, so that it never waits while the main thread is busy linting. */
const AHEAD = 2;

/**
 * How many worker threads beside the main thread: none for up to 8 files or on one core (starting
 * a thread costs more than it saves), else one less than the cores. REFERAT_WORKERS=N decides
 * instead (0: none).
 */
export function workerCount(files: number, env: NodeJS.ProcessEnv = process.env, cores = os.availableParallelism()): number {
  const forced = env.REFERAT_WORKERS?.trim();
  if (forced && /^\d+$/.test(forced)) return Math.min(Number(forced), files);
  if (files <= 8 || cores <= 1) return 0;
  return Math.max(1, Math.min(cores - 1, Math.floor(files / FILES_PER_THREAD) - 1));
}

/**
 * Lints the tasks on `count` worker threads running `script` and on this thread. A task whose
 * worker died is reported as an internal error. Without the worker script, everything runs here.
 */
export async function lintInWorkers(tasks: readonly LintTask[], count: number, script: string): Promise<FileResult[]> {
  const results: Array<FileResult | undefined> = new Array(tasks.length);
  let next = 0;
  const take = () => (next < tasks.length ? next++ : -1);

  const runWorker = () =>
    new Promise<void>((resolve) => {
      const inFlight = new Set<number>();
      let done = false;
      const worker = new Worker(script);
      const finish = () => {
        if (done) return;
        done = true;
        void worker.terminate().finally(resolve);
      };
      const feed = () => {
        while (inFlight.size < AHEAD) {
          const i = take();
          if (i < 0) break;
          inFlight.add(i);
          worker.postMessage({ id: i, task: tasks[i] });
        }
        if (!inFlight.size) finish();
      };
      worker.on('message', (message: { id: number; result: FileResult }) => {
        results[message.id] = message.result;
        inFlight.delete(message.id);
        feed();
      });
      const fail = (detail: string) => {
        for (const i of inFlight) results[i] ??= { file: tasks[i].file, error: { code: 'internal', detail }, findings: [] };
        inFlight.clear();
        finish();
      };
      worker.on('error', (error) => fail(error?.stack ?? String(error)));
      worker.on('exit', (code) => fail(`worker thread exited with code ${code}`));
      feed();
    });

  const runHere = async () => {
    for (let i = take(); i >= 0; i = take()) results[i] = await lintFileSafely(tasks[i]);
  };

  const workers = fs.existsSync(script) ? Array.from({ length: Math.min(count, tasks.length) }, runWorker) : [];
  await Promise.all([...workers, runHere()]);
  return results as FileResult[];
}
