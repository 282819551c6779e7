// Workspace symbol search over the punkter of every referat, by title words, punkt number
// (`3`, `Punkt 3`) or case number, ignoring case, accents and quote styles.
import type { SymbolInformation } from 'vscode-languageserver';
import { PUNKT_SYMBOL_KIND } from './symbolNames';
import type { IndexedPunkt, IndexedReferat } from './workspaceIndex';

/** Enough for any picker; a workspace of thousands of referater would otherwise flood the client. */
export const MAX_WORKSPACE_SYMBOLS = 2000;

export function workspaceSymbols(referater: IndexedReferat[], query: string): SymbolInformation[] {
  const matches = punktMatcher(query);
  const symbols: SymbolInformation[] = [];
  for (const referat of referater) {
    for (const punkt of referat.punkter) {
      if (!matches(punkt)) continue;
      symbols.push({
        name: punkt.name,
        kind: PUNKT_SYMBOL_KIND,
        containerName: referat.containerName,
        location: { uri: referat.uri, range: punkt.headingRange },
      });
      if (symbols.length >= MAX_WORKSPACE_SYMBOLS) return symbols;
    }
  }
  return symbols;
}

type PunktFields = Pick<IndexedPunkt, 'number' | 'title' | 'caseNumber'>;

/**
 * `Punkt 3` (with or without `:` and more words) asks for that number; a bare number matches
 * the punkt number or a whole number in the title or case number; other queries match when
 * every word occurs in the title or case number. An empty query matches everything.
 */
export function punktMatcher(query: string): (punkt: PunktFields) => boolean {
  const normalised = normaliseForSearch(query);
  if (normalised === '') return () => true;
  const numbered = /^punkt\s*(\d+)\s*[:.]?\s*(.*)$/.exec(normalised);
  if (numbered) {
    const number = Number(numbered[1]);
    const words = splitWords(numbered[2]);
    return (punkt) => punkt.number === number && containsAllWords(searchText(punkt), words);
  }
  if (/^\d+$/.test(normalised)) {
    const number = Number(normalised);
    return (punkt) => punkt.number === number || containsAllWords(searchText(punkt), [normalised]);
  }
  const words = splitWords(normalised);
  return (punkt) => containsAllWords(searchText(punkt), words);
}

function searchText(punkt: PunktFields): string {
  return normaliseForSearch(`${punkt.title} ${punkt.caseNumber ?? ''}`);
}

function splitWords(text: string): string[] {
  return text.split(' ').filter(Boolean);
}

/** A word of digits must match a whole number (`3` is not found in `2023`); other words are substrings. */
function containsAllWords(text: string, words: string[]): boolean {
  return words.every((word) => (/^\d+$/.test(word) ? new RegExp(`(?<!\\d)${word}(?!\\d)`).test(text) : text.includes(word)));
}

const LETTER_FOLDS: Record<string, string> = { æ: 'ae', ø: 'o', œ: 'oe', ß: 'ss', đ: 'd', ł: 'l' };

/** Lower case, no accents (`ø` as `o`, `æ` as `ae`), one kind of quote, single spaces. */
export function normaliseForSearch(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[æøœßđł]/g, (letter) => LETTER_FOLDS[letter])
    .replace(/[“”„‟«»″]/g, '"')
    .replace(/[‘’‚‛′`´]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}
