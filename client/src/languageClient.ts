// Starts the referat language server (dist/server.js, bundled next to dist/client.js) over IPC, on
// demand: see ReferatServer.
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

function createLanguageClient(context: vscode.ExtensionContext, outputChannel: vscode.LogOutputChannel): LanguageClient {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const traceOutputChannel = new TraceChannel(outputChannel);
  context.subscriptions.push(traceOutputChannel);
  // No `synchronize`: the server registers the file watcher and the settings it follows itself.
  const clientOptions: LanguageClientOptions = { documentSelector: [{ language: LANGUAGE_ID }], outputChannel, traceOutputChannel };
  return new LanguageClient(CLIENT_ID, vscode.l10n.t('Referat Language Server'), serverOptions, clientOptions);
}

/**
 * The language server, started once, when the first referat is open (or at activation in a
 * workspace of referater): opening Markdown or text starts no process. The preview, the status bar
 * and the Sager view ask it for what they show.
 */
export class ReferatServer implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private starting: Promise<LanguageClient | undefined> | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  /** Fires when the server starts, stops, or could not start. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly output: vscode.LogOutputChannel,
    /** Called when a client first runs (a restart keeps its handlers). */
    private readonly started: (client: LanguageClient) => void,
  ) {}

  /** The client while the server runs. */
  get running(): LanguageClient | undefined {
    return this.client?.isRunning() ? this.client : undefined;
  }

  /** True once the server was asked to start (it may have failed). */
  get requested(): boolean {
    return this.starting !== undefined;
  }

  /** Starts the server unless it was started; resolves with the client once it runs, or undefined when it could not start. */
  start(): Promise<LanguageClient | undefined> {
    // Launched a tick later: starting fires state changes at once, and those who hear them may call start() again.
    this.starting ??= Promise.resolve().then(() => this.launch());
    return this.starting;
  }

  /** Restarts a running server; starts one that failed or was never started. */
  async restart(): Promise<void> {
    const running = this.running;
    if (running) return running.restart();
    const failed = this.client;
    this.client = undefined;
    this.starting = undefined;
    await failed?.dispose().catch(() => undefined);
    await this.start();
  }

  private async launch(): Promise<LanguageClient | undefined> {
    const client = createLanguageClient(this.context, this.output);
    this.client = client;
    this.disposables.push(client.onDidChangeState(() => this.changed.fire()));
    try {
      await client.start();
      this.started(client);
      return client;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.output.error(message);
      this.changed.fire();
      void vscode.window
        .showErrorMessage(vscode.l10n.t('The Referat language server could not start: {0}', message), vscode.l10n.t('Show Output'))
        .then((choice) => choice && this.output.show(true));
      return undefined;
    }
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client?.needsStop()) await client.stop();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
