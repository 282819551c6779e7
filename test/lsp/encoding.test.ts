// Files on disk are read as the command line reads them (server/src/host/files.ts): a Windows-1252
// referat in the workspace gives its Danish letters to workspace symbols and case hovers, not `�`.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SymbolInformation } from 'vscode-languageserver-protocol';
import { encode } from '../../server/src/host/files';
import { referatText } from '../archive/helpers';
import { eventually, TestLspClient } from '../helpers/lsp-client';

describe('a Windows-1252 referat in the workspace', () => {
  let root: string;
  let client: TestLspClient;

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'referat-cp1252-'));
    const text = referatText({
      committee: 'Kultur- og Fritidsudvalget',
      date: '03-03-2026',
      present: ['Anna Hansen', 'Bent Jensen'],
      punkter: [{ number: 1, title: 'Tilskud til idrætsområdet i Søndersø', caseNumber: '26-000123', decision: ['Godkendt – med bemærkninger.'] }],
    });
    writeFileSync(path.join(root, 'ansi.referat.txt'), encode(text, 'windows-1252')!);
    client = await TestLspClient.start({ rootPath: root, locale: 'da' });
  });
  afterAll(async () => {
    await client?.shutdown();
    rmSync(root, { recursive: true, force: true });
  });

  it('finds its punkt by a word with Danish letters, spelled as written', async () => {
    const symbols = await eventually(async () => {
      const found = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'idrætsområdet' });
      expect(found.length).toBeGreaterThan(0);
      return found;
    });
    expect(symbols[0].name).toContain('Tilskud til idrætsområdet i Søndersø');
    expect(symbols[0].containerName).toContain('Kultur- og Fritidsudvalget');
  });
});
