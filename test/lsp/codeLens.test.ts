// A code lens above each vote: `For 2 · Imod 2 · Undlod 0 · Fraværende 1 — forkastet`, in the
// client's language; absent are the committee's members absent for the punkt when the membership
// is known, else the absences the minutes record. Over a real stdio connection.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeLens } from 'vscode-languageserver-protocol';
import { linesOf, openSeeds, readSeed, SEED_000, SEED_002, type SeedSession } from './writingHelp.helpers';

const text002 = readSeed(SEED_002);
/** 0-based line of the first vote sentence of 002 item 3. */
const VOTE_002_3 = linesOf(text002).findIndex((l) => l.startsWith('Udvalgsmedlemmerne Reza Javid (Ø) og Mads Thomsen (A) stemmer for'));

const EXPECTED = {
  da: {
    item3: 'For 2 · Imod 2 · Undlod 0 · Fraværende 1 — forkastet',
    item6: ['For 2 · Imod 2 · Undlod 0 · Fraværende 1 — forkastet', 'For 3 · Imod 1 · Undlod 0 · Fraværende 1 — vedtaget'],
  },
  en: {
    item3: 'For 2 · Against 2 · Abstained 0 · Absent 1 — rejected',
    item6: ['For 2 · Against 2 · Abstained 0 · Absent 1 — rejected', 'For 3 · Against 1 · Abstained 0 · Absent 1 — adopted'],
  },
};

describe.each([
  { locale: 'da' as const, membership: true },
  { locale: 'en' as const, membership: true },
  { locale: 'da' as const, membership: false },
  { locale: 'en' as const, membership: false },
])('code lenses ($locale, membership: $membership)', ({ locale, membership }) => {
  let session: SeedSession;
  const lenses = (seed: string) => session.client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: session.uris[seed] } });

  beforeAll(async () => (session = await openSeeds([SEED_002, SEED_000], { membership, locale })));
  afterAll(() => session?.stop());

  it('puts the tally of 002 item 3 on the vote’s first line: 2 for, 2 against, 1 absent, rejected', async () => {
    const found = await lenses(SEED_002);
    const lens = found.find((l) => l.range.start.line === VOTE_002_3);
    expect(lens?.command?.title).toBe(EXPECTED[locale].item3);
    expect(lens?.command?.command).toBe('');
  });

  it('has one lens a vote in 002, item 6 with its two votes', async () => {
    const found = await lenses(SEED_002);
    expect(found.map((l) => l.command!.title)).toEqual([EXPECTED[locale].item3, ...EXPECTED[locale].item6]);
    for (const l of found) expect(linesOf(text002)[l.range.start.line]).toMatch(/stemmer (for|imod)/);
  });

  it('in 000: the 2-5 vote, and the outcome computed where none is stated', async () => {
    const found = (await lenses(SEED_000)).map((l) => l.command!.title);
    expect(found).toEqual(
      locale === 'da'
        ? ['For 6 · Imod 1 · Undlod 0 · Fraværende 0 — vedtaget (beregnet)', 'For 2 · Imod 5 · Undlod 0 · Fraværende 0 — forkastet']
        : ['For 6 · Against 1 · Abstained 0 · Absent 0 — adopted (computed)', 'For 2 · Against 5 · Abstained 0 · Absent 0 — rejected'],
    );
  });
});
