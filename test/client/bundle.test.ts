// The VS Code client reads no referat: the preview and the status bar ask the language server, which
// holds the model. Its bundle carries neither the reader, the rules nor the renderer.
import path from 'node:path';
import * as esbuild from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');

describe('the client bundle', () => {
  it('has no reader, rules or renderer of its own', async () => {
    const result = await esbuild.build({
      entryPoints: [path.join(root, 'client/src/extension.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      mainFields: ['module', 'main'],
      external: ['vscode'],
      write: false,
      metafile: true,
      logLevel: 'silent',
      absWorkingDir: root,
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs).toContain('client/src/preview.ts');
    expect(inputs.filter((file) => /^server\/src\/(reader\/index|render\/index|rules\/|lsp\/)/.test(file))).toEqual([]);
  });
});
