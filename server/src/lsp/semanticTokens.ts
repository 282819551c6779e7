// Semantic tokens: what the TextMate grammar cannot know from one line at a time, from the model.
// Member names (in the attendee list, votes, proposals and absences), the punkt numbers and titles
// (also the 001-style `N. Title` items, which look like numbered list lines), case numbers, party
// letters and vote outcomes. Full, range and delta requests; tokens never overlap and never span lines.
import type {
  Range,
  SemanticTokens,
  SemanticTokensDelta,
  SemanticTokensDeltaParams,
  SemanticTokensEdit,
  SemanticTokensLegend,
  SemanticTokensParams,
  SemanticTokensRangeParams,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { NameRef, ReferatDocument, Range as ModelRange } from '../model';
import type { ModelCache } from './documents';
import { documentLines } from './lineDocument';

/**
 * Token types. `person`, `heading` and `caseNumber` are this extension's own (package.json
 * `contributes.semanticTokenTypes`, with TextMate scopes in `semanticTokenScopes` so that every
 * theme colours them as the grammar does); the others are standard. Not `member`: VS Code already
 * has that id, as a deprecated alias of `method`.
 */
export const TOKEN_TYPES = ['person', 'number', 'heading', 'caseNumber', 'enumMember', 'keyword'] as const;
/** `declaration`: where a member or an item is introduced; the others are this extension's own. */
export const TOKEN_MODIFIERS = ['declaration', 'absent', 'adopted', 'rejected'] as const;

export type TokenType = (typeof TOKEN_TYPES)[number];
export type TokenModifier = (typeof TOKEN_MODIFIERS)[number];

export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = {
  tokenTypes: [...TOKEN_TYPES],
  tokenModifiers: [...TOKEN_MODIFIERS],
};

export interface SemanticToken {
  line: number;
  character: number;
  length: number;
  type: TokenType;
  modifiers: TokenModifier[];
}

/** Every token of a document, sorted, on single lines, inside the text and never overlapping. */
export function semanticTokensOf(document: TextDocument, model: ReferatDocument): SemanticToken[] {
  const lines = documentLines(document);
  const tokens: SemanticToken[] = [];

  /** A model range as tokens, one a line, without the white space at either end of each piece. */
  const add = (range: ModelRange | null | undefined, type: TokenType, modifiers: TokenModifier[] = []) => {
    if (!range) return;
    for (let line = range.start.line; line <= range.end.line && line < lines.length; line++) {
      const text = lines[line];
      let start = line === range.start.line ? range.start.character : 0;
      let end = line === range.end.line ? range.end.character : text.length;
      end = Math.min(end, text.length);
      while (start < end && /\s/.test(text[start])) start++;
      while (end > start && /\s/.test(text[end - 1])) end--;
      if (end > start) tokens.push({ line, character: start, length: end - start, type, modifiers });
    }
  };
  /** Only the letter of a party mark: `(Ø)` → `Ø`. */
  const addParty = (range: ModelRange | null) => {
    if (!range || range.start.line !== range.end.line) return;
    const text = lines[range.start.line]?.slice(range.start.character, range.end.character) ?? '';
    const letters = /[A-ZÆØÅ]{1,3}/.exec(text);
    if (letters) add(lineRange(range.start.line, range.start.character + letters.index, letters[0].length), 'enumMember');
  };
  const addPerson = (person: NameRef, modifiers: TokenModifier[] = []) => {
    add(person.range, 'person', modifiers);
    addParty(person.partyRange);
  };

  for (const attendee of model.meeting.attendees) add(attendee.range, 'person', attendee.absent ? ['declaration', 'absent'] : ['declaration']);

  for (const item of model.items) {
    add(item.numberRange, 'number', ['declaration']);
    add(titleWithoutCaseType(item.titleRange, item.caseTypeRange), 'heading', ['declaration']);
    add(item.caseNumber?.range, 'caseNumber');
    // Absences first: a member named in an absence line is absent whatever else names them.
    for (const absence of item.absences) addPerson(absence.person, ['absent']);
    for (const proposal of item.proposals) for (const person of proposal.proposers) addPerson(person);
    for (const vote of item.votes) {
      for (const sentence of vote.sentences) for (const person of sentence.names) addPerson(person);
      if (vote.outcome && vote.outcomeRange) add(outcomeWord(lines, vote.outcomeRange), 'keyword', [vote.outcome === 'vedtaget' ? 'adopted' : 'rejected']);
    }
  }
  return withoutOverlaps(tokens);
}

/** The title after its case-type prefix (`B-sag: `), which the grammar colours on its own. */
function titleWithoutCaseType(title: ModelRange, caseType: ModelRange | null): ModelRange {
  if (!caseType || caseType.end.line !== title.start.line || caseType.end.character <= title.start.character) return title;
  return { start: { line: title.start.line, character: Math.min(caseType.end.character, title.end.character) }, end: title.end };
}

/** `er dermed forkastet` → `forkastet`; `er ikke vedtaget` → `ikke vedtaget`. */
function outcomeWord(lines: string[], range: ModelRange): ModelRange | null {
  if (range.start.line !== range.end.line) return range;
  const text = lines[range.start.line]?.slice(range.start.character, range.end.character) ?? '';
  const word = /(?:ikke\s+)?[\p{L}]+[.\s]*$/u.exec(text);
  if (!word) return range;
  return lineRange(range.start.line, range.start.character + word.index, word[0].replace(/[.\s]+$/, '').length);
}

function lineRange(line: number, character: number, length: number): ModelRange {
  return { start: { line, character }, end: { line, character: character + length } };
}

/** Sorted by position; a token that starts inside the one before it is dropped (the first one named wins). */
function withoutOverlaps(tokens: SemanticToken[]): SemanticToken[] {
  const sorted = tokens.map((token, order) => ({ token, order })).sort((a, b) => a.token.line - b.token.line || a.token.character - b.token.character || a.order - b.order);
  const kept: SemanticToken[] = [];
  for (const { token } of sorted) {
    const previous = kept[kept.length - 1];
    if (previous && previous.line === token.line && token.character < previous.character + previous.length) continue;
    kept.push(token);
  }
  return kept;
}

/** The LSP encoding: five numbers a token, line and start relative to the token before. */
export function encodeSemanticTokens(tokens: SemanticToken[]): number[] {
  const data: number[] = [];
  let line = 0;
  let character = 0;
  for (const token of tokens) {
    const deltaLine = token.line - line;
    data.push(deltaLine, deltaLine === 0 ? token.character - character : token.character, token.length, TOKEN_TYPES.indexOf(token.type), modifierBits(token.modifiers));
    line = token.line;
    character = token.character;
  }
  return data;
}

function modifierBits(modifiers: TokenModifier[]): number {
  return modifiers.reduce((bits, modifier) => bits | (1 << TOKEN_MODIFIERS.indexOf(modifier)), 0);
}

/** Tokens that overlap `range` (the client asks for the visible part of a long document). */
export function tokensInRange(tokens: SemanticToken[], range: Range): SemanticToken[] {
  const compare = (line: number, character: number, position: Range['start']) => line - position.line || character - position.character;
  return tokens.filter((token) => compare(token.line, token.character + token.length, range.start) > 0 && compare(token.line, token.character, range.end) < 0);
}

/**
 * Answers the semantic token requests from the model cache, and keeps the last result of each
 * document so that a delta request gets the one edit between it and the new tokens.
 */
export class SemanticTokensProvider {
  private readonly results = new Map<string, { resultId: string; data: number[] }>();
  private nextResultId = 1;

  constructor(private readonly cache: ModelCache) {
    cache.documents.onDidClose((event) => this.results.delete(event.document.uri));
  }

  full(params: SemanticTokensParams): SemanticTokens {
    return this.remember(params.textDocument.uri, encodeSemanticTokens(this.tokens(params.textDocument.uri)));
  }

  delta(params: SemanticTokensDeltaParams): SemanticTokens | SemanticTokensDelta {
    const uri = params.textDocument.uri;
    const previous = this.results.get(uri);
    const next = this.remember(uri, encodeSemanticTokens(this.tokens(uri)));
    if (!previous || previous.resultId !== params.previousResultId) return next;
    return { resultId: next.resultId, edits: editsBetween(previous.data, next.data) };
  }

  range(params: SemanticTokensRangeParams): SemanticTokens {
    return { data: encodeSemanticTokens(tokensInRange(this.tokens(params.textDocument.uri), params.range)) };
  }

  private tokens(uri: string): SemanticToken[] {
    const open = this.cache.get(uri);
    return open ? semanticTokensOf(open.document, open.model) : [];
  }

  private remember(uri: string, data: number[]): SemanticTokens & { resultId: string } {
    const resultId = String(this.nextResultId++);
    this.results.set(uri, { resultId, data });
    return { resultId, data };
  }
}

/** One edit: what lies between the common start and the common end of the two arrays. */
export function editsBetween(previous: number[], next: number[]): SemanticTokensEdit[] {
  let start = 0;
  while (start < previous.length && start < next.length && previous[start] === next[start]) start++;
  let end = 0;
  while (end < previous.length - start && end < next.length - start && previous[previous.length - 1 - end] === next[next.length - 1 - end]) end++;
  if (start === previous.length && start === next.length) return [];
  return [{ start, deleteCount: previous.length - start - end, data: next.slice(start, next.length - end) }];
}
