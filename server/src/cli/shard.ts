// `referat lint --shard K/N`: one of N slices of the files, for an archive linted by N CI jobs.
// A file's slice comes from a hash of its path, so the N slices hold every file exactly once, and a
// file added or removed moves no other file to another slice.
import { createHash } from 'node:crypto';
import path from 'node:path';

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** `2/4` → { index: 2, count: 4 }; null when it is not K/N with 1 ≤ K ≤ N. */
export function parseShard(text: string): Shard | null {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!match) return null;
  const index = Number(match[1]);
  const count = Number(match[2]);
  return index >= 1 && count >= 1 && index <= count ? { index, count } : null;
}

/** The slice (1-based) a file falls in: by its path relative to the working folder, with `/` separators. */
export function shardOf(file: string, count: number, cwd: string = process.cwd()): number {
  const relative = path.relative(cwd, path.resolve(cwd, file)).split(path.sep).join('/');
  return (createHash('sha1').update(relative).digest().readUInt32BE(0) % count) + 1;
}

export function inShard(file: string, shard: Shard, cwd?: string): boolean {
  return shardOf(file, shard.count, cwd) === shard.index;
}
