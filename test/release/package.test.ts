// The npm package as users get it: `npm pack`, installed into an empty prefix from the tarball alone
// (offline: the bundles need no dependency), then `referat` and `referat-language-server` run from
// there, in a folder of their own. Where Node has its permission model (20 and later), they run
// under it, allowed to read only the prefix and that folder: this checkout cannot be reached.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type InitializeResult } from 'vscode-languageserver-protocol/node';
import { cleanEnv, installTarball, packInto, root } from './helpers';

const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const permissionModel = Number(process.versions.node.split('.')[0]) >= 20;

describe('the npm package', () => {
  let tmp: string;
  let prefix: string;
  let work: string;
  let packed: { tarball: string; files: string[] };
  let env: NodeJS.ProcessEnv;
  const bin = (name: string) => path.join(prefix, 'bin', name);
  const referat = (...args: string[]) => spawnSync(bin('referat'), args, { cwd: work, encoding: 'utf8', env });

  beforeAll(() => {
    tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'referat-package-')));
    prefix = path.join(tmp, 'prefix');
    work = path.join(tmp, 'minutes');
    fs.mkdirSync(work);
    for (const f of ['social-udvalget.referat.txt', 'referat.config.json']) fs.copyFileSync(path.join(root, 'examples', f), path.join(work, f));
    packed = packInto(tmp);
    const install = installTarball(packed.tarball, prefix);
    if (install.status !== 0) throw new Error(`npm install of the tarball failed: ${install.stderr}`);
    // Reads: the prefix and the minutes, and the places a referat.config.json is looked for above them.
    const ancestors: string[] = [];
    for (let dir = path.dirname(work); ; dir = path.dirname(dir)) {
      ancestors.push(path.join(dir, 'referat.config.json'));
      if (path.dirname(dir) === dir) break;
    }
    const reads = [`${tmp}/*`, ...ancestors].map((p) => `--allow-fs-read=${p}`);
    env = cleanEnv(permissionModel ? { NODE_OPTIONS: ['--experimental-permission', ...reads, `--allow-fs-write=${work}/*`, '--allow-worker', '--no-warnings'].join(' ') } : {});
  });
  afterAll(() => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('holds the CLI and server bundles, their rule pages and the schema, and no development files', () => {
    expect(manifest.private).toBeUndefined();
    expect(packed.files).toEqual(
      [
        'CHANGELOG.md',
        'LICENSE',
        'README.md',
        'dist/cli-worker.js',
        'dist/cli.js',
        'dist/server.js',
        ...fs.readdirSync(path.join(root, 'docs/rules')).map((f) => `docs/rules/${f}`),
        'package.json',
        'schemas/referat.config.schema.json',
      ].sort(),
    );
    // Everything the bundles need is in them: installing needs no registry.
    expect(manifest.dependencies).toBeUndefined();
  });

  it.skipIf(!permissionModel)('runs where this checkout cannot be read', () => {
    const probe = spawnSync(process.execPath, ['-e', `require('fs').readFileSync(${JSON.stringify(path.join(root, 'package.json'))})`], { cwd: work, encoding: 'utf8', env });
    expect(probe.status).not.toBe(0);
    expect(probe.stderr).toMatch(/ERR_ACCESS_DENIED|restricted/);
  });

  it('referat lint: the example minutes with their configuration', () => {
    const res = referat('lint', '.', '--format', 'json');
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    const findings = JSON.parse(res.stdout) as Array<{ ruleId: string; line: number }>;
    expect(findings.map((f) => [f.ruleId, f.line])).toEqual([['required-section', 19]]);
  });

  it('referat outline --json: the same outline as the CLI of this checkout', () => {
    const installed = referat('outline', '--json', 'social-udvalget.referat.txt');
    expect(installed.status).toBe(0);
    const here = spawnSync(process.execPath, [path.join(root, 'dist/cli.js'), 'outline', '--json', 'social-udvalget.referat.txt'], {
      cwd: work,
      encoding: 'utf8',
      env: cleanEnv(),
    });
    expect(JSON.parse(installed.stdout)).toEqual(JSON.parse(here.stdout));
    expect(JSON.parse(installed.stdout).items).toHaveLength(6);
  });

  it('referat render: a page with every punkt', () => {
    const res = referat('render', 'social-udvalget.referat.txt', '-o', 'referat.html');
    expect(res.status, res.stderr).toBe(0);
    const html = fs.readFileSync(path.join(work, 'referat.html'), 'utf8');
    expect(html.match(/<section class="punkt/g)).toHaveLength(6);
  });

  it('referat --version is the package version', () => {
    expect(referat('--version').stdout.trim()).toBe(manifest.version);
  });

  it('referat-language-server --stdio answers initialize', async () => {
    const child = spawn(bin('referat-language-server'), ['--stdio'], { cwd: work, env, stdio: 'pipe' });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    connection.listen();
    try {
      const result = await connection.sendRequest<InitializeResult>('initialize', {
        processId: process.pid,
        rootUri: null,
        capabilities: {},
        workspaceFolders: null,
      });
      expect(result.serverInfo?.name).toBe('referat-language-server');
      expect(result.capabilities.documentSymbolProvider).toBeTruthy();
      expect(result.capabilities.codeActionProvider).toBeTruthy();
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      expect(await exited, stderr).toBe(0);
    } finally {
      connection.dispose();
      child.kill();
    }
  });
});
