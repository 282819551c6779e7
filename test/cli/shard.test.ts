// `referat lint --shard K/N`: N CI jobs lint every file exactly once, and each keeps its files when
// files are added.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseShard, shardOf } from '../../server/src/cli/shard';
import { removeScratch, root, run, scratch } from './lint-helpers';

const EXAMPLE = fs.readFileSync(path.join(root, 'examples/social-udvalget.referat.txt'), 'utf8');

/** A folder of `count` referater, each with one finding (the example's missing Indstilling), in two subfolders. */
function archive(count: number): string {
  const dir = scratch('referat-shard-');
  for (let i = 0; i < count; i++) writeReferat(dir, i);
  return dir;
}

function writeReferat(dir: string, i: number): string {
  const rel = path.join(i % 2 ? '2025' : '2026', `møde-${String(i).padStart(3, '0')}.referat.txt`);
  fs.mkdirSync(path.join(dir, path.dirname(rel)), { recursive: true });
  fs.writeFileSync(path.join(dir, rel), EXAMPLE);
  return rel.split(path.sep).join('/');
}

/** The files a shard linted: each has a finding, so each is in the JSON. */
function shardFiles(dir: string, shard: string): string[] {
  // One thread: starting workers would take longer than linting these few files.
  const res = run(['lint', '.', '--format', 'json', '--shard', shard], { cwd: dir, env: { REFERAT_WORKERS: '0' } });
  expect(res.status, res.stderr).toBe(0);
  return [...new Set((JSON.parse(res.stdout) as Array<{ file: string }>).map((f) => f.file.split(path.sep).join('/')))].sort();
}

afterAll(removeScratch);

describe('--shard K/N', () => {
  it('reads K/N with 1 ≤ K ≤ N, and nothing else', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseShard(' 1 / 1 ')).toEqual({ index: 1, count: 1 });
    for (const bad of ['0/3', '4/3', '1/0', '1', '1/2/3', 'a/b', '-1/2', '']) expect(parseShard(bad), bad).toBeNull();
  });

  it('splits the files by a hash of the relative path: the same on every machine and from any way of writing it', () => {
    expect(shardOf('2025/møde-001.referat.txt', 3, '/ci/checkout')).toBe(shardOf('/ci/checkout/2025/møde-001.referat.txt', 3, '/ci/checkout'));
    expect(shardOf('./2025/møde-001.referat.txt', 3, '/ci/checkout')).toBe(shardOf('2025/møde-001.referat.txt', 3, '/other/place'));
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 400; i++) counts[shardOf(`referater/${i}.referat.txt`, 4) - 1]++;
    // Roughly even: each slice within a third of its share.
    for (const n of counts) expect(Math.abs(n - 100)).toBeLessThan(34);
  });

  it('N jobs lint every file exactly once, and a new file moves no other', () => {
    const dir = archive(12);
    const all = shardFiles(dir, '1/1');
    expect(all).toHaveLength(12);
    const slices = [1, 2, 3].map((k) => shardFiles(dir, `${k}/3`));
    expect(slices.every((s) => s.length > 0)).toBe(true);
    expect(slices.flat().sort()).toEqual(all);

    for (let i = 12; i < 16; i++) writeReferat(dir, i);
    const after = [1, 2, 3].map((k) => shardFiles(dir, `${k}/3`));
    expect(after.flat()).toHaveLength(16);
    for (const [k, before] of slices.entries()) expect(after[k]).toEqual(expect.arrayContaining(before));
  });

  it('says what it takes when --shard is not K/N', () => {
    const res = run(['lint', 'examples', '--shard', '4/3']);
    expect(res.status).toBe(2);
    expect(res.stderr).toContain('--shard takes K/N with 1 ≤ K ≤ N');
    const da = run(['lint', 'examples', '--shard', 'x'], { env: { REFERAT_LANG: 'da' } });
    expect(da.stderr).toContain('--shard skal være K/N');
  });
});
