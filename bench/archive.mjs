// node bench/archive.mjs [CORPUS]   (after npm run build)
// The archive's two bounds (docs/archive.md): building the index of a corpus (every file read,
// parsed and filed, on every core, as `referat cases` does it) and `referat export` of it. Each is
// run 5 times as a fresh process; the best and the median wall time are printed, with the process's
// CPU time, and the machine's load average (the figures mean little on a busy machine).
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = path.resolve(process.argv[2] ?? path.join(root, '../shared/corpus/greve'));
const cli = path.join(root, 'dist/cli.js');
const out = path.join(os.tmpdir(), `referat-bench-export-${process.pid}.json`);

function measure(label, args) {
  const runs = [];
  for (let i = 0; i < 5; i++) {
    const start = process.hrtime.bigint();
    // `time`'s user+sys of the child, through /usr/bin/time when there is one.
    const r = spawnSync('/usr/bin/time', ['-f', '%U %S', process.execPath, cli, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
    const wall = Number(process.hrtime.bigint() - start) / 1e6;
    if (r.status !== 0) throw new Error(`${label}: exit ${r.status}\n${r.stderr}`);
    const cpu = /([\d.]+) ([\d.]+)\s*$/.exec(r.stderr);
    runs.push({ wall, cpu: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : NaN });
  }
  runs.sort((a, b) => a.wall - b.wall);
  const median = runs[2];
  console.log(`${label}: best ${runs[0].wall.toFixed(0)} ms, median ${median.wall.toFixed(0)} ms wall; CPU ${median.cpu.toFixed(0)} ms (median run)`);
}

console.log(`${corpus} on ${os.availableParallelism()} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
// `cases --case` reads every file into the archive and prints one case: the index's cost, and the process's start.
measure('index (referat cases --case 21-016074)', ['cases', corpus, '--case', '21-016074']);
measure('referat export --format json', ['export', corpus, '--format', 'json', '-o', out]);
measure('referat export --format popolo', ['export', corpus, '--format', 'popolo', '-o', out]);
console.log(`load average after: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
