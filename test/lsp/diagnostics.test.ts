// Diagnostics over a real stdio connection: pulled by a client that can, pushed to one that
// cannot (never both), following edits, referat.config.json on disk, broken configs, the
// editor's settings and the client's language.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic, DocumentDiagnosticReport, PublishDiagnosticsParams, WorkspaceDiagnosticReport } from 'vscode-languageserver-protocol';
import { DEFAULT_SETTINGS, readSettings } from '../../server/src/lsp/configuration';
import { allRules } from '../../server/src/rules';
import { readSeed } from '../helpers/golden';
import { REPO_ROOT, type TestLspClient } from '../helpers/lsp-client';
import {
  CLEAN_SEED,
  configChanged,
  coreFindings,
  eventually,
  PULL_CAPABILITIES,
  PUSH_CAPABILITIES,
  settingsChanged,
  sleep,
  startClient,
  TempWorkspace,
  withoutBeslutning,
  withWrongOutcome,
} from './diagnostics.helpers';

const ERROR = 1;
const WARNING = 2;
const INFORMATION = 3;
const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => d.code);
/** Only the diagnostics of one rule: other rules may find things in the seeds too. */
const named = (diagnostics: Diagnostic[] | undefined, code = 'required-section') => (diagnostics ?? []).filter((d) => d.code === code);
const severities = (diagnostics: Diagnostic[] | undefined, code = 'required-section') => named(diagnostics, code).map((d) => d.severity);

describe('pull diagnostics (the client declares textDocument.diagnostic)', () => {
  let workspace: TempWorkspace;
  let client: TestLspClient & { refreshes: number };
  const pull = (uri: string, previousResultId?: string) =>
    client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri }, ...(previousResultId ? { previousResultId } : {}) });
  const items = async (uri: string) => {
    const report = await pull(uri);
    if (report.kind !== 'full') throw new Error('expected a full report');
    return report.items;
  };

  beforeAll(async () => {
    workspace = new TempWorkspace({ rules: { 'duplicate-section': { severity: 'info', allow: [] } } });
    client = await startClient({ rootPath: workspace.root, capabilities: PULL_CAPABILITIES });
  });
  afterAll(async () => {
    await client?.shutdown();
    workspace?.dispose();
  });

  it('advertises a diagnostic provider and code actions', () => {
    const capabilities = client.initializeResult.capabilities;
    expect(capabilities.diagnosticProvider).toMatchObject({ interFileDependencies: true, workspaceDiagnostics: true });
    expect(capabilities.codeActionProvider).toEqual({ codeActionKinds: ['quickfix', 'source.fixAll.referat'], resolveProvider: false });
  });

  it('reports a missing Beslutning as required-section, with source, code and severity', async () => {
    const uri = await client.open(workspace.uri('punkt2.referat.txt'), withoutBeslutning());
    const diagnostics = named(await items(uri));
    expect(diagnostics).toHaveLength(1);
    const [diagnostic] = diagnostics;
    expect(diagnostic).toMatchObject({ source: 'referat', code: 'required-section', severity: WARNING });
    const finding = coreFindings(withoutBeslutning()).find((f) => f.ruleId === 'required-section')!;
    expect(diagnostic.message).toBe(finding.message.en);
    expect(diagnostic.range).toEqual(finding.range);
    expect(diagnostic.codeDescription?.href).toBe('https://github.com/referat-tools/referat/blob/main/docs/rules/required-section.md');
  });

  it('answers unchanged while nothing changed, and anew after an edit', async () => {
    const uri = workspace.uri('punkt2.referat.txt');
    const first = await pull(uri);
    expect(first.kind).toBe('full');
    const second = await pull(uri, first.resultId);
    expect(second).toEqual({ kind: 'unchanged', resultId: first.resultId });

    await client.replaceText(uri, readSeed(CLEAN_SEED));
    const third = await pull(uri, first.resultId);
    expect(third.kind).toBe('full');
    expect(third.kind === 'full' && named(third.items)).toEqual([]);
  });

  it('keeps the findings of a document it packs, once a dozen others are opened after it', async () => {
    const uri = await client.open(workspace.uri('packed.referat.txt'), withoutBeslutning(true));
    const first = await pull(uri);
    // Other meetings of the committee (a copy of one meeting would be a duplicate-meeting finding, rightly).
    const meetingOn = (day: number) => readSeed(CLEAN_SEED).replace('d. 06-05-2025', `d. ${day}-05-2025`).replace('d. 06. maj', `d. ${day}. maj`);
    for (let i = 0; i < 13; i++) await pull(await client.open(workspace.uri(`other-${i}.referat.txt`), meetingOn(10 + i)));
    expect(await pull(uri, first.resultId)).toEqual({ kind: 'unchanged', resultId: first.resultId });
    const again = await pull(uri);
    expect(again).toEqual(first);
    expect(first.kind === 'full' && named(first.items).length).toBe(2);
  });

  it('gives vote-outcome for "vedtaget" after a 2-2 tie, with the vote as related information', async () => {
    const uri = await client.open(workspace.uri('vote.referat.txt'), withWrongOutcome());
    const diagnostics = await items(uri);
    const outcome = diagnostics.filter((d) => d.code === 'vote-outcome');
    expect(outcome).toHaveLength(1);
    expect(outcome[0].severity).toBe(ERROR);
    expect(outcome[0].message).toMatch(/2 for and 2 against/);
    const lineOf = (text: string) =>
      withWrongOutcome()
        .split('\n')
        .findIndex((l) => l.includes(text));
    expect(outcome[0].range.start.line).toBe(lineOf('Ændringsforslaget er dermed vedtaget.'));
    expect(outcome[0].relatedInformation?.map((r) => r.location.uri)).toEqual([uri]);
    // The configuration in the workspace is in force: duplicate-section is only information there.
    expect(diagnostics.filter((d) => d.code === 'duplicate-section').map((d) => d.severity)).toEqual([INFORMATION]);
  });

  it('never pushes diagnostics for documents it is asked for', async () => {
    await sleep(400);
    const documents = client.published.filter((p) => p.uri !== workspace.configUri);
    expect(documents).toEqual([]);
  });

  it('follows referat.config.json changed on disk, asking the client to pull again', async () => {
    const uri = workspace.uri('punkt2.referat.txt');
    await client.replaceText(uri, withoutBeslutning());
    expect(severities(await items(uri))).toEqual([WARNING]);
    const refreshes = client.refreshes;

    workspace.writeConfig({ rules: { 'required-section': 'error', 'duplicate-section': { severity: 'info', allow: [] } } });
    await configChanged(client, workspace);
    await eventually(() => expect(client.refreshes).toBeGreaterThan(refreshes));
    expect(severities(await items(uri))).toEqual([ERROR]);
  });

  it("gives untitled documents the workspace root's configuration", async () => {
    const uri = await client.open('untitled:Untitled-1', withoutBeslutning());
    expect(severities(await items(uri))).toEqual([ERROR]);
    await client.close(uri);
  });

  it('shows a broken config on the config file and keeps the last good configuration', async () => {
    const uri = workspace.uri('punkt2.referat.txt');
    const broken = '{\n  "rules": {\n    "required-section": "fatal"\n  }\n}\n';
    workspace.writeConfig(broken);
    await configChanged(client, workspace);
    const published = await eventually(() => {
      const last = client.lastPublished(workspace.configUri);
      expect(last?.diagnostics.length).toBeGreaterThan(0);
      return last!;
    });
    const [problem] = published.diagnostics;
    expect(problem).toMatchObject({ source: 'referat', severity: ERROR });
    // At the offending property, line 3 (0-based 2).
    expect(problem.range.start.line).toBe(2);
    expect(severities(await items(uri))).toEqual([ERROR]);

    const logged = () => client.logMessages.filter((m) => m.includes('referat.config.json') && m.includes('last good configuration'));
    await eventually(() => expect(logged()).toHaveLength(1));
    // The same broken text again: no second log line.
    await configChanged(client, workspace);
    await sleep(200);
    await items(uri);
    expect(logged()).toHaveLength(1);
  });

  it('shows invalid JSON where it is, and clears the problems once the file is good again', async () => {
    const uri = workspace.uri('punkt2.referat.txt');
    workspace.writeConfig('{\n  "rules": {\n    "required-section": "info",,\n');
    await configChanged(client, workspace);
    await eventually(() => expect(client.lastPublished(workspace.configUri)?.diagnostics[0]?.message).toMatch(/Invalid JSON/));
    expect(severities(await items(uri))).toEqual([ERROR]);

    workspace.writeConfig({ rules: { 'required-section': 'info' } });
    await configChanged(client, workspace);
    await eventually(() => expect(client.lastPublished(workspace.configUri)?.diagnostics).toEqual([]));
    expect(severities(await items(uri))).toEqual([INFORMATION]);
  });

  it('uses a nearer referat.config.json created in a subfolder', async () => {
    mkdirSync(path.join(workspace.root, 'sub'), { recursive: true });
    const nested = path.join(workspace.root, 'sub', 'referat.config.json');
    writeFileSync(nested, JSON.stringify({ rules: { 'required-section': 'off' } }));
    const uri = await client.open(pathToFileURL(path.join(workspace.root, 'sub', 'nested.referat.txt')).href, withoutBeslutning());
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(nested).href, type: 1 }] });
    expect(named(await items(uri))).toEqual([]);
    expect(severities(await items(workspace.uri('punkt2.referat.txt')))).toHaveLength(1);
  });

  it('lets the settings override the config file severity and turn a rule off', async () => {
    const uri = workspace.uri('punkt2.referat.txt');
    const refreshes = client.refreshes;
    await settingsChanged(client, { rules: { 'required-section': 'warning' } });
    await eventually(() => expect(client.refreshes).toBeGreaterThan(refreshes));
    expect(severities(await items(uri))).toEqual([WARNING]);

    await settingsChanged(client, { rules: { 'required-section': 'off' } });
    await eventually(async () => expect(named(await items(uri))).toEqual([]));

    await settingsChanged(client, { validate: { enable: false } });
    await eventually(async () => expect(await items(workspace.uri('vote.referat.txt'))).toEqual([]));
    // Without settings the config file's severity is back (the test before set `info` there).
    await settingsChanged(client, null);
    await eventually(async () => expect(severities(await items(uri))).toEqual([INFORMATION]));
  });

  it('reports the referater on disk in workspace/diagnostic when referat.validate.workspace is on', async () => {
    const seedUri = workspace.file('disk.referat.txt', withWrongOutcome());
    const workspaceReport = (previousResultIds: { uri: string; value: string }[] = []) => client.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds });
    expect((await workspaceReport()).items).toEqual([]);

    await settingsChanged(client, { validate: { workspace: true } });
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: seedUri, type: 1 }] });
    const report = await eventually(async () => {
      const found = (await workspaceReport()).items.find((item) => item.uri === seedUri);
      expect(found?.kind).toBe('full');
      return found!;
    });
    expect(report.kind === 'full' && codes(report.items)).toContain('vote-outcome');
    // Open documents are left to textDocument/diagnostic.
    expect((await workspaceReport()).items.map((item) => item.uri)).not.toContain(workspace.uri('punkt2.referat.txt'));

    const again = (await workspaceReport([{ uri: seedUri, value: report.resultId! }])).items.find((item) => item.uri === seedUri);
    expect(again).toMatchObject({ kind: 'unchanged', resultId: report.resultId });

    await settingsChanged(client, null);
    await eventually(async () => expect((await workspaceReport()).items).toContainEqual({ kind: 'full', uri: seedUri, version: null, items: [] }));
  });
});

describe('pushed diagnostics (a client without textDocument.diagnostic)', () => {
  let workspace: TempWorkspace;
  let client: TestLspClient & { refreshes: number };
  const publishedFor = (uri: string) => client.published.filter((p) => p.uri === uri);

  beforeAll(async () => {
    workspace = new TempWorkspace({ rules: {} });
    client = await startClient({ rootPath: workspace.root, capabilities: PUSH_CAPABILITIES, settings: { validate: { debounce: 150 } } });
  });
  afterAll(async () => {
    await client?.shutdown();
    workspace?.dispose();
  });

  it('advertises no diagnostic provider', () => {
    expect(client.initializeResult.capabilities.diagnosticProvider).toBeUndefined();
  });

  it('publishes on open, with the version', async () => {
    const uri = await client.open(workspace.uri('push.referat.txt'), withoutBeslutning());
    const published = await eventually(() => {
      const last = client.lastPublished(uri);
      expect(last).toBeDefined();
      return last!;
    });
    expect(published.version).toBe(1);
    expect(named(published.diagnostics)).toHaveLength(1);
    expect(named(published.diagnostics)[0]).toMatchObject({ source: 'referat', severity: WARNING });
  });

  it('follows edits, after a pause, never publishing an older version after a newer one', async () => {
    const uri = workspace.uri('push.referat.txt');
    const before = publishedFor(uri).length;
    // A burst of edits: broken and whole in turn, ending whole.
    for (let i = 0; i < 6; i++) await client.replaceText(uri, i % 2 === 0 ? withWrongOutcomeIn004(i) : readSeed(CLEAN_SEED));
    const finalVersion = client.version(uri)!;
    const last = await eventually(() => {
      const found = client.lastPublished(uri);
      expect(found?.version).toBe(finalVersion);
      return found!;
    });
    expect(named(last.diagnostics)).toEqual([]);
    const versions = publishedFor(uri).map((p: PublishDiagnosticsParams) => p.version!);
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);
    // Debounced: far fewer publications than edits.
    expect(publishedFor(uri).length - before).toBeLessThan(6);
    await sleep(300);
    expect(client.lastPublished(uri)?.version).toBe(finalVersion);
  });

  it('revalidates open documents at once when referat.config.json changes', async () => {
    const uri = workspace.uri('push.referat.txt');
    await client.replaceText(uri, withoutBeslutning());
    await eventually(() => expect(severities(client.lastPublished(uri)?.diagnostics)).toEqual([WARNING]));
    workspace.writeConfig({ rules: { 'required-section': 'error' } });
    await configChanged(client, workspace);
    await eventually(() => expect(severities(client.lastPublished(uri)?.diagnostics)).toEqual([ERROR]));
  });

  it('keeps the last good configuration when the file breaks', async () => {
    const uri = workspace.uri('push.referat.txt');
    workspace.writeConfig('{ "rules": { "required-section": "info" ');
    await configChanged(client, workspace);
    await eventually(() => expect(client.lastPublished(workspace.configUri)?.diagnostics.length).toBeGreaterThan(0));
    await sleep(200);
    expect(severities(client.lastPublished(uri)?.diagnostics)).toEqual([ERROR]);
  });

  it('applies settings: severity overrides and rules turned off, at once', async () => {
    const uri = workspace.uri('push.referat.txt');
    await settingsChanged(client, { validate: { debounce: 150 }, rules: { 'required-section': 'info' } });
    await eventually(() => expect(severities(client.lastPublished(uri)?.diagnostics)).toEqual([INFORMATION]));
    await settingsChanged(client, { validate: { debounce: 150 }, rules: { 'required-section': 'off' } });
    await eventually(() => expect(named(client.lastPublished(uri)?.diagnostics)).toEqual([]));
    await settingsChanged(client, { validate: { enable: false } });
    await client.replaceText(uri, withWrongOutcome());
    await sleep(400);
    expect(client.lastPublished(uri)?.diagnostics).toEqual([]);
    await settingsChanged(client, { validate: { debounce: 150 } });
    await eventually(() => expect(codes(client.lastPublished(uri)?.diagnostics ?? [])).toContain('vote-outcome'));
  });

  it('clears the diagnostics of a closed document', async () => {
    const uri = workspace.uri('push.referat.txt');
    await client.close(uri);
    await eventually(() => expect(client.lastPublished(uri)?.diagnostics).toEqual([]));
  });

  it('publishes for referater on disk when referat.validate.workspace is on, and clears them when it goes off', async () => {
    const disk = workspace.file('disk.referat.txt', withWrongOutcome());
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: disk, type: 1 }] });
    await settingsChanged(client, { validate: { workspace: true } });
    await eventually(() => expect(codes(client.lastPublished(disk)?.diagnostics ?? [])).toContain('vote-outcome'));
    await settingsChanged(client, null);
    await eventually(() => expect(client.lastPublished(disk)?.diagnostics).toEqual([]));
  });
});

describe('messages in the client language', () => {
  let workspace: TempWorkspace;
  let client: TestLspClient & { refreshes: number };

  beforeAll(async () => {
    workspace = new TempWorkspace({}, []);
    client = await startClient({ rootPath: workspace.root, capabilities: PULL_CAPABILITIES, locale: 'da' });
  });
  afterAll(async () => {
    await client?.shutdown();
    workspace?.dispose();
  });

  it('gives Danish messages and related information for locale da', async () => {
    const uri = await client.open(workspace.uri('da.referat.txt'), withWrongOutcome());
    const report = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
    const diagnostics = report.kind === 'full' ? report.items : [];
    const expected = coreFindings(withWrongOutcome());
    expect(diagnostics.map((d) => d.message)).toEqual(expected.map((f) => f.message.da));
    const outcome = diagnostics.find((d) => d.code === 'vote-outcome')!;
    expect(outcome.message).toMatch(/stemmelighed/);
    expect(outcome.relatedInformation?.[0].message).toBe('Afstemningen');
  });

  it('gives Danish config problems', async () => {
    workspace.writeConfig({ rules: { 'required-section': 'fatal' } });
    await configChanged(client, workspace);
    // The config is read when a document needs it.
    await client.open(workspace.uri('da2.referat.txt'), readSeed(CLEAN_SEED));
    await client.request('textDocument/diagnostic', { textDocument: { uri: workspace.uri('da2.referat.txt') } });
    await eventually(() => expect(client.lastPublished(workspace.configUri)?.diagnostics[0]?.message).toMatch(/se referat\.config\.schema\.json/));
  });
});

/** 004 with a Beslutning heading dropped, varied by `i` so that every version has a different text. */
function withWrongOutcomeIn004(i: number): string {
  return `${withoutBeslutning()}\n${'\n'.repeat(i)}`;
}

describe('the settings in package.json', () => {
  const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  const properties = manifest.contributes.configuration.properties;
  const nls = ['package.nls.json', 'package.nls.da.json'].map((name) => JSON.parse(readFileSync(path.join(REPO_ROOT, name), 'utf8')));

  it('offers a severity setting for every rule and nothing else', () => {
    expect(Object.keys(properties['referat.rules'].properties).sort()).toEqual(allRules.map((rule) => rule.id).sort());
    for (const rule of Object.values(properties['referat.rules'].properties) as { enum: string[] }[]) expect(rule.enum).toEqual(['off', 'info', 'warning', 'error']);
  });

  it('has the validation settings the server reads, with its defaults', () => {
    expect(properties['referat.validate.enable'].default).toBe(DEFAULT_SETTINGS.enable);
    expect(properties['referat.validate.debounce'].default).toBe(DEFAULT_SETTINGS.debounceMs);
    expect(properties['referat.validate.workspace'].default).toBe(DEFAULT_SETTINGS.workspace);
  });

  it('has English and Danish text for every setting', () => {
    const keys = JSON.stringify(properties)
      .match(/%[^%"]+%/g)!
      .map((k) => k.slice(1, -1));
    for (const texts of nls) expect(keys.filter((key) => !texts[key])).toEqual([]);
  });

  it('validates referat.config.json with the published schema', () => {
    expect(manifest.contributes.jsonValidation).toContainEqual({ fileMatch: 'referat.config.json', url: './schemas/referat.config.schema.json' });
    expect(existsSync(path.join(REPO_ROOT, 'schemas/referat.config.schema.json'))).toBe(true);
  });

  it('reads settings defensively', () => {
    expect(readSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(readSettings({ validate: { enable: 'yes', debounce: -5 }, rules: { quorum: 'loud', 'vote-tally': 'off' } })).toEqual({
      ...DEFAULT_SETTINGS,
      debounceMs: 0,
      rules: { 'vote-tally': 'off' },
    });
    expect(readSettings({ 'validate.workspace': true }).workspace).toBe(true);
  });
});
