// The reader's lines: the table it reads a document with (numbers, lines made when asked) must give
// the same lines as reading each line on its own, whatever the text around it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineList, LineTable, lineStarts, readLines, splitLines, toLine } from '../../server/src/reader/lines';
import { readSeed, seedFiles } from '../helpers/golden';

/** Pieces that decorate or break lines, to make texts where one line's marks stand next to another's. */
const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('Punkt 3: Budget', 'Beslutning', 'Anna Hansen (A)', 'æøå – “citat”', '😀', '\ud800', 'Godkendt.') },
  { weight: 6, arbitrary: fc.constantFrom('#', '## ', '###### ', '####### ', ' ##', '**', '__', '*', '_', ' ', '\t', '\u00a0', '\u200b', '\ufeff', '\u3000') },
  { weight: 2, arbitrary: fc.constantFrom('<!--', '-->', '<!-- referat-disable-line -->', '<!-->') },
  { weight: 5, arbitrary: fc.constantFrom('\n', '\r\n', '\r', '\n\n') },
  { weight: 2, arbitrary: fc.string({ maxLength: 6 }) },
);
const text = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));

/** Every way the table answers for line i, against the line read on its own. */
function expectSameLines(source: string): void {
  const table = new LineTable(source);
  const raws = splitLines(source);
  expect(table.length).toBe(raws.length);
  for (let i = 0; i < raws.length; i++) {
    const alone = toLine(raws[i], i);
    expect(table.at(i)).toEqual(alone);
    expect(table.blank(i)).toBe(alone.blank);
    expect(table.firstCode(i)).toBe(alone.firstCode);
    expect(table.textLength(i)).toBe(alone.text.length);
    expect(table.level(i)).toBe(alone.level);
  }
  expect(table.at(-1)).toBeUndefined();
  expect(table.at(raws.length)).toBeUndefined();
}

describe('LineTable', () => {
  it('gives each line as it reads on its own, on any text', () => {
    fc.assert(
      fc.property(text, (source) => expectSameLines(source)),
      { numRuns: 3000 },
    );
  });

  it('gives the lines of the seeds, with any line breaks', () => {
    for (const file of seedFiles) {
      const seed = readSeed(file);
      expectSameLines(seed);
      expectSameLines(seed.replace(/\r?\n/g, '\r\n'));
      expectSameLines(seed.replace(/\r?\n/g, '\r'));
    }
  });

  it('gives what readLines gives, and LineList gives the same lines', () => {
    const source = '# Referat\r\n\r\n**Punkt 1: Budget**\n<!-- referat-disable-next-line -->\nTitel <!-- x -->\r## Beslutning ##\n';
    const lines = readLines(source);
    const table = new LineTable(source);
    const list = new LineList(lines);
    expect(lines.map((_, i) => table.at(i))).toEqual(lines);
    for (let i = 0; i < lines.length; i++) {
      expect(list.at(i)).toBe(lines[i]);
      expect(list.blank(i)).toBe(table.blank(i));
      expect(list.firstCode(i)).toBe(table.firstCode(i));
      expect(list.textLength(i)).toBe(table.textLength(i));
      expect(list.level(i)).toBe(table.level(i));
    }
  });

  it('knows where each line starts: after every \\r\\n, \\r and \\n', () => {
    fc.assert(
      fc.property(text, (source) => {
        const starts = lineStarts(source);
        const raws = splitLines(source);
        expect(starts).toHaveLength(raws.length);
        expect(starts.at(-1)! + raws.at(-1)!.length).toBe(source.length);
        raws.forEach((raw, i) => {
          expect(raw).not.toMatch(/[\r\n]/);
          expect(source.slice(starts[i], starts[i] + raw.length)).toBe(raw);
          // What follows a line up to the next start is one break.
          if (i + 1 < raws.length) expect(['\n', '\r', '\r\n']).toContain(source.slice(starts[i] + raw.length, starts[i + 1]));
        });
      }),
      { numRuns: 3000 },
    );
    expect(lineStarts('a\r\n\rb\n')).toEqual([0, 3, 4, 6]);
    expect(lineStarts('')).toEqual([0]);
  });

  it('strips the decoration exports put around words, and nothing of the next line', () => {
    const table = new LineTable('## **Beslutning** ##\n**a** og **b**\n  Titel <!-- referat-disable-line -->\n<!-- kommentar -->\n**\n**');
    expect(table.at(0)).toMatchObject({ text: 'Beslutning', level: 2, bold: true, blank: false, start: 5, end: 15 });
    // `**` inside: not bold all over.
    expect(table.at(1)).toMatchObject({ text: '**a** og **b**', bold: false });
    expect(table.at(2)).toMatchObject({ text: 'Titel', start: 2, end: 7, blank: false, firstCode: 'T'.charCodeAt(0) });
    // A comment alone on its line is no part of the minutes.
    expect(table.at(3)).toMatchObject({ text: '<!-- kommentar -->', blank: true });
    // Marks on two lines do not make one bold line.
    expect(table.at(4)).toMatchObject({ text: '**', bold: false, blank: false });
    expect(table.at(5)).toMatchObject({ text: '**', bold: false });
  });
});
