// The renderer on any text: it never throws, and no text becomes markup (no element, attribute or
// URL that the document's words could have made).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readReferatStrict } from '../../server/src/reader';
import { renderHtml } from '../../server/src/render';
import { lint } from '../../server/src/rules';
import { readSeed, seedFiles } from '../helpers/golden';
import { parseHtml, unsafeParts } from './html';

const seeds = seedFiles.map(readSeed);
const hostile = fc.constantFrom(
  '<script>x()</script>',
  '<img src=x onerror=y()>',
  '"><svg onload=z()>',
  'javascript:alert(1)',
  '&lt;',
  '<!--',
  ']]>',
  '\u2028',
  '`${x}`',
  "' onmouseover='a()",
);

function render(text: string): string {
  const doc = readReferatStrict(text);
  return renderHtml(doc, text, { findings: lint(doc, text, { strict: true }), locale: 'en', standalone: true });
}

describe('renderer properties', () => {
  it('renders arbitrary text without throwing and without markup from it', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        expect(unsafeParts(parseHtml(render(text)))).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('renders seeds with hostile text spliced into random lines', () => {
    const mutated = fc.tuple(fc.nat({ max: seeds.length - 1 }), fc.array(fc.tuple(fc.nat(), hostile), { minLength: 1, maxLength: 20 })).map(([k, edits]) => {
      const lines = seeds[k].split('\n');
      for (const [at, payload] of edits) {
        const i = at % lines.length;
        lines[i] = `${lines[i].slice(0, at % 40)}${payload}${lines[i].slice(at % 40)}`;
      }
      return lines.join('\n');
    });
    fc.assert(
      fc.property(mutated, (text) => {
        expect(unsafeParts(parseHtml(render(text)))).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });
});
