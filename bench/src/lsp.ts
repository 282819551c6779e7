// The language server over a real stdio connection (dist/server.js --stdio): latency of the
// requests an editor makes while someone works in a large referat, and the memory of the server
// with many referater open. Diagnostics are pushed (the client does not declare pull
// diagnostics); the debounce is set to 0 through workspace/configuration so that the time is the
// server's work, and the default debounce is measured apart.
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { REPO_ROOT } from './generate';
import { percentile } from './stats';

export const SERVER_PATH = path.join(REPO_ROOT, 'dist/server.js');

/** A client like VS Code's, less pull diagnostics: diagnostics are pushed. */
const CAPABILITIES: ClientCapabilities = {
  textDocument: {
    synchronization: { dynamicRegistration: false, didSave: true },
    publishDiagnostics: { versionSupport: true, relatedInformation: true },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    foldingRange: { lineFoldingOnly: true },
    selectionRange: {},
    hover: { contentFormat: ['markdown', 'plaintext'] },
    completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
    semanticTokens: {
      requests: { full: { delta: true }, range: true },
      tokenTypes: [],
      tokenModifiers: [],
      formats: ['relative'],
    },
  },
  workspace: {
    configuration: true,
    workspaceFolders: true,
    didChangeConfiguration: { dynamicRegistration: false },
    didChangeWatchedFiles: { dynamicRegistration: true },
  },
  window: { workDoneProgress: true },
};

interface Waiter {
  uri: string;
  version?: number;
  resolve: (at: number) => void;
}

/** A small LSP client that times what it waits for. */
export class BenchClient {
  settings: Record<string, unknown> = {};
  stderr = '';
  private waiters: Waiter[] = [];
  private scanEnded = false;
  private scanWaiters: (() => void)[] = [];
  private versions = new Map<string, number>();
  /** How many diagnostics were last published for each URI. */
  readonly lastCount = new Map<string, number>();
  private exited: Promise<void>;

  private constructor(
    readonly child: ChildProcessWithoutNullStreams,
    readonly connection: ProtocolConnection,
  ) {
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    child.stderr.on('data', (chunk) => (this.stderr = (this.stderr + String(chunk)).slice(-20_000)));
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => params.items.map((item) => (item.section === 'referat' ? this.settings : null)));
    connection.onNotification('window/logMessage', () => undefined);
    connection.onNotification('$/progress', (params: { value?: { kind?: string } }) => {
      if (params.value?.kind !== 'end') return;
      this.scanEnded = true;
      for (const w of this.scanWaiters.splice(0)) w();
    });
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      const at = performance.now();
      this.lastCount.set(params.uri, params.diagnostics.length);
      this.waiters = this.waiters.filter((w) => {
        if (w.uri !== params.uri || (w.version !== undefined && params.version !== w.version)) return true;
        w.resolve(at);
        return false;
      });
    });
    connection.listen();
  }

  /** Starts the server (with `nodeFlags`, e.g. `--cpu-prof`) on a workspace folder. */
  static async start(root: string, settings: Record<string, unknown>, nodeFlags: string[] = []): Promise<BenchClient> {
    const child = spawn(process.execPath, [...nodeFlags, SERVER_PATH, '--stdio'], { stdio: 'pipe' });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new BenchClient(child, connection);
    client.settings = settings;
    const rootUri = pathToFileURL(root).href;
    await client.request('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: path.basename(root) }],
      capabilities: CAPABILITIES,
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  get pid(): number {
    return this.child.pid!;
  }

  async request<R>(method: string, params: unknown, timeoutMs = 300_000): Promise<R> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${method}: no answer in ${timeoutMs} ms. Server stderr:\n${this.stderr}`)), timeoutMs);
    });
    try {
      return await Promise.race([this.connection.sendRequest<R>(method, params), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** The time of the next publishDiagnostics for `uri` (of `version`, when given). */
  diagnostics(uri: string, version?: number, timeoutMs = 300_000): Promise<number> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} v${version} in ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({ uri, version, resolve: (at) => (clearTimeout(timer), resolve(at)) });
    });
  }

  /** Waits for the initial workspace scan to end (its progress `end`), at most `timeoutMs`. */
  scanned(timeoutMs = 120_000): Promise<void> {
    if (this.scanEnded) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      this.scanWaiters.push(() => (clearTimeout(timer), resolve()));
    });
  }

  /** Opens a document; resolves with the milliseconds until its first diagnostics. */
  async open(uri: string, text: string): Promise<number> {
    this.versions.set(uri, 1);
    const published = this.diagnostics(uri, 1);
    const t0 = performance.now();
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'referat', version: 1, text } });
    return (await published) - t0;
  }

  /** Closes a document; waits for the clearing diagnostics when it had any shown. */
  async close(uri: string): Promise<void> {
    const cleared = (this.lastCount.get(uri) ?? 0) > 0 ? this.diagnostics(uri, undefined, 30_000).catch(() => 0) : Promise.resolve(0);
    this.versions.delete(uri);
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await cleared;
  }

  /** Inserts `text` at a position (an incremental didChange); returns the new version. */
  async insert(uri: string, line: number, character: number, text: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text }],
    });
    return version;
  }

  /** Inserts `text` at a position; resolves with the milliseconds until the new version's diagnostics. */
  async type(uri: string, line: number, character: number, text: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    const published = this.diagnostics(uri, version);
    const t0 = performance.now();
    await this.insert(uri, line, character, text);
    return (await published) - t0;
  }

  /** One request, timed from sending to the answer. */
  async timed<R>(method: string, params: unknown): Promise<{ ms: number; result: R }> {
    const t0 = performance.now();
    const result = await this.request<R>(method, params);
    return { ms: performance.now() - t0, result };
  }

  async changeSettings(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  }

  async shutdown(timeoutMs = 60_000): Promise<void> {
    const timeout = (ms: number) => new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), ms).unref());
    try {
      if (this.child.exitCode === null) {
        await Promise.race([this.connection.sendRequest('shutdown'), timeout(timeoutMs)]);
        await this.connection.sendNotification('exit');
      }
    } catch {
      // gone already
    }
    if ((await Promise.race([this.exited, timeout(timeoutMs)])) === 'timeout') this.child.kill('SIGKILL');
    this.connection.dispose();
  }
}

/** VmRSS and VmHWM of a process, in bytes (Linux). */
export function memoryOf(pid: number): { rss: number; peak: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)\\s+kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

// ---- where to type, complete and hover ---------------------------------------------------------

export interface Spots {
  /** A text line inside a Beslutning near the middle: where typing happens (at its end). */
  typing: { line: number; character: number };
  /** An empty line inside a Beslutning near the middle: where completion is asked. */
  completion: { line: number; character: number };
  /** Inside a member's name near the middle. */
  hover: { line: number; character: number; name: string };
}

export function findSpots(text: string, memberNames: string[]): Spots {
  const lines = text.split(/\r\n|\r|\n/);
  const middle = Math.floor(lines.length / 2);
  const isBeslutning = (l: string) => /^(#+ *)?(\*\*)?Beslutning(\*\*)?\s*$/.test(l);
  let heading = -1;
  for (let d = 0; d < lines.length && heading < 0; d++) {
    if (middle + d < lines.length && isBeslutning(lines[middle + d])) heading = middle + d;
    else if (middle - d >= 0 && isBeslutning(lines[middle - d])) heading = middle - d;
  }
  if (heading < 0) throw new Error('no Beslutning section in the document');
  let textLine = heading + 1;
  while (textLine < lines.length && lines[textLine].trim() === '') textLine++;
  // The empty line after the heading (or before the text), as a writer adds a line to the decision.
  const empty = lines[heading + 1]?.trim() === '' ? heading + 1 : heading;
  let hover: Spots['hover'] | undefined;
  for (let d = 0; d < lines.length && !hover; d++) {
    for (const i of [middle + d, middle - d]) {
      if (i < 0 || i >= lines.length) continue;
      const name = memberNames.find((n) => lines[i].includes(n));
      if (name) {
        hover = { line: i, character: lines[i].indexOf(name) + Math.floor(name.length / 2), name };
        break;
      }
    }
  }
  if (!hover) throw new Error('no member name in the document');
  return {
    typing: { line: textLine, character: lines[textLine].length },
    completion: { line: empty, character: empty === heading ? lines[heading].length : 0 },
    hover,
  };
}

// ---- the measurements -----------------------------------------------------------------------

export interface Sampled {
  samples: number[];
  p50: number;
  p99: number;
  /** The first untimed request of the kind. */
  warmupMs: number;
  /** How many untimed requests there were. */
  warmupRuns: number;
  /** The first hundred untimed requests, the first included, in order (thousands of cheap ones fit in a second). */
  warmupSamples: number[];
}

export interface LatencyOptions {
  /** Iterations per figure, at most. */
  iterations: number;
  /** ...but stop after this long once `minIterations` are done. */
  budgetMs: number;
  minIterations: number;
  /** Untimed requests of each kind first: at least `warmup`, and for at least `warmupMs`. */
  warmup: number;
  warmupMs: number;
}

/** Untimed times kept in the results: a second of a cheap request is thousands of them. */
const KEPT_WARMUP_SAMPLES = 100;

/**
 * Untimed requests of the kind first (the first hundred kept as `warmupSamples`), then the timed
 * ones. The first of a kind also pays for compiling the server's code for it, which a server in use
 * has long done. The ones after it still pay for the measuring client's first use of memory for answers of that size:
 * the client is a fresh process, and on a machine where a page fault is dear (some 11 µs here,
 * machine.ts), that first use is slow. Over the 5 MB outline (1.16 MB of
 * JSON) its first answers took 20-35 ms where later ones take 10-13, at the same requests from run
 * to run, with the server idle in between (bench/outline-timing.mjs; the client's profile shows its
 * copy of the answer at 3.6 ms where it is 0.1 ms later). An editor in use has long had that memory.
 * Hence the same warm-up as for reader + rules: a few requests and a second.
 */
export async function sample(options: LatencyOptions, once: (i: number) => Promise<number>): Promise<Sampled> {
  const warmupSamples: number[] = [];
  let warmupRuns = 0;
  const warmStart = performance.now();
  while (warmupRuns < Math.max(1, options.warmup) || performance.now() - warmStart < options.warmupMs) {
    const ms = await once(warmupRuns++);
    if (warmupSamples.length < KEPT_WARMUP_SAMPLES) warmupSamples.push(ms);
  }
  const samples: number[] = [];
  const start = performance.now();
  while (samples.length < options.iterations && (samples.length < options.minIterations || performance.now() - start < options.budgetMs)) {
    samples.push(await once(warmupRuns + samples.length));
  }
  return { samples, p50: percentile(samples, 50), p99: percentile(samples, 99), warmupMs: warmupSamples[0], warmupRuns, warmupSamples };
}

export interface DocumentLatency {
  file: string;
  bytes: number;
  diagnostics: number;
  open: Sampled;
  keystroke: Sampled;
  documentSymbol: Sampled;
  documentSymbolAfterEdit: Sampled;
  foldingRange: Sampled;
  semanticTokens: Sampled;
  completion: Sampled;
  hover: Sampled;
  /** What the feature requests answered, to show they did real work. */
  answers: { symbols: number; foldingRanges: number; semanticTokenInts: number; completionItems: number; hover: boolean };
  /** Keystroke → diagnostics with the default debounce, when measured. */
  keystrokeDefaultDebounce?: Sampled;
}

const TYPED = 'skrevet ';

/**
 * Everything for one document, on a server of its own whose workspace folder holds the document
 * and the membership config. didOpen is timed on fresh URIs in the same folder (not on disk), so
 * that closing one does not make the server read the file again in the background.
 */
export async function measureDocument(file: string, memberNames: string[], options: LatencyOptions, defaultDebounce?: LatencyOptions): Promise<DocumentLatency> {
  const root = path.dirname(file);
  const text = fs.readFileSync(file, 'utf8');
  const spots = findSpots(text, memberNames);
  const client = await BenchClient.start(root, { validate: { debounce: 0 } });
  try {
    await client.scanned();
    const open = await sample(options, async (i) => {
      const uri = pathToFileURL(path.join(root, `bench-open-${i}.referat.txt`)).href;
      const ms = await client.open(uri, text);
      await client.close(uri);
      return ms;
    });
    const uri = pathToFileURL(file).href;
    await client.open(uri, text);
    const keystroke = await sample(options, (i) => client.type(uri, spots.typing.line, spots.typing.character + i, TYPED[i % TYPED.length]));
    const doc = { textDocument: { uri } };
    const answers = { symbols: 0, foldingRanges: 0, semanticTokenInts: 0, completionItems: 0, hover: false };
    const documentSymbol = await sample(options, async () => {
      const { ms, result } = await client.timed<unknown[] | null>('textDocument/documentSymbol', doc);
      answers.symbols = result?.length ?? 0;
      return ms;
    });
    const foldingRange = await sample(options, async () => {
      const { ms, result } = await client.timed<unknown[] | null>('textDocument/foldingRange', doc);
      answers.foldingRanges = result?.length ?? 0;
      return ms;
    });
    const semanticTokens = await sample(options, async () => {
      const { ms, result } = await client.timed<{ data: number[] } | null>('textDocument/semanticTokens/full', doc);
      answers.semanticTokenInts = result?.data.length ?? 0;
      return ms;
    });
    const completion = await sample(options, async () => {
      const { ms, result } = await client.timed<{ items: unknown[] } | unknown[] | null>('textDocument/completion', { ...doc, position: spots.completion });
      answers.completionItems = Array.isArray(result) ? result.length : (result?.items.length ?? 0);
      return ms;
    });
    const hover = await sample(options, async () => {
      const { ms, result } = await client.timed<unknown>('textDocument/hover', { ...doc, position: { line: spots.hover.line, character: spots.hover.character } });
      answers.hover = result !== null && result !== undefined;
      return ms;
    });
    // The outline right after a keystroke: the model must be read again first. The edit is made
    // on a line of its own so that the diagnostics (which would read the model) do not come first:
    // the debounce is set high for this.
    // The server publishes again only diagnostics that changed: none may come.
    const quiet = client.diagnostics(uri, undefined, 3000).catch(() => 0);
    await client.changeSettings({ validate: { debounce: 10_000 } });
    await quiet;
    const typedLine = spots.typing.line;
    let column = spots.typing.character + keystroke.warmupRuns + keystroke.samples.length;
    const documentSymbolAfterEdit = await sample(options, async () => {
      await client.insert(uri, typedLine, column++, 'x');
      return (await client.timed('textDocument/documentSymbol', doc)).ms;
    });
    let keystrokeDefaultDebounce: Sampled | undefined;
    if (defaultDebounce) {
      const settled = client.diagnostics(uri, undefined, 3000).catch(() => 0);
      await client.changeSettings({});
      await settled;
      keystrokeDefaultDebounce = await sample(defaultDebounce, () => {
        const at = column++;
        return client.type(uri, typedLine, at, 'y');
      });
    }
    return {
      file: path.basename(file),
      bytes: Buffer.byteLength(text),
      diagnostics: client.lastCount.get(uri) ?? 0,
      open,
      keystroke,
      documentSymbol,
      documentSymbolAfterEdit,
      foldingRange,
      semanticTokens,
      completion,
      hover,
      answers,
      ...(keystrokeDefaultDebounce ? { keystrokeDefaultDebounce } : {}),
    };
  } finally {
    await client.shutdown();
  }
}

export interface MemoryResult {
  documents: number;
  textBytes: number;
  /** Before opening anything (after the workspace scan). */
  idleRss: number;
  rss: number;
  peak: number;
  openMs: number;
}

/**
 * Opens every file of a workspace folder on one server (diagnostics for each), then reads the
 * server's RSS. `nodeFlags` lets a profiler ride along.
 */
export async function measureMemory(root: string, files: string[], nodeFlags: string[] = []): Promise<MemoryResult> {
  const client = await BenchClient.start(root, { validate: { debounce: 0 } }, nodeFlags);
  try {
    await client.scanned();
    await new Promise((resolve) => setTimeout(resolve, 500));
    const idle = memoryOf(client.pid);
    let textBytes = 0;
    const t0 = performance.now();
    // Opened one after another, as an editor restoring its tabs sends them; all diagnostics awaited.
    const published: Promise<number>[] = [];
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      textBytes += Buffer.byteLength(text);
      const uri = pathToFileURL(file).href;
      published.push(client.diagnostics(uri, 1));
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'referat', version: 1, text } });
    }
    await Promise.all(published);
    const openMs = performance.now() - t0;
    // Let the server settle before reading its memory.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const { rss, peak } = memoryOf(client.pid);
    return { documents: files.length, textBytes, idleRss: idle.rss, rss, peak, openMs };
  } finally {
    await client.shutdown();
  }
}

/** RSS of a server on an empty workspace folder, once it has settled: what the server costs before any referat. */
export async function baselineRss(emptyRoot: string): Promise<number> {
  fs.mkdirSync(emptyRoot, { recursive: true });
  const client = await BenchClient.start(emptyRoot, { validate: { debounce: 0 } });
  try {
    await client.scanned(5000);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    return memoryOf(client.pid).rss;
  } finally {
    await client.shutdown();
  }
}

/** A server run for a profiler: open the document, then `work` (keystrokes or requests), then exit so the profile is written. */
export async function profiledSession(
  file: string,
  nodeFlags: string[],
  work: (client: BenchClient, uri: string, spots: Spots) => Promise<void>,
  memberNames: string[],
): Promise<void> {
  const root = path.dirname(file);
  const text = fs.readFileSync(file, 'utf8');
  const spots = findSpots(text, memberNames);
  const client = await BenchClient.start(root, { validate: { debounce: 0 } }, nodeFlags);
  try {
    await client.scanned();
    const uri = pathToFileURL(file).href;
    await client.open(uri, text);
    await work(client, uri, spots);
  } finally {
    await client.shutdown();
  }
}

export interface IndexResult {
  corpus: string;
  files: number;
  bytes: number;
  /** From `initialized` to the end of the indexing progress, of the median run. */
  ms: number;
  /** VmRSS a second after, and VmHWM, in MiB. */
  rss: number;
  peak: number;
}

/** The server with `corpus` as its workspace folder, indexing it: `bench/archive.mjs --server-only`, median of `runs`. */
export function measureIndex(corpus: string, runs: number): IndexResult {
  const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bench/archive.mjs'), corpus, '--server-only', '--runs', String(runs)], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`bench/archive.mjs --server-only failed (${run.status}):\n${run.stderr}`);
  return JSON.parse(run.stdout) as IndexResult;
}
