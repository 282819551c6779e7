// The Sager view in the Explorer: each case treated at more than one meeting of the workspace →
// its meetings (newest first) → the punkt, which opens at its heading. Asked of the language
// server (`referat/cases`, answered from its archive of the workspace), again on refresh, when a
// referat is saved, and when the server says the referater on disk changed (`referat/casesChanged`).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
// The request's answer, as the server types it (types only: nothing of the server is bundled).
import type { CaseInfo, CaseTreatmentInfo } from '../../server/src/lsp/caseHistory';

export const CASES_VIEW = 'referat.cases';
const CASES_REQUEST = 'referat/cases';
export const CASES_CHANGED_NOTIFICATION = 'referat/casesChanged';
const REFRESH_COMMAND = 'referat.refreshCases';

type Node = { kind: 'case'; info: CaseInfo } | { kind: 'meeting'; treatment: CaseTreatmentInfo } | { kind: 'punkt'; treatment: CaseTreatmentInfo };

class CasesProvider implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly client: () => LanguageClient | undefined) {}

  refresh(): void {
    this.changed.fire();
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) {
      const client = this.client();
      if (!client?.isRunning()) return [];
      try {
        const cases = await client.sendRequest<CaseInfo[]>(CASES_REQUEST, {});
        return cases.map((info) => ({ kind: 'case', info }));
      } catch {
        return [];
      }
    }
    if (node.kind === 'case') return node.info.treatments.map((treatment) => ({ kind: 'meeting', treatment }));
    if (node.kind === 'meeting') return [{ kind: 'punkt', treatment: node.treatment }];
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'case') {
      const { info } = node;
      const meetings = info.treatments.length;
      const item = new vscode.TreeItem(info.caseNumber ?? info.title, vscode.TreeItemCollapsibleState.Collapsed);
      item.description = `${info.caseNumber ? `${info.title} · ` : ''}${meetings === 1 ? vscode.l10n.t('1 meeting') : vscode.l10n.t('{0} meetings', meetings)}`;
      item.tooltip = info.title;
      item.iconPath = new vscode.ThemeIcon('briefcase');
      return item;
    }
    const t = node.treatment;
    if (node.kind === 'meeting') {
      // The date first: in a narrow side bar it is what tells the meetings of one committee apart.
      const item = new vscode.TreeItem(`${t.date ?? vscode.l10n.t('No date')} · ${t.committee ?? vscode.l10n.t('Unknown committee')}`, vscode.TreeItemCollapsibleState.Collapsed);
      item.iconPath = new vscode.ThemeIcon('calendar');
      item.resourceUri = vscode.Uri.parse(t.uri);
      item.description = vscode.workspace.asRelativePath(vscode.Uri.parse(t.uri));
      return item;
    }
    const item = new vscode.TreeItem(`${vscode.l10n.t('Punkt {0}', t.punkt)}: ${t.title}`, vscode.TreeItemCollapsibleState.None);
    item.description = t.decision ?? '';
    item.tooltip = t.decision ? `${t.title}\n\n${t.decision}` : t.title;
    item.iconPath = new vscode.ThemeIcon('symbol-field');
    const selection = new vscode.Range(t.range.start.line, t.range.start.character, t.range.end.line, t.range.end.character);
    item.command = { command: 'vscode.open', title: '', arguments: [vscode.Uri.parse(t.uri), { selection } satisfies vscode.TextDocumentShowOptions] };
    return item;
  }
}

/** The view and its refresh command; `client` is the running language client, when there is one. */
export function registerCasesView(client: () => LanguageClient | undefined): vscode.Disposable {
  const provider = new CasesProvider(client);
  let timer: ReturnType<typeof setTimeout> | undefined;
  return vscode.Disposable.from(
    vscode.window.registerTreeDataProvider(CASES_VIEW, provider),
    vscode.commands.registerCommand(REFRESH_COMMAND, () => provider.refresh()),
    vscode.workspace.onDidSaveTextDocument((document) => {
      if (document.languageId !== 'referat') return;
      clearTimeout(timer);
      timer = setTimeout(() => provider.refresh(), 500);
    }),
    { dispose: () => clearTimeout(timer) },
  );
}

/** Shows the cases once the server is ready. */
export function refreshCasesView(): Thenable<unknown> {
  return vscode.commands.executeCommand(REFRESH_COMMAND);
}
