// `npm run bench -- --quick` end to end: it measures everything and writes a results file with
// every figure as a number and every target marked met or missed. Whether targets are met is the
// benchmark's business, not the tests': nothing here asserts a speed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectedFigureIds, problemsOf, targetOf, type Results } from '../../bench/src/results';
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

  it('fits the growth exponent on log time against log size', () => {
    const linear = [1, 10, 50, 200].map((x) => ({ x, y: 3 * x }));
    const quadratic = [1, 10, 50, 200].map((x) => ({ x, y: 0.5 * x * x }));
    expect(growthExponent(linear)).toBeCloseTo(1, 10);
    expect(growthExponent(quadratic)).toBeCloseTo(2, 10);
    expect(growthExponent([{ x: 1, y: 1 }])).toBeNaN();
  });
});

describe('npm run bench -- --quick', () => {
  it(
    'writes every figure as a number, with the targets marked',
    () => {
      for (const built of ['dist/server.js', 'dist/cli.js']) {
        if (!existsSync(path.join(ROOT, built))) throw new Error(`${built} is missing: run \`npm run build\` first (\`npm test\` does).`);
      }
      const file = path.join(out, 'results.json');
      // --no-build: the suite has built already, and rebuilding dist/ under the other tests' servers would break them.
      const run = spawnSync(process.execPath, ['bench/run.mjs', '--quick', '--no-build', '--out', file], { cwd: ROOT, encoding: 'utf8', timeout: 290_000 });
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
        expect.arrayContaining(['core.0.1MB.throughput', 'core.1MB.throughput', 'core.growthExponent', 'lsp.1MB.keystroke.p99', 'lsp.memory.rssMB', 'cli.speedupVsMarkdownlint', 'cli.timesFloor']),
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
    },
    300_000,
  );
});
