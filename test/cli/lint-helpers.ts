// Shared by the `referat lint` tests: running the built CLI, scratch folders, and the official
// SARIF 2.1.0 schema (as shipped in @microsoft/jest-sarif) compiled with Ajv.
import { type SpawnSyncOptions, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ValidateFunction } from 'ajv';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';

export const root = path.resolve(__dirname, '../..');
export const cli = path.join(root, 'dist/cli.js');
export const lintFixtures = path.join(root, 'test/fixtures/lint');

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function run(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; uid?: number; gid?: number; timeout?: number } = {}): Run {
  const spawnOptions: SpawnSyncOptions = {
    encoding: 'utf8',
    cwd: options.cwd ?? root,
    env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '', REFERAT_LANG: '', NO_COLOR: '', REFERAT_WORKERS: '', REFERAT_DEBUG: '', ...options.env },
    maxBuffer: 1 << 28,
    uid: options.uid,
    gid: options.gid,
    // Killed after this many milliseconds: a test of what must not hang fails instead of waiting.
    timeout: options.timeout,
  };
  const res = spawnSync('node', [cli, ...args], spawnOptions);
  return { status: res.status, stdout: String(res.stdout), stderr: String(res.stderr) };
}

const scratchDirs: string[] = [];

/** A fresh folder under the system's temporary folder, readable by everyone (for the tests run as another user). */
export function scratch(prefix = 'referat-lint-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.chmodSync(dir, 0o755);
  scratchDirs.push(dir);
  return dir;
}

/** Removes the folders scratch() made. */
export function removeScratch(): void {
  for (const dir of scratchDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** Copies a file, writable (the fixtures are read-only). */
export function copy(from: string, to: string): string {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.copyFileSync(from, to);
  fs.chmodSync(to, 0o644);
  return to;
}

const schemaFile = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
let validator: ValidateFunction | undefined;

/**
 * Validates a SARIF log against the SARIF 2.1.0 schema (draft-04, hence ajv-draft-04; the schema's
 * `language` pattern is not a valid unicode regular expression, hence unicodeRegExp: false).
 * Returns the errors, or [] when valid.
 */
export function sarifErrors(log: unknown): string[] {
  if (!validator) {
    const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    validator = ajv.compile(JSON.parse(fs.readFileSync(schemaFile, 'utf8')));
  }
  if (validator(log)) return [];
  return (validator.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
}

/**
 * A small XML 1.0 well-formedness check for the JUnit output: one root, balanced tags, quoted
 * attributes, only the five entities and character references, no raw `<` or `&` in text.
 */
export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const stack: string[] = [];
  let roots = 0;
  const token = /<\/?([A-Za-z_][\w.-]*)((?:\s+[\w.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/g;
  let m: RegExpExecArray | null;
  while ((m = token.exec(body))) {
    const [whole, name, attrs, selfClose, text, stray] = m;
    if (stray) {
      problems.push(`stray < at ${m.index}: ${body.slice(m.index, m.index + 40)}`);
      break;
    }
    const entities = (s: string) => s.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, '');
    if (text !== undefined) {
      if (entities(text).includes('&')) problems.push(`bad entity in text: ${text.slice(0, 40)}`);
      if (!stack.length && text.trim()) problems.push(`text outside the root: ${text.slice(0, 40)}`);
      continue;
    }
    if (attrs && entities(attrs).includes('&')) problems.push(`bad entity in attributes: ${attrs.slice(0, 60)}`);
    if (whole.startsWith('</')) {
      if (stack.pop() !== name) problems.push(`unbalanced </${name}>`);
    } else if (!selfClose) {
      if (!stack.length) roots++;
      stack.push(name);
    } else if (!stack.length) roots++;
  }
  if (stack.length) problems.push(`unclosed: ${stack.join(' > ')}`);
  if (roots !== 1) problems.push(`${roots} root elements`);
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(xml)) problems.push('characters XML cannot hold');
  return problems;
}
