// Runs the real-VS Code harness (run.mjs: code-server + chromium, extension tests in the real
// extension host, Outline, preview, hover and Sager view screenshots) and checks its verdict. The first run installs Node 24 and
// code-server into test/.cache (about 3-5 minutes); later runs take about half a minute.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');
const SCREENSHOT = path.join(ROOT, 'test/screenshots/outline.png');
const HOVER_SCREENSHOT = path.join(ROOT, 'test/screenshots/hover-vscode.png');
const CASES_SCREENSHOT = path.join(ROOT, 'test/screenshots/cases-vscode.png');
const APT = 'apt-get install -y chromium libkrb5-dev';

const missing = [
  fs.existsSync('/usr/bin/chromium') ? null : 'chromium (/usr/bin/chromium)',
  fs.existsSync('/usr/include/gssapi/gssapi.h') ? null : 'libkrb5-dev (/usr/include/gssapi/gssapi.h)',
].filter((m): m is string => m !== null);

if (missing.length > 0 && !process.env.CI) {
  console.warn(`Skipping the VS Code end-to-end test: missing ${missing.join(', ')}. Install with: ${APT}`);
}

describe.skipIf(missing.length > 0 && !process.env.CI)('VS Code (code-server) end to end', () => {
  it(
    'runs the extension tests in a real extension host and screenshots the Outline, a hover and the Sager view',
    async () => {
      expect(missing, `missing Debian packages; install with: ${APT}`).toEqual([]);
      const before = fs.existsSync(SCREENSHOT) ? fs.statSync(SCREENSHOT).mtimeMs : 0;
      const started = Date.now();
      const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve) => {
        const child = spawn(process.execPath, [path.join(__dirname, 'run.mjs')], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
        let output = '';
        child.stdout.on('data', (b: Buffer) => (output += b.toString()));
        child.stderr.on('data', (b: Buffer) => (output += b.toString()));
        child.on('close', (c) => resolve({ code: c, output }));
      });
      const tail = output.split('\n').slice(-80).join('\n');
      expect(code, `harness exit code; its output:\n${tail}`).toBe(0);
      expect(fs.existsSync(SCREENSHOT), 'test/screenshots/outline.png was written').toBe(true);
      expect(fs.statSync(SCREENSHOT).mtimeMs).toBeGreaterThan(Math.max(before, started - 1000));
      expect(fs.existsSync(HOVER_SCREENSHOT), 'test/screenshots/hover-vscode.png was written').toBe(true);
      expect(fs.statSync(HOVER_SCREENSHOT).mtimeMs).toBeGreaterThan(started - 1000);
      expect(fs.existsSync(CASES_SCREENSHOT), 'test/screenshots/cases-vscode.png (the Sager view) was written').toBe(true);
      expect(fs.statSync(CASES_SCREENSHOT).mtimeMs).toBeGreaterThan(started - 1000);
      expect(output).toMatch(/passing/);
      expect(output).not.toMatch(/\d+ failing/);
    },
    15 * 60_000,
  );
});
