#!/usr/bin/env node
// Packs the VS Code extension (.vsix) from the manifest the npm package shares.
//
// package.json's `files` lists what the npm package holds (the CLI and the language server);
// .vscodeignore lists what the .vsix holds (the client too, the grammar, the translations, ...).
// vsce refuses a folder that has both ("VSCE does not support combining both strategies"), so the
// extension's files (the `!` lines of .vscodeignore) are copied into a scratch folder with the
// manifest minus `files`, and vsce packs that folder.
//
//   node scripts/package-vsix.mjs [--out FILE.vsix]     (default: <name>-<version>.vsix here)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { glob } from 'tinyglobby';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const outIndex = process.argv.indexOf('--out');
const out = path.resolve(outIndex > 0 ? process.argv[outIndex + 1] : path.join(root, `${manifest.name}-${manifest.version}.vsix`));

const ignore = fs.readFileSync(path.join(root, '.vscodeignore'), 'utf8');
const includes = ignore
  .split(/\r?\n/)
  .map((l) => l.trim())
  .filter((l) => l.startsWith('!'))
  .map((l) => l.slice(1));
const files = await glob(includes, { cwd: root, onlyFiles: true, dot: false });
if (!files.includes('dist/client.js')) throw new Error('dist/client.js is missing: run `npm run build` first');

const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'referat-vsix-'));
try {
  for (const file of files) {
    fs.mkdirSync(path.join(stage, path.dirname(file)), { recursive: true });
    fs.copyFileSync(path.join(root, file), path.join(stage, file));
  }
  const { files: _npmFiles, ...extension } = manifest;
  fs.writeFileSync(path.join(stage, 'package.json'), JSON.stringify(extension, null, 2) + '\n');
  fs.copyFileSync(path.join(root, '.vscodeignore'), path.join(stage, '.vscodeignore'));
  const vsce = path.join(root, 'node_modules/@vscode/vsce/vsce');
  const result = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--out', out], { cwd: stage, stdio: 'inherit' });
  process.exitCode = result.status ?? 1;
} finally {
  fs.rmSync(stage, { recursive: true, force: true });
}
