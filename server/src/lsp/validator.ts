// When diagnostics reach the client. A client that can pull (textDocument/diagnostic) asks for
// them and gets `unchanged` while nothing changed; any other client gets them pushed after a
// pause in typing, and only for the version it still has. Never both for one document.
// Problems in referat.config.json are always pushed: clients pull only for referat documents.
import { promises as fsp, statSync } from 'node:fs';
import {
  DocumentDiagnosticReportKind,
  type CancellationToken,
  type Connection,
  type Diagnostic,
  type DocumentDiagnosticParams,
  type DocumentDiagnosticReport,
  type WorkspaceDiagnosticParams,
  type WorkspaceDiagnosticReport,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver';
import { decode } from '../host/files';
import type { ConfigFileState, SettingsStore } from './configuration';
import { configDiagnostics, resultIdOf, type Linter } from './diagnostics';
import type { Logger, ModelCache } from './documents';
import { filePathOf, uriKey } from './referatFiles';
import type { WorkspaceIndex } from './workspaceIndex';

/** Requests for workspace diagnostics wait for the first scan at most this long. */
const SCAN_WAIT_MS = 10_000;
/** Pause after files changed on disk before the workspace's diagnostics are pushed again. */
const WORKSPACE_DELAY_MS = 300;

export interface ValidatorOptions {
  connection: Connection;
  cache: ModelCache;
  index: WorkspaceIndex;
  linter: Linter;
  settings: SettingsStore;
  log: Logger;
  /** The client pulls diagnostics (it declared `textDocument.diagnostic`). */
  pull: boolean;
  /** The client accepts workspace/diagnostic/refresh. */
  refreshSupport: boolean;
}

interface DiskResult {
  uri: string;
  key: string;
  resultId: string;
  diagnostics: Diagnostic[];
}

export class Validator {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Push: the revision last published per open document. */
  private readonly publishedRevision = new Map<string, number>();
  /** Push: what was last published per open document (revision and result id), not sent again. */
  private readonly publishedResult = new Map<string, string>();
  /** Push: open documents last published with problems, so that clearing them is not forgotten. */
  private readonly withProblems = new Set<string>();
  /** Files not open, by `uriKey`: their last lint. */
  private readonly disk = new Map<string, DiskResult>();
  /** Files not open whose diagnostics the client has (pushed or reported), by `uriKey`: result id. */
  private readonly shown = new Map<string, { uri: string; resultId: string }>();
  /** Config files published with problems. */
  private readonly configsShown = new Set<string>();
  private workspaceTimer: NodeJS.Timeout | undefined;
  /** Push: opened, its first content event not seen yet. */
  private readonly justOpened = new Set<string>();

  constructor(private readonly o: ValidatorOptions) {}

  // ---- open documents -------------------------------------------------------------------

  opened(uri: string): void {
    if (this.o.pull) return;
    // The open document's diagnostics replace the ones from disk.
    this.shown.delete(uriKey(uri));
    this.justOpened.add(uri);
    this.schedule(uri, 0);
  }

  changed(uri: string): void {
    if (this.o.pull) return;
    // The content event that follows every open: validated at once already.
    if (this.justOpened.delete(uri)) return;
    this.schedule(uri, this.o.settings.for(uri).debounceMs);
    // The other open referater are checked against this one too (a pulling client asks again itself: interFileDependencies).
    for (const other of this.o.cache.documents.keys()) if (other !== uri && !this.timers.has(other)) this.schedule(other, WORKSPACE_DELAY_MS);
  }

  /** A pulling client that can be told so asks for every open document's diagnostics again. */
  private askClientToPull(): void {
    if (this.o.refreshSupport) this.o.connection.languages.diagnostics.refresh().catch((error) => this.o.log.error(`Diagnostic refresh failed: ${String(error)}`));
  }

  /** The workspace's referater changed on disk or were first read: the open documents are checked against them again. */
  archiveChanged(): void {
    if (this.o.pull) {
      this.askClientToPull();
      return;
    }
    for (const uri of this.o.cache.documents.keys()) if (!this.timers.has(uri)) this.schedule(uri, WORKSPACE_DELAY_MS);
  }

  closed(uri: string): void {
    this.justOpened.delete(uri);
    this.cancel(uri);
    this.publishedRevision.delete(uri);
    this.publishedResult.delete(uri);
    if (this.o.pull) return;
    if (this.withProblems.delete(uri)) this.send(uri, []);
    if (this.o.settings.for(uri).workspace) this.scheduleWorkspace();
  }

  /** After the configuration or the settings changed: every open document now, and the workspace. */
  revalidateAll(): void {
    if (this.o.pull) {
      this.askClientToPull();
      return;
    }
    for (const uri of this.o.cache.documents.keys()) {
      this.cancel(uri);
      void this.validate(uri);
    }
    this.scheduleWorkspace(0);
  }

  private schedule(uri: string, delayMs: number): void {
    this.cancel(uri);
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        void this.validate(uri);
      }, delayMs),
    );
  }

  private cancel(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
  }

  /** Push: lints the document as it is now and publishes, unless a newer version has come in meanwhile. */
  async validate(uri: string): Promise<void> {
    try {
      await this.o.settings.ready(uri);
      const document = this.o.cache.documents.get(uri);
      if (!document) return;
      const { version, revision } = document;
      const linted = this.o.settings.for(uri).enable ? this.o.linter.open(uri) : undefined;
      // Not a referat (any more) and nothing shown: nothing to say.
      if (!linted && !this.withProblems.has(uri)) return;
      const current = this.o.cache.documents.get(uri);
      if (!current || current.revision !== revision) return;
      if ((this.publishedRevision.get(uri) ?? -Infinity) > revision) return;
      const diagnostics = linted?.diagnostics ?? [];
      const published = `${version}:${revision}:${resultIdOf(diagnostics)}`;
      if (this.publishedResult.get(uri) === published) return;
      this.publishedResult.set(uri, published);
      this.publishedRevision.set(uri, revision);
      if (diagnostics.length) this.withProblems.add(uri);
      else this.withProblems.delete(uri);
      this.send(uri, diagnostics, version);
    } catch (error) {
      this.o.log.error(`Validation of ${uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }

  private send(uri: string, diagnostics: Diagnostic[], version?: number): void {
    this.o.connection.sendDiagnostics({ uri, diagnostics, ...(version === undefined ? {} : { version }) }).catch(() => undefined);
  }

  // ---- pull ------------------------------------------------------------------------------

  async documentReport(params: DocumentDiagnosticParams): Promise<DocumentDiagnosticReport> {
    const uri = params.textDocument.uri;
    await this.o.settings.ready(uri);
    const diagnostics = this.o.settings.for(uri).enable ? (this.o.linter.open(uri)?.diagnostics ?? []) : [];
    const resultId = resultIdOf(diagnostics);
    if (params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
    return { kind: DocumentDiagnosticReportKind.Full, resultId, items: diagnostics };
  }

  async workspaceReport(params: WorkspaceDiagnosticParams, token?: CancellationToken): Promise<WorkspaceDiagnosticReport> {
    await this.o.settings.ready();
    await Promise.race([this.o.index.whenScanned(), delay(SCAN_WAIT_MS)]);
    const previous = new Map(params.previousResultIds.map((p) => [uriKey(p.uri), p.value]));
    const items: WorkspaceDocumentDiagnosticReport[] = [];
    for await (const entry of this.walkWorkspace(token)) {
      if (entry.result === undefined) {
        items.push({ kind: DocumentDiagnosticReportKind.Full, uri: entry.gone, version: null, items: [] });
        continue;
      }
      const { key, result } = entry;
      if (previous.get(key) === result.resultId) {
        items.push({ kind: DocumentDiagnosticReportKind.Unchanged, uri: result.uri, version: null, resultId: result.resultId });
      } else {
        items.push({ kind: DocumentDiagnosticReportKind.Full, uri: result.uri, version: null, resultId: result.resultId, items: result.diagnostics });
      }
    }
    return { items };
  }

  // ---- the workspace: files not open --------------------------------------------------------

  /** Push: after the first scan, when files changed on disk, after a document was closed. */
  scheduleWorkspace(delayMs = WORKSPACE_DELAY_MS): void {
    if (this.o.pull || (!this.o.settings.anyWorkspace() && this.shown.size === 0)) return;
    if (this.workspaceTimer) clearTimeout(this.workspaceTimer);
    this.workspaceTimer = setTimeout(() => {
      this.workspaceTimer = undefined;
      void this.publishWorkspace();
    }, delayMs);
  }

  private async publishWorkspace(): Promise<void> {
    try {
      await this.o.settings.ready();
      await Promise.race([this.o.index.whenScanned(), delay(SCAN_WAIT_MS)]);
      const before = new Map(this.shown);
      for await (const entry of this.walkWorkspace()) {
        if (entry.result === undefined) this.send(entry.gone, []);
        else if (before.get(entry.key)?.resultId !== entry.result.resultId) this.send(entry.result.uri, entry.result.diagnostics);
      }
    } catch (error) {
      this.o.log.error(`Workspace validation failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }

  /**
   * The referater not open, each with its diagnostics, then the files shown before that are
   * gone (deleted, opened, or validation turned off). Updates `shown` as it goes.
   */
  private async *walkWorkspace(
    token?: CancellationToken,
  ): AsyncGenerator<{ key: string; result: DiskResult; gone?: undefined } | { key: string; result?: undefined; gone: string }> {
    const open = new Set(this.o.cache.documents.keys().map(uriKey));
    const current = new Set<string>();
    // Each referat by the settings of its workspace folder.
    const validated = (uri: string) => {
      const settings = this.o.settings.for(uri);
      return settings.enable && settings.workspace;
    };
    if (this.o.settings.anyWorkspace()) {
      for (const referat of this.o.index.referater()) {
        if (token?.isCancellationRequested) return;
        const key = uriKey(referat.uri);
        if (open.has(key) || !validated(referat.uri)) continue;
        const result = await this.diskResult(referat.uri);
        if (!result) continue;
        current.add(key);
        this.shown.set(key, { uri: result.uri, resultId: result.resultId });
        yield { key, result };
        // Let other requests in between files.
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    for (const [key, { uri }] of [...this.shown]) {
      if (current.has(key)) continue;
      this.shown.delete(key);
      this.disk.delete(key);
      // An open document's diagnostics come from the document now; do not clear them.
      if (!open.has(key)) yield { key, gone: uri };
    }
  }

  private async diskResult(uri: string): Promise<DiskResult | undefined> {
    const filePath = filePathOf(uri);
    if (!filePath) return undefined;
    const key = uriKey(uri);
    let stamp: string;
    try {
      const stat = statSync(filePath);
      stamp = `${stat.size}:${stat.mtimeMs}`;
    } catch {
      return undefined;
    }
    // The configuration is looked up first: reading it may change the generation.
    this.o.linter.configs.configFor(uri);
    const resultKey = `${stamp}@${this.o.linter.generation()}`;
    const known = this.disk.get(key);
    if (known && known.key === resultKey) return known;
    let text: string;
    try {
      text = decode(await fsp.readFile(filePath)).text;
    } catch {
      return undefined;
    }
    const linted = this.o.linter.text(uri, text);
    const diagnostics = linted?.diagnostics ?? [];
    const result = { uri, key: resultKey, resultId: resultIdOf(diagnostics, 'disk'), diagnostics };
    this.disk.set(key, result);
    return result;
  }

  // ---- config files -------------------------------------------------------------------------

  /** Shows a config file's problems on it (or clears them). */
  configLoaded(state: ConfigFileState): void {
    const key = uriKey(state.uri);
    if (state.problems.length === 0 && !this.configsShown.has(key)) return;
    const diagnostics = configDiagnostics(state.uri, state.text, state.problems, this.o.linter.locale);
    if (diagnostics.length) this.configsShown.add(key);
    else this.configsShown.delete(key);
    this.send(state.uri, diagnostics);
  }

  configRemoved(uri: string): void {
    if (this.configsShown.delete(uriKey(uri))) this.send(uri, []);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    if (this.workspaceTimer) clearTimeout(this.workspaceTimer);
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
