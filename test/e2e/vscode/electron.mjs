#!/usr/bin/env node
// `npm run test:vscode`: the same extension tests (suite/) in desktop VS Code via
// @vscode/test-electron, for machines that can download VS Code. (On the project's offline
// machines this fails at the download; there, `npm run test:e2e:vscode` runs them in code-server.)
import { runTests } from '@vscode/test-electron';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildTests, ROOT } from './build-tests.mjs';

if (spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' }).status !== 0) process.exit(1);
const extensionTestsPath = await buildTests();
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'referat-electron-'));
const workspace = path.join(scratch, 'workspace');
fs.cpSync(path.join(ROOT, 'test/fixtures/seeds'), workspace, { recursive: true });
fs.copyFileSync(path.join(ROOT, 'test/fixtures/membership/referat.config.json'), path.join(workspace, 'referat.config.json'));
let code = 0;
try {
  await runTests({
    version: process.env.VSCODE_VERSION || 'stable',
    extensionDevelopmentPath: ROOT,
    extensionTestsPath,
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', path.join(scratch, 'data')],
  });
} catch (err) {
  console.error(`extension tests failed: ${err instanceof Error ? err.message : String(err)}`);
  code = 1;
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
}
process.exit(code);
