// Smart selection: word, then the run of non-blank text around it (a case number, a name with
// a hyphen), then the line, sub-heading, section, punkt, table of contents or header, document.
import type { Position, Range, SelectionRange } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ReferatDocument } from '../model';
import { clampPosition, clampRange, containsPosition, containsRange, lineText, rangesEqual, wholeDocumentRange } from './ranges';

export function selectionRanges(document: TextDocument, model: ReferatDocument, positions: Position[]): SelectionRange[] {
  return positions.map((position) => selectionRangeAt(document, model, clampPosition(document, position)));
}

function selectionRangeAt(document: TextDocument, model: ReferatDocument, position: Position): SelectionRange {
  // Innermost first; each kept range strictly contains the one before it.
  const chain: Range[] = [];
  const offer = (range: Range) => {
    const clamped = clampRange(document, range);
    if (!containsPosition(clamped, position)) return;
    const inner = chain[chain.length - 1];
    if (inner && (rangesEqual(inner, clamped) || !containsRange(clamped, inner))) return;
    chain.push(clamped);
  };

  const text = lineText(document, position.line);
  const word = spanAround(text, position.character, isWordCharacter);
  if (word) offer(lineRange(position.line, word));
  const token = spanAround(text, position.character, (c) => !/\s/.test(c));
  if (token) offer(lineRange(position.line, trimPunctuation(text, token)));
  offer(lineRange(position.line, { start: 0, end: text.length }));

  const punkt = model.items.find((item) => containsPosition(item.range, position));
  const section = punkt?.sections.find((s) => containsPosition(s.range, position));
  const subheadings = (section?.subheadings ?? []).filter((s) => containsPosition(s.range, position));
  // Sub-headings are listed flat; smaller ones are the inner ones.
  subheadings.sort((a, b) => a.range.end.line - a.range.start.line - (b.range.end.line - b.range.start.line));
  for (const subheading of subheadings) offer(subheading.range);
  if (section) offer(section.range);
  if (punkt) offer(punkt.range);
  if (model.toc) offer(model.toc.range);
  offer(model.meeting.range);
  offer(wholeDocumentRange(document));

  if (chain.length === 0) chain.push({ start: position, end: position });
  let result: SelectionRange | undefined;
  for (let i = chain.length - 1; i >= 0; i--) result = { range: chain[i], parent: result };
  return result as SelectionRange;
}

interface Span {
  start: number;
  end: number;
}

function lineRange(line: number, span: Span): Range {
  return { start: { line, character: span.start }, end: { line, character: span.end } };
}

function isWordCharacter(character: string): boolean {
  return /[\p{L}\p{N}\p{M}_]/u.test(character);
}

/** The run of characters passing `test` at `character` or just before it (the cursor may sit at a word's end). */
function spanAround(text: string, character: number, test: (c: string) => boolean): Span | null {
  let start = character;
  if (!(start < text.length && test(text[start]))) {
    if (start > 0 && test(text[start - 1])) start--;
    else return null;
  }
  let end = start + 1;
  while (start > 0 && test(text[start - 1])) start--;
  while (end < text.length && test(text[end])) end++;
  return { start, end };
}

/** `**Beslutning**` and `dagsordenen.` select without their markup and punctuation. */
function trimPunctuation(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /[\p{P}\p{S}]/u.test(text[start])) start++;
  while (end > start && /[\p{P}\p{S}]/u.test(text[end - 1])) end--;
  return end > start ? { start, end } : span;
}
