// Range helpers shared by the features. The model's ranges come from the reader; before they
// reach a client they are clamped to the text, because LSP clients reject ranges outside it.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver';

export function clampPosition(document: TextDocument, position: Position): Position {
  return document.positionAt(document.offsetAt(position));
}

/** The range moved inside the text, with its end never before its start. */
export function clampRange(document: TextDocument, range: Range): Range {
  const start = clampPosition(document, range.start);
  const end = clampPosition(document, range.end);
  return comparePositions(end, start) < 0 ? { start, end: start } : { start, end };
}

export function wholeDocumentRange(document: TextDocument): Range {
  return { start: { line: 0, character: 0 }, end: document.positionAt(document.getText().length) };
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
