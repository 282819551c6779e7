// Titles are compared in a normal form: letters and digits in folded lower case, single spaces.
import { describe, expect, it } from 'vitest';
import { normTitle } from '../../server/src/reader/items';

describe('normTitle', () => {
  it('keeps letters and digits, folds them, and makes everything else one space', () => {
    expect(normTitle('  Godkendelse af “Budget 2021” – ÉN Økonomi-ramme (Ä/Ö)… ')).toBe('godkendelse af budget 2021 en økonomi ramme æ ø');
    expect(normTitle('Σ-sagen')).toBe('σ sagen');
    expect(normTitle('Punkt\u00a0\u200b12:\tBudget')).toBe('punkt 12 budget');
  });
});
