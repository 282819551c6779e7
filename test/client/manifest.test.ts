// What the extension's manifest promises VS Code.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { REPOSITORY_URL, ruleDocsUrl } from '../../server/src/project';

const root = path.resolve(__dirname, '../..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

describe('the extension manifest', () => {
  it('supports restricted mode: nothing from the workspace is run', () => {
    expect(manifest.capabilities.untrustedWorkspaces.supported).toBe(true);
    // No setting lets a workspace name a program to run.
    const settings = Object.entries(manifest.contributes.configuration.properties as Record<string, { type?: string }>);
    expect(settings.filter(([key]) => /path|command|executable|server\.command/i.test(key))).toEqual([]);
  });

  it('gives referat.config.json its schema, and the schema file is packaged', () => {
    expect(manifest.contributes.jsonValidation).toContainEqual({ fileMatch: 'referat.config.json', url: './schemas/referat.config.schema.json' });
    const ignore = fs.readFileSync(path.resolve(__dirname, '../../.vscodeignore'), 'utf8');
    expect(ignore).toMatch(/^!schemas\/\*\.json$/m);
  });
});

describe('the manifest, for the marketplaces and npm', () => {
  it('names the repository, its issues and its page under one base, the one SARIF links rule pages to', () => {
    expect(manifest.repository).toEqual({ type: 'git', url: `${REPOSITORY_URL}.git` });
    expect(manifest.bugs).toEqual({ url: `${REPOSITORY_URL}/issues` });
    expect(manifest.homepage).toBe(`${REPOSITORY_URL}#readme`);
    expect(ruleDocsUrl('vote-tally')).toBe(`${REPOSITORY_URL}/blob/main/docs/rules/vote-tally.md`);
    expect(fs.existsSync(path.join(root, 'docs/rules/vote-tally.md'))).toBe(true);
    const schema = JSON.parse(fs.readFileSync(path.join(root, 'schemas/referat.config.schema.json'), 'utf8'));
    expect(schema.$id.startsWith(REPOSITORY_URL.replace('https://github.com/', 'https://raw.githubusercontent.com/'))).toBe(true);
  });

  it('has what the VS Code Marketplace and Open VSX ask for', () => {
    for (const field of ['name', 'displayName', 'description', 'version', 'publisher', 'license', 'icon']) expect(manifest[field], field).toBeTruthy();
    expect(manifest.engines.vscode).toMatch(/^\^\d+\.\d+\.\d+$/);
    expect(manifest.engines.node).toMatch(/^>=\d+/);
    expect(fs.existsSync(path.join(root, 'LICENSE'))).toBe(true);
    expect(fs.existsSync(path.join(root, manifest.icon))).toBe(true);
    expect(manifest.galleryBanner).toEqual({ color: expect.stringMatching(/^#[0-9a-f]{6}$/i), theme: 'dark' });
    // The Marketplace's category names.
    const categories = [
      'Programming Languages',
      'Snippets',
      'Linters',
      'Themes',
      'Debuggers',
      'Formatters',
      'Keymaps',
      'SCM Providers',
      'Other',
      'Extension Packs',
      'Language Packs',
      'Data Science',
      'Machine Learning',
      'Visualization',
      'Notebooks',
      'Education',
      'Testing',
    ];
    expect(manifest.categories.every((c: string) => categories.includes(c))).toBe(true);
    // Keywords people search with, in Danish and in English (the Marketplace takes at most 30).
    expect(manifest.keywords.length).toBeLessThanOrEqual(30);
    for (const word of ['referat', 'dagsorden', 'kommune', 'udvalg', 'minutes', 'municipality', 'committee']) expect(manifest.keywords).toContain(word);
  });

  it('restores the preview after a reload, and gives Go to Punkt a key of its own', () => {
    expect(manifest.activationEvents).toContain('onWebviewPanel:referat.preview');
    const keys = manifest.contributes.keybindings as Array<{ command: string; key: string; mac?: string; when?: string }>;
    const goTo = keys.find((k) => k.command === 'referat.goToPunkt');
    expect(goTo).toMatchObject({ key: 'ctrl+alt+o', mac: 'cmd+alt+o', when: expect.stringContaining('editorLangId == referat') });
    // No two of the extension's bindings share a key.
    expect(new Set(keys.map((k) => k.key)).size).toBe(keys.length);
  });

  it('shows the Sager view in the Explorer, with its refresh button and names in both languages', () => {
    expect(manifest.contributes.views.explorer).toContainEqual({ id: 'referat.cases', name: '%view.cases%', when: 'referat.serverRunning' });
    expect(manifest.contributes.menus['view/title']).toContainEqual({ command: 'referat.refreshCases', when: 'view == referat.cases', group: 'navigation' });
    const nls = (file: string) => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));
    expect(nls('package.nls.json')['view.cases']).toBe('Cases');
    expect(nls('package.nls.da.json')['view.cases']).toBe('Sager');
    const client = fs.readFileSync(path.join(root, 'client/src/casesView.ts'), 'utf8');
    expect(client).toContain("'referat/cases'");
  });

  it('packs a .vsix without warnings, with the client and without the npm-only or development files', () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'referat-vsix-')), 'referat.vsix');
    try {
      const res = spawnSync(process.execPath, [path.join(root, 'scripts/package-vsix.mjs'), '--out', out], { cwd: root, encoding: 'utf8' });
      expect(res.status, res.stderr).toBe(0);
      expect(`${res.stdout}\n${res.stderr}`).not.toMatch(/WARNING|\bwarn/i);
      const entries = zipEntries(fs.readFileSync(out));
      for (const file of [
        'extension/package.json',
        'extension/dist/client.js',
        'extension/dist/server.js',
        'extension/dist/cli.js',
        'extension/syntaxes/referat.tmLanguage.json',
        'extension/l10n/bundle.l10n.da.json',
        'extension/LICENSE.txt',
        'extension/readme.md',
      ]) {
        expect(entries).toContain(file);
      }
      expect(entries.filter((e) => /\.map$|\/src\/|^extension\/test\/|node_modules/.test(e))).toEqual([]);
      // The packed manifest is the extension's: without the npm package's file list, which vsce refuses beside .vscodeignore.
      expect(JSON.parse(zipText(fs.readFileSync(out), 'extension/package.json')).files).toBeUndefined();
    } finally {
      fs.rmSync(path.dirname(out), { recursive: true, force: true });
    }
  });
});

/** The names in a zip's central directory. */
function zipEntries(zip: Buffer): string[] {
  return centralDirectory(zip).map((e) => e.name);
}

/** A stored or deflated file of a zip, as text. */
function zipText(zip: Buffer, name: string): string {
  const entry = centralDirectory(zip).find((e) => e.name === name);
  if (!entry) throw new Error(`${name} is not in the zip`);
  const local = entry.offset;
  const data = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
  const raw = zip.subarray(data, data + entry.compressedSize);
  return (entry.method === 8 ? zlib.inflateRawSync(raw) : raw).toString('utf8');
}

function centralDirectory(zip: Buffer): Array<{ name: string; offset: number; compressedSize: number; method: number }> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const out = [];
  for (let i = 0; i < count; i++) {
    const nameLength = zip.readUInt16LE(at + 28);
    out.push({
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      offset: zip.readUInt32LE(at + 42),
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return out;
}
