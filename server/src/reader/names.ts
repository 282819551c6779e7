// Reads lists of people as the minutes write them:
// `Rådmand Brian Dybro (F) samt udvalgsmedlemmerne Cæcilie Crawley (A), ... og Tommy Hummelose (C)`,
// `Udvalgsmedlem Reza Javid, (Ø)`, `Tim Vermund, Michael Eskamp Witek og Ulla Chambless`.
import type { NameRef, PartyRef } from '../model';
import { BODY_SUFFIXES, BODY_WORDS, GROUP_LEADS, GROUP_WORDS, NAME_PARTICLES, NOT_NAME_WORDS, PARTY_NAMES, ROLE_WORDS, fold } from '../vocabulary';
import { isRegExpSpaceCode } from './lines';
import type { Span } from './span';

const roleWords = new Set(ROLE_WORDS.map(fold));
/** `NOT_NAME_WORDS` as a name would write them: capitalised, or in capitals. */
const notNameWords = new Set(NOT_NAME_WORDS.flatMap((w) => [w[0].toUpperCase() + w.slice(1), w.toUpperCase()]));
const particles = new Set(NAME_PARTICLES);
const bodyWords = new Set(BODY_WORDS.map(fold));
const GROUP_LEAD = new RegExp(
  `^\\s*(?:${[...GROUP_LEADS]
    .sort((a, b) => b.length - a.length)
    .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|')})\\s+`,
  'i',
);

/** True when `text` opens with a group of voters (`Et flertal bestående af`, `Et mindretal (Ø)`). */
export function leadsGroup(text: string): boolean {
  return GROUP_LEAD.test(text);
}
const SEPARATOR = /\s*[,;]\s*|\s+(?:og|samt|&)\s+/g;
/** The letters of a party, with a list number when there is one (`V`, `SF`, `UP-1`, `UP2`). */
const PARTY_LETTERS = '[A-ZÆØÅ]{1,3}(?:-?\\d)?';
/** A party letter in parentheses (`(V)`, `(UP-1)`, `(UP2)`). */
const PARTY = new RegExp(`\\(\\s*(${PARTY_LETTERS})\\s*\\)`);
/** `(Ø)` alone, after the name it belongs to. */
const LONE_PARTY = /^\(\s*([A-ZÆØÅ]{1,3}(?:-?\d)?)\s*\)$/;
const NAME_WORD = /^(?:\p{Lu}[\p{L}'’.]*(?:-\p{Lu}?[\p{L}'’.]*)*|\p{Lu}\.)$/u;

/** True when the word names a deciding body rather than a person (`Socialudvalget`, `Byrådet`). */
export function isBodyWord(word: string): boolean {
  const w = fold(word);
  if (bodyWords.has(w)) return true;
  for (const suffix of BODY_SUFFIXES) if (w.endsWith(suffix) && w.length > suffix.length + 1) return true;
  return false;
}

const isRoleWord = (word: string): boolean => roleWords.has(fold(word));

/** True when the words can be a person's name: two to six capitalised words, particles allowed. */
export function isPersonName(words: readonly string[]): boolean {
  if (words.length < 2 || words.length > 6) return false;
  let capitals = 0;
  for (const w of words) {
    if (particles.has(w)) continue;
    if (!NAME_WORD.test(w) || notNameWords.has(w) || isBodyWord(w) || isRoleWord(w)) return false;
    capitals++;
  }
  return capitals >= 2 && !particles.has(words[0]);
}

/** `span.text[from, to)` without a lead-in that is part of no name (`Et flertal bestående af`), and where what is left begins. */
function withoutLead(span: Span, from: number, to: number): { text: string; base: number } {
  const text = span.text.slice(from, to);
  const lead = GROUP_LEAD.exec(text);
  return lead ? { text: text.slice(lead[0].length), base: from + lead[0].length } : { text, base: from };
}

/**
 * Reads `span.text[from, to)` as a list of people. Returns null when any part of it is not a
 * person (a committee, a party name, a sentence), so that callers can tell a vote by named
 * members from a committee's statement.
 */
export function readNameList(span: Span, from: number, to: number): NameRef[] | null {
  const { text, base } = withoutLead(span, from, to);
  const names: NameRef[] = [];
  // Each piece between separators is read as soon as it is found, by its offsets: the first piece
  // that is not a person ends the list, and most lists tried are not lists of people.
  SEPARATOR.lastIndex = 0;
  let start = 0;
  for (;;) {
    const separator = SEPARATOR.exec(text);
    const end = separator ? separator.index : text.length;
    if (!readPiece(span, text, base, start, end, names)) return null;
    if (!separator) break;
    start = separator.index + separator[0].length;
  }
  return names.length ? names : null;
}

/** Reads the piece `text[start, end)` of a list (`text` starts at `base` in the span) into `names`; false when it is no person. */
function readPiece(span: Span, text: string, base: number, start: number, end: number, names: NameRef[]): boolean {
  let first = start;
  while (first < end && isRegExpSpaceCode(text.charCodeAt(first))) first++;
  if (first === end) return false; // an empty piece
  if (text.charCodeAt(first) === 40 /* ( */) {
    let last = end;
    while (last > first && isRegExpSpaceCode(text.charCodeAt(last - 1))) last--;
    const lone = LONE_PARTY.exec(text.slice(first, last));
    if (lone) {
      // `Reza Javid, (Ø)`: the letter belongs to the name before it.
      const prev = names[names.length - 1];
      if (!prev || prev.party) return false;
      const at = base + first;
      prev.party = lone[1];
      prev.partyRange = span.range(at, at + lone[0].length);
      return true;
    }
  }
  const ref = readPerson(span, base + start, base + end);
  if (!ref) {
    // `Lone Kjær (A), formand, Henrik Bundgaard (V), næstformand`: a role after a name is its role.
    const prev = names[names.length - 1];
    const word = text.slice(first, end).trim();
    if (prev && !prev.role && isRoleWord(word)) {
      prev.role = word;
      return true;
    }
    return false;
  }
  names.push(ref);
  return true;
}

/** Reads one person: optional role words, the name, an optional party letter. */
export function readPerson(span: Span, from: number, to: number): NameRef | null {
  const source = span.text;
  // The words (runs of non-white space) of `source[from, to)`, by their offsets: most pieces read
  // are no person, and their words are never cut out.
  const starts: number[] = [];
  const ends: number[] = [];
  let count = 0;
  for (let i = from; i < to; ) {
    while (i < to && isRegExpSpaceCode(source.charCodeAt(i))) i++;
    if (i >= to) break;
    starts[count] = i;
    while (i < to && !isRegExpSpaceCode(source.charCodeAt(i))) i++;
    ends[count] = i;
    count++;
  }
  let first = 0;
  let last = count - 1;
  if (last < 0) return null;
  let role: string | null = null;
  while (first <= last) {
    const word = source.slice(starts[first], ends[first]);
    if (!isRoleWord(word)) break;
    role = role ? `${role} ${word}` : word;
    first++;
  }
  let party: string | null = null;
  let partyRange = null;
  if (first <= last && source.charCodeAt(starts[last]) === 40 /* ( */) {
    const word = source.slice(starts[last], ends[last]);
    const p = PARTY.exec(word);
    if (p && p.index === 0 && p[0].length === word.length) {
      party = p[1];
      partyRange = span.range(starts[last], ends[last]);
      last--;
    }
  }
  const nameWords = last - first + 1;
  if (nameWords < 2 || nameWords > 6) return null; // as isPersonName, before making the words
  const words: string[] = [];
  for (let w = first; w <= last; w++) words.push(source.slice(starts[w], ends[w]));
  if (!isPersonName(words)) return null;
  return {
    name: words.join(' '),
    range: span.range(starts[first], ends[last]),
    party,
    partyRange,
    role,
  };
}

// ---- voters: people and parties --------------------------------------------------------------

/** What a list of voters names: people, and parties named instead of their members. */
export interface Voters {
  names: NameRef[];
  parties: PartyRef[];
  /** Where the list ends in the span's text (before a remark, when read as a prefix). */
  end: number;
}

/** Separators of a list of voters; also a space after a party letter before the next name (`Kenneth Jerkel (A) John T. Olsen (A)`). */
const VOTER_SEPARATOR = /\s*[,;]\s*(?:(?:og|samt)\s+)?|\s+(?:og|samt|&)\s+|(?<=\))\s+(?=[\p{Lu}(])/gu;
/** A party letter on its own, with or without parentheses (`(V)`, `Ø`, `A)`, `(UP-1)`, `UP2`). */
const PARTY_LETTER = new RegExp(`^\\(?\\s*(${PARTY_LETTERS})\\s*\\)?\\.?$`);
/** A first name and a party letter (`Liselott (UP)`): the party's member, by the party. */
const FIRST_NAME_PARTY = new RegExp(`^\\p{Lu}[\\p{L}-]+\\s+\\(\\s*(${PARTY_LETTERS})\\s*\\)$`, 'u');
/** `Charlotte Levin fra (A)`. */
const FROM_PARTY = /\s+fra\s+\(\s*([A-ZÆØÅ]{1,3}(?:-?\d)?)\s*\)\s*$/;
const groupWords = [...GROUP_WORDS].sort((a, b) => b.length - a.length).map(fold);
const partyNames = new Map(Object.entries(PARTY_NAMES).map(([name, letter]) => [fold(name), letter]));

/** The party a written-out name means (`Enhedslisten`, `Radikale Venstres byrådsgruppe`), with whether it is the group. */
export function partyByName(written: string): { letter: string; group: boolean } | null {
  let name = fold(written.replace(/[.:]+$/, ''));
  let group = false;
  for (const g of groupWords) {
    if (name === g) return null;
    if (name.endsWith(` ${g}`)) {
      name = name.slice(0, -g.length - 1);
      group = true;
      break;
    }
  }
  const letter = partyNames.get(name) ?? (name.endsWith('s') ? partyNames.get(name.slice(0, -1)) : undefined);
  return letter ? { letter, group } : null;
}

interface VoterOptions {
  /** Read voters from `from` as far as they go, and stop at the first piece that is none (a remark). */
  prefix: boolean;
  /** Parties may stand for their members (false for verbs only people use: `anbefaler`). */
  parties: boolean;
}

/** A list of voters being read: what is read so far, and the person the last piece named (null after a party). */
interface VoterState {
  out: Voters;
  lastPerson: NameRef | null;
  separator: string;
}

/**
 * Reads `span.text[from, to)` as the voters of a vote: people (`Marc Genning (V)`), party letters
 * (`(V)`, `V`, `UP-1`), parties written out (`Enhedslisten`) and groups (`Alternativets
 * byrådsgruppe`). Null when nothing in it is a voter, or (unless `prefix`) when any part of it is no voter.
 */
export function readVoters(span: Span, from: number, to: number, options: VoterOptions): Voters | null {
  const { text, base } = withoutLead(span, from, to);
  const state: VoterState = { out: { names: [], parties: [], end: from }, lastPerson: null, separator: '' };
  VOTER_SEPARATOR.lastIndex = 0;
  let start = 0;
  for (;;) {
    const m = VOTER_SEPARATOR.exec(text);
    const end = m ? m.index : text.length;
    if (!readVoter(span, text, base, start, end, state, options)) {
      if (!options.prefix) return null;
      // The longest run of words at the start of the piece that is a voter: `(Ø) med bemærkning om`.
      const words = [...text.slice(start, end).matchAll(/\S+/g)];
      let rest = start;
      for (let n = words.length - 1; n > 0; n--) {
        if (readVoter(span, text, base, start, start + words[n].index!, state, options)) {
          rest = start + words[n].index!;
          break;
        }
      }
      const resumed = afterRemark(text, rest);
      if (resumed === null) break;
      state.separator = ', og ';
      start = VOTER_SEPARATOR.lastIndex = resumed;
      continue;
    }
    if (!m) break;
    state.separator = m[0];
    start = m.index + m[0].length;
  }
  const { out } = state;
  return out.names.length || out.parties.length ? out : null;
}

/** A remark on a voter's vote: `med bemærkning om, at ...`. */
const REMARK = /^\s*,?\s*med\s+(?:en\s+|følgende\s+)?bemærkning/iu;
/** Where a list of parties goes on after a remark: `, og F,` / `, og F med bemærkning`. */
const PARTY_AFTER_REMARK = new RegExp(`,\\s*og\\s+(?=\\(?${PARTY_LETTERS}\\)?(?:\\s*[,.;]|\\s+med\\s|\\s*$))`, 'gu');

/**
 * `A, Ø med bemærkning om, at ..., og F, med bemærkning om ...`: after a remark the list goes on at
 * `, og` and a party letter. The index of that letter, or null when `text[from...]` is no remark or
 * nothing follows it.
 */
function afterRemark(text: string, from: number): number | null {
  if (!REMARK.test(text.slice(from))) return null;
  PARTY_AFTER_REMARK.lastIndex = from;
  const m = PARTY_AFTER_REMARK.exec(text);
  return m ? m.index + m[0].length : null;
}

/** Reads one piece of a list of voters into `state`; false when it is none. */
function readVoter(span: Span, text: string, base: number, start: number, end: number, state: VoterState, options: VoterOptions): boolean {
  let first = start;
  let last = end;
  while (first < last && isRegExpSpaceCode(text.charCodeAt(first))) first++;
  while (last > first && (isRegExpSpaceCode(text.charCodeAt(last - 1)) || text.charCodeAt(last - 1) === 46 /* . */ || text.charCodeAt(last - 1) === 58) /* : */) last--;
  if (first === last) return false;
  const { out } = state;
  const piece = text.slice(first, last);
  const at = base + first;
  const read = (person: NameRef | null): true => {
    out.end = base + last;
    state.lastPerson = person;
    return true;
  };
  const party = (letter: string, group: boolean): true => {
    out.parties.push({ text: piece, letter, range: span.range(at, at + piece.length), group });
    return read(null);
  };
  const prev = state.lastPerson;
  const letter = PARTY_LETTER.exec(piece);
  if (letter) {
    // `Reza Javid, (Ø)`: the letter of the name before it.
    if (piece.startsWith('(') && prev && !prev.party && state.separator.trim() === ',') {
      prev.party = letter[1];
      prev.partyRange = span.range(at, at + piece.length);
      return read(prev);
    }
    return options.parties && party(letter[1], false);
  }
  // `formand` after a name: its role (`Lone Kjær (A), formand, Henrik Bundgaard (V), næstformand`).
  if (isRoleWord(piece)) {
    if (!prev || prev.role) return false;
    prev.role = piece;
    return read(prev);
  }
  // `Det Konservative Folkeparti` is a party, not a person.
  const named = partyByName(piece);
  if (named) return options.parties && party(named.letter, named.group);
  const fromParty = FROM_PARTY.exec(piece);
  const person = readPerson(span, at, at + (fromParty ? fromParty.index : piece.length));
  if (person) {
    if (fromParty) {
      // `Charlotte Levin fra (A)`.
      person.party = fromParty[1];
      const open = at + piece.lastIndexOf('(');
      person.partyRange = span.range(open, at + piece.length);
    }
    out.names.push(person);
    return read(person);
  }
  if (!options.parties) return false;
  const firstName = FIRST_NAME_PARTY.exec(piece);
  return !!firstName && party(firstName[1], false);
}
