// The language server over stdio, as an editor sees it, against the seed referater and their
// expectations in test/fixtures/golden-seeds.json.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentSymbol, FoldingRange, Range, SelectionRange, SymbolInformation } from 'vscode-languageserver-protocol';
import { readSeed, seedsDir } from '../helpers/golden';
import { eventually, requireBuiltServer, TestLspClient } from '../helpers/lsp-client';
import { chainOf, expectStrictlyNested, expectWellFormedFolds, expectWellFormedSymbols, linesOf, rangesEqual } from './assertions';
import { GOLDEN_SECTION_KINDS, goldenItems, normaliseName, punktName, SEED_COMMITTEES, SEED_FILES, type GoldenItem } from './golden';

const SEED_URI_BASE = 'file:///seeds/';
const isPunktSymbol = (symbol: DocumentSymbol) => /^Punkt \d+/.test(symbol.name);
/**
 * The kind a section symbol shows, as an editor's outline does: its detail where the heading names
 * the kind in other words, else its name. Lower case, accents and a closing colon left out.
 */
const shownKind = (symbol: DocumentSymbol) =>
  (symbol.detail || symbol.name)
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s*:$/, '');

describe('documentSymbol on the seeds', () => {
  let client: TestLspClient;
  const outlines = new Map<string, DocumentSymbol[]>();

  beforeAll(async () => {
    client = await TestLspClient.start();
    for (const seed of SEED_FILES) {
      const uri = await client.open(SEED_URI_BASE + seed, readSeed(seed));
      outlines.set(seed, await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } }));
    }
  });
  afterAll(() => client?.shutdown());

  describe.each(SEED_FILES)('%s', (seed) => {
    const items = goldenItems(seed);
    const root = () => {
      const outline = outlines.get(seed)!;
      expect(outline, 'one root symbol: the meeting').toHaveLength(1);
      return outline[0];
    };
    const punkter = () => root().children!.filter(isPunktSymbol);
    const punktSymbol = (item: GoldenItem) => punkter().find((s) => s.name.startsWith(`Punkt ${item.number}:`));

    it('has the meeting as root, named after it', () => {
      expect(root().name).not.toBe('Referat');
      expect(normaliseName(root().name)).toContain(SEED_COMMITTEES[seed]);
    });

    it('lists the punkter with their numbers and titles', () => {
      expect(punkter().map((s) => normaliseName(s.name))).toEqual(items.map(punktName));
    });

    it('puts each punkt at its heading line, with its case number as detail', () => {
      const found = punkter().map((s) => ({ line: s.range.start.line, detail: s.detail ?? '' }));
      expect(found).toEqual(items.map((item) => ({ line: item.line - 1, detail: item.caseNumber ?? '' })));
    });

    it('has the resume, indstilling and beslutning sections under each punkt at their lines', () => {
      const expected = items.map((item) => ({
        punkt: item.number,
        ...Object.fromEntries(GOLDEN_SECTION_KINDS.map((kind) => [kind, item[kind] === null ? null : item[kind]! - 1])),
      }));
      const found = items.map((item) => {
        const sections = punktSymbol(item)?.children ?? [];
        const lineOf = (kind: string) => sections.find((s) => shownKind(s) === kind)?.range.start.line ?? null;
        return { punkt: item.number, ...Object.fromEntries(GOLDEN_SECTION_KINDS.map((kind) => [kind, lineOf(kind)])) };
      });
      expect(found).toEqual(expected);
    });

    it('gives well-formed ranges (selection inside range, children inside parents, inside the text)', () => {
      expectWellFormedSymbols(outlines.get(seed)!, linesOf(readSeed(seed)));
    });
  });
});

describe('workspace/symbol over a workspace folder', () => {
  const AKTUELLE_SAGER = 'Aktuelle sager';
  let workspace: string;
  let client: TestLspClient;
  const fileUri = (seed: string) => pathToFileURL(path.join(workspace, seed)).href;
  const search = (query: string) => client.request<SymbolInformation[]>('workspace/symbol', { query });

  /** The punkter titled `Aktuelle sager` (with a case-type prefix or not), as golden-seeds.json lists them. */
  const aktuelleSager = SEED_FILES.flatMap((seed) =>
    goldenItems(seed)
      .filter((item) => /(^|: )Aktuelle sager$/.test(item.title))
      .map((item) => ({ seed, name: punktName(item), line: item.line - 1 })),
  );
  const simplify = (symbols: SymbolInformation[]) =>
    symbols.map((s) => ({ uri: s.location.uri, name: normaliseName(s.name), line: s.location.range.start.line })).sort((a, b) => a.uri.localeCompare(b.uri));
  const expectedAktuelleSager = () => aktuelleSager.map(({ seed, name, line }) => ({ uri: fileUri(seed), name, line })).sort((a, b) => a.uri.localeCompare(b.uri));

  beforeAll(async () => {
    workspace = mkdtempSync(path.join(tmpdir(), 'referat-workspace-'));
    for (const seed of SEED_FILES) copyFileSync(path.join(seedsDir, seed), path.join(workspace, seed));
    // Copies where the scan must not look, and a text file that is no referat.
    for (const skipped of ['node_modules/some-package', '.git', '.hidden/deeper']) {
      mkdirSync(path.join(workspace, skipped), { recursive: true });
      copyFileSync(path.join(seedsDir, SEED_FILES[0]), path.join(workspace, skipped, SEED_FILES[0]));
    }
    writeFileSync(path.join(workspace, 'notes.txt'), 'Aktuelle sager\n\nPunkt 1: Aktuelle sager\n');
    client = await TestLspClient.start({ rootPath: workspace });
  });
  afterAll(async () => {
    await client?.shutdown();
    rmSync(workspace, { recursive: true, force: true });
  });

  it('the seeds list Aktuelle sager in 000, 001, 002 and 004', () => {
    expect(aktuelleSager.map((a) => a.seed.slice(0, 3))).toEqual(['000', '001', '002', '004']);
  });

  it('advertises exactly the features it implements', () => {
    expect(Object.keys(client.initializeResult.capabilities).sort()).toEqual(
      [
        'codeActionProvider',
        'documentSymbolProvider',
        'foldingRangeProvider',
        'selectionRangeProvider',
        'semanticTokensProvider',
        'textDocumentSync',
        'workspace',
        'workspaceSymbolProvider',
        // writing help: links, definitions, hovers, members' references and rename, vote lenses
        'codeLensProvider',
        'definitionProvider',
        'documentHighlightProvider',
        'documentLinkProvider',
        'hoverProvider',
        'referencesProvider',
        'renameProvider',
        // writing help: completion, Format Document and Format Selection
        'completionProvider',
        'documentFormattingProvider',
        'documentRangeFormattingProvider',
        // the quick fix that writes referat.config.json from the minutes (referat.createConfig)
        'executeCommandProvider',
      ].sort(),
    );
  });

  it(`finds "${AKTUELLE_SAGER}" in the files on disk, none of them open`, async () => {
    const symbols = await search(AKTUELLE_SAGER);
    expect(simplify(symbols)).toEqual(expectedAktuelleSager());
    for (const symbol of symbols) {
      expect(symbol.location.range.start.line).toBe(symbol.location.range.end.line);
      const seed = path.basename(fileURLToPath(symbol.location.uri));
      expect(normaliseName(symbol.containerName ?? '')).toContain(SEED_COMMITTEES[seed]);
    }
  });

  it('reported its indexing as work done progress and asked to watch files', () => {
    const kinds = client.progress.map((p) => p.value.kind);
    expect(kinds[0]).toBe('begin');
    expect(kinds).toContain('end');
    // One watcher, for referater and their referat.config.json alike.
    type Registration = { method: string; registerOptions?: { watchers?: { globPattern: unknown }[] } };
    const watched = (client.registrations as { registrations: Registration[] }[]).flatMap((r) => r.registrations).filter((r) => r.method === 'workspace/didChangeWatchedFiles');
    expect(watched.flatMap((r) => r.registerOptions?.watchers ?? [])).toEqual([{ globPattern: '**/{*.referat,*.txt,*.md,referat.config.json}' }]);
  });

  it('matches punkt numbers, case numbers and words without accents', async () => {
    const punkt3 = await search('Punkt 3');
    expect(punkt3.map((s) => s.name.split(':')[0])).toEqual(SEED_FILES.map(() => 'Punkt 3'));
    expect((await search('3')).filter((s) => s.name.startsWith('Punkt 3:'))).toHaveLength(SEED_FILES.length);

    const omgorelse = await search('omgorelsesprocenter danmarkskortet');
    expect(simplify(omgorelse)).toEqual([{ uri: fileUri('002_00cfbdd4d29f5775.txt'), name: 'Punkt 3: Omgørelsesprocenter for sagsbehandling (Danmarkskortet)', line: 136 }]);
    expect(simplify(await search('00.07.00-G01-3-24'))).toEqual(simplify(omgorelse));

    const everything = await search('');
    expect(everything).toHaveLength(SEED_FILES.reduce((sum, seed) => sum + goldenItems(seed).length, 0));
  });

  it('gives the same answer from open documents, with the outline kind', async () => {
    for (const seed of SEED_FILES) await client.openFile(path.join(workspace, seed));
    const symbols = await search(AKTUELLE_SAGER);
    expect(simplify(symbols)).toEqual(expectedAktuelleSager());

    const outline = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: fileUri(SEED_FILES[0]) } });
    const outlineKind = outline[0].children!.find(isPunktSymbol)!.kind;
    expect(new Set(symbols.map((s) => s.kind))).toEqual(new Set([outlineKind]));
  });

  it('follows edits of open documents and goes back to the disk on close', async () => {
    const uri = fileUri(SEED_FILES[0]);
    await client.replaceText(uri, readSeed(SEED_FILES[0]).replace(/Aktuelle sager/g, 'Aktuelle emner'));
    expect(simplify(await search(AKTUELLE_SAGER)).map((s) => s.uri)).not.toContain(uri);

    await client.close(uri);
    await eventually(async () => expect(simplify(await search(AKTUELLE_SAGER))).toEqual(expectedAktuelleSager()));
  });

  it('follows files created and deleted on disk', async () => {
    const added = path.join(workspace, 'added.referat.txt');
    copyFileSync(path.join(seedsDir, SEED_FILES[0]), added);
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(added).href, type: 1 }] });
    await eventually(async () => expect((await search(AKTUELLE_SAGER)).map((s) => s.location.uri)).toContain(pathToFileURL(added).href));

    unlinkSync(added);
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(added).href, type: 3 }] });
    await eventually(async () => expect(simplify(await search(AKTUELLE_SAGER))).toEqual(expectedAktuelleSager()));
  });

  it('follows workspace folders removed and added', async () => {
    const folder = { uri: pathToFileURL(workspace).href, name: 'seeds' };
    // 001, 002 and 004 are still open from the tests above: open documents stay searchable.
    const stillOpen = expectedAktuelleSager().filter((s) => s.uri !== fileUri(SEED_FILES[0]));
    await client.notify('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [folder] } });
    await eventually(async () => expect(simplify(await search(AKTUELLE_SAGER))).toEqual(stillOpen));

    await client.notify('workspace/didChangeWorkspaceFolders', { event: { added: [folder], removed: [] } });
    await eventually(async () => expect(simplify(await search(AKTUELLE_SAGER))).toEqual(expectedAktuelleSager()));
  });
});

describe('folding and selection ranges on 002', () => {
  const seed = '002_00cfbdd4d29f5775.txt';
  const uri = SEED_URI_BASE + seed;
  const lines = linesOf(readSeed(seed));
  const items = goldenItems(seed);
  let client: TestLspClient;

  beforeAll(async () => {
    client = await TestLspClient.start();
    await client.open(uri, readSeed(seed));
  });
  afterAll(() => client?.shutdown());

  it('folds every punkt from its heading, and the table of contents', async () => {
    const folds = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    expectWellFormedFolds(folds, lines);
    const starts = new Set(folds.map((f) => f.startLine));
    expect(items.filter((item) => !starts.has(item.line - 1)).map((item) => item.number)).toEqual([]);
    // The TOC: the heading is line 9, its entries lines 11-27 (1-based).
    expect(folds.some((f) => f.startLine >= 8 && f.startLine <= 10 && f.endLine >= 26 && f.endLine < 28)).toBe(true);
  });

  it('grows a selection in punkt 3 Beslutning through the section and the punkt to the document', async () => {
    const item3 = items.find((item) => item.number === 3)!;
    // `Udvalgsmedlem Reza Javid (Ø) stiller følgende ændringsforslag:`, two lines below the heading.
    const position = { line: item3.beslutning! + 1, character: 3 };
    expect(lines[position.line]).toMatch(/^Udvalgsmedlem Reza Javid/);

    const outline = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const punkt = outline[0].children!.find((s) => s.name.startsWith('Punkt 3:'))!;
    const beslutning = punkt.children!.find((s) => shownKind(s) === 'beslutning')!;
    expect(beslutning.range.start.line).toBe(item3.beslutning! - 1);

    const [selection] = await client.request<SelectionRange[]>('textDocument/selectionRange', { textDocument: { uri }, positions: [position] });
    const chain = chainOf(selection);
    expectStrictlyNested(chain, lines);
    expect(chain[0]).toEqual({ start: { line: position.line, character: 0 }, end: { line: position.line, character: 'Udvalgsmedlem'.length } });
    expect(chain).toContainEqual(beslutning.range);
    expect(chain).toContainEqual(punkt.range);
    const indexOf = (range: Range) => chain.findIndex((r) => rangesEqual(r, range));
    expect(indexOf(beslutning.range)).toBeLessThan(indexOf(punkt.range));
    const last = chain[chain.length - 1];
    expect(last.start).toEqual({ line: 0, character: 0 });
    expect(last.end.line).toBe(lines.length - 1);
  });

  it('answers one selection range per position, nested, anywhere in the text', async () => {
    const positions = [0, 8, 20, 136, 137, 300, lines.length - 1].map((line) => ({ line, character: 1 }));
    const selections = await client.request<SelectionRange[]>('textDocument/selectionRange', { textDocument: { uri }, positions });
    expect(selections).toHaveLength(positions.length);
    for (const selection of selections) expectStrictlyNested(chainOf(selection), lines);
  });
});

describe('robustness', () => {
  let client: TestLspClient;
  beforeAll(async () => (client = await TestLspClient.start()));
  afterAll(() => client?.shutdown());

  it('answers unknown requests with MethodNotFound and keeps serving', async () => {
    await expect(client.request('referat/doesNotExist', {})).rejects.toMatchObject({ code: -32601 });
    await expect(client.request('textDocument/typeDefinition', { textDocument: { uri: 'file:///x' }, position: { line: 0, character: 0 } })).rejects.toMatchObject({
      code: -32601,
    });
    const uri = await client.open('file:///tiny.referat', 'Punkt 1: Noget\n');
    const outline = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    expect(outline[0].children!.map((s) => s.name)).toContain('Punkt 1: Noget');
  });

  it('answers nothing for documents that are not open or not referater', async () => {
    expect(await client.request('textDocument/documentSymbol', { textDocument: { uri: 'file:///never-opened.referat' } })).toBeNull();
    const uri = await client.open('file:///shopping.txt', 'Mælk\nBrød\n', 'plaintext');
    expect(await client.request('textDocument/documentSymbol', { textDocument: { uri } })).toBeNull();
    expect(await client.request('textDocument/foldingRange', { textDocument: { uri } })).toBeNull();
  });

  it('survives odd texts and positions outside the text', async () => {
    const texts = ['', '\n\n\n', 'Punkt 1:\r\nPunkt 2: \r\n', '# **Punkt 7: x**\n## Beslutning\n', '\uFEFFREFERAT X d. 99-99-9999\n\tPunkt'];
    for (const [i, text] of texts.entries()) {
      const uri = await client.open(`file:///odd-${i}.referat`, text);
      const lines = linesOf(text);
      expectWellFormedSymbols(await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } }), lines);
      expectWellFormedFolds(await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } }), lines);
      const positions = [
        { line: 0, character: 0 },
        { line: 500, character: 3 },
        { line: 0, character: 999 },
      ];
      const selections = await client.request<SelectionRange[]>('textDocument/selectionRange', { textDocument: { uri }, positions });
      for (const selection of selections) expectStrictlyNested(chainOf(selection), lines);
    }
  });

  it('explains itself and exits 2 when started without a transport', () => {
    const run = spawnSync(process.execPath, [requireBuiltServer()], { encoding: 'utf8', timeout: 10_000 });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--stdio');
    expect(run.stderr).not.toMatch(/at .*\(.*:\d+:\d+\)/);
  });
});
