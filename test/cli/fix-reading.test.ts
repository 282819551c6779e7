// `--fix` and Format Document on minutes the reader once misread (issue 18, items 2 and 4): a
// heading whose title ends in a tab and a year, and a zero-width space inside `Beslutning`. Each
// case is the seed altered as reported; each failed before the reader was mended.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatReferat } from '../../server/src/format/format';
import { readReferat } from '../../server/src/reader';
import { lint } from '../../server/src/rules';
import { readSeed } from '../helpers/golden';
import { run, scratch } from './lint-helpers';

const SEED = '003_4215b85305d5dec8.txt';
const HEADING = 'Punkt 5: Beskæftigelsesplan 2021';

function fixed(text: string): string {
  const dir = scratch('referat-fix-reading-');
  const file = path.join(dir, 'odder.referat.txt');
  fs.writeFileSync(file, text);
  run(['lint', '--fix', file]);
  return fs.readFileSync(file, 'utf8');
}

describe.each([
  ['plain', HEADING.replace(' 2021', '\t2021')],
  ['markdown', `# ${HEADING.replace(' 2021', '\t2021')}`],
])('a %s punkt heading ending in a tab and a year', (_style, heading) => {
  const text = readSeed(SEED).replace(HEADING, heading);

  it('is a punkt, and --fix neither deletes it from the TOC nor renumbers the punkter after it', () => {
    expect(readReferat(text).items.map((i) => i.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    const after = fixed(text);
    expect(after).toContain(heading);
    for (let n = 6; n <= 11; n++) expect(after).toMatch(new RegExp(`^Punkt ${n}: `, 'm'));
    expect(readReferat(after).items.map((i) => i.title)).toEqual(readReferat(text).items.map((i) => i.title));
  });

  it("stays a punkt through Format Document, written in the document's heading style", () => {
    const formatted = readReferat(formatReferat(text));
    expect(formatted.items.map((i) => i.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(formatted.items[4].title.replace(/\s+/g, ' ')).toBe('Beskæftigelsesplan 2021');
  });
});

describe('a zero-width space inside Beslutning', () => {
  const text = readSeed(SEED).replace(/^Beslutning$/gm, 'Beslut\u200bning');

  it('hides no heading, and --fix inserts no second Beslutning', () => {
    expect(readReferat(text).items.every((i) => i.sections.some((s) => s.kind === 'beslutning'))).toBe(true);
    const after = fixed(text);
    expect(after.match(/^Beslut\u200bning$/gm)).toHaveLength(11);
    expect(after.match(/^Beslutning$/gm)).toBeNull();
  });
});

describe('renumbering while the TOC lists a punkt the reader did not find', () => {
  it('is reported without a fix', () => {
    const text = [
      'REFERAT Udvalget d. 01-02-2024',
      '',
      'Indholdsfortegnelse',
      'Godkendelse af dagsorden.....\t1',
      'Budget 2025.....\t2',
      'Anlæg.....\t3',
      '',
      'Punkt 1: Godkendelse af dagsorden',
      '',
      'Beslutning',
      '',
      'Godkendt.',
      '',
      'Punkt 3: Anlæg',
      '',
      'Beslutning',
      '',
      'Godkendt.',
      '',
    ].join('\n');
    const findings = lint(readReferat(text), text).filter((f) => f.ruleId === 'item-numbering');
    expect(findings.map((f) => f.message.en)).toEqual(['Punkt 2 is missing: the numbering jumps from 1 to 3']);
    expect(findings[0].fix).toBeUndefined();
  });
});
