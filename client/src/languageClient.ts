// Starts the referat language server (dist/server.js, bundled next to dist/client.js) over IPC.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { LANGUAGE_ID } from './detection';

/** The client id: the trace level comes from `referat.trace.server`. */
export const CLIENT_ID = 'referat';
const TRACE_SETTING = `${CLIENT_ID}.trace.server`;

function traceSetting(): string {
  return vscode.workspace.getConfiguration(CLIENT_ID).get<string>('trace.server', 'off');
}

/**
 * The channel the client traces to. vscode-languageclient 11 traces only when its channel's log
 * level is Trace; this one reports Trace while `referat.trace.server` is not `off`, so the setting
 * alone turns tracing on, and writes the trace into the Referat output channel.
 */
class TraceChannel implements vscode.LogOutputChannel {
  private readonly changed = new vscode.EventEmitter<vscode.LogLevel>();
  private readonly subscriptions: vscode.Disposable[];
  readonly onDidChangeLogLevel = this.changed.event;

  constructor(private readonly out: vscode.LogOutputChannel) {
    this.subscriptions = [
      this.changed,
      out.onDidChangeLogLevel(() => this.changed.fire(this.logLevel)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(TRACE_SETTING)) this.changed.fire(this.logLevel);
      }),
    ];
  }

  get name(): string {
    return this.out.name;
  }
  get logLevel(): vscode.LogLevel {
    return traceSetting() !== 'off' ? vscode.LogLevel.Trace : this.out.logLevel;
  }
  trace(message: string, ...args: unknown[]): void {
    if (this.out.logLevel === vscode.LogLevel.Trace) this.out.trace(message, ...args);
    else if (this.logLevel === vscode.LogLevel.Trace) this.out.info(message, ...args);
  }
  debug(message: string, ...args: unknown[]): void {
    this.out.debug(message, ...args);
  }
  info(message: string, ...args: unknown[]): void {
    this.out.info(message, ...args);
  }
  warn(message: string, ...args: unknown[]): void {
    this.out.warn(message, ...args);
  }
  error(error: string | Error, ...args: unknown[]): void {
    this.out.error(error, ...args);
  }
  append(value: string): void {
    this.out.append(value);
  }
  appendLine(value: string): void {
    this.out.appendLine(value);
  }
  replace(value: string): void {
    this.out.replace(value);
  }
  clear(): void {
    this.out.clear();
  }
  show(preserveFocus?: boolean): void;
  show(column?: vscode.ViewColumn, preserveFocus?: boolean): void;
  show(a?: boolean | vscode.ViewColumn, b?: boolean): void {
    this.out.show(typeof a === 'boolean' ? a : b);
  }
  hide(): void {
    this.out.hide();
  }
  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
  }
}

export function createLanguageClient(context: vscode.ExtensionContext, outputChannel: vscode.LogOutputChannel): LanguageClient {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const traceOutputChannel = new TraceChannel(outputChannel);
  context.subscriptions.push(traceOutputChannel);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: LANGUAGE_ID }],
    synchronize: {
      configurationSection: CLIENT_ID,
      fileEvents: vscode.workspace.createFileSystemWatcher('**/{*.referat,*.referat.md,*.referat.txt,referat.config.json}'),
    },
    outputChannel,
    traceOutputChannel,
  };
  return new LanguageClient(CLIENT_ID, vscode.l10n.t('Referat Language Server'), serverOptions, clientOptions);
}
