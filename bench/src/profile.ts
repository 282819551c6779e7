// Reads V8 CPU profiles (`node --cpu-prof`) and heap profiles (`node --heap-prof`): time (or
// memory) by function, with bundled positions mapped back to the TypeScript sources through the
// bundle's source map, so that a hotspot reads `server/src/rules/x.ts:123 checkFoo`.
import fs from 'node:fs';
import { SourceMap } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT } from './generate';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

interface CpuProfile {
  startTime: number;
  nodes: { id: number; callFrame: CallFrame; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

interface HeapNode {
  callFrame: CallFrame;
  selfSize: number;
  children: HeapNode[];
}

export interface Hotspot {
  /** `file:line function`, the file relative to the project when it is in it. */
  where: string;
  /** Share of the profile's time (or retained sampled memory), 0..1. */
  share: number;
  /** Milliseconds (CPU) or bytes (heap). */
  amount: number;
}

export interface ProfileSummary {
  /** Total sampled time in ms (CPU) or bytes (heap). */
  total: number;
  /** Where the time is spent in the function itself. */
  self: Hotspot[];
  /** Where the time is spent in the function or what it calls (each function counted once per sample); project sources only. */
  inclusive: Hotspot[];
  /** Self time by source file; regular expressions and built-ins count for the file that called them. */
  files: Hotspot[];
}

/** A project source (not the benchmark, not Node's internals, not a dependency). */
export const isProjectFrame = (where: string) => where.startsWith('server/src/') || where.startsWith('client/src/');
const fileOf = (where: string) => where.replace(/:\d+ .*$/, '');

const maps = new Map<string, SourceMap | null>();

function sourceMapOf(file: string): SourceMap | null {
  if (maps.has(file)) return maps.get(file)!;
  let map: SourceMap | null = null;
  try {
    map = new SourceMap(JSON.parse(fs.readFileSync(`${file}.map`, 'utf8')));
  } catch {
    map = null;
  }
  maps.set(file, map);
  return map;
}

/** `file:line name` of a call frame, through the source map when the file has one. */
export function frameName(frame: CallFrame): string {
  const name = frame.functionName || '(anonymous)';
  if (!frame.url) return name;
  let file = frame.url;
  try {
    if (file.startsWith('file:')) file = fileURLToPath(file);
  } catch {
    // keep the URL
  }
  let line = frame.lineNumber + 1;
  if (path.isAbsolute(file) && frame.lineNumber >= 0) {
    const entry = sourceMapOf(file)?.findEntry(frame.lineNumber, frame.columnNumber) as { originalSource?: string; originalLine?: number } | undefined;
    if (entry?.originalSource) {
      let source = entry.originalSource;
      try {
        if (source.startsWith('file:')) source = fileURLToPath(source);
      } catch {
        // keep it
      }
      file = path.resolve(path.dirname(file), source);
      line = (entry.originalLine ?? 0) + 1;
    }
  }
  const shown = path.isAbsolute(file) ? path.relative(REPO_ROOT, file) : file;
  return `${shown.startsWith('..') ? file : shown}:${line} ${name}`;
}

const IDLE = new Set(['(idle)', '(program)', '(garbage collector)', '(root)']);

function top(map: Map<string, number>, total: number, count: number): Hotspot[] {
  return [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([where, amount]) => ({ where, amount, share: total ? amount / total : 0 }));
}

/**
 * Time by function over one or more CPU profiles (all threads of a run, say). Idle time is left
 * out; GC is kept. With `window` (microseconds of the monotonic clock, as `process.hrtime` gives
 * and V8 stamps samples with), only the samples taken in it count.
 */
export function summarizeCpuProfiles(files: string[], count = 12, window?: { fromUs: number; toUs: number }): ProfileSummary {
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const byFile = new Map<string, number>();
  let total = 0;
  for (const file of files) {
    const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
    const names = new Map<number, string>();
    const nameOf = (id: number) => {
      let name = names.get(id);
      if (name === undefined) names.set(id, (name = frameName(byId.get(id)!.callFrame)));
      return name;
    };
    let stamp = profile.startTime;
    for (let i = 0; i < profile.samples.length; i++) {
      stamp += profile.timeDeltas[i] ?? 0;
      if (window && (stamp < window.fromUs || stamp > window.toUs)) continue;
      const id = profile.samples[i];
      const ms = (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0) / 1000;
      const fn = byId.get(id)!.callFrame.functionName;
      if (fn === '(idle)' || fn === '(program)') continue;
      total += ms;
      const own = nameOf(id);
      self.set(own, (self.get(own) ?? 0) + ms);
      const seen = new Set<string>();
      let file: string | undefined;
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
        if (IDLE.has(byId.get(at)!.callFrame.functionName)) continue;
        const name = nameOf(at);
        if (file === undefined && byId.get(at)!.callFrame.url) file = fileOf(name);
        if (seen.has(name) || !isProjectFrame(name)) continue;
        seen.add(name);
        inclusive.set(name, (inclusive.get(name) ?? 0) + ms);
      }
      file ??= own;
      byFile.set(file, (byFile.get(file) ?? 0) + ms);
    }
  }
  return { total, self: top(self, total, count), inclusive: top(inclusive, total, count), files: top(byFile, total, count) };
}

/** Sampled live memory by allocating function (`node --heap-prof`), and by function with what it calls. */
export function summarizeHeapProfiles(files: string[], count = 12): ProfileSummary {
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const byFile = new Map<string, number>();
  let total = 0;
  const walk = (node: HeapNode, stack: string[], file: string | undefined) => {
    const name = frameName(node.callFrame);
    const here = IDLE.has(node.callFrame.functionName) || !isProjectFrame(name) ? stack : [...stack, name];
    const inFile = node.callFrame.url ? fileOf(name) : file;
    if (node.selfSize) {
      total += node.selfSize;
      self.set(name, (self.get(name) ?? 0) + node.selfSize);
      for (const fn of new Set(here)) inclusive.set(fn, (inclusive.get(fn) ?? 0) + node.selfSize);
      const key = inFile ?? name;
      byFile.set(key, (byFile.get(key) ?? 0) + node.selfSize);
    }
    for (const child of node.children ?? []) walk(child, here, inFile);
  };
  for (const file of files) walk((JSON.parse(fs.readFileSync(file, 'utf8')) as { head: HeapNode }).head, [], undefined);
  return { total, self: top(self, total, count), inclusive: top(inclusive, total, count), files: top(byFile, total, count) };
}

/** Now on the clock V8 stamps profile samples with, in microseconds. */
export function monotonicUs(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

/** Profile files of one kind written into a folder. */
export function profilesIn(dir: string, ext: '.cpuprofile' | '.heapprofile'): string[] {
  try {
    return fs
      .readdirSync(dir)
      .filter((f) => f.endsWith(ext))
      .map((f) => path.join(dir, f));
  } catch {
    return [];
  }
}
