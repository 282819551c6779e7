// Shared by the diagnostics and code action tests: seeds made to break a rule, a workspace with
// a referat.config.json, clients that pull or are pushed to, and applying a WorkspaceEdit.
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ClientCapabilities, Diagnostic, DocumentDiagnosticReport, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { readReferat } from '../../server/src/reader';
import { lint, type LintOptions } from '../../server/src/rules';
import { applyEdits } from '../../server/src/rules/fix';
import { readSeed, seedsDir } from '../helpers/golden';
import { CLIENT_CAPABILITIES, eventually, TestLspClient, type TestClientOptions } from '../helpers/lsp-client';

/** Has no findings with the default configuration. */
export const CLEAN_SEED = '004_c859f8f3d45ba66d.txt';
/** Has a 2-2 vote on an ændringsforslag, `Ændringsforslaget er dermed forkastet.` */
export const VOTE_SEED = '002_00cfbdd4d29f5775.txt';

const lines = (text: string) => text.split('\n');

/** 004 without the Beslutning heading of punkt 2 (line 70) and, with `both`, of punkt 4 (line 380). */
export function withoutBeslutning(both = false): string {
  const all = lines(readSeed(CLEAN_SEED));
  const drop = both ? [380, 70] : [70];
  for (const line of drop) {
    if (!/Beslutning\s*$/.test(all[line - 1])) throw new Error(`line ${line} of ${CLEAN_SEED} is no Beslutning heading: ${all[line - 1]}`);
    all.splice(line - 1, 2);
  }
  return all.join('\n');
}

/** 002 with the 2-2 vote said to have adopted the ændringsforslag. */
export function withWrongOutcome(): string {
  const text = readSeed(VOTE_SEED);
  const wrong = text.replace('Ændringsforslaget er dermed forkastet.', 'Ændringsforslaget er dermed vedtaget.');
  if (wrong === text) throw new Error(`${VOTE_SEED} has no forkastet outcome any more`);
  return wrong;
}

/** What the rules find in a text, straight from the core. */
export function coreFindings(text: string, options: LintOptions = {}) {
  return lint(readReferat(text), text, options);
}

export const PULL_CAPABILITIES: ClientCapabilities = {
  ...CLIENT_CAPABILITIES,
  textDocument: {
    ...CLIENT_CAPABILITIES.textDocument,
    diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
    codeAction: codeActionCapabilities(),
  },
  workspace: { ...CLIENT_CAPABILITIES.workspace, configuration: true, diagnostics: { refreshSupport: true }, didChangeConfiguration: {} },
};

export const PUSH_CAPABILITIES: ClientCapabilities = {
  ...CLIENT_CAPABILITIES,
  textDocument: {
    ...CLIENT_CAPABILITIES.textDocument,
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true },
    codeAction: codeActionCapabilities(),
  },
  workspace: { ...CLIENT_CAPABILITIES.workspace, configuration: true, didChangeConfiguration: {} },
};

function codeActionCapabilities() {
  return {
    codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
    isPreferredSupport: true,
  };
}

/** A temp folder with a referat.config.json and the seeds; removed by `dispose`. */
export class TempWorkspace {
  readonly root = mkdtempSync(path.join(tmpdir(), 'referat-validate-'));
  readonly configPath = path.join(this.root, 'referat.config.json');
  readonly configUri = pathToFileURL(this.configPath).href;

  constructor(config: unknown = { rules: {} }, seeds: string[] = []) {
    this.writeConfig(config);
    for (const seed of seeds) copyFileSync(path.join(seedsDir, seed), path.join(this.root, seed));
  }

  writeConfig(config: unknown): void {
    writeFileSync(this.configPath, typeof config === 'string' ? config : JSON.stringify(config, null, 2));
  }

  uri(name: string): string {
    return pathToFileURL(path.join(this.root, name)).href;
  }

  file(name: string, text: string): string {
    writeFileSync(path.join(this.root, name), text);
    return this.uri(name);
  }

  dispose(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

/** A client that counts the server's diagnostic refresh requests. */
export async function startClient(options: TestClientOptions): Promise<TestLspClient & { refreshes: number }> {
  const client = (await TestLspClient.start(options)) as TestLspClient & { refreshes: number };
  client.refreshes = 0;
  client.connection.onRequest('workspace/diagnostic/refresh', () => (client.refreshes++, null));
  return client;
}

/** The diagnostics of a document, pulled (textDocument/diagnostic, a full report). */
export async function pulledItems(client: TestLspClient, uri: string): Promise<Diagnostic[]> {
  const report = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
  if (report.kind !== 'full') throw new Error('expected a full report');
  return report.items;
}

/** Tells the server that the config file changed on disk. */
export function configChanged(client: TestLspClient, workspace: TempWorkspace, type: 1 | 2 | 3 = 2): Promise<void> {
  return client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: workspace.configUri, type }] });
}

export function settingsChanged(client: TestLspClient, settings: Record<string, unknown> | null): Promise<void> {
  client.settings = settings;
  return client.notify('workspace/didChangeConfiguration', { settings: null });
}

export { eventually };

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The edits of a WorkspaceEdit for one document, whether as `changes` or `documentChanges`. */
export function editsFor(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
  if (!edit) return [];
  if (edit.changes) return edit.changes[uri] ?? [];
  return (edit.documentChanges ?? []).flatMap((change) => ('textDocument' in change && change.textDocument.uri === uri ? (change.edits as TextEdit[]) : []));
}

export function applyWorkspaceEdit(text: string, edit: WorkspaceEdit | undefined, uri: string): string {
  const result = applyEdits(text, editsFor(edit, uri));
  if (result.skipped.length) throw new Error(`overlapping edits in one WorkspaceEdit: ${JSON.stringify(result.skipped)}`);
  return result.text;
}

/** Diagnostics without their positions, to compare before and after an edit that moves lines. */
export const unplaced = (diagnostics: Diagnostic[]) => diagnostics.map((d) => `${d.code} ${d.severity} ${d.message}`).sort();
