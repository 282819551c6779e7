// VS Code entry point: language detection for referater, the referat language server, the preview and the status bar.
//
// The extension activates on plain text and Markdown too, to recognise referater among them, but
// the language server starts only for referater: when the first one is open, or at once in a
// workspace that has a referat.config.json or files named as referater (`*.referat`, `*.referat.md`,
// `*.referat.txt`), so that the Sager view and workspace symbols are there from the start.
import * as vscode from 'vscode';
import { ReferatDetector, LANGUAGE_ID } from './detection';
import { CASES_CHANGED_NOTIFICATION, refreshCasesView, registerCasesView } from './casesView';
import { registerGoToPunkt } from './goToPunkt';
import { ReferatServer } from './languageClient';
import { registerNewReferat } from './newReferat';
import { ReferatPreview } from './preview';
import { ReferatStatusBar } from './statusBar';

/** Files that make a workspace one of referater: the server starts with the extension there. */
const REFERAT_WORKSPACE_FILES = '**/{referat.config.json,*.referat,*.referat.md,*.referat.txt}';

let server: ReferatServer | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Referat', { log: true });
  context.subscriptions.push(output);
  const log = (message: string) => output.info(message);

  const referatServer = new ReferatServer(context, output, (client) => {
    void vscode.commands.executeCommand('setContext', 'referat.serverRunning', true);
    // The server read the workspace's referater, or some changed on disk: the Sager view asks again.
    context.subscriptions.push(client.onNotification(CASES_CHANGED_NOTIFICATION, () => void refreshCasesView()));
    void refreshCasesView();
  });
  server = referatServer;
  context.subscriptions.push(referatServer);

  const detector = new ReferatDetector(log);
  context.subscriptions.push(detector);
  // Preview and status bar ask the server for what they show.
  context.subscriptions.push(new ReferatPreview(context, referatServer), new ReferatStatusBar(referatServer));
  // Writing help: a new referat from its skeleton, and a quick pick over the punkter.
  context.subscriptions.push(registerNewReferat(), registerGoToPunkt());
  // The Sager view in the Explorer: the workspace's cases, from the server.
  context.subscriptions.push(registerCasesView(() => referatServer.running));

  context.subscriptions.push(
    vscode.commands.registerCommand('referat.showOutput', () => output.show(true)),
    // The server's "Show documentation for <rule>" code action: the page shipped with the extension,
    // rendered (it works offline); else the page on the repository, in the browser.
    vscode.commands.registerCommand('referat.showRuleDocs', async (url: string, ruleId?: string) => {
      const local = ruleId && /^[a-z][a-z0-9-]*$/.test(ruleId) ? vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules', `${ruleId}.md`) : undefined;
      const shipped =
        local &&
        (await vscode.workspace.fs.stat(local).then(
          () => true,
          () => false,
        ));
      if (
        shipped &&
        (await vscode.commands.executeCommand('markdown.showPreview', local).then(
          () => true,
          () => false,
        ))
      )
        return;
      await vscode.env.openExternal(vscode.Uri.parse(url));
    }),
    // The server's `Behandlet før: 2 møder` code lens: the case's meetings in the references view.
    vscode.commands.registerCommand('referat.showTreatments', async (uri: string, position: unknown, locations: unknown[]) => {
      const client = referatServer.running;
      if (!client) return;
      const c = client.protocol2CodeConverter;
      await vscode.commands.executeCommand(
        'editor.action.showReferences',
        c.asUri(uri),
        c.asPosition(position as Parameters<typeof c.asPosition>[0]),
        (locations as Parameters<typeof c.asLocation>[0][]).map((l) => c.asLocation(l)),
      );
    }),
    vscode.commands.registerCommand('referat.restartServer', async () => {
      await referatServer.restart();
      if (referatServer.running) void vscode.window.showInformationMessage(vscode.l10n.t('The Referat language server was restarted.'));
    }),
  );

  // The first referat starts the server; detection (which switches text and Markdown documents to
  // the referat language) does not wait for it.
  const startFor = (document: vscode.TextDocument) => {
    if (document.languageId === LANGUAGE_ID) void referatServer.start();
  };
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument(startFor));
  await detector.checkOpenDocuments();
  vscode.workspace.textDocuments.forEach(startFor);
  if (!referatServer.requested) {
    void isReferatWorkspace().then((yes) => {
      if (yes) void referatServer.start();
    });
  }
}

async function isReferatWorkspace(): Promise<boolean> {
  if (!vscode.workspace.workspaceFolders?.length) return false;
  const found = await vscode.workspace.findFiles(REFERAT_WORKSPACE_FILES, '**/node_modules/**', 1).then(
    (files) => files,
    () => [],
  );
  return found.length > 0;
}

export async function deactivate(): Promise<void> {
  const s = server;
  server = undefined;
  await s?.stop();
}
