// The one position converter (LineIndex) answers as VS Code's TextDocument does, on the seed referater
// and on small texts with every kind of line break: fixes, formatting, the CLI and the server must
// agree with the editor about where a position is.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../server/src/reader/lines';
import { applyEdits } from '../../server/src/rules/fix';
import { readSeed, seedFiles } from '../helpers/golden';

/** Every offset (and a few outside the text) to a position, and positions on every line, inside and out, to an offset. */
function expectSameAsTextDocument(text: string, lineStep = 1): void {
  const index = new LineIndex(text);
  const theirs = TextDocument.create('file:///t.txt', 'referat', 1, text);
  expect(index.lineCount).toBe(theirs.lineCount);
  for (let offset = -2; offset <= text.length + 2; offset++) {
    const mine = index.positionAt(offset);
    const expected = theirs.positionAt(offset);
    if (mine.line !== expected.line || mine.character !== expected.character) expect({ offset, mine }).toEqual({ offset, mine: expected });
  }
  const lines = [-2, -1, theirs.lineCount, theirs.lineCount + 1];
  for (let line = 0; line < theirs.lineCount; line += lineStep) lines.push(line);
  for (const line of lines) {
    const length = theirs.getLineRange(Math.max(line, 0)).end.character;
    // Before the line, its start, inside it, its end, inside its break, past it.
    for (const character of [-1, 0, 1, length - 1, length, length + 1, length + 2, 1000]) {
      const p = { line, character };
      if (index.offsetAt(p) !== theirs.offsetAt(p)) expect({ p, offset: index.offsetAt(p) }).toEqual({ p, offset: theirs.offsetAt(p) });
    }
  }
}

describe('LineIndex against TextDocument', () => {
  const seeds = seedFiles.map(readSeed);

  it('finds the five seed referater', () => {
    expect(seeds).toHaveLength(5);
    for (const seed of seeds) expect(seed.length).toBeGreaterThan(10_000);
  });

  it.each(seedFiles.map((file, i) => [file, i] as const))('maps the seed %s as TextDocument does', (_, i) => {
    expectSameAsTextDocument(seeds[i]);
  });

  it.each([
    ['\\r\\n', '\r\n'],
    ['\\r', '\r'],
  ])('maps a seed with %s line breaks as TextDocument does', (_, eol) => {
    const text = seeds[3].replace(/\n/g, eol);
    expect(text.includes('\n')).toBe(eol.includes('\n'));
    expectSameAsTextDocument(text, 7);
  });

  it.each([
    ['empty', ''],
    ['one line', 'Punkt 1'],
    ['\\n', 'a\nbc\n\nd\n'],
    ['\\r\\n', 'a\r\nbc\r\n\r\nd\r\n'],
    ['\\r', 'a\rbc\r\rd\r'],
    ['mixed', 'a\r\n\rb\n\r\nc\r\r\nd\n\r'],
    ['only breaks', '\r\n\n\r\r\n'],
    ['surrogate pairs', '😀a\r\n𝔸😀\n\ud800x\rø😀'],
    ['a break at the start', '\nPunkt 1\r\n'],
  ])('maps %s as TextDocument does', (_, text) => {
    expectSameAsTextDocument(text);
  });

  it('answers as agreed: clamped lines, ends of lines before their breaks', () => {
    const index = new LineIndex('ab\r\ncd\re');
    expect(index.lineCount).toBe(3);
    // An offset inside `\r\n` is the end of the line's text.
    expect(index.positionAt(3)).toEqual({ line: 0, character: 2 });
    expect(index.positionAt(4)).toEqual({ line: 1, character: 0 });
    expect(index.positionAt(-5)).toEqual({ line: 0, character: 0 });
    expect(index.positionAt(99)).toEqual({ line: 2, character: 1 });
    // A character past the line's text stops before its break; lines outside the text are its start and end.
    expect(index.offsetAt({ line: 0, character: 9 })).toBe(2);
    expect(index.offsetAt({ line: 1, character: 9 })).toBe(6);
    expect(index.offsetAt({ line: 1, character: -3 })).toBe(4);
    expect(index.offsetAt({ line: -1, character: 5 })).toBe(0);
    expect(index.offsetAt({ line: 3, character: 0 })).toBe(8);
    expect(new LineIndex('').positionAt(1)).toEqual({ line: 0, character: 0 });
  });

  it('lets applyEdits put an edit on a line after the last at the end of the text, as the editor would', () => {
    const edit = { range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } }, newText: '!' };
    expect(applyEdits('a\nb', [edit]).text).toBe('a\nb!');
    expect(TextDocument.applyEdits(TextDocument.create('file:///t.txt', 'referat', 1, 'a\nb'), [edit])).toBe('a\nb!');
  });
});
