// The member hover adds the member's attendance at the committee's meetings of that year, from the
// workspace's referater: over a real stdio connection, on a temporary workspace of four meetings
// of Økonomiudvalget (three in 2022, one of them missed; one in 2023), in both languages.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { type MeetingSpec, referatText } from '../archive/helpers';
import { eventually, TestLspClient } from '../helpers/lsp-client';

const ALL = ['Anna Hansen', 'Bent Jensen', 'Carl Olsen'];
const meeting = (date: string, present: string[], absent: string[] = []): MeetingSpec => ({
  committee: 'Økonomiudvalget',
  date,
  present,
  absent,
  punkter: [{ number: 1, title: 'Godkendelse af dagsorden', decision: ['Godkendt.'] }],
});
const MEETINGS: Record<string, MeetingSpec> = {
  'ou-1.referat.txt': meeting('10-01-2022', ALL),
  'ou-2.referat.txt': meeting('07-02-2022', ['Anna Hansen', 'Carl Olsen'], ['Bent Jensen']),
  'ou-3.referat.txt': meeting('07-03-2022', ALL),
  'ou-4.referat.txt': meeting('09-01-2023', ALL),
};
const TEXTS = Object.fromEntries(Object.entries(MEETINGS).map(([file, m]) => [file, referatText(m)]));

describe.each([{ locale: 'da' as const }, { locale: 'en' as const }])('a member’s year at the committee ($locale)', ({ locale }) => {
  let root: string;
  let client: TestLspClient;
  const uri = (file: string) => pathToFileURL(path.join(root, file)).href;
  const hoverOn = async (file: string, name: string) => {
    const line = TEXTS[file].split('\n').indexOf(name);
    const found = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: uri(file) }, position: { line, character: 2 } });
    return (found?.contents as MarkupContent | undefined)?.value ?? '';
  };

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'referat-members-'));
    for (const [file, text] of Object.entries(TEXTS)) writeFileSync(path.join(root, file), text);
    client = await TestLspClient.start({ rootPath: root, locale });
    await client.open(uri('ou-3.referat.txt'), TEXTS['ou-3.referat.txt']);
  });
  afterAll(async () => {
    await client?.shutdown();
    rmSync(root, { recursive: true, force: true });
  });

  it('counts the meetings of that year the member was listed for and attended, not those of other years', async () => {
    const expected = locale === 'da' ? 'Til stede ved 2 af 3 møder i Økonomiudvalget i 2022.' : 'Present at 2 of 3 meetings of Økonomiudvalget in 2022.';
    // The workspace is read in the background.
    await eventually(async () => expect(await hoverOn('ou-3.referat.txt', 'Bent Jensen')).toContain(expected));
    expect(await hoverOn('ou-3.referat.txt', 'Anna Hansen')).toContain(locale === 'da' ? 'Til stede ved 3 af 3 møder' : 'Present at 3 of 3 meetings');
  });

  it('says nothing of the year where the workspace holds only this meeting of it', async () => {
    await client.open(uri('ou-4.referat.txt'), TEXTS['ou-4.referat.txt']);
    expect(await hoverOn('ou-4.referat.txt', 'Bent Jensen')).not.toMatch(/Til stede ved \d|Present at \d/);
  });
});
