// Every rule and every fix, on any text: no rule throws, every finding lies inside the text, and
// every fix changes only its own range.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../server/src/config/load';
import { readReferatStrict } from '../../server/src/reader';
import { lint } from '../../server/src/rules';
import { applyEdits } from '../../server/src/rules/fix';
import { fixtures, readSeed, seedFiles } from '../helpers/golden';
import { expectFixesInsideTheirRanges } from '../helpers/fixes';
import { rangesOutside } from '../helpers/ranges';

const members = parseConfig(fs.readFileSync(path.join(fixtures, 'membership/referat.config.json'), 'utf8')).config;
const seeds = seedFiles.map(readSeed);

function check(text: string): void {
  for (const config of [members, {}]) {
    const findings = lint(readReferatStrict(text), text, { config, strict: true });
    const bad = rangesOutside(findings, text);
    if (bad.length) throw new Error(`finding ranges outside the text:\n${bad.slice(0, 3).join('\n')}`);
    expectFixesInsideTheirRanges(text, findings);
  }
}

/** Seeds cut, shuffled and damaged the ways real exports are. */
const mutatedSeed = fc
  .tuple(
    fc.nat({ max: seeds.length - 1 }),
    fc.array(fc.tuple(fc.constantFrom('delete', 'duplicate', 'swap', 'crlf', 'truncate', 'renumber', 'name', 'outcome', 'heading'), fc.nat(), fc.nat()), {
      minLength: 1,
      maxLength: 30,
    }),
  )
  .map(([which, ops]) => {
    const lines = seeds[which].split('\n');
    for (const [op, a, b] of ops) {
      const i = a % lines.length;
      const j = b % lines.length;
      switch (op) {
        case 'delete':
          lines.splice(i, 1);
          break;
        case 'duplicate':
          lines.splice(i, 0, lines[i]);
          break;
        case 'swap':
          [lines[i], lines[j]] = [lines[j], lines[i]];
          break;
        case 'crlf':
          lines[i] += '\r';
          break;
        case 'truncate':
          lines[i] = (lines[i] ?? '').slice(0, b % 40);
          break;
        case 'renumber':
          lines[i] = (lines[i] ?? '').replace(/Punkt \d+/, `Punkt ${b % 30}`);
          break;
        case 'name':
          lines[i] = (lines[i] ?? '').replace(/[aeiouyæøå]/, 'x');
          break;
        case 'outcome':
          lines[i] = (lines[i] ?? '').replace(/forkastet|vedtaget/, (w) => (w === 'forkastet' ? 'vedtaget' : 'forkastet'));
          break;
        case 'heading':
          lines.splice(i, 0, ['Beslutning', '## **Indstilling**', 'RESUMÉ', '<!-- referat-disable -->', 'For stemte: 9 (A)'][b % 5]);
          break;
      }
      if (!lines.length) lines.push('');
    }
    return lines.join('\n');
  });

describe('rule properties', () => {
  it('lints every seed strictly, with and without membership', () => {
    for (const text of seeds) check(text);
  });

  it('lints mutated seeds: no rule throws, findings lie inside the text, fixes touch only their ranges', () => {
    fc.assert(fc.property(mutatedSeed, check), { numRuns: 80 });
  });

  it('lints arbitrary text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), check), { numRuns: 300 });
  });

  it('applies edits as LSP does: positions past a line end clamp to it, line breaks of all kinds count', () => {
    const text = 'ab\r\ncd\ref\ngh';
    const at = (line: number, character: number) => ({ line, character });
    expect(applyEdits(text, [{ range: { start: at(1, 1), end: at(2, 99) }, newText: 'X' }]).text).toBe('ab\r\ncX\ngh');
    expect(
      applyEdits(text, [
        { range: { start: at(0, 0), end: at(0, 1) }, newText: '1' },
        { range: { start: at(0, 0), end: at(0, 2) }, newText: '2' },
      ]).skipped,
    ).toHaveLength(1);
  });
});
