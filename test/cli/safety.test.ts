// Issue 18, "never lose a word": the built CLI on hostile input and failing writes, each case with
// the exact input of the issue (a seed, altered as it describes).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decode } from '../../server/src/host/files';
import { readReferat } from '../../server/src/reader';
import { lint } from '../../server/src/rules';
import { seedFiles, seedsDir } from '../helpers/golden';
import { cli, removeScratch, root, run, scratch } from './lint-helpers';

const SEED_000 = path.join(seedsDir, seedFiles[0]);
const SEED_002 = path.join(seedsDir, seedFiles[2]);
const seed000 = fs.readFileSync(SEED_000);

afterAll(removeScratch);

/** A writable copy of seed 000 in a fresh folder. */
function seedCopy(name = 'seed-000.txt', from = SEED_000): { dir: string; file: string } {
  const dir = scratch('referat-safety-');
  const file = path.join(dir, name);
  fs.copyFileSync(from, file);
  fs.chmodSync(file, 0o644);
  return { dir, file };
}

/** The CLI run by a shell, for `ulimit`; bounded in time, so that a hang fails rather than stalls. */
function runShell(script: string, cwd: string) {
  const res = spawnSync('sh', ['-c', script], {
    cwd,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, CLI: cli, LANG: 'en_US.UTF-8', LC_ALL: '', REFERAT_LANG: '', REFERAT_WORKERS: '' },
  });
  return { status: res.status, stdout: res.stdout, stderr: res.stderr, error: res.error };
}

/** run() with a time limit: a FIFO or /dev/zero must be refused at once, not waited on. */
const runBounded = (args: string[], cwd = root, env: NodeJS.ProcessEnv = {}) => run(args, { cwd, env, timeout: 20_000 });

describe('--fix never leaves a file cut short (item 1)', () => {
  it('over a file size limit (ulimit -f 125, EFBIG): seed 000 stays as it was, every byte, and its findings are reported', () => {
    const { dir, file } = seedCopy();
    expect(seed000.length).toBe(128_288);
    const res = runShell('ulimit -f 125; exec node "$CLI" lint --fix --format json seed-000.txt', dir);
    expect(fs.readFileSync(file).equals(seed000), `the file is ${fs.statSync(file).size} bytes`).toBe(true);
    expect(res.status).toBe(2);
    expect(res.stderr).toMatch(/^seed-000\.txt: cannot write the fixes \(EFBIG[^)]*\); the file is as it was$/m);
    // What is reported is the file as it is: the original's findings.
    const text = seed000.toString('utf8');
    const original = lint(readReferat(text), text).map((f) => `${f.range.start.line + 1}:${f.ruleId}`);
    expect(JSON.parse(res.stdout).map((f: { line: number; ruleId: string }) => `${f.line}:${f.ruleId}`)).toEqual(original);
    // No temporary file left behind.
    expect(fs.readdirSync(dir)).toEqual(['seed-000.txt']);
  });

  it('keeps the mode, the owner, a symbolic link as a link, and says what happens to other hard links', () => {
    const { dir, file } = seedCopy();
    fs.chmodSync(file, 0o640);
    const asRoot = process.getuid?.() === 0;
    if (asRoot) fs.chownSync(file, 1234, 4321);
    fs.symlinkSync('seed-000.txt', path.join(dir, 'link.referat.txt'));
    fs.linkSync(file, path.join(dir, 'hard.txt'));
    const res = run(['lint', '--fix', 'link.referat.txt'], { cwd: dir });
    expect(res.stderr).toMatch(/^link\.referat\.txt: \d+ fixes applied/m);
    expect(res.stderr).toContain('link.referat.txt: written as a new file; its 1 other hard link(s) still hold the old text');
    expect(fs.lstatSync(path.join(dir, 'link.referat.txt')).isSymbolicLink()).toBe(true);
    const fixed = fs.readFileSync(file);
    expect(fixed.equals(seed000)).toBe(false);
    expect(fs.readFileSync(path.join(dir, 'hard.txt')).equals(seed000)).toBe(true);
    const stat = fs.statSync(file);
    expect(stat.mode & 0o7777).toBe(0o640);
    if (asRoot) expect([stat.uid, stat.gid]).toEqual([1234, 4321]);
    expect(fs.readdirSync(dir).sort()).toEqual(['hard.txt', 'link.referat.txt', 'seed-000.txt']);
  });
});

describe('render -o never writes over the referat (item 3)', () => {
  it('refuses an output that is the input, by the same name, a symbolic link or a hard link: exit 2, the referat untouched', () => {
    const { dir, file } = seedCopy('seed-002.referat.txt', SEED_002);
    const before = fs.readFileSync(file);
    fs.symlinkSync('seed-002.referat.txt', path.join(dir, 'link.html'));
    fs.linkSync(file, path.join(dir, 'hard.html'));
    for (const output of ['seed-002.referat.txt', './seed-002.referat.txt', 'link.html', 'hard.html', file]) {
      const res = run(['render', 'seed-002.referat.txt', '-o', output], { cwd: dir });
      expect(res.status, output).toBe(2);
      expect(res.stderr).toBe(`referat render: -o ${output} is the referat itself (seed-002.referat.txt); give another file for the page\n`);
      expect(fs.readFileSync(file).equals(before)).toBe(true);
    }
    const da = run(['render', 'seed-002.referat.txt', '-o', 'seed-002.referat.txt'], { cwd: dir, env: { REFERAT_LANG: 'da' } });
    expect(da.stderr).toContain('er selve referatet');
    // Another file is written as before.
    expect(run(['render', 'seed-002.referat.txt', '-o', 'page.html'], { cwd: dir }).status).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'page.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/);
  });
});

describe('what is not a regular file is refused before it is read (item 5)', () => {
  it('/dev/zero as a referat (lint, outline, render) or as --config: exit 2 at once, a clear message', () => {
    for (const args of [
      ['lint', '/dev/zero'],
      ['outline', '/dev/zero'],
      ['render', '/dev/zero'],
    ]) {
      const res = runBounded(args);
      expect(res.status, args.join(' ')).toBe(2);
      expect(res.stderr).toContain('/dev/zero: is not a regular file (a device, a pipe or a socket); not read');
    }
    const config = runBounded(['lint', '--config', '/dev/zero', SEED_000]);
    expect(config.status).toBe(2);
    expect(config.stderr).toContain('/dev/zero:1:1: /dev/zero is not a regular file (a device, a pipe or a socket)');
    const da = runBounded(['outline', '/dev/zero'], root, { REFERAT_LANG: 'da' });
    expect(da.stderr).toContain('/dev/zero: er ikke en almindelig fil');
  });

  it('a FIFO as a referat or as the referat.config.json beside one: exit 2, no hang', () => {
    const { dir } = seedCopy();
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.copyFileSync(SEED_000, path.join(dir, 'sub/seed-000.txt'));
    const made = spawnSync('mkfifo', [path.join(dir, 'pipe.referat.txt'), path.join(dir, 'sub/referat.config.json')]);
    expect(made.status, String(made.stderr)).toBe(0);
    for (const args of [
      ['lint', 'pipe.referat.txt'],
      ['outline', 'pipe.referat.txt'],
      ['render', 'pipe.referat.txt'],
    ]) {
      const res = runBounded(args, dir);
      expect(res.status, args.join(' ')).toBe(2);
      expect(res.stderr).toContain('pipe.referat.txt: is not a regular file');
    }
    const beside = runBounded(['lint', 'sub/seed-000.txt'], dir);
    expect(beside.status).toBe(2);
    expect(beside.stderr).toMatch(/referat\.config\.json:1:1: \S*referat\.config\.json is not a regular file/);
  });

  it('a file over 64 MB: refused by its size, not read', () => {
    const dir = scratch('referat-safety-');
    const big = path.join(dir, 'big.referat.txt');
    fs.writeFileSync(big, seed000);
    fs.truncateSync(big, 65 * 1024 * 1024);
    const res = runBounded(['lint', 'big.referat.txt'], dir);
    expect(res.status).toBe(2);
    expect(res.stderr).toBe('big.referat.txt: is larger than 64 MB, far more than a referat; not read\n');
    // Found in a folder, a huge .txt is simply not a referat.
    fs.renameSync(big, path.join(dir, 'big.txt'));
    fs.writeFileSync(path.join(dir, 'seed.referat.txt'), seed000);
    const walked = run(['lint', '--format', 'json', '.'], { cwd: dir });
    expect(walked.stderr).toBe('');
    expect(new Set(JSON.parse(walked.stdout).map((f: { file: string }) => f.file))).toEqual(new Set(['seed.referat.txt']));
  });
});

describe('a configuration nested 100,000 deep (item 6)', () => {
  it('is a configuration error (lint and render), exit 2, no stack trace', () => {
    const { dir } = seedCopy();
    fs.writeFileSync(path.join(dir, 'referat.config.json'), '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000));
    const lintRes = run(['lint', 'seed-000.txt'], { cwd: dir });
    expect(lintRes.status).toBe(2);
    expect(lintRes.stderr).toBe(
      'referat.config.json:1:501: Nested more than 100 deep: this is not a referat configuration\nreferat.config.json: has problems, so 1 file that uses it was not linted\n',
    );
    const renderRes = run(['render', 'seed-000.txt', '-o', 'page.html'], { cwd: dir });
    expect(renderRes.status).toBe(2);
    expect(renderRes.stderr).toContain('Nested more than 100 deep');
    expect(renderRes.stderr).not.toMatch(/internal error|RangeError|    at /);
    fs.writeFileSync(path.join(dir, 'deep.json'), '['.repeat(100_000) + ']'.repeat(100_000));
    const explicit = run(['lint', '--config', 'deep.json', 'seed-000.txt'], { cwd: dir });
    expect(explicit.status).toBe(2);
    expect(explicit.stderr).toContain('deep.json:1:101: Nested more than 100 deep');
  });
});

describe('control characters from a document never reach the terminal (item 8)', () => {
  const ESC = '\x1b';
  const planted = `Godkendelse af ${ESC}]0;PWNED\x07${ESC}[2J${ESC}[31mrealiseringsplanen${ESC}[0m\u009b2J 100% for fremtidens Vollsmose`;
  const altered = () => {
    const { dir, file } = seedCopy();
    const text = seed000.toString('utf8').replace('Godkendelse af realiseringsplanen for fremtidens Vollsmose.....\t3', `${planted}.....\t3`);
    expect(text).toContain(planted);
    fs.writeFileSync(file, text);
    return dir;
  };
  const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

  it('stylish, github, junit, json and sarif: the TOC entry with OSC-title, clear-screen and colour sequences, escaped', () => {
    const dir = altered();
    for (const format of ['stylish', 'github', 'junit', 'json', 'sarif']) {
      const res = run(['lint', '--format', format, 'seed-000.txt'], { cwd: dir, env: { FORCE_COLOR: '1' } });
      expect(res.stdout, format).toContain('PWNED');
      expect(CONTROL.test(res.stdout.replace(/\r?\n/g, '')), `${format} passes a control character`).toBe(false);
    }
    const stylish = run(['lint', 'seed-000.txt'], { cwd: dir }).stdout;
    expect(stylish).toContain('Godkendelse af \\x1B]0;PWNED\\x07\\x1B[2J\\x1B[31mrealiseringsplanen\\x1B[0m\\x9B2J 100% for');
    const github = run(['lint', '--format', 'github', 'seed-000.txt'], { cwd: dir }).stdout;
    expect(github).toContain('Godkendelse af \\x1B]0;PWNED\\x07\\x1B[2J\\x1B[31mrealiseringsplanen\\x1B[0m\\x9B2J 100%25 for');
    for (const line of github.trimEnd().split('\n')) expect(line).toMatch(/^::(error|warning|notice) /);
    // json and sarif: the same text when parsed.
    const json = JSON.parse(run(['lint', '--format', 'json', 'seed-000.txt'], { cwd: dir }).stdout);
    expect(json.map((f: { message: string }) => f.message).join('\n')).toContain(planted);
  });

  it('outline and the messages on stderr: escaped too', () => {
    const dir = altered();
    const text = fs
      .readFileSync(path.join(dir, 'seed-000.txt'), 'utf8')
      .replace('Punkt 1: Godkendelse af realiseringsplanen', `Punkt 1: ${ESC}]0;PWNED\x07Godkendelse af realiseringsplanen`);
    fs.writeFileSync(path.join(dir, 'seed-000.txt'), text);
    const outline = run(['outline', 'seed-000.txt'], { cwd: dir });
    expect(outline.stdout).toContain('Punkt 1: \\x1B]0;PWNED\\x07Godkendelse af realiseringsplanen');
    expect(CONTROL.test(outline.stdout)).toBe(false);
    const named = `evil${ESC}]0;PWNED\x07.referat.txt`;
    fs.writeFileSync(path.join(dir, named), text);
    const lintRes = run(['lint', '--fix', named], { cwd: dir });
    expect(lintRes.stderr).toContain('evil\\x1B]0;PWNED\\x07.referat.txt: ');
    expect(CONTROL.test(lintRes.stderr.replace(/\n/g, '') + lintRes.stdout.replace(/\n/g, ''))).toBe(false);
  });
});

describe('output that says what it means (item 9)', () => {
  it('a symbolic link to itself: "symbolic link loop" once', () => {
    const dir = scratch('referat-safety-');
    fs.symlinkSync('self.referat', path.join(dir, 'self.referat'));
    const res = run(['lint', '.'], { cwd: dir });
    expect(res.status).toBe(2);
    expect(res.stderr).toBe('self.referat: symbolic link loop; not followed\n');
    const named = run(['lint', 'self.referat'], { cwd: dir });
    expect(named.stderr).toBe('self.referat: symbolic link loop; not followed\n');
  });

  it('an option given twice (--format json --format sarif, -o a -o b) is an error, exit 2', () => {
    const twice = run(['lint', '--format', 'json', '--format', 'sarif', SEED_000]);
    expect(twice.status).toBe(2);
    expect(twice.stdout).toBe('');
    expect(twice.stderr).toBe('referat: --format given 2 times (json, sarif); give it once\n');
    const output = run(['render', SEED_002, '-o', 'a.html', '--output', 'b.html']);
    expect(output.status).toBe(2);
    expect(output.stderr).toBe('referat: --output given 2 times (a.html, b.html); give it once\n');
    const da = run(['lint', '--config', 'a', '--config', 'b'], { env: { REFERAT_LANG: 'da' } });
    expect(da.stderr).toBe('referat: --config angivet 2 gange (a, b); angiv det én gang\n');
  });
});
