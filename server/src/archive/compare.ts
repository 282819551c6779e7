// Comparing a quoted decision with the decision recorded in its own referat: normalised text, and
// in a few words what differs.

/** Quotes, dashes, invisible characters and white space as exports vary them; letters and case kept. */
export function normaliseDecision(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .replace(/[“”„«»"]/g, '"')
    .replace(/[‘’‚`´]/g, "'")
    .replace(/[‐‑‒–—―]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

const WORD = String.raw`(?!Fravær|Afbud|Ikke\b)\p{Lu}[\p{L}.'-]*`;
const NAME = String.raw`${WORD}(?:\s+${WORD}){0,3}(?:\s*\(\p{Lu}{1,3}\))?`;
/**
 * `Fraværende: Bjarke Abel`, `Afbud fra Tina Rottbøll (A)`: who was away is said with the decision
 * in one place and left out in the other, and is no part of what was decided.
 */
const ABSENCE = new RegExp(String.raw`(?:Fraværende|Fravær|Afbud(?:\s+fra)?|Ikke\s+til\s*stede)\s*:?\s*${NAME}(?:\s*(?:,|og)\s*${NAME}|(?<=\))\s+${NAME})*\.?`, 'gu');

/** The decision as compared: normalised, without its absence lines. */
export function decisionWords(text: string): string {
  return normaliseDecision(normaliseDecision(text).replace(ABSENCE, ' '));
}

/** FirstAgenda's history before the meeting has decided: nothing quoted yet. */
const NOT_RELEASED = /^beslutning\s+ikke\s+frigivet\.?$/i;

/** True when a history entry quotes a decision at all. */
export function quotesDecision(text: string): boolean {
  const t = normaliseDecision(text);
  return t !== '' && !NOT_RELEASED.test(t);
}

export interface Difference {
  /** Words of the quote where the referat differs (empty: the quote leaves words out). */
  quoted: string;
  /** The referat's words there (empty: the quote adds words). */
  recorded: string;
  /** The words just before the difference, for where it is. */
  before: string;
}

/** The differing stretch between two texts, word by word: what is left after the common start and end. Null when they are the same. */
export function difference(quotedText: string, recordedText: string): Difference | null {
  const a = decisionWords(quotedText);
  const b = decisionWords(recordedText);
  if (a === b) return null;
  const x = a ? a.split(' ') : [];
  const y = b ? b.split(' ') : [];
  let start = 0;
  while (start < x.length && start < y.length && x[start] === y[start]) start++;
  let end = 0;
  while (end < x.length - start && end < y.length - start && x[x.length - 1 - end] === y[y.length - 1 - end]) end++;
  return {
    quoted: x.slice(start, x.length - end).join(' '),
    recorded: y.slice(start, y.length - end).join(' '),
    before: x.slice(Math.max(0, start - 3), start).join(' '),
  };
}

/** How much two decisions differ: the number of words in the differing stretches (0: the same). */
export function distanceOf(d: Difference | null): number {
  return d ? (d.quoted ? d.quoted.split(' ').length : 0) + (d.recorded ? d.recorded.split(' ').length : 0) : 0;
}

/** A text cut to `max` characters at a word, with an ellipsis. */
export function clip(text: string, max = 60): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return (space > max / 2 ? cut.slice(0, space) : cut) + '…';
}
