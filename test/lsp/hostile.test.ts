// The language server against a hostile client: 1,000 malformed or hostile messages written as raw
// bytes to its stdin (broken JSON, broken framing, non-object messages, missing methods, odd ids,
// unknown methods, params of the wrong types, documents never opened, positions outside the text,
// document sync out of order), then an ordinary client must still be served correctly.
//
// Framing is broken only in ways the stream recovers from: a header block without (or with an
// unreadable) Content-Length and no body, or a Content-Length too short whose leftover ends in a
// blank line, so that it is read as one more broken header block. (A Content-Length longer than
// the body swallows the next message, and a negative one corrupts the reader's buffer: no client
// can recover from those, so they are not sent.) After a broken header block the reader waits for
// the next bytes before it reads on; `settle` keeps bytes coming until the server answers.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentSymbol, FoldingRange } from 'vscode-languageserver-protocol';
import { StreamMessageReader } from 'vscode-languageserver-protocol/node';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { readSeed } from '../helpers/golden';
import { CLIENT_CAPABILITIES, requireBuiltServer } from '../helpers/lsp-client';
import { goldenItems } from './golden';

const MESSAGES = 1000;
const SEED = '000_db79083c852146f7.txt';
/** Positions and ranges are thrown at this document; it never changes. */
const STILL_SEED = '002_00cfbdd4d29f5775.txt';
const STILL_URI = 'file:///hostile/still.referat';
/** Document sync is scrambled on this one; the test keeps the text it must end up with. */
const EDITED_URI = 'file:///hostile/edited.referat';
const NEVER_OPENED = 'file:///hostile/never-opened.referat';
/** JSON cannot say Infinity; these strings are replaced by `1e999` / `-1e999` in the raw body, which JSON.parse reads as ±Infinity. */
const INF = '__INF__';
const NEG_INF = '__NEG_INF__';

interface Message {
  jsonrpc?: string;
  id?: unknown;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string };
}

type Expectation = 'methodNotFound' | 'empty' | 'result' | 'answer';

interface Case {
  kind: string;
  /** What is written; document sync cases make it from the text the edited document has by then. */
  bytes: string | Buffer | ((mirror: Mirror) => string | Buffer);
  /** The id (as JSON) of a request that must be answered, and how. */
  expect?: { key: string; as: Expectation; method: string };
}

interface Mirror {
  document: TextDocument;
}

const frame = (body: string | Buffer) => {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  return Buffer.concat([Buffer.from(`Content-Length: ${bytes.length}\r\n\r\n`, 'ascii'), bytes]);
};
const json = (message: unknown) => JSON.stringify(message).replaceAll(`"${INF}"`, '1e999').replaceAll(`"${NEG_INF}"`, '-1e999');
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A client that writes raw bytes and reads the server's messages with the protocol's own reader. */
class RawClient {
  readonly child: ChildProcessWithoutNullStreams;
  /** Responses by id (as JSON), each with how often it came. */
  readonly responses = new Map<string, { message: Message; count: number }>();
  readonly logs: { type: number; message: string }[] = [];
  stderr = '';
  private readonly waiting = new Map<string, (message: Message) => void>();
  private next = 0;

  constructor() {
    this.child = spawn(process.execPath, [requireBuiltServer(), '--stdio'], { stdio: 'pipe' });
    this.child.stderr.on('data', (chunk) => (this.stderr += String(chunk)));
    // The server may go away with bytes still on their way: that is what the test finds out.
    this.child.stdin.on('error', () => undefined);
    new StreamMessageReader(this.child.stdout).listen((message) => this.received(message as Message));
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  private received(message: Message): void {
    if (typeof message.method === 'string') {
      if (message.id !== undefined) this.answerServer(message);
      else if (message.method === 'window/logMessage') this.logs.push(message.params as { type: number; message: string });
      return;
    }
    const key = JSON.stringify(message.id);
    const known = this.responses.get(key);
    this.responses.set(key, { message, count: (known?.count ?? 0) + 1 });
    this.waiting.get(key)?.(message);
  }

  /** The server's own requests: settings (none), registrations, progress. */
  private answerServer(message: Message): void {
    const items = isObject(message.params) && Array.isArray(message.params.items) ? message.params.items : [];
    const result = message.method === 'workspace/configuration' ? items.map(() => null) : null;
    this.send({ jsonrpc: '2.0', id: message.id, result });
  }

  write(bytes: string | Buffer): void {
    this.child.stdin.write(bytes);
  }

  send(message: unknown): void {
    this.write(frame(json(message)));
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /** A request of the test's own (ids `t-<n>`, which no hostile message uses). */
  request<R>(method: string, params: unknown, timeoutMs = 15_000): Promise<R> {
    const key = JSON.stringify(`t-${++this.next}`);
    const answered = new Promise<Message>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${method} got no answer in ${timeoutMs} ms. Server stderr:\n${this.stderr}`)), timeoutMs);
      this.waiting.set(key, (message) => (clearTimeout(timer), this.waiting.delete(key), resolve(message)));
    });
    this.send({ jsonrpc: '2.0', id: JSON.parse(key), method, params });
    return answered.then((message) => {
      if (message.error) throw Object.assign(new Error(message.error.message), message.error);
      return message.result as R;
    });
  }

  /**
   * Waits until the server has read everything written so far: a request, and while it is not
   * answered, a harmless notification now and then, since after a broken header block the
   * reader reads on only when more bytes come.
   */
  async settle(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const answered = this.request('workspace/symbol', { query: 'settle' }, timeoutMs);
    let done = false;
    void answered.finally(() => (done = true)).catch(() => undefined);
    while (!done && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      if (!done) this.notify('hostile/kick', {});
    }
    await answered;
  }

  async stop(): Promise<void> {
    if (this.alive) {
      try {
        await this.request('shutdown', null, 5000);
        this.notify('exit', null);
      } catch {
        // killed below
      }
    }
    const exited = new Promise((resolve) => (this.alive ? this.child.once('exit', resolve) : resolve(null)));
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
    if (this.alive) this.child.kill('SIGKILL');
  }
}

/** mulberry32: the same 1,000 messages on every run. */
function random(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(values: readonly T[]): T => values[int(values.length)];
  return { next, int, pick };
}
type Random = ReturnType<typeof random>;

// ---- what the hostile messages are made of ---------------------------------------------------------

const BAD_NUMBERS: unknown[] = [-1, -2147483648, 1e9, 2 ** 31, 2 ** 53 + 10, 1e308, 1.5, -0.5, INF, NEG_INF, '3', 'x', null, true, {}, []];
const badPosition = (r: Random): unknown =>
  r.pick([
    () => ({ line: r.pick(BAD_NUMBERS), character: r.int(5) }),
    () => ({ line: r.int(40), character: r.pick(BAD_NUMBERS) }),
    () => ({ line: r.pick(BAD_NUMBERS), character: r.pick(BAD_NUMBERS) }),
    () => ({ line: 1_000_000 + r.int(1000), character: r.int(3) }),
    () => ({ line: r.int(900), character: 100_000 }),
    () => ({ line: r.int(3) }),
    () => ({}),
    () => null,
    () => 'line 3',
    () => [3, 4],
  ])();
const badRange = (r: Random): unknown =>
  r.pick([
    () => ({ start: badPosition(r), end: { line: 3, character: 0 } }),
    () => ({ start: { line: 0, character: 0 }, end: badPosition(r) }),
    () => ({ start: { line: 50, character: 4 }, end: { line: 2, character: 0 } }),
    () => ({ start: { line: -5, character: -5 }, end: { line: 1e9, character: 1e9 } }),
    () => ({ start: { line: 0, character: 0 } }),
    () => null,
    () => 'everything',
  ])();

/** Every request the server implements that takes a position or a range, with its params. */
const POSITION_REQUESTS: Record<string, (uri: string, position: unknown, range: unknown) => Record<string, unknown>> = {
  'textDocument/hover': (uri, position) => ({ textDocument: { uri }, position }),
  'textDocument/completion': (uri, position) => ({ textDocument: { uri }, position, context: { triggerKind: 1 } }),
  'textDocument/definition': (uri, position) => ({ textDocument: { uri }, position }),
  'textDocument/references': (uri, position) => ({ textDocument: { uri }, position, context: { includeDeclaration: true } }),
  'textDocument/rename': (uri, position) => ({ textDocument: { uri }, position, newName: 'Hostile Name' }),
  'textDocument/prepareRename': (uri, position) => ({ textDocument: { uri }, position }),
  'textDocument/documentHighlight': (uri, position) => ({ textDocument: { uri }, position }),
  'textDocument/selectionRange': (uri, position) => ({ textDocument: { uri }, positions: [{ line: 0, character: 0 }, position] }),
  'textDocument/codeAction': (uri, _, range) => ({ textDocument: { uri }, range, context: { diagnostics: [] } }),
  'textDocument/rangeFormatting': (uri, _, range) => ({ textDocument: { uri }, range, options: { tabSize: 2, insertSpaces: true } }),
  'textDocument/semanticTokens/range': (uri, _, range) => ({ textDocument: { uri }, range }),
};
/** The others that take a document. */
const DOCUMENT_REQUESTS: Record<string, (uri: string) => Record<string, unknown>> = {
  'textDocument/documentSymbol': (uri) => ({ textDocument: { uri } }),
  'textDocument/foldingRange': (uri) => ({ textDocument: { uri } }),
  'textDocument/codeLens': (uri) => ({ textDocument: { uri } }),
  'textDocument/documentLink': (uri) => ({ textDocument: { uri } }),
  'textDocument/formatting': (uri) => ({ textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } }),
  'textDocument/semanticTokens/full': (uri) => ({ textDocument: { uri } }),
  'textDocument/semanticTokens/full/delta': (uri) => ({ textDocument: { uri }, previousResultId: '1' }),
  'textDocument/diagnostic': (uri) => ({ textDocument: { uri } }),
};
const ALL_REQUESTS = [...Object.keys(POSITION_REQUESTS), ...Object.keys(DOCUMENT_REQUESTS), 'workspace/symbol', 'workspace/diagnostic'];
const NOTIFICATIONS = [
  'textDocument/didOpen',
  'textDocument/didChange',
  'textDocument/didClose',
  'textDocument/didSave',
  'textDocument/willSave',
  'workspace/didChangeConfiguration',
  'workspace/didChangeWatchedFiles',
  'workspace/didChangeWorkspaceFolders',
  '$/cancelRequest',
  '$/setTrace',
];
const WRONG_PARAMS: unknown[] = [
  'params',
  42,
  true,
  [],
  [1, 2, 3],
  [{ textDocument: { uri: STILL_URI } }],
  {},
  { textDocument: 5 },
  { textDocument: null },
  { textDocument: { uri: 5 } },
  { textDocument: { uri: STILL_URI }, position: 'here' },
  { textDocument: { uri: STILL_URI }, context: null },
  { textDocument: { uri: STILL_URI }, context: { diagnostics: 'none' }, range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } } },
  { textDocument: { uri: STILL_URI }, position: { line: 1, character: 1 }, newName: 42 },
  { textDocument: { uri: STILL_URI }, options: null },
  { query: 42 },
  { query: null },
  { previousResultIds: 'none' },
  { settings: { referat: { validate: 'everything', rules: [1, 2] } } },
  { changes: null },
  { changes: [{ uri: 7, type: 'created' }, null] },
  { changes: [{ uri: 'file:///hostile/nowhere/x.referat', type: 1 }] },
  { event: null },
  { event: { added: 'all', removed: 5 } },
  { event: { added: [{ uri: 'file:///hostile/no-such-folder', name: 'x' }, null], removed: [{}] } },
  { textDocument: { uri: EDITED_URI, version: 'two' }, contentChanges: 'everything' },
  { textDocument: { uri: EDITED_URI, version: Number.POSITIVE_INFINITY }, contentChanges: [{ text: 5 }] },
  { textDocument: { uri: STILL_URI, languageId: 7, version: null, text: null } },
  { textDocument: { uri: 12, languageId: 'referat', version: 1, text: 'Punkt 1: x' } },
  { id: { nested: true } },
  { value: 'verbose' },
];
const BAD_JSON = [
  '{',
  '}',
  'not json at all',
  '{"jsonrpc":"2.0","id":1,"method":"textDocument/hover","params":{',
  '{"jsonrpc":"2.0","method":"initialized","params":{},}',
  "{'jsonrpc':'2.0','method':'x'}",
  '{"jsonrpc":"2.0","method":"x","params":NaN}',
  '\u0000\u0001\u0002',
  '[{"jsonrpc":"2.0",',
  '""'.repeat(50),
  '{"a":' + '['.repeat(2000),
  '\uFEFF{"jsonrpc":"2.0","method":"$/kick"}',
];
const NON_OBJECTS = ['42', '"a string"', 'null', 'true', '[]', '[1,2,3]', '[{"jsonrpc":"2.0","id":"batch","method":"textDocument/hover","params":{}}]', '-0', '1e999'];

/** One hostile message (or header block); `i` makes ids unique. */
function hostileCase(i: number, r: Random, stillLines: number): Case {
  const id = `h-${i}`;
  const key = JSON.stringify(id);
  const request = (method: string, params: unknown, as: Expectation): Case => ({
    kind: '',
    bytes: frame(json({ jsonrpc: '2.0', id, method, params })),
    expect: { key, as, method },
  });
  const kinds: Record<string, () => Case> = {
    badJson: () => ({ kind: '', bytes: frame(r.pick(BAD_JSON)) }),
    invalidUtf8: () => ({ kind: '', bytes: frame(Buffer.from([0x7b, 0xff, 0xfe, 0xc3, 0x28, 0x7d])) }),
    framing: () =>
      r.pick([
        () => ({ kind: '', bytes: 'Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n' }),
        () => ({ kind: '', bytes: 'Content-Length: many\r\n\r\n' }),
        () => ({ kind: '', bytes: 'no colon in this header\r\n\r\n' }),
        () => ({ kind: '', bytes: frame('') }),
        // A Content-Length too short for its body, whose leftover ends in a blank line: one more broken header block.
        () => {
          const message = `{"jsonrpc":"2.0","method":"$/kick","params":{}}`;
          return { kind: '', bytes: `Content-Length: ${message.length}\r\n\r\n${message}, "params": {"leftover": true}}\r\n\r\n` };
        },
        // Extra headers, odd case, padding after the body: all still a message.
        () => ({ kind: '', bytes: `content-length: 25\r\nX-Hostile: yes\r\n\r\n{"jsonrpc":"2.0","a":1}  ` }),
      ])(),
    nonObject: () => ({ kind: '', bytes: frame(r.pick(NON_OBJECTS)) }),
    noMethod: () =>
      ({
        kind: '',
        bytes: frame(
          json(
            r.pick<unknown>([
              { jsonrpc: '2.0', id },
              { jsonrpc: '2.0', id, params: {} },
              { jsonrpc: '2.0' },
              {},
              { jsonrpc: '2.0', id, method: 42 },
              { jsonrpc: '2.0', id, method: null, params: {} },
              { jsonrpc: '2.0', id: `t-${100_000 + i}`, result: { unasked: true } },
              { jsonrpc: '2.0', id: 999_999_999, error: { code: -1, message: 'nobody asked' } },
              { jsonrpc: '2.0', id: null, error: { code: 1, message: 'x' } },
              { jsonrpc: '1.0', id, method: 'textDocument/hover' },
            ]),
          ),
        ),
      }) as Case,
    oddId: () => {
      const odd = r.pick<unknown>([1e300 * (i + 1), -(i + 1), i + 0.5, Number.MAX_SAFE_INTEGER - i, `${'x'.repeat(5000)}${i}`, `ü-${i}-\u2028`, {}, [], true, null]);
      const body = json({ jsonrpc: '2.0', id: odd, method: 'textDocument/documentSymbol', params: { textDocument: { uri: STILL_URI } } });
      const answerable = typeof odd === 'string' || typeof odd === 'number';
      return { kind: '', bytes: frame(body), ...(answerable ? { expect: { key: JSON.stringify(odd), as: 'result' as const, method: 'documentSymbol (odd id)' } } : {}) };
    },
    unknownRequest: () =>
      request(r.pick(['referat/nothing', 'textDocument/typeDefinition', 'textDocument/implementation', '$/hostile', 'Initialize', '', ' ']), {}, 'methodNotFound'),
    unknownNotification: () => ({
      kind: '',
      bytes: frame(json({ jsonrpc: '2.0', method: r.pick(['referat/nothing', '$/hostile', 'textDocument/didWhatever', '']), params: { x: 1 } })),
    }),
    unopened: () => {
      const method = r.pick(ALL_REQUESTS.filter((m) => m.startsWith('textDocument/')));
      const params =
        method in POSITION_REQUESTS
          ? POSITION_REQUESTS[method](NEVER_OPENED + i, { line: r.int(10), character: r.int(10) }, { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } })
          : DOCUMENT_REQUESTS[method](NEVER_OPENED + i);
      return request(method, params, 'empty');
    },
    position: () => {
      const method = r.pick(Object.keys(POSITION_REQUESTS));
      return request(method, POSITION_REQUESTS[method](STILL_URI, badPosition(r), badRange(r)), 'result');
    },
    beyondEnd: () => {
      const method = r.pick(Object.keys(POSITION_REQUESTS));
      const line = r.pick([stillLines - 1, stillLines, stillLines + 1, stillLines + 1000]);
      const position = { line, character: r.pick([0, 1, 80, 100_000]) };
      return request(method, POSITION_REQUESTS[method](STILL_URI, position, { start: { line: r.int(stillLines), character: 0 }, end: position }), 'result');
    },
    wrongParamsRequest: () => request(r.pick(ALL_REQUESTS), r.pick(WRONG_PARAMS), 'answer'),
    wrongParamsNotification: () => ({ kind: '', bytes: frame(json({ jsonrpc: '2.0', method: r.pick(NOTIFICATIONS), params: r.pick(WRONG_PARAMS) })) }),
    noParams: () => request(r.pick(ALL_REQUESTS), undefined, 'answer'),
    cancel: () => ({
      kind: '',
      bytes: frame(json({ jsonrpc: '2.0', method: '$/cancelRequest', params: { id: r.pick<unknown>([`h-${i - 1}`, `h-${i + 1}`, 123_456, null, {}]) } })),
    }),
    sync: () => syncCase(i, r),
  };
  const names = Object.keys(kinds);
  // Every kind in turn for the first rounds, then at random.
  const kind = i < names.length * 3 ? names[i % names.length] : r.pick(names);
  return { ...kinds[kind](), kind };
}

const PUNKT_LINES = ['Punkt 17: Hostile punkt\n', '\nPunkt 18: Endnu et punkt\n\nBeslutning\nGodkendt.\n', 'Indstilling\n', '', 'æøå\r\n', '\uFEFF', '\u{1F600}'];

/** Document sync on the edited document: in order, and stale or duplicate versions (taken, in the order sent), broken changes (ignored), unopened documents, reopenings. */
function syncCase(i: number, r: Random): Case {
  const change = (uri: string, version: unknown, contentChanges: unknown) =>
    frame(json({ jsonrpc: '2.0', method: 'textDocument/didChange', params: { textDocument: { uri, version }, contentChanges } }));
  /** A change the server must take: applied to the expected text as it is sent. With the next version, unless `versionOf` says another. */
  const taken = (changes: (document: TextDocument) => TextDocumentContentChangeEvent[], versionOf = (last: number) => last + 1): Case => ({
    kind: '',
    bytes: (mirror) => {
      const contentChanges = changes(mirror.document);
      const version = versionOf(mirror.document.version);
      mirror.document = TextDocument.update(mirror.document, contentChanges, version);
      return change(EDITED_URI, version, contentChanges);
    },
  });
  return r.pick<() => Case>([
    // A valid incremental edit, then a whole new text, each with the next version.
    () =>
      taken((document) => {
        const at = () => document.positionAt(r.int(document.getText().length + 1));
        const [a, b] = [at(), at()].sort((x, y) => x.line - y.line || x.character - y.character);
        return [{ range: { start: a, end: b }, text: r.pick(PUNKT_LINES) }];
      }),
    () => taken(() => [{ text: `Punkt 1: Ny tekst ${i}\n\nBeslutning\nGodkendt.\n\nPunkt 2: Mere ${i}\n` }]),
    // An older version, or the same one again: applied all the same, in the order sent (issue 18).
    () =>
      taken(
        () => [{ text: `Punkt 99: Samme eller ældre version ${i}\n` }],
        (last) => Math.max(0, last - r.int(3)),
      ),
    // Broken changes with a newer version.
    () => {
      const changes = r.pick<unknown>([
        [{ range: { start: { line: -1, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }],
        [{ range: { start: { line: INF, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }],
        [{ range: { start: { line: 0, character: 'a' }, end: { line: 0, character: 0 } }, text: 'x' }],
        [{ range: null, text: 'x' }],
        [{ text: 42 }],
        [{ text: 'ok' }, { range: { start: { line: 0, character: 0 } }, text: 'x' }],
        [null],
        'text',
        {},
      ]);
      return { kind: '', bytes: (mirror) => change(EDITED_URI, mirror.document.version + 1, changes) };
    },
    () => ({ kind: '', bytes: change(`file:///hostile/unopened-${i}.referat`, 2, [{ text: 'Punkt 1: x\n' }]) }),
    () => ({ kind: '', bytes: frame(json({ jsonrpc: '2.0', method: 'textDocument/didClose', params: { textDocument: { uri: `file:///hostile/unknown-${i}.referat` } } })) }),
    // The edited document opened again: its text is replaced, its version is the new one.
    () => {
      const text = `REFERAT Hostile udvalg\n\nPunkt 1: Genåbnet ${i}\n\nBeslutning\nGodkendt.\n`;
      const version = 1000 + i;
      return {
        kind: '',
        bytes: (mirror) => {
          mirror.document = TextDocument.create(EDITED_URI, 'referat', version, text);
          return frame(json({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: EDITED_URI, languageId: 'referat', version, text } } }));
        },
      };
    },
  ])();
}

// ---- the test ------------------------------------------------------------------------------------------

/** Errors a request may answer with on purpose: rename refuses what is no member's name; a cancelled request says so. */
const DELIBERATE_ERRORS: Record<string, number[]> = { 'textDocument/rename': [-32600, -32602], 'textDocument/prepareRename': [-32600, -32602] };
const REQUEST_CANCELLED = -32800;
const deliberate = (method: string, error: { code: number }) => error.code === REQUEST_CANCELLED || (DELIBERATE_ERRORS[method] ?? []).includes(error.code);

const isEmptyAnswer = (result: unknown) =>
  result === null || (Array.isArray(result) && result.length === 0) || (isObject(result) && Object.values(result).every((v) => !Array.isArray(v) || v.length === 0));

/** Every `{ line, character }` in a result. */
function positionsIn(value: unknown, out: { line: unknown; character: unknown }[] = []): { line: unknown; character: unknown }[] {
  if (Array.isArray(value)) for (const v of value) positionsIn(v, out);
  else if (isObject(value)) {
    if ('line' in value && 'character' in value) out.push({ line: value.line, character: value.character });
    else for (const v of Object.values(value)) positionsIn(v, out);
  }
  return out;
}

describe('a hostile client', () => {
  let workspace: string;
  let server: RawClient;
  const cases: Case[] = [];
  const stillText = readSeed(STILL_SEED);
  const stillLines = stillText.split(/\r\n|\r|\n/);
  const mirror: Mirror = { document: TextDocument.create(EDITED_URI, 'referat', 1, readSeed('003_4215b85305d5dec8.txt')) };

  beforeAll(async () => {
    workspace = mkdtempSync(path.join(tmpdir(), 'referat-hostile-'));
    server = new RawClient();
    const rootUri = pathToFileURL(workspace).href;
    await server.request('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'hostile' }],
      capabilities: {
        ...CLIENT_CAPABILITIES,
        textDocument: { ...CLIENT_CAPABILITIES.textDocument, publishDiagnostics: { versionSupport: true }, rename: { prepareSupport: true } },
        workspace: { ...CLIENT_CAPABILITIES.workspace, configuration: true, didChangeConfiguration: {} },
      },
    });
    server.notify('initialized', {});
    server.notify('textDocument/didOpen', { textDocument: { uri: STILL_URI, languageId: 'referat', version: 1, text: stillText } });
    server.notify('textDocument/didOpen', { textDocument: { uri: EDITED_URI, languageId: 'referat', version: 1, text: mirror.document.getText() } });

    const r = random(0x5eed);
    for (let i = 0; i < MESSAGES; i++) {
      const hostile = hostileCase(i, r, stillLines.length);
      server.write(typeof hostile.bytes === 'function' ? hostile.bytes(mirror) : hostile.bytes);
      cases.push(hostile);
      // Now and then a pause, so that messages also arrive one by one and not only in one chunk.
      if (i % 50 === 49) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await server.settle();
  });

  afterAll(async () => {
    await server?.stop();
    if (workspace) rmSync(workspace, { recursive: true, force: true });
  });

  it(`sent ${MESSAGES} messages of every kind`, () => {
    expect(cases).toHaveLength(MESSAGES);
    const kinds = new Map<string, number>();
    for (const c of cases) kinds.set(c.kind, (kinds.get(c.kind) ?? 0) + 1);
    expect(kinds.size).toBe(16);
    for (const count of kinds.values()) expect(count).toBeGreaterThanOrEqual(10);
  });

  it('is still running, with no crash on stderr or in its log', () => {
    expect(server.alive).toBe(true);
    expect(server.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(server.stderr).not.toMatch(/Uncaught|Unhandled|TypeError|RangeError/);
    const crashes = server.logs.filter((log) => /Uncaught|Unhandled rejection/.test(log.message));
    expect(crashes.map((log) => log.message)).toEqual([]);
    // Guarded handlers log a stack when they fail: no request should get that far.
    const traces = server.logs.filter((log) => /\n\s+at /.test(log.message));
    expect(traces.map((log) => log.message.split('\n').slice(0, 2).join(' | '))).toEqual([]);
  });

  it('answers every request once: unknown methods with MethodNotFound, unopened documents with nothing', () => {
    const expected = cases.flatMap((c) => (c.expect ? [c.expect] : []));
    expect(expected.length).toBeGreaterThan(300);
    const problems: string[] = [];
    for (const { key, as, method } of expected) {
      const response = server.responses.get(key);
      const label = `${method} ${key.slice(0, 40)}`;
      if (!response) {
        problems.push(`${label}: no answer`);
        continue;
      }
      if (response.count !== 1) problems.push(`${label}: answered ${response.count} times`);
      const { message } = response;
      if (as === 'methodNotFound') {
        if (message.error?.code !== -32601) problems.push(`${label}: ${JSON.stringify(message).slice(0, 200)}`);
      } else if (as === 'empty') {
        if (message.error ? !deliberate(method, message.error) : !isEmptyAnswer(message.result)) problems.push(`${label}: not empty: ${JSON.stringify(message).slice(0, 200)}`);
      } else if (as === 'result') {
        if (message.error && !deliberate(method, message.error)) problems.push(`${label}: error ${JSON.stringify(message.error)}`);
      } else if (!('result' in message) && !message.error) problems.push(`${label}: neither result nor error`);
    }
    expect(problems).toEqual([]);
  });

  it('answers positions outside the text with ranges inside it', () => {
    const inside = (p: { line: unknown; character: unknown }) =>
      Number.isInteger(p.line) &&
      Number.isInteger(p.character) &&
      (p.line as number) >= 0 &&
      (p.line as number) < stillLines.length &&
      (p.character as number) >= 0 &&
      (p.character as number) <= stillLines[p.line as number].length;
    const checked = new Set([
      'textDocument/hover',
      'textDocument/documentHighlight',
      'textDocument/selectionRange',
      'textDocument/prepareRename',
      'textDocument/completion',
      'textDocument/codeAction',
      'textDocument/rangeFormatting',
    ]);
    const outside: string[] = [];
    for (const c of cases) {
      if (!c.expect || c.expect.as !== 'result' || !checked.has(c.expect.method)) continue;
      const result = server.responses.get(c.expect.key)?.message.result;
      for (const p of positionsIn(result)) if (!inside(p)) outside.push(`${c.expect.method}: ${JSON.stringify(p)}`);
    }
    expect(outside).toEqual([]);
  });

  it('keeps the text of a document whose changes came stale, twice, broken or for other documents', async () => {
    const expectedUri = 'file:///hostile/expected.referat';
    server.notify('textDocument/didOpen', { textDocument: { uri: expectedUri, languageId: 'referat', version: 1, text: mirror.document.getText() } });
    for (const method of ['textDocument/documentSymbol', 'textDocument/foldingRange', 'textDocument/semanticTokens/full'] as const) {
      const edited = await server.request<DocumentSymbol[] | FoldingRange[] | { data: number[] }>(method, { textDocument: { uri: EDITED_URI } });
      const fresh = await server.request<DocumentSymbol[] | FoldingRange[] | { data: number[] }>(method, { textDocument: { uri: expectedUri } });
      if (method === 'textDocument/semanticTokens/full') expect((edited as { data: number[] }).data).toEqual((fresh as { data: number[] }).data);
      else expect(edited).toEqual(fresh);
    }
  });

  it('reads a document opened twice with the same version from the second text', async () => {
    const uri = 'file:///hostile/twice.referat';
    server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'referat', version: 7, text: 'Punkt 1: Først\n' } });
    expect((await server.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } }))[0].children!.map((s) => s.name)).toEqual(['Punkt 1: Først']);
    server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'referat', version: 7, text: 'Punkt 1: Siden\n\nPunkt 2: Mere\n' } });
    expect((await server.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } }))[0].children!.map((s) => s.name)).toEqual([
      'Punkt 1: Siden',
      'Punkt 2: Mere',
    ]);
  });

  it(`then serves an ordinary client: seed ${SEED.slice(0, 3)} has its ${goldenItems(SEED).length} punkter`, async () => {
    const uri = 'file:///hostile/after.referat';
    server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'referat', version: 1, text: readSeed(SEED) } });
    const outline = await server.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const punkter = outline[0].children!.filter((s) => /^Punkt \d+/.test(s.name));
    expect(punkter).toHaveLength(16);
    expect(punkter.map((s) => s.range.start.line)).toEqual(goldenItems(SEED).map((item) => item.line - 1));
    expect(server.alive).toBe(true);
  });
});
