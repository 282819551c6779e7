// `npm run bench -- --quick` end to end: it measures everything and writes a results file with
// every figure as a number and every target marked met or missed. Whether targets are met is the
// benchmark's business, not the tests': nothing here asserts a speed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectedFigureIds, problemsOf, targetOf, type Results } from '../../bench/src/results';
import { runCore } from '../../bench/src/core';
import { sample } from '../../bench/src/lsp';
import { growthExponent, percentile } from '../../bench/src/stats';

const ROOT = path.resolve(__dirname, '../..');
const out = mkdtempSync(path.join(tmpdir(), 'referat-bench-'));

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('bench statistics', () => {
  it('takes nearest-rank percentiles', () => {
    const samples = Array.from({ length: 40 }, (_, i) => 40 - i);
    expect(percentile(samples, 50)).toBe(20);
    expect(percentile(samples, 99)).toBe(40);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });

  it('warms up before timing, and numbers every request in order', async () => {
    const made: number[] = [];
    const timed = await sample({ iterations: 5, minIterations: 5, budgetMs: 0, warmup: 3, warmupMs: 0 }, async (i) => {
      made.push(i);
      return 10 * i;
    });
    expect(made).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(timed.warmupSamples).toEqual([0, 10, 20]);
    expect(timed.warmupRuns).toBe(3);
    expect(timed.warmupMs).toBe(0);
    expect(timed.samples).toEqual([30, 40, 50, 60, 70]);
    expect(timed.p50).toBe(50);
  });

  it('warms up for at least the time asked', async () => {
    const started = performance.now();
    const timed = await sample({ iterations: 2, minIterations: 2, budgetMs: 0, warmup: 1, warmupMs: 50 }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      return 1;
    });
    // Two timed requests of 5 ms take far less than the 50 ms of warm-up.
    expect(performance.now() - started).toBeGreaterThanOrEqual(50);
    expect(timed.samples).toHaveLength(2);
  });

  it('times reader + rules in passes over the files, each with its share of the runs', () => {
    const seeds = path.join(ROOT, 'test/fixtures/seeds');
    const files = readdirSync(seeds)
      .filter((f) => f.endsWith('.txt'))
      .slice(0, 2)
      .map((f) => path.join(seeds, f));
    const config = path.join(ROOT, 'test/fixtures/membership/referat.config.json');
    const results = runCore({ files, config, warmup: 1, warmupBudgetMs: 0, runs: 6, minRuns: 6, budgetMs: 0, passes: 3 });
    expect(results.map((r) => r.file)).toEqual(files.map((f) => path.basename(f)));
    for (const r of results) {
      expect(r.passes).toBe(3);
      expect(r.passMedianMs).toHaveLength(3);
      // Each pass makes its share (2 of 6); with no time budget, no more.
      expect(r.runs).toBe(6);
      expect(r.passMedianMs.every((ms) => ms > 0)).toBe(true);
      expect(Number.isInteger(r.pageFaultsMedian * 2) && r.pageFaultsMedian >= 0, `page faults ${r.pageFaultsMedian}`).toBe(true);
      expect(r.medianMs).toBeGreaterThanOrEqual(Math.min(...r.passMedianMs));
      expect(r.medianMs).toBeLessThanOrEqual(Math.max(...r.passMedianMs));
    }
  });

  it('fits the growth exponent on log time against log size', () => {
    const linear = [1, 10, 50, 200].map((x) => ({ x, y: 3 * x }));
    const quadratic = [1, 10, 50, 200].map((x) => ({ x, y: 0.5 * x * x }));
    expect(growthExponent(linear)).toBeCloseTo(1, 10);
    expect(growthExponent(quadratic)).toBeCloseTo(2, 10);
    expect(growthExponent([{ x: 1, y: 1 }])).toBeNaN();
  });
});

describe('npm run bench -- --quick', () => {
  it('writes every figure as a number, with the targets marked', () => {
    for (const built of ['dist/server.js', 'dist/cli.js']) {
      if (!existsSync(path.join(ROOT, built))) throw new Error(`${built} is missing: run \`npm run build\` first (\`npm test\` does).`);
    }
    const file = path.join(out, 'results.json');
    // --no-build: the suite has built already, and rebuilding dist/ under the other tests' servers would break them;
    // --no-profile: the profiles of missed targets are `npm run bench`'s, and would double the time.
    const run = spawnSync(process.execPath, ['bench/run.mjs', '--quick', '--no-build', '--no-profile', '--out', file], { cwd: ROOT, encoding: 'utf8', timeout: 290_000 });
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);

    const results = JSON.parse(readFileSync(file, 'utf8')) as Results;
    expect(results.mode).toBe('quick');
    expect(problemsOf(results)).toEqual([]);
    expect(results.cores).toBeGreaterThanOrEqual(1);
    expect(results.node).toBe(process.version);

    const ids = results.figures.map((f) => f.id);
    expect(ids).toEqual(expect.arrayContaining(expectedFigureIds('quick')));
    const targeted = results.figures.filter((f) => targetOf(f.id));
    expect(targeted.map((f) => f.id)).toEqual(
      expect.arrayContaining([
        'core.0.1MB.throughput',
        'core.1MB.throughput',
        'lsp.seed.keystroke.p99',
        'lsp.seed.documentSymbol.p99',
        'lsp.1MB.keystroke.p99',
        'lsp.1MB.documentSymbol.p99',
        'lsp.index.rssMB',
        'lsp.memory.rssMB',
        'cli.speedupVsMarkdownlint',
        'cli.timesFloor',
      ]),
    );
    for (const f of targeted) expect(typeof f.met, f.id).toBe('boolean');
    // Each missed target has its line in the output, and the table is printed.
    for (const m of results.missed) expect(run.stdout).toContain(`MISSED ${m.id}`);
    expect(run.stdout).toMatch(/\d+ of \d+ targets met/);
    // The data is the reduced set.
    const figure = (id: string) => results.figures.find((f) => f.id === id)!.value;
    expect(figure('cli.archive.files')).toBe(200);
    expect(figure('lsp.memory.documents')).toBe(100);
    expect(figure('core.1MB.bytes')).toBeGreaterThanOrEqual(1_000_000);
    expect(figure('lsp.seed.bytes')).toBeGreaterThan(100_000);
    expect(figure('lsp.index.files')).toBeGreaterThan(0);
  }, 300_000);
});
