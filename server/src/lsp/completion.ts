// Completion while writing a referat: the next punkt number after `Punkt `, case-type prefixes
// after `Punkt N: `, section headings in the document's own style on an empty line of a punkt, and
// in a Beslutning the members' names (with party letters) and the usual vote sentences.
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type Position, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Member, Membership } from '../config/membership';
import { type Locale, translator } from '../i18n';
import type { Punkt, ReferatDocument, Section, SectionKind } from '../model';
import { toLine } from '../reader/lines';
import { CANONICAL, comesBefore, headingLineAt } from '../rules/required-section';
import { LineDocument } from './lineDocument';
import { lineText } from './ranges';
import { PARTIES, ROLE_WORDS } from '../vocabulary';

/** Space: after `Punkt`, after `Punkt N:`, after a role word, `,` or `og` in a list of names. */
export const COMPLETION_TRIGGERS = [' '];

export interface CompletionOptions {
  locale: Locale;
  /** The client inserts snippets (`completionItem.snippetSupport`). */
  snippets: boolean;
  /** Who sits on the committee (the attendee list, else referat.config.json); null when not known. */
  membership: Membership | null;
}

const MESSAGES = {
  nextNumber: { en: 'Next punkt number', da: 'Næste punktnummer' },
  nextNumberDoc: { en: 'The punkt before this line is Punkt {n}.', da: 'Punktet før denne linje er punkt {n}.' },
  firstNumberDoc: { en: 'No punkt comes before this line.', da: 'Der er intet punkt før denne linje.' },
  caseType: { en: 'Case type', da: 'Sagstype' },
  caseB: { en: 'B-sag: a case for decision', da: 'B-sag: sag til beslutning' },
  caseC: { en: 'C-sag: a case for discussion', da: 'C-sag: sag til drøftelse' },
  caseD: { en: 'D-sag: a case for orientation (needs only a Resume)', da: 'D-sag: sag til orientering (kræver kun et resume)' },
  caseE: { en: 'E-sag: an initiativretsforslag (no Resume)', da: 'E-sag: initiativretsforslag (intet resume)' },
  section: { en: 'Section heading', da: 'Afsnitsoverskrift' },
  sectionDoc: {
    en: 'Written as this referat writes its headings: `{line}`. Sections already in Punkt {n} are not offered.',
    da: 'Skrevet som dette referat skriver sine overskrifter: `{line}`. Afsnit, som punkt {n} allerede har, tilbydes ikke.',
  },
  member: { en: 'Member', da: 'Medlem' },
  memberAbsent: { en: 'Member, absent from the meeting', da: 'Medlem, fraværende fra mødet' },
  memberDocument: { en: 'Member of {committee}, from the attendee list of this referat.', da: 'Medlem af {committee} ifølge deltagerlisten i dette referat.' },
  memberConfig: { en: 'Member of {committee}, from referat.config.json.', da: 'Medlem af {committee} ifølge referat.config.json.' },
  voteFor: { en: 'Vote: for the amendment', da: 'Afstemning: for ændringsforslaget' },
  voteAgainst: { en: 'Vote: against the amendment', da: 'Afstemning: imod ændringsforslaget' },
  voteAbstain: { en: 'Vote: abstention', da: 'Afstemning: undlader at stemme' },
  voteOutcome: { en: 'Vote: the outcome', da: 'Afstemning: resultatet' },
  recommend: { en: 'Unanimous recommendation', da: 'Enig anbefaling' },
  absence: { en: 'Absence from the meeting', da: 'Fravær fra mødet' },
  sentenceDoc: {
    en: 'A sentence as the minutes write it; validation counts the votes and checks the outcome.',
    da: 'En sætning, som referater skriver den; valideringen tæller stemmerne og tjekker resultatet.',
  },
};

const CASE_TYPES: { letter: string; key: 'caseB' | 'caseC' | 'caseD' | 'caseE' }[] = [
  { letter: 'B', key: 'caseB' },
  { letter: 'C', key: 'caseC' },
  { letter: 'D', key: 'caseD' },
  { letter: 'E', key: 'caseE' },
];

const LEAD = String.raw`^(\s*(?:#{1,6}\s+)?(?:\*\*)?)`;
/** `Punkt `, `## Punkt 1` (being typed): the number. */
const PUNKT_NUMBER = new RegExp(`${LEAD}(?:punkt|pkt\\.?)\\s+(\\d{0,4})$`, 'i');
/** `Punkt 15: `, `Punkt 15: C-`: the case-type prefix. */
const CASE_TYPE = new RegExp(`${LEAD}(?:punkt|pkt\\.?)\\s+\\d{1,4}\\s*[:.]\\s+([B-Eb-e](?:-(?:s(?:a(?:g)?)?)?)?)?$`, 'i');
/** A line being written as a heading: only decoration and words so far. */
const HEADING_SO_FAR = /^(\s*(?:#{1,6}\s*)?(?:\*{1,2})?)[\p{L} ]*$/u;
const ROLES = [...ROLE_WORDS].sort((a, b) => b.length - a.length).join('|');
/** A word of a name being typed: not a separator or a role word. */
const NAME_WORD = `(?!(?:og|samt|${ROLES})(?:\\s|$))\\p{L}[\\p{L}'’.\\-]*`;
/** Where a name is being written: after a role word, after `, `, ` og `, ` samt ` (and the part of the name typed so far). */
const NAME_CONTEXT = new RegExp(`(?:(?:^|[\\s(])(?:${ROLES})\\s+|,\\s*|\\s(?:og|samt)\\s+)(${NAME_WORD}(?: ${NAME_WORD})*)?$`, 'iu');
/** The start of a line in a Beslutning: a word so far at most. */
const LINE_START = /^\s*(\p{L}*)$/u;

export function completions(document: TextDocument, model: ReferatDocument, position: Position, options: CompletionOptions): CompletionItem[] {
  if (position.line < 0 || position.line >= document.lineCount) return [];
  const text = lineText(document, position.line);
  const prefix = text.slice(0, position.character);
  const suffix = text.slice(position.character);
  const t = translator(MESSAGES, options.locale);
  const at = (from: number, to = position.character): Range => ({ start: { line: position.line, character: from }, end: { line: position.line, character: to } });

  const number = PUNKT_NUMBER.exec(prefix);
  if (number) {
    const before = model.items.filter((item) => item.heading.range.start.line < position.line).pop();
    const next = (before?.number ?? 0) + 1;
    return [
      {
        label: String(next),
        kind: CompletionItemKind.Value,
        detail: t('nextNumber'),
        documentation: before ? t('nextNumberDoc', { n: before.number }) : t('firstNumberDoc'),
        textEdit: { range: at(position.character - number[2].length), newText: `${next}: ` },
        filterText: String(next),
        preselect: true,
        command: { title: '', command: 'editor.action.triggerSuggest' },
      },
    ];
  }

  const caseType = CASE_TYPE.exec(prefix);
  if (caseType) {
    const typed = caseType[2] ?? '';
    return CASE_TYPES.map(({ letter, key }, i) => ({
      label: `${letter}-sag: `,
      kind: CompletionItemKind.EnumMember,
      detail: t('caseType'),
      documentation: t(key),
      textEdit: { range: at(position.character - typed.length), newText: `${letter}-sag: ` },
      sortText: String(i),
    }));
  }

  const item = punktAt(model, position.line);
  if (!item || position.line <= item.heading.range.start.line) return [];
  const section = [...item.sections].reverse().find((s) => s.heading.range.start.line < position.line);
  const out: CompletionItem[] = [];
  const blankAfter = suffix.trim() === '';

  const heading = HEADING_SO_FAR.exec(prefix);
  if (heading && blankAfter && !isSectionHeadingLine(item, position.line)) {
    out.push(
      ...sectionItems(
        model,
        (line) => (line >= 0 && line < document.lineCount ? lineText(document, line) : undefined),
        item,
        section,
        position.line,
        heading[1],
        at(0, text.length),
        options,
        t,
        eol(document),
      ),
    );
  }

  if (section?.kind === 'beslutning' && position.line > section.heading.range.start.line) {
    const members = options.membership?.own ?? null;
    const start = LINE_START.exec(prefix);
    const name = start ? null : NAME_CONTEXT.exec(prefix);
    if (start || name) {
      const typed = start ? start[1] : (name![1] ?? '');
      for (const [i, member] of (members?.members ?? []).entries()) out.push(memberItem(member, members!.name, members!.source, at(position.character - typed.length), i, t));
    }
    if (start && blankAfter) out.push(...sentenceItems(model, members?.members ?? [], at(position.character - start[1].length, text.length), options, t));
  }
  return out;
}

/** The punkt a line belongs to: the last one whose heading is on or above it. */
function punktAt(model: ReferatDocument, line: number): Punkt | undefined {
  return model.items.filter((item) => item.heading.range.start.line <= line).pop();
}

function isSectionHeadingLine(item: Punkt, line: number): boolean {
  return item.sections.some((s) => s.heading.range.start.line === line);
}

function eol(document: TextDocument): string {
  const crlf = document instanceof LineDocument ? document.includes('\r\n') : document.getText().includes('\r\n');
  return crlf ? '\r\n' : '\n';
}

/** The section kinds a punkt can be given, in this document's order (else the usual one). */
function orderedKinds(model: ReferatDocument): SectionKind[] {
  const kinds = CANONICAL.filter((k) => k !== 'other');
  return kinds.sort((a, b) => (a === b ? 0 : comesBefore(model, a, b) ? -1 : 1));
}

function sectionItems(
  model: ReferatDocument,
  lineAt: (line: number) => string | undefined,
  item: Punkt,
  section: Section | undefined,
  line: number,
  typedDecoration: string,
  range: Range,
  options: CompletionOptions,
  t: ReturnType<typeof translator<typeof MESSAGES>>,
  lineBreak: string,
): CompletionItem[] {
  const present = new Set(item.sections.map((s) => s.kind));
  const kinds = orderedKinds(model).filter((k) => !present.has(k));
  // The section that usually follows the ones above the cursor comes first.
  const above = item.sections.filter((s) => s.heading.range.start.line < line && s.kind !== 'other').map((s) => s.kind);
  const last = above[above.length - 1];
  const preferred = last ? kinds.find((k) => comesBefore(model, last, k)) : kinds[0];
  return kinds.map((kind, i) => {
    const heading = headingLineAt(model, lineAt, kind, section ?? item.sections[item.sections.length - 1]);
    const words = toLine(heading, 0).text;
    return {
      label: words,
      kind: CompletionItemKind.Keyword,
      detail: `${t('section')} · ${heading}`,
      documentation: { kind: MarkupKind.Markdown, value: t('sectionDoc', { line: heading, n: item.number }) },
      filterText: typedDecoration + words,
      sortText: `0${String(i).padStart(2, '0')}`,
      preselect: kind === preferred,
      ...(options.snippets
        ? { textEdit: { range, newText: `${escapeSnippet(heading)}${lineBreak}${lineBreak}$0` }, insertTextFormat: InsertTextFormat.Snippet }
        : { textEdit: { range, newText: `${heading}${lineBreak}${lineBreak}` } }),
    };
  });
}

function memberItem(
  member: Member,
  committee: string,
  source: 'document' | 'config',
  range: Range,
  index: number,
  t: ReturnType<typeof translator<typeof MESSAGES>>,
): CompletionItem {
  const written = member.party ? `${member.name} (${member.party})` : member.name;
  const party = member.party ? `${member.party}: ${PARTIES[member.party] ?? member.party}` : '';
  const role = member.role ?? '';
  const absent = member.present === false;
  return {
    label: written,
    kind: CompletionItemKind.Value,
    detail: [absent ? t('memberAbsent') : t('member'), role, party].filter(Boolean).join(' · '),
    documentation: t(source === 'document' ? 'memberDocument' : 'memberConfig', { committee }),
    filterText: member.name,
    // Members present first, then in the order of the list.
    sortText: `1${absent ? 1 : 0}${String(index).padStart(3, '0')}`,
    textEdit: { range, newText: written },
  };
}

function sentenceItems(
  model: ReferatDocument,
  members: readonly Member[],
  range: Range,
  options: CompletionOptions,
  t: ReturnType<typeof translator<typeof MESSAGES>>,
): CompletionItem[] {
  const committee = model.meeting.committee ? escapeSnippet(model.meeting.committee) : '${1:Udvalget}';
  const names = members.map((m) => (m.party ? `${m.name} (${m.party})` : m.name));
  const who = names.length ? `\${1|${names.map(escapeChoice).join(',')}|}` : '${1:navn}';
  const sentences: { snippet: string; detail: keyof typeof MESSAGES }[] = [
    { snippet: '${1:medlemmer} stemmer for ændringsforslaget.', detail: 'voteFor' },
    { snippet: '${1:medlemmer} stemmer imod ændringsforslaget.', detail: 'voteAgainst' },
    { snippet: '${1:medlemmer} undlader at stemme.', detail: 'voteAbstain' },
    { snippet: 'Ændringsforslaget er dermed ${1|vedtaget,forkastet|}.', detail: 'voteOutcome' },
    { snippet: `${committee} anbefaler indstillingen.`, detail: 'recommend' },
    { snippet: `Udvalgsmedlem ${who} deltog ikke i mødet.`, detail: 'absence' },
  ];
  return sentences.map(({ snippet, detail }, i) => {
    const plain = plainText(snippet);
    return {
      label: plain,
      kind: CompletionItemKind.Snippet,
      detail: t(detail),
      documentation: t('sentenceDoc'),
      sortText: `2${i}`,
      ...(options.snippets ? { textEdit: { range, newText: snippet }, insertTextFormat: InsertTextFormat.Snippet } : { textEdit: { range, newText: plain } }),
    };
  });
}

/** A snippet as plain text: each placeholder by its default (the first choice). */
export function plainText(snippet: string): string {
  return snippet
    .replace(/\$\{\d+\|((?:\\.|[^,|\\])*)[,|](?:\\.|[^}\\])*\}/g, (_, first: string) => first.replace(/\\(.)/g, '$1'))
    .replace(/\$\{\d+:((?:\\.|[^}\\])*)\}/g, (_, value: string) => value.replace(/\\(.)/g, '$1'))
    .replace(/\$\{\d+\}|\$\d+/g, '')
    .replace(/\\([$}\\])/g, '$1');
}

function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

function escapeChoice(text: string): string {
  return text.replace(/[\\$}|,]/g, (c) => `\\${c}`);
}
