// Links and definitions: TOC entries, `jf. punkt 5`, `pkt. 5`, `dagsordenens punkt 3`,
// `punktet "..."` lead to the punkt; `bilag 2` to the bilag. Points of an indstilling, a law or a
// list are not agenda items and get no link. Over a real stdio connection, and in process.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentHighlight, DocumentLink, Hover, Location, MarkupContent } from 'vscode-languageserver-protocol';
import { Membership } from '../../server/src/config/membership';
import { findReferences, memberIndex, tocTargets } from '../../server/src/navigation';
import { readReferat } from '../../server/src/reader';
import { golden, seedFiles } from '../helpers/golden';
import { rangesOutside } from '../helpers/ranges';
import type { TestLspClient } from '../helpers/lsp-client';
import { linesOf, positionOf, readSeed, SEED_000, SEED_002, SeedWorkspace } from './writingHelp.helpers';

const SMALL = [
  'REFERAT Testudvalget 2022-2025 d. 01-02-2024',
  '',
  'Punkt 1: Godkendelse af dagsorden',
  '',
  'Beslutning',
  '',
  'Godkendt.',
  '',
  'Punkt 2: Orientering om status på ældreområdet',
  '',
  'Resume',
  '',
  'Sagen hænger sammen med dagsordenens punkt 3 og jf. punkt 1 samt pkt. 3.',
  '',
  'Indstillingspunkt 3 og indstillingens punkt 3 handler om noget andet, ligesom § 5, pkt. 2, punkt 1 i aftalen og (pkt. 1).',
  '',
  'Se bilag 2 og punktet "Orientering om status på …" ovenfor.',
  '',
  'Bilag',
  '',
  'Bilag 1. Notat',
  '',
  'Bilag 2. Oversigt',
  '',
  'Punkt 3: B-sag: Budget 2025',
  '',
  'Beslutning',
  '',
  'Jf. punkt ”Orientering om status på ældreområdet” anbefales indstillingen.',
].join('\n');

/** Line (0-based) of `Punkt N:` in a text. */
const headingLine = (text: string, n: number) => linesOf(text).findIndex((l) => new RegExp(`Punkt ${n}:`).test(l));

describe('links and definitions over the LSP connection', () => {
  let ws: SeedWorkspace;
  let client: TestLspClient;
  let seed000: string;
  let small: string;
  const text000 = readSeed(SEED_000);

  beforeAll(async () => {
    ws = new SeedWorkspace(false);
    seed000 = ws.seed(SEED_000);
    small = ws.write('lille.referat', SMALL);
    client = await ws.start();
    await client.open(seed000, text000);
    await client.open(small, SMALL);
  });
  afterAll(async () => {
    await client?.shutdown();
    ws?.dispose();
  });

  it('announces document links, definitions, hovers, references, highlights, rename and code lenses', () => {
    const caps = client.initializeResult.capabilities;
    expect(caps.documentLinkProvider).toBeTruthy();
    expect(caps.definitionProvider).toBe(true);
    expect(caps.hoverProvider).toBe(true);
    expect(caps.referencesProvider).toBe(true);
    expect(caps.documentHighlightProvider).toBe(true);
    expect(caps.renameProvider).toBeTruthy();
    expect(caps.codeLensProvider).toBeTruthy();
  });

  it('links the TOC entry of 000 item 9 (misspelled in the TOC) to Punkt 9', async () => {
    const punkt9 = golden[SEED_000].items.find((i) => i.number === 9)!.line - 1;
    const entry = positionOf(text000, 'Kvartalsstatus Korsløkkeparken', 1, 3);
    const links = await client.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri: seed000 } });
    const link = links.find((l) => l.range.start.line === entry.line);
    expect(link?.target).toBe(`${seed000}#L${punkt9 + 1},1`);
    expect(links.filter((l) => l.range.start.line < headingLine(text000, 1))).toHaveLength(16);

    const definition = await client.request<Location[]>('textDocument/definition', { textDocument: { uri: seed000 }, position: entry });
    expect(definition).toHaveLength(1);
    expect(definition[0].uri).toBe(seed000);
    expect(definition[0].range.start).toEqual({ line: punkt9, character: 0 });
    expect(linesOf(text000)[definition[0].range.start.line]).toMatch(/Punkt 9: Kvartalsstatus/);
  });

  it('links `jf. punkt`, `pkt.`, `dagsordenens punkt`, quoted titles and bilag in a small document, and nothing else', async () => {
    const links = await client.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri: small } });
    const lines = linesOf(SMALL);
    const found = links.map((l) => ({
      text: lines[l.range.start.line].slice(l.range.start.character, l.range.end.character),
      target: Number(/#L(\d+),/.exec(l.target!)![1]) - 1,
    }));
    const bilag2 = lines.indexOf('Bilag 2. Oversigt');
    expect(found).toEqual([
      { text: 'punkt 3', target: headingLine(SMALL, 3) },
      { text: 'punkt 1', target: headingLine(SMALL, 1) },
      { text: 'pkt. 3', target: headingLine(SMALL, 3) },
      { text: 'bilag 2', target: bilag2 },
      { text: 'Orientering om status på …', target: headingLine(SMALL, 2) },
      { text: 'Orientering om status på ældreområdet', target: headingLine(SMALL, 2) },
    ]);
    for (const l of links) expect(l.target!.startsWith(`${small}#L`)).toBe(true);
  });

  it('answers definition on `jf. punkt 1` with Punkt 1, and nothing on `indstillingens punkt 3`', async () => {
    const at = positionOf(SMALL, 'jf. punkt 1', 1, 5);
    const def = await client.request<Location[]>('textDocument/definition', { textDocument: { uri: small }, position: at });
    expect(def.map((d) => d.range.start.line)).toEqual([headingLine(SMALL, 1)]);
    const none = await client.request<Location[] | null>('textDocument/definition', { textDocument: { uri: small }, position: positionOf(SMALL, 'indstillingens punkt 3', 1, 16) });
    expect(none ?? []).toEqual([]);
    const inWord = await client.request<Location[] | null>('textDocument/definition', { textDocument: { uri: small }, position: positionOf(SMALL, 'Indstillingspunkt 3', 1, 12) });
    expect(inWord ?? []).toEqual([]);
  });

  it('answers definition on `bilag 2` with the bilag entry line', async () => {
    const def = await client.request<Location[]>('textDocument/definition', { textDocument: { uri: small }, position: positionOf(SMALL, 'bilag 2', 1, 2) });
    expect(def).toHaveLength(1);
    expect(linesOf(SMALL)[def[0].range.start.line]).toBe('Bilag 2. Oversigt');
  });

  it('highlights the punkt heading and every reference to it, and hovers a reference with the punkt', async () => {
    const at = positionOf(SMALL, 'pkt. 3', 1, 2);
    const highlights = await client.request<DocumentHighlight[]>('textDocument/documentHighlight', { textDocument: { uri: small }, position: at });
    const lines = linesOf(SMALL);
    expect(highlights.map((h) => lines[h.range.start.line].slice(h.range.start.character, h.range.end.character))).toEqual(['Punkt 3: B-sag: Budget 2025', 'punkt 3', 'pkt. 3']);
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: small }, position: at });
    expect((hover.contents as MarkupContent).value).toContain('**Punkt 3: B-sag: Budget 2025**');
  });

  it('returns location links when the client can show them', async () => {
    const ws2 = new SeedWorkspace(false);
    const uri = ws2.write('lille.referat', SMALL);
    const linkClient = await ws2.start({ capabilities: { textDocument: { definition: { linkSupport: true } } } });
    try {
      await linkClient.open(uri, SMALL);
      const at = positionOf(SMALL, 'pkt. 3', 1, 1);
      const links = await linkClient.request<{ originSelectionRange: unknown; targetUri: string; targetSelectionRange: { start: { line: number } } }[]>('textDocument/definition', {
        textDocument: { uri },
        position: at,
      });
      expect(links).toHaveLength(1);
      expect(links[0].targetUri).toBe(uri);
      expect(links[0].targetSelectionRange.start.line).toBe(headingLine(SMALL, 3));
      const start = positionOf(SMALL, 'pkt. 3');
      expect(links[0].originSelectionRange).toEqual({ start, end: { line: start.line, character: start.character + 'pkt. 3'.length } });
    } finally {
      await linkClient.shutdown();
      ws2.dispose();
    }
  });
});

describe('references in process', () => {
  it('pairs every TOC entry of the seeds with its punkt, misspelled titles included', () => {
    for (const seed of [SEED_000, SEED_002]) {
      const doc = readReferat(readSeed(seed));
      expect(tocTargets(doc).map((p) => p?.number)).toEqual(doc.items.map((p) => p.number));
    }
  });

  it('finds `punkt "Title"` written with curly quotes in 002, and no agenda references to indstillinger in 001', () => {
    const text = readSeed(SEED_002);
    const refs = findReferences(readReferat(text), linesOf(text)).filter((r) => r.kind === 'title');
    expect(refs.map((r) => r.punkt.number)).toEqual([11, 10]);
    const text001 = readSeed('001_bcefb93b7da31050.txt');
    expect(findReferences(readReferat(text001), linesOf(text001)).filter((r) => r.kind === 'number')).toEqual([]);
  });

  it('does not link numbers of a catalogue in brackets (`(pkt. 15)`) in 000', () => {
    const text = readSeed(SEED_000);
    expect(findReferences(readReferat(text), linesOf(text)).filter((r) => r.kind === 'number')).toEqual([]);
  });

  it('links each number of `punkterne 2 og 3` and `bilag 1, 2 og 3`', () => {
    const text = [
      'REFERAT X 2022-2025 d. 01-02-2024',
      '',
      'Punkt 1: A',
      '',
      'Resume',
      '',
      'Se punkterne 2 og 3 samt bilag 1, 2 og 3.',
      '',
      'Bilag',
      '',
      'Bilag 1. a',
      '',
      'Bilag 2. b',
      '',
      'Punkt 2: B',
      '',
      'Punkt 3: C',
    ].join('\n');
    const refs = findReferences(readReferat(text), linesOf(text));
    const line = linesOf(text)[6];
    expect(refs.map((r) => [r.kind, line.slice(r.range.start.character, r.range.end.character), r.kind === 'bilag' ? r.bilag : r.punkt.number])).toEqual([
      ['number', 'punkterne 2', 2],
      ['number', '3', 3],
      ['bilag', 'bilag 1', 1],
      ['bilag', '2', 2],
      ['bilag', '3', 3],
    ]);
    // Bilag 3 is not listed: it leads to the Bilag heading.
    expect(refs[4].target.start.line).toBe(8);
  });
});

describe('robustness', () => {
  const seedLines = seedFiles.flatMap((seed) => linesOf(readSeed(seed)).filter((_, i) => i % 5 === 0)).slice(0, 300);
  const text = fc
    .array(
      fc.oneof(
        fc.constantFrom(
          ...seedLines,
          ...linesOf(SMALL),
          '',
          'Bilag',
          'Bilag 2. x',
          'jf. punkt 99',
          'punktet "',
          'pkt.',
          'Punkt 1: A',
          'Udvalgsmedlem Anna Hansen deltog ikke i mødet.',
        ),
        fc.string({ maxLength: 30 }),
      ),
      { maxLength: 50 },
    )
    .map((lines) => lines.join('\n'));

  it('finds references and members in arbitrary referat-like text without throwing, with ranges inside the text', () => {
    fc.assert(
      fc.property(text, (t) => {
        const doc = readReferat(t);
        const lines = linesOf(t);
        const refs = findReferences(doc, lines);
        const index = memberIndex(doc, lines, new Membership(doc, {}));
        expect(rangesOutside({ refs: refs.map((r) => ({ range: r.range, target: r.target })), occ: index.occurrences.map((o) => o.range) }, t)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});
