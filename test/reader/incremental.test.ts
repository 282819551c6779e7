// Re-reading only what an edit touched gives the same model as reading the whole text again.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readReferat } from '../../server/src/reader';
import { type LineChange, movedLines, readState, rereadState } from '../../server/src/reader/incremental';
import { splitLines } from '../../server/src/reader/lines';
import { readSeed, seedFiles } from '../helpers/golden';

const seeds = seedFiles.map(readSeed);

/** Lines an edit may bring in: the format's structure words, and lines of the seeds themselves (drawn below). */
const structural = fc.constantFrom(
  '',
  ' ',
  'Punkt 99: Et nyt punkt',
  '# **Punkt 4: B-sag: Titel**',
  '**Beslutning**',
  '## Indstilling',
  'Resume',
  'Beslutning',
  'Mødet hævet kl. 12.00.',
  'A. Sager til afgørelse i byrådet',
  '1. Ankestyrelsens praksisundersøgelse',
  'Sag nr. 130',
  'Åbent - 15.00.00-G01-29-16',
  'Indholdsfortegnelse',
  'REFERAT Socialudvalget 2022-2025 d. 26-11-2024',
  'Udvalgsmedlemmerne Reza Javid (Ø) og Mads Thomsen (A) stemmer for ændringsforslaget.',
  'For stemte: 5 (A, F og V)',
  'Godkendt.',
  'En helt almindelig linje i en sagsfremstilling, som ikke betyder noget for strukturen.',
);

/**
 * Where an edit happens: anywhere (a fraction of the text), or near a punkt heading, where the
 * structure is decided (a punkt's number and a line offset from its heading).
 */
const place = fc.oneof(
  fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }).map((fraction) => ({ fraction })),
  fc.record({ punkt: fc.nat({ max: 40 }), offset: fc.integer({ min: -2, max: 3 }) }),
);

function lineOf(raws: string[], p: typeof place extends fc.Arbitrary<infer T> ? T : never): number {
  if ('fraction' in p) return Math.floor(p.fraction * raws.length);
  const heads = readReferat(raws.join('\n')).items.map((item) => item.heading.range.start.line);
  if (heads.length === 0) return 0;
  return Math.min(raws.length - 1, Math.max(0, heads[p.punkt % heads.length] + p.offset));
}

/** One edit: replace `count` lines at `at` by new lines, or type into a line. */
const edit = fc.oneof(
  fc.record({
    kind: fc.constant('lines' as const),
    at: place,
    count: fc.nat({ max: 4 }),
    insert: fc.array(
      fc.oneof(
        structural,
        fc.nat().map((n) => -1 - n),
      ),
      { minLength: 1, maxLength: 4 },
    ),
  }),
  fc.record({ kind: fc.constant('type' as const), at: place, column: fc.nat(), text: fc.oneof(fc.constantFrom('x', ' ', '.', ':', '**', '#'), fc.string({ maxLength: 3 })) }),
);

function apply(raws: string[], e: typeof edit extends fc.Arbitrary<infer T> ? T : never): LineChange {
  const at = lineOf(raws, e.at);
  if (e.kind === 'type') {
    const line = raws[at];
    const column = e.column % (line.length + 1);
    // Typed text has no line breaks; a line break is an edit of lines.
    const typed = line.slice(0, column) + e.text.replace(/[\r\n]/g, '') + line.slice(column);
    return { from: at, oldEnd: at + 1, raws: [typed] };
  }
  const oldEnd = Math.min(raws.length, at + e.count);
  // A negative number stands for a line of the text itself (copied from elsewhere: a punkt heading, a vote...).
  return { from: at, oldEnd, raws: e.insert.map((x) => (typeof x === 'number' ? raws[(-1 - x) % raws.length] : x)) };
}

describe('incremental re-reading', () => {
  it('gives the model a whole new reading gives, over a series of random edits of each seed', () => {
    fc.assert(
      fc.property(fc.nat({ max: seeds.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 8 }), (which, edits) => {
        let raws = splitLines(seeds[which]);
        let state = readState(seeds[which]);
        for (const e of edits) {
          const change = apply(raws, e);
          raws = [...raws.slice(0, change.from), ...change.raws, ...raws.slice(change.oldEnd)];
          state = rereadState(state, change);
          expect(state.model).toEqual(readReferat(raws.join('\n')));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('keeps the punkter an edit did not touch, moved when lines were added', () => {
    const text = seeds[0];
    const state = readState(text);
    const before = state.model.items;
    // A new paragraph in the middle of the fourth punkt's body.
    const at = before[3].range.start.line + 3;
    const next = rereadState(state, { from: at, oldEnd: at, raws: ['Et nyt afsnit.', ''] }).model.items;
    expect(next[2]).toBe(before[2]);
    expect(next[3]).not.toBe(before[3]);
    expect(next[4]).toEqual(movedLines(before[4], 2));
    expect(next[4].heading.range.start.line).toBe(before[4].heading.range.start.line + 2);
  });

  it('takes a long paste (more lines than a call can take as arguments) as any edit', () => {
    const raws = splitLines(seeds[0]);
    const pasted = Array.from({ length: 120_000 }, (_, i) => (i % 50 === 0 ? '' : `Linje ${i} af et langt bilag, indsat på én gang.`));
    const at = Math.floor(raws.length / 2);
    const state = rereadState(readState(seeds[0]), { from: at, oldEnd: at + 1, raws: pasted });
    expect(state.model).toEqual(readReferat([...raws.slice(0, at), ...pasted, ...raws.slice(at + 1)].join('\n')));
  });

  it('refuses a change that does not fit the text', () => {
    const state = readState(seeds[0]);
    expect(() => rereadState(state, { from: 5, oldEnd: 4, raws: ['x'] })).toThrow(RangeError);
  });
});
