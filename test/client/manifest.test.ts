// What the extension's manifest promises VS Code.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8'));

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
