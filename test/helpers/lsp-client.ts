// A minimal LSP client for tests: spawns `node dist/server.js --stdio` and speaks JSON-RPC to it.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

export const REPO_ROOT = path.resolve(__dirname, '../..');
export const SERVER_PATH = path.join(REPO_ROOT, 'dist/server.js');

/** Fails with a message that says what to do, rather than a spawn error. */
export function requireBuiltServer(): string {
  if (!existsSync(SERVER_PATH)) {
    throw new Error(`${path.relative(REPO_ROOT, SERVER_PATH)} is missing: run \`npm run build\` first (\`npm test\` does).`);
  }
  return SERVER_PATH;
}

/** Capabilities of a modern client: hierarchical symbols, progress, watched files, workspace folders. */
export const CLIENT_CAPABILITIES: ClientCapabilities = {
  textDocument: {
    synchronization: { dynamicRegistration: false },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    foldingRange: { lineFoldingOnly: true },
    selectionRange: {},
  },
  workspace: {
    symbol: {},
    workspaceFolders: true,
    didChangeWatchedFiles: { dynamicRegistration: true },
  },
  window: { workDoneProgress: true },
};

export interface ProgressEvent {
  token: string | number;
  value: { kind: 'begin' | 'report' | 'end'; title?: string; message?: string; percentage?: number };
}

export interface TestClientOptions {
  /** The workspace folder; a fresh temp folder when not given (removed on shutdown). */
  rootPath?: string;
  capabilities?: ClientCapabilities;
  /** The client's language (initialize `locale`), e.g. `da`. */
  locale?: string;
  /** What `workspace/configuration` answers for the `referat` section (null when not given). */
  settings?: Record<string, unknown>;
  /** More workspace folders after `rootPath`. */
  moreFolders?: string[];
}

export class TestLspClient {
  readonly progress: ProgressEvent[] = [];
  readonly registrations: unknown[] = [];
  readonly logMessages: string[] = [];
  /** How many `referat/casesChanged` notifications came. */
  casesChanged = 0;
  /** Every textDocument/publishDiagnostics, in the order received. */
  readonly published: PublishDiagnosticsParams[] = [];
  /** The `referat` settings section answered to workspace/configuration; change it and notify didChangeConfiguration. */
  settings: Record<string, unknown> | null = null;
  /** Settings of a scope (a workspace folder's URI), answered instead of `settings` when asked with that `scopeUri`. */
  readonly scopedSettings = new Map<string, Record<string, unknown> | null>();
  /** Every item of every workspace/configuration request, in the order asked. */
  readonly configurationItems: { scopeUri?: string; section?: string }[] = [];
  stderr = '';
  initializeResult!: InitializeResult;
  private exited: Promise<number | null>;
  private versions = new Map<string, number>();

  private constructor(
    readonly process: ChildProcessWithoutNullStreams,
    readonly connection: ProtocolConnection,
    readonly rootPath: string,
    private readonly ownsRoot: boolean,
  ) {
    this.exited = new Promise((resolve) => process.once('exit', (code) => resolve(code)));
    process.stderr.on('data', (chunk) => (this.stderr += String(chunk)));
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onRequest('client/registerCapability', (params) => (this.registrations.push(params), null));
    connection.onRequest('workspace/configuration', (params: { items: { scopeUri?: string; section?: string }[] }) =>
      params.items.map((item) => {
        this.configurationItems.push(item);
        const scoped = item.scopeUri !== undefined && this.scopedSettings.has(item.scopeUri);
        return settingAt(scoped ? this.scopedSettings.get(item.scopeUri!)! : this.settings, item.section);
      }),
    );
    connection.onNotification('$/progress', (params: ProgressEvent) => void this.progress.push(params));
    connection.onNotification('window/logMessage', (params: { message: string }) => void this.logMessages.push(params.message));
    connection.onNotification('referat/casesChanged', () => void this.casesChanged++);
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => void this.published.push(params));
    connection.listen();
  }

  static async start(options: TestClientOptions = {}): Promise<TestLspClient> {
    const serverPath = requireBuiltServer();
    const ownsRoot = !options.rootPath;
    const rootPath = options.rootPath ?? mkdtempSync(path.join(tmpdir(), 'referat-lsp-'));
    const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: 'pipe' });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new TestLspClient(child, connection, rootPath, ownsRoot);
    client.settings = options.settings ?? null;
    const rootUri = pathToFileURL(rootPath).href;
    client.initializeResult = await client.request<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [rootPath, ...(options.moreFolders ?? [])].map((folder) => ({ uri: pathToFileURL(folder).href, name: path.basename(folder) })),
      capabilities: options.capabilities ?? CLIENT_CAPABILITIES,
      ...(options.locale ? { locale: options.locale } : {}),
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  request<R>(method: string, params: unknown, timeoutMs = 15_000): Promise<R> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${method} got no answer in ${timeoutMs} ms. Server stderr:\n${this.stderr}`)), timeoutMs);
    });
    return Promise.race([this.connection.sendRequest<R>(method, params), timeout]).finally(() => clearTimeout(timer));
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  /** The version last sent for an open document. */
  version(uri: string): number | undefined {
    return this.versions.get(uri);
  }

  /** The diagnostics last published for a URI (undefined when none were). */
  lastPublished(uri: string): PublishDiagnosticsParams | undefined {
    for (let i = this.published.length - 1; i >= 0; i--) if (this.published[i].uri === uri) return this.published[i];
    return undefined;
  }

  /** Opens a document with the given text; returns its URI. */
  async open(uri: string, text: string, languageId = 'referat'): Promise<string> {
    this.versions.set(uri, 1);
    await this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return uri;
  }

  /** Opens a file from disk under its own `file:` URI. */
  openFile(filePath: string, languageId = 'referat'): Promise<string> {
    return this.open(pathToFileURL(filePath).href, readFileSync(filePath, 'utf8'), languageId);
  }

  /** Replaces the whole text of an open document. */
  async replaceText(uri: string, text: string): Promise<void> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  async close(uri: string): Promise<void> {
    this.versions.delete(uri);
    await this.notify('textDocument/didClose', { textDocument: { uri } });
  }

  /** shutdown + exit; kills the server if it has not gone within `timeoutMs`. Returns its exit code. */
  async shutdown(timeoutMs = 5000): Promise<number | null> {
    const timeout = (ms: number) => new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), ms).unref());
    try {
      if (this.process.exitCode === null) {
        await Promise.race([this.connection.sendRequest('shutdown'), timeout(timeoutMs)]);
        await this.connection.sendNotification('exit');
      }
    } catch {
      // The server may already be gone; the kill below covers it.
    }
    const result = await Promise.race([this.exited, timeout(timeoutMs)]);
    if (result === 'timeout') this.process.kill('SIGKILL');
    this.connection.dispose();
    if (this.ownsRoot) rmSync(this.rootPath, { recursive: true, force: true });
    return result === 'timeout' ? null : result;
  }
}

/** The value of `section` (`referat`, `referat.rules`, ...) inside the `referat` settings, or null. */
function settingAt(settings: Record<string, unknown> | null, section: string | undefined): unknown {
  if (!settings || !section || (section !== 'referat' && !section.startsWith('referat.'))) return null;
  let value: unknown = settings;
  for (const key of section.split('.').slice(1)) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return value ?? null;
}

/** Asks again until `check` passes (the server works in the background) or `timeoutMs` is over. */
export async function eventually<T>(check: () => T | Promise<T>, timeoutMs = 8000, intervalMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}
