// `npm run fuzz`: runs mutated documents (the seeds, and the real minutes of ../shared/corpus/greve
// where it is) through the reader, every rule and every fix, the formatter and the preview, on
// every core, and reports crashes (a broken promise counts as one: a range outside the text, a fix
// outside its edits, formatting that is not idempotent or loses a word), hangs and slow cases
// (the tool over 100 ms per 100 KB, the checks not counted), saving each such input for replay
// (`npm run fuzz -- --replay FILE`).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { parseConfig } from '../../server/src/config/load';
import { mutate, random } from './mutate';
import { exercise } from './target';

/** The project folder, from the source (test/fuzz) or the bundle (test/.cache/fuzz). */
function projectRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}
const root = projectRoot();
const seedsDir = path.join(root, 'test/fixtures/seeds');
/** Read in place, never copied into the project. */
const corpusDir = path.resolve(root, '../shared/corpus/greve');
const membersFile = path.join(root, 'test/fixtures/membership/referat.config.json');
const HANG_MS = 10_000;
const SLOW_MS_PER_100KB = 100;

export interface FuzzOptions {
  cases: number;
  seed: number;
  out: string;
  workers?: number;
}

export interface FuzzReport {
  cases: number;
  crashes: { case: number; file: string; error: string }[];
  hangs: { case: number; file: string }[];
  slow: { case: number; file: string; ms: number; bytes: number }[];
  seconds: number;
  maxMsPer100KB: number;
}

/** The documents cases are made from: the seeds, and the corpus where it is (empty where not). */
export interface Bases {
  seeds: string[];
  corpus: string[];
}

const textsIn = (dir: string) =>
  fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));

function loadBases(): Bases {
  return { seeds: textsIn(seedsDir), corpus: fs.existsSync(corpusDir) ? textsIn(corpusDir) : [] };
}

/** The document of case `n`: the same for the same seed and bases, on any machine. Half from the seeds, half from the corpus. */
export function caseText(bases: Bases, seed: number, n: number): string {
  const r = random(seed * 1_000_003 + n);
  const from = bases.corpus.length && r() < 0.5 ? bases.corpus : bases.seeds;
  return mutate(from[Math.floor(r() * from.length)], r);
}

type Message = { kind: 'start'; n: number } | { kind: 'done'; n: number; ms: number; bytes: number } | { kind: 'crash'; n: number; error: string } | { kind: 'end' };

function workerLoop(): void {
  const { seed, from, to, step } = workerData as { seed: number; from: number; to: number; step: number };
  const bases = loadBases();
  const config = parseConfig(fs.readFileSync(membersFile, 'utf8')).config;
  const post = (m: Message) => parentPort!.postMessage(m);
  for (let n = from; n < to; n += step) {
    const text = caseText(bases, seed, n);
    post({ kind: 'start', n });
    try {
      const ms = exercise(text, n % 2 ? config : {});
      post({ kind: 'done', n, ms, bytes: Buffer.byteLength(text) });
    } catch (error) {
      post({ kind: 'crash', n, error: (error as Error)?.stack ?? String(error) });
    }
  }
  post({ kind: 'end' });
}

export async function fuzz(options: FuzzOptions, log: (line: string) => void = () => {}): Promise<FuzzReport> {
  const started = performance.now();
  const bases = loadBases();
  const report: FuzzReport = { cases: 0, crashes: [], hangs: [], slow: [], seconds: 0, maxMsPer100KB: 0 };
  fs.mkdirSync(options.out, { recursive: true });
  const save = (kind: string, n: number, extra = '') => {
    const file = path.join(options.out, `${kind}-seed${options.seed}-case${n}.txt`);
    fs.writeFileSync(file, caseText(bases, options.seed, n));
    if (extra) fs.writeFileSync(file + '.error', extra);
    return path.relative(root, file);
  };
  const count = options.workers ?? Math.max(1, Math.min(os.availableParallelism?.() ?? os.cpus().length, 8));
  // Each worker takes every count-th case; a hung worker is replaced from the case after the hang.
  const runLane = (lane: number, from: number): Promise<void> =>
    new Promise((resolve) => {
      const worker = new Worker(__filename, { workerData: { seed: options.seed, from, to: options.cases, step: count } });
      let current = -1;
      let since = performance.now();
      const timer = setInterval(() => {
        if (current >= 0 && performance.now() - since > HANG_MS) {
          clearInterval(timer);
          report.hangs.push({ case: current, file: save('hang', current) });
          report.cases++;
          void worker.terminate();
          resolve(runLane(lane, current + count));
        }
      }, 250);
      worker.on('message', (m: Message) => {
        if (m.kind === 'start') {
          current = m.n;
          since = performance.now();
        } else if (m.kind === 'done') {
          report.cases++;
          const per100KB = m.ms / Math.max(m.bytes / 100_000, 1);
          report.maxMsPer100KB = Math.max(report.maxMsPer100KB, per100KB);
          if (per100KB > SLOW_MS_PER_100KB) report.slow.push({ case: m.n, file: save('slow', m.n), ms: Math.round(m.ms), bytes: m.bytes });
          if (report.cases % 10_000 === 0) log(`${report.cases} cases, ${report.crashes.length} crashes, ${report.hangs.length} hangs, ${report.slow.length} slow`);
          current = -1;
        } else if (m.kind === 'crash') {
          report.cases++;
          report.crashes.push({ case: m.n, file: save('crash', m.n, m.error), error: m.error.split('\n')[0] });
          current = -1;
        } else {
          clearInterval(timer);
          resolve();
        }
      });
      worker.on('error', (error) => {
        clearInterval(timer);
        report.crashes.push({ case: current, file: save('crash', current, String(error)), error: String(error) });
        resolve(current >= 0 ? runLane(lane, current + count) : undefined);
      });
    });
  await Promise.all(Array.from({ length: count }, (_, lane) => runLane(lane, lane)));
  report.seconds = (performance.now() - started) / 1000;
  return report;
}

async function cli(): Promise<void> {
  const args = process.argv.slice(2);
  const value = (name: string, fallback: number) => {
    const i = args.indexOf(name);
    return i >= 0 ? Number(args[i + 1]) : fallback;
  };
  const replay = args.indexOf('--replay');
  if (replay >= 0) {
    const file = args[replay + 1];
    const text = fs.readFileSync(file, 'utf8');
    const config = parseConfig(fs.readFileSync(membersFile, 'utf8')).config;
    for (const c of [{}, config]) console.log(`${file}: ok in ${Math.round(exercise(text, c))} ms`);
    return;
  }
  const options: FuzzOptions = { cases: value('--cases', 100_000), seed: value('--seed', Date.now() % 1_000_000), out: path.join(root, 'fuzz-out') };
  const { seeds, corpus } = loadBases();
  console.log(`fuzz: ${options.cases} cases, seed ${options.seed}, on ${os.availableParallelism?.() ?? os.cpus().length} cores`);
  console.log(
    corpus.length
      ? `fuzz: mutating ${seeds.length} seeds and ${corpus.length} documents of ${path.relative(root, corpusDir)} (half the cases each)`
      : `fuzz: mutating ${seeds.length} seeds only: no corpus at ${corpusDir}`,
  );
  const report = await fuzz(options, (line) => console.log(`  ${line}`));
  for (const c of report.crashes) console.log(`CRASH case ${c.case}: ${c.error}\n  input: ${c.file}`);
  for (const h of report.hangs) console.log(`HANG case ${h.case} (over ${HANG_MS / 1000} s)\n  input: ${h.file}`);
  for (const s of report.slow) console.log(`SLOW case ${s.case}: ${s.ms} ms for ${s.bytes} bytes\n  input: ${s.file}`);
  console.log(
    `fuzz: ${report.cases} cases in ${report.seconds.toFixed(1)} s: ${report.crashes.length} crashes, ${report.hangs.length} hangs, ${report.slow.length} slow (worst ${report.maxMsPer100KB.toFixed(1)} ms per 100 KB; limit ${SLOW_MS_PER_100KB})`,
  );
  process.exitCode = report.crashes.length || report.hangs.length ? 1 : 0;
}

if (!isMainThread) workerLoop();
else if (require.main === module) void cli();
