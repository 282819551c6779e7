// Reads lists of people as the minutes write them:
// `Rådmand Brian Dybro (F) samt udvalgsmedlemmerne Cæcilie Crawley (A), ... og Tommy Hummelose (C)`,
// `Udvalgsmedlem Reza Javid, (Ø)`, `Tim Vermund, Michael Eskamp Witek og Ulla Chambless`.
import type { NameRef } from '../model';
import { BODY_SUFFIXES, BODY_WORDS, GROUP_LEADS, NAME_PARTICLES, ROLE_WORDS, fold } from '../vocabulary';
import { isRegExpSpaceCode } from './lines';
import type { Span } from './span';

const roleWords = new Set(ROLE_WORDS.map(fold));
const particles = new Set(NAME_PARTICLES);
const bodyWords = new Set(BODY_WORDS.map(fold));
const GROUP_LEAD = new RegExp(`^\\s*(?:${GROUP_LEADS.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\s+`, 'i');
const SEPARATOR = /\s*[,;]\s*|\s+(?:og|samt|&)\s+/g;
const PARTY = /\(\s*([A-ZÆØÅ]{1,3})\s*\)/;
const NAME_WORD = /^(?:\p{Lu}[\p{L}'’.]*(?:-\p{Lu}?[\p{L}'’.]*)*|\p{Lu}\.)$/u;

interface Piece {
  text: string;
  from: number;
}

function split(text: string, base: number): Piece[] {
  const pieces: Piece[] = [];
  let last = 0;
  // An `exec` loop rather than `matchAll`: no iterator and no result object per separator.
  SEPARATOR.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SEPARATOR.exec(text)) !== null) {
    pieces.push({ text: text.slice(last, m.index), from: base + last });
    last = m.index + m[0].length;
    if (m[0].length === 0) SEPARATOR.lastIndex++;
  }
  pieces.push({ text: text.slice(last), from: base + last });
  return pieces;
}

/** Last letters of the body words and suffixes: a word that ends otherwise is let go before it is folded. */
const bodyEndings = new Set([...bodyWords, ...BODY_SUFFIXES].map((w) => w.charCodeAt(w.length - 1)));

/** True when the word names a deciding body rather than a person (`Socialudvalget`, `Byrådet`). */
export function isBodyWord(word: string): boolean {
  // The folded word ends with the word's last character in lower case when it is ASCII and not white space.
  const last = word.charCodeAt(word.length - 1);
  if (last < 128 && last !== 32 && !(last >= 9 && last <= 13)) {
    const lower = last >= 65 && last <= 90 ? last + 32 : last;
    if (!bodyEndings.has(lower)) return false;
  }
  const w = fold(word);
  return bodyWords.has(w) || BODY_SUFFIXES.some((s) => w.endsWith(s) && w.length > s.length + 1);
}

/**
 * The length and first letter (`length * 65536 + code`) of every role word: most words of a name
 * are let go before they are folded. Only for words without white space, whose folded length is
 * their length (`İ` grows, but into a character no role word has).
 */
const roleWordShapes = new Set([...roleWords].map((w) => w.length * 65536 + w.charCodeAt(0)));

/** A role word, for a word without white space. */
function isRoleWord(word: string): boolean {
  const initial = word.charCodeAt(0);
  if (initial < 128) {
    const lower = initial >= 65 && initial <= 90 ? initial + 32 : initial;
    if (!roleWordShapes.has(word.length * 65536 + lower)) return false;
  }
  return roleWords.has(fold(word));
}

/** True when the words can be a person's name: two to six capitalised words, particles allowed. */
export function isPersonName(words: readonly string[]): boolean {
  return isNameOf(words, isFoldedRoleWord);
}

const isFoldedRoleWord = (word: string): boolean => roleWords.has(fold(word));

/** `isPersonName`, with the role word test to use (`isRoleWord` for words known to have no white space). */
function isNameOf(words: readonly string[], isRole: (word: string) => boolean): boolean {
  if (words.length < 2 || words.length > 6) return false;
  let capitals = 0;
  for (const w of words) {
    if (particles.has(w)) continue;
    if (!NAME_WORD.test(w) || isBodyWord(w) || isRole(w)) return false;
    capitals++;
  }
  return capitals >= 2 && !particles.has(words[0]);
}

/**
 * Reads `span.text[from, to)` as a list of people. Returns null when any part of it is not a
 * person (a committee, a party name, a sentence), so that callers can tell a vote by named
 * members from a committee's statement.
 */
export function readNameList(span: Span, from: number, to: number): NameRef[] | null {
  let text = span.text.slice(from, to);
  let base = from;
  // Lead-ins and list-level role words that are not part of any name.
  const lead = GROUP_LEAD.exec(text);
  if (lead) {
    base += lead[0].length;
    text = text.slice(lead[0].length);
  }
  const names: NameRef[] = [];
  for (const piece of split(text, base)) {
    const trimmed = piece.text.trim();
    if (!trimmed) return null;
    const lone = trimmed.charCodeAt(0) === 40 /* ( */ ? /^\(\s*([A-ZÆØÅ]{1,3})\s*\)$/.exec(trimmed) : null;
    if (lone) {
      // `Reza Javid, (Ø)`: the letter belongs to the name before it.
      const prev = names[names.length - 1];
      if (!prev || prev.party) return null;
      const at = piece.from + piece.text.indexOf(lone[0]);
      prev.party = lone[1];
      prev.partyRange = span.range(at, at + lone[0].length);
      continue;
    }
    const ref = readPerson(span, piece.from, piece.from + piece.text.length);
    if (!ref) return null;
    names.push(ref);
  }
  return names.length ? names : null;
}

/** Reads one person: optional role words, the name, an optional party letter. */
export function readPerson(span: Span, from: number, to: number): NameRef | null {
  const source = span.text;
  // The words (runs of non-white space) of `source[from, to)`, by their offsets: a character loop
  // rather than `matchAll(/\S+/g)` on a slice, which made a slice, an iterator and a match per word.
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = from; i < to; ) {
    while (i < to && isRegExpSpaceCode(source.charCodeAt(i))) i++;
    if (i >= to) break;
    const start = i;
    while (i < to && !isRegExpSpaceCode(source.charCodeAt(i))) i++;
    starts.push(start);
    ends.push(i);
  }
  let first = 0;
  let last = starts.length - 1;
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
  const count = last - first + 1;
  if (count < 2 || count > 6) return null; // as isPersonName, before making the words
  const words: string[] = [];
  for (let w = first; w <= last; w++) words.push(source.slice(starts[w], ends[w]));
  if (!isNameOf(words, isRoleWord)) return null;
  return {
    name: words.join(' '),
    range: span.range(starts[first], ends[last]),
    party,
    partyRange,
    role,
  };
}
