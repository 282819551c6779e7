// `referat render FILE [-o OUT.html] [--lang da|en]` (the built CLI).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedFiles, seedsDir } from '../helpers/golden';
import { attrOf, hasClass, parseHtml, select, textOf, unsafeParts } from './html';

const root = path.resolve(__dirname, '../..');
const cli = path.join(root, 'dist/cli.js');
const seed002 = path.join(seedsDir, seedFiles.find((f) => f.startsWith('002'))!);
const run = (args: string[], env: NodeJS.ProcessEnv = {}, cwd = root) =>
  spawnSync('node', [cli, ...args], {
    encoding: 'utf8',
    cwd,
    env: { ...process.env, REFERAT_LANG: '', LC_ALL: '', LC_MESSAGES: '', LANG: 'en_US.UTF-8', ...env },
    maxBuffer: 1 << 26,
  });
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'referat-render-'));

beforeAll(() => {
  if (!fs.existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build` first (npm test does)');
});

describe('referat render', () => {
  it('writes the standalone page to stdout, with the lint findings marked', () => {
    const res = run(['render', seed002]);
    expect(res.status, res.stderr).toBe(0);
    expect(res.stdout.startsWith('<!DOCTYPE html>')).toBe(true);
    const page = parseHtml(res.stdout);
    expect(select(page, (e) => e.tagName === 'section')).toHaveLength(17);
    expect(unsafeParts(page)).toEqual([]);
    expect(select(page, (e) => e.tagName === 'html').map((e) => attrOf(e, 'lang'))).toEqual(['en']);
    const rules = select(page, (e) => hasClass(e, 'finding-rule')).map(textOf);
    expect(rules).toContain('toc-mismatch');
    expect(res.stderr).toBe('');
  });

  it('-o writes the file; --lang chooses the page language; the terminal language the messages', () => {
    const dir = tmp();
    const out = path.join(dir, 'side.html');
    const res = run(['render', seed002, '-o', out, '--lang', 'da']);
    expect(res.status, res.stderr).toBe(0);
    expect(res.stdout).toBe('');
    expect(res.stderr).toMatch(/side\.html: written \(\d+ findings\)/);
    const page = parseHtml(fs.readFileSync(out, 'utf8'));
    expect(select(page, (e) => e.tagName === 'html').map((e) => attrOf(e, 'lang'))).toEqual(['da']);
    expect(textOf(select(page, (e) => e.tagName === 'table' && hasClass(e, 'vote'))[0])).toContain('Fraværende');

    const da = run(['render', '--output', out, seed002], { REFERAT_LANG: 'da' });
    expect(da.status).toBe(0);
    expect(da.stderr).toMatch(/skrevet \(\d+ fund\)/);
    expect(fs.readFileSync(out, 'utf8')).toContain('<html lang="da"');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('exit 2 for files it cannot read, a bad --lang, or not exactly one file', () => {
    const missing = run(['render', 'no-such.referat']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('no-such.referat: no such file');
    expect(missing.stdout).toBe('');
    expect(run(['render', seedsDir]).status).toBe(2);
    const lang = run(['render', seed002, '--lang', 'de']);
    expect(lang.status).toBe(2);
    expect(lang.stderr).toContain('--lang takes da or en');
    expect(run(['render']).status).toBe(2);
    expect(run(['render', seed002, seed002]).status).toBe(2);
    const unwritable = run(['render', seed002, '-o', path.join(seedsDir, 'no-such-dir', 'x.html')]);
    expect(unwritable.status).toBe(2);
    expect(unwritable.stderr).toContain('cannot be written');
  });

  it('uses the nearest referat.config.json; a configuration with problems: page without findings, exit 2', () => {
    const dir = tmp();
    const file = path.join(dir, 'sub', 'm.referat.txt');
    fs.mkdirSync(path.dirname(file));
    fs.copyFileSync(seed002, file);
    // Turning a rule off in the configuration removes its findings from the page.
    fs.writeFileSync(path.join(dir, 'referat.config.json'), JSON.stringify({ rules: { 'toc-mismatch': 'off' } }));
    const off = run(['render', file]);
    expect(off.status, off.stderr).toBe(0);
    expect(select(parseHtml(off.stdout), (e) => hasClass(e, 'finding-rule')).map(textOf)).not.toContain('toc-mismatch');

    fs.writeFileSync(path.join(dir, 'referat.config.json'), '{ "rules": { "toc-mismatch": 42 }');
    const bad = run(['render', file]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('referat.config.json');
    expect(bad.stderr).toContain('the page shows no findings');
    const page = parseHtml(bad.stdout);
    expect(select(page, (e) => e.tagName === 'section')).toHaveLength(17);
    expect(select(page, (e) => hasClass(e, 'finding'))).toEqual([]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
