// The extension's user-facing text exists in English and Danish: every %key% of package.json is in
// package.nls.json and package.nls.da.json, and every vscode.l10n.t('...') string of the client
// has a Danish translation in l10n/bundle.l10n.da.json (and the bundle has nothing stale).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');
const json = (f: string) => JSON.parse(fs.readFileSync(path.join(ROOT, f), 'utf8')) as Record<string, unknown>;

function clientStrings(): string[] {
  const dir = path.join(ROOT, 'client/src');
  const found = new Set<string>();
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
    const src = fs.readFileSync(path.join(dir, f), 'utf8');
    // Single quotes, or double quotes where the text has an apostrophe (as the formatter writes it).
    for (const m of src.matchAll(/l10n\.t\(\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")/g)) found.add((m[1] ?? m[2]).replace(/\\(['"])/g, '$1'));
  }
  return [...found].sort();
}

describe('extension text in English and Danish', () => {
  it('package.json placeholders are in both nls files', () => {
    const keys = [...fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8').matchAll(/"%([\w.-]+)%"/g)].map((m) => m[1]);
    const en = json('package.nls.json');
    const da = json('package.nls.da.json');
    expect(keys.length).toBeGreaterThan(0);
    for (const k of keys) {
      expect(en, `package.nls.json lacks ${k}`).toHaveProperty([k]);
      expect(da, `package.nls.da.json lacks ${k}`).toHaveProperty([k]);
    }
    expect(Object.keys(da).sort()).toEqual(Object.keys(en).sort());
  });

  it('every runtime string has a Danish translation', () => {
    const manifest = json('package.json');
    expect(manifest.l10n).toBe('./l10n');
    const strings = clientStrings();
    expect(strings.length).toBeGreaterThan(0);
    const da = json('l10n/bundle.l10n.da.json');
    expect(Object.keys(da).sort()).toEqual(strings);
    for (const s of strings) {
      const placeholders = (t: string) => [...t.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();
      expect(placeholders(String(da[s])), `placeholders of "${s}"`).toEqual(placeholders(s));
    }
  });
});
