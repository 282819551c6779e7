// A fixed-seed slice of `npm run fuzz`, run through the same bundled fuzzer, on every core: small,
// for npm test stays fast on CI's two cores (the whole run is `npm run fuzz`, 100,000 cases).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasCorpus } from '../helpers/corpus';

const root = path.resolve(__dirname, '../..');

describe('fuzz slice', () => {
  it(`runs 1,500 mutated seeds and corpus minutes through the reader, every rule and fix, the formatter: no crash, no hang, no broken promise${hasCorpus ? '' : ' (seeds only: no corpus beside the project)'}`, () => {
    const res = spawnSync(process.execPath, ['scripts/fuzz.mjs', '--cases', '1500', '--seed', '20261123'], { cwd: root, encoding: 'utf8', timeout: 300_000 });
    const summary = res.stdout.split('\n').find((l) => /^fuzz: \d+ cases in/.test(l));
    expect(summary, res.stdout + res.stderr).toBeDefined();
    expect(summary).toMatch(/^fuzz: 1500 cases in [\d.]+ s: 0 crashes, 0 hangs/);
    expect(res.stdout).toContain(hasCorpus ? 'fuzz: mutating 5 seeds and 369 documents of ../shared/corpus/greve' : 'fuzz: mutating 5 seeds only: no corpus at');
    expect(res.status).toBe(0);
  });

  it('replays a saved input', () => {
    const dir = path.join(root, 'test/.cache');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'replay-case.txt');
    fs.writeFileSync(file, 'REFERAT X d. 31-02-2020\n\nPunkt 1: \ud800\n\nBeslutning\n\nFor stemte: 5 (A)\n');
    const res = spawnSync(process.execPath, ['scripts/fuzz.mjs', '--replay', file], { cwd: root, encoding: 'utf8' });
    expect(res.status).toBe(0);
    expect(res.stdout).toMatch(/replay-case\.txt: ok in \d+ ms/);
  });
});
