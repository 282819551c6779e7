// node bench/archive.mjs [CORPUS] [--server-only [--runs N]]   (after npm run build)
// The archive's bounds (docs/archive.md): building the index of a corpus (every file read, parsed
// and filed, on every core, as `referat cases` does it), beside reading alone; the language server
// indexing it as its workspace (time and memory); and `referat export` of it. Each is
// run 5 times as a fresh process; the best and the median wall time are printed, with the process's
// CPU time, and the machine's load average (the figures mean little on a busy machine).
// --server-only: only the language server, N times (3 unless given), its median run printed as JSON
// (what `npm run bench` reports as lsp.index).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const runsArg = args.indexOf('--runs');
const serverRuns = runsArg >= 0 ? Number(args[runsArg + 1]) : 3;
const corpus = path.resolve(args.find((a, i) => !a.startsWith('--') && i !== runsArg + 1) ?? path.join(root, '../shared/corpus/greve'));
const cli = path.join(root, 'dist/cli.js');
const out = path.join(os.tmpdir(), `referat-bench-export-${process.pid}.json`);

function measure(label, args, viaCli = true) {
  const runs = [];
  for (let i = 0; i < 5; i++) {
    const start = process.hrtime.bigint();
    // `time`'s user+sys of the child, through /usr/bin/time when there is one.
    const r = spawnSync('/usr/bin/time', ['-f', '%U %S', process.execPath, ...(viaCli ? [cli] : []), ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
    const wall = Number(process.hrtime.bigint() - start) / 1e6;
    if (r.status !== 0) throw new Error(`${label}: exit ${r.status}\n${r.stderr}`);
    const cpu = /([\d.]+) ([\d.]+)\s*$/.exec(r.stderr);
    runs.push({ wall, cpu: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : NaN });
  }
  runs.sort((a, b) => a.wall - b.wall);
  const median = runs[2];
  console.log(`${label}: best ${runs[0].wall.toFixed(0)} ms, median ${median.wall.toFixed(0)} ms wall; CPU ${median.cpu.toFixed(0)} ms (median run)`);
}

/** The floor: a process that only reads every file of the corpus and splits its lines. */
const READ_ALONE = `const fs=require('fs'),p=require('path');let n=0;for(const f of fs.readdirSync(process.argv[1]))n+=fs.readFileSync(p.join(process.argv[1],f),'utf8').split(/\\r\\n|\\n|\\r/).length;console.log(n)`;

/**
 * The language server with the corpus as its workspace folder: the time from \`initialized\` to the
 * end of its indexing progress, and its resident memory then (VmRSS) and at its peak (VmHWM).
 */
async function serverIndex() {
  const child = spawn(process.execPath, [path.join(root, 'dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  let done;
  const indexed = new Promise((resolve) => (done = resolve));
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('workspace/configuration', (params) => params.items.map(() => null));
  connection.onRequest('client/registerCapability', () => null);
  connection.onNotification('$/progress', (params) => params.value?.kind === 'end' && done());
  connection.listen();
  const rootUri = pathToFileURL(corpus).href;
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: 'corpus' }],
    capabilities: { window: { workDoneProgress: true }, workspace: { configuration: true, workspaceFolders: true } },
  });
  const start = process.hrtime.bigint();
  await connection.sendNotification('initialized', {});
  await indexed;
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  // The figures once the scan's garbage is collected as it would be in a second of idling.
  await new Promise((r) => setTimeout(r, 1000));
  const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const kb = (key) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
  await connection.sendRequest('shutdown');
  await connection.sendNotification('exit');
  connection.dispose();
  return { ms, rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

/** The server's median run of `runs` (by indexing time), and the best time. */
async function serverMedian(runs) {
  const servers = [];
  for (let i = 0; i < runs; i++) servers.push(await serverIndex());
  servers.sort((a, b) => a.ms - b.ms);
  return { ...servers[Math.floor((runs - 1) / 2)], bestMs: servers[0].ms, runs };
}

if (args.includes('--server-only')) {
  // The referater: the Greve folder also has notes in Markdown (VOTES.md).
  const files = fs.readdirSync(corpus).filter((f) => /\.(txt|referat)$|\.referat\.md$/.test(f));
  const bytes = files.reduce((sum, f) => sum + fs.statSync(path.join(corpus, f)).size, 0);
  console.log(JSON.stringify({ corpus, files: files.length, bytes, ...(await serverMedian(serverRuns)) }));
  process.exit(0);
}

console.log(
  `${corpus} on ${os.availableParallelism()} cores, load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
// `cases --case` reads every file into the archive and prints one case: the index's cost, and the process's start.
measure('reading alone (every file read, its lines split; one thread)', ['-e', READ_ALONE, corpus], false);
measure('index (referat cases --case 21-016074)', ['cases', corpus, '--case', '21-016074']);
const s = await serverMedian(serverRuns);
console.log(
  `language server, the corpus as its workspace: indexed in ${s.ms.toFixed(0)} ms (median of ${s.runs}; best ${s.bestMs.toFixed(0)} ms); memory then ${s.rss.toFixed(0)} MB, peak ${s.peak.toFixed(0)} MB`,
);
measure('referat export --format json', ['export', corpus, '--format', 'json', '-o', out]);
measure('referat export --format popolo', ['export', corpus, '--format', 'popolo', '-o', out]);
console.log(
  `load average after: ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
