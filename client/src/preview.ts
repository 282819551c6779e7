// The referat preview: a webview showing the rendered minutes (server/src/render, the same page as
// `referat render`) with the document's findings marked where they are. The language server renders
// it from the model it holds (`referat/preview`): the whole page when the webview is (re)made, the
// body alone while typing (posted and swapped in, keeping the scroll position). It follows the
// active referat editor unless locked, and keeps editor and preview scrolled to the same place both ways.
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { PreviewAnswer, PreviewParams } from '../../server/src/lsp/preview';
import { esc } from '../../server/src/render/escape';
import { LANGUAGE_ID } from './detection';
import type { ReferatServer } from './languageClient';
import { PREVIEW_SCRIPT } from './previewScript';

export const PREVIEW_VIEW_TYPE = 'referat.preview';
const PREVIEW_REQUEST = 'referat/preview';
/** Context key: the active editor is a referat preview that is locked. */
const LOCKED_CONTEXT = 'referat.previewLocked';
const UPDATE_DELAY_MS = 150;
/** After the preview scrolls the editor, the editor's own scroll events are not sent back for this long. */
const ECHO_MS = 300;

type FromWebview = { type: 'ready' } | { type: 'reveal'; line: number } | { type: 'open'; line: number };

/** What the webview keeps (vscode.setState) for the preview to be restored after a window reload. */
interface PreviewState {
  uri: string;
  locked: boolean;
}

/** The webview may run the preview's script, and load nothing: the page is one HTML string with its style and script inline. */
const WEBVIEW_OPTIONS: vscode.WebviewOptions = { enableScripts: true, enableCommandUris: false, localResourceRoots: [] };

/** Which page the webview has: the preview's (with its script, taking body updates), or a message. */
type Shown = 'page' | 'message' | undefined;

export class ReferatPreview implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  /** The document shown, by URI: detection gives a document another object when it switches its language. */
  private uri: vscode.Uri | undefined;
  private locked = false;
  private shown: Shown;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped by each render: an answer that comes after a newer render started is dropped. */
  private renders = 0;
  private editorEchoUntil = 0;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly server: ReferatServer,
  ) {
    this.disposables.push(
      vscode.commands.registerCommand('referat.showPreview', (uri?: vscode.Uri) => this.show(uri, false)),
      vscode.commands.registerCommand('referat.showPreviewToSide', (uri?: vscode.Uri) => this.show(uri, true)),
      vscode.commands.registerCommand('referat.togglePreviewLock', () => this.toggleLock()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.isShown(e.document.uri)) this.scheduleUpdate();
      }),
      vscode.languages.onDidChangeDiagnostics((e) => {
        if (e.uris.some((u) => this.isShown(u))) this.scheduleUpdate();
      }),
      // Detection switched the document to the referat language: the server has it now.
      vscode.workspace.onDidOpenTextDocument((d) => {
        if (this.isShown(d.uri) && d.languageId === LANGUAGE_ID && this.shown !== 'page') this.scheduleUpdate();
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => this.follow(editor)),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => this.editorScrolled(e)),
      // The server started, restarted or stopped: the page anew, or what went wrong.
      server.onDidChange(() => this.scheduleUpdate()),
      // After a window reload VS Code gives back the preview panel with the state its page kept.
      vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, { deserializeWebviewPanel: (panel, state) => this.restore(panel, state) }),
    );
  }

  async show(uri: vscode.Uri | undefined, toSide: boolean): Promise<void> {
    const document = await this.documentFor(uri);
    if (!document) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a referat to preview it.'));
      return;
    }
    const sourceColumn = this.editorFor(document.uri)?.viewColumn ?? vscode.ViewColumn.Active;
    const column = toSide ? vscode.ViewColumn.Beside : sourceColumn;
    this.uri = document.uri;
    if (this.panel) {
      this.panel.reveal(column, toSide);
      this.panel.title = this.title();
      void this.render(true);
      return;
    }
    const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, this.title(), { viewColumn: column, preserveFocus: toSide }, { ...WEBVIEW_OPTIONS, enableFindWidget: true });
    this.adopt(panel);
    void this.render(true);
  }

  /** The preview of a reloaded window: the document it showed, opened again; a panel with nothing to show is closed. */
  private async restore(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const kept = state as Partial<PreviewState> | undefined;
    let document: vscode.TextDocument | undefined;
    if (!this.panel && typeof kept?.uri === 'string') {
      document = await vscode.workspace.openTextDocument(vscode.Uri.parse(kept.uri)).then(
        (d) => d,
        () => undefined,
      );
    }
    if (!document || this.panel) {
      panel.dispose();
      return;
    }
    this.uri = document.uri;
    this.locked = kept?.locked === true;
    panel.webview.options = WEBVIEW_OPTIONS;
    panel.title = this.title();
    this.adopt(panel);
    void this.render(true);
  }

  /** Makes a panel the preview: its icon, and what it reports. */
  private adopt(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    this.shown = undefined;
    panel.iconPath = vscode.Uri.joinPath(this.context.extensionUri, 'images', 'icon.png');
    panel.onDidDispose(() => {
      this.panel = undefined;
      this.locked = false;
      clearTimeout(this.timer);
      void vscode.commands.executeCommand('setContext', LOCKED_CONTEXT, false);
    });
    panel.onDidChangeViewState((e) => {
      if (e.webviewPanel.active) void vscode.commands.executeCommand('setContext', LOCKED_CONTEXT, this.locked);
    });
    panel.webview.onDidReceiveMessage((m: FromWebview) => this.received(m));
  }

  private async documentFor(uri: vscode.Uri | undefined): Promise<vscode.TextDocument | undefined> {
    if (uri instanceof vscode.Uri) return this.openDocument(uri);
    const active = vscode.window.activeTextEditor?.document;
    if (active?.languageId === LANGUAGE_ID) return active;
    // From the preview itself (or another view): the document it shows.
    return this.uri && this.openDocument(this.uri);
  }

  private async openDocument(uri: vscode.Uri): Promise<vscode.TextDocument | undefined> {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    return (
      open ??
      (await vscode.workspace.openTextDocument(uri).then(
        (d) => d,
        () => undefined,
      ))
    );
  }

  private isShown(uri: vscode.Uri): boolean {
    return this.panel !== undefined && this.uri?.toString() === uri.toString();
  }

  private toggleLock(): void {
    if (!this.panel) return;
    this.locked = !this.locked;
    void vscode.commands.executeCommand('setContext', LOCKED_CONTEXT, this.locked);
    this.panel.title = this.title();
    this.keepState();
    if (!this.locked) this.follow(vscode.window.activeTextEditor);
  }

  private title(): string {
    const name = this.uri ? path.basename(this.uri.path) : '';
    return this.locked ? vscode.l10n.t('[Locked] Preview {0}', name) : vscode.l10n.t('Preview {0}', name);
  }

  /** Shows the active referat editor's document, unless the preview is locked to its own. */
  private follow(editor: vscode.TextEditor | undefined): void {
    if (!this.panel || this.locked || !editor || editor.document.languageId !== LANGUAGE_ID || this.isShown(editor.document.uri)) return;
    this.uri = editor.document.uri;
    this.panel.title = this.title();
    void this.render(false).then(() => this.scrollPreviewTo(editor.visibleRanges[0]?.start.line ?? 0));
  }

  /**
   * Asks the server for the page (first time, after the webview was recreated, after a message) or
   * for the new body, and shows it. Without a running server, says so.
   */
  private async render(full: boolean): Promise<void> {
    const panel = this.panel;
    const uri = this.uri;
    if (!panel || !uri) return;
    clearTimeout(this.timer);
    if (full) this.shown = undefined;
    const render = ++this.renders;
    const current = () => render === this.renders && panel === this.panel && uri === this.uri;
    const client = await this.server.start();
    if (!current()) return;
    if (!client) {
      this.showMessage(
        panel,
        vscode.l10n.t('The Referat language server is not running, so there is no preview. "Referat: Show Output" tells why; "Referat: Restart Language Server" tries again.'),
      );
      return;
    }
    const page =
      this.shown === 'page' ? undefined : { nonce: randomBytes(18).toString('base64url'), cspSource: panel.webview.cspSource, script: PREVIEW_SCRIPT, title: panel.title };
    let answer = await this.ask(client, uri, page);
    // Not open (any more) in the editor: opened, the server gets it.
    if (answer === null && current() && (await this.openDocument(uri))?.languageId === LANGUAGE_ID) answer = await this.ask(client, uri, page);
    if (!current()) return;
    if (answer === undefined) {
      // The document changed meanwhile (the next render follows), or the server stopped (it says when it is back).
      if (!client.isRunning() && this.shown !== 'page') this.showMessage(panel, vscode.l10n.t('The Referat language server is not running.'));
      return;
    }
    if (answer === null) {
      if (this.shown !== 'page') this.showMessage(panel, vscode.l10n.t('{0} is not open as a referat.', path.basename(uri.path)));
      return;
    }
    if (page) {
      panel.webview.html = answer.html;
      this.shown = 'page';
    } else {
      void panel.webview.postMessage({ type: 'update', html: answer.html, title: panel.title });
    }
    this.keepState();
  }

  /** The server's answer: null for a document it has not open as a referat, undefined when the request failed. */
  private async ask(client: LanguageClient, uri: vscode.Uri, page: PreviewParams['page']): Promise<PreviewAnswer | null | undefined> {
    const params: PreviewParams = { textDocument: { uri: client.code2ProtocolConverter.asUri(uri) }, locale: vscode.env.language, page };
    return client.sendRequest<PreviewAnswer | null>(PREVIEW_REQUEST, params).then(
      (answer) => answer,
      () => undefined,
    );
  }

  /** A page with one paragraph, instead of the preview. */
  private showMessage(panel: vscode.WebviewPanel, message: string): void {
    panel.webview.html =
      `<!DOCTYPE html><html lang="${vscode.env.language.startsWith('da') ? 'da' : 'en'}"><head><meta charset="utf-8">` +
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'"><title>${esc(panel.title)}</title></head>` +
      `<body><p role="status">${esc(message)}</p></body></html>`;
    this.shown = 'message';
  }

  /** Tells the page what to keep for a window reload: the document shown, and the lock. */
  private keepState(): void {
    if (!this.panel || !this.uri) return;
    const state: PreviewState = { uri: this.uri.toString(), locked: this.locked };
    void this.panel.webview.postMessage({ type: 'state', state });
  }

  private scheduleUpdate(): void {
    if (!this.panel) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.render(false), UPDATE_DELAY_MS);
  }

  private editorFor(uri: vscode.Uri): vscode.TextEditor | undefined {
    return vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
  }

  private scrollPreviewTo(line: number): void {
    void this.panel?.webview.postMessage({ type: 'scrollTo', line });
  }

  private editorScrolled(e: vscode.TextEditorVisibleRangesChangeEvent): void {
    if (!this.isShown(e.textEditor.document.uri) || Date.now() < this.editorEchoUntil) return;
    const top = e.visibleRanges[0]?.start.line;
    if (top !== undefined) this.scrollPreviewTo(top);
  }

  private received(message: FromWebview): void {
    const uri = this.uri;
    if (!uri || !message || typeof message !== 'object') return;
    const editor = this.editorFor(uri);
    if (message.type === 'ready') {
      // A (re)loaded webview: give it the current body and the editor's place.
      void this.render(false).then(() => editor && this.scrollPreviewTo(editor.visibleRanges[0]?.start.line ?? 0));
    } else if (message.type === 'reveal' && Number.isInteger(message.line)) {
      if (!editor) return;
      const line = Math.max(0, Math.min(message.line, editor.document.lineCount - 1));
      this.editorEchoUntil = Date.now() + ECHO_MS;
      editor.revealRange(new vscode.Range(line, 0, line, 0), vscode.TextEditorRevealType.AtTop);
    } else if (message.type === 'open' && Number.isInteger(message.line)) {
      const line = Math.max(0, message.line);
      const position = new vscode.Position(line, 0);
      void vscode.window.showTextDocument(uri, { viewColumn: editor?.viewColumn ?? vscode.ViewColumn.One, selection: new vscode.Range(position, position) });
    }
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
