// The feature functions in process: range invariants over arbitrary texts, clamping of model
// ranges that overrun the text, and the workspace symbol query rules.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { documentSymbols } from '../../server/src/lsp/documentSymbol';
import { foldingRanges } from '../../server/src/lsp/folding';
import { selectionRanges } from '../../server/src/lsp/selectionRange';
import { normaliseForSearch, punktMatcher } from '../../server/src/lsp/workspaceSymbol';
import type { ReferatDocument } from '../../server/src/model';
import { readReferat } from '../../server/src/reader';
import { readSeed } from '../helpers/golden';
import { chainOf, expectStrictlyNested, expectWellFormedFolds, expectWellFormedSymbols, linesOf } from './assertions';
import { SEED_FILES } from './golden';

/** Texts made of real referat lines (headings, sections, blank and odd lines) in any order. */
const seedLines = SEED_FILES.flatMap((seed) => linesOf(readSeed(seed)).filter((_, i) => i % 7 === 0)).slice(0, 400);
const referatLikeText = fc
  .array(
    fc.oneof(
      fc.constantFrom(...seedLines, '', ' ', '\u00a0', 'Beslutning', '## **Resume**', 'Punkt 2: Noget', '# Punkt 1: X', '1. Titel', 'Åbent - 15.00.00-G01-29-16'),
      fc.string({ maxLength: 20 }),
    ),
    { maxLength: 60 },
  )
  .chain((lines) => fc.constantFrom('\n', '\r\n').map((eol) => lines.join(eol)));

function check(text: string, positions: { line: number; character: number }[]): void {
  const document = TextDocument.create('file:///t.referat', 'referat', 1, text);
  const model = readReferat(text);
  const lines = linesOf(text);
  expectWellFormedSymbols(documentSymbols(document, model), lines);
  expectWellFormedFolds(foldingRanges(document, model), lines);
  const selections = selectionRanges(document, model, positions);
  expect(selections).toHaveLength(positions.length);
  for (const selection of selections) expectStrictlyNested(chainOf(selection), lines);
}

describe('range invariants', () => {
  it('hold for arbitrary referat-like texts and positions', () => {
    const position = fc.record({ line: fc.integer({ min: -2, max: 80 }), character: fc.integer({ min: -2, max: 200 }) });
    fc.assert(fc.property(referatLikeText, fc.array(position, { maxLength: 5 }), check), { numRuns: 200 });
  });

  it('hold for every third line of every seed', () => {
    for (const seed of SEED_FILES) {
      const text = readSeed(seed);
      const lines = linesOf(text)
        .map((_, line) => line)
        .filter((line) => line % 3 === 0);
      check(
        text,
        lines.map((line) => ({ line, character: 2 })),
      );
    }
  });

  it('hold when the model overruns the text (ranges are clamped)', () => {
    const text = 'REFERAT X d. 01-01-2020\n\nPunkt 1: A\n\nBeslutning\n';
    const model = readReferat(text);
    const far = { start: { line: 2, character: 0 }, end: { line: 99, character: 99 } };
    const broken: ReferatDocument = {
      ...model,
      range: far,
      items: model.items.map((punkt) => ({
        ...punkt,
        range: far,
        heading: { ...punkt.heading, textRange: { start: { line: 50, character: 0 }, end: { line: 51, character: 0 } } },
        sections: punkt.sections.map((section) => ({ ...section, range: { start: section.range.start, end: { line: 70, character: 5 } } })),
      })),
    };
    const document = TextDocument.create('file:///t.referat', 'referat', 1, text);
    const lines = linesOf(text);
    expect(broken.items.length).toBeGreaterThan(0);
    expectWellFormedSymbols(documentSymbols(document, broken), lines);
    expectWellFormedFolds(foldingRanges(document, broken), lines);
    for (const selection of selectionRanges(document, broken, [{ line: 4, character: 2 }])) expectStrictlyNested(chainOf(selection), lines);
  });
});

describe('outline section details', () => {
  it('name the kind only where the heading says it in other words', () => {
    const text = [
      'REFERAT Økonomiudvalget d. 01-01-2020',
      '',
      'Punkt 1: Budget',
      '',
      '## Resumé',
      'Kort om sagen.',
      '',
      '## Forvaltningen indstiller',
      'at budgettet godkendes.',
      '',
      '## Økonomiske konsekvenser',
      'Ingen.',
      '',
      '## Lovgrundlag',
      'Kommunestyrelsesloven.',
      '',
      '## Beslutning:',
      'Godkendt.',
      '',
    ].join('\n');
    const [meeting] = documentSymbols(TextDocument.create('file:///t.referat', 'referat', 1, text), readReferat(text));
    const sections = meeting.children!.find((s) => s.name.startsWith('Punkt 1'))!.children!;
    expect(sections.map((s) => [s.name, s.detail])).toEqual([
      ['Resumé', undefined],
      ['Forvaltningen indstiller', 'Indstilling'],
      ['Økonomiske konsekvenser', 'Økonomi'],
      ['Lovgrundlag', undefined],
      ['Beslutning:', undefined],
    ]);
  });
});

describe('workspace symbol queries', () => {
  const punkt = { number: 3, title: 'Omgørelsesprocenter for “sagsbehandling” 2023 (Danmarkskortet)', caseNumber: '00.07.00-G01-3-24' };
  const matches = (query: string) => punktMatcher(query)(punkt);

  it('match title words in any order, without case, accents or quote styles', () => {
    expect(matches('danmarkskortet omgørelse')).toBe(true);
    expect(matches('OMGORELSESPROCENTER')).toBe(true);
    expect(matches('"sagsbehandling"')).toBe(true);
    expect(matches('omgørelse budget')).toBe(false);
  });

  it('match the punkt number as `3` or `Punkt 3`, and whole numbers only', () => {
    expect(matches('3')).toBe(true);
    expect(matches('Punkt 3')).toBe(true);
    expect(matches('punkt 3: danmarks')).toBe(true);
    expect(matches('Punkt 13')).toBe(false);
    expect(matches('Punkt 2')).toBe(false);
    expect(matches('2023')).toBe(true);
    expect(matches('202')).toBe(false);
  });

  it('match the case number or a part of it', () => {
    expect(matches('00.07.00-G01-3-24')).toBe(true);
    expect(matches('g01-3-24')).toBe(true);
    expect(matches('00.07.00-G01-3-25')).toBe(false);
  });

  it('match everything for an empty query', () => {
    expect(matches('')).toBe(true);
    expect(matches('   ')).toBe(true);
  });

  it('fold Danish letters', () => {
    expect(normaliseForSearch('Æblegrød på Ø')).toBe('aeblegrod pa o');
  });
});
