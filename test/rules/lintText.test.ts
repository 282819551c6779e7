// The rules find the same, with the same fixes, whether they read the text as a string or through
// the lines the reader already cut from it (as `referat lint` gives them).
import { describe, expect, it } from 'vitest';
import { readReferat, readReferatAndLines } from '../../server/src/reader';
import { lint, readLinesText } from '../../server/src/rules';
import membership from '../fixtures/membership/referat.config.json';
import { readSeed, seedFiles } from '../helpers/golden';

const variants = (seed: string) => [
  seed,
  seed.replace(/\n/g, '\r\n'),
  // Directives, and headings taken away so that fixes read the lines of other headings.
  `<!-- referat-disable unknown-member -->\n${seed.replace(/\n\**Beslutning\**\n/g, '\n\n')}`,
  '',
  '\n',
];

describe('readLinesText', () => {
  it('gives the rules what the string gives them, on every seed as it is and altered', () => {
    const config = membership as never;
    let insertions = 0;
    for (const file of seedFiles) {
      for (const text of variants(readSeed(file))) {
        const { model, lines } = readReferatAndLines(text);
        expect(model).toEqual(readReferat(text));
        const viaLines = lint(model, readLinesText(text, lines), { config });
        expect(viaLines).toEqual(lint(model, text, { config }));
        insertions += viaLines.filter((finding) => finding.ruleId === 'required-section' && finding.fix).length;
      }
    }
    // The heading a fix inserts is written after the document's own headings, read line by line.
    expect(insertions).toBeGreaterThan(20);
  });
});
