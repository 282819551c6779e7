// Compiles the extension tests (test/e2e/vscode/suite/*.ts) to CommonJS in test/.cache/vscode-tests/.
// Not bundled: `vscode` comes from the extension host, mocha from the repository's node_modules.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const TESTS_OUT = path.join(ROOT, 'test/.cache/vscode-tests');

/** Builds the suite and returns the absolute path of its index.js. */
export async function buildTests() {
  const suite = path.join(ROOT, 'test/e2e/vscode/suite');
  fs.rmSync(TESTS_OUT, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: fs
      .readdirSync(suite)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => path.join(suite, f)),
    outdir: TESTS_OUT,
    bundle: false,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return path.join(TESTS_OUT, 'index.js');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(await buildTests());
}
