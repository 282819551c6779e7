// What the archive keeps of one referat: the meeting, and of each punkt what other meetings are
// compared with (case, decision, votes, absences, minority statements, quoted history). Plain data,
// small and structured-cloneable, so that a worker thread can make it and a server can keep
// thousands without keeping their texts.
import type { Punkt, Range, ReferatDocument, VoteSide } from '../model';
import { lineReader } from '../reader/lines';
import { CASE_TYPE_PATTERN, ROUTINE_TITLES, fold } from '../vocabulary';

export interface ArchivedName {
  name: string;
  party: string | null;
  range: Range;
}

export interface ArchivedAttendee extends ArchivedName {
  role: string | null;
  absent: boolean;
}

export interface ArchivedVote {
  line: number;
  subject: string | null;
  outcome: 'vedtaget' | 'forkastet' | null;
  /** The committee the vote belongs to in joint items (null: the meeting's own). */
  committee: string | null;
  for: ArchivedName[];
  against: ArchivedName[];
  abstain: ArchivedName[];
  counts: { for: number | null; against: number | null; abstain: number | null } | null;
}

export interface ArchivedAbsence extends ArchivedName {
  scope: 'meeting' | 'item';
  committee: string | null;
}

/** `Mindretalsudtalelse fra Tina Rotbøll (A):` or `Linda Heegaard (SF) stemte imod med følgende mindretalsudtalelse:`. */
export interface MinorityStatement {
  /** Who, as written (`Tina Rotbøll (A)`, `A`). */
  by: string;
  /** The people named among them. */
  names: ArchivedName[];
  /** The statement's first line (the rest of the line, else the next one). */
  text: string;
  line: number;
}

export interface ArchivedHistory {
  body: string | null;
  date: string | null;
  punkt: number | null;
  text: string;
  /** The entry's head. */
  range: Range;
}

export interface ArchivedPunkt {
  number: number;
  title: string;
  /** The heading line. */
  line: number;
  numberRange: Range;
  caseNumber: string | null;
  caseNumberRange: Range | null;
  /** What the archive files the punkt under: the case number, else its title (null: a routine title without a case). */
  caseKey: string | null;
  access: string | null;
  /** The text of the Beslutning section(s), lines joined by a space; null when there is none. */
  decision: string | null;
  /** The first non-empty line of the decision. */
  decisionFirstLine: string | null;
  decisionLine: number | null;
  votes: ArchivedVote[];
  absences: ArchivedAbsence[];
  minority: MinorityStatement[];
  history: ArchivedHistory[];
}

export interface ArchivedReferat {
  uri: string;
  title: string | null;
  committee: string | null;
  committeeRange: Range | null;
  period: string | null;
  /** `YYYY-MM-DD`. */
  date: string | null;
  /** Where the date is written: the title's date, else the Mødedato. */
  dateRange: Range | null;
  time: string | null;
  attendees: ArchivedAttendee[];
  punkter: ArchivedPunkt[];
  /** Every person the punkter name for the meeting's own committee (votes, proposers, absences): with the attendees, what spelling checks compare. */
  names: ArchivedName[];
}

/** Case numbers compared without their spacing and case (`emn-2025-003383` is `EMN-2025-003383`). */
export function caseNumberKey(text: string): string {
  return text.replace(/\s+/g, '').toUpperCase();
}

/** A title as titles are compared: without `B-sag:`, quotes, dashes and end punctuation, folded. */
export function titleKey(title: string): string {
  return fold(title.replace(CASE_TYPE_PATTERN, ''))
    .replace(/["”“'’`]/g, '')
    .replace(/[‐-―-]+/g, '-')
    .replace(/[\s.:;,!?]+$/, '')
    .trim();
}

/** The key a punkt is filed under: `sag:<number>`, or `titel:<title>` for a punkt without one whose title is not routine. */
export function caseKeyOf(caseNumber: string | null, title: string): string | null {
  if (caseNumber) return `sag:${caseNumberKey(caseNumber)}`;
  const key = titleKey(title);
  // `Godkendelse af dagsorden` and `Eventuelt` are on every agenda: not one case.
  if (!key || ROUTINE_TITLES.includes(key)) return null;
  return `titel:${key}`;
}

const MINORITY_FROM = /^mindretalsudtalelse\s+fra\s+(.+?)\s*:\s*(.*)$/iu;
const MINORITY_AFTER_VOTE = /^(.+?)\s+(?:stemte|stemmer)\s+(?:imod|for)\s+med\s+(?:følgende|en|sin|deres)\s+mindretalsudtalelse\s*:?\s*(.*)$/iu;
/** `Tina Rotbøll (A)`, `Linda Heegaard (SF)`: a name of capitalised words with a party letter or none. */
const NAME_WITH_PARTY = /^(\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*)+)\s*(?:\((\p{Lu}{1,3})\))?$/u;

function minorityNames(by: string): ArchivedName[] {
  const none = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const names: ArchivedName[] = [];
  for (const part of by.split(/\s*,\s*|\s+og\s+|\s+samt\s+/)) {
    const m = NAME_WITH_PARTY.exec(part.trim());
    if (m) names.push({ name: m[1], party: m[2] ?? null, range: none });
  }
  return names;
}

export type LineAt = (line: number) => string | undefined;

const textOf = (s: string) => s.replace(/^[\s"”“]+|[\s"”“]+$/g, '');

function readDecision(punkt: Punkt, lineAt: LineAt): Pick<ArchivedPunkt, 'decision' | 'decisionFirstLine' | 'decisionLine' | 'minority'> {
  const parts: string[] = [];
  let first: string | null = null;
  let firstLine: number | null = null;
  const minority: MinorityStatement[] = [];
  for (const section of punkt.sections) {
    if (section.kind !== 'beslutning') continue;
    for (let i = section.heading.range.start.line + 1; i <= section.range.end.line; i++) {
      const line = (lineAt(i) ?? '').trim();
      if (!line) continue;
      if (first === null) {
        first = line;
        firstLine = i;
      }
      parts.push(line);
      const m = MINORITY_FROM.exec(line) ?? MINORITY_AFTER_VOTE.exec(line);
      if (m) {
        let text = m[2];
        for (let j = i + 1; !text && j <= section.range.end.line; j++) text = (lineAt(j) ?? '').trim();
        minority.push({ by: m[1].trim(), names: minorityNames(m[1]), text: textOf(text), line: i });
      }
    }
  }
  return { decision: parts.length ? parts.join(' ') : null, decisionFirstLine: first, decisionLine: firstLine, minority };
}

const nameOf = (ref: { name: string; party: string | null; range: Range }): ArchivedName => ({ name: ref.name, party: ref.party, range: ref.range });

function archivePunkt(punkt: Punkt, lineAt: LineAt): ArchivedPunkt {
  const caseNumber = punkt.caseNumber?.text ?? null;
  return {
    number: punkt.number,
    title: punkt.title,
    line: punkt.heading.range.start.line,
    numberRange: punkt.numberRange,
    caseNumber,
    caseNumberRange: punkt.caseNumber?.range ?? null,
    caseKey: caseKeyOf(caseNumber, punkt.title),
    access: punkt.access,
    ...readDecision(punkt, lineAt),
    votes: punkt.votes.map((v) => ({
      line: v.line,
      subject: v.subject,
      outcome: v.outcome,
      committee: v.committee,
      for: v.for.map(nameOf),
      against: v.against.map(nameOf),
      abstain: v.abstain.map(nameOf),
      counts: v.counts,
    })),
    absences: punkt.absences.map((a) => ({ ...nameOf(a.person), scope: a.scope, committee: a.committee })),
    history: punkt.history.map((h) => ({ body: h.body, date: h.date, punkt: h.punkt, text: h.text, range: h.headRange })),
  };
}

/** What the archive keeps of one punkt, and the people it names of the meeting's own committee. */
export interface ArchivedPart {
  punkt: ArchivedPunkt;
  names: ArchivedName[];
}

/** A punkt's part of its referat's record: made from the punkt and its own lines only. */
export function archivePart(punkt: Punkt, lineAt: LineAt): ArchivedPart {
  const names: ArchivedName[] = [];
  for (const v of punkt.votes) if (v.committee === null) for (const ref of [...v.for, ...v.against, ...v.abstain]) names.push(nameOf(ref));
  for (const p of punkt.proposals) if (p.committee === null) for (const ref of p.proposers) names.push(nameOf(ref));
  for (const a of punkt.absences) if (a.committee === null) names.push(nameOf(a.person));
  return { punkt: archivePunkt(punkt, lineAt), names };
}

/**
 * The archive's record of a referat read from `text`. Its strings may be slices of the text: a
 * caller that keeps it long (a language server) should `structuredClone` it, so that it does not
 * keep the whole text alive. `partOf` may give a punkt's part made earlier (a punkt an edit did not touch).
 */
export function archiveEntry(
  uri: string,
  doc: ReferatDocument,
  text: string | { lineAt(line: number): string | undefined },
  partOf: (punkt: Punkt, lineAt: LineAt) => ArchivedPart = archivePart,
): ArchivedReferat {
  // An open document gives its lines: joining its whole text at every keystroke cost more than the rest.
  const lineAt = typeof text === 'string' ? lineReader(text) : (line: number) => text.lineAt(line);
  const m = doc.meeting;
  const parts = doc.items.map((item) => partOf(item, lineAt));
  return {
    uri,
    title: m.title,
    committee: m.committee,
    committeeRange: m.committeeRange,
    period: m.period,
    date: m.date,
    dateRange: (m.titleDate?.iso ? m.titleDate.range : null) ?? m.meetingDate?.range ?? m.titleDate?.range ?? null,
    time: m.time,
    attendees: m.attendees.map((a) => ({ ...nameOf(a), role: a.role, absent: a.absent })),
    punkter: parts.map((part) => part.punkt),
    names: parts.flatMap((part) => part.names),
  };
}

/** Every named voter of a vote with their side. The one place member records read votes: point it at a tally when there is one. */
export function votersOf(vote: ArchivedVote): { voter: ArchivedName; side: VoteSide }[] {
  return [
    ...vote.for.map((voter) => ({ voter, side: 'for' as const })),
    ...vote.against.map((voter) => ({ voter, side: 'against' as const })),
    ...vote.abstain.map((voter) => ({ voter, side: 'abstain' as const })),
  ];
}
