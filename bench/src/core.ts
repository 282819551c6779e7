// Reader + rules on one thread: for each file, warm-up runs, then timed runs; the best run counts.
// Runs in a child process of its own (`bench.cjs core ...`) and prints JSON on stdout.
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseConfig } from '../../server/src/config/load';
import { readReferat } from '../../server/src/reader';
import { lint } from '../../server/src/rules';
import { median } from './stats';

export interface CoreOptions {
  files: string[];
  config: string;
  /** Warm-up runs for the first file; later files get them only while a run is estimated under `warmupBudgetMs` (the process is warm by then). */
  warmup: number;
  warmupBudgetMs: number;
  runs: number;
  /** Stop timing a file after this long (at least `minRuns` runs are made). */
  budgetMs: number;
  minRuns: number;
}

export interface CoreFileResult {
  file: string;
  bytes: number;
  warmupRuns: number;
  runs: number;
  /** Reader + all rules, best run. */
  bestMs: number;
  medianMs: number;
  /** The reader alone and the rules alone (on the model read), best and median runs. */
  readerBestMs: number;
  rulesBestMs: number;
  readerMedianMs: number;
  rulesMedianMs: number;
  findings: number;
}

/** The shortest warm-up and the shortest timed phase per document, in ms. */
const MIN_PHASE_MS = 1000;

export function runCore(options: CoreOptions): CoreFileResult[] {
  const loaded = parseConfig(fs.readFileSync(options.config, 'utf8'), options.config);
  if (loaded.problems.length) throw new Error(`${options.config}: ${loaded.problems[0].message.en}`);
  const config = loaded.config;
  const results: CoreFileResult[] = [];
  for (const file of options.files) {
    const text = fs.readFileSync(file, 'utf8');
    const bytes = Buffer.byteLength(text);
    let findings = 0;
    const previous = results.at(-1);
    const estimate = previous ? (previous.bestMs * bytes) / previous.bytes : 0;
    let warmupRuns = 0;
    const warmStart = performance.now();
    // Warm-up until the optimising compiler has seen the code: at least `warmup` runs and, for a
    // small document, at least MIN_PHASE_MS (three runs of 0.1 MB take a few ms, too few for it).
    const warm = () => warmupRuns < options.warmup || performance.now() - warmStart < MIN_PHASE_MS;
    while (warm() && estimate <= options.warmupBudgetMs && (warmupRuns === 0 || performance.now() - warmStart < options.warmupBudgetMs)) {
      findings = lint(readReferat(text), text, { config }).length;
      warmupRuns++;
    }
    const times: number[] = [];
    const readerTimes: number[] = [];
    const rulesTimes: number[] = [];
    const start = performance.now();
    // At least `runs` runs and MIN_PHASE_MS of them (a best of ten 0.4 ms runs is mostly timer noise), within the budget.
    const more = () => times.length < options.runs || performance.now() - start < MIN_PHASE_MS;
    while (more() && (times.length < options.minRuns || performance.now() - start < options.budgetMs)) {
      const t0 = performance.now();
      const doc = readReferat(text);
      const t1 = performance.now();
      findings = lint(doc, text, { config }).length;
      const t2 = performance.now();
      times.push(t2 - t0);
      readerTimes.push(t1 - t0);
      rulesTimes.push(t2 - t1);
    }
    results.push({
      file: path.basename(file),
      bytes,
      warmupRuns,
      runs: times.length,
      bestMs: Math.min(...times),
      medianMs: median(times),
      readerBestMs: Math.min(...readerTimes),
      rulesBestMs: Math.min(...rulesTimes),
      readerMedianMs: median(readerTimes),
      rulesMedianMs: median(rulesTimes),
      findings,
    });
  }
  return results;
}

/** `core --config F --warmup N --runs N --budget MS --min-runs N file...` */
export function coreMain(argv: string[]): void {
  const options: CoreOptions = { files: [], config: '', warmup: 2, warmupBudgetMs: 10_000, runs: 10, budgetMs: 20_000, minRuns: 3 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--config') options.config = argv[++i];
    else if (arg === '--warmup') options.warmup = Number(argv[++i]);
    else if (arg === '--warmup-budget') options.warmupBudgetMs = Number(argv[++i]);
    else if (arg === '--runs') options.runs = Number(argv[++i]);
    else if (arg === '--budget') options.budgetMs = Number(argv[++i]);
    else if (arg === '--min-runs') options.minRuns = Number(argv[++i]);
    else options.files.push(arg);
  }
  process.stdout.write(JSON.stringify(runCore(options)));
}
