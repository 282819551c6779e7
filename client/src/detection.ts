// Gives plain-text and markdown documents the referat language when their first lines look
// like a referat (`.txt`/`.md` exports keep their names). Uses the same test as the server.
import * as vscode from 'vscode';
import { looksLikeReferat } from '../../server/src/detect';

export const LANGUAGE_ID = 'referat';

/** Languages a referat export is usually opened as. */
const CANDIDATE_LANGUAGES = new Set(['plaintext', 'markdown']);
/** Schemes of real documents (not output panes, git views, settings, ...). */
const CANDIDATE_SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-vfs']);
/** looksLikeReferat reads the start of a text (DETECTION_CHARS): the header and the first punkter. */
const HEAD_LINES = 200;

/** True when the setting `referat.detect` is on for the document. */
export function detectionEnabled(document?: vscode.TextDocument): boolean {
  return vscode.workspace.getConfiguration('referat', document).get<boolean>('detect', true);
}

/** The first lines of a document, without reading the rest of a large file. */
function head(document: vscode.TextDocument): string {
  const last = Math.min(document.lineCount, HEAD_LINES);
  return document.getText(new vscode.Range(0, 0, last, 0));
}

/** True when the document is opened as plain text or markdown but reads like a referat. */
export function isUndetectedReferat(document: vscode.TextDocument): boolean {
  return CANDIDATE_LANGUAGES.has(document.languageId) && CANDIDATE_SCHEMES.has(document.uri.scheme) && looksLikeReferat(head(document));
}

function tabUri(tab: vscode.Tab): string | null {
  const input = tab.input;
  return input instanceof vscode.TabInputText ? input.uri.toString() : null;
}

function openInTab(uri: string): boolean {
  return vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => tabUri(t) === uri));
}

export class ReferatDetector implements vscode.Disposable {
  /**
   * Documents switched while they are open. When one of them shows up again as plain text or
   * markdown, the user has chosen that language by hand: it is left alone until it is closed.
   */
  private readonly switched = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly log: (message: string) => void) {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((d) => void this.check(d)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('referat.detect')) void this.checkOpenDocuments();
      }),
      // A referat closed for real (no tab shows it any more) is detected afresh when opened again.
      // Document close events cannot tell this: changing the language closes and reopens the document.
      vscode.window.tabGroups.onDidChangeTabs((e) => {
        for (const tab of e.closed) {
          const uri = tabUri(tab);
          if (uri && !openInTab(uri)) this.switched.delete(uri);
        }
      }),
    );
  }

  /** Looks at every document open now (editors restored at start-up, documents opened before activation). */
  async checkOpenDocuments(): Promise<void> {
    await Promise.all(vscode.workspace.textDocuments.map((d) => this.check(d)));
  }

  /** Switches one document to the referat language when it qualifies. Returns true when switched. */
  async check(document: vscode.TextDocument): Promise<boolean> {
    const key = document.uri.toString();
    if (this.switched.has(key) || !detectionEnabled(document) || !isUndetectedReferat(document)) return false;
    this.switched.add(key);
    try {
      await vscode.languages.setTextDocumentLanguage(document, LANGUAGE_ID);
      this.log(vscode.l10n.t('Recognised {0} as a referat.', vscode.workspace.asRelativePath(document.uri)));
      return true;
    } catch (err) {
      this.switched.delete(key);
      this.log(vscode.l10n.t('Could not switch {0} to the referat language: {1}', document.uri.toString(), String(err)));
      return false;
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
