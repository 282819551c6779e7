// npm run bench [-- --quick] [--out FILE] [--no-profile] [--no-build]
// Builds the project (npm run build) unless --no-build, bundles the benchmark (bench/src) into
// bench/.data/bench.cjs with esbuild, and runs it. See bench/README.md.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const started = Date.now();

if (!args.includes('--no-build')) {
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
// Apart for --quick, so that a quick run (the test) never rewrites the bundle a full run is using.
const outfile = path.join(root, args.includes('--quick') ? 'bench/.data/quick/bench.cjs' : 'bench/.data/bench.cjs');
await esbuild.build({
  entryPoints: [path.join(root, 'bench/src/main.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  mainFields: ['module', 'main'],
  logLevel: 'warning',
});
const run = spawnSync(process.execPath, [outfile, ...args.filter((a) => a !== '--no-build')], { cwd: root, stdio: 'inherit' });
process.stderr.write(`[bench] wall time with build: ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
process.exit(run.status ?? 1);
