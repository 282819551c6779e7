// A case across the workspace's meetings, from the server's archive: the hover on a case number
// (each meeting, newest first), Go to Definition (the first treatment), Find All References (every
// treatment) and the `Behandlet før` code lens, in both languages; the archive follows edits and
// closing. Over a real stdio connection, on a temporary workspace of three meetings of case
// 21-016074 (Beskæftigelses- og Erhvervsudvalget → Økonomiudvalget → Byråd), and, where the corpus
// is at hand, on the Greve folder itself.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeLens, Diagnostic, DocumentLink, Hover, Location, MarkupContent } from 'vscode-languageserver-protocol';
import { type MeetingSpec, referatText } from '../archive/helpers';
import { eventually, REPO_ROOT, TestLspClient } from '../helpers/lsp-client';

const MEMBERS = ['Anna Hansen', 'Bent Jensen', 'Carl Olsen'];
const CASE = '21-016074';
const MEETINGS: Record<string, MeetingSpec> = {
  'beu.referat.txt': {
    committee: 'Beskæftigelses- og Erhvervsudvalget',
    date: '10-01-2022',
    present: MEMBERS,
    punkter: [
      { number: 1, title: 'Godkendelse af dagsorden', decision: ['Godkendt.'] },
      { number: 5, title: 'Rangering af beskæftigelsesindsatsen', caseNumber: CASE, decision: ['Orienteringen blev taget til efterretning.', 'Sagen sendes til Økonomiudvalget.'] },
    ],
  },
  'ou.referat.txt': {
    committee: 'Økonomiudvalget',
    date: '24-01-2022',
    present: MEMBERS,
    punkter: [{ number: 16, title: 'Rangering af beskæftigelsesindsatsen', caseNumber: CASE, decision: ['Anbefales.'] }],
  },
  'br.referat.txt': {
    committee: 'Byrådet',
    date: '31-01-2022',
    present: MEMBERS,
    punkter: [
      {
        number: 17,
        title: 'Rangering af beskæftigelsesindsatsen',
        caseNumber: CASE,
        decision: ['Byrådet godkendte Økonomiudvalgets indstilling.'],
        // The committee's decision quoted as recorded; Økonomiudvalget's with words its referat does not have.
        history: [
          ['10-01-2022 Beskæftigelses- og Erhvervsudvalget', 'Orienteringen blev taget til efterretning.', 'Sagen sendes til Økonomiudvalget.'],
          ['24-01-2022 Økonomiudvalget', 'Anbefales med en bemærkning om tidsplanen.'],
        ],
      },
      { number: 18, title: 'Ny skolestruktur', caseNumber: '22-000001', decision: ['Godkendt.'] },
    ],
  },
};
const TEXTS = Object.fromEntries(Object.entries(MEETINGS).map(([file, m]) => [file, referatText(m)]));
const lineOf = (file: string, start: string) => TEXTS[file].split('\n').findIndex((l) => l.startsWith(start));
const value = (hover: Hover | null) => (hover?.contents as MarkupContent | undefined)?.value ?? '';

describe.each([{ locale: 'da' as const }, { locale: 'en' as const }])('a case across meetings ($locale)', ({ locale }) => {
  let root: string;
  let client: TestLspClient;
  const uri = (file: string) => pathToFileURL(path.join(root, file)).href;
  const onCase = (file: string) => ({ textDocument: { uri: uri(file) }, position: { line: lineOf(file, CASE), character: 3 } });
  const lenses = async (file: string) =>
    (await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: uri(file) } })).filter((l) => /Behandlet|Treated/.test(l.command?.title ?? ''));
  const expectedLens = (n: number) => (locale === 'da' ? `Behandlet før: ${n} ${n === 1 ? 'møde' : 'møder'}` : `Treated before: ${n} ${n === 1 ? 'meeting' : 'meetings'}`);

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'referat-cases-'));
    for (const [file, text] of Object.entries(TEXTS)) writeFileSync(path.join(root, file), text);
    client = await TestLspClient.start({ rootPath: root, locale });
    // Only the Byråd's referat is open: the others come from the workspace index.
    await client.open(uri('br.referat.txt'), TEXTS['br.referat.txt']);
  });
  afterAll(async () => {
    await client?.shutdown();
    rmSync(root, { recursive: true, force: true });
  });

  it('hovers a case number with each meeting that treated it, newest first, and the first line of its decision', async () => {
    const text = await eventually(async () => {
      const found = value(await client.request<Hover | null>('textDocument/hover', onCase('br.referat.txt')));
      // The workspace is read in the background, its files in no particular order.
      expect(found).toContain('Beskæftigelses- og Erhvervsudvalget');
      expect(found).toContain('Økonomiudvalget 2022');
      return found;
    });
    const at = (s: string) => text.indexOf(s);
    expect(text).toContain(locale === 'da' ? '**Behandlet på** (3 møder, nyeste først):' : '**Treated at** (3 meetings, newest first):');
    expect(text).toContain('Byrådet 2022-01-31, punkt 17: Rangering af beskæftigelsesindsatsen — Byrådet godkendte Økonomiudvalgets indstilling.');
    expect(text).toContain('Økonomiudvalget 2022-01-24, punkt 16: Rangering af beskæftigelsesindsatsen — Anbefales.');
    expect(text).toContain('Beskæftigelses- og Erhvervsudvalget 2022-01-10, punkt 5: Rangering af beskæftigelsesindsatsen — Orienteringen blev taget til efterretning.');
    expect(at('Byrådet 2022-01-31')).toBeLessThan(at('Økonomiudvalget 2022-01-24'));
    expect(at('Økonomiudvalget 2022-01-24')).toBeLessThan(at('Beskæftigelses- og Erhvervsudvalget 2022-01-10'));
  });

  it('goes to the first treatment from a case number', async () => {
    const found = await client.request<Location[]>('textDocument/definition', onCase('br.referat.txt'));
    expect(found).toHaveLength(1);
    expect(found[0].uri).toBe(uri('beu.referat.txt'));
    expect(found[0].range.start.line).toBe(lineOf('beu.referat.txt', 'Punkt 5:'));
  });

  it('finds every treatment of the case, oldest first, at each punkt heading', async () => {
    const found = await client.request<Location[]>('textDocument/references', { ...onCase('br.referat.txt'), context: { includeDeclaration: true } });
    expect(found.map((l) => [path.basename(l.uri), l.range.start.line])).toEqual([
      ['beu.referat.txt', lineOf('beu.referat.txt', 'Punkt 5:')],
      ['ou.referat.txt', lineOf('ou.referat.txt', 'Punkt 16:')],
      ['br.referat.txt', lineOf('br.referat.txt', 'Punkt 17:')],
    ]);
  });

  it('puts `Behandlet før` on the punkt treated at two earlier meetings, and none on a new case', async () => {
    const found = await lenses('br.referat.txt');
    expect(found.map((l) => [l.command!.title, l.range.start.line])).toEqual([[expectedLens(2), lineOf('br.referat.txt', 'Punkt 17:')]]);
    expect(found[0].command!.command).toBe('referat.showTreatments');
    expect((found[0].command!.arguments![2] as Location[]).length).toBe(3);
  });

  it('answers referat/cases: the cases treated at more than one meeting, each meeting newest first; every case with `all`', async () => {
    type Answer = { caseNumber: string | null; title: string; treatments: { uri: string; committee: string; date: string; punkt: number; range: { start: { line: number } } }[] }[];
    const shared = await client.request<Answer>('referat/cases', {});
    expect(shared.map((c) => c.caseNumber)).toEqual([CASE]);
    expect(shared[0].treatments.map((t) => `${t.committee} ${t.date} ${t.punkt}`)).toEqual([
      'Byrådet 2022-01-31 17',
      'Økonomiudvalget 2022-01-24 16',
      'Beskæftigelses- og Erhvervsudvalget 2022-01-10 5',
    ]);
    expect(shared[0].treatments[2]).toMatchObject({ uri: uri('beu.referat.txt'), range: { start: { line: lineOf('beu.referat.txt', 'Punkt 5:') } } });
    const all = await client.request<Answer>('referat/cases', { all: true });
    expect(all.map((c) => c.caseNumber).sort()).toEqual([CASE, '22-000001']);
  });

  it('follows an open document as it changes and when it is closed', async () => {
    const ou = uri('ou.referat.txt');
    await client.open(ou, TEXTS['ou.referat.txt']);
    expect((await lenses('ou.referat.txt')).map((l) => l.command!.title)).toEqual([expectedLens(1)]);
    // Økonomiudvalget's punkt is given another case number in the editor: the Byråd's punkt was treated once before.
    await client.replaceText(ou, TEXTS['ou.referat.txt'].replace(CASE, '22-999999'));
    expect((await lenses('br.referat.txt')).map((l) => l.command!.title)).toEqual([expectedLens(1)]);
    // Closed unsaved: the file on disk speaks for it again.
    await client.close(ou);
    await eventually(async () => expect((await lenses('br.referat.txt')).map((l) => l.command!.title)).toEqual([expectedLens(2)]));
  });

  it('links each quoted history entry to the punkt of the meeting it quotes, and goes there', async () => {
    const br = uri('br.referat.txt');
    // The number of the punkt's heading (`Punkt 16:`, column 7) is where a link lands.
    const links = await client.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri: br } });
    const quoted = links.filter((l) => !l.target!.startsWith(`${br}#`));
    expect(quoted.map((l) => [l.range.start.line, l.target])).toEqual([
      [lineOf('br.referat.txt', '10-01-2022 Beskæftigelses'), `${uri('beu.referat.txt')}#L${lineOf('beu.referat.txt', 'Punkt 5:') + 1},7`],
      [lineOf('br.referat.txt', '24-01-2022 Økonomiudvalget'), `${uri('ou.referat.txt')}#L${lineOf('ou.referat.txt', 'Punkt 16:') + 1},7`],
    ]);
    expect(quoted[1].tooltip).toBe(`${locale === 'da' ? 'Gå til' : 'Go to'} Økonomiudvalget 2022-01-24, punkt 16: Rangering af beskæftigelsesindsatsen`);
    const found = await client.request<Location[]>('textDocument/definition', {
      textDocument: { uri: br },
      position: { line: lineOf('br.referat.txt', '24-01-2022 Økonomiudvalget'), character: 14 },
    });
    expect(found.map((l) => [l.uri, l.range.start.line])).toEqual([[uri('ou.referat.txt'), lineOf('ou.referat.txt', 'Punkt 16:')]]);
  });

  it('reports a quoted decision that differs from the referat of that meeting (history-mismatch), and only that one', async () => {
    const br = uri('br.referat.txt');
    const report = await client.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: br } });
    const mismatch = report.items.filter((d) => d.code === 'history-mismatch');
    expect(mismatch.map((d) => d.range.start.line)).toEqual([lineOf('br.referat.txt', '24-01-2022 Økonomiudvalget')]);
    expect(mismatch[0].severity).toBe(3);
    expect(mismatch[0].message).toContain(
      locale === 'da'
        ? 'har “Anbefales med en bemærkning om tidsplanen.” hvor referatet har “Anbefales.”'
        : 'has “Anbefales med en bemærkning om tidsplanen.” where its referat has “Anbefales.”',
    );
  });

  it('reports a second referat of the same meeting (duplicate-meeting) while it is open in the editor', async () => {
    const copy = uri('ou-kopi.referat.txt');
    await client.open(copy, TEXTS['ou.referat.txt']);
    const codes = async (u: string) => (await client.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: u } })).items.map((d) => d.code);
    await eventually(async () => expect(await codes(copy)).toContain('duplicate-meeting'));
    await client.close(copy);
  });

  it('lets go of a file deleted on disk, and takes it again when it is back', async () => {
    const file = path.join(root, 'ou.referat.txt');
    const told = client.casesChanged;
    rmSync(file);
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('ou.referat.txt'), type: 3 }] });
    await eventually(async () => expect((await lenses('br.referat.txt')).map((l) => l.command!.title)).toEqual([expectedLens(1)]));
    // The Sager view is told to ask again.
    await eventually(async () => expect(client.casesChanged).toBeGreaterThan(told));
    writeFileSync(file, TEXTS['ou.referat.txt']);
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('ou.referat.txt'), type: 1 }] });
    await eventually(async () => expect((await lenses('br.referat.txt')).map((l) => l.command!.title)).toEqual([expectedLens(2)]));
  });
});

const GREVE = path.resolve(REPO_ROOT, '../shared/corpus/greve');

describe.skipIf(!existsSync(GREVE))('the Greve corpus as the workspace folder', () => {
  let client: TestLspClient;
  const file = path.join(GREVE, 'greve_byraad-2022-2025_2022-01-31.txt');

  beforeAll(async () => {
    client = await TestLspClient.start({ rootPath: GREVE, locale: 'da' });
    await client.open(pathToFileURL(file).href, readFileSync(file, 'utf8'));
  });
  afterAll(() => client?.shutdown());

  it('hovers case 21-016074 with its path from Beskæftigelses- og Erhvervsudvalget to the Byråd', async () => {
    const line = readFileSync(file, 'utf8')
      .split('\n')
      .findIndex((l) => l.trim() === CASE);
    const params = { textDocument: { uri: pathToFileURL(file).href }, position: { line, character: 2 } };
    const text = await eventually(
      async () => {
        const found = value(await client.request<Hover | null>('textDocument/hover', params));
        // The folder is read in the background, its files in no particular order.
        expect(found).toContain('Beskæftigelses- og Erhvervsudvalget 2022-01-10');
        expect(found).toContain('Økonomiudvalget 2022-01-24');
        return found;
      },
      60_000,
      250,
    );
    const at = (s: string) => text.indexOf(s);
    expect(at('2022-01-31')).toBeGreaterThanOrEqual(0);
    expect(at('Økonomiudvalget 2022-01-24')).toBeGreaterThan(at('2022-01-31'));
    expect(at('Beskæftigelses- og Erhvervsudvalget 2022-01-10')).toBeGreaterThan(at('Økonomiudvalget 2022-01-24'));
  }, 90_000);
});

if (!existsSync(GREVE)) console.info(`${GREVE} is absent: the Greve workspace test is skipped.`);
