// Linting the five seeds with the membership fixtures finds the real problems and nothing else.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../server/src/config/load';
import { readReferat } from '../../server/src/reader';
import { lint } from '../../server/src/rules';
import { fixtures, readSeed, seedFiles } from '../helpers/golden';

const membership = parseConfig(fs.readFileSync(path.join(fixtures, 'membership/referat.config.json'), 'utf8'));

function findings(withMembers: boolean): string[] {
  return seedFiles.flatMap((file) => {
    const text = readSeed(file);
    return lint(readReferat(text), text, { config: withMembers ? membership.config : {} }).map(
      (f) => `${file.slice(0, 3)} ${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.ruleId}: ${f.message.en}`,
    );
  });
}

describe('the seeds, linted', () => {
  it('reads the membership fixture without problems', () => {
    expect(membership.problems).toEqual([]);
  });

  it('finds exactly the real problems with the membership fixtures', () => {
    expect(findings(true)).toEqual([
      '000 19:1 warning toc-mismatch: The table of contents says "Kvartalsstatus Korsløkkeparken og Solbakken/Rising", but Punkt 9 is "Kvartalsstatus Korslækkeparken og Solbakken/Rising"',
      '000 102:138 warning unknown-member: Tommy Hummelose is not a member of Beskæftigelses- og Socialudvalget. Did you mean Tommy Hummellose?',
      '000 1061:4 warning required-section: Punkt 8 has no Indstilling section',
      '000 1061:4 warning required-section: Punkt 8 has no Beslutning section',
      '000 1182:4 warning required-section: Punkt 9 has no Indstilling section',
      '000 1182:4 warning required-section: Punkt 9 has no Beslutning section',
      '000 1283:3 warning required-section: Punkt 10 has no Indstilling section',
      '000 1283:3 warning required-section: Punkt 10 has no Beslutning section',
      '000 1313:3 warning required-section: Punkt 11 has no Indstilling section',
      '000 1313:3 warning required-section: Punkt 11 has no Beslutning section',
      '000 1367:4 warning required-section: Punkt 12 has no Indstilling section',
      '000 1367:4 warning required-section: Punkt 12 has no Beslutning section',
      '000 1398:6 warning required-section: Punkt 13 has no Indstilling section',
      '000 1398:6 warning required-section: Punkt 13 has no Beslutning section',
      '000 1412:3 warning required-section: Punkt 14 has no Indstilling section',
      '000 1412:3 warning required-section: Punkt 14 has no Beslutning section',
      '000 1448:6 warning required-section: Punkt 15 has no Indstilling section',
      '000 1448:6 warning required-section: Punkt 15 has no Beslutning section',
      '000 1459:3 warning required-section: Punkt 16 has no Indstilling section',
      '000 1459:3 warning required-section: Punkt 16 has no Beslutning section',
      '002 12:1 warning toc-mismatch: The table of contents says "Godkendelse af Rammeaftale på det specialiserede socialområde og specialundervisningsområde 2024", but Punkt 2 is "Godkendelse af Rammeaftale på det specialiserede socialområde og specialundervisningsområde 2025-2026"',
      '002 29:1 warning required-section: Punkt 1 has no Indstilling section',
      '002 73:1 info unconfigured-committee: The members of Børn- og Ungeudvalget are not known, so its votes and names are not checked. Add the committee to referat.config.json.',
      '002 77:1 info unconfigured-committee: The members of Ældre- og Handicapudvalget are not known, so its votes and names are not checked. Add the committee to referat.config.json.',
      '002 908:15 warning unknown-member: Nicolai Busch Bährenz is not a member of Beskæftigelses- og Socialudvalget. Did you mean Nicolai Busch Bæhrenz?',
      '002 1236:15 warning unknown-member: Nicolai Busch Bährenz is not a member of Beskæftigelses- og Socialudvalget. Did you mean Nicolai Busch Bæhrenz?',
      '003 27:1 warning required-section: Punkt 1 has no Resume section',
      '003 37:1 warning required-section: Punkt 2 has no Resume section',
      '003 54:1 warning required-section: Punkt 3 has no Resume section',
      '004 206:1 info unconfigured-committee: The members of Børn- og Ungeudvalget are not known, so its votes and names are not checked. Add the committee to referat.config.json.',
    ]);
  });

  it('finds no vote error at all on the seeds correct votes', () => {
    expect(findings(true).filter((f) => / (vote-tally|vote-outcome|quorum):/.test(f))).toEqual([]);
  });

  it('without membership, says once per document that votes are not checked, and finds the misspellings by comparison', () => {
    const got = findings(false).filter((f) => / (inconsistent-name|vote-tally|vote-outcome|quorum|unknown-member):|Beskæftigelses- og Socialudvalget are not known/.test(f));
    expect(got).toEqual([
      '000 102:1 info unconfigured-committee: The members of Beskæftigelses- og Socialudvalget are not known, so its votes and names are not checked. Add the committee to referat.config.json.',
      '000 102:138 warning inconsistent-name: Tommy Hummelose is spelled Tommy Hummellose elsewhere in this document (2 times)',
      '001 212:1 info unconfigured-committee: The members of Beskæftigelses- og Socialudvalget are not known, so its votes and names are not checked. Add the committee to referat.config.json.',
      '002 41:1 info unconfigured-committee: The members of Beskæftigelses- og Socialudvalget are not known, so its votes and names are not checked. Add the committee to referat.config.json.',
      '002 908:15 warning inconsistent-name: Nicolai Busch Bährenz is spelled Nicolai Busch Bæhrenz elsewhere in this document (15 times)',
      '002 1236:15 warning inconsistent-name: Nicolai Busch Bährenz is spelled Nicolai Busch Bæhrenz elsewhere in this document (15 times)',
    ]);
  });
});
