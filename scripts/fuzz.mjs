// Bundles the fuzzer (test/fuzz/fuzz.ts) and runs it: `npm run fuzz [-- --cases N --seed S | --replay FILE]`.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';

const out = 'test/.cache/fuzz/fuzz.js';
await esbuild.build({ entryPoints: ['test/fuzz/fuzz.ts'], bundle: true, platform: 'node', format: 'cjs', mainFields: ['module', 'main'], outfile: out, logLevel: 'warning' });
const run = spawnSync(process.execPath, [out, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(run.status ?? 1);
