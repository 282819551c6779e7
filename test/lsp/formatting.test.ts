// Format Document and Format Selection over a real stdio connection: the edits, applied, give the
// formatted text; they are a diff of lines, not one replacement; a selection changes only its lines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TextEdit } from 'vscode-languageserver-protocol';
import { formatReferat } from '../../server/src/format/format';
import { splitLines } from '../../server/src/reader/lines';
import { applyEdits } from '../../server/src/rules/fix';
import { readSeed, seedFiles } from '../helpers/golden';
import { TestLspClient } from '../helpers/lsp-client';

const OPTIONS = { tabSize: 4, insertSpaces: true };

describe('formatting over LSP', () => {
  let client: TestLspClient;
  let counter = 0;
  const open = (text: string) => client.open(`file:///formatting/doc${counter++}.referat.txt`, text);
  const format = (uri: string) => client.request<TextEdit[] | null>('textDocument/formatting', { textDocument: { uri }, options: OPTIONS });

  beforeAll(async () => {
    client = await TestLspClient.start();
  });
  afterAll(async () => {
    await client?.shutdown();
  });

  it('declares formatting and range formatting', () => {
    expect(client.initializeResult.capabilities.documentFormattingProvider).toBe(true);
    expect(client.initializeResult.capabilities.documentRangeFormattingProvider).toBe(true);
  });

  for (const seed of seedFiles) {
    it(`formats ${seed}: the edits give the formatted text, and formatting that gives nothing`, async () => {
      const text = readSeed(seed);
      const uri = await open(text);
      const edits = (await format(uri)) ?? [];
      const formatted = applyEdits(text, edits);
      expect(formatted.skipped).toEqual([]);
      expect(formatted.text).toBe(formatReferat(text));
      // A diff, not a whole-document replacement.
      expect(edits.length).toBeGreaterThan(1);
      for (const edit of edits) expect(edit.range.end.line - edit.range.start.line).toBeLessThan(splitLines(text).length / 4);
      await client.replaceText(uri, formatted.text);
      expect(await format(uri)).toEqual([]);
    });
  }

  it('keeps CRLF line breaks', async () => {
    const text = readSeed(seedFiles[2]).replace(/\n/g, '\r\n');
    const uri = await open(text);
    const formatted = applyEdits(text, (await format(uri)) ?? []).text;
    expect(formatted).toBe(formatReferat(text));
    expect(formatted.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('formats only the selected lines', async () => {
    const text = readSeed(seedFiles[2]);
    const uri = await open(text);
    const range = { start: { line: 28, character: 0 }, end: { line: 40, character: 0 } };
    const edits = (await client.request<TextEdit[]>('textDocument/rangeFormatting', { textDocument: { uri }, range, options: OPTIONS })) ?? [];
    expect(edits.length).toBeGreaterThan(0);
    for (const edit of edits) {
      expect(edit.range.start.line).toBeGreaterThanOrEqual(28);
      expect(edit.range.end.line).toBeLessThanOrEqual(40);
    }
    const after = splitLines(applyEdits(text, edits).text);
    expect(after[28]).toBe('# Punkt 1: Godkendelse af dagsorden');
    expect(after.slice(0, 28)).toEqual(splitLines(text).slice(0, 28));
  });

  it('answers nothing for a document that is not open', async () => {
    expect(await format('file:///formatting/not-open.referat')).toBeNull();
  });
});
