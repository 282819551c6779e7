// referat.validate.maxSize over stdio: a referat over the limit is outlined (symbols, folding) but
// not checked: no rule runs, it has exactly one information diagnostic at its start, in the
// client's language, no semantic tokens and no code actions; under the limit it is validated as
// always. The limit here is 0.05 MB (52,428 bytes): seed 000 (128 KB) is over it, 003 (30 KB) under.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic, DocumentDiagnosticReport, DocumentSymbol, FoldingRange, SemanticTokens, WorkspaceDiagnosticReport } from 'vscode-languageserver-protocol';
import { DEFAULT_SETTINGS, readSettings } from '../../server/src/lsp/configuration';
import { readSeed } from '../helpers/golden';
import { REPO_ROOT, type TestLspClient } from '../helpers/lsp-client';
import { expectWellFormedFolds, linesOf } from './assertions';
import { coreFindings, eventually, PULL_CAPABILITIES, PUSH_CAPABILITIES, settingsChanged, startClient, TempWorkspace } from './diagnostics.helpers';
import { goldenItems } from './golden';

const LARGE = '000_db79083c852146f7.txt';
const SMALL = '003_4215b85305d5dec8.txt';
const LIMIT = { validate: { maxSize: 0.05 } };
const INFORMATION = 3;
const MESSAGE_EN = 'This referat is 0.1 MB, over the 0.05 MB limit (setting referat.validate.maxSize): it is outlined but not checked.';
const MESSAGE_DA = 'Referatet fylder 0,1 MB, over grænsen på 0,05 MB (indstillingen referat.validate.maxSize): det vises i dispositionen, men tjekkes ikke.';

const firstLine = (text: string) => linesOf(text)[0];
const tooLarge = (message: string, text: string): Diagnostic => ({
  range: { start: { line: 0, character: 0 }, end: { line: 0, character: firstLine(text).length } },
  severity: INFORMATION,
  source: 'referat',
  code: 'too-large',
  message,
});
const codesAndLines = (diagnostics: { code?: unknown; ruleId?: string; range: { start: { line: number } } }[]) =>
  diagnostics.map((d) => `${String(d.code ?? d.ruleId)}@${d.range.start.line}`).sort();

describe('referat.validate.maxSize, pulled', () => {
  let workspace: TempWorkspace;
  let client: TestLspClient & { refreshes: number };
  let large: string;
  let small: string;
  const pull = async (uri: string) => {
    const report = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
    if (report.kind !== 'full') throw new Error('expected a full report');
    return report.items;
  };
  const told = () => client.logMessages.filter((message) => message.includes('over the 0.05 MB limit'));

  beforeAll(async () => {
    workspace = new TempWorkspace();
    client = await startClient({ rootPath: workspace.root, capabilities: PULL_CAPABILITIES, settings: LIMIT });
    large = await client.open(workspace.uri('large.referat.txt'), readSeed(LARGE));
    small = await client.open(workspace.uri('small.referat.txt'), readSeed(SMALL));
  });
  afterAll(async () => {
    await client?.shutdown();
    workspace?.dispose();
  });

  it('gives a referat over the limit exactly one information diagnostic, at its start, and runs no rule', async () => {
    expect(coreFindings(readSeed(LARGE)).length).toBeGreaterThan(3);
    expect(await pull(large)).toEqual([tooLarge(MESSAGE_EN, readSeed(LARGE))]);
  });

  it('still outlines it in full, and folds it', async () => {
    const outline = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: large } });
    const punkter = outline[0].children!.filter((s) => /^Punkt \d+/.test(s.name));
    expect(punkter.map((s) => s.range.start.line)).toEqual(goldenItems(LARGE).map((item) => item.line - 1));
    expect(punkter).toHaveLength(16);
    const folds = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri: large } });
    expect(folds.length).toBeGreaterThan(16);
    expectWellFormedFolds(folds, linesOf(readSeed(LARGE)));
  });

  it('gives it no semantic tokens and no code actions; the small one has tokens', async () => {
    for (const method of ['textDocument/semanticTokens/full', 'textDocument/semanticTokens/full/delta']) {
      const tokens = await client.request<SemanticTokens>(method, { textDocument: { uri: large }, previousResultId: '0' });
      expect(tokens.data).toEqual([]);
    }
    const range = { start: { line: 0, character: 0 }, end: { line: 500, character: 0 } };
    expect((await client.request<SemanticTokens>('textDocument/semanticTokens/range', { textDocument: { uri: large }, range })).data).toEqual([]);
    expect((await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri: small } })).data.length).toBeGreaterThan(0);

    const diagnostics = await pull(large);
    for (const only of [undefined, ['quickfix'], ['source.fixAll.referat']]) {
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri: large },
        range: diagnostics[0].range,
        context: { diagnostics, ...(only ? { only } : {}) },
      });
      expect(actions).toEqual([]);
    }
  });

  it('validates a referat under the limit as always', async () => {
    const items = await pull(small);
    expect(items.some((d) => d.code === 'too-large')).toBe(false);
    expect(codesAndLines(items)).toEqual(codesAndLines(coreFindings(readSeed(SMALL))));
    expect(items.length).toBeGreaterThan(0);
  });

  it('logs it once, however often it is pulled or edited', async () => {
    await pull(large);
    await client.replaceText(large, `${readSeed(LARGE)}\n`);
    expect(await pull(large)).toEqual([tooLarge(MESSAGE_EN, readSeed(LARGE))]);
    expect(told()).toHaveLength(1);
    expect(told()[0]).toContain(large);
  });

  it('validates it again when the limit is raised, and not when it is lowered again', async () => {
    await settingsChanged(client, { validate: { maxSize: 1 } });
    await eventually(async () => expect(codesAndLines(await pull(large))).toEqual(codesAndLines(coreFindings(`${readSeed(LARGE)}\n`))));
    await settingsChanged(client, LIMIT);
    await eventually(async () => expect(await pull(large)).toEqual([tooLarge(MESSAGE_EN, readSeed(LARGE))]));
  });
});

describe('referat.validate.maxSize, pushed to a Danish client and over the workspace', () => {
  let workspace: TempWorkspace;
  let client: TestLspClient & { refreshes: number };

  beforeAll(async () => {
    workspace = new TempWorkspace({ rules: {} }, [LARGE, SMALL]);
    client = await startClient({ rootPath: workspace.root, capabilities: PUSH_CAPABILITIES, locale: 'da', settings: LIMIT });
  });
  afterAll(async () => {
    await client?.shutdown();
    workspace?.dispose();
  });

  it('says it in Danish', async () => {
    const uri = await client.open(workspace.uri(LARGE), readSeed(LARGE));
    await eventually(() => expect(client.lastPublished(uri)?.diagnostics).toEqual([tooLarge(MESSAGE_DA, readSeed(LARGE))]));
  });

  it('checks the files on disk with the same limit', async () => {
    const pullClient = await startClient({ rootPath: workspace.root, capabilities: PULL_CAPABILITIES, settings: { validate: { ...LIMIT.validate, workspace: true } } });
    try {
      const report = await pullClient.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds: [] });
      const itemsOf = (seed: string) => {
        const item = report.items.find((i) => i.uri === workspace.uri(seed));
        return item?.kind === 'full' ? item.items : undefined;
      };
      expect(itemsOf(LARGE)).toEqual([tooLarge(MESSAGE_EN, readSeed(LARGE))]);
      expect(codesAndLines(itemsOf(SMALL) ?? [])).toEqual(codesAndLines(coreFindings(readSeed(SMALL))));
    } finally {
      await pullClient.shutdown();
    }
  });
});

describe('the maxSize setting', () => {
  it('is contributed with the server default and described in English and Danish', () => {
    const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    const setting = manifest.contributes.configuration.properties['referat.validate.maxSize'];
    expect(setting).toMatchObject({ type: 'number', default: DEFAULT_SETTINGS.maxSizeMb });
    expect(DEFAULT_SETTINGS.maxSizeMb).toBe(20);
    for (const nls of ['package.nls.json', 'package.nls.da.json']) {
      expect(JSON.parse(readFileSync(path.join(REPO_ROOT, nls), 'utf8'))['config.validate.maxSize']).toMatch(/MB/);
    }
  });

  it('takes a positive number of MB, as an object or a dotted key; anything else is the default', () => {
    expect(readSettings({ validate: { maxSize: 0.05 } }).maxSizeMb).toBe(0.05);
    expect(readSettings({ 'validate.maxSize': 3 }).maxSizeMb).toBe(3);
    for (const bad of [0, -1, '5', null, Number.NaN, Number.POSITIVE_INFINITY]) expect(readSettings({ validate: { maxSize: bad } }).maxSizeMb).toBe(20);
  });
});
