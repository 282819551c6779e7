// Reader + rules on one thread: for each file, warm-up runs, then timed runs, in passes over all
// the files; the median run counts (the best is reported too). Runs in a child process of its own
// (`bench.cjs core ...`) and prints JSON on stdout.
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseConfig } from '../../server/src/config/load';
import { readReferat } from '../../server/src/reader';
import { lint } from '../../server/src/rules';
import { pageFaults } from './machine';
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
  /**
   * The timed runs of every file are made in this many passes over the files, each with its share
   * of the runs and of the time: a slow spell of the machine then falls on every size alike rather
   * than on the one being timed, which would bend the growth exponent.
   */
  passes: number;
}

export interface CoreFileResult {
  file: string;
  bytes: number;
  warmupRuns: number;
  runs: number;
  passes: number;
  /** The median run of each pass, in order. */
  passMedianMs: number[];
  /** Reader + all rules, best run. */
  bestMs: number;
  medianMs: number;
  /** The reader alone and the rules alone (on the model read), best and median runs. */
  readerBestMs: number;
  rulesBestMs: number;
  readerMedianMs: number;
  rulesMedianMs: number;
  /**
   * Page faults of the median run, reader + rules: the pages of fresh memory it writes, where the
   * heap grows for a model kept past V8's young generation, or for what V8 chose to allocate old.
   */
  pageFaultsMedian: number;
  findings: number;
}

/** The shortest warm-up and the shortest timed phase per document, in ms. */
const MIN_PHASE_MS = 1000;

export function runCore(options: CoreOptions): CoreFileResult[] {
  const loaded = parseConfig(fs.readFileSync(options.config, 'utf8'), options.config);
  if (loaded.problems.length) throw new Error(`${options.config}: ${loaded.problems[0].message.en}`);
  const config = loaded.config;
  const timed = options.files.map((file) => {
    const text = fs.readFileSync(file, 'utf8');
    return {
      file,
      text,
      bytes: Buffer.byteLength(text),
      findings: 0,
      warmupRuns: 0,
      times: [] as number[],
      readerTimes: [] as number[],
      rulesTimes: [] as number[],
      faults: [] as number[],
      passMedians: [] as number[],
      spentMs: 0,
    };
  });
  // The last warm-up run of the file before, to tell whether this one's warm-up fits its budget.
  let previous: { ms: number; bytes: number } | undefined;
  for (const t of timed) {
    const estimate = previous ? (previous.ms * t.bytes) / previous.bytes : 0;
    const warmStart = performance.now();
    let lastMs = 0;
    // Warm-up until the optimising compiler has seen the code: at least `warmup` runs and, for a
    // small document, at least MIN_PHASE_MS (three runs of 0.1 MB take a few ms, too few for it).
    const warm = () => t.warmupRuns < options.warmup || performance.now() - warmStart < MIN_PHASE_MS;
    while (warm() && estimate <= options.warmupBudgetMs && (t.warmupRuns === 0 || performance.now() - warmStart < options.warmupBudgetMs)) {
      const t0 = performance.now();
      t.findings = lint(readReferat(t.text), t.text, { config }).length;
      lastMs = performance.now() - t0;
      t.warmupRuns++;
    }
    if (t.warmupRuns > 0) previous = { ms: lastMs, bytes: t.bytes };
  }
  const passes = Math.max(1, options.passes);
  for (let pass = 1; pass <= passes; pass++) {
    for (const t of timed) {
      // This pass's share: at least runs/passes runs (minRuns/passes within the budget) and MIN_PHASE_MS/passes of them.
      const runs = Math.ceil((options.runs * pass) / passes);
      const minRuns = Math.ceil((options.minRuns * pass) / passes);
      const phaseMs = (MIN_PHASE_MS * pass) / passes;
      const budgetMs = (options.budgetMs * pass) / passes;
      const first = t.times.length;
      const more = () => t.times.length < runs || t.spentMs < phaseMs;
      while (more() && (t.times.length < minRuns || t.spentMs < budgetMs)) timeOne(t);
      t.passMedians.push(median(t.times.slice(first)));
    }
  }
  return timed.map((t) => ({
    file: path.basename(t.file),
    bytes: t.bytes,
    warmupRuns: t.warmupRuns,
    runs: t.times.length,
    passes,
    passMedianMs: t.passMedians,
    bestMs: Math.min(...t.times),
    medianMs: median(t.times),
    readerBestMs: Math.min(...t.readerTimes),
    rulesBestMs: Math.min(...t.rulesTimes),
    readerMedianMs: median(t.readerTimes),
    rulesMedianMs: median(t.rulesTimes),
    pageFaultsMedian: median(t.faults),
    findings: t.findings,
  }));

  function timeOne(t: (typeof timed)[number]): void {
    const faults = pageFaults();
    const t0 = performance.now();
    const doc = readReferat(t.text);
    const t1 = performance.now();
    t.findings = lint(doc, t.text, { config }).length;
    const t2 = performance.now();
    t.faults.push(pageFaults() - faults);
    t.times.push(t2 - t0);
    t.readerTimes.push(t1 - t0);
    t.rulesTimes.push(t2 - t1);
    t.spentMs += t2 - t0;
  }
}

/** `core --config F --warmup N --runs N --budget MS --min-runs N --passes N file...` */
export function coreMain(argv: string[]): void {
  const options: CoreOptions = { files: [], config: '', warmup: 2, warmupBudgetMs: 10_000, runs: 10, budgetMs: 20_000, minRuns: 3, passes: 1 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--config') options.config = argv[++i];
    else if (arg === '--warmup') options.warmup = Number(argv[++i]);
    else if (arg === '--warmup-budget') options.warmupBudgetMs = Number(argv[++i]);
    else if (arg === '--runs') options.runs = Number(argv[++i]);
    else if (arg === '--budget') options.budgetMs = Number(argv[++i]);
    else if (arg === '--min-runs') options.minRuns = Number(argv[++i]);
    else if (arg === '--passes') options.passes = Number(argv[++i]);
    else options.files.push(arg);
  }
  process.stdout.write(JSON.stringify(runCore(options)));
}
