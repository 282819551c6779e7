// Reads lists of people as the minutes write them:
// `Rådmand Brian Dybro (F) samt udvalgsmedlemmerne Cæcilie Crawley (A), ... og Tommy Hummelose (C)`,
// `Udvalgsmedlem Reza Javid, (Ø)`, `Tim Vermund, Michael Eskamp Witek og Ulla Chambless`.
import type { NameRef } from '../model';
import { BODY_SUFFIXES, BODY_WORDS, GROUP_LEADS, NAME_PARTICLES, ROLE_WORDS, fold } from '../vocabulary';
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
  for (const m of text.matchAll(SEPARATOR)) {
    pieces.push({ text: text.slice(last, m.index), from: base + last });
    last = m.index! + m[0].length;
  }
  pieces.push({ text: text.slice(last), from: base + last });
  return pieces;
}

/** True when the word names a deciding body rather than a person (`Socialudvalget`, `Byrådet`). */
export function isBodyWord(word: string): boolean {
  const w = fold(word);
  return bodyWords.has(w) || BODY_SUFFIXES.some((s) => w.endsWith(s) && w.length > s.length + 1);
}

/** True when the words can be a person's name: two to six capitalised words, particles allowed. */
export function isPersonName(words: readonly string[]): boolean {
  if (words.length < 2 || words.length > 6) return false;
  let capitals = 0;
  for (const w of words) {
    if (particles.has(w)) continue;
    if (!NAME_WORD.test(w) || isBodyWord(w) || roleWords.has(fold(w))) return false;
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
    const lone = /^\(\s*([A-ZÆØÅ]{1,3})\s*\)$/.exec(trimmed);
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
  const text = span.text.slice(from, to);
  const words: { word: string; at: number }[] = [];
  for (const m of text.matchAll(/\S+/g)) words.push({ word: m[0], at: from + m.index! });
  if (!words.length) return null;
  let role: string | null = null;
  while (words.length && roleWords.has(fold(words[0].word))) {
    role = role ? `${role} ${words[0].word}` : words[0].word;
    words.shift();
  }
  let party: string | null = null;
  let partyRange = null;
  const last = words[words.length - 1];
  if (last) {
    const p = PARTY.exec(last.word);
    if (p && p.index === 0 && p[0].length === last.word.length) {
      party = p[1];
      partyRange = span.range(last.at, last.at + last.word.length);
      words.pop();
    }
  }
  if (!isPersonName(words.map((w) => w.word))) return null;
  const first = words[0];
  const end = words[words.length - 1];
  return {
    name: words.map((w) => w.word).join(' '),
    range: span.range(first.at, end.at + end.word.length),
    party,
    partyRange,
    role,
  };
}
