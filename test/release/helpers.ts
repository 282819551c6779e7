// Shared by the release tests: packing this checkout, installing the tarball elsewhere, and running
// npm without the settings of the `npm test` that runs them.
import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const root = path.resolve(__dirname, '../..');

/** The environment without the outer `npm test`'s npm_* settings, which would steer the inner npm. */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const outer = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  return { ...outer, LANG: 'en_US.UTF-8', LC_ALL: '', REFERAT_LANG: '', NO_COLOR: '1', ...extra };
}

/** Packs this checkout (as built: `npm test` builds first) into `dir`; returns the tarball and its files. */
export function packInto(dir: string): { tarball: string; files: string[] } {
  const res = spawnSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], { cwd: root, encoding: 'utf8', env: cleanEnv() });
  if (res.status !== 0) throw new Error(`npm pack failed: ${res.stderr}`);
  const [info] = JSON.parse(res.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
  return { tarball: path.join(dir, info.filename), files: info.files.map((f) => f.path).sort() };
}

/** Installs a packed tarball into a prefix of its own, from an empty folder, without the registry. */
export function installTarball(tarball: string, prefix: string): SpawnSyncReturns<string> {
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'referat-empty-'));
  try {
    return spawnSync('npm', ['install', '--global', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', tarball], { cwd: empty, encoding: 'utf8', env: cleanEnv() });
  } finally {
    fs.rmSync(empty, { recursive: true, force: true });
  }
}
