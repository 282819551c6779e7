// Writes syntaxes/referat.tmLanguage.json (scope `text.referat`) from the word lists in
// server/src/vocabulary.ts, so that the editor colours the same words the reader recognises, and
// language-configuration.json (brackets, quotes, word pattern, list continuation on Enter).
//
//   node scripts/build-grammar.mjs           write both files
//   node scripts/build-grammar.mjs --check   exit 1 when a written file is out of date
//
// A TextMate grammar sees one line at a time: what needs the document (member names, the 001-style
// `N. Title` items, whether a line really opens an item) comes from the server's semantic tokens.
import * as esbuild from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const GRAMMAR_PATH = path.join(root, 'syntaxes/referat.tmLanguage.json');
export const LANGUAGE_CONFIGURATION_PATH = path.join(root, 'language-configuration.json');

/** How far Enter continues a numbered list (`3. ` gives `4. `): onEnterRules cannot count. */
const NUMBERED_LIST_CONTINUATION = 30;

export function buildLanguageConfiguration() {
  const pairs = [
    ['(', ')'],
    ['[', ']'],
    ['"', '"'],
    ['“', '”'],
    ['”', '”'],
    ['„', '“'],
    ['«', '»'],
  ];
  const bullet = (char) => ({
    // `- text` / `• text` (any indentation): the new line starts with the same bullet.
    beforeText: `^\\s*${char === '-' || char === '*' ? `\\${char}` : char}\\s+\\S.*$`,
    action: { indent: 'none', appendText: `${char} ` },
  });
  const numbered = Array.from({ length: NUMBERED_LIST_CONTINUATION }, (_, i) => i + 1).flatMap((n) =>
    ['.', ')'].map((sep) => ({
      beforeText: `^\\s*${n}\\${sep}\\s+\\S.*$`,
      action: { indent: 'none', appendText: `${n + 1}${sep} ` },
    })),
  );
  return {
    comments: { blockComment: ['<!--', '-->'] },
    brackets: [
      ['(', ')'],
      ['[', ']'],
    ],
    colorizedBracketPairs: [],
    autoClosingPairs: [
      ...pairs.map(([open, close]) => (open === close || open === '"' ? { open, close, notIn: ['string'] } : { open, close })),
      { open: '**', close: '**', notIn: ['string'] },
      { open: '<!--', close: ' -->', notIn: ['comment', 'string'] },
    ],
    autoCloseBefore: ';:.,=}])>”“»« \n\t',
    surroundingPairs: [...pairs, ['*', '*'], ['_', '_']],
    folding: {
      markers: {
        start: '^\\s*<!--\\s*#?region\\b.*-->',
        end: '^\\s*<!--\\s*#?endregion\\b.*-->',
      },
    },
    // Words with Danish letters and accents, hyphenated names (`Hoffmann-Petersen`, `Anne-Mette`),
    // apostrophes (`Bæhrenz'`), and numbers with separators as one word (`00.15.00-A00-20-19`, `3,4`).
    wordPattern: {
      pattern: "\\p{N}+(?:[.,:/-][\\p{L}\\p{N}]+)+|[\\p{L}\\p{M}\\p{N}]+(?:['’-][\\p{L}\\p{M}\\p{N}]+)*",
      flags: 'u',
    },
    onEnterRules: [...['-', '•', '*', '–'].map(bullet), ...numbered],
  };
}

/** The vocabulary module, bundled in memory (it is TypeScript) and imported from a data URL. */
async function loadVocabulary() {
  const result = await esbuild.build({
    entryPoints: [path.join(root, 'server/src/vocabulary.ts')],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].text;
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

// ---------------------------------------------------------------------------------------------
// Regex helpers (Oniguruma syntax: `(?i:...)`, `\p{Lu}`, `\x{00A0}`)

const SPACE = '[\\s\\x{00A0}]';
/** Not inside a word on the left / right. */
const WORD_START = `(?<![\\p{L}\\p{M}\\p{N}])`;
const WORD_END = `(?![\\p{L}\\p{M}\\p{N}])`;

/** A vocabulary word as a regex: accents as `fold` treats them, any run of spaces, dots literal. */
function wordPattern(word) {
  let out = '';
  for (const ch of word) {
    if ('eéèê'.includes(ch)) out += '[eéèê]';
    else if ('æä'.includes(ch)) out += '[æä]';
    else if ('øö'.includes(ch)) out += '[øö]';
    else if (ch === ' ') out += `${SPACE}++`;
    else if (/[.*+?^${}()|[\]\\/-]/.test(ch)) out += `\\${ch}`;
    else out += ch;
  }
  return out;
}

/** Case-insensitive alternation of words, longest first so that `ikke vedtaget` wins over `vedtaget`. */
function words(list) {
  const unique = [...new Set(list.map((w) => w.toLowerCase()))].sort((a, b) => b.length - a.length || a.localeCompare(b));
  return `(?i:${[...new Set(unique.map(wordPattern))].join('|')})`;
}

// Decoration around a heading line: `#`..`######`, `**`, both, or none.
const HASHES = `(?:(#{1,6})${SPACE}++)?`;
const BOLD_OPEN = '(\\*\\*)?';
const BOLD_CLOSE = '(\\*\\*)?';
const LINE_END = `${SPACE}*+$`;

const BOLD = 'punctuation.definition.bold.markdown';
const COLON = 'punctuation.separator.colon.referat';

/** `captures` from the scope names of groups 1, 2, ... (null: the group gets no scope). */
function groups(...names) {
  return Object.fromEntries(names.flatMap((name, i) => (name ? [[i + 1, { name }]] : [])));
}

// ---------------------------------------------------------------------------------------------

export async function buildGrammar() {
  const v = await loadVocabulary();
  const sectionKinds = Object.keys(v.SECTION_HEADINGS);
  const allSectionWords = words(Object.values(v.SECTION_HEADINGS).flat());
  const months = Object.keys(v.MONTHS).filter((m) => m.length > 3 || m === 'maj');
  const monthAbbreviations = Object.keys(v.MONTHS).filter((m) => m.length <= 4 && !months.includes(m));
  const partyLetter = '[A-ZÆØÅ]';
  /** A capitalised word of a name: `Hoffmann-Petersen`, `J.`, `O'Brien`. */
  const nameWord = "\\p{Lu}[\\p{L}\\p{M}'’.]*(?:-[\\p{L}\\p{M}'’.]+)*";
  const titleWords = v.TITLE_WORDS.map((w) => w[0].toUpperCase() + w.slice(1)).join('|');

  /** `^ [#] [**] <words> [:] [**] [:] $` — a heading line that is only the words. */
  const headingLine = (wordsRegex) => `^${SPACE}*+${HASHES}${BOLD_OPEN}${SPACE}*+(${wordsRegex})${SPACE}*+(:)?${SPACE}*+${BOLD_CLOSE}${SPACE}*+(:)?${LINE_END}`;
  /** A title line: `opening` and the rest of the line, in `#` and `**` or not. */
  const titleLine = (opening) => ({
    match: `^${SPACE}*+${HASHES}${BOLD_OPEN}${SPACE}*+(${opening}.*?)${SPACE}*+${BOLD_CLOSE}${LINE_END}`,
    captures: {
      0: { name: 'markup.heading.title.referat' },
      1: { name: 'punctuation.definition.heading.markdown' },
      2: { name: BOLD },
      3: { name: 'entity.name.section.title.referat', patterns: [{ include: '#date' }, { include: '#time' }] },
      4: { name: BOLD },
    },
  });
  const headingCaptures = (lineScope, wordScope) => ({
    0: { name: lineScope },
    ...groups('punctuation.definition.heading.markdown', BOLD, wordScope, COLON, BOLD, COLON),
  });

  const itemWord = `(?i:${v.ITEM_WORDS.map((w) => wordPattern(w))
    .sort((a, b) => b.length - a.length)
    .join('|')})\\.?`;
  const caseType = `(?:([A-E]-sag)${SPACE}*+(:)${SPACE}*+)?`;
  const punktCaptures = {
    0: { name: 'markup.heading.punkt.referat' },
    1: { name: 'punctuation.definition.heading.markdown' },
    2: { name: 'punctuation.definition.bold.markdown' },
    3: { name: 'keyword.other.punkt.referat' },
    4: { name: 'constant.numeric.punkt-number.referat' },
    5: { name: 'punctuation.separator.punkt.referat' },
    6: { name: 'storage.type.case-type.referat' },
    7: { name: 'punctuation.separator.colon.referat' },
    8: { name: 'entity.name.section.punkt.referat', patterns: [{ include: '#inline' }] },
    9: { name: 'punctuation.definition.bold.markdown' },
  };

  /**
   * Every line that ends a Beslutning section or the table of contents: a section, an item, a
   * markdown heading, a 001-style category, a TOC heading.
   */
  const nextHeading = [
    headingLine(allSectionWords),
    `^${SPACE}*+${HASHES}${BOLD_OPEN}${SPACE}*+${itemWord}${SPACE}++\\d{1,4}${SPACE}*+(?:[:.)\\-–—]|$)`,
    `^${SPACE}*+#{1,6}${SPACE}`,
    `^[A-E]\\.${SPACE}++(?:Sager${SPACE}++til|Orientering)${WORD_END}`,
    headingLine(words(v.TOC_HEADINGS)),
  ]
    .map((r) => `(?:${r})`)
    .join('|');

  const strongLabels = ['mødedato', 'mødested', 'mødedeltagere'];
  const weak = (list) => list.filter((w) => !strongLabels.includes(w));
  /** `Mødedato ...` always; a weaker label (`Dato`, `Medlemmer`) only with a colon or in bold. */
  const labelLine = (list) => {
    const strong = list.filter((w) => strongLabels.includes(w));
    const alternatives = [];
    if (strong.length) alternatives.push(`(\\*\\*)?(${words(strong)})(?:${SPACE}*+(:))?(\\*\\*)?(?:${SPACE}*+(:))?(?=${SPACE}|$)`);
    if (weak(list).length) {
      alternatives.push(`(\\*\\*)(${words(weak(list))})${SPACE}*+(:)?(\\*\\*)(?:${SPACE}*+(:))?(?=${SPACE}|$)`);
      alternatives.push(`()(${words(weak(list))})${SPACE}*+(:)()()(?=${SPACE}|$)`);
    }
    return alternatives;
  };
  const labelCaptures = groups(BOLD, 'keyword.other.label.referat', COLON, BOLD, COLON);
  /** One begin/end rule per label alternative (captures are numbered per rule). */
  const labelRules = (list, rule) =>
    labelLine(list).map((alt) => ({
      begin: `^${SPACE}*+${alt}`,
      beginCaptures: labelCaptures,
      ...rule,
    }));

  const grammar = {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    name: 'Referat',
    scopeName: 'text.referat',
    comment: 'Generated by scripts/build-grammar.mjs from server/src/vocabulary.ts: edit those, then run `npm run build:grammar`.',
    patterns: [
      { include: '#comment' },
      { include: '#title' },
      { include: '#header-label' },
      { include: '#adjourned' },
      { include: '#toc-heading' },
      { include: '#toc-entry' },
      { include: '#punkt-heading' },
      { include: '#section-beslutning' },
      { include: '#section-heading' },
      { include: '#category-line' },
      { include: '#access-marker' },
      { include: '#markdown-heading' },
      { include: '#list-item' },
      { include: '#inline' },
    ],
    repository: {
      comment: {
        name: 'comment.block.referat',
        begin: '<!--',
        end: '-->',
        beginCaptures: { 0: { name: 'punctuation.definition.comment.begin.referat' } },
        endCaptures: { 0: { name: 'punctuation.definition.comment.end.referat' } },
        patterns: [
          {
            match: `(?<=<!--)${SPACE}*+(referat-(?:disable-next-line|disable-line|disable-file|disable|enable))(?=\\s|-->)((?:[\\s,]+[a-z][a-z0-9-]*(?=[\\s,]|-->))*)`,
            captures: {
              1: { name: 'keyword.other.directive.referat' },
              2: { patterns: [{ match: '[a-z][a-z0-9-]*', name: 'constant.other.rule-id.referat' }] },
            },
          },
        ],
      },

      // REFERAT Beskæftigelses- og Socialudvalget 2018-2021 d. 23-06-2020 (also in `#` and `**`);
      // the 001 style has `Referat` alone on the first line.
      title: {
        patterns: [
          // `REFERAT ...` in capitals, whatever follows.
          titleLine(`(?:${v.TITLE_WORDS.map((w) => w.toUpperCase()).join('|')})${WORD_END}`),
          // `Beslutningsprotokol for Økonomiudvalget ...`: a capitalised name after the word.
          titleLine(`(?:${titleWords})${SPACE}++(?:(?:for|af|fra)${SPACE}++)?(?:mødet${SPACE}++i${SPACE}++)?\\p{Lu}`),
          {
            match: headingLine(`(?:${titleWords})`),
            captures: headingCaptures('markup.heading.title.referat', 'entity.name.section.title.referat'),
          },
        ],
      },

      'header-label': {
        patterns: [
          ...labelRules([...v.HEADER_LABELS.committee], {
            name: 'meta.header.committee.referat',
            end: '$',
            contentName: 'entity.name.section.committee.referat',
            patterns: [{ include: '#inline' }],
          }),
          ...labelRules([...v.HEADER_LABELS.date], {
            name: 'meta.header.date.referat',
            end: '$',
            contentName: 'string.unquoted.value.date.referat',
            patterns: [{ include: '#date' }, { include: '#time' }],
          }),
          ...labelRules([...v.HEADER_LABELS.place], {
            name: 'meta.header.place.referat',
            end: '$',
            contentName: 'string.unquoted.value.place.referat',
            patterns: [{ include: '#inline' }],
          }),
          // A list of names, wrapped over lines until a blank line.
          ...labelRules([...v.HEADER_LABELS.attendees, ...v.HEADER_LABELS.absent], {
            name: 'meta.header.attendees.referat',
            end: `^(?=${SPACE}*+$|${SPACE}*+(?:#|\\*\\*))`,
            contentName: 'meta.attendees.referat',
            patterns: [{ include: '#attendee-list' }],
          }),
        ],
      },

      'attendee-list': {
        patterns: [
          { include: '#absence-mark' },
          { include: '#party' },
          { match: `${WORD_START}${words([...v.SUBSTITUTE_MARKS, ...v.SUBSTITUTE_MARKS.map((m) => `${m} for`)])}${WORD_END}`, name: 'storage.modifier.substitute.referat' },
          { match: `${WORD_START}${words(v.ROLE_WORDS)}${WORD_END}`, name: 'storage.modifier.role.referat' },
          { match: `${WORD_START}(?i:ingen)\\.?`, name: 'constant.language.none.referat' },
          { match: `,|;|${WORD_START}(?:og|samt)${WORD_END}`, name: 'punctuation.separator.list.referat' },
          {
            match: `${nameWord}(?:${SPACE}++(?:${nameWord}|(?:${v.NAME_PARTICLES.join('|')})(?=${SPACE}++\\p{Lu})))*`,
            name: 'variable.other.member.referat',
          },
        ],
      },

      adjourned: {
        match: `^${SPACE}*+((?i:mødet${SPACE}++(?:blev${SPACE}++)?hævet))`,
        captures: { 1: { name: 'keyword.other.adjourned.referat' } },
      },

      // The table of contents runs from its heading to the first item (or any other heading).
      'toc-heading': {
        begin: headingLine(words(v.TOC_HEADINGS)),
        beginCaptures: headingCaptures('markup.heading.toc.referat', 'entity.name.section.toc.referat'),
        end: `(?=${nextHeading})`,
        name: 'meta.toc.referat',
        patterns: [{ include: '#comment' }, { include: '#toc-entry' }, { include: '#toc-entry-truncated' }, { include: '#inline' }],
      },

      // `# **Punkt 3: B-sag: Title**`, `Punkt 3: Title`, `Pkt. 3. Title`. Undecorated lines need the
      // separator, so that `Punkt 2 i indstillingen` in running text is left alone.
      'punkt-heading': {
        patterns: [
          {
            match: `^${SPACE}*+(?:(#{1,6})${SPACE}++(\\*\\*)?|()(\\*\\*))${SPACE}*+(${itemWord})${SPACE}++(\\d{1,4})${SPACE}*+([:.)\\-–—])?${SPACE}*+${caseType}(.*?)${SPACE}*+(\\*\\*)?${LINE_END}`,
            captures: shiftPunkt(punktCaptures),
          },
          {
            match: `^${SPACE}*+()()(${itemWord})${SPACE}++(\\d{1,4})${SPACE}*+([:.)\\-–—])${SPACE}*+${caseType}(.*?)${SPACE}*+()${LINE_END}`,
            captures: punktCaptures,
          },
        ],
      },

      // Beslutning opens a region where votes, outcomes and absences are coloured; it ends at the
      // next heading of any kind.
      'section-beslutning': {
        begin: headingLine(words(v.SECTION_HEADINGS.beslutning)),
        beginCaptures: headingCaptures('markup.heading.section.beslutning.referat', 'entity.name.section.referat'),
        end: `(?=${nextHeading})`,
        name: 'meta.section.beslutning.referat',
        patterns: [{ include: '#comment' }, { include: '#counted-vote' }, { include: '#decision-list-item' }, { include: '#decision-inline' }],
      },

      'section-heading': {
        patterns: sectionKinds
          .filter((kind) => kind !== 'beslutning')
          .map((kind) => ({
            match: headingLine(words(v.SECTION_HEADINGS[kind])),
            captures: headingCaptures(`markup.heading.section.${kind}.referat`, 'entity.name.section.referat'),
          })),
      },

      // 001 style: `A. Sager til afgørelse i byrådet`, `D. Orientering`. In the table of contents the
      // category is followed at once by numbered entries (`12 Virksomhedsindsatser i ...`): those lines,
      // and only those, are TOC entries; in the body the category stands before a blank line or an
      // access marker, which ends the block at once.
      'category-line': {
        begin: `^${SPACE}*+([A-E])(\\.)${SPACE}++((?:Sager${SPACE}++til|Orientering)${WORD_END}.*?)${LINE_END}`,
        beginCaptures: {
          0: { name: 'markup.heading.category.referat' },
          1: { name: 'storage.type.case-type.referat' },
          2: { name: 'punctuation.separator.referat' },
          3: { name: 'entity.name.section.category.referat' },
        },
        end: `^(?!${SPACE}*+\\d{1,3}${SPACE}++\\S)`,
        patterns: [
          {
            match: `^${SPACE}*+(\\d{1,3})${SPACE}++(.*?)${LINE_END}`,
            name: 'meta.toc-entry.referat',
            captures: {
              1: { name: 'constant.numeric.toc-number.referat' },
              2: { name: 'entity.name.section.toc-entry.referat', patterns: [{ include: '#quote' }] },
            },
          },
        ],
      },

      // `Åbent - 00.00.00-G01-4336-15`, `Lukket`.
      'access-marker': {
        match: `^${SPACE}*+(${words(v.ACCESS_MARKERS)})(?:${SPACE}*+([-–:])${SPACE}*+(.*?))?${LINE_END}`,
        captures: {
          1: { name: 'variable.language.access.referat' },
          2: { name: 'punctuation.separator.referat' },
          3: { patterns: [{ include: '#inline' }] },
        },
      },

      // `Title.....<TAB>3`, also outside a table of contents that has no heading.
      'toc-entry': {
        patterns: [
          {
            match: `^${SPACE}*+(${caseTypeGroup()}?)(.*?)(?<![.…])((?>\\.{3,})|…++)[ \\t\\x{00A0}]*+(\\d{1,4})${LINE_END}`,
            captures: tocCaptures(),
          },
        ],
      },

      // Inside the table of contents only: a title cut at the page width has no dots (`...i alderen (<TAB>8`).
      'toc-entry-truncated': {
        match: `^[ \\x{00A0}]*(${caseTypeGroup()}?)([^\\t]*?[^\\s\\x{00A0}])()[ \\x{00A0}]*\\t[ \\t\\x{00A0}]*(\\d{1,4})${LINE_END}`,
        captures: tocCaptures(),
      },

      'markdown-heading': {
        match: `^${SPACE}*+(#{1,6})${SPACE}++(.*?)${LINE_END}`,
        captures: {
          0: { name: 'markup.heading.referat' },
          1: { name: 'punctuation.definition.heading.markdown' },
          2: { name: 'entity.name.section.referat', patterns: [{ include: '#inline' }] },
        },
      },

      'list-item': listItems('#inline'),
      'decision-list-item': listItems('#decision-inline'),

      inline: {
        patterns: [
          { include: '#comment' },
          { include: '#bold' },
          { include: '#quote' },
          { include: '#case-number' },
          { include: '#date' },
          { include: '#time' },
          { include: '#amount' },
          { include: '#party' },
          { include: '#absence-mark' },
        ],
      },

      'decision-inline': {
        patterns: [
          { include: '#comment' },
          { include: '#bold-decision' },
          { include: '#quote' },
          { include: '#absence-phrase' },
          { include: '#outcome' },
          { include: '#proposal' },
          { include: '#vote-verb' },
          { include: '#decision-verb' },
          { include: '#inline' },
        ],
      },

      bold: boldRule('#inline'),
      'bold-decision': boldRule('#decision-inline'),

      // "..." ”...” “...” „...“ «...» on one line (exports lose closing quotes, so an unclosed quote
      // colours nothing rather than the rest of the document).
      quote: {
        patterns: [
          ['"', '"'],
          ['”', '”'],
          ['“', '”'],
          ['„', '“'],
          ['«', '»'],
          ['»', '«'],
        ].map(([open, close]) => ({
          match: `(${open})([^${open}${close}]*)(${close})`,
          captures: {
            0: { name: 'string.quoted.double.referat' },
            1: { name: 'punctuation.definition.string.begin.referat' },
            2: { patterns: [{ include: '#case-number' }, { include: '#date' }, { include: '#amount' }] },
            3: { name: 'punctuation.definition.string.end.referat' },
          },
        })),
      },

      // KLE `00.15.00-A00-20-19`, Odder `S2018-2162`, and any number after a label (`Sagsnr.: 2012-28504`).
      'case-number': {
        patterns: [
          {
            match: `(?<![\\w.-])\\d{2}\\.\\d{2}\\.\\d{2}-${partyLetter}\\d{2}-\\d+(?:-\\d{2})?(?![\\w-])`,
            name: 'variable.other.constant.case-number.referat',
          },
          { match: `(?<![\\w-])S\\d{4}-\\d+(?![\\w-])`, name: 'variable.other.constant.case-number.referat' },
          {
            match: `${WORD_START}(${words(v.CASE_NUMBER_LABELS)})(\\.)?${SPACE}*+(:)?${SPACE}*+(\\d[\\w./-]*)`,
            captures: groups('keyword.other.label.referat', 'keyword.other.label.referat', COLON, 'variable.other.constant.case-number.referat'),
          },
        ],
      },

      // 23-06-2020, 2020-06-23, 12/12 2012, 23. juni 2020, den 2. juni.
      date: {
        patterns: [
          { match: '(?<![\\w.-])\\d{1,2}-\\d{1,2}-\\d{4}(?![\\w-])', name: 'constant.numeric.date.referat' },
          { match: '(?<![\\w.-])\\d{4}-\\d{2}-\\d{2}(?![\\w-])', name: 'constant.numeric.date.referat' },
          { match: `(?<![\\w./-])\\d{1,2}/\\d{1,2}(?:/|-|${SPACE})\\d{4}(?![\\w-])`, name: 'constant.numeric.date.referat' },
          {
            match: `(?<![\\w.])\\d{1,2}\\.?${SPACE}++(?:(?i:${months.join('|')})${WORD_END}|(?i:${monthAbbreviations.join('|')})\\.)(?:${SPACE}++\\d{4}(?!\\d))?`,
            name: 'constant.numeric.date.referat',
          },
        ],
      },

      // kl. 08:30, kl. 14.07
      time: {
        match: `${WORD_START}((?i:kl)\\.?)${SPACE}*+(\\d{1,2}[.:]\\d{2})(?!\\d)`,
        captures: { 1: { name: 'keyword.other.time.referat' }, 2: { name: 'constant.numeric.time.referat' } },
      },

      // 3,4 mio. kr., 10.000 kr., kr. 500, 2 mia. DKK
      amount: {
        patterns: [
          {
            match: `(?<![\\w.,])(?:\\d{1,3}(?:\\.\\d{3})+|\\d+)(?:,\\d+)?(?:${SPACE}*+(?i:mio|mia|mill|t)\\.?)?${SPACE}*+(?:kr${WORD_END}\\.?|DKK${WORD_END})`,
            name: 'constant.numeric.amount.referat',
          },
          {
            match: `${WORD_START}(?:kr\\.|DKK)${SPACE}*+(?:\\d{1,3}(?:\\.\\d{3})+|\\d+)(?:,\\d+)?(?![\\d.,]\\d)`,
            name: 'constant.numeric.amount.referat',
          },
        ],
      },

      // (A), (Ø), also after a comma (`Reza Javid, (Ø)`) and in groups (`(A+V+C)`, `(A, F og V)`).
      party: {
        match: `(\\()(${SPACE}*+${partyLetter}(?:(?:${SPACE}*+[+,/]${SPACE}*+|${SPACE}++og${SPACE}++)${partyLetter})*${SPACE}*+)(\\))`,
        captures: {
          1: { name: 'punctuation.definition.party.begin.referat' },
          2: {
            patterns: [
              { match: partyLetter, name: 'constant.language.party.referat' },
              { match: `[+,/]|og`, name: 'punctuation.separator.list.referat' },
            ],
          },
          3: { name: 'punctuation.definition.party.end.referat' },
        },
      },

      // (Fravær), (Afbud)
      'absence-mark': {
        match: `(\\()${SPACE}*+(${words(v.ABSENCE_MARKS)})${SPACE}*+(\\))`,
        captures: {
          0: { name: 'meta.absence-mark.referat' },
          1: { name: 'punctuation.definition.absence.begin.referat' },
          2: { name: 'keyword.other.absence.referat' },
          3: { name: 'punctuation.definition.absence.end.referat' },
        },
      },

      'absence-phrase': {
        patterns: [
          {
            match: `${WORD_START}(${words(v.ABSENCE_PHRASES.flatMap((a) => a.phrases))})${WORD_END}`,
            captures: { 1: { name: 'keyword.other.absence.referat' } },
          },
          {
            match: `^${SPACE}*+(\\*\\*)?(${words(v.ABSENCE_LABELS)})(\\*\\*)?${SPACE}*+(:)`,
            captures: groups(BOLD, 'keyword.other.absence.referat', BOLD, COLON),
          },
        ],
      },

      outcome: {
        patterns: [
          {
            match: `${WORD_START}${words(v.OUTCOMES.forkastet)}${WORD_END}`,
            name: 'markup.deleted.outcome.forkastet.referat',
          },
          {
            match: `${WORD_START}${words(v.OUTCOMES.vedtaget)}${WORD_END}`,
            name: 'markup.inserted.outcome.vedtaget.referat',
          },
        ],
      },

      proposal: {
        match: `${WORD_START}(${words(v.PROPOSAL_VERBS)})${SPACE}++(?:(?i:følgende)${SPACE}++)?(${words(v.PROPOSAL_NOUNS)})${WORD_END}`,
        captures: { 1: { name: 'keyword.other.proposal.referat' }, 2: { name: 'keyword.other.proposal.referat' } },
      },

      // stemmer for / stemmer imod / undlader at stemme / anbefaler. Longest first across sides,
      // so that `anbefaler ikke` is against, not for.
      // stemmer for / stemmer imod / undlader at stemme / anbefaler. The sides in the vocabulary's
      // order (abstain, against, for), so that `anbefaler ikke` is against, not for.
      'vote-verb': {
        patterns: v.VOTE_VERBS.map(({ side, phrases }) => ({
          match: `${WORD_START}${words(phrases)}${WORD_END}`,
          name: `keyword.other.vote.${side}.referat`,
        })),
      },

      // The committee's own decision: `Udvalget forkaster ...`, `Taget til efterretning`.
      'decision-verb': {
        patterns: v.DECISION_VERBS.map(({ kind, phrases }) => ({
          match: `${WORD_START}${words(phrases)}${WORD_END}`,
          name: `keyword.other.decision.${kind}.referat`,
        })),
      },

      // For stemte: 5 (A, F og V) / Imod stemte: 2 (Ø) / Undlod at stemme: 0
      'counted-vote': {
        patterns: v.COUNTED_VOTE_LABELS.map(({ side, labels }) => ({
          match: `^${SPACE}*+(\\*\\*)?(${words(labels)})(\\*\\*)?${SPACE}*+(:)${SPACE}*+(\\d+)?`,
          name: 'meta.vote.counted.referat',
          captures: groups(BOLD, `keyword.other.vote.${side}.referat`, BOLD, COLON, 'constant.numeric.count.referat'),
        })),
      },
    },
  };

  function caseTypeGroup() {
    return `(?:[A-E]-sag${SPACE}*+:${SPACE}*+)`;
  }
  function tocCaptures() {
    return {
      0: { name: 'meta.toc-entry.referat' },
      1: {
        patterns: [
          {
            match: `([A-E]-sag)${SPACE}*+(:)`,
            captures: { 1: { name: 'storage.type.case-type.referat' }, 2: { name: 'punctuation.separator.colon.referat' } },
          },
        ],
      },
      2: { name: 'entity.name.section.toc-entry.referat', patterns: [{ include: '#quote' }] },
      3: { name: 'punctuation.leader.dots.referat' },
      4: { name: 'constant.numeric.page.referat' },
    };
  }
  function listItems(inner) {
    return {
      patterns: [
        {
          begin: `^${SPACE}*+([•\\-–*▪◦·])(?=${SPACE})`,
          end: '$',
          name: 'markup.list.unnumbered.referat',
          beginCaptures: { 1: { name: 'punctuation.definition.list.begin.markdown' } },
          patterns: [{ include: inner }],
        },
        {
          begin: `^${SPACE}*+(\\d{1,3}[.)]|[a-zæøå][.)])(?=${SPACE})`,
          end: '$',
          name: 'markup.list.numbered.referat',
          beginCaptures: { 1: { name: 'punctuation.definition.list.begin.markdown' } },
          patterns: [{ include: inner }],
        },
      ],
    };
  }
  function boldRule(inner) {
    return {
      match: '(\\*\\*)(?=\\S)(.{1,300}?)(?<=\\S)(\\*\\*)',
      captures: {
        0: { name: 'markup.bold.referat' },
        1: { name: 'punctuation.definition.bold.markdown' },
        2: { patterns: [{ include: inner }] },
        3: { name: 'punctuation.definition.bold.markdown' },
      },
    };
  }

  return grammar;
}

/** The decorated punkt rule has two extra groups (the `**` of a line without `#`). */
function shiftPunkt(captures) {
  const out = { 0: captures[0], 1: captures[1], 2: captures[2], 3: {}, 4: captures[2] };
  for (let group = 3; group <= 9; group++) out[group + 2] = captures[group];
  return out;
}

/**
 * vscode-textmate retokenizes a capture that has `patterns` under the rule's scope only, not under
 * capture 0's: so a match rule's whole-match scope goes in its `name`, where every capture inherits it.
 */
function hoistWholeMatchScopes(node) {
  if (Array.isArray(node)) return node.forEach(hoistWholeMatchScopes);
  if (!node || typeof node !== 'object') return;
  if (typeof node.match === 'string' && node.captures?.[0] && Object.keys(node.captures[0]).join() === 'name' && !node.name) {
    const { 0: whole, ...rest } = node.captures;
    const keys = Object.keys(node);
    const hoisted = {};
    for (const key of keys) {
      if (key === 'match') hoisted.name = whole.name;
      hoisted[key] = key === 'captures' ? rest : node[key];
    }
    for (const key of keys) delete node[key];
    Object.assign(node, hoisted);
  }
  Object.values(node).forEach(hoistWholeMatchScopes);
}

export function serialise(grammar) {
  hoistWholeMatchScopes(grammar);
  return `${JSON.stringify(grammar, null, 2)}\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outputs = [
    [GRAMMAR_PATH, serialise(await buildGrammar())],
    [LANGUAGE_CONFIGURATION_PATH, `${JSON.stringify(buildLanguageConfiguration(), null, 2)}\n`],
  ];
  let stale = false;
  for (const [file, text] of outputs) {
    const name = path.relative(root, file);
    if (process.argv.includes('--check')) {
      let current = '';
      try {
        current = readFileSync(file, 'utf8');
      } catch {
        // missing: out of date
      }
      if (current === text) console.log(`${name} is up to date.`);
      else {
        console.error(`${name} is out of date: run \`npm run build:grammar\`.`);
        stale = true;
      }
    } else {
      writeFileSync(file, text);
      console.log(`wrote ${name}`);
    }
  }
  if (stale) process.exit(1);
}
