// Structural checks every LSP answer about ranges must pass, whatever the document.
import { expect } from 'vitest';
import type { DocumentSymbol, FoldingRange, Position, Range, SelectionRange } from 'vscode-languageserver-protocol';

export function comparePositions(a: Position, b: Position): number {
  return a.line !== b.line ? a.line - b.line : a.character - b.character;
}

export function containsRange(outer: Range, inner: Range): boolean {
  return comparePositions(outer.start, inner.start) <= 0 && comparePositions(inner.end, outer.end) <= 0;
}

export function rangesEqual(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.start) === 0 && comparePositions(a.end, b.end) === 0;
}

/** Lines of a text as LSP counts them. */
export function linesOf(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

export function expectRangeInText(range: Range, lines: string[], what: string): void {
  for (const position of [range.start, range.end]) {
    expect(position.line, `${what}: line`).toBeGreaterThanOrEqual(0);
    expect(position.line, `${what}: line`).toBeLessThan(lines.length);
    expect(position.character, `${what}: character`).toBeGreaterThanOrEqual(0);
    expect(position.character, `${what}: character`).toBeLessThanOrEqual(lines[position.line].length);
  }
  expect(comparePositions(range.start, range.end), `${what}: start after end`).toBeLessThanOrEqual(0);
}

/** selectionRange inside range, children inside their parent, all inside the text, names not empty. */
export function expectWellFormedSymbols(symbols: DocumentSymbol[], lines: string[], parent?: DocumentSymbol): void {
  for (const symbol of symbols) {
    const what = `symbol ${JSON.stringify(symbol.name)}`;
    expect(symbol.name.trim(), `${what}: empty name`).not.toBe('');
    expectRangeInText(symbol.range, lines, what);
    expectRangeInText(symbol.selectionRange, lines, `${what} selectionRange`);
    expect(containsRange(symbol.range, symbol.selectionRange), `${what}: selectionRange outside range`).toBe(true);
    if (parent) expect(containsRange(parent.range, symbol.range), `${what}: outside ${parent.name}`).toBe(true);
    expectWellFormedSymbols(symbol.children ?? [], lines, symbol);
  }
}

export function expectWellFormedFolds(folds: FoldingRange[], lines: string[]): void {
  for (const fold of folds) {
    expect(fold.startLine).toBeGreaterThanOrEqual(0);
    expect(fold.endLine, `fold at ${fold.startLine}`).toBeGreaterThan(fold.startLine);
    expect(fold.endLine).toBeLessThan(lines.length);
    expect(lines[fold.endLine].trim(), `fold ${fold.startLine}-${fold.endLine} ends on a blank line`).not.toBe('');
  }
}

/** The ranges of a selection chain, innermost first. */
export function chainOf(selection: SelectionRange): Range[] {
  const chain: Range[] = [];
  for (let s: SelectionRange | undefined = selection; s; s = s.parent) chain.push(s.range);
  return chain;
}

export function expectStrictlyNested(chain: Range[], lines: string[]): void {
  for (const [i, range] of chain.entries()) expectRangeInText(range, lines, `selection ${i}`);
  for (let i = 1; i < chain.length; i++) {
    expect(containsRange(chain[i], chain[i - 1]), `selection ${i} does not contain ${i - 1}`).toBe(true);
    expect(rangesEqual(chain[i], chain[i - 1]), `selection ${i} equals ${i - 1}`).toBe(false);
  }
}
