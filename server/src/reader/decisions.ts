// Reads what a Beslutning says: committee statements, proposals with their quoted text,
// recorded votes (named or counted) with their outcome, and absences.
import type { Absence, DecisionKind, DecisionStatement, NameRef, Outcome, Proposal, Vote, VoteSentence, VoteSide } from '../model';
import {
  ABSENCE_LABELS,
  ADJOURNED_PATTERN,
  ABSENCE_PHRASES,
  COUNTED_VOTE_LABELS,
  DECISION_VERBS,
  PROPOSAL_NOUNS,
  PROPOSAL_VERBS,
  VOTE_VERBS,
  fold,
  sameBody,
} from '../vocabulary';
import { type Line, type Lines, isRegExpSpaceCode } from './lines';
import { isBodyWord, readNameList } from './names';
import { Span, paragraphs } from './span';

export interface DecisionParts {
  decisions: DecisionStatement[];
  votes: Vote[];
  proposals: Proposal[];
  absences: Absence[];
}

const OPEN_QUOTES = '"“”„«»\'‘’';
const CLOSE_QUOTE = /["“”»'’]\s*[.,;:]?\s*$/;

const words = (list: readonly string[]) =>
  [...list].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'));

const voteVerbs = VOTE_VERBS.flatMap((v) => v.phrases.map((p) => ({ side: v.side, phrase: p })));
const VOTE_VERB = new RegExp(`(?<=\\s|^|\\*)(${words(voteVerbs.map((v) => v.phrase)).join('|')})(?=[\\s.,:;]|$)`, 'gi');
/**
 * `VOTE_VERB` for the loops over every verb of a paragraph. They used `matchAll`, which copies the
 * expression on every call; an `exec` loop on this copy does not, and it leaves `VOTE_VERB`'s
 * `lastIndex` as `matchAll` did.
 */
const VOTE_VERB_SCAN = new RegExp(VOTE_VERB.source, VOTE_VERB.flags);
const sideOfVerb = new Map(voteVerbs.map((v) => [fold(v.phrase), v.side]));

const countedLabels = COUNTED_VOTE_LABELS.flatMap((c) => c.labels.map((l) => ({ side: c.side, label: l })));
const COUNTED = new RegExp(`^(?:\\*\\*)?(${words(countedLabels.map((c) => c.label)).join('|')})(?:\\*\\*)?\\s*:\\s*(?:(\\d+)\\s*(?:stemmer?)?\\s*)?(?:\\(([^)]*)\\))?`, 'i');
const sideOfLabel = new Map(countedLabels.map((c) => [fold(c.label), c.side]));
/** `5 medlemmer (A+V+C) anbefaler forslaget.` */
const COUNTED_MEMBERS = /^(\d+)\s+(?:medlemmer|stemmer)\s*(?:\(([^)]*)\))?\s+/i;

const OUTCOME = /\b(?:er|blev|var)\s+(?:hermed\s+|dermed\s+|således\s+|derfor\s+)?(ikke\s+)?(vedtaget|forkastet|faldet|bortfaldet|nedstemt|godkendt|anbefalet)\b|\bdermed\s+(vedtaget|forkastet)\b/i;
const REJECTED = new Set(['forkastet', 'faldet', 'bortfaldet', 'nedstemt']);

const absencePhrases = ABSENCE_PHRASES.flatMap((a) => a.phrases.map((p) => ({ scope: a.scope, phrase: p })));
const ABSENCE = new RegExp(`\\s(${words(absencePhrases.map((a) => a.phrase)).join('|')})(?=[\\s.,:;]|$)`, 'i');
const scopeOf = new Map(absencePhrases.map((a) => [fold(a.phrase), a.scope]));
const ABSENCE_LABEL = new RegExp(`^(?:\\*\\*)?(${words(ABSENCE_LABELS).join('|')})(?:\\*\\*)?\\s*:\\s*`, 'i');

const PROPOSAL = new RegExp(`\\b(${words(PROPOSAL_VERBS).join('|')})\\s+(?:(.*?)\\s+)?følgende\\s+(${words(PROPOSAL_NOUNS).join('|')})`, 'i');

const decisionVerbs = DECISION_VERBS.flatMap((d) => d.phrases.map((p) => ({ kind: d.kind, phrase: p })));
const DECISION_VERB = new RegExp(`(?:^|\\s)(${words(decisionVerbs.map((d) => d.phrase)).join('|')})(?=[\\s.,:;]|$)`, 'i');
const kindOf = new Map(decisionVerbs.map((d) => [fold(d.phrase), d.kind]));

/** `Økonomiudvalget, 10. september 2019, pkt. 65:` — an earlier treatment by another body. */
const EARLIER = /^(?:\*\*)?([\p{Lu}][\p{L}\- ]*?(?:udvalget|udvalg|rådet|Byrådet|bestyrelsen))(?:\*\*)?\s*,\s*(?:den\s+)?\d{1,2}\.?\s*[\p{L}.\-\d]+\s*\d{0,4}.*?:\s*$/u;

// Expressions of the per-paragraph tests, made once: a literal in a function makes a new object on every call.
const LEADING_NAME = /^((?:[\p{Lu}][\p{L}]*-\s+og\s+)?[\p{Lu}][\p{L}\-]*)(?=[\s,.]|$)/u;
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
 * around counted-vote lines (`For stemte: 5` / `Imod stemte: 2` are written without blank lines).
 * A sentence wrapped over several lines stays whole.
 */
function sentenceLines(para: Line[]): Line[][] {
  if (para.length === 1) return [para];
  const parts: Line[][] = [[para[0]]];
  for (let i = 1; i < para.length; i++) {
    const prev = para[i - 1].text;
    const starts = SENTENCE_CLOSE.test(prev) || COUNTED.test(para[i].text) || COUNTED.test(prev) || ADJOURNED_PATTERN.test(para[i].text);
    if (starts) parts.push([para[i]]);
    else parts[parts.length - 1].push(para[i]);
  }
  return parts;
}

export class DecisionReader {
  private readonly out: DecisionParts = { decisions: [], votes: [], proposals: [], absences: [] };
  private vote: Vote | null = null;
  private pendingProposal: Proposal | null = null;
  private quoteTarget: Proposal | DecisionStatement | null = null;
  private inQuote = false;
  private committee: string | null = null;

  constructor(private readonly ownCommittee: string | null) {}

  get result(): DecisionParts {
    return this.out;
  }

  /** Reads the paragraphs of lines [from, to) of one Beslutning section. */
  readSection(lines: Lines, from: number, to: number): void {
    this.committee = null;
    this.closeVote();
    this.inQuote = false;
    for (const para of paragraphs(lines, from, to)) {
      // A quote is kept whole: its lines are the proposal's text, not statements.
      const quoted = this.inQuote || OPEN_QUOTES.includes(unbold(para[0].text).trim()[0]);
      for (const part of quoted ? [para] : sentenceLines(para)) this.paragraph(new Span(part));
    }
    this.closeVote();
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
    if (this.counted(span)) return;
    if (this.voteSentence(span)) return;
    if (this.proposal(span)) return;
    if (this.outcome(span)) return;
    this.statement(span);
  }

  /** True when the paragraph records a vote, an absence or a proposal. */
  private isStructural(span: Span): boolean {
    const text = span.text;
    if (COUNTED.test(text) || COUNTED_MEMBERS.test(text) || PROPOSAL.test(text)) return true;
    const absence = ABSENCE.exec(text);
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
    const label = ABSENCE_LABEL.exec(text);
    let names: NameRef[] | null = null;
    let scope: 'meeting' | 'item' = 'item';
    if (label) {
      const end = beforeTrailingStops(text);
      names = readNameList(span, label[0].length, end);
    } else {
      const m = ABSENCE.exec(text);
      if (!m) return false;
      names = readNameList(span, 0, m.index);
      scope = scopeOf.get(fold(m[1])) ?? 'meeting';
    }
    if (!names) return false;
    for (const person of names) {
      this.out.absences.push({ person, scope, range: span.whole, committee: this.committee });
    }
    return true;
  }

  private startVote(span: Span): Vote {
    if (this.vote && this.vote.outcome === null) return this.vote;
    this.closeVote();
    const r = span.whole;
    const proposal = this.pendingProposal;
    this.pendingProposal = null;
    this.vote = {
      range: r,
      line: r.start.line,
      for: [],
      against: [],
      abstain: [],
      counts: null,
      parties: null,
      outcome: null,
      outcomeRange: null,
      subject: null,
      proposal,
      committee: this.committee,
      sentences: [],
    };
    this.out.votes.push(this.vote);
    return this.vote;
  }

  private closeVote(): void {
    this.vote = null;
  }

  private addSentence(vote: Vote, sentence: VoteSentence): void {
    vote.sentences.push(sentence);
    vote[sentence.side].push(...sentence.names);
    vote.range = { start: vote.range.start, end: sentence.range.end };
  }

  private counted(span: Span): boolean {
    const text = span.text;
    const m = COUNTED.exec(text);
    let side: VoteSide | undefined;
    let count: number | null = null;
    let parties: string | null = null;
    let names: NameRef[] = [];
    let verbLength: number;
    if (m) {
      side = sideOfLabel.get(fold(m[1]));
      count = m[2] !== undefined ? Number(m[2]) : null;
      parties = m[3] ?? null;
      verbLength = m[1].length;
      if (count === null) {
        // `For stemte: Anna Hansen (A) og Bo Jensen (V).`
        const end = beforeTrailingStops(text);
        const list = readNameList(span, m[0].length, end);
        if (!list) return false;
        names = list;
      }
    } else {
      const c = COUNTED_MEMBERS.exec(text);
      if (!c) return false;
      VOTE_VERB.lastIndex = 0;
      const verb = VOTE_VERB.exec(text.slice(c[0].length));
      if (!verb || verb.index !== 0) return false;
      side = sideOfVerb.get(fold(verb[1]));
      count = Number(c[1]);
      parties = c[2] ?? null;
      verbLength = c[0].length + verb[1].length;
    }
    if (!side) return false;
    const vote = this.startVote(span);
    vote.counts ??= { for: null, against: null, abstain: null };
    vote.parties ??= { for: [], against: [], abstain: [] };
    if (count !== null) vote.counts[side] = (vote.counts[side] ?? 0) + count;
    if (parties) vote.parties[side].push(...parties.split(/\s*(?:,|\+|\bog\b|&)\s*/).map((p) => p.trim()).filter(Boolean));
    const r = span.whole;
    this.addSentence(vote, { side, range: r, verb: text.slice(0, verbLength), verbRange: span.range(0, verbLength), names, count });
    return true;
  }

  private voteSentence(span: Span): boolean {
    const text = span.text;
    VOTE_VERB.lastIndex = 0;
    VOTE_VERB_SCAN.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = VOTE_VERB_SCAN.exec(text)) !== null) {
      const at = m.index;
      const before = beforeTrailingListMarks(text, at);
      if (before === 0) break;
      const names = readNameList(span, 0, before);
      if (!names) continue;
      const side = sideOfVerb.get(fold(m[1]))!;
      const vote = this.startVote(span);
      const after = NEXT_WORD.exec(text.slice(at + m[1].length));
      if (after && !vote.subject) vote.subject = after[1];
      this.addSentence(vote, {
        side,
        range: span.whole,
        verb: m[1],
        verbRange: span.range(at, at + m[1].length),
        names,
        count: null,
      });
      // `... stemmer for ændringsforslaget, som dermed er vedtaget.`
      if (THEREBY.test(text.slice(at))) this.outcomeIn(vote, span, at + m[1].length);
      return true;
    }
    return false;
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
    this.closeVote();
    const proposal: Proposal = { proposers, text: '', textRange: null, range: span.whole, committee: this.committee };
    this.out.proposals.push(proposal);
    this.pendingProposal = proposal;
    this.quoteTarget = proposal;
    return true;
  }

  /** Sets the outcome when the text from `from` states one. */
  private outcomeIn(vote: Vote, span: Span, from: number): boolean {
    const m = OUTCOME.exec(span.text.slice(from));
    if (!m) return false;
    const word = (m[2] ?? m[3]).toLowerCase();
    const outcome: Outcome = m[1] || REJECTED.has(word) ? 'forkastet' : 'vedtaget';
    vote.outcome = outcome;
    const at = from + m.index;
    vote.outcomeRange = span.range(at, at + m[0].length);
    vote.range = { start: vote.range.start, end: span.whole.end };
    return true;
  }

  private outcome(span: Span): boolean {
    const vote = this.vote;
    if (!vote || vote.outcome !== null) return false;
    // A committee's own statement (`Udvalget stemmer for ... Initiativerne er godkendt`) is not the vote's outcome.
    if (leadingBody(span.text)) return false;
    if (!this.outcomeIn(vote, span, 0)) return false;
    this.closeVote();
    return true;
  }

  private statement(span: Span): void {
    const text = span.text;
    if (ADJOURNED_PATTERN.test(text)) return;
    const earlier = endsWithColon(text) ? EARLIER.exec(text) : null;
    // An earlier treatment quoted in the item belongs to that body and date, even the own committee's.
    const body = earlier ? text.replace(/\*\*/g, '').replace(/:\s*$/, '').trim() : leadingBody(text);
    if (earlier) this.committee = body;
    else if (body) this.committee = this.committeeFor(body);
    this.closeVote();
    const verb = DECISION_VERB.exec(unbold(text));
    const kind: DecisionKind = verb ? kindOf.get(fold(verb[1])) ?? 'other' : 'other';
    const statement: DecisionStatement = { text, range: span.whole, committee: this.committee, kind };
    this.out.decisions.push(statement);
    // `... anbefaler indstillingen med følgende tillægsbeslutning:` is followed by its quoted text.
    this.quoteTarget = COLON_END.test(text) ? statement : null;
  }
}
