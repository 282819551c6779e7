// Settings per workspace folder, over stdio: the server asks for the `referat` section with the
// folder's `scopeUri` when it validates a document there, so a folder's own settings (VS Code's
// .vscode/settings.json of that folder) apply to its referater, and asks again after a change.
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientCapabilities, Diagnostic } from 'vscode-languageserver-protocol';
import type { TestLspClient } from '../helpers/lsp-client';
import { eventually, PULL_CAPABILITIES, pulledItems, PUSH_CAPABILITIES, settingsChanged, sleep, startClient, TempWorkspace, withoutBeslutning } from './diagnostics.helpers';

const ERROR = 1;
const WARNING = 2;
const severities = (diagnostics: Diagnostic[] | undefined) => (diagnostics ?? []).filter((d) => d.code === 'required-section').map((d) => d.severity);

interface TwoFolders {
  first: TempWorkspace;
  second: TempWorkspace;
  secondUri: string;
  client: TestLspClient;
}

/** A client of a workspace of two folders, the second with settings of its own (set up before the tests, ended after them). */
function twoFolders(capabilities: ClientCapabilities, secondSettings: Record<string, unknown>): TwoFolders {
  const folders = {} as TwoFolders;
  beforeAll(async () => {
    folders.first = new TempWorkspace();
    folders.second = new TempWorkspace();
    folders.secondUri = pathToFileURL(folders.second.root).href;
    folders.client = await startClient({ rootPath: folders.first.root, moreFolders: [folders.second.root], capabilities });
    folders.client.scopedSettings.set(folders.secondUri, secondSettings);
  });
  afterAll(async () => {
    await folders.client?.shutdown();
    folders.first?.dispose();
    folders.second?.dispose();
  });
  return folders;
}

describe('settings per workspace folder (a pulling client)', () => {
  const folders = twoFolders(PULL_CAPABILITIES, { rules: { 'required-section': 'off' } });

  it("asks with the folder's scopeUri and applies that folder's settings to its referater only", async () => {
    const { client, first, second, secondUri } = folders;
    const inFirst = await client.open(first.uri('a.referat.txt'), withoutBeslutning());
    const inSecond = await client.open(second.uri('b.referat.txt'), withoutBeslutning());
    expect(severities(await pulledItems(client, inFirst))).toEqual([WARNING]);
    expect(severities(await pulledItems(client, inSecond))).toEqual([]);
    const scopes = client.configurationItems.map((item) => item.scopeUri);
    expect(scopes).toContain(secondUri);
    expect(scopes).toContain(pathToFileURL(first.root).href);
    expect(client.configurationItems.every((item) => item.section === 'referat')).toBe(true);
  });

  it("follows a change of one folder's settings", async () => {
    const { client, first, second, secondUri } = folders;
    client.scopedSettings.set(secondUri, { rules: { 'required-section': 'error' } });
    await settingsChanged(client, null);
    await eventually(async () => expect(severities(await pulledItems(client, second.uri('b.referat.txt')))).toEqual([ERROR]));
    expect(severities(await pulledItems(client, first.uri('a.referat.txt')))).toEqual([WARNING]);
  });
});

describe('settings per workspace folder (a client the server pushes diagnostics to)', () => {
  const folders = twoFolders(PUSH_CAPABILITIES, { validate: { enable: false } });

  it('validates only in the folder whose settings leave validation on', async () => {
    const { client, first, second } = folders;
    const inFirst = await client.open(first.uri('a.referat.txt'), withoutBeslutning());
    const inSecond = await client.open(second.uri('b.referat.txt'), withoutBeslutning());
    await eventually(() => expect(severities(client.lastPublished(inFirst)?.diagnostics)).toEqual([WARNING]));
    await sleep(300);
    expect(client.lastPublished(inSecond)?.diagnostics ?? []).toEqual([]);
  });
});
