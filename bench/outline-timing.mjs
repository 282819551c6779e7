// node bench/outline-timing.mjs FILE [--requests N] [--gc] [--server SERVER.js]
// Where the time of a documentSymbol request goes: dist/server.js --stdio is sent the document, then
// N documentSymbol requests one after the other, read by a client of its own that only cuts the
// stream into messages; for each request it times the last byte of the answer, then decoding the
// bytes to text and parsing the JSON apart (what vscode-jsonrpc's reader does next). Prints the
// medians (and the page faults of decoding: its text is fresh memory), the whole request's p50 and
// p99, the slowest, and per request in order the time to the last byte, the whole time and the
// client's own garbage collection in it. With
// --gc the server reports on stderr every garbage collection over 3 ms (a `gc` performance observer).
// With --server, another build's server (another worktree's dist/server.js) is timed instead.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const file = args.find((a, i) => !a.startsWith('--') && !['--requests', '--server'].includes(args[i - 1]));
const serverPath = path.resolve(option('--server') ?? path.join(root, 'dist/server.js'));
const requests = Number(option('--requests')) || 40;
if (!file) {
  process.stderr.write('usage: node bench/outline-timing.mjs FILE [--requests N] [--gc] [--server SERVER.js]\n');
  process.exit(2);
}
// The observer is loaded into the server before its own code (--require of a file of its own).
const observer = path.join(os.tmpdir(), `referat-gc-observer-${process.pid}.cjs`);
if (args.includes('--gc')) {
  fs.writeFileSync(
    observer,
    `const { PerformanceObserver, performance } = require('node:perf_hooks');
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) if (e.duration > 3) process.stderr.write('server gc ' + e.duration.toFixed(1) + ' ms at ' + (performance.timeOrigin + e.startTime).toFixed(0) + '\\n');
}).observe({ entryTypes: ['gc'] });
`,
  );
}
const flags = [...(args.includes('--gc') ? ['--require', observer] : []), serverPath, '--stdio'];
const server = spawn(process.execPath, flags, { stdio: ['pipe', 'pipe', 'inherit'] });

const send = (message) => {
  const body = Buffer.from(JSON.stringify(message));
  server.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
  server.stdin.write(body);
};
const answers = new Map();
let published = () => undefined;
let chunks = [];
let buffered = 0;
/** The length of the message being read (its body), once its header is in. */
let expected = -1;
let bodyStart = 0;
// Chunks are joined only once a whole message is in: joining them on every chunk copied a large
// answer over and over (the client's work, not the server's, but counted in its time).
server.stdout.on('data', (chunk) => {
  chunks.push(chunk);
  buffered += chunk.length;
  for (;;) {
    if (expected < 0) {
      const head = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, buffered);
      chunks = [head];
      const headEnd = head.indexOf('\r\n\r\n');
      if (headEnd < 0) return;
      expected = Number(/Content-Length: (\d+)/i.exec(head.subarray(0, headEnd).toString('ascii'))[1]);
      bodyStart = headEnd + 4;
    }
    if (buffered < bodyStart + expected) return;
    const at = performance.now();
    const all = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, buffered);
    const body = all.subarray(bodyStart, bodyStart + expected);
    chunks = [all.subarray(bodyStart + expected)];
    buffered = chunks[0].length;
    expected = -1;
    received(body, at);
  }
});

function received(body, at) {
  const start = body.subarray(0, 100).toString('latin1');
  const id = /"id":(\d+)/.exec(start);
  if (start.includes('"method"')) {
    const message = JSON.parse(body.toString('utf8'));
    if (message.method === 'workspace/configuration') send({ jsonrpc: '2.0', id: message.id, result: message.params.items.map(() => ({ validate: { debounce: 0 } })) });
    else if (message.id !== undefined) send({ jsonrpc: '2.0', id: message.id, result: null });
    if (message.method === 'textDocument/publishDiagnostics') published();
  } else if (id && answers.has(Number(id[1]))) {
    answers.get(Number(id[1]))({ at, body });
    answers.delete(Number(id[1]));
  }
}
let lastId = 0;
const request = (method, params) =>
  new Promise((resolve) => {
    const id = ++lastId;
    answers.set(id, resolve);
    send({ jsonrpc: '2.0', id, method, params });
  });

await request('initialize', { processId: process.pid, rootUri: null, capabilities: { textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: true } } } });
send({ jsonrpc: '2.0', method: 'initialized', params: {} });
const uri = pathToFileURL(path.resolve(file)).href;
const diagnostics = new Promise((resolve) => (published = resolve));
send({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'referat', version: 1, text: fs.readFileSync(file, 'utf8') } } });
await diagnostics;

// This client's own collections, to tell its pauses from the server's.
const clientGc = [];
const gcObserver = new PerformanceObserver((list) => clientGc.push(...list.getEntries().map((e) => ({ start: e.startTime, end: e.startTime + e.duration }))));
gcObserver.observe({ entryTypes: ['gc'] });
const gcWithin = (from, to) => clientGc.reduce((sum, g) => sum + Math.max(0, Math.min(to, g.end) - Math.max(from, g.start)), 0);

const rows = [];
for (let i = 0; i < requests; i++) {
  const t0 = performance.now();
  const { at, body } = await request('textDocument/documentSymbol', { textDocument: { uri } });
  const t1 = performance.now();
  const faults = process.resourceUsage().minorPageFault;
  const text = body.toString('utf8');
  const decodeFaults = process.resourceUsage().minorPageFault - faults;
  const t2 = performance.now();
  JSON.parse(text);
  const t3 = performance.now();
  rows.push({ lastByte: at - t0, decode: t2 - t1, parse: t3 - t2, decodeFaults, bytes: body.length, from: performance.timeOrigin + t0, t0, t3 });
}
// Entries arrive after the collection: wait for the last ones.
await new Promise((resolve) => setTimeout(resolve, 50));
gcObserver.disconnect();
for (const row of rows) row.clientGc = gcWithin(row.t0, row.t3);
server.kill();
if (args.includes('--gc')) fs.rmSync(observer, { force: true });
const median = (key) =>
  rows
    .map((r) => r[key])
    .sort((a, b) => a - b)
    [rows.length >> 1].toFixed(1);
// Nearest rank over the requests after the first (which builds the answer).
const whole = rows
  .slice(1)
  .map((r) => r.lastByte + r.decode + r.parse)
  .sort((a, b) => a - b);
const rank = (q) => (whole.length ? whole[Math.max(0, Math.ceil((q / 100) * whole.length) - 1)].toFixed(2) : 'n/a');
const slowest = (key) => Math.max(...rows.map((r) => r[key])).toFixed(1);
console.log(`${path.basename(file)}: ${requests} documentSymbol requests, answer ${rows[0].bytes} bytes (the first request also builds it)`);
console.log(
  `  median: last byte ${median('lastByte')} ms, decode ${median('decode')} ms (${rows.map((r) => r.decodeFaults).sort((a, b) => a - b)[rows.length >> 1]} page faults: the text is fresh memory), parse ${median('parse')} ms`,
);
console.log(`  whole request with decoding and parsing: p50 ${rank(50)} ms, p99 ${rank(99)} ms`);
console.log(`  slowest: last byte ${slowest('lastByte')} ms, decode ${slowest('decode')} ms, parse ${slowest('parse')} ms`);
console.log(`  last byte, in order (ms): ${rows.map((r) => r.lastByte.toFixed(0)).join(' ')}`);
console.log(`  whole request with decoding and parsing, in order (ms): ${rows.map((r) => (r.lastByte + r.decode + r.parse).toFixed(0)).join(' ')}`);
console.log(`  of which this client's own garbage collection (ms): ${rows.map((r) => r.clientGc.toFixed(0)).join(' ')}`);
if (args.includes('--gc')) console.log(`  sent at (ms since epoch, to match the server's gc lines): ${rows.map((r) => r.from.toFixed(0)).join(' ')}`);
