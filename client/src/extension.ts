// VS Code entry point: language detection for referater, the referat language server, the preview and the status bar.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ReferatDetector } from './detection';
import { CASES_CHANGED_NOTIFICATION, refreshCasesView, registerCasesView } from './casesView';
import { registerGoToPunkt } from './goToPunkt';
import { createLanguageClient } from './languageClient';
import { registerNewReferat } from './newReferat';
import { ReferatPreview } from './preview';
import { ReferatStatusBar } from './statusBar';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Referat', { log: true });
  context.subscriptions.push(output);
  const log = (message: string) => output.info(message);

  const detector = new ReferatDetector(log);
  context.subscriptions.push(detector);
  // Preview and status bar read the document with the core reader: they do not wait for the server.
  context.subscriptions.push(new ReferatPreview(context), new ReferatStatusBar());
  // Writing help: a new referat from its skeleton, and a quick pick over the punkter.
  context.subscriptions.push(registerNewReferat(), registerGoToPunkt());

  context.subscriptions.push(
    vscode.commands.registerCommand('referat.showOutput', () => output.show(true)),
    // The server's "Show documentation for <rule>" code action: the rule's page, rendered.
    vscode.commands.registerCommand('referat.showRuleDocs', async (url: string) => {
      const uri = vscode.Uri.parse(url);
      await vscode.commands.executeCommand('markdown.showPreview', uri).then(undefined, () => vscode.window.showTextDocument(uri));
    }),
    // The server's `Behandlet før: 2 møder` code lens: the case's meetings in the references view.
    vscode.commands.registerCommand('referat.showTreatments', async (uri: string, position: unknown, locations: unknown[]) => {
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
      if (!client) return;
      await client.restart();
      void vscode.window.showInformationMessage(vscode.l10n.t('The Referat language server was restarted.'));
    }),
  );

  client = createLanguageClient(context, output);
  // The Sager view in the Explorer: the workspace's cases, from the server.
  context.subscriptions.push(registerCasesView(() => client));
  // Detection does not wait for the server: documents switch language at once, and the client
  // picks them up when it is ready.
  const detected = detector.checkOpenDocuments();
  try {
    await client.start();
    void vscode.commands.executeCommand('setContext', 'referat.serverRunning', true);
    // The server read the workspace's referater, or some changed on disk: the Sager view asks again.
    context.subscriptions.push(client.onNotification(CASES_CHANGED_NOTIFICATION, () => void refreshCasesView()));
    void refreshCasesView();
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    log(message);
    void vscode.window
      .showErrorMessage(vscode.l10n.t('The Referat language server could not start: {0}', message), vscode.l10n.t('Show Output'))
      .then((choice) => choice && output.show(true));
  }
  await detected;
}

export async function deactivate(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) await c.stop();
}
