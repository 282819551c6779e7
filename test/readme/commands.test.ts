// README.md cannot rot: every shell block in it is run. Blocks marked `sh runnable` run in order,
// in a temporary folder holding a user's minutes (`referater/`: the seeds and the example), against
// a local npm registry that serves the package packed from this checkout, so `npm install --global
// referat` and `npx referat` install what users would get. The `sh checkout` block is the
// project's own set-up, checked against package.json and .ci/run. The CI snippets must be the
// files the CI tests run (examples/ci/), the configuration must pass the schema, the links must
// lead somewhere, and the performance table must say what bench/results.json says.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../server/src/config/load';
import { sarifErrors } from '../cli/lint-helpers';
import { cleanEnv, packInto, root } from '../release/helpers';

const README = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

interface Block {
  lang: string;
  attrs: string[];
  body: string;
  line: number;
}

function blocks(markdown: string): Block[] {
  const out: Block[] = [];
  for (const m of markdown.matchAll(/^```([^\s`]*)([^\n`]*)\n([\s\S]*?)^```$/gm)) {
    out.push({ lang: m[1], attrs: m[2].trim().split(/\s+/).filter(Boolean), body: m[3], line: markdown.slice(0, m.index).split('\n').length });
  }
  return out;
}

const all = blocks(README);
const shell = all.filter((b) => ['sh', 'bash', 'shell', 'console'].includes(b.lang));

/** A registry that knows one package: this checkout, packed. */
async function localRegistry(tarball: string): Promise<{ url: string; close: () => Promise<void> }> {
  const bytes = fs.readFileSync(tarball);
  const file = path.basename(tarball);
  const server = http.createServer((req, res) => {
    const address = server.address() as AddressInfo;
    const base = `http://127.0.0.1:${address.port}`;
    if (req.url === `/${manifest.name}`) {
      const version = {
        ...manifest,
        _id: `${manifest.name}@${manifest.version}`,
        dist: {
          tarball: `${base}/${manifest.name}/-/${file}`,
          shasum: createHash('sha1').update(bytes).digest('hex'),
          integrity: `sha512-${createHash('sha512').update(bytes).digest('base64')}`,
        },
      };
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ _id: manifest.name, name: manifest.name, 'dist-tags': { latest: manifest.version }, versions: { [manifest.version]: version } }));
    } else if (req.url === `/${manifest.name}/-/${file}`) {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.end(bytes);
    } else {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"error":"not found"}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Runs a block as `bash -euo pipefail`; asynchronously, for the registry answers from this process. */
function runBlock(body: string, cwd: string, env: NodeJS.ProcessEnv): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('bash', ['-euo', 'pipefail', '-c', body], { cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('README.md', () => {
  it('marks every shell block as runnable here, or as the checkout’s own set-up', () => {
    expect(shell.length).toBeGreaterThan(3);
    for (const b of shell)
      expect(
        b.attrs.some((a) => a === 'runnable' || a === 'checkout'),
        `README.md:${b.line}: a shell block that no test runs`,
      ).toBe(true);
  });

  describe('the runnable commands, on a folder of minutes', () => {
    let tmp: string;
    let env: NodeJS.ProcessEnv;
    let registry: { url: string; close: () => Promise<void> };

    beforeAll(async () => {
      tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'referat-readme-')));
      registry = await localRegistry(packInto(tmp).tarball);
      const minutes = path.join(tmp, 'referater');
      fs.mkdirSync(minutes);
      const seeds = path.join(root, 'test/fixtures/seeds');
      for (const f of fs.readdirSync(seeds)) fs.copyFileSync(path.join(seeds, f), path.join(minutes, f));
      fs.copyFileSync(path.join(root, 'examples/social-udvalget.referat.txt'), path.join(minutes, 'social-udvalget.referat.txt'));
      const prefix = path.join(tmp, 'prefix');
      env = cleanEnv({
        npm_config_registry: registry.url,
        npm_config_prefix: prefix,
        npm_config_cache: path.join(tmp, 'npm-cache'),
        npm_config_audit: 'false',
        npm_config_fund: 'false',
        npm_config_update_notifier: 'false',
        PATH: `${path.join(prefix, 'bin')}${path.delimiter}${process.env.PATH}`,
      });
    });
    afterAll(async () => {
      await registry?.close();
      if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
    });

    it('runs every block as written, in order', async () => {
      const runnable = shell.filter((b) => b.attrs.includes('runnable'));
      for (const b of runnable) {
        const res = await runBlock(b.body, tmp, env);
        expect(res.status, `README.md:${b.line}\n${b.body}\nstdout:\n${res.stdout}\nstderr:\n${res.stderr}`).toBe(0);
      }
      // What the blocks made is what README says they make.
      const config = fs.readFileSync(path.join(tmp, 'referater/referat.config.json'), 'utf8');
      expect(parseConfig(config).problems).toEqual([]);
      expect(JSON.parse(config).committees.length).toBeGreaterThan(0);
      expect(sarifErrors(JSON.parse(fs.readFileSync(path.join(tmp, 'referat.sarif'), 'utf8')))).toEqual([]);
      expect(fs.readFileSync(path.join(tmp, 'referat.html'), 'utf8')).toContain('<section class="punkt');
    }, 180_000);
  });

  it('keeps the set-up commands, and .ci/run runs the test command', () => {
    const [setup] = shell.filter((b) => b.attrs.includes('checkout'));
    const commands = setup.body
      .split('\n')
      .map((l) => l.replace(/\s+#.*$/, '').trim())
      .filter(Boolean);
    expect(commands).toEqual(['npm ci && npm start', 'npm ci && npm test']);
    const ci = fs
      .readFileSync(path.join(root, '.ci/run'), 'utf8')
      .split('\n')
      .map((l) => l.trim());
    expect(ci.slice(-3)).toEqual(['npm ci --no-audit --no-fund', 'npm test', '']);
    // npm start: the build, then the outline and the checks of the example (run here without building again).
    const [build, ...rest] = manifest.scripts.start.split(' && ');
    expect(build).toBe('npm run build');
    const start = spawnSync('bash', ['-euo', 'pipefail', '-c', rest.join(' && ')], { cwd: root, encoding: 'utf8', env: cleanEnv() });
    expect(start.status, start.stderr).toBe(0);
    expect(start.stdout).toContain('Punkt 1: Godkendelse af dagsorden');
    expect(start.stdout).toContain('1 problem (0 errors, 1 warning, 0 infos)');
  });

  it('shows the CI snippets that the CI tests run', () => {
    const snippets = all.filter((b) => b.attrs.some((a) => a.startsWith('file=')));
    expect(snippets.map((b) => b.attrs.find((a) => a.startsWith('file='))!.slice(5))).toEqual([
      'examples/ci/github-actions.yml',
      'examples/ci/gitlab-ci.yml',
      'examples/ci/pre-commit-config.yaml',
    ]);
    for (const b of snippets) expect(b.body, `README.md:${b.line}`).toBe(fs.readFileSync(path.join(root, b.attrs.find((a) => a.startsWith('file='))!.slice(5)), 'utf8'));
  });

  it('shows a configuration that the schema accepts', () => {
    const [config] = all.filter((b) => b.attrs.includes('referat.config.json'));
    expect(parseConfig(config.body).problems).toEqual([]);
    expect(JSON.parse(config.body).committees[0].members.length).toBeGreaterThan(2);
  });

  it('links to files that are there', () => {
    const links = [...README.matchAll(/\]\(((?!https?:|#)[^)\s]+)\)/g)].map((m) => m[1].split('#')[0]);
    expect(links.length).toBeGreaterThan(5);
    for (const link of links) expect(fs.existsSync(path.join(root, link)), link).toBe(true);
  });

  it('gives the performance figures of bench/results.json, seven of them', () => {
    const results = JSON.parse(fs.readFileSync(path.join(root, 'bench/results.json'), 'utf8'));
    const figure = (id: string) => results.figures.find((f: { id: string }) => f.id === id).value as number;
    const table = README.slice(README.indexOf('## Performance'), README.indexOf('## Working on referat'));
    const rows = table.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| what') && !l.startsWith('| ---'));
    const one = (n: number) => n.toFixed(1);
    expect(rows).toEqual([
      `| reading and checking a 1 MB referat, one thread | ${Math.round(figure('core.1MB.throughput'))} MB/s |`,
      `| new problems after a keystroke in a 128 KB referat, p50 / p99 | ${one(figure('lsp.seed.keystroke.p50'))} / ${one(figure('lsp.seed.keystroke.p99'))} ms |`,
      `| new problems after a keystroke in a 1 MB referat, p50 / p99 | ${one(figure('lsp.1MB.keystroke.p50'))} / ${one(figure('lsp.1MB.keystroke.p99'))} ms |`,
      `| the outline of a 1 MB referat (documentSymbol), p50 / p99 | ${one(figure('lsp.1MB.documentSymbol.p50'))} / ${one(figure('lsp.1MB.documentSymbol.p99'))} ms |`,
      `| the language server's memory with a municipality's 369 meetings indexed | ${Math.round(results.index.rss)} MiB |`,
      `| the language server's memory with 100 referater open | ${Math.round(results.memory.rss / 2 ** 20)} MiB |`,
      `| \`referat lint\` on 2,000 files (170 MB), both cores | ${(results.cli.referat.bestMs / 1000).toFixed(2)} s, ${one(results.cli.markdownlint.bestMs / results.cli.referat.bestMs)}× faster than markdownlint-cli2 |`,
    ]);
  });
});
