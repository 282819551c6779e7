// Range helpers shared by the features. The model's ranges come from the reader; before they
// reach a client they are clamped to the text, because LSP clients reject ranges outside it.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver';
import { LineDocument } from './lineDocument';

/** The position moved inside the text; the same object when it is inside already. */
export function clampPosition(document: TextDocument, position: Position): Position {
  if (isInsideText(document, position)) return position;
  return document.positionAt(document.offsetAt(position));
}

/**
 * True when the position names a place in the text: a line that exists and a column at most its
 * length. Two array look-ups, where positionAt(offsetAt()) would search the lines and allocate:
 * the model's ranges are nearly always inside the text already, and a large outline has thousands.
 */
function isInsideText(document: TextDocument, position: Position): boolean {
  const { line, character } = position;
  if (!Number.isInteger(line) || !Number.isInteger(character) || line < 0 || character < 0 || line >= document.lineCount) return false;
  // An open document's line, without the offsets of the lines before it (counted again after every edit).
  if (document instanceof LineDocument) return character <= document.lineAt(line).length;
  // offsetAt stops at the end of the line (before its line break), so a column past it comes back shorter.
  return document.offsetAt(position) - document.offsetAt({ line, character: 0 }) === character;
}

/** The range moved inside the text, with its end never before its start; the same object when it is well formed already. */
export function clampRange(document: TextDocument, range: Range): Range {
  const start = clampPosition(document, range.start);
  const end = clampPosition(document, range.end);
  if (comparePositions(end, start) < 0) return { start, end: start };
  return start === range.start && end === range.end ? range : { start, end };
}

export function wholeDocumentRange(document: TextDocument): Range {
  // positionAt takes any offset past the end as the end: the text need not be joined to know its length.
  return { start: { line: 0, character: 0 }, end: document.positionAt(Number.MAX_SAFE_INTEGER) };
}

export function comparePositions(a: Position, b: Position): number {
  return a.line !== b.line ? a.line - b.line : a.character - b.character;
}

export function containsPosition(range: Range, position: Position): boolean {
  return comparePositions(range.start, position) <= 0 && comparePositions(position, range.end) <= 0;
}

export function containsRange(outer: Range, inner: Range): boolean {
  return comparePositions(outer.start, inner.start) <= 0 && comparePositions(inner.end, outer.end) <= 0;
}

/** The smallest range holding both. */
export function unionRange(a: Range, b: Range): Range {
  return {
    start: comparePositions(b.start, a.start) < 0 ? b.start : a.start,
    end: comparePositions(a.end, b.end) < 0 ? b.end : a.end,
  };
}

export function rangesEqual(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.start) === 0 && comparePositions(a.end, b.end) === 0;
}

/** The text of one line, without its line break. */
export function lineText(document: TextDocument, line: number): string {
  return document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$|\r$/, '');
}

/** The last line in `from..to` that holds more than white space, or `from` when none does. */
export function lastNonBlankLine(document: TextDocument, from: number, to: number): number {
  for (let line = Math.min(to, document.lineCount - 1); line > from; line--) {
    if (lineText(document, line).trim() !== '') return line;
  }
  return from;
}
