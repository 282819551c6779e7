// The quick fix on `unconfigured-committee` over a real stdio connection: offered where no
// referat.config.json applies, it writes the one `referat init` would, opens it, says what to
// check, and the committee's decisions are checked from then on.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic, DocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { REPO_ROOT, type TestLspClient } from '../helpers/lsp-client';
import { eventually, PULL_CAPABILITIES, startClient, VOTE_SEED } from './diagnostics.helpers';
import { readSeed } from '../helpers/golden';

const TITLE = 'Create referat.config.json from the minutes in this folder';
const CAPABILITIES = { ...PULL_CAPABILITIES, window: { ...PULL_CAPABILITIES.window, showDocument: { support: true } } };

describe('quick fix: create referat.config.json from the minutes in this folder', () => {
  let root: string;
  let client: TestLspClient;
  const shown: string[] = [];
  const messages: string[] = [];
  const uri = () => pathToFileURL(path.join(root, VOTE_SEED)).href;

  const diagnostics = async (): Promise<Diagnostic[]> => {
    const report = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: uri() } });
    return report.kind === 'full' ? report.items : [];
  };
  const unconfigured = (ds: Diagnostic[]) => ds.filter((d) => d.code === 'unconfigured-committee');
  /** The committee an unconfigured-committee diagnostic names. */
  const committeeOf = (d: Diagnostic) => /members of (.+?) are/.exec(String(d.message))?.[1];
  const actionsFor = (ds: Diagnostic[]) =>
    client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: uri() }, range: ds[0].range, context: { diagnostics: ds } });

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'referat-create-config-'));
    for (const seed of [VOTE_SEED, '004_c859f8f3d45ba66d.txt']) copyFileSync(path.join(REPO_ROOT, 'test/fixtures/seeds', seed), path.join(root, seed));
    client = await startClient({ rootPath: root, capabilities: CAPABILITIES });
    client.connection.onRequest('window/showDocument', (params: { uri: string }) => (shown.push(params.uri), { success: true }));
    client.connection.onNotification('window/showMessage', (params: { message: string }) => void messages.push(params.message));
    client.connection.onRequest('window/showMessageRequest', (params: { message: string }) => (messages.push(params.message), null));
    await client.open(uri(), readSeed(VOTE_SEED));
  });
  afterAll(async () => {
    await client?.shutdown();
    rmSync(root, { recursive: true, force: true });
  });

  it('is offered on unconfigured-committee where no configuration applies, and writes what referat init writes', async () => {
    const before = unconfigured(await diagnostics());
    // The meeting's own committee (Beskæftigelses- og Socialudvalget) and the two others of joint punkter.
    expect(before.map(committeeOf)).toEqual(['Beskæftigelses- og Socialudvalget', 'Børn- og Ungeudvalget', 'Ældre- og Handicapudvalget']);
    expect(client.initializeResult.capabilities.executeCommandProvider?.commands).toContain('referat.createConfig');

    const actions = await actionsFor(before.slice(0, 1));
    const create = actions.find((a) => a.title === TITLE);
    expect(create).toMatchObject({ kind: 'quickfix', command: { command: 'referat.createConfig', arguments: [pathToFileURL(root).href] } });

    const result = await client.request<{ file: string; committees: number; members: number }>('workspace/executeCommand', {
      command: create!.command!.command,
      arguments: create!.command!.arguments,
    });
    const file = path.join(root, 'referat.config.json');
    expect(result).toEqual({ file, committees: 1, members: 5 });
    const cli = spawnSync(process.execPath, [path.join(REPO_ROOT, 'dist/cli.js'), 'init', '--dry-run', root], { encoding: 'utf8' });
    expect(readFileSync(file, 'utf8')).toBe(cli.stdout);
    expect(shown).toEqual([pathToFileURL(file).href]);
    await eventually(() => expect(messages.length).toBe(1));
    expect(messages.at(-1)).toMatch(
      /^Wrote .*referat\.config\.json \(committees: 1, members: 5, referater read: 2\)\. Check it: \d+ uncertain points are listed in the Referat output\.$/,
    );

    // The committee is known now: only the joint punkter's other committees are left unchecked, and no fix creates a file again.
    const after = unconfigured(await diagnostics());
    expect(after.map(committeeOf)).toEqual(['Børn- og Ungeudvalget', 'Ældre- og Handicapudvalget']);
    expect((await actionsFor(after)).map((a) => a.title)).not.toContain(TITLE);
  });

  it('never writes over a configuration that is there', async () => {
    const file = path.join(root, 'referat.config.json');
    expect(existsSync(file)).toBe(true);
    const before = readFileSync(file, 'utf8');
    const result = await client.request('workspace/executeCommand', { command: 'referat.createConfig', arguments: [pathToFileURL(root).href] });
    expect(result).toEqual({ file: null, committees: 0, members: 0 });
    expect(readFileSync(file, 'utf8')).toBe(before);
    await eventually(() => expect(messages.at(-1)).toBe(`${file} is there already; nothing written.`));
  });
});
