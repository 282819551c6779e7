// Each rule, on a real seed passage altered the way minutes go wrong: exactly the new finding,
// at the right place; and its fix, applied and re-linted, removes it and changes nothing else.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../server/src/config/load';
import type { ReferatConfig } from '../../server/src/config/types';
import { readReferat } from '../../server/src/reader';
import { lint } from '../../server/src/rules';
import { applyEdits } from '../../server/src/rules/fix';
import type { Finding } from '../../server/src/rules/types';
import { fixtures, readSeed } from '../helpers/golden';
import { slice } from '../helpers/text';

const members = parseConfig(fs.readFileSync(path.join(fixtures, 'membership/referat.config.json'), 'utf8')).config;
const S000 = '000_db79083c852146f7.txt';
const S002 = '002_00cfbdd4d29f5775.txt';
const S004 = '004_c859f8f3d45ba66d.txt';

const run = (text: string, config: ReferatConfig = members) => lint(readReferat(text), text, { config });
const key = (f: Finding) => `${f.ruleId}: ${f.message.en}`;

/** Replaces the one occurrence of `from` (it must occur exactly once). */
function alter(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`"${from}" must occur exactly once`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/** Findings in `after` that `before` does not have (compared by rule and message). */
function added(before: Finding[], after: Finding[]): Finding[] {
  const left = new Map<string, number>();
  for (const f of before) left.set(key(f), (left.get(key(f)) ?? 0) + 1);
  return after.filter((f) => {
    const n = left.get(key(f)) ?? 0;
    left.set(key(f), n - 1);
    return n <= 0;
  });
}

interface Case {
  name: string;
  seed: string;
  from: string;
  to: string;
  config?: ReferatConfig;
  rule: string;
  /** 1-based line of the finding and the text its range covers. */
  line: number;
  covers: string;
  message: RegExp;
  /** True when the fix must give back the seed exactly. */
  restores?: boolean;
  /** A second replacement, for swaps. */
  swap?: [string, string];
  /** Findings the fixed text has that the seed has not (a new heading is empty until someone writes under it). */
  afterFix?: string[];
}

const cases: Case[] = [
  {
    name: 'a voter dropped from a vote',
    seed: S002,
    from: 'Udvalgsmedlemmerne Reza Javid (Ø) og Mads Thomsen (A) stemmer for ændringsforslaget.',
    to: 'Udvalgsmedlem Reza Javid (Ø) stemmer for ændringsforslaget.',
    rule: 'vote-tally',
    line: 181,
    covers: 'Udvalgsmedlem Reza Javid (Ø) stemmer for ændringsforslaget.',
    message: /Mads Thomsen \(A\) neither voted nor is recorded absent/,
  },
  {
    name: 'a member counted on both sides',
    seed: S000,
    from: 'Nazim Gürkan (A) og Reza Javid (Ø) stemmer imod ændringsforslaget.',
    to: 'Nazim Gürkan (A), Mark Grossmann (V) og Reza Javid (Ø) stemmer imod ændringsforslaget.',
    rule: 'vote-tally',
    line: 394,
    covers: 'Mark Grossmann',
    message: /Mark Grossmann \(V\) is counted twice in this vote \(for and against\)/,
  },
  {
    name: 'an absent member voting',
    seed: S002,
    from: 'Rådmand Christoffer Lilleholt (V) og udvalgsmedlem Joachim Hoffmann-Petersen (C) stemmer imod ændringsforslaget.',
    to: 'Rådmand Christoffer Lilleholt (V), udvalgsmedlem Joachim Hoffmann-Petersen (C) og Nicolai Busch Bæhrenz stemmer imod ændringsforslaget.',
    rule: 'vote-tally',
    line: 183,
    covers: 'Nicolai Busch Bæhrenz',
    message: /Nicolai Busch Bæhrenz votes but is recorded absent/,
  },
  {
    name: 'an outcome flipped after a tie',
    seed: S002,
    from: 'Ændringsforslaget er dermed forkastet.\n\nBeskæftigelses- og Socialudvalget anbefaler indstillingen med følgende tillægsbeslutning:',
    to: 'Ændringsforslaget er dermed vedtaget.\n\nBeskæftigelses- og Socialudvalget anbefaler indstillingen med følgende tillægsbeslutning:',
    rule: 'vote-outcome',
    line: 185,
    covers: 'er dermed vedtaget',
    message: /2 for and 2 against .* a tie is not adopted, so it is forkastet/,
  },
  {
    name: 'a misspelled member',
    seed: S002,
    from: 'Rådmand Christoffer Lilleholt (V) og udvalgsmedlem Joachim Hoffmann-Petersen (C) stemmer imod ændringsforslaget.',
    to: 'Rådmand Christoffer Lileholt (V) og udvalgsmedlem Joachim Hoffmann-Petersen (C) stemmer imod ændringsforslaget.',
    rule: 'unknown-member',
    line: 183,
    covers: 'Christoffer Lileholt',
    message: /Christoffer Lileholt is not a member of Beskæftigelses- og Socialudvalget\. Did you mean Christoffer Lilleholt\?/,
    restores: true,
  },
  {
    name: 'a wrong party letter',
    seed: S002,
    from: 'Udvalgsmedlemmerne Reza Javid (Ø) og Mads Thomsen (A) stemmer for ændringsforslaget.',
    to: 'Udvalgsmedlemmerne Reza Javid (Ø) og Mads Thomsen (V) stemmer for ændringsforslaget.',
    rule: 'member-party',
    line: 181,
    covers: '(V)',
    message: /Mads Thomsen is listed with party V \(Venstre\), but is a member for A \(Socialdemokratiet\)/,
    restores: true,
  },
  {
    name: 'one person spelled two ways, with no membership configured',
    seed: S002,
    config: {},
    from: 'Udvalgsmedlemmerne Reza Javid (Ø) og Mads Thomsen (A) stemmer for ændringsforslaget.',
    to: 'Udvalgsmedlemmerne Reza Jawid (Ø) og Mads Thomsen (A) stemmer for ændringsforslaget.',
    rule: 'inconsistent-name',
    line: 181,
    covers: 'Reza Jawid',
    message: /Reza Jawid is spelled Reza Javid elsewhere in this document/,
    restores: true,
  },
  {
    name: 'a decision with less than half the members present',
    seed: S002,
    from: 'Beskæftigelses- og Socialudvalget godkender dagsordenen.\n\nUdvalgsmedlem Nicolai Busch Bæhrenz deltog ikke i mødet.',
    to: 'Beskæftigelses- og Socialudvalget godkender dagsordenen.\n\nUdvalgsmedlemmerne Mads Thomsen og Reza Javid deltog ikke under punktet.',
    rule: 'quorum',
    line: 29,
    covers: 'Punkt 1: Godkendelse af dagsorden',
    message: /Punkt 1 was decided with 2 of 5 members present/,
  },
  {
    name: 'a punkt number written twice',
    seed: S004,
    from: '# Punkt 6: C-sag',
    to: '# Punkt 5: C-sag',
    rule: 'item-numbering',
    line: 538,
    covers: '5',
    message: /Punkt 5 appears twice/,
  },
  {
    name: 'two punkt numbers swapped',
    seed: S004,
    from: '# **Punkt 5: B-sag: Godkendelse af ansøgning til "Ansøgningspulje til tidlig indgriben ved risiko for hjemløshed og tilbagefald til ny kriminalitet" ved Social- og Boligstyrelsen**\n\n27.12.34-Ø34-1-25\n\n## **Sagsresumé**\n\nSocial- og Boligstyrelsen',
    to: '# **Punkt 6: B-sag: Godkendelse af ansøgning til "Ansøgningspulje til tidlig indgriben ved risiko for hjemløshed og tilbagefald til ny kriminalitet" ved Social- og Boligstyrelsen**\n\n27.12.34-Ø34-1-25\n\n## **Sagsresumé**\n\nSocial- og Boligstyrelsen',
    swap: ['# Punkt 6: C-sag', '# Punkt 5: C-sag'],
    rule: 'item-numbering',
    line: 538,
    covers: '5',
    message: /Punkt 5 comes after Punkt 6: the numbers are out of order/,
  },
  {
    name: 'a damaged case number',
    seed: S004,
    from: '## Punkt 2: Beretning om magtanvendelser på voksenområdet\n\n27.66.00-G01-1-24',
    to: '## Punkt 2: Beretning om magtanvendelser på voksenområdet\n\n27.66.00-G01-1',
    rule: 'case-number',
    line: 44,
    covers: '27.66.00-G01-1',
    message: /is not a well-formed KLE journal number/,
  },
  {
    name: 'a TOC title that differs from its punkt',
    seed: S004,
    from: 'C-sag: Reform af beskæftigelsesindsatsen.....\t25',
    to: 'C-sag: Reform af beskæftigelsesområdet.....\t25',
    rule: 'toc-mismatch',
    line: 17,
    covers: 'C-sag: Reform af beskæftigelsesområdet',
    message: /says "C-sag: Reform af beskæftigelsesområdet", but Punkt 7 is "C-sag: Reform af beskæftigelsesindsatsen"/,
    restores: true,
  },
  {
    name: 'a dropped Indstilling heading',
    seed: S002,
    from: 'Indstilling\n\nBorgmesterforvaltningen, Beskæftigelses- og Socialforvaltningen',
    to: '\n\nBorgmesterforvaltningen, Beskæftigelses- og Socialforvaltningen',
    rule: 'required-section',
    line: 385,
    covers: 'Punkt 4: Budget 2025: Elever og velfærdsmedarbejdere',
    message: /Punkt 4 has no Indstilling section/,
    afterFix: ['empty-section: The Indstilling section of Punkt 4 is empty'],
  },
  {
    name: 'a section heading written twice',
    seed: S002,
    from: '\n\nRammeaftalen er en aftale mellem kommunerne',
    to: '\n\nResume\n\nRammeaftalen er en aftale mellem kommunerne',
    rule: 'duplicate-section',
    line: 51,
    covers: 'Resume',
    message: /Punkt 2 has the section "Resume" twice/,
  },
  {
    name: 'a section emptied',
    seed: S002,
    from: 'Godkendelse af dagsordenen til Beskæftigelses- og Socialudvalgets møde den 26. november 2024.',
    to: '',
    rule: 'empty-section',
    line: 33,
    covers: 'Resume',
    message: /The Resume section of Punkt 1 is empty/,
  },
];

describe('rules on altered seed passages', () => {
  for (const c of cases) {
    it(`${c.rule}: ${c.name}`, () => {
      const original = readSeed(c.seed);
      let text = alter(original, c.from, c.to);
      if (c.swap) text = alter(text, c.swap[0], c.swap[1]);
      const before = run(original, c.config);
      const after = run(text, c.config);
      const fresh = added(before, after);
      expect(fresh.map(key)).toHaveLength(1);
      const [f] = fresh;
      expect(f.ruleId).toBe(c.rule);
      expect(f.message.en).toMatch(c.message);
      expect(f.message.da.length).toBeGreaterThan(10);
      expect(f.range.start.line + 1).toBe(c.line);
      expect(slice(text, f.range)).toBe(c.covers);

      if (!f.fix) return;
      const fixed = applyEdits(text, f.fix.edits);
      expect(fixed.skipped).toEqual([]);
      const relinted = run(fixed.text, c.config);
      expect(relinted.map(key)).not.toContain(key(f));
      // Nothing else changed: the findings are those of the seed before it was altered.
      expect(relinted.map(key).sort()).toEqual([...before.map(key), ...(c.afterFix ?? [])].sort());
      if (c.restores) expect(fixed.text).toBe(original);
    });
  }

  it('vote-outcome: counts where the stated result contradicts the counted form', () => {
    const text = [
      'REFERAT Udvalget 2022-2025 d. 01-02-2024',
      '',
      'Punkt 1: X',
      '',
      'Beslutning',
      '',
      'For stemte: 2 (A)',
      'Imod stemte: 3 (V og C)',
      '',
      'Forslaget er dermed vedtaget.',
    ].join('\n');
    const got = run(text, {}).filter((f) => f.ruleId === 'vote-outcome');
    expect(got).toHaveLength(1);
    expect(slice(text, got[0].range)).toBe('er dermed vedtaget');
  });

  it('required-section: the fix writes the heading in the document style, where the document puts it', () => {
    const original = readSeed(S000);
    const text = alter(
      original,
      '## **INDSTILLING**\n\nBeskæftigelses- og Socialforvaltningen indstiller, at udvalget godkender strate',
      '\n\nBeskæftigelses- og Socialforvaltningen indstiller, at udvalget godkender strate',
    );
    const f = run(text).find((x) => x.ruleId === 'required-section' && /Punkt 5 has no Indstilling/.test(x.message.en))!;
    expect(f.fix!.edits).toEqual([{ range: { start: { line: 732, character: 0 }, end: { line: 732, character: 0 } }, newText: '## **INDSTILLING**\n\n' }]);
  });

  it('item-numbering: the renumbering fix numbers the punkter in order and nothing else', () => {
    const original = readSeed(S004);
    const text = alter(original, '# Punkt 6: C-sag', '# Punkt 9: C-sag');
    const f = run(text).find((x) => x.ruleId === 'item-numbering')!;
    expect(f.fix!.edits.map((e) => e.newText)).toEqual(['6']);
    expect(applyEdits(text, f.fix!.edits).text).toBe(original);
  });

  it('toc-mismatch: the rewrite of a numbered, paged TOC keeps its numbers and pages', () => {
    const text = [
      'Referat',
      'Teknisk Udvalg',
      '',
      'Indholdsfortegnelse',
      '1. Godkendelse af dagsorden\t2',
      '2. Budget 2024 - anlæg\t3',
      '',
      '1. Godkendelse af dagsorden',
      'Sagsnr.: 24/1022',
      'Beslutning',
      'Godkendt.',
      '',
      '2. Budget 2025 - anlægsønsker',
      'Sagsnr.: 24/1310',
      'Beslutning',
      'Godkendt.',
      '',
      '3. Meddelelser',
      'Sagsnr.: 24/200',
      'Beslutning',
      'Taget til efterretning.',
      '',
    ].join('\n');
    const found = run(text, {}).filter((x) => x.ruleId === 'toc-mismatch');
    expect(found.map((x) => x.message.en)).toEqual([
      'The table of contents says "Budget 2024 - anlæg", but Punkt 2 is "Budget 2025 - anlægsønsker"',
      'Punkt 3 "Meddelelser" is missing from the table of contents',
    ]);
    // The renamed entry keeps its number, its page and its style (no dot leader); the missing one gets its number.
    const renamed = applyEdits(text, found[0].fix!.edits).text;
    expect(renamed.split('\n').slice(4, 7)).toEqual(['1. Godkendelse af dagsorden\t2', '2. Budget 2025 - anlægsønsker\t3', '']);
    const added = applyEdits(renamed, run(renamed, {}).find((x) => x.ruleId === 'toc-mismatch')!.fix!.edits).text;
    expect(added.split('\n').slice(4, 8)).toEqual(['1. Godkendelse af dagsorden\t2', '2. Budget 2025 - anlægsønsker\t3', '3. Meddelelser.....', '']);
    expect(added.split('\n').slice(8)).toEqual(text.split('\n').slice(7));
    expect(run(added, {}).filter((x) => x.ruleId === 'toc-mismatch')).toEqual([]);
  });

  it('toc-mismatch: no rewrite of a TOC whose group lines between the entries it would lose; an unpaged numbered TOC keeps its heading', () => {
    const body = [
      '1. Godkendelse af dagsorden',
      'Sagsnr.: 24/1',
      'Beslutning',
      'Godkendt.',
      '',
      '2. Salg af grund',
      'Sagsnr.: 24/2',
      'Beslutning',
      'Godkendt.',
      '',
      '3. Eventuelt',
      'Sagsnr.: 24/3',
      'Beslutning',
      'Intet.',
      '',
    ];
    const grouped = ['Referat', 'Teknisk Udvalg', '', 'Indholdsfortegnelse', '1. Godkendelse af dagsorden', 'Lukkede punkter', '2. Salg af grund', '', ...body].join('\n');
    const missing = run(grouped, {}).filter((x) => x.ruleId === 'toc-mismatch');
    expect(missing.map((x) => [x.message.en, x.fix])).toEqual([['Punkt 3 "Eventuelt" is missing from the table of contents', undefined]]);
    const plain = ['Referat', 'Teknisk Udvalg', '', 'Indholdsfortegnelse', '1. Godkendelse af dagsorden', '2. Salg af grund', '', ...body].join('\n');
    const fixed = applyEdits(plain, run(plain, {}).find((x) => x.ruleId === 'toc-mismatch')!.fix!.edits).text;
    expect(fixed.split('\n').slice(3, 8)).toEqual(['Indholdsfortegnelse', '1. Godkendelse af dagsorden', '2. Salg af grund', '3. Eventuelt', '']);
  });

  it('toc-mismatch: the rewrite fix on a reordered TOC gives a TOC that matches', () => {
    const original = readSeed(S004);
    const a = 'C-sag: Drøftelse af etablering af International House Odense.....\t20';
    const b = 'C-sag: Reform af beskæftigelsesindsatsen.....\t25';
    const text = alter(alter(original, a, '@@'), b, a).replace('@@', b);
    const found = run(text).filter((x) => x.ruleId === 'toc-mismatch');
    // Two entries swapped: the longest run in order keeps one of them, the other is out of place.
    expect(found.map((x) => x.message.en)).toEqual(['The table of contents lists "C-sag: Reform af beskæftigelsesindsatsen" as entry 6, but it is Punkt 7: the order differs']);
    const fixed = applyEdits(text, found[0].fix!.edits).text;
    expect(run(fixed).filter((x) => x.ruleId === 'toc-mismatch')).toEqual([]);
    // Only the TOC's lines changed.
    const changed = fixed
      .split('\n')
      .map((l, i) => (l === original.split('\n')[i] ? null : i + 1))
      .filter((x) => x !== null);
    expect(Math.min(...(changed as number[]))).toBeGreaterThanOrEqual(11);
    expect(Math.max(...(changed as number[]))).toBeLessThanOrEqual(24);
  });

  it('inline directives switch a finding off for a line, a stretch and the file', () => {
    const original = readSeed(S000);
    const line = 'Udvalgsmedlemmerne Mark Grossmann, (V) og Tommy Hummellose, (C) fremsætter følgende ændringsforslag til indstillingspunkt 3:';
    const count = (t: string) => run(t).filter((f) => f.ruleId === 'toc-mismatch' || f.ruleId === 'unknown-member').length;
    expect(count(original)).toBe(2);
    const nextLine = alter(original, 'Kvartalsstatus Korsløkkeparken', '<!-- referat-disable-next-line toc-mismatch -->\nKvartalsstatus Korsløkkeparken');
    expect(count(nextLine)).toBe(1);
    expect(count('<!-- referat-disable-file -->\n' + original)).toBe(0);
    const stretch = alter(
      original,
      'Rådmand Brian Dybro (F) samt udvalgsmedlemmerne Cæcilie Crawley (A), Michael Eskamp Witek (A), Nazim Gürkan (A) og Mark Grossmann (V) og Tommy Hummelose (C)',
      '<!-- referat-disable unknown-member -->\nRådmand Brian Dybro (F) samt udvalgsmedlemmerne Cæcilie Crawley (A), Michael Eskamp Witek (A), Nazim Gürkan (A) og Mark Grossmann (V) og Tommy Hummelose (C)',
    );
    expect(count(stretch)).toBe(1);
    expect(count(alter(stretch, line, `<!-- referat-enable -->\n${line}`))).toBe(1);
  });

  it('configuration turns rules off and changes their severity', () => {
    const text = readSeed(S000);
    const off = lint(readReferat(text), text, { config: { ...members, rules: { 'toc-mismatch': 'off', 'unknown-member': { severity: 'error' } } } });
    expect(off.some((f) => f.ruleId === 'toc-mismatch')).toBe(false);
    expect(off.find((f) => f.ruleId === 'unknown-member')?.severity).toBe('error');
    const overridden = lint(readReferat(text), text, { config: members, overrides: { 'required-section': 'off' } });
    expect(overridden.some((f) => f.ruleId === 'required-section')).toBe(false);
  });

  it('required-section options: required kinds overall and per case type', () => {
    const text = readSeed(S002);
    const only = (config: ReferatConfig) => lint(readReferat(text), text, { config, only: ['required-section'] }).map((f) => f.message.en);
    expect(only({ rules: { 'required-section': { required: ['resume', 'beslutning'] } } })).toEqual([]);
    expect(only({ rules: { 'required-section': { byCaseType: { D: ['resume', 'indstilling'] } } } })).toHaveLength(9);
  });
});

describe('toc-mismatch on a punkt missing from the TOC', () => {
  it('writes the missing entry with its dot leader, for the secretary to add the page, and the finding goes', () => {
    const original = readSeed(S004);
    const text = alter(original, 'D-sag: Aktuelle sager.....\t32\n', '');
    const found = run(text).filter((x) => x.ruleId === 'toc-mismatch');
    expect(found.map((f) => f.message.en)).toEqual(['Punkt 11 "D-sag: Aktuelle sager" is missing from the table of contents']);
    const fixed = applyEdits(text, found[0].fix!.edits).text;
    expect(fixed).toContain('D-sag: Aktuelle sager.....\n');
    expect(run(fixed).filter((x) => x.ruleId === 'toc-mismatch')).toEqual([]);
  });
});
