// Wires the features to an LSP connection: capabilities, document sync, the workspace index,
// validation (diagnostics, configuration, code actions), and a guard around every handler so
// that a failing request answers with nothing instead of taking the server down (guard.ts).
import { vocabularyOf } from '../vocabulary';
import { fileURLToPath } from 'node:url';
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  TextDocumentSyncKind,
  type CancellationToken,
  type ClientCapabilities,
  type Connection,
  type InitializeParams,
  type ServerCapabilities,
  type WorkDoneProgressServerReporter,
  type WorkspaceFolder,
} from 'vscode-languageserver';
import { localeOf } from '../i18n';
import { CODE_ACTION_KINDS, codeActions } from './codeActions';
import { CREATE_CONFIG_COMMAND, createConfig } from './createConfig';
import { COMPLETION_TRIGGERS, completions } from './completion';
import { ConfigStore, isConfigFile, SETTINGS_SECTION, SettingsStore } from './configuration';
import { CASES_CHANGED_NOTIFICATION } from './caseHistory';
import { Linter, RuleDocs } from './diagnostics';
import { ModelCache, type Logger } from './documents';
import { documentSymbols } from './documentSymbol';
import { foldingRanges } from './folding';
import { formatDocument, formatRange } from './formatting';
import { MembershipCache } from './membership';
import { guardWith } from './guard';
import { isFoldersChange } from './params';
import { registerPreview } from './preview';
import { filePathOf } from './referatFiles';
import { selectionRanges } from './selectionRange';
import { SEMANTIC_TOKENS_LEGEND, SemanticTokensProvider } from './semanticTokens';
import { Validator } from './validator';
import { WorkspaceIndex } from './workspaceIndex';
import { workspaceSymbols } from './workspaceSymbol';
import { registerWritingHelp, writingHelpCapabilities } from './writingHelp';

const SERVER_NAME = 'referat-language-server';
/**
 * The one watcher, asked of the client: files whose changes may add, change or remove a referat
 * (`*.referat.md` is a `*.md`; a `.txt` export may be one) and the config files.
 */
const WATCHED_FILES = '**/{*.referat,*.txt,*.md,referat.config.json}';
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
  let roots: string[] = [];
  const settings = new SettingsStore(log);
  let validator: Validator | undefined;
  const configs = new ConfigStore(
    { ...log, warn: (message) => connection.console.warn(message) },
    { onLoaded: (state) => validator?.configLoaded(state), onRemoved: (_file, uri) => validator?.configRemoved(uri) },
  );
  cache.vocabularyFor = (uri) => vocabularyOf(configs.configFor(uri).config.vocabulary);
  // Replaced at initialize, when the client's language is known.
  let linter = new Linter(cache, configs, settings, 'en', RuleDocs.find(), log, () => index.archive());

  process.on('uncaughtException', (error) => log.error(`Uncaught: ${error.stack ?? error.message}`));
  process.on('unhandledRejection', (reason) => log.error(`Unhandled rejection: ${String(reason)}`));

  connection.onInitialize((params) => {
    client = params.capabilities;
    initialRoots = rootFolders(params);
    roots = [...initialRoots];
    configs.setRoots(roots);
    settings.setRoots(roots);
    // Without watched-file events, config files are checked on disk at every lookup.
    configs.checkDisk = !client.workspace?.didChangeWatchedFiles;
    linter = new Linter(cache, configs, settings, localeOf(params.locale), linter.docs, log, () => index.archive());
    validator = new Validator({
      connection,
      cache,
      index,
      linter,
      settings,
      log,
      pull: Boolean(client.textDocument?.diagnostic),
      refreshSupport: Boolean(client.workspace?.diagnostics?.refreshSupport),
    });
    return { capabilities: serverCapabilities(client), serverInfo: { name: SERVER_NAME } };
  });

  connection.onInitialized(() => {
    if (client.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: WATCHED_FILES }] })
        .catch((error) => log.error(`Could not watch files: ${String(error)}`));
    }
    if (client.workspace?.didChangeConfiguration?.dynamicRegistration) {
      connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION }).catch((error) => log.error(`Could not follow settings: ${String(error)}`));
    }
    if (client.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        if (!isFoldersChange(event)) return log.info('Ignored workspace/didChangeWorkspaceFolders: no event with added and removed folders.');
        index.removeRoots(folderPaths(event.removed));
        scanWithProgress(folderPaths(event.added));
        const removed = folderPaths(event.removed);
        roots = [...roots.filter((root) => !removed.includes(root)), ...folderPaths(event.added)];
        // Untitled documents take the first root's configuration.
        configs.setRoots(roots);
        settings.setRoots(roots);
        validator?.revalidateAll();
      });
    }
    scanWithProgress(initialRoots);
    // Asked for per workspace folder (`scopeUri`): a folder's own settings apply to its referater.
    if (client.workspace?.configuration) settings.reader = (scopeUri) => connection.workspace.getConfiguration({ scopeUri, section: SETTINGS_SECTION });
    void settings.reload().then(() => validator?.scheduleWorkspace(0));
  });

  connection.onDidChangeConfiguration((params) => {
    const pushed = (params?.settings as Record<string, unknown> | null | undefined)?.[SETTINGS_SECTION];
    void settings.reload(pushed).then((changed) => {
      if (changed) validator?.revalidateAll();
    });
  });

  cache.documents.onDidOpen((event) => validator?.opened(event.document.uri));
  cache.documents.onDidChangeContent((event) => validator?.changed(event.document.uri));
  cache.documents.onDidClose((event) => validator?.closed(event.document.uri));
  connection.onShutdown(() => validator?.dispose());

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
    void Promise.all([reporterReady, scanned]).then(([ready]) => {
      ready?.done();
      // The open documents are checked against the referater just read (history-mismatch, duplicate-meeting, ...).
      validator?.archiveChanged();
      casesChanged();
    });
  }

  /** Tells the client that the workspace's cases changed (the Sager view asks again); other clients ignore it. */
  function casesChanged(): void {
    connection.sendNotification(CASES_CHANGED_NOTIFICATION).catch(() => undefined);
  }

  // A closed document is read again from disk: the editor may have held unsaved changes.
  cache.documents.onDidClose((event) => {
    const filePath = filePathOf(event.document.uri);
    if (filePath) void index.refreshFile(filePath);
  });

  connection.onDidChangeWatchedFiles((params) => {
    if (!Array.isArray(params?.changes)) return log.info('Ignored workspace/didChangeWatchedFiles: no changes.');
    const refreshed: Promise<void>[] = [];
    let configChanged = false;
    for (const change of params.changes) {
      if (typeof change?.uri !== 'string') continue;
      const filePath = filePathOf(change.uri);
      if (!filePath) continue;
      if (isConfigFile(filePath)) {
        configs.changed(filePath, change.type === FileChangeType.Deleted);
        configChanged = true;
      } else if (change.type === FileChangeType.Deleted) index.forget(filePath);
      else refreshed.push(index.refreshFile(filePath));
    }
    // Config files are read at once; referater on disk once the index has them.
    void Promise.allSettled(refreshed).then(() => {
      if (configChanged) return validator?.revalidateAll();
      validator?.scheduleWorkspace();
      validator?.archiveChanged();
      casesChanged();
    });
  });

  // The revision, not the client's version: a change that repeats a version number is a change too.
  const guard = guardWith(log, (uri) => cache.documents.get(uri)?.revision);

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

  connection.onCodeAction(
    guard('textDocument/codeAction', [], (params) => codeActions(linter, params, { documentChanges: Boolean(client.workspace?.workspaceEdit?.documentChanges) })),
  );

  connection.onExecuteCommand(
    guard('workspace/executeCommand', null, (params) => {
      if (params.command !== CREATE_CONFIG_COMMAND) return null;
      return createConfig(params.arguments?.[0], {
        connection,
        client: () => client,
        locale: () => linter.locale,
        configs,
        written: (file) => {
          configs.changed(file, false);
          validator?.revalidateAll();
        },
      });
    }),
  );

  connection.languages.diagnostics.on(guard('textDocument/diagnostic', { kind: 'full' as const, items: [] }, (params) => validator!.documentReport(params)));
  connection.languages.diagnostics.onWorkspace(guard('workspace/diagnostic', { items: [] }, (params, token?: CancellationToken) => validator!.workspaceReport(params, token)));

  const semanticTokens = new SemanticTokensProvider(cache);
  // None over referat.validate.maxSize: the grammar colours such a referat.
  const small = (params: { textDocument: { uri: string } }) => !linter.tooLarge(params.textDocument.uri);
  connection.languages.semanticTokens.on(guard('textDocument/semanticTokens/full', { data: [] }, (params) => (small(params) ? semanticTokens.full(params) : { data: [] })));
  connection.languages.semanticTokens.onDelta(
    guard('textDocument/semanticTokens/full/delta', { data: [] }, (params) => (small(params) ? semanticTokens.delta(params) : { data: [] })),
  );
  connection.languages.semanticTokens.onRange(guard('textDocument/semanticTokens/range', { data: [] }, (params) => (small(params) ? semanticTokens.range(params) : { data: [] })));

  registerWritingHelp(connection, { cache, configs, index, log, guard, client: () => client, locale: () => linter.locale });
  registerPreview(connection, { cache, guard, linter: () => linter, settings });

  const completionMemberships = new MembershipCache(configs);
  connection.onCompletion(
    guard('textDocument/completion', null, (params) => {
      const open = cache.get(params.textDocument.uri);
      if (!open) return null;
      const snippets = Boolean(client.textDocument?.completion?.completionItem?.snippetSupport);
      return completions(open.document, open.model, params.position, { locale: linter.locale, snippets, membership: completionMemberships.for(open.document.uri, open.model) });
    }),
  );
  connection.onDocumentFormatting(
    guard('textDocument/formatting', null, (params) => {
      const open = cache.get(params.textDocument.uri);
      return open ? formatDocument(open) : null;
    }),
  );
  connection.onDocumentRangeFormatting(
    guard('textDocument/rangeFormatting', null, (params) => {
      const open = cache.get(params.textDocument.uri);
      return open ? formatRange(open, params.range) : null;
    }),
  );

  cache.listen(connection);
  connection.listen();
}

function serverCapabilities(client: ClientCapabilities): ServerCapabilities {
  return {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
    documentSymbolProvider: { label: 'Referat' },
    foldingRangeProvider: true,
    selectionRangeProvider: true,
    workspaceSymbolProvider: true,
    ...writingHelpCapabilities(client),
    completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: false },
    documentFormattingProvider: true,
    documentRangeFormattingProvider: true,
    semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: { delta: true }, range: true },
    executeCommandProvider: { commands: [CREATE_CONFIG_COMMAND] },
    codeActionProvider: client.textDocument?.codeAction?.codeActionLiteralSupport ? { codeActionKinds: CODE_ACTION_KINDS, resolveProvider: false } : true,
    ...(client.textDocument?.diagnostic ? { diagnosticProvider: { identifier: 'referat', interFileDependencies: true, workspaceDiagnostics: true } } : {}),
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

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
