// Wires the features to an LSP connection: capabilities, document sync, the workspace index,
// and a guard around every handler so that a failing request answers with nothing instead
// of taking the server down.
import { fileURLToPath } from 'node:url';
import {
  DidChangeWatchedFilesNotification,
  FileChangeType,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type Connection,
  type InitializeParams,
  type ServerCapabilities,
  type WorkDoneProgressServerReporter,
  type WorkspaceFolder,
} from 'vscode-languageserver';
import { ModelCache, type Logger } from './documents';
import { documentSymbols } from './documentSymbol';
import { foldingRanges } from './folding';
import { filePathOf } from './referatFiles';
import { selectionRanges } from './selectionRange';
import { WorkspaceIndex } from './workspaceIndex';
import { workspaceSymbols } from './workspaceSymbol';

const SERVER_NAME = 'referat-language-server';
/** Files whose changes may add, change or remove a referat (`*.referat.md` is a `*.md`). */
const WATCHED_FILES = '**/*.{referat,txt,md}';
/** The first workspace symbol request waits for the initial scan at most this long. */
const SCAN_WAIT_MS = 10_000;

export function startLanguageServer(connection: Connection): void {
  const log: Logger = {
    error: (message) => connection.console.error(message),
    info: (message) => connection.console.info(message),
  };
  const cache = new ModelCache(log);
  const index = new WorkspaceIndex(cache, log);
  let client: ClientCapabilities = {};
  let initialRoots: string[] = [];

  process.on('uncaughtException', (error) => log.error(`Uncaught: ${error.stack ?? error.message}`));
  process.on('unhandledRejection', (reason) => log.error(`Unhandled rejection: ${String(reason)}`));

  connection.onInitialize((params) => {
    client = params.capabilities;
    initialRoots = rootFolders(params);
    return { capabilities: serverCapabilities(client), serverInfo: { name: SERVER_NAME } };
  });

  connection.onInitialized(() => {
    if (client.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: WATCHED_FILES }] })
        .catch((error) => log.error(`Could not watch files: ${String(error)}`));
    }
    if (client.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        index.removeRoots(folderPaths(event.removed));
        scanWithProgress(folderPaths(event.added));
      });
    }
    scanWithProgress(initialRoots);
  });

  /** Starts the scan at once (a symbol request must wait for it) and shows progress when the client can. */
  function scanWithProgress(roots: string[]): void {
    if (roots.length === 0) return;
    const reporterReady = client.window?.workDoneProgress
      ? connection.window.createWorkDoneProgress().then(
          (reporter) => (reporter.begin('Indexing referater', 0, undefined, false), reporter),
          () => undefined,
        )
      : Promise.resolve(undefined);
    let reporter: WorkDoneProgressServerReporter | undefined;
    void reporterReady.then((ready) => (reporter = ready));
    const scanned = index.addRoots(roots, { report: (message, percentage) => reporter?.report(percentage ?? 0, message) });
    void Promise.all([reporterReady, scanned]).then(([ready]) => ready?.done());
  }

  // A closed document is read again from disk: the editor may have held unsaved changes.
  cache.documents.onDidClose((event) => {
    const filePath = filePathOf(event.document.uri);
    if (filePath) void index.refreshFile(filePath);
  });

  connection.onDidChangeWatchedFiles((params) => {
    for (const change of params.changes) {
      const filePath = filePathOf(change.uri);
      if (!filePath) continue;
      if (change.type === FileChangeType.Deleted) index.forget(filePath);
      else void index.refreshFile(filePath);
    }
  });

  const guard = guardWith(log);

  connection.onDocumentSymbol(
    guard('textDocument/documentSymbol', null, (params) => {
      const open = cache.get(params.textDocument.uri);
      return open ? documentSymbols(open.document, open.model) : null;
    }),
  );

  connection.onFoldingRanges(
    guard('textDocument/foldingRange', null, (params) => {
      const open = cache.get(params.textDocument.uri);
      return open ? foldingRanges(open.document, open.model, client.textDocument?.foldingRange?.rangeLimit) : null;
    }),
  );

  connection.onSelectionRanges(
    guard('textDocument/selectionRange', null, (params) => {
      const open = cache.get(params.textDocument.uri);
      return open ? selectionRanges(open.document, open.model, params.positions) : null;
    }),
  );

  connection.onWorkspaceSymbol(
    guard('workspace/symbol', [], async (params) => {
      await Promise.race([index.whenScanned(), delay(SCAN_WAIT_MS)]);
      return workspaceSymbols(index.referater(), params.query);
    }),
  );

  cache.documents.listen(connection);
  connection.listen();
}

function serverCapabilities(client: ClientCapabilities): ServerCapabilities {
  return {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
    documentSymbolProvider: { label: 'Referat' },
    foldingRangeProvider: true,
    selectionRangeProvider: true,
    workspaceSymbolProvider: true,
    ...(client.workspace?.workspaceFolders ? { workspace: { workspaceFolders: { supported: true, changeNotifications: true } } } : {}),
  };
}

/** The workspace folders on disk, from `workspaceFolders`, else `rootUri`, else `rootPath`. */
function rootFolders(params: InitializeParams): string[] {
  if (params.workspaceFolders?.length) return folderPaths(params.workspaceFolders);
  if (params.rootUri) return folderPaths([{ uri: params.rootUri, name: '' }]);
  return params.rootPath ? [params.rootPath] : [];
}

function folderPaths(folders: WorkspaceFolder[]): string[] {
  return folders.flatMap((folder) => {
    if (!folder.uri.startsWith('file:')) return [];
    try {
      return [fileURLToPath(folder.uri)];
    } catch {
      return [];
    }
  });
}

/** Wraps a request handler: errors are logged and answered with `fallback`. */
function guardWith(log: Logger) {
  return <P, R>(method: string, fallback: R, handler: (params: P) => R | Promise<R>) =>
    async (params: P): Promise<R> => {
      try {
        return await handler(params);
      } catch (error) {
        log.error(`${method} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        return fallback;
      }
    };
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
