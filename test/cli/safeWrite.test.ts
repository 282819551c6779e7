// `referat lint --fix` writes a file whole or not at all: for random documents (mutated seeds and
// real minutes of the corpus) and a file system that fails at a random byte or call, the file is
// afterwards either the original or the complete fixed text, never anything else.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type LintTask, lintFile } from '../../server/src/cli/lintFile';
import { parseConfig } from '../../server/src/config/load';
import { writeFileSafely } from '../../server/src/host/io';
import { mutate, random } from '../fuzz/mutate';
import { CORPUS_SKIP, greveFiles, hasCorpus } from '../helpers/corpus';
import { fixtures, seedFiles, seedsDir } from '../helpers/golden';
import { type Failure, FakeFs } from './fakeFs';

const FILE = '/minutes/referat.referat.txt';
const MODE = 0o100640;
const config = parseConfig(fs.readFileSync(path.join(fixtures, 'membership/referat.config.json'), 'utf8')).config;
const task: LintTask = { file: FILE, explicit: true, config, fix: true };
const seeds = seedFiles.map((f) => fs.readFileSync(path.join(seedsDir, f), 'utf8'));

/** The fixed bytes, from a file system that never fails. */
function fixedBytes(original: Buffer): Buffer {
  const clean = new FakeFs();
  clean.add(FILE, original, MODE);
  // A mutation may put a NUL in (a binary file, not linted): then nothing is to be written.
  expect(lintFile(task, clean).error?.code ?? 'binary').toBe('binary');
  return clean.files.get(FILE)!.bytes;
}

const failure: fc.Arbitrary<(length: number) => Failure> = fc.oneof(
  fc
    .record({
      at: fc.double({ min: 0, max: 1.05, noNaN: true }),
      code: fc.constantFrom('ENOSPC', 'EFBIG', 'EIO'),
      chunk: fc.option(fc.integer({ min: 1, max: 70_000 }), { nil: undefined }),
    })
    .map(({ at, code, chunk }) => (length: number) => ({ bytesLeft: Math.floor(at * length), code, chunk })),
  fc
    .record({
      call: fc.constantFrom('openSync', 'writeSync', 'fsyncSync', 'fchmodSync', 'fchownSync', 'closeSync', 'renameSync', 'unlinkSync'),
      nth: fc.integer({ min: 1, max: 3 }),
      code: fc.constantFrom('EIO', 'EPERM', 'EACCES', 'ENOSPC'),
    })
    .map((f) => () => f as Failure),
);

function checkWrite(original: Buffer, makeFailure: (length: number) => Failure): void {
  const fixed = fixedBytes(original);
  const chosen = makeFailure(fixed.length);
  const disk = new FakeFs(chosen);
  disk.add(FILE, original, MODE);
  const result = lintFile(task, disk);
  const after = disk.files.get(FILE)?.bytes;
  expect(after, 'the file is gone').toBeDefined();
  const isOriginal = after!.equals(original);
  const isFixed = after!.equals(fixed);
  expect(isOriginal || isFixed, `the file is neither the original nor the fixed text (${after!.length} bytes; ${original.length} / ${fixed.length})`).toBe(true);
  if (!fixed.equals(original)) {
    // What it says is what happened.
    if (isFixed) expect(result.fixed).toBeDefined();
    // (a failing open or close may strike the read, before anything is written)
    else expect(['unwritable', 'unreadable']).toContain(result.error?.code);
  }
  if (isFixed) expect(disk.files.get(FILE)!.mode).toBe(MODE);
  // Its temporary file is gone, unless removing it was what failed.
  if (chosen.call !== 'unlinkSync') expect([...disk.files.keys()]).toEqual([FILE]);
}

const mutatedSeed = fc.record({ base: fc.nat({ max: seeds.length - 1 }), seed: fc.integer() }).map(({ base, seed }) => mutate(seeds[base], random(seed)));

describe('--fix writes whole or not at all', () => {
  it('mutated seeds, a file system failing at a random byte or call: the original or the fixed text', () => {
    fc.assert(
      fc.property(mutatedSeed, failure, (text, makeFailure) => checkWrite(Buffer.from(text, 'utf8'), makeFailure)),
      { numRuns: 150 },
    );
  });

  it(`real minutes of the corpus, mutated, failing at random${CORPUS_SKIP}`, { skip: !hasCorpus }, () => {
    const document = fc.record({ file: fc.constantFrom(...greveFiles), seed: fc.integer(), mutated: fc.boolean() }).map(({ file, seed, mutated }) => {
      const text = fs.readFileSync(file, 'utf8');
      return mutated ? mutate(text, random(seed)) : text;
    });
    fc.assert(
      fc.property(document, failure, (text, makeFailure) => checkWrite(Buffer.from(text, 'utf8'), makeFailure)),
      { numRuns: 100 },
    );
  });

  it('seed 000 with a file size limit of 125 blocks (128,000 bytes): the original, every byte', () => {
    const original = fs.readFileSync(path.join(seedsDir, seedFiles[0]));
    expect(original.length).toBe(128_288);
    checkWrite(original, () => ({ bytesLeft: 128_000, code: 'EFBIG' }));
  });

  it('a file with a BOM and CRLF line breaks, on a disk that fills up: the original', () => {
    const text = '\uFEFF' + seeds[2].replace(/\n/g, '\r\n');
    checkWrite(Buffer.from(text, 'utf8'), () => ({ bytesLeft: 100, code: 'ENOSPC' }));
  });

  it('does not write over a file that changed on disk after it was read', () => {
    const disk = new FakeFs();
    disk.add(FILE, Buffer.from(seeds[0]), MODE);
    const read = disk.statSync(FILE);
    disk.add(FILE, Buffer.from(seeds[0] + 'Tilføjet af en anden.\n'), MODE);
    expect(() => writeFileSafely(FILE, Buffer.from('x'), { fs: disk, unchangedSince: read })).toThrow(/changed on disk/);
    expect(disk.files.get(FILE)!.bytes.toString()).toBe(seeds[0] + 'Tilføjet af en anden.\n');
    expect([...disk.files.keys()]).toEqual([FILE]);
  });

  it('says how many other hard links keep the old text', () => {
    const disk = new FakeFs();
    disk.add(FILE, Buffer.from('gammel'), MODE, 3);
    expect(writeFileSafely(FILE, Buffer.from('ny'), { fs: disk })).toEqual({ otherLinks: 2 });
    expect(disk.files.get(FILE)!.bytes.toString()).toBe('ny');
  });
});
