// Rename, references and highlights of a member: every spelling, everywhere, and nothing else.
// Renaming `Nicolai Busch Bährenz` in 002 changes both spellings under all 17 punkter; an
// ordinary word cannot be renamed. Over a real stdio connection, with and without the membership.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentHighlight, Location, Range, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { keepLineBreak } from '../../server/src/lsp/references';
import { readReferat } from '../../server/src/reader';
import type { TestLspClient } from '../helpers/lsp-client';
import { applyEdits, linesOf, positionOf, readSeed, SEED_002, SEED_003, SeedWorkspace } from './writingHelp.helpers';

const NEW_NAME = 'Nicolai B. Bæhrenz-Nielsen';
const text002 = readSeed(SEED_002);
const punkter002 = readReferat(text002).items;
const punktOfLine = (line: number) => punkter002.find((p) => line >= p.range.start.line && line <= p.range.end.line)?.number;

/** Lines that differ, and what each became. */
function changedLines(before: string, after: string): { line: number; before: string; after: string }[] {
  const a = linesOf(before);
  const b = linesOf(after);
  expect(b).toHaveLength(a.length);
  return a.flatMap((l, i) => (l === b[i] ? [] : [{ line: i, before: l, after: b[i] }]));
}

function editsFor(edit: WorkspaceEdit, uri: string): TextEdit[] {
  if (edit.documentChanges) return (edit.documentChanges as TextDocumentEdit[]).filter((c) => c.textDocument.uri === uri).flatMap((c) => c.edits as TextEdit[]);
  return edit.changes?.[uri] ?? [];
}

describe.each([
  { membership: true, title: 'with the membership configured' },
  { membership: false, title: 'without a membership (by near spelling)' },
])('renaming a member $title', ({ membership }) => {
  let ws: SeedWorkspace;
  let client: TestLspClient;
  let uri: string;
  const bährenz = positionOf(text002, 'Nicolai Busch Bährenz', 1, 'Nicolai Busch B'.length);

  beforeAll(async () => {
    ws = new SeedWorkspace(membership);
    uri = ws.seed(SEED_002);
    client = await ws.start({ capabilities: { textDocument: { rename: { prepareSupport: true } } } });
    await client.open(uri, text002);
  });
  afterAll(async () => {
    await client?.shutdown();
    ws?.dispose();
  });

  it('prepares the rename on the name under the cursor', async () => {
    const prepared = await client.request<{ range: Range; placeholder: string }>('textDocument/prepareRename', { textDocument: { uri }, position: bährenz });
    expect(prepared.placeholder).toBe('Nicolai Busch Bährenz');
    expect(prepared.range).toEqual({
      start: { line: bährenz.line, character: 'Udvalgsmedlem '.length },
      end: { line: bährenz.line, character: 'Udvalgsmedlem Nicolai Busch Bährenz'.length },
    });
  });

  it('changes both spellings under all 17 punkter and nothing else', async () => {
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri }, position: bährenz, newName: NEW_NAME });
    const edits = editsFor(edit, uri);
    expect(edits).toHaveLength(17);
    const changed = changedLines(text002, applyEdits(text002, edits));
    expect(changed).toHaveLength(17);
    expect(changed.map((c) => punktOfLine(c.line))).toEqual(punkter002.map((p) => p.number));
    for (const c of changed) {
      expect(c.before).toMatch(/^Udvalgsmedlem Nicolai Busch B(æh|äh)renz deltog ikke i mødet\.$/);
      expect(c.after).toBe(`Udvalgsmedlem ${NEW_NAME} deltog ikke i mødet.`);
    }
    expect(changed.filter((c) => c.before.includes('Bährenz')).map((c) => punktOfLine(c.line))).toEqual([9, 14]);
  });

  it('finds the same 17 references and highlights them', async () => {
    const refs = await client.request<Location[]>('textDocument/references', { textDocument: { uri }, position: bährenz, context: { includeDeclaration: true } });
    expect(refs).toHaveLength(17);
    expect(new Set(refs.map((r) => r.uri))).toEqual(new Set([uri]));
    const highlights = await client.request<DocumentHighlight[]>('textDocument/documentHighlight', {
      textDocument: { uri },
      position: positionOf(text002, 'Nicolai Busch Bæhrenz', 3, 2),
    });
    expect(highlights.map((h) => h.range)).toEqual(refs.map((r) => r.range));
  });

  it('refuses to prepare a rename of an ordinary word, saying why', async () => {
    const at = positionOf(text002, 'Omgørelsesprocenterne er andelen', 1, 4);
    await expect(client.request('textDocument/prepareRename', { textDocument: { uri }, position: at })).rejects.toThrow(/member names|medlems navn/);
    await expect(client.request('textDocument/rename', { textDocument: { uri }, position: at, newName: 'X' })).rejects.toThrow(/member names|medlems navn/);
  });

  it('refuses an empty name', async () => {
    await expect(client.request('textDocument/rename', { textDocument: { uri }, position: bährenz, newName: '  ' })).rejects.toThrow(/empty|tomt/);
  });
});

describe('renaming across open referater and in running text', () => {
  let ws: SeedWorkspace;
  let client: TestLspClient;

  beforeAll(async () => {
    ws = new SeedWorkspace(true);
    client = await ws.start({ locale: 'da', capabilities: { workspace: { workspaceEdit: { documentChanges: true } } } });
  });
  afterAll(async () => {
    await client?.shutdown();
    ws?.dispose();
  });

  it('renames Reza Javid in votes, proposals and a title, in both open documents, with document versions', async () => {
    const a = [
      'REFERAT Beskæftigelses- og Socialudvalget 2022-2025 d. 26-11-2024',
      '',
      'Punkt 1: E-sag: Initiativretsforslag fra Reza Javid (Ø): Noget',
      '',
      'Beslutning',
      '',
      'Udvalgsmedlem Reza Javid (Ø) stiller følgende ændringsforslag:',
      '',
      '"Noget andet."',
      '',
      'Udvalgsmedlemmerne Reza Javid (Ø) og Mads Thomsen (A) stemmer for ændringsforslaget.',
      '',
      'Rådmand Christoffer Lilleholt (V), udvalgsmedlemmerne Joachim Hoffmann-Petersen (C) og Nicolai Busch Bæhrenz stemmer imod ændringsforslaget.',
      '',
      'Ændringsforslaget er dermed forkastet.',
    ].join('\n');
    const b = [
      'REFERAT Beskæftigelses- og Socialudvalget 2022-2025 d. 10-12-2024',
      '',
      'Punkt 1: Noget',
      '',
      'Beslutning',
      '',
      'Udvalgsmedlem Reza Javid deltog ikke i mødet.',
    ].join('\n');
    const uriA = ws.write('a.referat', a);
    const uriB = ws.write('b.referat', b);
    await client.open(uriA, a);
    await client.open(uriB, b);
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: uriA }, position: positionOf(a, 'Reza Javid', 2, 1), newName: 'Reza J. Javid' });
    const changes = edit.documentChanges as TextDocumentEdit[];
    expect(changes.map((c) => [c.textDocument.uri, c.textDocument.version])).toEqual([
      [uriA, 1],
      [uriB, 1],
    ]);
    const afterA = applyEdits(a, editsFor(edit, uriA));
    expect(changedLines(a, afterA).map((c) => c.after)).toEqual([
      'Punkt 1: E-sag: Initiativretsforslag fra Reza J. Javid (Ø): Noget',
      'Udvalgsmedlem Reza J. Javid (Ø) stiller følgende ændringsforslag:',
      'Udvalgsmedlemmerne Reza J. Javid (Ø) og Mads Thomsen (A) stemmer for ændringsforslaget.',
    ]);
    expect(applyEdits(b, editsFor(edit, uriB))).toContain('Udvalgsmedlem Reza J. Javid deltog ikke i mødet.');
  });

  it('keeps the line break of a name cut over two lines in an attendee list', async () => {
    const text003 = readSeed(SEED_003);
    const uri = ws.seed(SEED_003);
    await client.open(uri, text003);
    const at = positionOf(text003, 'John', 1, 1);
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri }, position: at, newName: 'John Erik Rosenhøj' });
    const after = applyEdits(text003, editsFor(edit, uri));
    expect(linesOf(after)).toHaveLength(linesOf(text003).length);
    expect(after).toMatch(/John\r?\nErik Rosenhøj/);
  });
});

describe('keepLineBreak', () => {
  it('puts the break back after as many words as before it', () => {
    expect(keepLineBreak('John\nRosenhøj', 'John Erik Rosenhøj')).toBe('John\nErik Rosenhøj');
    expect(keepLineBreak('John\r\nRosenhøj', 'Jens Hansen')).toBe('Jens\r\nHansen');
    expect(keepLineBreak('Anna Hansen', 'Anna Jensen')).toBe('Anna Jensen');
    expect(keepLineBreak('Anna\nHansen', 'Anna')).toBe('Anna');
  });
});
