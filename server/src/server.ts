// The standalone language server: `referat-language-server --stdio` (or `--node-ipc`,
// `--socket=<port>`, `--pipe=<name>`), the transports vscode-languageserver understands.
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { isIndexWorker, runIndexWorker } from './lsp/indexWorker';
import { startLanguageServer } from './lsp/languageServer';

const USAGE = `Usage: referat-language-server --stdio | --node-ipc | --socket=<port> | --pipe=<name>

Language server (LSP) for Danish municipal meeting minutes (referater).
It talks to an editor, not to a terminal: configure your editor to start it, for example
  referat-language-server --stdio
`;

const TRANSPORT_FLAG = /^--(stdio|node-ipc|socket|pipe)(=.*)?$/;

function main(argv: string[]): void {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  // vscode-languageserver throws a long error without a transport; say plainly what is missing.
  if (!argv.some((arg) => TRANSPORT_FLAG.test(arg))) {
    process.stderr.write(`referat-language-server: no transport given.\n\n${USAGE}`);
    process.exit(2);
  }
  startLanguageServer(createConnection(ProposedFeatures.all));
}

// The same bundle runs the workspace index's worker thread (see workspaceIndex.ts).
if (isIndexWorker()) runIndexWorker();
else main(process.argv.slice(2));
