// The document model: what the reader finds in a referat, with exact ranges.
// Positions follow LSP: 0-based lines, UTF-16 code-unit columns. Pure data, no editor types.

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** How a heading line is decorated in the source. */
export type HeadingStyle = 'markdown' | 'bold' | 'upper' | 'plain';

/** A heading line as written. `text` has the decoration (`#`, `**`) removed, words kept as written. */
export interface Heading {
  text: string;
  /** The whole heading line, without trailing white space. */
  range: Range;
  /** Only the words of the heading. */
  textRange: Range;
  /** Number of `#` marks, or null when the line is not a markdown heading. */
  level: number | null;
  style: HeadingStyle;
}

export type SectionKind =
  | 'resume'
  | 'indstilling'
  | 'beslutning'
  | 'sagsfremstilling'
  | 'effekt'
  | 'okonomi'
  | 'bilag'
  | 'sagens-gang'
  /** `Sagens forløb`, `Sagsforløb`, `Tidligere beslutninger`: earlier treatments, quoted; never this meeting's. */
  | 'sagsforlob'
  | 'other';

export const SECTION_KINDS: readonly SectionKind[] = [
  'resume',
  'indstilling',
  'beslutning',
  'sagsfremstilling',
  'effekt',
  'okonomi',
  'bilag',
  'sagens-gang',
  'sagsforlob',
  'other',
];

/** Section kinds as people name them (the same words in both languages: they are the format's). */
export const KIND_NAMES: Record<SectionKind, string> = {
  resume: 'Resume',
  indstilling: 'Indstilling',
  beslutning: 'Beslutning',
  sagsfremstilling: 'Sagsfremstilling',
  effekt: 'Effekt',
  okonomi: 'Økonomi',
  bilag: 'Bilag',
  'sagens-gang': 'Sagens gang',
  sagsforlob: 'Sagsforløb',
  other: 'Andet',
};

export type CaseType = 'A' | 'B' | 'C' | 'D' | 'E';

export interface ReferatDocument {
  /** Number of lines in the text (a final line without newline counts). */
  lineCount: number;
  /** Range of the whole text. */
  range: Range;
  meeting: Meeting;
  toc: Toc | null;
  /** Category groups of the 001 style (`A. Sager til afgørelse i byrådet`), in the body. */
  categories: Category[];
  items: Punkt[];
}

export interface Meeting {
  /** The title as written, without decoration (`REFERAT Beskæftigelses- og Socialudvalget 2018-2021 d. 23-06-2020`). */
  title: string | null;
  titleRange: Range | null;
  committee: string | null;
  committeeRange: Range | null;
  /** Election period as written (`2018-2021`, `2018 - 2021`), normalised to `YYYY-YYYY`. */
  period: string | null;
  /** Date of the meeting, `YYYY-MM-DD`, from the title or else from Mødedato. */
  date: string | null;
  /** The date in the title (`d. 23-06-2020`), when the title has one. */
  titleDate: DateRef | null;
  /** The Mødedato line (or the 001-style `den 20. september 2016 kl. 08:30` line). */
  meetingDate: DateRef | null;
  /** Start time, `HH:MM`. */
  time: string | null;
  place: string | null;
  placeRange: Range | null;
  attendees: Attendee[];
  /** `Mødet hævet kl. 14.07.`: the time as written. */
  adjourned: string | null;
  adjournedRange: Range | null;
  /** The header block: from the first non-empty line to before the TOC or the first item. */
  range: Range;
}

export interface DateRef {
  /** `YYYY-MM-DD`, or null when the written date is impossible. */
  iso: string | null;
  /** As written. */
  text: string;
  range: Range;
  /** Weekday as written (`Tirsdag`), when given. */
  weekday: string | null;
}

export interface Attendee {
  name: string;
  absent: boolean;
  range: Range;
  party: string | null;
  role: string | null;
  /** The absence mark or note as written (`Fravær`, `sag 129-138`). */
  note: string | null;
}

export interface Toc {
  /** The `Indholdsfortegnelse` heading, or null for a TOC without one (001 style). */
  heading: Heading | null;
  range: Range;
  entries: TocEntry[];
}

export interface TocEntry {
  /** The title as written, without dots and page number. */
  title: string;
  titleRange: Range;
  /** The number written before the title (001 style `1 Title`), if any. */
  number: number | null;
  page: number | null;
  /** True when the title was cut off at the page width (no dot leader): it may be a prefix of the item title. */
  truncated: boolean;
  /** The category this entry is listed under (001 style), if any. */
  category: string | null;
  range: Range;
}

export interface Category {
  letter: string;
  title: string;
  range: Range;
}

export interface Punkt {
  number: number;
  numberRange: Range;
  /** The title without the `Punkt N:` prefix, with its case-type prefix as written (`B-sag: ...`). */
  title: string;
  titleRange: Range;
  heading: Heading;
  /** From the heading line to the last non-empty line before the next item. */
  range: Range;
  caseType: CaseType | null;
  caseTypeRange: Range | null;
  /** Category letter of the 001 style, when the item is listed under one. */
  category: string | null;
  caseNumber: CaseNumber | null;
  /** Access marker as written (`Åbent`, `Lukket`), if any. */
  access: string | null;
  accessRange: Range | null;
  sections: Section[];
  /** Statements inside Beslutning sections (unanimous decisions and everything else said there). */
  decisions: DecisionStatement[];
  votes: Vote[];
  proposals: Proposal[];
  absences: Absence[];
  /** Stand-ins recorded at the meeting without naming whom they sat in for (`Dorthe Bøgh Madsen deltog som stedfortræder.`). */
  standIns?: StandIn[];
  /** Earlier treatments quoted under `Sagens forløb` (another body, or this one at an earlier meeting). */
  history: HistoryEntry[];
}

/** One earlier treatment quoted in a punkt's history section: who, when, and what they decided. */
export interface HistoryEntry {
  /** The body as written (`Økonomiudvalget`), when the entry names one. */
  body: string | null;
  /** `YYYY-MM-DD`, when the entry gives a date. */
  date: string | null;
  /** The punkt number in that meeting, when given (`Punktnummer: 21`). */
  punkt: number | null;
  /** The entry's head line(s): date and body. */
  headRange: Range;
  /** The quoted decision, as written (lines joined by a space); empty when none is quoted. */
  text: string;
  /** From the head to the entry's last non-empty line. */
  range: Range;
}

export type CaseNumberScheme = 'kle' | 'odder' | 'other';

export interface CaseNumber {
  text: string;
  range: Range;
  scheme: CaseNumberScheme;
}

export interface Section {
  kind: SectionKind;
  heading: Heading;
  /** From the heading to the last non-empty line of the section. */
  range: Range;
  subheadings: SubHeading[];
}

export interface SubHeading {
  heading: Heading;
  range: Range;
}

/** A person named in the minutes. */
export interface NameRef {
  /** The name as written, without role words or party letter. */
  name: string;
  range: Range;
  party: string | null;
  partyRange: Range | null;
  /** Role word as written before the name (`Rådmand`, `Udvalgsmedlem`), if any. */
  role: string | null;
}

export type Outcome = 'vedtaget' | 'forkastet';

export interface VoteCounts {
  for: number | null;
  against: number | null;
  abstain: number | null;
}

/**
 * A party named in a vote instead of its members: by letter (`(V)`, `Ø`, `UP-1`, `S`), by name
 * (`Enhedslisten`), or as its group (`Radikale Venstres byrådsgruppe`).
 */
export interface PartyRef {
  /** As written, without parentheses. */
  text: string;
  /** The letter as written (`S`, `UP-1`), or the letter of a party written out (`Enhedslisten` → `Ø`). */
  letter: string;
  range: Range;
  /** Written as the party's group (`byrådsgruppe`). */
  group: boolean;
}

/** A recorded vote: consecutive vote sentences and their stated outcome. */
export interface Vote {
  range: Range;
  /** Line of the first vote sentence. */
  line: number;
  /** The members named, per side (a party named instead of its members is in `partyRefs`). */
  for: NameRef[];
  against: NameRef[];
  abstain: NameRef[];
  /** The numbers the text states (`Med stemmerne 19 for og 2 imod`, `For stemte: 5 (A, F og V)`), when it states any. */
  counts: VoteCounts | null;
  /** Party letters given per side, by any form (`For stemte: 5 (A, F og V)`, `V og D stemmer imod`); null when none. */
  parties: { for: string[]; against: string[]; abstain: string[] } | null;
  /** The parties named per side, with where they are written. */
  partyRefs: Record<VoteSide, PartyRef[]>;
  /** The recommendation points voted on (`Ad punkt 2`, `stemte imod pkt. 1. b)`), or null: the whole. */
  points: string[] | null;
  outcome: Outcome | null;
  outcomeRange: Range | null;
  /** What was voted on (`ændringsforslaget`, `indstillingen`), as written, if said. */
  subject: string | null;
  proposal: Proposal | null;
  /** The committee the vote belongs to in joint items (null: the meeting's own committee). */
  committee: string | null;
  sentences: VoteSentence[];
}

export type VoteSide = 'for' | 'against' | 'abstain';

export interface VoteSentence {
  side: VoteSide;
  range: Range;
  /** The verb phrase as written (`stemmer for`, `anbefaler`, `undlader at stemme`, `For stemte`). */
  verb: string;
  verbRange: Range;
  names: NameRef[];
  /** Parties named instead of members. */
  parties: PartyRef[];
  count: number | null;
  /** The points the sentence is about, when it says (`stemte imod punkt 2 og 3`, or under `Ad punkt 2`). */
  points: string[] | null;
}

export interface Proposal {
  proposers: NameRef[];
  /** The quoted text, without its quotes. */
  text: string;
  textRange: Range | null;
  range: Range;
  committee: string | null;
}

export type AbsenceScope = 'meeting' | 'item';

export interface Absence {
  person: NameRef;
  scope: AbsenceScope;
  range: Range;
  /** The committee named just before the absence line in joint items (null: the meeting's own). */
  committee: string | null;
  /** Who sat in for the absent member (`Afbud: Torben Hoffmann (Stedfortræder: Conni Bergendorff)`), when said. */
  substitute?: NameRef | null;
}

/** A stand-in recorded as there (`Dorthe Bøgh Madsen deltog som stedfortræder.`). */
export interface StandIn {
  person: NameRef;
  range: Range;
  /** The committee named just before, in joint items (null: the meeting's own). */
  committee: string | null;
}

export type DecisionKind = 'approve' | 'recommend' | 'reject' | 'noted' | 'other';

export interface DecisionStatement {
  text: string;
  range: Range;
  /** The committee that speaks, when the statement names one. */
  committee: string | null;
  kind: DecisionKind;
}
