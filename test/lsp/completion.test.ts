// Completion over a real stdio connection: the next punkt number, case types, section headings in
// the document's own style (skipping those present), member names from the membership fixture and
// vote sentences in a Beslutning, in the client's language.
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InsertTextFormat, type CompletionItem, type CompletionList, type TextEdit } from 'vscode-languageserver-protocol';
import { plainText } from '../../server/src/lsp/completion';
import { readReferat } from '../../server/src/reader';
import { splitLines } from '../../server/src/reader/lines';
import { headingLineAt } from '../../server/src/rules/required-section';
import { fixtures, readSeed } from '../helpers/golden';
import { CLIENT_CAPABILITIES, TestLspClient } from '../helpers/lsp-client';

const SEED_002 = '002_00cfbdd4d29f5775.txt';
const SEED_004 = '004_c859f8f3d45ba66d.txt';

const SNIPPET_CAPABILITIES = {
  ...CLIENT_CAPABILITIES,
  textDocument: { ...CLIENT_CAPABILITIES.textDocument, completion: { completionItem: { snippetSupport: true } } },
};

/** The seed with one line replaced; returns the text and the line's index. */
function withLine(seed: string, find: (line: string, index: number) => boolean, replacement: string): { text: string; line: number } {
  const lines = splitLines(readSeed(seed));
  const line = lines.findIndex(find);
  if (line < 0) throw new Error(`no such line in ${seed}`);
  lines[line] = replacement;
  return { text: lines.join('\n'), line };
}

const labels = (items: CompletionItem[]) => items.map((i) => i.label);
const newText = (item: CompletionItem | undefined) => (item?.textEdit as TextEdit | undefined)?.newText;

describe('completion over LSP', () => {
  let root: string;
  let client: TestLspClient;
  let counter = 0;

  /** Writes the text into the workspace (next to referat.config.json), opens it, and asks at the position. */
  const complete = async (text: string, line: number, character?: number, c: TestLspClient = client): Promise<CompletionItem[]> => {
    const file = path.join(root, `doc${counter++}.referat.txt`);
    writeFileSync(file, text);
    const uri = await c.open(pathToFileURL(file).href, text);
    const at = character ?? splitLines(text)[line].length;
    const result = await c.request<CompletionItem[] | CompletionList | null>('textDocument/completion', { textDocument: { uri }, position: { line, character: at } });
    return Array.isArray(result) ? result : (result?.items ?? []);
  };

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'referat-completion-'));
    copyFileSync(path.join(fixtures, 'membership/referat.config.json'), path.join(root, 'referat.config.json'));
    client = await TestLspClient.start({ rootPath: root, capabilities: SNIPPET_CAPABILITIES });
  });
  afterAll(async () => {
    await client?.shutdown();
    rmSync(root, { recursive: true, force: true });
  });

  it('declares space as a trigger character', () => {
    expect(client.initializeResult.capabilities.completionProvider?.triggerCharacters).toEqual([' ']);
  });

  it('offers the next punkt number after `Punkt ` at the end of 004', async () => {
    const text = `${readSeed(SEED_004)}\n\nPunkt `;
    const items = await complete(text, splitLines(text).length - 1);
    expect(labels(items)).toEqual(['15']);
    expect(newText(items[0])).toBe('15: ');
  });

  it('offers the number after the punkt above, in a decorated heading too', async () => {
    const { text, line } = withLine(SEED_004, (l) => l.startsWith('## Punkt 2:'), '## Punkt ');
    expect(labels(await complete(text, line))).toEqual(['2']);
  });

  it('offers the case-type prefixes after `Punkt N: `', async () => {
    const text = `${readSeed(SEED_004)}\n\nPunkt 15: `;
    const items = await complete(text, splitLines(text).length - 1);
    expect(labels(items)).toEqual(['B-sag: ', 'C-sag: ', 'D-sag: ', 'E-sag: ']);
  });

  it('offers the missing section headings of a punkt in the `## **Beslutning**` style of 004', async () => {
    // Punkt 1 of 004 without its Beslutning heading.
    const { text, line } = withLine(SEED_004, (l, i) => i > 30 && l === '## **Beslutning**', '');
    const items = await complete(text, line, 0);
    const offered = labels(items);
    expect(offered).toContain('Beslutning');
    expect(offered).not.toContain('Sagsresumé');
    expect(offered).not.toContain('Indstilling');
    const beslutning = items.find((i) => i.label === 'Beslutning')!;
    expect(newText(beslutning)).toBe('## **Beslutning**\n\n$0');
    expect(beslutning.insertTextFormat).toBe(InsertTextFormat.Snippet);
    expect(beslutning.preselect).toBe(true);
    // The usual order: what the document has after Indstilling comes before Sagsfremstilling.
    expect(offered.indexOf('Beslutning')).toBeLessThan(offered.indexOf('Sagsfremstilling'));
    // As the core writes a heading of that kind in this document.
    const model = readReferat(text);
    const punkt = model.items[0];
    expect(newText(items.find((i) => i.label === 'Sagsfremstilling'))).toBe(
      `${headingLineAt(model, (line) => splitLines(text)[line], 'sagsfremstilling', punkt.sections[punkt.sections.length - 1])}\n\n$0`,
    );
  });

  it('offers plain headings in 002', async () => {
    const { text, line } = withLine(SEED_002, (l, i) => i > 30 && l === 'Beslutning', '');
    const items = await complete(text, line, 0);
    expect(labels(items)).not.toContain('Resume');
    expect(newText(items.find((i) => i.label === 'Beslutning'))).toBe('Beslutning\n\n$0');
    expect(newText(items.find((i) => i.label === 'Indstilling'))).toBe('Indstilling\n\n$0');
  });

  it('offers no heading on a line that has text, nor outside the punkter', async () => {
    const text = readSeed(SEED_002);
    const lines = splitLines(text);
    const body = lines.findIndex((l) => l.startsWith('Godkendelse af dagsordenen til'));
    expect(await complete(text, body)).toEqual([]);
    expect(await complete(text, 3, 0)).toEqual([]);
  });

  describe('in a Beslutning of 002, with the membership of referat.config.json', () => {
    const absence = (l: string, i: number) => i > 180 && l === 'Udvalgsmedlem Nicolai Busch Bæhrenz deltog ikke i mødet.';

    it('offers the members serving at the meeting, with party letters and accents, after a role word', async () => {
      const { text, line } = withLine(SEED_002, absence, 'Udvalgsmedlem ');
      const items = await complete(text, line);
      const names = labels(items);
      expect(names).toEqual(expect.arrayContaining(['Christoffer Lilleholt (V)', 'Joachim Hoffmann-Petersen (C)', 'Reza Javid (Ø)', 'Mads Thomsen (A)', 'Nicolai Busch Bæhrenz']));
      // Claus Houden joins on 2025-01-01; the meeting is on 2024-11-26.
      expect(names).not.toContain('Claus Houden (V)');
      const reza = items.find((i) => i.label === 'Reza Javid (Ø)')!;
      expect(newText(reza)).toBe('Reza Javid (Ø)');
      expect(reza.filterText).toBe('Reza Javid');
      expect(reza.detail).toContain('Enhedslisten');
    });

    it('offers them after `, ` and ` og ` in a list of names, replacing the part typed', async () => {
      const comma = withLine(SEED_002, absence, 'Udvalgsmedlemmerne Reza Javid (Ø), ');
      expect(labels(await complete(comma.text, comma.line))).toContain('Mads Thomsen (A)');
      const og = withLine(SEED_002, absence, 'Udvalgsmedlemmerne Reza Javid (Ø) og Ma');
      const items = await complete(og.text, og.line);
      const mads = items.find((i) => i.label === 'Mads Thomsen (A)')!;
      expect((mads.textEdit as TextEdit).range.start.character).toBe('Udvalgsmedlemmerne Reza Javid (Ø) og '.length);
      // Only the name being typed is replaced, not the names before it.
      for (const before of ['Udvalgsmedlemmerne Reza Javid og ', 'Udvalgsmedlem Reza Javid og udvalgsmedlem ', 'Rådmand Christoffer Lilleholt, ']) {
        const typed = withLine(SEED_002, absence, `${before}Ma`);
        const item = (await complete(typed.text, typed.line)).find((i) => i.label === 'Mads Thomsen (A)');
        expect((item?.textEdit as TextEdit | undefined)?.range.start.character, before).toBe(before.length);
      }
    });

    it('offers names and vote sentences at the start of a line', async () => {
      const { text, line } = withLine(SEED_002, absence, '');
      const items = await complete(text, line, 0);
      const offered = labels(items);
      expect(offered).toContain('Reza Javid (Ø)');
      expect(offered).toEqual(
        expect.arrayContaining([
          'medlemmer stemmer for ændringsforslaget.',
          'medlemmer stemmer imod ændringsforslaget.',
          'medlemmer undlader at stemme.',
          'Ændringsforslaget er dermed vedtaget.',
          'Beskæftigelses- og Socialudvalget anbefaler indstillingen.',
        ]),
      );
      const snippet = (label: string) => newText(items.find((i) => i.label === label));
      expect(snippet('medlemmer stemmer for ændringsforslaget.')).toBe('${1:medlemmer} stemmer for ændringsforslaget.');
      expect(snippet('Ændringsforslaget er dermed vedtaget.')).toBe('Ændringsforslaget er dermed ${1|vedtaget,forkastet|}.');
      const absent = items.find((i) => String(i.label).startsWith('Udvalgsmedlem '))!;
      expect(newText(absent)).toMatch(/^Udvalgsmedlem \$\{1\|Christoffer Lilleholt \(V\),.*Reza Javid \(Ø\).*\|\} deltog ikke i mødet\.$/);
    });

    it('gives plain text to a client without snippets, and speaks Danish to a Danish client', async () => {
      const plain = await TestLspClient.start({ rootPath: root, locale: 'da-DK' });
      try {
        const { text, line } = withLine(SEED_002, absence, '');
        const items = await complete(text, line, 0, plain);
        const vote = items.find((i) => i.label === 'medlemmer stemmer for ændringsforslaget.')!;
        expect(newText(vote)).toBe('medlemmer stemmer for ændringsforslaget.');
        expect(vote.insertTextFormat).not.toBe(InsertTextFormat.Snippet);
        expect(vote.detail).toBe('Afstemning: for ændringsforslaget');
        expect(items.find((i) => i.label === 'Reza Javid (Ø)')?.detail).toMatch(/^Medlem/);
      } finally {
        await plain.shutdown();
      }
    });
  });

  it('turns snippets into plain text', () => {
    expect(plainText('Udvalgsmedlem ${1|A (Ø)\\, B,C|} deltog ikke i mødet.')).toBe('Udvalgsmedlem A (Ø), B deltog ikke i mødet.');
    expect(plainText('${1:medlemmer} undlader at stemme.$0')).toBe('medlemmer undlader at stemme.');
    expect(plainText('Udvalget \\$ \\} ${1}x')).toBe('Udvalget $ } x');
  });
});
