// "Go to Punkt…": a quick pick over the punkter of the active referat (number and title, case
// number as description) that reveals the heading as you move and goes there on Enter. The punkter
// come from the language server's document symbols, so the server stays the one reader.
import * as vscode from 'vscode';
import { LANGUAGE_ID } from './detection';

export const GO_TO_PUNKT_COMMAND = 'referat.goToPunkt';
/** How the server names a punkt symbol (server/src/lsp/symbolNames.ts). */
const PUNKT_NAME = /^Punkt (\d+)(?::\s*(.*))?$/s;

interface PunktItem extends vscode.QuickPickItem {
  selection: vscode.Range;
}

export function registerGoToPunkt(): vscode.Disposable {
  return vscode.commands.registerTextEditorCommand(GO_TO_PUNKT_COMMAND, goToPunkt);
}

/** The punkt symbols of a document: the children of the meeting symbol (or, from a flat provider, the symbols themselves). */
export function punktSymbols(symbols: readonly (vscode.DocumentSymbol | vscode.SymbolInformation)[]): { name: string; detail: string; selection: vscode.Range }[] {
  const out: { name: string; detail: string; selection: vscode.Range }[] = [];
  const visit = (list: readonly (vscode.DocumentSymbol | vscode.SymbolInformation)[]) => {
    for (const symbol of list) {
      if (symbol.kind === vscode.SymbolKind.Class && PUNKT_NAME.test(symbol.name)) {
        const hierarchical = 'selectionRange' in symbol;
        out.push({ name: symbol.name, detail: hierarchical ? symbol.detail : '', selection: hierarchical ? symbol.selectionRange : symbol.location.range });
      } else if ('children' in symbol) visit(symbol.children);
    }
  };
  visit(symbols);
  return out;
}

async function goToPunkt(editor: vscode.TextEditor): Promise<void> {
  const document = editor.document;
  if (document.languageId !== LANGUAGE_ID) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a referat to go to one of its punkter.'));
    return;
  }
  const symbols = await vscode.commands.executeCommand<(vscode.DocumentSymbol | vscode.SymbolInformation)[] | undefined>('vscode.executeDocumentSymbolProvider', document.uri);
  const punkter = punktSymbols(symbols ?? []);
  if (punkter.length === 0) {
    void vscode.window.showInformationMessage(
      symbols ? vscode.l10n.t('This referat has no punkter yet.') : vscode.l10n.t('The referat language server has not read this document yet.'),
    );
    return;
  }
  const items: PunktItem[] = punkter.map((p) => {
    const [, number, title] = PUNKT_NAME.exec(p.name)!;
    return { label: `${number}. ${title ?? ''}`.trim(), description: p.detail, selection: p.selection };
  });
  const before = { selection: editor.selection, visible: editor.visibleRanges[0] };
  const pick = vscode.window.createQuickPick<PunktItem>();
  pick.title = vscode.l10n.t('Go to Punkt');
  pick.placeholder = vscode.l10n.t('Punkt number, title or case number');
  pick.matchOnDescription = true;
  pick.items = items;
  // Start at the punkt the cursor is in.
  const current = [...items].reverse().find((item) => item.selection.start.line <= editor.selection.active.line);
  if (current) pick.activeItems = [current];
  let accepted = false;
  const reveal = (item: PunktItem | undefined) => {
    if (item) editor.revealRange(item.selection, vscode.TextEditorRevealType.AtTop);
  };
  pick.onDidChangeActive((active) => reveal(active[0]));
  pick.onDidAccept(() => {
    const item = pick.selectedItems[0] ?? pick.activeItems[0];
    if (!item) return;
    accepted = true;
    editor.selection = new vscode.Selection(item.selection.start, item.selection.start);
    editor.revealRange(item.selection, vscode.TextEditorRevealType.AtTop);
    pick.hide();
  });
  pick.onDidHide(() => {
    if (!accepted) {
      editor.selection = before.selection;
      if (before.visible) editor.revealRange(before.visible, vscode.TextEditorRevealType.AtTop);
    }
    pick.dispose();
  });
  pick.show();
}
