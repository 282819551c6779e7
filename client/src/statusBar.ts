// The status bar item of the active referat: `$(list-ordered) 16 punkter · $(warning) 3 problemer`.
// A click opens the Problems panel. Hidden for every other language.
//
// The punkter are counted by reading the document with the core reader in the extension host
// (referatModel.ts, cached per version, a few milliseconds for the largest seed) rather than by
// asking for document symbols: it needs no round trip and no running server, it counts exactly what
// the preview shows, and it does not depend on how the Outline names its symbols.
import * as vscode from 'vscode';
import { LANGUAGE_ID } from './detection';
import { readDocument } from './referatModel';

const TEXT_DELAY_MS = 300;

export class ReferatStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    this.item = vscode.window.createStatusBarItem('referat.status', vscode.StatusBarAlignment.Left, 100);
    this.item.name = vscode.l10n.t('Referat punkter and problems');
    this.item.command = 'workbench.actions.view.problems';
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && e.uris.some((u) => u.toString() === active)) this.update();
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === vscode.window.activeTextEditor?.document) this.schedule();
      }),
      // Detection switches a document's language after it is shown.
      vscode.workspace.onDidOpenTextDocument((d) => {
        if (d === vscode.window.activeTextEditor?.document) this.update();
      }),
    );
    this.update();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.update(), TEXT_DELAY_MS);
  }

  /** The item's text for a document: exposed for tests. */
  static textFor(punkter: number, problems: number): string {
    const items = punkter === 1 ? vscode.l10n.t('1 item') : vscode.l10n.t('{0} items', punkter);
    const found = problems === 1 ? vscode.l10n.t('1 problem') : vscode.l10n.t('{0} problems', problems);
    return `$(list-ordered) ${items} · $(warning) ${found}`;
  }

  update(): void {
    clearTimeout(this.timer);
    const document = vscode.window.activeTextEditor?.document;
    if (!document || document.languageId !== LANGUAGE_ID) {
      this.item.hide();
      return;
    }
    const punkter = readDocument(document).doc.items.length;
    const diagnostics = vscode.languages.getDiagnostics(document.uri);
    const count = (s: vscode.DiagnosticSeverity) => diagnostics.filter((d) => d.severity === s).length;
    this.item.text = ReferatStatusBar.textFor(punkter, diagnostics.length);
    this.item.tooltip = vscode.l10n.t(
      '{0}: {1} errors, {2} warnings, {3} notes. Click to open the Problems panel.',
      vscode.workspace.asRelativePath(document.uri),
      count(vscode.DiagnosticSeverity.Error),
      count(vscode.DiagnosticSeverity.Warning),
      count(vscode.DiagnosticSeverity.Information) + count(vscode.DiagnosticSeverity.Hint),
    );
    this.item.show();
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
