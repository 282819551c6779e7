// The pre-commit hook (.pre-commit-hooks.yaml) with Debian's pre-commit, as a user's repository
// uses it: this checkout as the hook repository (a snapshot of its files, committed, given by path:
// no network but the npm registry), installed as the git hook of a repository with one good and
// one bad referat. pre-commit installs the hook's node environment itself (npm install, npm pack,
// npm install -g), which takes most of this test's time.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv, root } from './helpers';

const PRE_COMMIT = ['/usr/bin/pre-commit', '/usr/local/bin/pre-commit'].find((p) => fs.existsSync(p));
const APT = 'apt-get install -y pre-commit';
const skip = !PRE_COMMIT && !process.env.CI;
if (skip) console.warn(`Skipping the pre-commit hook test: pre-commit is missing. Install with: ${APT}`);

const GIT_ENV = { GIT_AUTHOR_NAME: 'Referat Test', GIT_AUTHOR_EMAIL: 'test@example.invalid', GIT_COMMITTER_NAME: 'Referat Test', GIT_COMMITTER_EMAIL: 'test@example.invalid' };

describe.skipIf(skip)('the pre-commit hook', () => {
  let tmp: string;
  let repo: string;
  let env: NodeJS.ProcessEnv;
  const git = (...args: string[]) => spawnSync('git', args, { cwd: repo, encoding: 'utf8', env });

  beforeAll(() => {
    expect(PRE_COMMIT, `pre-commit is missing; install with: ${APT}`).toBeDefined();
    tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'referat-pre-commit-')));
    env = cleanEnv({ ...GIT_ENV, PRE_COMMIT_HOME: path.join(tmp, 'cache'), npm_config_audit: 'false', npm_config_fund: 'false', npm_config_prefer_offline: 'true' });

    // The hook repository: this checkout's files as they are now (committed or not), in one commit.
    const hooks = path.join(tmp, 'hooks');
    const files = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' }).stdout.split('\0').filter(Boolean);
    for (const file of files) {
      if (!fs.existsSync(path.join(root, file))) continue; // deleted, not yet committed
      fs.mkdirSync(path.dirname(path.join(hooks, file)), { recursive: true });
      fs.copyFileSync(path.join(root, file), path.join(hooks, file));
    }
    for (const args of [
      ['init', '-q'],
      ['add', '-A'],
      ['commit', '-qm', 'hooks'],
    ])
      spawnSync('git', args, { cwd: hooks, env });
    const rev = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: hooks, encoding: 'utf8' }).stdout.trim();

    // The user's repository: the hook configuration as README shows it, pointing here.
    repo = path.join(tmp, 'minutes');
    fs.mkdirSync(repo);
    git('init', '-q');
    const example = fs.readFileSync(path.join(root, 'examples/ci/pre-commit-config.yaml'), 'utf8');
    fs.writeFileSync(path.join(repo, '.pre-commit-config.yaml'), example.replace(/repo: .*/, `repo: ${hooks}`).replace(/rev: .*/, `rev: ${rev}`));
    fs.copyFileSync(path.join(root, 'examples/referat.config.json'), path.join(repo, 'referat.config.json'));
    git('add', '.pre-commit-config.yaml', 'referat.config.json');
    git('commit', '-qm', 'configuration');
    const install = spawnSync(PRE_COMMIT!, ['install'], { cwd: repo, encoding: 'utf8', env });
    expect(install.status, install.stderr).toBe(0);
  }, 60_000);
  afterAll(() => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('lets a good referat be committed and stops a bad one, saying why', () => {
    fs.copyFileSync(path.join(root, 'examples/social-udvalget.referat.txt'), path.join(repo, 'god.referat.txt'));
    git('add', 'god.referat.txt');
    const good = git('commit', '-m', 'Referat 17. november');
    expect(good.status, `${good.stdout}${good.stderr}`).toBe(0);
    expect(good.stdout + good.stderr).toMatch(/referat lint\.+Passed/);

    fs.copyFileSync(path.join(root, 'test/fixtures/lint/errors.referat.txt'), path.join(repo, 'fejl.referat.txt'));
    git('add', 'fejl.referat.txt');
    const bad = git('commit', '-m', 'Referat med fejl');
    const output = bad.stdout + bad.stderr;
    expect(bad.status, output).toBe(1);
    expect(output).toMatch(/referat lint\.+Failed/);
    expect(output).toContain("1:45  error  The title's date 31-02-2024 does not exist  meeting-date");
    expect(output).toContain('19:7   error  Punkt 1 appears twice');
    // Only the good one was committed.
    expect(git('log', '--format=%s').stdout.trim().split('\n')).toEqual(['Referat 17. november', 'configuration']);
  }, 300_000);
});
