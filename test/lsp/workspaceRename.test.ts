// References and rename of a member reach the referater of the workspace that are not open: read
// from disk on demand, each under its own nearest referat.config.json, and only those of the same
// committee. Seed 002 is open; a copy of it, seed 000 (same committee, other period), a short
// referat of the committee that misspells the name once more and an Økonomiudvalget referat naming
// a namesake are on disk only. Over a real stdio connection, with and without the membership.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LSPErrorCodes, ResponseError, type Location, type TextDocumentEdit, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Membership } from '../../server/src/config/membership';
import { namePieces, references, rename, WORKSPACE_SEARCH_LIMITS, type Workspace } from '../../server/src/lsp/references';
import { readReferat } from '../../server/src/reader';
import { fixtures } from '../helpers/golden';
import type { TestLspClient } from '../helpers/lsp-client';
import { applyEdits, linesOf, positionOf, readSeed, SEED_000, SEED_002, SeedWorkspace } from './writingHelp.helpers';

const NEW_NAME = 'Nicolai B. Bæhrenz-Nielsen';
const text002 = readSeed(SEED_002);
const bæhrenz = positionOf(text002, 'Nicolai Busch Bæhrenz', 1, 3);

/** A short referat of one punkt whose decision records a member's absence. */
const shortReferat = (meeting: string, absent: string) =>
  [meeting, '', 'Punkt 1: Godkendelse af dagsorden', '', 'Beslutning', '', 'Godkendt.', '', `Udvalgsmedlem ${absent} deltog ikke i mødet.`].join('\n');
/** Of the same committee and period, with a spelling found nowhere else. */
const SHORT_BSU = shortReferat('REFERAT Beskæftigelses- og Socialudvalget 2022-2025 d. 10-12-2024', 'Nicolai Bush Bæhrenz');
/** Another committee's referat naming a namesake: not the same person. */
const ØKONOMI = shortReferat('REFERAT Økonomiudvalget 2022-2025 d. 03-12-2024', 'Nicolai Busch Bæhrenz');

function editsFor(edit: WorkspaceEdit, file: string): TextEdit[] {
  const same = (uri: string) => fileURLToPath(uri) === file;
  if (edit.documentChanges) return (edit.documentChanges as TextDocumentEdit[]).filter((c) => same(c.textDocument.uri)).flatMap((c) => c.edits as TextEdit[]);
  return Object.entries(edit.changes ?? {}).flatMap(([uri, edits]) => (same(uri) ? edits : []));
}

/** Lines that differ, and what each became. */
function changedLines(before: string, after: string): { before: string; after: string }[] {
  const a = linesOf(before);
  const b = linesOf(after);
  expect(b).toHaveLength(a.length);
  return a.flatMap((l, i) => (l === b[i] ? [] : [{ before: l, after: b[i] }]));
}

describe.each([
  { membership: true, documentChanges: true, title: 'with the membership configured, as documentChanges' },
  { membership: false, documentChanges: false, title: 'without a membership (by near spelling), as changes' },
])('a member across the workspace $title', ({ membership, documentChanges }) => {
  let ws: SeedWorkspace;
  let client: TestLspClient;
  let files: { open: string; copy: string; seed000: string; short: string; økonomi: string };
  let uri: string;

  beforeAll(async () => {
    ws = new SeedWorkspace(membership);
    uri = ws.seed(SEED_002);
    ws.seed(SEED_000);
    // Below the root: their nearest referat.config.json is the root's.
    mkdirSync(path.join(ws.root, 'arkiv'));
    writeFileSync(path.join(ws.root, 'arkiv', 'kopi af 002.txt'), text002);
    files = {
      open: fileURLToPath(uri),
      copy: path.join(ws.root, 'arkiv', 'kopi af 002.txt'),
      seed000: path.join(ws.root, SEED_000),
      short: fileURLToPath(ws.write('arkiv/bsu-december.referat', SHORT_BSU)),
      økonomi: fileURLToPath(ws.write('arkiv/oekonomiudvalget.referat', ØKONOMI)),
    };
    client = await ws.start({ capabilities: { workspace: { workspaceEdit: { documentChanges } } } });
    await client.open(uri, text002);
  });
  afterAll(async () => {
    await client?.shutdown();
    ws?.dispose();
  });

  it('finds the references in the closed copy and the committee’s other referat, not in another committee’s', async () => {
    const refs = await client.request<Location[]>('textDocument/references', { textDocument: { uri }, position: bæhrenz, context: { includeDeclaration: true } });
    const byFile = new Map<string, Location[]>();
    for (const r of refs) byFile.set(fileURLToPath(r.uri), [...(byFile.get(fileURLToPath(r.uri)) ?? []), r]);
    expect([...byFile.keys()].sort()).toEqual([files.open, files.copy, files.short].sort());
    expect(byFile.get(files.open)).toHaveLength(17);
    expect(byFile.get(files.copy)!.map((r) => r.range)).toEqual(byFile.get(files.open)!.map((r) => r.range));
    expect(byFile.get(files.short)!.map((r) => r.range)).toEqual([{ start: { line: 8, character: 14 }, end: { line: 8, character: 34 } }]);
    // The open document comes first.
    expect(fileURLToPath(refs[0].uri)).toBe(files.open);
  });

  it('renames both spellings in both 002 files and the misspelling in the other, nothing in 000 or the other committee', async () => {
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri }, position: bæhrenz, newName: NEW_NAME });
    if (documentChanges) {
      const versions = (edit.documentChanges as TextDocumentEdit[]).map((c) => [fileURLToPath(c.textDocument.uri), c.textDocument.version] as const);
      // The open document first, with its version; the files on disk with version null.
      expect(versions[0]).toEqual([files.open, 1]);
      expect(versions.slice(1).sort()).toEqual([files.copy, files.short].sort().map((f) => [f, null]));
      expect(edit.changes).toBeUndefined();
    } else {
      expect(edit.documentChanges).toBeUndefined();
    }
    const expected: Record<keyof typeof files, number> = { open: 17, copy: 17, short: 1, seed000: 0, økonomi: 0 };
    for (const [name, file] of Object.entries(files) as [keyof typeof files, string][]) {
      const before = readFileSync(file, 'utf8');
      const changed = changedLines(before, applyEdits(before, editsFor(edit, file)));
      expect(changed, name).toHaveLength(expected[name]);
      for (const c of changed) {
        expect(c.before).toMatch(/^Udvalgsmedlem Nicolai Busc?h B(æh|äh)renz deltog ikke i mødet\.$/);
        expect(c.after).toBe(`Udvalgsmedlem ${NEW_NAME} deltog ikke i mødet.`);
      }
    }
    // Both spellings, in the closed copy as in the open document.
    const copy = readFileSync(files.copy, 'utf8');
    expect(changedLines(copy, applyEdits(copy, editsFor(edit, files.copy))).filter((c) => c.before.includes('Bährenz'))).toHaveLength(2);
  });

  it('renames from the other committee’s referat only there', async () => {
    const økonomiUri = pathToFileURL(files.økonomi).href;
    await client.open(økonomiUri, ØKONOMI);
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', {
      textDocument: { uri: økonomiUri },
      position: positionOf(ØKONOMI, 'Nicolai', 1, 1),
      newName: 'N. B. Bæhrenz',
    });
    for (const file of [files.open, files.copy, files.short, files.seed000]) expect(editsFor(edit, file)).toEqual([]);
    expect(editsFor(edit, files.økonomi)).toHaveLength(1);
    await client.close(økonomiUri);
  });
});

describe('the search on disk, in process', () => {
  const open = { document: TextDocument.create('file:///ws/open.referat', 'referat', 3, SHORT_BSU), model: readReferat(SHORT_BSU) };
  const config = JSON.parse(readFileSync(path.join(fixtures, 'membership', 'referat.config.json'), 'utf8'));
  const closedFiles = ['file:///ws/a.referat', 'file:///ws/b.referat', 'file:///ws/c.referat'];
  const workspace = (read: string[], warned: string[]): Workspace => ({
    open: () => [open],
    membership: (o) => new Membership(o.model, config),
    closed: async () => closedFiles.map((uri) => ({ uri, committee: 'Beskæftigelses- og Socialudvalget' })),
    readText: async (uri) => (read.push(uri), SHORT_BSU),
    config: () => config,
    log: { error: () => undefined, info: () => undefined },
    warn: (message) => void warned.push(message),
  });
  const at = positionOf(SHORT_BSU, 'Nicolai', 1, 1);

  it('stops at its limit and says so', async () => {
    const { maxFiles } = WORKSPACE_SEARCH_LIMITS;
    WORKSPACE_SEARCH_LIMITS.maxFiles = 2;
    try {
      const read: string[] = [];
      const warned: string[] = [];
      const refs = await references(workspace(read, warned), open, at, 'en');
      expect(read).toEqual(closedFiles.slice(0, 2));
      expect((refs as Location[]).map((r) => r.uri)).toEqual([open.document.uri, ...closedFiles.slice(0, 2)]);
      // References only log it; rename tells the user.
      expect(warned).toEqual([]);
      const edit = (await rename(workspace(read, warned), open, { textDocument: open.document, position: at, newName: 'N. Bæhrenz' }, 'en', true)) as WorkspaceEdit;
      expect(edit.documentChanges!.map((c) => (c as TextDocumentEdit).textDocument)).toEqual([
        { uri: open.document.uri, version: 3 },
        ...closedFiles.slice(0, 2).map((uri) => ({ uri, version: null })),
      ]);
      expect(warned).toEqual(['Only 2 of 3 closed referater of the same committee were searched (at most 2 at a time): the name may appear in more.']);
    } finally {
      WORKSPACE_SEARCH_LIMITS.maxFiles = maxFiles;
    }
  });

  it('honours cancellation between files', async () => {
    const read: string[] = [];
    let cancel = false;
    const ws = workspace(read, []);
    const readText = ws.readText;
    ws.readText = async (uri) => ((cancel = true), readText(uri));
    const token = {
      get isCancellationRequested() {
        return cancel;
      },
      onCancellationRequested: () => ({ dispose: () => undefined }),
    };
    const answer = await references(ws, open, at, 'en', token);
    expect(read).toEqual(closedFiles.slice(0, 1));
    expect(answer).toBeInstanceOf(ResponseError);
    expect((answer as ResponseError<void>).code).toBe(LSPErrorCodes.RequestCancelled);
  });
});

describe('namePieces', () => {
  it('leaves one piece whole in every spelling a few edits away', () => {
    const pieces = namePieces('Nicolai Busch Bæhrenz')!;
    expect(pieces.join('')).toBe('nicolai busch bæhrenz');
    for (const spelling of ['Nicolai Busch Bährenz', 'Nicolai Bush Bæhrenz', 'Nikolaj Busch Bæhrens', 'nicolai  busch bæhrenz']) {
      expect(
        pieces.some((p) => spelling.toLowerCase().replace(/\s+/g, ' ').includes(p)),
        spelling,
      ).toBe(true);
    }
    expect(namePieces('Eva')).toBeNull();
  });
});
