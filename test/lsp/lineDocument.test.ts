// The line-array document behaves as vscode-languageserver-textdocument's TextDocument does, on
// every edit: same text, same line count, same offsets and positions, and it knows which lines
// an edit touched. The reference is a TextDocument made afresh from the text after each change:
// TextDocument.update itself keeps wrong line offsets after a range past the end of the text
// (found by this test: it counts lines that are not there).
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it } from 'vitest';
import { LineDocument, documentLines, lintTextOf } from '../../server/src/lsp/lineDocument';
import { readReferat } from '../../server/src/reader';
import { lint } from '../../server/src/rules';
import membership from '../fixtures/membership/referat.config.json';
import { splitLines } from '../../server/src/reader/lines';
import { readSeed, seedFiles } from '../helpers/golden';

const seeds = seedFiles.map(readSeed);
const piece = fc.oneof(fc.constantFrom('', 'x', 'æø', '\n', '\r\n', '\r', '\n\n', 'Punkt 3: Titel\n', 'a\r', '\nb', '\r\n\r\n', '”–', '\ud800'), fc.string({ maxLength: 8 }));
const text = fc.oneof(
  fc.array(piece, { maxLength: 12 }).map((parts) => parts.join('')),
  fc.nat({ max: seeds.length - 1 }).map((i) => seeds[i].slice(0, 3000)),
);
const position = fc.record({ line: fc.integer({ min: -1, max: 90 }), character: fc.integer({ min: -1, max: 30 }) });
const change = fc.oneof(
  { weight: 9, arbitrary: fc.record({ range: fc.record({ start: position, end: position }), text: piece }) },
  { weight: 1, arbitrary: piece.map((t) => ({ text: t })) },
);

function sameDocument(mine: LineDocument, theirs: TextDocument, probes: { line: number; character: number }[]): void {
  const text = theirs.getText();
  // Asked before the whole text is joined (it is kept once joined), so that the answers come from the lines.
  for (const needle of ['\r\n', '\r', '<!--', 'Punkt', 'x', 'æø']) expect(mine.includes(needle)).toBe(text.includes(needle));
  expect(mine.lineCount).toBe(theirs.lineCount);
  expect(mine.textLength).toBe(text.length);
  for (const p of probes) {
    expect(mine.offsetAt(p)).toBe(theirs.offsetAt(p));
    const offset = Math.abs(p.line * 7 + p.character) % (text.length + 2);
    expect(mine.positionAt(offset)).toEqual(theirs.positionAt(offset));
    const range = { start: p, end: { line: p.line + 1, character: p.character + 3 } };
    expect(mine.getText(range)).toBe(theirs.getText(range));
    expect(mine.getLineRange(p.line)).toEqual(theirs.getLineRange(p.line));
    expect(mine.getEOLCharacters(p.line)).toBe(theirs.getEOLCharacters(p.line));
  }
  const lines = splitLines(text);
  for (let i = 0; i < lines.length; i++) expect(mine.lineAt(i)).toBe(lines[i]);
  expect(documentLines(mine)).toEqual(lines);
  expect(mine.positionAt(Number.MAX_SAFE_INTEGER)).toEqual(theirs.positionAt(Number.MAX_SAFE_INTEGER));
  expect(mine.getText()).toBe(text);
}

describe('LineDocument', () => {
  it('agrees with TextDocument over random edits', () => {
    fc.assert(
      fc.property(text, fc.array(fc.array(change, { minLength: 1, maxLength: 3 }), { maxLength: 8 }), fc.array(position, { maxLength: 6 }), (content, edits, probes) => {
        const mine = new LineDocument('file:///a.txt', 'referat', 1, content);
        let theirs = TextDocument.create('file:///a.txt', 'referat', 1, content);
        sameDocument(mine, theirs, probes);
        edits.forEach((changes, i) => {
          mine.update(changes, i + 2);
          for (const c of changes) theirs = TextDocument.create('file:///a.txt', 'referat', i + 2, TextDocument.update(theirs, [c], i + 2).getText());
          sameDocument(mine, theirs, probes);
        });
      }),
      { numRuns: 600 },
    );
  });

  it('records the lines edits touched since the revision last read', () => {
    fc.assert(
      fc.property(text, fc.array(fc.array(change, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 6 }), (content, edits) => {
        const doc = new LineDocument('file:///a.txt', 'referat', 1, content);
        let before = splitLines(content);
        doc.markRead();
        const read = doc.revision;
        for (const [i, changes] of edits.entries()) doc.update(changes, i + 2);
        const after = splitLines(doc.getText());
        const touched = doc.touchedLinesSince(read);
        if (touched === undefined) {
          // Only a change of the whole text leaves the lines unknown.
          expect(edits.flat().some((c) => !('range' in c))).toBe(true);
          return;
        }
        if (touched === null) {
          expect(after).toEqual(before);
          return;
        }
        // Outside the span, the lines are the old ones, moved.
        expect(after.slice(0, touched.from)).toEqual(before.slice(0, touched.from));
        expect(after.slice(touched.newEnd)).toEqual(before.slice(touched.oldEnd));
        before = after;
      }),
      { numRuns: 600 },
    );
  });

  it('gives the rules what the text gives them: same findings and fixes, directives included, before and after edits', () => {
    const config = membership as never;
    for (const seed of seeds) {
      // Directives and CRLF line breaks, so that the rules look at comments and at the line break for fixes.
      const text = `<!-- referat-disable unknown-member -->\r\n${seed.replace(/\n/g, '\r\n')}`;
      const doc = new LineDocument('file:///a.txt', 'referat', 1, text);
      expect(lint(readReferat(text), lintTextOf(doc), { config })).toEqual(lint(readReferat(text), text, { config }));
      doc.update([{ range: { start: { line: 40, character: 0 }, end: { line: 40, character: 0 } }, text: 'Ny linje\r\n<!-- referat-enable unknown-member -->\r\n' }], 2);
      const edited = doc.getText();
      const fresh = new LineDocument('file:///b.txt', 'referat', 2, edited);
      fresh.update([{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '' }], 3);
      expect(lint(readReferat(edited), lintTextOf(fresh), { config })).toEqual(lint(readReferat(edited), edited, { config }));
    }
  });

  it('gives every line of a seed back after an edit', () => {
    for (const seed of seeds) {
      const doc = new LineDocument('file:///a.txt', 'referat', 1, seed);
      expect(doc.textLength).toBe(seed.length);
      doc.update([{ range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } }, text: 'Ny linje\n' }], 2);
      const lines = splitLines(seed);
      lines.splice(5, 0, 'Ny linje');
      expect(documentLines(doc)).toEqual(lines);
    }
  });
});
