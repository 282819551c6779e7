// The status bar item of the active referat: `$(list-ordered) 16 punkter · $(warning) 3 problemer`.
// A click opens the Problems panel. Hidden for every other language.
//
// The punkter are counted by the language server, which holds the model (`referat/summary`); the
// problems are the document's diagnostics, as the Problems panel lists them. While the server is
// not running the item says so, and a click shows its output.
import * as vscode from 'vscode';
import type { SummaryAnswer } from '../../server/src/lsp/preview';
import { LANGUAGE_ID } from './detection';
import type { ReferatServer } from './languageClient';

const SUMMARY_REQUEST = 'referat/summary';
const TEXT_DELAY_MS = 300;

export class ReferatStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped by each update: an answer that comes after a newer update started is dropped. */
  private updates = 0;

  constructor(private readonly server: ReferatServer) {
    this.item = vscode.window.createStatusBarItem('referat.status', vscode.StatusBarAlignment.Left, 100);
    this.item.name = vscode.l10n.t('Referat punkter and problems');
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => void this.update()),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && e.uris.some((u) => u.toString() === active)) void this.update();
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === vscode.window.activeTextEditor?.document) this.schedule();
      }),
      // Detection switches a document's language after it is shown.
      vscode.workspace.onDidOpenTextDocument((d) => {
        if (d === vscode.window.activeTextEditor?.document) void this.update();
      }),
      server.onDidChange(() => void this.update()),
    );
    void this.update();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), TEXT_DELAY_MS);
  }

  /** The item's text for a document: exposed for tests. */
  static textFor(punkter: number, problems: number): string {
    const items = punkter === 1 ? vscode.l10n.t('1 item') : vscode.l10n.t('{0} items', punkter);
    const found = problems === 1 ? vscode.l10n.t('1 problem') : vscode.l10n.t('{0} problems', problems);
    return `$(list-ordered) ${items} · $(warning) ${found}`;
  }

  async update(): Promise<void> {
    clearTimeout(this.timer);
    const update = ++this.updates;
    const document = vscode.window.activeTextEditor?.document;
    if (!document || document.languageId !== LANGUAGE_ID) {
      this.item.hide();
      return;
    }
    const client = await this.server.start();
    let summary: SummaryAnswer | null = null;
    try {
      summary = client ? await client.sendRequest<SummaryAnswer | null>(SUMMARY_REQUEST, { textDocument: { uri: client.code2ProtocolConverter.asUri(document.uri) } }) : null;
    } catch {
      // The document changed meanwhile (a newer update follows), or the server stopped (it says so when it is back).
    }
    if (update !== this.updates) return;
    if (!client?.isRunning()) {
      this.item.text = `$(error) ${vscode.l10n.t('Referat: no language server')}`;
      this.item.tooltip = vscode.l10n.t('The Referat language server is not running. Click to show its output.');
      this.item.command = 'referat.showOutput';
      this.item.show();
      return;
    }
    if (!summary) return;
    const diagnostics = vscode.languages.getDiagnostics(document.uri);
    const count = (s: vscode.DiagnosticSeverity) => diagnostics.filter((d) => d.severity === s).length;
    this.item.text = ReferatStatusBar.textFor(summary.punkter, diagnostics.length);
    this.item.tooltip = vscode.l10n.t(
      '{0}: {1} errors, {2} warnings, {3} notes. Click to open the Problems panel.',
      vscode.workspace.asRelativePath(document.uri),
      count(vscode.DiagnosticSeverity.Error),
      count(vscode.DiagnosticSeverity.Warning),
      count(vscode.DiagnosticSeverity.Information) + count(vscode.DiagnosticSeverity.Hint),
    );
    this.item.command = 'workbench.actions.view.problems';
    this.item.show();
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
