// Reads what a Beslutning says: committee statements, proposals with their quoted text,
// recorded votes (named, listed, counted, by party or group, on sub-points) with their outcome, and absences.
import type { Absence, StandIn, DecisionKind, DecisionStatement, NameRef, Outcome, PartyRef, Proposal, Range, Vote, VoteCounts, VoteSentence, VoteSide } from '../model';
import {
  ABSENCE_LABELS,
  NAME_PARTICLES,
  ADJOURNED_PATTERN,
  BARE_VOTE_LABELS,
  COUNTED_VOTE_LABELS,
  DECISION_OUTCOMES,
  DECISION_VERBS,
  POINT_WORDS,
  PROPOSAL_NOUNS,
  PROPOSAL_VERBS,
  STAND_IN_LABELS,
  STAND_IN_PHRASES,
  STAND_IN_PRESENT,
  OTHER_RECOMMENDATIONS,
  TALLY_NONE,
  THE_MOTION,
  TALLY_SIDES,
  VOTE_VERBS,
  DEFAULT_VOCABULARY,
  type Vocabulary,
  fold,
  sameBody,
} from '../vocabulary';
import { type Line, type Lines, isRegExpSpaceCode } from './lines';
import { type Voters, isBodyWord, leadsGroup, readNameList, readPerson, readVoters } from './names';
import { Span, paragraphs } from './span';

export interface DecisionParts {
  decisions: DecisionStatement[];
  votes: Vote[];
  proposals: Proposal[];
  absences: Absence[];
  standIns: StandIn[];
}

const OPEN_QUOTES = '"“”„«»\'‘’';
const CLOSE_QUOTE = /["“”»'’]\s*[.,;:]?\s*$/;

const NAME_PARTICLE_PATTERN = NAME_PARTICLES.join('|');
const asPattern = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
const words = (list: readonly string[]) => [...list].sort((a, b) => b.length - a.length).map(asPattern);

const voteVerbs = VOTE_VERBS.flatMap((v) => v.phrases.map((p) => ({ side: v.side, phrase: p, persons: !!v.persons })));
const VOTE_VERB = new RegExp(`(?<=\\s|^|\\*|:)(${words(voteVerbs.map((v) => v.phrase)).join('|')})(?=[\\s.,:;]|$)`, 'gi');
/**
 * `VOTE_VERB` for the loops over every verb of a paragraph. They used `matchAll`, which copies the
 * expression on every call; an `exec` loop on this copy does not, and it leaves `VOTE_VERB`'s
 * `lastIndex` as `matchAll` did.
 */
const VOTE_VERB_SCAN = new RegExp(VOTE_VERB.source, VOTE_VERB.flags);
const verbOf = new Map(voteVerbs.map((v) => [fold(v.phrase), v]));

const countedLabels = COUNTED_VOTE_LABELS.flatMap((c) => c.labels.map((l) => ({ side: c.side, label: l })));
const sideOfLabel = new Map(countedLabels.map((c) => [fold(c.label), c.side]));
const bareLabels = new Set(BARE_VOTE_LABELS.map(fold));
/**
 * A label that opens a list of voters at the start of a sentence: `For stemte:`, `Imod:`,
 * `For administrationens indstilling stemte:`, `Undlader`. Group 1-2: `For/Imod <words> stemte`;
 * group 3: a label of the vocabulary; group 4: the colon.
 */
const LABEL = new RegExp(
  `^(?:\\*\\*)?(?:(for|imod)\\s+((?:[\\p{L}-]+\\s+){1,4}?)stemte|(${words(countedLabels.map((c) => c.label)).join('|')}))(?:\\*\\*)?(?=[\\s:.,(]|$)\\s*(:)?(?:\\*\\*)?\\s*`,
  'iu',
);
/** The counted form after a label: `5 (A, F og V)`, `2 stemmer`. */
const LABEL_COUNT = /^(\d+)\s*(?:stemmer?)?\s*(?:\(([^)]*)\))?/i;
/** The verb's object is the decision itself: `... kan ikke anbefale indstillingen`. */
const ON_THE_MOTION = new RegExp(`^\\s+(?:${words(THE_MOTION).join('|')})(?![\\p{L}])`, 'iu');
/** `6 stemmer mod 1 (Ø)` after `med`. */
const VERSUS = /^\s*(\d+)\s+stemmer\s+mod\s+(\d+)(?:\s+stemmer?)?(?![\p{L}\d])\s*(?:\(([^)]*)\))?/iu;
/** The longest list of voters read before a verb: 31 members of a council with their party letters. */
const LONGEST_SUBJECT = 1500;
/** A majority or minority named before a verb (`Et flertal (A, V og C) anbefaler`). */
const GROUP_WORD = /flertal|mindretal/i;
/** A clause's number of backers in parentheses, at its end: `... fremsendt af Enhedslisten (1),`. */
const BACKERS = /\((\d+)\)(?=\s*(?:[,.;]|og\s|$))/g;
/** `5 medlemmer (A+V+C) anbefaler forslaget.`, `2 stemte imod (Ø og F).` */
const COUNTED_MEMBERS = /^(\d+)\s+(?:(?:medlemmer|stemmer)\s*(?:\(([^)]*)\))?\s+)?/i;
/** The parties after a counted verb: `2 stemte imod (Ø og F)`. */
const PARTIES_AFTER = /^\s*\(([^)]*)\)/;

/** `Med stemmerne 19 for og 2 imod`, `med 11 stemmer for (A, V, C, F og D) mod 2 (Ø)`: where the numbers begin. */
const TALLY = /\bmed\s+(?:stemmerne\s+|stemmer\s+)?(?=(?:\d+|ingen)\s+(?:stemmer?\s+)?(?:for|imod|mod)\b)/i;
const tallySide = new Map(TALLY_SIDES.flatMap((t) => t.words.map((w) => [fold(w), t.side] as const)));
const TALLY_NUMBER = `(\\d+|${words(TALLY_NONE).join('|')})`;
const TALLY_WORD = `(${words(TALLY_SIDES.flatMap((t) => t.words)).join('|')})`;
/** One number and its side: `19 for`, `og 2 imod`, `ingen imod`, `11 stemmer for (A, V og C)`. */
const TALLY_PAIR = new RegExp(`^\\s*(?:,\\s*|og\\s+)?${TALLY_NUMBER}\\s+(?:stemmer?\\s+)?(?:der\\s+)?${TALLY_WORD}(?![\\p{L}])\\s*(?:\\(([^)]*)\\))?`, 'iu');
/** `mod 2 (Ø)`: the side before the number. */
const TALLY_PAIR_BEFORE = new RegExp(`^\\s*(?:,\\s*|og\\s+)?${TALLY_WORD}\\s+${TALLY_NUMBER}(?:\\s+stemmer?)?(?![\\p{L}])\\s*(?:\\(([^)]*)\\))?`, 'iu');

const outcomeWords = (['forkastet', 'vedtaget'] as const).flatMap((o) => DECISION_OUTCOMES[o].map((w) => ({ outcome: o, word: w })));
/** An outcome word of a decision (`afviste`, `Ikke godkendt`, `Anbefales`); rejecting words are tried first. */
const DECISION_OUTCOME = new RegExp(`(?<![\\p{L}])(${words(outcomeWords.map((o) => o.word)).join('|')})(?![\\p{L}])`, 'iu');
const outcomeOfWord = new Map(outcomeWords.map((o) => [fold(o.word), o.outcome]));

/** One point: `2`, `2a`, `2. a`, `1. b)`, `3.b`. */
const POINT = '\\d+(?:\\s*\\.?\\s*[a-zæøå](?![\\p{L}])\\)?)?\\)?';
/** Points: `2 og 3`, `1, 4 og 6`, `1-4`, `3) og 4)`. */
const POINT_LIST = `${POINT}(?:\\s*(?:,|og|-|–)\\s*${POINT})*`;
const POINT_WORD = `(?:${words(POINT_WORDS).join('|')})\\.?`;
/** The points a vote is about, after its verb: `imod punkt 2 og 3`, `til indstillingspunkt 6`, `imod pkt. 1. b)`, `på 1) og 3)`. */
const POINTS_AFTER = new RegExp(
  `^\\s*(?:til\\s+|på\\s+|for\\s+så\\s+vidt\\s+angår\\s+)?(?:(?:[\\p{L}-]+s)\\s+)?(?:(?:${POINT_WORD}|indstilling)\\s*(${POINT_LIST})|(\\d+\\)(?:\\s*(?:,|og)\\s*\\d+\\))*))`,
  'iu',
);
/** A line that only names points, for the votes below it: `Ad punkt 2`, `Ad 2 b`, `Ad 1 og 2`, `For punkt 16` (about point 16). */
const POINT_HEADING = new RegExp(`^(?:\\*\\*)?(?:ad\\s+(?:${POINT_WORD}\\s*)?|for\\s+${POINT_WORD}\\s*)(${POINT_LIST}|[a-zæøå](?![\\p{L}]))\\s*[.:]?(?:\\*\\*)?$`, 'iu');
/**
 * Points before a statement or a vote on the same line: `2. a. Ø stemte imod.`, `1.-2. Anbefales ikke.`,
 * `1 a. Ikke godkendt`, `1 - 7 Økonomiudvalget ...`, `Ad 1, for stemte: F`.
 */
const POINT_PREFIX = new RegExp(
  `^(?:ad\\s+(?:${POINT_WORD}\\s*)?(${POINT_LIST}|[a-zæøå](?![\\p{L}]))\\s*[,.:]\\s*|(\\d+(?:\\s*\\.?\\s*[a-zæøå](?![\\p{L}]))?(?:\\s*\\.?\\s*[-–]\\s*\\d+)?)\\s*\\.\\s+|(\\d+\\s*[-–]\\s*\\d+)\\s+)(?=\\S)`,
  'iu',
);
/** Where a sentence ends inside a paragraph: not after an initial (`John T. Olsen`), and before a capital or a parenthesis. */
const SENTENCE_END = /(?<![\s(]\p{Lu})[.!?]+\s+(?=[\p{Lu}(])/gu;
/** Where a subject may begin inside a sentence: after a comma, `og`, `idet`, `samt` or a colon. */
const SUBJECT_START = /,\s*(?:og\s+)?|\s+og\s+|\bidet\s+|:\s+/g;
/** `anbefaler, at der udarbejdes ...`: a recommendation of something, not a vote. */
const RECOMMENDS_THAT = /^\s*(?:overfor\s+[\p{L}-]+\s*)?,?\s*at\s/iu;
/** A vote for another recommendation than the one decided: `stemte for administrationens indstilling(spunkt 2)`. */
const OTHER_RECOMMENDATION = new RegExp(`^\\s*(?:\\S+\\s+){0,4}?(${words(OTHER_RECOMMENDATIONS).join('|')})`, 'iu');
/** What may follow the voters of a line in a list that goes on: nothing, or a remark after a comma or `med`. */
const LIST_GOES_ON = /^\s*(?:$|[,(]|med\s)/;
/** What may stand between two verbs that share their subject (`stemte imod pkt. 1-4 og stemmer for pkt. 5`). */
const SHARED_SUBJECT = /^[\s,]*(?:og|samt)?\s*$/;

/** The points of a written list, each as `2` or `2a`; a range `1-4` is every point in it. */
export function pointsOf(written: string): string[] {
  const out: string[] = [];
  const add = (p: string) => {
    if (!out.includes(p)) out.push(p);
  };
  const items = written.toLowerCase().split(/\s*(?:,|\bog\b)\s*/);
  for (const item of items) {
    const range = /^(\d+)\s*\.?\s*[-–]\s*(\d+)/.exec(item);
    if (range) {
      const [a, b] = [Number(range[1]), Number(range[2])];
      if (b >= a && b - a < 50) for (let n = a; n <= b; n++) add(String(n));
      continue;
    }
    const one = /^(\d+)?\s*\.?\s*([a-zæøå])?/.exec(item.replace(/[()\s]+$/g, '').replace(/\)/g, ''));
    if (one && (one[1] || one[2])) add(`${one[1] ?? ''}${one[2] ?? ''}`);
  }
  return out;
}

const OUTCOME =
  /\b(?:er|blev|var)\s+(?:hermed\s+|dermed\s+|således\s+|derfor\s+)?(ikke\s+)?(vedtaget|forkastet|faldet|bortfaldet|nedstemt|godkendt|anbefalet)\b|\bdermed\s+(vedtaget|forkastet)\b/i;
const REJECTED = new Set(['forkastet', 'faldet', 'bortfaldet', 'nedstemt']);

/** `Jette Andersen deltog som suppleant for Kenneth Jerkel i behandlingen af punktet.` (group 2: the absent member). */
const STAND_IN = new RegExp(
  `\\s(?:${words(STAND_IN_PHRASES).join('|')})\\s+(\\p{Lu}[\\p{L}.'’-]*(?:\\s+(?:\\p{Lu}[\\p{L}.'’-]*|${NAME_PARTICLE_PATTERN}))*(?:\\s*\\([A-ZÆØÅ]{1,3}\\))?)`,
  'u',
);
/** `Dorthe Bøgh Madsen deltog som stedfortræder.`: a stand-in at the meeting, for nobody named. */
const SITS_IN = new RegExp(`\\s(?:${words(STAND_IN_PRESENT).join('|')})\\s*[.]?\\s*$`, 'iu');
/** `(Stedfortræder: Conni Bergendorff)` after an absent member (group 2: the stand-in). */
const STAND_IN_NOTE = new RegExp(`\\(\\s*(${words(STAND_IN_LABELS).join('|')})\\s*:?\\s*([^)]*)\\)`, 'giu');

/** The absence phrases of a vocabulary, made once for each: `Anna Berg deltog ikke i mødet.` */
const absencePatterns = new WeakMap<Vocabulary, { pattern: RegExp; scopeOf: Map<string, 'meeting' | 'item'> }>();
function absenceOf(vocabulary: Vocabulary): { pattern: RegExp; scopeOf: Map<string, 'meeting' | 'item'> } {
  let found = absencePatterns.get(vocabulary);
  if (!found) {
    const phrases = vocabulary.absencePhrases;
    found = { pattern: new RegExp(`\\s(${words(phrases.map((a) => a.phrase)).join('|')})(?=[\\s.,:;]|$)`, 'i'), scopeOf: new Map(phrases.map((a) => [fold(a.phrase), a.scope])) };
    absencePatterns.set(vocabulary, found);
  }
  return found;
}
/** `Fraværende: Anna Hansen (C)`; `Afbud fra Tina Rottbøll (A)` has no colon. */
const ABSENCE_LABEL = new RegExp(`^(?:\\*\\*)?(${words(ABSENCE_LABELS).join('|')})(?:\\*\\*)?(?:\\s*:\\s*|(?<=fra)\\s+(?=\\p{Lu}))`, 'iu');

/** A proposal made, with or without its text following (`C stillede ændringsforslag om, at ...`). */
const PROPOSING = new RegExp(`(?<![\\p{L}])(?:${words(PROPOSAL_VERBS).join('|')})(?![\\p{L}])`, 'iu');
const PROPOSAL = new RegExp(`\\b(${words(PROPOSAL_VERBS).join('|')})\\s+(?:(.*?)\\s+)?følgende\\s+(${words(PROPOSAL_NOUNS).join('|')})`, 'i');

const decisionVerbs = DECISION_VERBS.flatMap((d) => d.phrases.map((p) => ({ kind: d.kind, phrase: p })));
const DECISION_VERB = new RegExp(`(?:^|\\s)(${words(decisionVerbs.map((d) => d.phrase)).join('|')})(?=[\\s.,:;]|$)`, 'i');
const kindOf = new Map(decisionVerbs.map((d) => [fold(d.phrase), d.kind]));

/** `Økonomiudvalget, 10. september 2019, pkt. 65:` — an earlier treatment by another body. */
const EARLIER = /^(?:\*\*)?([\p{Lu}][\p{L}\- ]*?(?:udvalget|udvalg|rådet|Byrådet|bestyrelsen))(?:\*\*)?\s*,\s*(?:den\s+)?\d{1,2}\.?\s*[\p{L}.\-\d]+\s*\d{0,4}.*?:\s*$/u;

/** `Beslutning i Plan- og Tryghedsudvalget den 12. august 2025:` — an earlier decision quoted. */
const EARLIER_DECISION =
  /^(?:\*\*)?Beslutning\s+i\s+[\p{Lu}][\p{L}\- ]*?(?:udvalget|udvalg|rådet|Byrådet|bestyrelsen|Magistraten)\s+(?:den\s+)?\d{1,2}\.?\s*[\p{L}.\-\d]+\s*\d{0,4}.*?:\s*$/u;

// Expressions of the per-paragraph tests, made once: a literal in a function makes a new object on every call.
const LEADING_NAME = /^((?:[\p{Lu}][\p{L}]*-\s+og\s+)?[\p{Lu}][\p{L}-]*)(?=[\s,.]|$)/u;
const SPACES = /\s+/g;
const SENTENCE_CLOSE = /[.:;!?"”»]\s*(?:\*\*)?$/;
const UDVALGET = /^udvalget$/i;
const NEXT_WORD = /^\s*([\p{L}-]+)/u;
const THEREBY = /\b(?:dermed|hermed)\b/i;
const COLON_END = /:\s*(?:\*\*)?$/;

/** Strips bold marks for matching while keeping offsets: `**X**` → `  X  `. */
function unbold(text: string): string {
  // Most text has no marks: two searches are cheaper than a replacement that finds nothing.
  if (text.indexOf('**') < 0 && text.indexOf('__') < 0) return text;
  return text.replace(/\*\*|__/g, '  ');
}

/** The length of `text[0, end)` without the white space, commas and stars at its end (`/[\s,*]+$/`). */
function beforeTrailingListMarks(text: string, end: number): number {
  while (end > 0) {
    const code = text.charCodeAt(end - 1);
    if (code !== 44 /* , */ && code !== 42 /* * */ && !isRegExpSpaceCode(code)) break;
    end--;
  }
  return end;
}

/** The length of `text` without the full stops and white space at its end (`/[.\s]+$/`). */
function beforeTrailingStops(text: string): number {
  let end = text.length;
  while (end > 0) {
    const code = text.charCodeAt(end - 1);
    if (code !== 46 /* . */ && !isRegExpSpaceCode(code)) break;
    end--;
  }
  return end;
}

/** The body named at the start of a statement (`Beskæftigelses- og Socialudvalget godkender ...`). */
export function leadingBody(text: string): string | null {
  const plain = unbold(text).trim();
  // It starts with a capital: an ASCII character that is not one lets the text go before the expression.
  const initial = plain.charCodeAt(0);
  if (initial < 128 && !(initial >= 65 && initial <= 90)) return null;
  const m = LEADING_NAME.exec(plain);
  if (m && isBodyWord(lastWord(m[1]))) return m[1].replace(SPACES, ' ');
  return null;
}

/** `words.split(/\s+/).pop()` for words that do not end with white space, without the split. */
function lastWord(words: string): string {
  let at = words.length;
  while (at > 0 && !isRegExpSpaceCode(words.charCodeAt(at - 1))) at--;
  return at === 0 ? words : words.slice(at);
}

/** True when the text ends with a colon and white space at most: what `EARLIER` needs to match. */
function endsWithColon(text: string): boolean {
  let end = text.length;
  while (end > 0 && isRegExpSpaceCode(text.charCodeAt(end - 1))) end--;
  return end > 0 && text.charCodeAt(end - 1) === 58; /* : */
}

/**
 * Splits a paragraph where a line starts a new statement: after a line that ends a sentence, and
 * around vote-label, absence-label and point lines (`For stemte: 5` / `Imod stemte: 2` / `Fraværende: X`
 * are written without blank lines).
 * A sentence wrapped over several lines stays whole.
 */
function sentenceLines(para: Line[]): Line[][] {
  if (para.length === 1) return [para];
  const parts: Line[][] = [[para[0]]];
  for (let i = 1; i < para.length; i++) {
    const prev = para[i - 1].text;
    const starts =
      SENTENCE_CLOSE.test(prev) ||
      isLabelLine(para[i].text) ||
      isLabelLine(prev) ||
      ABSENCE_LABEL.test(para[i].text) ||
      ABSENCE_LABEL.test(prev) ||
      ADJOURNED_PATTERN.test(para[i].text) ||
      POINT_HEADING.test(para[i].text) ||
      POINT_HEADING.test(prev) ||
      POINT_PREFIX.test(para[i].text);
    if (starts) parts.push([para[i]]);
    else parts[parts.length - 1].push(para[i]);
  }
  return parts;
}

/** True when the line opens with a vote label that has a colon or a verb (`Imod stemte: Ø`, `Undlod: F`). */
function isLabelLine(text: string): boolean {
  const m = LABEL.exec(text);
  return !!m && (!!m[4] || !bareLabels.has(fold(m[3] ?? 'stemte')));
}

/** The side and extent of a vote label at the start of `text`, or null. */
function labelAt(text: string): { side: VoteSide; length: number; colon: boolean } | null {
  const m = LABEL.exec(text);
  if (!m) return null;
  const side: VoteSide | undefined = m[1] ? (fold(m[1]) === 'for' ? 'for' : 'against') : sideOfLabel.get(fold(m[3]));
  if (!side) return null;
  if (!m[4] && m[3] && bareLabels.has(fold(m[3]))) return null;
  return { side, length: m[0].length, colon: !!m[4] };
}

/** The outcome a decision's words state (`afviste`, `Ikke godkendt`, `godkendte`), or null. */
function statedOutcome(text: string): { outcome: Outcome; at: number; length: number } | null {
  const m = DECISION_OUTCOME.exec(text);
  if (!m) return null;
  // A rejecting phrase anywhere wins over an adopting word before it (`... indstillingen blev ikke godkendt`).
  const outcome = outcomeOfWord.get(fold(m[1]))!;
  if (outcome === 'vedtaget') {
    const rest = text.slice(m.index + m[1].length);
    const later = DECISION_OUTCOME.exec(rest);
    if (later && outcomeOfWord.get(fold(later[1])) === 'forkastet' && /^\s*(?:\S+\s+){0,3}$/.test(rest.slice(0, later.index))) {
      return { outcome: 'forkastet', at: m.index + m[1].length + later.index, length: later[1].length };
    }
  }
  return { outcome, at: m.index, length: m[1].length };
}

/** Party letters as a counted form writes them: `A, F og V`, `A+V+C`. */
function partyLetters(span: Span, written: string, at: number): PartyRef[] {
  const out: PartyRef[] = [];
  for (const m of written.matchAll(/[^,+&]+/g)) {
    for (const part of m[0].split(/\s+og\s+/)) {
      const letter = part.trim();
      if (!/^[A-ZÆØÅ]{1,3}(?:-?\d)?$/.test(letter)) continue;
      const from = at + m.index! + m[0].indexOf(letter);
      out.push({ text: letter, letter, range: span.range(from, from + letter.length), group: false });
    }
  }
  return out;
}

/** A vote being read: its sentences and what is said around them. It becomes one vote, or one per set of points, when it ends. */
interface Block {
  sentences: VoteSentence[];
  outcome: Outcome | null;
  outcomeRange: Range | null;
  /** The outcome of the statement just before the votes (`Byrådet godkendte Økonomiudvalgets indstilling.`), when they state none. */
  implied: { outcome: Outcome; range: Range } | null;
  subject: string | null;
  proposal: Proposal | null;
  committee: string | null;
  /** Where the block's last sentence or outcome ends. */
  end: Range;
}

/** The sentences of a block grouped by the points they are about: one group when they are all about the same. */
function splitByPoints(sentences: VoteSentence[]): { sentences: VoteSentence[]; points: string[] | null }[] {
  const keys = new Set(sentences.filter((s) => s.points).map((s) => s.points!.join(',')));
  if (keys.size <= 1) return [{ sentences, points: sentences.find((s) => s.points)?.points ?? null }];
  const atoms: string[] = [];
  for (const s of sentences) for (const p of s.points ?? []) if (!atoms.includes(p)) atoms.push(p);
  const groups = new Map<string, { sentences: VoteSentence[]; points: string[] }>();
  for (const atom of atoms) {
    const members = sentences.filter((s) => !s.points || s.points.includes(atom));
    const key = members.map((s) => sentences.indexOf(s)).join(',');
    const group = groups.get(key);
    if (group) group.points.push(atom);
    else groups.set(key, { sentences: members, points: [atom] });
  }
  return [...groups.values()];
}

export class DecisionReader {
  private readonly out: DecisionParts = { decisions: [], votes: [], proposals: [], absences: [], standIns: [] };
  private block: Block | null = null;
  /** Tallies without lists before the block (`Med stemmer 19 for ... punkt 1.` / `Yderligere ... med stemmerne 19 for ...`): the block's lists are theirs too. */
  private siblings: Block[] = [];
  private pendingProposal: Proposal | null = null;
  private quoteTarget: Proposal | DecisionStatement | null = null;
  private inQuote = false;
  private committee: string | null = null;
  /** The points the next votes are about (`Ad punkt 2`, `1.-2.`), until other points or a statement. */
  private points: string[] | null = null;
  /** The outcome the last statement states, for the votes that follow it. */
  private implied: { outcome: Outcome; range: Range } | null = null;
  /** The text of the last statement, for what the votes after it are about. */
  private lastStatement: string | null = null;
  /** A label without voters (`For stemte:`, `Stemte imod:`): the lines after it list them. */
  private listSide: VoteSide | null = null;

  private readonly absenceWords: { pattern: RegExp; scopeOf: Map<string, 'meeting' | 'item'> };

  constructor(
    private readonly ownCommittee: string | null,
    vocabulary: Vocabulary = DEFAULT_VOCABULARY,
  ) {
    this.absenceWords = absenceOf(vocabulary);
  }

  get result(): DecisionParts {
    return this.out;
  }

  /** Reads the paragraphs of lines [from, to) of one Beslutning section. */
  readSection(lines: Lines, from: number, to: number): void {
    this.committee = null;
    this.closeBlock();
    this.inQuote = false;
    this.points = null;
    this.implied = null;
    this.lastStatement = null;
    this.listSide = null;
    for (const para of paragraphs(lines, from, to)) {
      // A quote is kept whole: its lines are the proposal's text, not statements.
      const quoted = this.inQuote || OPEN_QUOTES.includes(unbold(para[0].text).trim()[0]);
      for (const part of quoted ? [para] : sentenceLines(para)) this.paragraph(new Span(part));
    }
    this.closeBlock();
  }

  private paragraph(span: Span): void {
    const text = span.text;
    const trimmed = unbold(text).trim();
    if (this.inQuote) {
      // A quote that is never closed (exports lose quotes) ends where the votes begin.
      if (!this.isStructural(span)) {
        this.appendQuote(span);
        if (CLOSE_QUOTE.test(trimmed)) this.inQuote = false;
        return;
      }
      this.inQuote = false;
    }
    if (OPEN_QUOTES.includes(trimmed[0])) {
      this.appendQuote(span);
      this.inQuote = !(trimmed.length > 1 && CLOSE_QUOTE.test(trimmed.slice(1)));
      return;
    }
    if (this.absence(span)) return;
    const plain = unbold(text);
    const heading = POINT_HEADING.exec(plain.trim());
    if (heading) {
      this.closeBlock();
      this.points = pointsOf(heading[1]);
      this.implied = null;
      this.listSide = null;
      return;
    }
    let from = 0;
    const prefix = POINT_PREFIX.exec(plain);
    if (prefix) {
      this.closeBlock();
      this.points = pointsOf(prefix[1] ?? prefix[2] ?? prefix[3]);
      this.implied = null;
      this.listSide = null;
      from = prefix[0].length;
    }
    if (this.listed(span, from)) return;
    this.listSide = null;
    if (this.votes(span, from)) return;
    if (this.proposal(span)) return;
    if (this.outcome(span)) return;
    this.statement(span, from);
  }

  /** True when the paragraph records a vote, an absence or a proposal. */
  private isStructural(span: Span): boolean {
    const text = span.text;
    if (labelAt(text) || COUNTED_MEMBERS.test(text) || TALLY.test(text) || PROPOSAL.test(text)) return true;
    const absence = this.absenceWords.pattern.exec(text);
    if (absence && readNameList(span, 0, absence.index)) return true;
    // From `VOTE_VERB.lastIndex`, as `matchAll(VOTE_VERB)` started there.
    VOTE_VERB_SCAN.lastIndex = VOTE_VERB.lastIndex;
    let m: RegExpExecArray | null;
    while ((m = VOTE_VERB_SCAN.exec(text)) !== null) {
      const before = beforeTrailingListMarks(text, m.index);
      if (before > 0 && readNameList(span, 0, before)) return true;
    }
    return false;
  }

  private committeeFor(body: string | null): string | null {
    if (!body) return null;
    if (this.ownCommittee && sameBody(body, this.ownCommittee)) return null;
    if (UDVALGET.test(body)) return null;
    return body;
  }

  private appendQuote(span: Span): void {
    const target = this.quoteTarget;
    if (!target) return;
    if ('proposers' in target) {
      const inner = span.text.replace(/^\s*(?:\*\*)?["“”„«»'‘’]/, '').replace(/["“”»'’]\s*[.,;:]?\s*(?:\*\*)?\s*$/, '');
      target.text = target.text ? `${target.text}\n${inner}` : inner;
      const r = span.whole;
      target.textRange = target.textRange ? { start: target.textRange.start, end: r.end } : r;
      target.range = { start: target.range.start, end: r.end };
    } else {
      target.range = { start: target.range.start, end: span.whole.end };
    }
  }

  private absence(span: Span): boolean {
    const text = span.text;
    const standIn = STAND_IN.exec(text);
    if (standIn) {
      // `Jette Andersen deltog som suppleant for Kenneth Jerkel i behandlingen af punktet.`
      const substitute = readNameList(span, 0, standIn.index);
      const at = standIn.index + standIn[0].length - standIn[1].length;
      const absent = substitute ? readNameList(span, at, at + standIn[1].length) : null;
      if (!absent || !substitute) return false;
      for (const person of absent) this.out.absences.push({ person, scope: 'item', range: span.whole, committee: this.committee, substitute: substitute[0] });
      return true;
    }
    const sits = SITS_IN.exec(text);
    if (sits) {
      const present = readNameList(span, 0, sits.index);
      if (!present) return false;
      for (const person of present) this.out.standIns.push({ person, range: span.whole, committee: this.committee });
      return true;
    }
    const label = ABSENCE_LABEL.exec(text);
    let names: (NameRef & { substitute?: NameRef | null })[] | null = null;
    let scope: 'meeting' | 'item' = 'item';
    if (label) {
      names = this.absentList(span, label[0].length, beforeTrailingStops(text));
    } else {
      const m = this.absenceWords.pattern.exec(text);
      if (!m) return false;
      names = readNameList(span, 0, m.index);
      scope = this.absenceWords.scopeOf.get(fold(m[1])) ?? 'meeting';
    }
    if (!names) return false;
    for (const { substitute, ...person } of names) {
      this.out.absences.push({ person, scope, range: span.whole, committee: this.committee, ...(substitute ? { substitute } : {}) });
    }
    return true;
  }

  /** The absent members of `Afbud: Dorthe Bøgh Madsen, Torben Hoffmann (Stedfortræder: Conni Bergendorff)`, with their stand-ins. */
  private absentList(span: Span, from: number, to: number): (NameRef & { substitute?: NameRef | null })[] | null {
    const text = span.text;
    const out: (NameRef & { substitute?: NameRef | null })[] = [];
    let at = from;
    STAND_IN_NOTE.lastIndex = from;
    for (;;) {
      const m = STAND_IN_NOTE.exec(text);
      const end = m && m.index < to ? m.index : to;
      let start = at;
      while (start < end && /[\s,;]/.test(text[start])) start++;
      if (start < end) {
        const names = readNameList(span, start, beforeTrailingListMarks(text, end));
        if (!names) return null;
        out.push(...names);
      }
      if (!m || m.index >= to) break;
      const inner = m.index + m[0].indexOf(m[2]);
      const substitute = readPerson(span, inner, inner + m[2].trimEnd().length);
      if (out.length && substitute) out[out.length - 1].substitute = substitute;
      at = m.index + m[0].length;
    }
    return out.length ? out : null;
  }

  /** The lines after a label without voters (`Stemte imod:` / `A, med bemærkning om ...` / `Ø, ...`). */
  private listed(span: Span, from: number): boolean {
    const side = this.listSide;
    if (!side || !this.block) return false;
    const voters = readVoters(span, from, span.text.length, { prefix: true, parties: true });
    // One voter a line: a name over two lines (`Fremstilling` / `Sagsprocedure`) is no voter.
    if (!voters || voters.names.some((n) => n.range.start.line !== n.range.end.line)) return false;
    this.addSentence(span, side, voters, null, from, from, this.points, span.whole);
    // `A, med bemærkning om ...` goes on with the list on the next line; anything else after the voters ends it.
    if (!LIST_GOES_ON.test(span.text.slice(voters.end))) this.listSide = null;
    return true;
  }

  private ensureBlock(range: Range): Block {
    if (this.block) return this.block;
    const proposal = this.pendingProposal;
    this.pendingProposal = null;
    this.block = { sentences: [], outcome: null, outcomeRange: null, implied: this.implied, subject: null, proposal, committee: this.committee, end: range };
    return this.block;
  }

  private addSentence(
    span: Span,
    side: VoteSide,
    voters: Voters | null,
    count: number | null,
    verbFrom: number,
    verbTo: number,
    points: string[] | null,
    range: Range,
  ): VoteSentence {
    const block = this.ensureBlock(range);
    const sentence: VoteSentence = {
      side,
      range,
      verb: span.text.slice(verbFrom, verbTo),
      verbRange: span.range(verbFrom, verbTo),
      names: voters?.names ?? [],
      parties: voters?.parties ?? [],
      count,
      points,
    };
    block.sentences.push(sentence);
    block.end = range;
    return sentence;
  }

  /** Ends the vote being read, and the tallies before it that wait for its lists. */
  private closeBlock(): void {
    const block = this.block;
    this.block = null;
    const siblings = this.siblings;
    this.siblings = [];
    const lists = block ? block.sentences.filter((s) => s.count === null) : [];
    for (const sibling of siblings) {
      sibling.sentences.push(...lists);
      this.makeVotes(sibling);
    }
    if (block) this.makeVotes(block);
  }

  /** The votes of a block: one, or one per set of points its sentences are about. */
  private makeVotes(block: Block): void {
    if (!block.sentences.length) return;
    const groups = splitByPoints(block.sentences);
    // A decision before votes on several points says the outcome of some of them at most (`... at godkende pkt. 5 idet ...`).
    if (groups.length > 1) block.implied = null;
    for (const group of groups) {
      const first = group.sentences[0];
      const last = block.outcomeRange && block.outcomeRange.end.line >= block.end.end.line ? block.outcomeRange : group.sentences[group.sentences.length - 1].range;
      const vote: Vote = {
        range: { start: first.range.start, end: last.end },
        line: first.range.start.line,
        for: [],
        against: [],
        abstain: [],
        counts: null,
        parties: null,
        partyRefs: { for: [], against: [], abstain: [] },
        points: group.points,
        outcome: block.outcome ?? block.implied?.outcome ?? null,
        outcomeRange: block.outcomeRange ?? block.implied?.range ?? null,
        subject: block.subject,
        proposal: block.proposal,
        committee: block.committee,
        sentences: group.sentences,
      };
      for (const s of group.sentences) {
        vote[s.side].push(...s.names);
        vote.partyRefs[s.side].push(...s.parties);
        if (s.count !== null) {
          vote.counts ??= { for: null, against: null, abstain: null };
          vote.counts[s.side] = (vote.counts[s.side] ?? 0) + s.count;
        }
      }
      if (vote.partyRefs.for.length || vote.partyRefs.against.length || vote.partyRefs.abstain.length || vote.counts) {
        const letters = (side: VoteSide) => [...new Set(vote.partyRefs[side].map((p) => p.letter))];
        vote.parties = { for: letters('for'), against: letters('against'), abstain: letters('abstain') };
      }
      this.out.votes.push(vote);
    }
  }

  /**
   * Reads the vote clauses of a paragraph from `from`: a stated tally (`Med stemmerne 19 for og 2
   * imod ...`), labels (`For stemte: (V), (A) og (C).`) and verbs (`A stemmer for, V og D stemmer imod
   * og C undlader.`). False when it has none.
   */
  private votes(span: Span, from: number): boolean {
    const plain = unbold(span.text);
    let found = false;
    let firstClause = -1;
    // Sentence by sentence: a label opens a sentence, and a verb's subject does not reach into the sentence before.
    const ends: number[] = [];
    SENTENCE_END.lastIndex = from;
    for (let m: RegExpExecArray | null; (m = SENTENCE_END.exec(plain)) !== null; ) ends.push(m.index + m[0].length);
    ends.push(plain.length);
    let start = from;
    for (const end of ends) {
      const at = this.sentence(span, plain, start, end);
      if (at >= 0) {
        found = true;
        if (firstClause < 0) firstClause = at;
      }
      start = end;
    }
    if (!found) return false;
    const block = this.block!;
    // `2. Anbefales. (Ø) stemmer imod`: the decision before the votes, on the same line.
    if (!block.implied && firstClause > from) {
      const stated = statedOutcome(plain.slice(from, firstClause));
      if (stated) block.implied = { outcome: stated.outcome, range: span.range(from + stated.at, from + stated.at + stated.length) };
    }
    return true;
  }

  /** Reads the vote clauses of the sentence [start, end); returns where the first begins, or -1. */
  private sentence(span: Span, plain: string, start: number, end: number): number {
    while (start < end && isRegExpSpaceCode(plain.charCodeAt(start))) start++;
    if (start >= end) return -1;
    const sentenceRange = span.range(start, beforeTrailingSpace(plain, end));
    let first = -1;
    let pos = start;
    const text = plain.slice(start, end);
    // A label: `Imod stemte: (Ø) og (F).`, `For stemte: 5 (A, F og V)`, `Undlod: Ø`.
    const label = labelAt(text);
    if (label) {
      const after = start + label.length;
      const count = LABEL_COUNT.exec(plain.slice(after, end));
      if (count) {
        const parties = count[2] ? partyLetters(span, count[2], after + count[0].indexOf(count[2])) : [];
        this.addSentence(span, label.side, { names: [], parties, end: after + count[0].length }, Number(count[1]), start, start + label.length, this.points, sentenceRange);
        return start;
      }
      const voters = readVoters(span, after, end, { prefix: true, parties: true });
      const rest = plain.slice(after, end).trim();
      if (voters || (!rest && label.colon) || !rest) {
        if (voters || label.colon || !rest) {
          this.addSentence(span, label.side, voters, null, start, start + label.length, this.points, sentenceRange);
          if (!voters) this.listSide = label.side;
          first = start;
          pos = voters ? voters.end : end;
        }
      }
    }
    // `A anbefaler X (1), og et flertal bestående af B og C anbefaler Y (6)`.
    if (first < 0 && this.competing(span, plain, text, start, sentenceRange)) return start;
    // `5 medlemmer (A+V+C) anbefaler forslaget.`
    const members = first < 0 ? COUNTED_MEMBERS.exec(text) : null;
    if (members) {
      VOTE_VERB.lastIndex = 0;
      const verb = VOTE_VERB.exec(text.slice(members[0].length));
      const side = verb && verb.index === 0 ? verbOf.get(fold(verb[1]))?.side : undefined;
      if (side) {
        let verbEnd = start + members[0].length + verb![1].length;
        const after = members[2] ? null : PARTIES_AFTER.exec(plain.slice(verbEnd, end));
        const written = members[2] ?? after?.[1];
        const parties = written ? partyLetters(span, written, members[2] ? start + members[0].indexOf(written) : verbEnd + after![0].indexOf(written)) : [];
        if (after) verbEnd += after[0].length;
        this.addSentence(span, side, { names: [], parties, end: verbEnd }, Number(members[1]), start, verbEnd, this.points, sentenceRange);
        return start;
      }
    }
    // A stated tally: `Med stemmerne 19 for og 2 imod godkendte byrådet ...`.
    const tally = TALLY.exec(text);
    if (tally) {
      let at = start + tally.index + tally[0].length;
      const pairs: { side: VoteSide; count: number; parties: PartyRef[]; from: number; to: number }[] = [];
      // `med 6 stemmer mod 1 (Ø)`: the first number is for, the second against.
      const versus = VERSUS.exec(plain.slice(at, end));
      if (versus) {
        const to = at + versus[0].trimEnd().length;
        const parties = versus[3] ? partyLetters(span, versus[3], at + versus[0].lastIndexOf(versus[3])) : [];
        pairs.push({ side: 'for', count: Number(versus[1]), parties: [], from: at, to }, { side: 'against', count: Number(versus[2]), parties, from: at, to });
        at += versus[0].length;
      }
      for (;;) {
        const rest = plain.slice(at, end);
        const after = TALLY_PAIR.exec(rest);
        const before = after ? null : TALLY_PAIR_BEFORE.exec(rest);
        const m = after ?? before;
        if (!m) break;
        const [number, word] = after ? [m[1], m[2]] : [m[2], m[1]];
        const side = tallySide.get(fold(word));
        if (!side) break;
        const count = /^\d+$/.test(number) ? Number(number) : 0;
        const parties = m[3] ? partyLetters(span, m[3], at + m[0].lastIndexOf(m[3])) : [];
        pairs.push({ side, count, parties, from: at + (m[0].length - m[0].trimStart().length), to: at + m[0].trimEnd().length });
        at += m[0].length;
      }
      if (pairs.length) {
        // A second tally is a second vote (`Yderligere godkendte Byrådet med stemmerne 19 for og 1 imod ...`);
        // when the first has nothing but its numbers, the lists after the second are of both.
        const before = this.block;
        if (before && before.sentences.length && before.sentences.every((s) => s.count !== null)) {
          this.siblings.push(before);
          this.block = null;
        } else if (before?.sentences.some((s) => s.count !== null)) this.closeBlock();
        for (const p of pairs) this.addSentence(span, p.side, { names: [], parties: p.parties, end: p.to }, p.count, p.from, p.to, this.points, sentenceRange);
        const block = this.block!;
        const stated = statedOutcome(text);
        if (stated && !block.outcome) {
          block.outcome = stated.outcome;
          block.outcomeRange = span.range(start + stated.at, start + stated.at + stated.length);
        }
        if (first < 0) first = start;
        pos = Math.max(pos, at);
      }
    }
    // Verbs: `(Ø) stemte imod.`, `A stemmer for, V og D stemmer imod og C undlader.`
    let regionStart = pos;
    let last: Voters | null = null;
    // Searched in the sentence's text, not in the paragraph from here on (a paragraph of many sentences without a verb took its length squared).
    VOTE_VERB_SCAN.lastIndex = pos - start;
    for (let found: RegExpExecArray | null; (found = VOTE_VERB_SCAN.exec(text)) !== null; ) {
      const at = start + found.index;
      const verb = verbOf.get(fold(found[1]))!;
      const verbEnd = at + found[1].length;
      const after = text.slice(verbEnd - start);
      if (!this.votesOnDecision(verb, after)) continue;
      let subject = subjectOf(span, plain, regionStart, at, !verb.persons);
      // A party recommends as a voter when it is a majority or minority, or when it is about the motion itself.
      if (!subject && verb.persons && (ON_THE_MOTION.test(after) || GROUP_WORD.test(plain.slice(regionStart, at)))) {
        const parties = subjectOf(span, plain, regionStart, at, true);
        if (parties && (leadsGroup(plain.slice(parties.at, at)) || ON_THE_MOTION.test(after))) subject = parties;
      }
      let voters = subject?.voters ?? null;
      if (!voters && last && SHARED_SUBJECT.test(plain.slice(regionStart, at))) voters = last;
      if (!voters) {
        // A verb with no voters before it (`Udvalget anbefaler ...`) is no one's subject either: the next verb looks after it.
        regionStart = verbEnd;
        continue;
      }
      const points = POINTS_AFTER.exec(after);
      const sentence = this.addSentence(span, verb.side, voters, null, at, verbEnd, points ? pointsOf(points[1] ?? points[2]) : this.points, sentenceRange);
      if (voters === last) sentence.names = [...voters.names];
      const block = this.block!;
      const next = NEXT_WORD.exec(after);
      if (next && !block.subject) block.subject = next[1];
      // `... stemmer for ændringsforslaget, som dermed er vedtaget.`
      if (THEREBY.test(after)) this.outcomeIn(span, verbEnd);
      if (first < 0) first = subject?.at ?? regionStart;
      regionStart = verbEnd + (points ? points[0].length : 0);
      VOTE_VERB_SCAN.lastIndex = regionStart - start;
      last = voters;
    }
    return first;
  }

  /**
   * Recommendations of different things in one sentence, each with its number of backers in
   * parentheses (`Enhedslisten anbefaler budgetforslag ... (1), og et flertal bestående af ... anbefaler
   * budgetforlig ... (6)`): one vote between them, the largest number for (it carried), the others
   * against. False, and nothing read, unless every clause has a subject and a verb for; a tie carries nothing.
   */
  private competing(span: Span, plain: string, text: string, start: number, range: Range): boolean {
    const clauses: { voters: Voters; count: number; verbFrom: number; verbTo: number }[] = [];
    let from = start;
    // In the sentence's own text (`text` is plain[start, …)): a search in the whole paragraph for each sentence would take its length squared.
    BACKERS.lastIndex = 0;
    for (let found: RegExpExecArray | null; (found = BACKERS.exec(text)) !== null; ) {
      const at = start + found.index;
      VOTE_VERB.lastIndex = 0;
      const clause = plain.slice(from, at);
      let verb: RegExpExecArray | null = null;
      for (let v: RegExpExecArray | null; (v = VOTE_VERB.exec(clause)) !== null; ) if (verbOf.get(fold(v[1]))?.side === 'for') verb = v;
      const subject = verb ? subjectOf(span, plain, from, from + verb.index, true) : null;
      if (!verb || !subject) return false;
      clauses.push({ voters: subject.voters, count: Number(found[1]), verbFrom: from + verb.index, verbTo: from + verb.index + verb[1].length });
      from = at + found[0].length;
    }
    if (clauses.length < 2) return false;
    const top = Math.max(...clauses.map((c) => c.count));
    if (clauses.filter((c) => c.count === top).length > 1) return false;
    for (const c of clauses) this.addSentence(span, c.count === top ? 'for' : 'against', c.voters, c.count, c.verbFrom, c.verbTo, this.points, range);
    return true;
  }

  /**
   * False when what follows the verb shows that it is not a vote on the decision: a recommendation of
   * something else (`Brigitte Klintskov Jerkel (C) anbefaler, at der udarbejdes ...`), or support for
   * another recommendation than the one decided (`John T. Olsen (A) stemte for administrationens
   * indstillingspunkt 2.` after `Økonomiudvalget kan ... ikke anbefale ...`).
   */
  private votesOnDecision(verb: { side: VoteSide; persons: boolean }, after: string): boolean {
    if (verb.persons && RECOMMENDS_THAT.test(after)) return false;
    const other = verb.side === 'for' ? OTHER_RECOMMENDATION.exec(after) : null;
    if (!other) return true;
    // Votes on that recommendation when the decision is about it (`Byrådet godkendte administrationens indstilling.`).
    const decided = this.block?.implied ?? this.implied;
    return !!decided && this.lastStatement !== null && fold(this.lastStatement).includes(fold(other[1]));
  }

  private proposal(span: Span): boolean {
    const text = span.text;
    const m = PROPOSAL.exec(text);
    if (!m) return false;
    let proposers = readNameList(span, 0, m.index!) ?? [];
    if (!proposers.length && m[2]) {
      // `Vedrørende indstillingens punkt 3 fremsætter <names> følgende ændringsforslag`.
      const at = m.index! + m[1].length + text.slice(m.index! + m[1].length).indexOf(m[2]);
      proposers = readNameList(span, at, at + m[2].length) ?? [];
    }
    if (!proposers.length && !leadingBody(text)) return false;
    this.closeBlock();
    this.implied = null;
    const proposal: Proposal = { proposers, text: '', textRange: null, range: span.whole, committee: this.committee };
    this.out.proposals.push(proposal);
    this.pendingProposal = proposal;
    this.quoteTarget = proposal;
    return true;
  }

  /** Sets the outcome of the vote being read when the text from `from` states one. */
  private outcomeIn(span: Span, from: number): boolean {
    const block = this.block;
    if (!block) return false;
    const m = OUTCOME.exec(span.text.slice(from));
    if (!m) return false;
    const word = (m[2] ?? m[3]).toLowerCase();
    block.outcome = m[1] || REJECTED.has(word) ? 'forkastet' : 'vedtaget';
    const at = from + m.index;
    block.outcomeRange = span.range(at, at + m[0].length);
    return true;
  }

  private outcome(span: Span): boolean {
    const block = this.block;
    if (!block || block.outcome !== null) return false;
    // A committee's own statement (`Udvalget stemmer for ... Initiativerne er godkendt`) is not the vote's outcome.
    if (leadingBody(span.text)) return false;
    if (!this.outcomeIn(span, 0)) return false;
    this.closeBlock();
    return true;
  }

  private statement(span: Span, from: number): void {
    const text = span.text;
    if (ADJOURNED_PATTERN.test(text)) return;
    const earlier = endsWithColon(text) ? (EARLIER.exec(text) ?? EARLIER_DECISION.exec(text)) : null;
    // An earlier treatment quoted in the item belongs to that body and date, even the own committee's.
    const body = earlier ? text.replace(/\*\*/g, '').replace(/:\s*$/, '').trim() : leadingBody(text);
    if (earlier) this.committee = body;
    else if (body) this.committee = this.committeeFor(body);
    // A party's or member's remark between the votes (`(A) støttede, at ...`) does not end them.
    const remark = !!this.block && !earlier && !body && !PROPOSING.test(text) && !!readVoters(span, from, span.text.length, { prefix: true, parties: true });
    if (!remark) this.closeBlock();
    this.listSide = null;
    const verb = DECISION_VERB.exec(unbold(text));
    const kind: DecisionKind = verb ? (kindOf.get(fold(verb[1])) ?? 'other') : 'other';
    const statement: DecisionStatement = { text, range: span.whole, committee: this.committee, kind };
    this.out.decisions.push(statement);
    if (remark) return;
    this.lastStatement = text;
    const stated = statedOutcome(unbold(text).slice(from));
    this.implied = stated ? { outcome: stated.outcome, range: span.range(from + stated.at, from + stated.at + stated.length) } : null;
    // `... anbefaler indstillingen med følgende tillægsbeslutning:` is followed by its quoted text.
    this.quoteTarget = COLON_END.test(text) ? statement : null;
  }
}

/** The length of `text[0, end)` without white space at its end. */
function beforeTrailingSpace(text: string, end: number): number {
  while (end > 0 && isRegExpSpaceCode(text.charCodeAt(end - 1))) end--;
  return end;
}

/**
 * The voters a verb's subject names: the longest list that ends before the verb and begins at the
 * start of the region, or after a comma, `og`, `idet` or a colon in it (`Herefter satte formanden
 * ... til afstemning. Tina Rotbøll (A) stemte for`, `... godkende pkt. 5 idet Pernille Beckmann (V)
 * og Marc Genning (V) undlod`).
 */
function subjectOf(span: Span, plain: string, from: number, to: number, parties: boolean): { voters: Voters; at: number } | null {
  const end = beforeTrailingListMarks(plain, to);
  // No list of voters is longer than a council's names: text further back is not the subject (and
  // reading it again for every verb of a long paragraph would take time with its length squared).
  const cut = from < end - LONGEST_SUBJECT;
  if (cut) from = end - LONGEST_SUBJECT;
  if (end <= from) return null;
  const whole = cut ? null : readVoters(span, from, end, { prefix: false, parties });
  if (whole) return { voters: whole, at: from };
  // A comma, `og`, `idet` or a colon, or the start of a line (each line of an export is a paragraph of its own).
  const starts: number[] = [];
  SUBJECT_START.lastIndex = from;
  for (let m: RegExpExecArray | null; (m = SUBJECT_START.exec(plain)) !== null && m.index < end; ) starts.push(m.index + m[0].length);
  for (const at of span.lineOffsets()) if (at > from && at < end) starts.push(at);
  starts.sort((a, b) => a - b);
  for (const at of starts) {
    if (at >= end) break;
    const voters = readVoters(span, at, end, { prefix: false, parties });
    if (voters) return { voters, at };
  }
  return null;
}
