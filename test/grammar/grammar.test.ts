// The TextMate grammar (syntaxes/referat.tmLanguage.json) and the language configuration, as the
// editor uses them. The scope assertions live in test/grammar/*.test.referat (excerpts of the seeds,
// checked by vscode-tmgrammar-test on vscode-textmate + oniguruma, VS Code's own tokenizer); this
// file runs them, checks that the generated files are up to date with server/src/vocabulary.ts,
// and runs one more generated test file with every word of the vocabulary.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  ABSENCE_MARKS,
  ABSENCE_PHRASES,
  ACCESS_MARKERS,
  CASE_NUMBER_LABELS,
  COUNTED_VOTE_LABELS,
  HEADER_LABELS,
  ITEM_WORDS,
  MONTHS,
  OUTCOMES,
  PARTIES,
  PROPOSAL_NOUNS,
  PROPOSAL_VERBS,
  SECTION_HEADINGS,
  TOC_HEADINGS,
  VOTE_VERBS,
} from '../../server/src/vocabulary';

const REPO_ROOT = path.resolve(__dirname, '../..');
const GRAMMAR_DIR = __dirname;
const CLI = path.join(REPO_ROOT, 'node_modules/vscode-tmgrammar-test/dist/unit.js');
const readJson = (file: string) => JSON.parse(readFileSync(path.join(REPO_ROOT, file), 'utf8'));

interface CliRun {
  status: number | null;
  output: string;
}

/** Runs vscode-tmgrammar-test as `npm run test:grammar` does (the grammar comes from package.json). */
function runGrammarTests(files: string[]): CliRun {
  const result = spawnSync(process.execPath, [CLI, '--compact', ...files], { cwd: REPO_ROOT, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** Number of scope assertions in a test file (caret lines and `<-` lines). */
function assertionCount(text: string): number {
  return text.split(/\r?\n/).filter((line) => /^<!--\s*(\^|<~*-+)/.test(line)).length;
}

describe('grammar tests over seed excerpts (vscode-tmgrammar-test)', () => {
  const files = readdirSync(GRAMMAR_DIR)
    .filter((name) => name.endsWith('.test.referat'))
    .sort();

  it('has a test file for each seed style and one for constructs beyond the seeds', () => {
    expect(files).toEqual(expect.arrayContaining(['constructs.test.referat', ...[0, 1, 2, 3, 4].map((n) => `seed00${n}.test.referat`)]));
    for (const file of files) expect(assertionCount(readFileSync(path.join(GRAMMAR_DIR, file), 'utf8')), file).toBeGreaterThan(10);
  });

  it.each(files)('%s passes', (file) => {
    const run = runGrammarTests([path.join(GRAMMAR_DIR, file)]);
    expect(run.output).not.toMatch(/ERROR|failed/);
    expect(run.status, run.output).toBe(0);
  });

  it('fails on a wrong scope, so a passing run means something', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'referat-grammar-'));
    try {
      const file = path.join(dir, 'wrong.test.referat');
      writeFileSync(file, ['<!-- SYNTAX TEST "text.referat" "a wrong assertion"', 'Beslutning', '<!-- <---------- markup.heading.section.resume.referat', ''].join('\n'));
      const run = runGrammarTests([file]);
      expect(run.status).not.toBe(0);
      expect(run.output).toMatch(/missing required scopes:\W*markup\.heading\.section\.resume\.referat/i);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the grammar follows server/src/vocabulary.ts', () => {
  it('is the output of scripts/build-grammar.mjs for the current vocabulary (run `npm run build:grammar` after editing it)', () => {
    const result = spawnSync(process.execPath, ['scripts/build-grammar.mjs', '--check'], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(result.status, `${result.stdout}${result.stderr}`).toBe(0);
  });

  describe('colours every word the reader recognises', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'referat-vocabulary-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const lines: string[] = ['<!-- SYNTAX TEST "text.referat" "every word of server/src/vocabulary.ts"'];
    const capitalise = (word: string) => word[0].toUpperCase() + word.slice(1);
    /** A source line and an assertion on `target` (its first occurrence at or after `from`). */
    const line = (source: string, target: string, scopes: string, from = 0) => {
      const start = source.indexOf(target, from);
      if (start < 0) throw new Error(`${target} not in ${source}`);
      lines.push(source, `<!-- <${'~'.repeat(start)}${'-'.repeat(target.length)} ${scopes}`, '');
    };

    // Outside any section: header labels, TOC headings, items, case numbers, dates, parties.
    for (const [field, labels] of Object.entries(HEADER_LABELS)) {
      for (const label of labels) line(`${capitalise(label)}: x`, capitalise(label), `meta.header.${field === 'absent' ? 'attendees' : field}.referat keyword.other.label.referat`);
    }
    for (const mark of ABSENCE_MARKS) line(`Mødedeltagere Anna Hansen (${capitalise(mark)})`, capitalise(mark), 'meta.attendees.referat keyword.other.absence.referat');
    for (const word of TOC_HEADINGS) line(capitalise(word), capitalise(word), 'markup.heading.toc.referat entity.name.section.toc.referat');
    for (const word of ITEM_WORDS) line(`${capitalise(word)} 12: Godkendelse af dagsorden`, '12', 'markup.heading.punkt.referat constant.numeric.punkt-number.referat');
    for (const marker of ACCESS_MARKERS) line(`${capitalise(marker)} - 00.15.00-A00-20-19`, capitalise(marker), 'variable.language.access.referat');
    for (const label of CASE_NUMBER_LABELS) line(`${capitalise(label)}: 2012-28504`, '2012-28504', 'variable.other.constant.case-number.referat');
    for (const month of Object.keys(MONTHS)) {
      const written = month.length <= 4 && !['maj', 'juni', 'juli', 'sept'].includes(month) ? `${month}.` : month;
      line(`Mødet den 3. ${written} 2020 var kort.`, `3. ${written} 2020`, 'constant.numeric.date.referat');
    }
    for (const letter of Object.keys(PARTIES)) line(`Anna Hansen (${letter}) var der.`, letter, 'constant.language.party.referat', 12);

    // Section headings in the three decorations: plain, UPPER and `## **...**`.
    for (const [kind, words] of Object.entries(SECTION_HEADINGS)) {
      const scope = `markup.heading.section.${kind}.referat entity.name.section.referat`;
      for (const word of words) {
        line(capitalise(word), capitalise(word), scope);
        line(word.toUpperCase(), word.toUpperCase(), scope);
        line(`## **${capitalise(word)}**`, capitalise(word), scope);
      }
    }

    // Inside Beslutning: votes, counted votes, outcomes, absences, proposals.
    lines.push('Beslutning', '');
    const decision = 'meta.section.beslutning.referat';
    for (const { side, phrases } of VOTE_VERBS) {
      for (const phrase of phrases) line(`Anna Hansen (A) og Peter Holm (V) ${phrase} forslaget.`, phrase, `${decision} keyword.other.vote.${side}.referat`);
    }
    for (const { side, labels } of COUNTED_VOTE_LABELS) {
      for (const label of labels) line(`${capitalise(label)}: 3 (A og V)`, capitalise(label), `${decision} meta.vote.counted.referat keyword.other.vote.${side}.referat`);
    }
    for (const [outcome, words] of Object.entries(OUTCOMES)) {
      const scope = outcome === 'vedtaget' ? 'markup.inserted.outcome.vedtaget.referat' : 'markup.deleted.outcome.forkastet.referat';
      for (const word of words) line(`Ændringsforslaget er dermed ${word}.`, word, `${decision} ${scope}`);
    }
    for (const { phrases } of ABSENCE_PHRASES) {
      for (const phrase of phrases) line(`Udvalgsmedlem Anna Hansen ${phrase}.`, phrase, `${decision} keyword.other.absence.referat`);
    }
    for (const verb of PROPOSAL_VERBS) {
      for (const noun of PROPOSAL_NOUNS) line(`Anna Hansen (A) ${verb} følgende ${noun}:`, noun, `${decision} keyword.other.proposal.referat`);
    }

    it('in a generated test file over the whole vocabulary', () => {
      const file = path.join(dir, 'vocabulary.test.referat');
      writeFileSync(file, `${lines.join('\n')}\n`);
      const run = runGrammarTests([file]);
      expect(run.status, run.output).toBe(0);
      expect(assertionCount(lines.join('\n'))).toBeGreaterThan(200);
    });
  });
});

describe('package.json contributes the grammar and the language configuration', () => {
  const pkg = readJson('package.json');

  it('registers text.referat for the referat language', () => {
    const grammar = pkg.contributes.grammars.find((g: { language?: string }) => g.language === 'referat');
    expect(grammar).toMatchObject({ scopeName: 'text.referat', path: './syntaxes/referat.tmLanguage.json' });
    expect(readJson(grammar.path).scopeName).toBe('text.referat');
  });

  it('points the language at language-configuration.json, which exists', () => {
    const language = pkg.contributes.languages.find((l: { id: string }) => l.id === 'referat');
    expect(language.configuration).toBe('./language-configuration.json');
    expect(() => readJson(language.configuration)).not.toThrow();
  });
});

describe('language-configuration.json', () => {
  const config = readJson('language-configuration.json');

  it('comments with <!-- -->, as the inline rule directives do', () => {
    expect(config.comments).toEqual({ blockComment: ['<!--', '-->'] });
  });

  it('closes and surrounds brackets and the quote styles of Danish minutes', () => {
    const closing = config.autoClosingPairs.map((p: { open: string; close: string }) => `${p.open}${p.close}`);
    expect(closing).toEqual(expect.arrayContaining(['()', '[]', '""', '“”', '„“', '«»', '****']));
    const surrounding = config.surroundingPairs.map(([open, close]: string[]) => `${open}${close}`);
    expect(surrounding).toEqual(expect.arrayContaining(['()', '[]', '""', '“”', '„“', '«»', '**']));
    expect(config.brackets).toEqual([
      ['(', ')'],
      ['[', ']'],
    ]);
  });

  it('folds <!-- #region --> ... <!-- #endregion --> like Markdown', () => {
    const start = new RegExp(config.folding.markers.start);
    const end = new RegExp(config.folding.markers.end);
    expect(start.test('<!-- #region Bilag -->')).toBe(true);
    expect(end.test('<!-- #endregion -->')).toBe(true);
    expect(start.test('<!-- referat-disable-next-line vote-tally -->')).toBe(false);
  });

  it('has a word pattern for Danish names, hyphenated names and case numbers', () => {
    const pattern = new RegExp(config.wordPattern.pattern, `${config.wordPattern.flags}g`);
    const text =
      'Udvalgsmedlem Joachim Hoffmann-Petersen (C), Anne-Mette Ebensgaard og Nicolai Busch Bährenz’ forslag på 3,4 mio. kr., sag 00.15.00-A00-20-19 og S2018-2162, Beskæftigelses- og Socialudvalget, Åbent, Ældre, Gürkan, Resumé';
    expect(text.match(pattern)).toEqual([
      'Udvalgsmedlem',
      'Joachim',
      'Hoffmann-Petersen',
      'C',
      'Anne-Mette',
      'Ebensgaard',
      'og',
      'Nicolai',
      'Busch',
      'Bährenz',
      'forslag',
      'på',
      '3,4',
      'mio',
      'kr',
      'sag',
      '00.15.00-A00-20-19',
      'og',
      'S2018-2162',
      'Beskæftigelses',
      'og',
      'Socialudvalget',
      'Åbent',
      'Ældre',
      'Gürkan',
      'Resumé',
    ]);
  });

  describe('continues lists on Enter', () => {
    /** The text the first matching onEnterRule appends after `line`, as VS Code picks it. */
    const appended = (line: string): string | undefined => config.onEnterRules.find((rule: { beforeText: string }) => new RegExp(rule.beforeText).test(line))?.action.appendText;

    it.each([
      ['- Den 4. marts 2020', '- '],
      ['  • At kommunen sikrer, at vejledningen er tilstrækkelig', '• '],
      ['1. de initiativer, som forvaltningen allerede har igangsat', '2. '],
      ['  3. 29 sager om punktsanktion', '4. '],
      ['9) Forslag til geninvesteringer', '10) '],
      ['12. Beskrivelse af udvalgets budgettal', '13. '],
    ])('%j → %j', (line, text) => {
      expect(appended(line)).toBe(text);
    });

    it.each(['Beslutning', '-', '- ', 'Åbent - 00.00.00-G01-4336-15', '2020. Et år', '# Punkt 1: Godkendelse'])('not after %j', (line) => {
      expect(appended(line)).toBeUndefined();
    });
  });
});
