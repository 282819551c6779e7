// Settings per workspace folder, over stdio: the server asks for the `referat` section with the
// folder's `scopeUri` when it validates a document there, so a folder's own settings (VS Code's
// .vscode/settings.json of that folder) apply to its referater, and asks again after a change.
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic, DocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import type { TestLspClient } from '../helpers/lsp-client';
import { eventually, PULL_CAPABILITIES, PUSH_CAPABILITIES, settingsChanged, sleep, startClient, TempWorkspace, withoutBeslutning } from './diagnostics.helpers';

const ERROR = 1;
const WARNING = 2;
const severities = (diagnostics: Diagnostic[] | undefined) => (diagnostics ?? []).filter((d) => d.code === 'required-section').map((d) => d.severity);

describe('settings per workspace folder (a pulling client)', () => {
  let first: TempWorkspace;
  let second: TempWorkspace;
  let client: TestLspClient;
  let secondUri: string;
  const items = async (uri: string) => {
    const report = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
    if (report.kind !== 'full') throw new Error('expected a full report');
    return report.items;
  };

  beforeAll(async () => {
    first = new TempWorkspace();
    second = new TempWorkspace();
    secondUri = pathToFileURL(second.root).href;
    client = await startClient({ rootPath: first.root, moreFolders: [second.root], capabilities: PULL_CAPABILITIES });
    client.scopedSettings.set(secondUri, { rules: { 'required-section': 'off' } });
  });
  afterAll(async () => {
    await client?.shutdown();
    first?.dispose();
    second?.dispose();
  });

  it("asks with the folder's scopeUri and applies that folder's settings to its referater only", async () => {
    const inFirst = await client.open(first.uri('a.referat.txt'), withoutBeslutning());
    const inSecond = await client.open(second.uri('b.referat.txt'), withoutBeslutning());
    expect(severities(await items(inFirst))).toEqual([WARNING]);
    expect(severities(await items(inSecond))).toEqual([]);
    const scopes = client.configurationItems.map((item) => item.scopeUri);
    expect(scopes).toContain(secondUri);
    expect(scopes).toContain(pathToFileURL(first.root).href);
    expect(client.configurationItems.every((item) => item.section === 'referat')).toBe(true);
  });

  it("follows a change of one folder's settings", async () => {
    const inFirst = first.uri('a.referat.txt');
    const inSecond = second.uri('b.referat.txt');
    client.scopedSettings.set(secondUri, { rules: { 'required-section': 'error' } });
    await settingsChanged(client, null);
    await eventually(async () => expect(severities(await items(inSecond))).toEqual([ERROR]));
    expect(severities(await items(inFirst))).toEqual([WARNING]);
  });
});

describe('settings per workspace folder (a client the server pushes diagnostics to)', () => {
  let first: TempWorkspace;
  let second: TempWorkspace;
  let client: TestLspClient;

  beforeAll(async () => {
    first = new TempWorkspace();
    second = new TempWorkspace();
    client = await startClient({ rootPath: first.root, moreFolders: [second.root], capabilities: PUSH_CAPABILITIES });
    client.scopedSettings.set(pathToFileURL(second.root).href, { validate: { enable: false } });
  });
  afterAll(async () => {
    await client?.shutdown();
    first?.dispose();
    second?.dispose();
  });

  it('validates only in the folder whose settings leave validation on', async () => {
    const inFirst = await client.open(first.uri('a.referat.txt'), withoutBeslutning());
    const inSecond = await client.open(second.uri('b.referat.txt'), withoutBeslutning());
    await eventually(() => expect(severities(client.lastPublished(inFirst)?.diagnostics)).toEqual([WARNING]));
    await sleep(300);
    expect(client.lastPublished(inSecond)?.diagnostics ?? []).toEqual([]);
  });
});
