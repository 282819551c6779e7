// Titles are compared in a normal form (letters and digits in folded lower case, single spaces).
// The quick one-pass form must give exactly what the definition gives, for any text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normTitle, normTitleSlowly } from '../../server/src/reader/items';
import { readSeed, seedFiles } from '../helpers/golden';

const latin1 = fc.string({ unit: fc.integer({ min: 0, max: 255 }).map((code) => String.fromCharCode(code)) });
const mixed = fc.string({
  unit: fc.oneof(
    fc.integer({ min: 0, max: 255 }).map((code) => String.fromCharCode(code)),
    fc.constantFrom('–', '—', '”', '“', '„', '•', '…', '’', '≥', '→', 'İ', 'Σ', 'ς', 'е', 'ǅ', '\u0301', '\u2003', '\u3000', '\u200b', '\ufeff', '😀', '\ud800', 'Ⓐ', '²'),
  ),
});

describe('normTitle', () => {
  it('gives what its definition gives, on any text', () => {
    fc.assert(
      fc.property(fc.oneof(latin1, mixed, fc.string({ unit: 'binary' })), (text) => {
        expect(normTitle(text)).toBe(normTitleSlowly(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('gives what its definition gives on every line of the seeds', () => {
    for (const file of seedFiles) for (const line of readSeed(file).split('\n')) expect(normTitle(line)).toBe(normTitleSlowly(line));
  });

  it('keeps letters and digits, folds them, and makes everything else one space', () => {
    expect(normTitle('  Godkendelse af “Budget 2021” – ÉN Økonomi-ramme (Ä/Ö)… ')).toBe('godkendelse af budget 2021 en økonomi ramme æ ø');
    expect(normTitle('Σ-sagen')).toBe(normTitleSlowly('Σ-sagen'));
  });
});
