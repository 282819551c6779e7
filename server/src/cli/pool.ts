// Linting many files on every core: worker threads (dist/cli-worker.js) read, parse and lint files
// while the main thread lints too. Every thread takes the next file from a counter they share, so
// no thread waits for the main thread to hand it work; results come back in the order of the tasks,
// whichever thread finishes first.
import fs from 'node:fs';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ReferatConfig } from '../config/types';
import { type FileResult, type LintTask, lintFileSafely } from './lintFile';

/** Files each thread should have at least, for a thread to be worth starting. */
const FILES_PER_THREAD = 4;

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
 * The tasks as every thread gets them, once: each configuration is sent once rather than with each
 * of its files.
 */
export interface LintJob {
  files: string[];
  explicit: boolean[];
  /** Index into `configs` for each file. */
  configIndex: number[];
  configs: ReferatConfig[];
  fix: boolean;
  /** The same for every task of a run: give the archive's record; lint (false: only read). */
  entry: boolean;
  lint: boolean;
  /** [0]: the next task to take, shared by every thread (Atomics). */
  next: Int32Array;
  /** The thread that took each task (0 the main thread, 1… the workers), to know what a dead worker left undone. */
  owner: Int32Array;
}

/** What a worker sends back: a result, or that it has taken its last task. */
export type WorkerMessage = { index: number; result: FileResult } | { done: true };

export function jobOf(tasks: readonly LintTask[]): LintJob {
  const configs: ReferatConfig[] = [];
  const indexOfConfig = new Map<ReferatConfig, number>();
  const configIndex = tasks.map((task) => {
    let index = indexOfConfig.get(task.config);
    if (index === undefined) {
      index = configs.push(task.config) - 1;
      indexOfConfig.set(task.config, index);
    }
    return index;
  });
  const shared = (length: number) => new Int32Array(new SharedArrayBuffer(length * Int32Array.BYTES_PER_ELEMENT));
  return {
    files: tasks.map((task) => task.file),
    explicit: tasks.map((task) => task.explicit),
    configIndex,
    configs,
    // The same for every task of a run.
    fix: tasks.some((task) => task.fix),
    entry: tasks.some((task) => task.entry),
    lint: tasks.some((task) => task.lint !== false),
    next: shared(1),
    owner: shared(tasks.length),
  };
}

/** Takes the next task for thread `thread`: its index, or -1 when none are left. */
export function takeTask(job: LintJob, thread: number): number {
  const index = Atomics.add(job.next, 0, 1);
  if (index >= job.files.length) return -1;
  Atomics.store(job.owner, index, thread);
  return index;
}

export function taskOf(job: LintJob, index: number): LintTask {
  return { file: job.files[index], explicit: job.explicit[index], config: job.configs[job.configIndex[index]], fix: job.fix, entry: job.entry, lint: job.lint };
}

/** Lets the main thread take in the results the workers have sent meanwhile. */
const yieldToEvents = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Worker threads running `script`, started before the files are known to be many enough (starting
 * one takes longer than finding the files and reading their configuration), then given the tasks.
 */
export class LintPool {
  private readonly workers: Worker[];

  constructor(count: number, script: string) {
    // Without the worker script, everything runs here.
    this.workers = count > 0 && fs.existsSync(script) ? Array.from({ length: count }, (_, i) => new Worker(script, { workerData: { thread: i + 1 } })) : [];
  }

  /** Stops the workers not needed (all of them when `count` is 0). */
  private keep(count: number): Worker[] {
    for (const worker of this.workers.splice(count)) void worker.terminate();
    return this.workers;
  }

  /**
   * Lints the tasks on at most `count` of the workers and on this thread. A task whose worker died
   * is reported as an internal error.
   */
  async run(tasks: readonly LintTask[], count: number): Promise<FileResult[]> {
    const workers = this.keep(Math.min(count, tasks.length));
    const results: Array<FileResult | undefined> = new Array(tasks.length);
    const job = jobOf(tasks);
    const internal = (index: number, detail: string): FileResult => ({ file: tasks[index].file, error: { code: 'internal', detail }, findings: [] });

    const runWorker = (worker: Worker, thread: number) =>
      new Promise<void>((resolve) => {
        let finished = false;
        const finish = () => {
          if (finished) return;
          finished = true;
          void worker.terminate();
          resolve();
        };
        worker.on('message', (message: WorkerMessage) => {
          if ('done' in message) finish();
          else results[message.index] = message.result;
        });
        const fail = (detail: string) => {
          if (finished) return;
          // Its tasks without a result; the other threads go on with the rest.
          for (let i = 0; i < tasks.length; i++) if (!results[i] && Atomics.load(job.owner, i) === thread && i < Atomics.load(job.next, 0)) results[i] = internal(i, detail);
          finish();
        };
        worker.on('error', (error) => fail(error?.stack ?? String(error)));
        worker.on('exit', (code) => fail(`worker thread exited with code ${code}`));
        worker.postMessage(job);
      });

    const runHere = async () => {
      for (let i = takeTask(job, 0); i >= 0; i = takeTask(job, 0)) {
        results[i] = lintFileSafely(taskOf(job, i));
        if (workers.length) await yieldToEvents();
      }
    };

    await Promise.all([...workers.map((worker, i) => runWorker(worker, i + 1)), runHere()]);
    return results.map((result, i) => result ?? internal(i, 'no result from a worker thread'));
  }

  /** Stops every worker (nothing to lint). */
  close(): void {
    this.keep(0);
  }
}
