// The referat preview: a webview showing the rendered minutes (server/src/render, the same page as
// `referat render`) with the document's diagnostics marked where they are. It updates while typing
// (the new body is posted and swapped in, keeping the scroll position), follows the active referat
// editor unless locked, and keeps editor and preview scrolled to the same place both ways.
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { localeOf } from '../../server/src/i18n';
import { type RenderOptions, renderBody, renderHtml } from '../../server/src/render';
import { LANGUAGE_ID } from './detection';
import { PREVIEW_SCRIPT } from './previewScript';
import { findingsOf, readDocument } from './referatModel';

export const PREVIEW_VIEW_TYPE = 'referat.preview';
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

export class ReferatPreview implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private document: vscode.TextDocument | undefined;
  private locked = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private editorEchoUntil = 0;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly context: vscode.ExtensionContext) {
    this.disposables.push(
      vscode.commands.registerCommand('referat.showPreview', (uri?: vscode.Uri) => this.show(uri, false)),
      vscode.commands.registerCommand('referat.showPreviewToSide', (uri?: vscode.Uri) => this.show(uri, true)),
      vscode.commands.registerCommand('referat.togglePreviewLock', () => this.toggleLock()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === this.document) this.scheduleUpdate();
      }),
      vscode.languages.onDidChangeDiagnostics((e) => {
        if (this.document && e.uris.some((u) => u.toString() === this.document!.uri.toString())) this.scheduleUpdate();
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => this.follow(editor)),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => this.editorScrolled(e)),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (d === this.document && !this.locked) this.document = undefined;
      }),
      // After a window reload VS Code gives back the preview panel with the state its page kept.
      vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, { deserializeWebviewPanel: (panel, state) => this.restore(panel, state) }),
    );
  }

  /** The document the preview shows, if it is open. */
  get previewedDocument(): vscode.TextDocument | undefined {
    return this.panel ? this.document : undefined;
  }

  async show(uri: vscode.Uri | undefined, toSide: boolean): Promise<void> {
    const document = await this.documentFor(uri);
    if (!document) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a referat to preview it.'));
      return;
    }
    const sourceColumn = vscode.window.visibleTextEditors.find((e) => e.document === document)?.viewColumn ?? vscode.ViewColumn.Active;
    const column = toSide ? vscode.ViewColumn.Beside : sourceColumn;
    this.document = document;
    if (this.panel) {
      this.panel.reveal(column, toSide);
      this.render(true);
      return;
    }
    const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, this.title(), { viewColumn: column, preserveFocus: toSide }, { ...WEBVIEW_OPTIONS, enableFindWidget: true });
    this.adopt(panel);
    this.render(true);
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
    this.document = document;
    this.locked = kept?.locked === true;
    panel.webview.options = WEBVIEW_OPTIONS;
    panel.title = this.title();
    this.adopt(panel);
    this.render(true);
  }

  /** Makes a panel the preview: its icon, and what it reports. */
  private adopt(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    panel.iconPath = vscode.Uri.joinPath(this.context.extensionUri, 'images', 'icon.png');
    panel.onDidDispose(() => {
      this.panel = undefined;
      this.locked = false;
      void vscode.commands.executeCommand('setContext', LOCKED_CONTEXT, false);
    });
    panel.onDidChangeViewState((e) => {
      if (e.webviewPanel.active) void vscode.commands.executeCommand('setContext', LOCKED_CONTEXT, this.locked);
    });
    panel.webview.onDidReceiveMessage((m: FromWebview) => this.received(m));
  }

  private async documentFor(uri: vscode.Uri | undefined): Promise<vscode.TextDocument | undefined> {
    if (uri instanceof vscode.Uri) {
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      return open ?? (await vscode.workspace.openTextDocument(uri));
    }
    const active = vscode.window.activeTextEditor?.document;
    if (active?.languageId === LANGUAGE_ID) return active;
    // From the preview itself (or another view): the document it shows.
    return this.document;
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
    const name = this.document ? path.basename(this.document.uri.path) : '';
    return this.locked ? vscode.l10n.t('[Locked] Preview {0}', name) : vscode.l10n.t('Preview {0}', name);
  }

  /** Shows the active referat editor's document, unless the preview is locked to its own. */
  private follow(editor: vscode.TextEditor | undefined): void {
    if (!this.panel || this.locked || !editor || editor.document.languageId !== LANGUAGE_ID || editor.document === this.document) return;
    this.document = editor.document;
    this.panel.title = this.title();
    this.render(false);
    this.scrollPreviewTo(editor.visibleRanges[0]?.start.line ?? 0);
  }

  private options(): RenderOptions {
    return { locale: localeOf(vscode.env.language), standalone: false, findings: this.document ? findingsOf(this.document.uri) : [] };
  }

  /** Renders the whole page (first time, or after the webview was recreated) or posts the new body. */
  private render(full: boolean): void {
    const panel = this.panel;
    const document = this.document;
    if (!panel || !document) return;
    clearTimeout(this.timer);
    const { doc, text } = readDocument(document);
    const options = this.options();
    if (full) {
      const nonce = randomBytes(18).toString('base64url');
      panel.webview.html = renderHtml(doc, text, { ...options, nonce, cspSource: panel.webview.cspSource, script: PREVIEW_SCRIPT, title: panel.title });
    } else {
      void panel.webview.postMessage({ type: 'update', html: renderBody(doc, text, options), title: panel.title });
    }
    this.keepState();
  }

  /** Tells the page what to keep for a window reload: the document shown, and the lock. */
  private keepState(): void {
    if (!this.panel || !this.document) return;
    const state: PreviewState = { uri: this.document.uri.toString(), locked: this.locked };
    void this.panel.webview.postMessage({ type: 'state', state });
  }

  private scheduleUpdate(): void {
    if (!this.panel) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.render(false), UPDATE_DELAY_MS);
  }

  private editorFor(document: vscode.TextDocument): vscode.TextEditor | undefined {
    return vscode.window.visibleTextEditors.find((e) => e.document === document);
  }

  private scrollPreviewTo(line: number): void {
    void this.panel?.webview.postMessage({ type: 'scrollTo', line });
  }

  private editorScrolled(e: vscode.TextEditorVisibleRangesChangeEvent): void {
    if (!this.panel || e.textEditor.document !== this.document || Date.now() < this.editorEchoUntil) return;
    const top = e.visibleRanges[0]?.start.line;
    if (top !== undefined) this.scrollPreviewTo(top);
  }

  private received(message: FromWebview): void {
    const document = this.document;
    if (!document || !message || typeof message !== 'object') return;
    if (message.type === 'ready') {
      // A (re)loaded webview: give it the current body and the editor's place.
      this.render(false);
      const editor = this.editorFor(document);
      if (editor) this.scrollPreviewTo(editor.visibleRanges[0]?.start.line ?? 0);
    } else if (message.type === 'reveal' && Number.isInteger(message.line)) {
      const editor = this.editorFor(document);
      if (!editor) return;
      const line = Math.max(0, Math.min(message.line, document.lineCount - 1));
      this.editorEchoUntil = Date.now() + ECHO_MS;
      editor.revealRange(new vscode.Range(line, 0, line, 0), vscode.TextEditorRevealType.AtTop);
    } else if (message.type === 'open' && Number.isInteger(message.line)) {
      const line = Math.max(0, Math.min(message.line, document.lineCount - 1));
      const column = this.editorFor(document)?.viewColumn ?? vscode.ViewColumn.One;
      const position = new vscode.Position(line, 0);
      void vscode.window.showTextDocument(document, { viewColumn: column, selection: new vscode.Range(position, position) });
    }
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
