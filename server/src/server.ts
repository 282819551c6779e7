// The standalone language server: `referat-language-server --stdio` (or `--node-ipc`,
// `--socket=<port>`, `--pipe=<name>`), the transports vscode-languageserver understands.
import { Console } from 'node:console';
import { ProposedFeatures, createConnection, type Connection } from 'vscode-languageserver/node';
import { ReusingMessageWriter } from './lsp/answerEncoding';
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
  startLanguageServer(argv.includes('--stdio') ? stdioConnection() : createConnection(ProposedFeatures.all));
}

/**
 * Over stdio, which editors use, the server writes its messages with a writer that sends a
 * reusable answer's JSON again instead of making it anew (see answerEncoding.ts).
 */
function stdioConnection(): Connection {
  const writer = new ReusingMessageWriter(process.stdout);
  // stdin as a stream (not a reader), so that vscode-languageserver still ends the process when
  // the client closes it; its types want both sides alike, at run time it takes a writer too.
  const connection = createConnection(ProposedFeatures.all, process.stdin, writer as unknown as NodeJS.WritableStream);
  // stdout carries only the protocol. vscode-languageserver moves console output off it only
  // when it opens stdio itself, so do it here: everything printed goes to stderr.
  Object.assign(console, new Console({ stdout: process.stderr, stderr: process.stderr }));
  return connection;
}

// The same bundle runs the workspace index's worker thread (see workspaceIndex.ts).
if (isIndexWorker()) runIndexWorker();
else main(process.argv.slice(2));
