// `referat lint` on the archive against markdownlint-cli2 on the same files and against a floor:
// a plain Node pass that only reads the files and splits their lines, on as many threads as
// `referat lint` uses (the main thread and one worker less than the cores). Each is timed as the
// wall time of a process of its own, started the same way.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { REPO_ROOT } from './generate';

export const CLI_PATH = path.join(REPO_ROOT, 'dist/cli.js');
export const MARKDOWNLINT_BIN = path.join(REPO_ROOT, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs');

export interface Timed {
  /** Every run's wall time, ms. */
  runs: number[];
  bestMs: number;
  exitCode: number | null;
}

/** Runs a command (stdout to /dev/null, as `> /dev/null`) and times it from spawn to exit. */
export function wallTime(args: string[], options: { cwd?: string; okCodes?: number[] } = {}): Promise<{ ms: number; code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { cwd: options.cwd ?? REPO_ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      if (stderr.length < 4000) stderr += String(chunk);
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      const ms = performance.now() - t0;
      if (options.okCodes && !options.okCodes.includes(code ?? -1)) reject(new Error(`${args.join(' ')} exited with ${code}:\n${stderr}`));
      else resolve({ ms, code, stderr });
    });
  });
}

export async function timeRuns(count: number, args: string[], options: { cwd?: string; okCodes?: number[] } = {}): Promise<Timed> {
  const runs: number[] = [];
  let exitCode: number | null = null;
  for (let i = 0; i < count; i++) {
    const r = await wallTime(args, options);
    runs.push(r.ms);
    exitCode = r.code;
  }
  return { runs, bestMs: Math.min(...runs), exitCode };
}

/** `referat lint DIR --format json > /dev/null` (exit 1 means findings, which the archive has). */
export function referatArgs(dir: string, nodeFlags: string[] = []): string[] {
  return [...nodeFlags, CLI_PATH, 'lint', dir, '--format', 'json'];
}

/** markdownlint-cli2 with its default rules on every `.md` of a folder (run in that folder, so no config of the project applies). */
export function markdownlintArgs(): string[] {
  return [MARKDOWNLINT_BIN, '*.md'];
}

// ---- the floor ---------------------------------------------------------------------------------

interface FloorTask {
  files: string[];
}

/** Reads the files and splits their lines; returns the line count. */
function readAndSplit(files: readonly string[]): number {
  let lines = 0;
  for (const file of files) lines += fs.readFileSync(file, 'utf8').split(/\r\n|\r|\n/).length;
  return lines;
}

/**
 * `floor DIR`: lists the folder, gives each thread every n-th `.txt` file (the main thread one
 * share, `cores - 1` workers the rest, as `referat lint` does) and prints the line count.
 */
export async function floorMain(argv: string[]): Promise<void> {
  const dir = argv[0];
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => path.join(dir, f));
  const threads = Math.max(1, os.availableParallelism());
  const shares = Array.from({ length: threads }, (_, t) => files.filter((_, i) => i % threads === t));
  const workers = shares.slice(1).map(
    (share) =>
      new Promise<number>((resolve, reject) => {
        const worker = new Worker(__filename, { workerData: { files: share } satisfies FloorTask, argv: ['floor-worker'] });
        worker.once('message', (n: number) => resolve(n));
        worker.once('error', reject);
      }),
  );
  const own = readAndSplit(shares[0]);
  const counts = await Promise.all(workers);
  process.stdout.write(`${own + counts.reduce((a, b) => a + b, 0)}\n`);
}

/** The worker side of the floor (the bundle starts itself as a worker). */
export function floorWorker(): void {
  if (isMainThread || !parentPort) return;
  parentPort.postMessage(readAndSplit((workerData as FloorTask).files));
}

// ---- builds compared ---------------------------------------------------------------------------

/**
 * `compare RUNS DIST...`: `referat lint` of each build (a folder with its cli.js and cli-worker.js,
 * such as another worktree's dist/) on the archive of the last full run, and the floor, taken in
 * turn RUNS times; prints the best and the median wall time of each. This machine's speed changes
 * from minute to minute: runs taken in turn compare builds under the same load.
 */
export async function compareMain(argv: string[]): Promise<void> {
  const [count, ...dists] = argv;
  const runs = Number(count);
  const archive = path.join(REPO_ROOT, 'bench/.data/archive');
  if (!Number.isInteger(runs) || runs < 1 || dists.length === 0 || !fs.existsSync(archive)) {
    throw new Error('usage: bench.cjs compare RUNS DIST... (after `npm run bench`, which makes bench/.data/archive)');
  }
  const commands = [
    ...dists.map((dist) => ({ name: `referat lint, ${dist}`, args: [path.resolve(dist, 'cli.js'), 'lint', archive, '--format', 'json'] })),
    { name: 'floor', args: [process.argv[1], 'floor', archive] },
  ];
  const times = commands.map(() => [] as number[]);
  for (let i = 0; i < runs; i++) {
    for (const [k, command] of commands.entries()) times[k].push((await wallTime(command.args, { okCodes: [0, 1] })).ms);
  }
  for (const [k, command] of commands.entries()) {
    const sorted = [...times[k]].sort((a, b) => a - b);
    const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    process.stdout.write(`${command.name.padEnd(48)} best ${s(sorted[0])}   median ${s(sorted[Math.floor(sorted.length / 2)])}\n`);
  }
}
