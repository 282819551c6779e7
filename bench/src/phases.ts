// `bench.cjs phases FILE... [--drop]`: the reader's three phases per MB (the line table, the
// structure, the punkter's bodies), the files taken in turn for ten rounds after two untimed ones,
// the objects of each file's model per MB (those of its ranges apart), the page faults of a whole
// read per MB, and what a first touch of a page of memory costs on this machine.
// With --drop each punkt is let go as soon as it is read, which shows what keeping the model costs.
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { itemEnd, readReferat, readStructure } from '../../server/src/reader';
import { readItem } from '../../server/src/reader/items';
import { LineTable } from '../../server/src/reader/lines';
import { pageFaults, pageWrites } from './machine';
import { median } from './stats';

const ROUNDS = 12;
const UNTIMED_ROUNDS = 2;
/** About this many MB are read per file and round (at least once). */
const MB_PER_ROUND = 4;

export function phasesMain(argv: string[]): void {
  const drop = argv.includes('--drop');
  const files = argv.filter((a) => !a.startsWith('--'));
  if (files.length === 0) throw new Error('usage: bench.cjs phases FILE... [--drop]');
  const texts = files.map((file) => fs.readFileSync(file, 'utf8'));
  const times = texts.map(() => ({ table: [] as number[], structure: [] as number[], punkter: [] as number[], faults: [] as number[] }));
  for (let round = 0; round < ROUNDS; round++) {
    texts.forEach((text, k) => {
      const repeats = Math.min(40, Math.max(1, Math.round(MB_PER_ROUND / (text.length / 1e6))));
      for (let r = 0; r < repeats; r++) {
        const faults = pageFaults();
        const t0 = performance.now();
        const lines = new LineTable(text);
        const t1 = performance.now();
        const s = readStructure(lines);
        const t2 = performance.now();
        // Kept, the punkter live until the phase ends, as the reader keeps them for the model.
        if (drop) for (const [i, h] of s.heads.entries()) readItem(s.context, h, itemEnd(lines, h, s.stops[i]));
        else s.heads.map((h, i) => readItem(s.context, h, itemEnd(lines, h, s.stops[i])));
        const t3 = performance.now();
        if (round < UNTIMED_ROUNDS) continue;
        times[k].faults.push(pageFaults() - faults);
        times[k].table.push(t1 - t0);
        times[k].structure.push(t2 - t1);
        times[k].punkter.push(t3 - t2);
      }
    });
  }
  texts.forEach((text, k) => {
    const mb = Buffer.byteLength(text) / 1e6;
    const perMb = (xs: number[]) => `${(median(xs) / mb).toFixed(2)} ms/MB`;
    const objects = modelObjects(readReferat(text));
    process.stdout.write(
      `${path.basename(files[k]).padEnd(32)} table ${perMb(times[k].table)}  structure ${perMb(times[k].structure)}  punkter ${perMb(times[k].punkter)}  ` +
        `model ${Math.round(objects.all / mb)} objects/MB (positions ${Math.round(objects.positions / mb)}, ranges ${Math.round(objects.ranges / mb)})  ` +
        `${Math.round(median(times[k].faults) / mb)} page faults/MB\n`,
    );
  });
  const touch = pageWrites();
  process.stdout.write(`a page of memory (4 KiB) written first: ${touch.first.toFixed(2)} µs; written again: ${touch.again.toFixed(3)} µs\n`);
}

/** The objects a model holds (arrays included, strings not), and how many are positions and ranges. */
function modelObjects(model: object): { all: number; positions: number; ranges: number } {
  const seen = new Set<object>();
  let positions = 0;
  let ranges = 0;
  const stack: unknown[] = [model];
  while (stack.length) {
    const value = stack.pop();
    if (value === null || typeof value !== 'object' || seen.has(value)) continue;
    seen.add(value);
    const keys = Object.keys(value);
    if (keys.length === 2 && 'line' in value && 'character' in value) positions++;
    else if (keys.length === 2 && 'start' in value && 'end' in value) ranges++;
    for (const key of keys) stack.push((value as Record<string, unknown>)[key]);
  }
  return { all: seen.size, positions, ranges };
}
