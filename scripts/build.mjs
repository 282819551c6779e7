// Bundles the language server, the CLI and the VS Code client with esbuild.
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: true,
  // jsonc-parser's UMD entry cannot be bundled; its ES module entry can.
  mainFields: ['module', 'main'],
  logLevel: 'warning',
};
const shebang = { js: '#!/usr/bin/env node' };

const builds = [
  { ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', banner: shebang },
  { ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: shebang },
  // The worker thread of `referat lint`: apart from the CLI, so that a thread loads only what it needs.
  { ...common, entryPoints: ['server/src/cli/worker.ts'], outfile: 'dist/cli-worker.js' },
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
];

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
  const fs = await import('node:fs');
  for (const f of ['dist/server.js', 'dist/cli.js']) fs.chmodSync(f, 0o755);
}
