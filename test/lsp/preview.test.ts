// The preview and the status bar ask the server (the VS Code client reads no referat itself), over
// stdio: `referat/preview` renders the open document's model with the findings the editor shows,
// as the core renders it; `referat/summary` counts its punkter. Both follow edits and settings.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreviewAnswer, SummaryAnswer } from '../../server/src/lsp/preview';
import { readReferat } from '../../server/src/reader';
import { renderBody } from '../../server/src/render';
import type { TestLspClient } from '../helpers/lsp-client';
import { coreFindings, eventually, PULL_CAPABILITIES, settingsChanged, startClient, TempWorkspace, withoutBeslutning, withWrongOutcome } from './diagnostics.helpers';

const count = (html: string, pattern: RegExp) => html.match(new RegExp(pattern, 'g'))?.length ?? 0;

describe('referat/preview and referat/summary', () => {
  let workspace: TempWorkspace;
  let client: TestLspClient;
  let uri: string;
  const preview = (params: Record<string, unknown>) => client.request<PreviewAnswer | null>('referat/preview', { textDocument: { uri }, ...params });
  const summary = (of = uri) => client.request<SummaryAnswer | null>('referat/summary', { textDocument: { uri: of } });

  beforeAll(async () => {
    workspace = new TempWorkspace();
    client = await startClient({ rootPath: workspace.root, capabilities: PULL_CAPABILITIES });
    uri = await client.open(workspace.uri('punkt2.referat.txt'), withoutBeslutning());
  });
  afterAll(async () => {
    await client?.shutdown();
    workspace?.dispose();
  });

  it('renders the body as the core does, with the findings of the rules, in the language asked for', async () => {
    const text = withoutBeslutning();
    const answer = await preview({ locale: 'da-DK' });
    expect(answer?.version).toBe(1);
    expect(answer?.html).toBe(renderBody(readReferat(text), text, { locale: 'da', standalone: false, findings: coreFindings(text) }));
    expect(answer?.html).toContain('required-section');
    expect(answer?.html).not.toContain('<!DOCTYPE html>');
    const english = await preview({ locale: 'en' });
    expect(english?.html).toContain('<span class="punkt-number">Item 2</span>');
    expect(answer?.html).toContain('<span class="punkt-number">Punkt 2</span>');
  });

  it('renders the whole page with the nonce, resource origin, script and title the client gives', async () => {
    const page = { nonce: 'N0nce42', cspSource: 'https://example.vscode-cdn.net', script: 'void "preview";', title: 'Preview <punkt2>' };
    const html = (await preview({ locale: 'en', page }))!.html.replaceAll('&#39;', "'");
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain("script-src 'nonce-N0nce42'");
    expect(html).toContain("style-src https://example.vscode-cdn.net 'nonce-N0nce42'");
    expect(html).toContain('<script nonce="N0nce42">void "preview";</script>');
    expect(html).toContain('<title>Preview &lt;punkt2&gt;</title>');
    expect(count(html, /<section class="punkt"/)).toBe(readReferat(withoutBeslutning()).items.length);
  });

  it('counts the punkter for the status bar, and follows edits', async () => {
    expect(await summary()).toEqual({ version: 1, punkter: readReferat(withoutBeslutning()).items.length });
    const edited = withWrongOutcome();
    await client.replaceText(uri, edited);
    expect(await summary()).toEqual({ version: 2, punkter: readReferat(edited).items.length });
    const answer = await preview({ locale: 'en' });
    expect(answer?.version).toBe(2);
    expect(answer?.html).toBe(renderBody(readReferat(edited), edited, { locale: 'en', standalone: false, findings: coreFindings(edited) }));
    expect(answer?.html).toContain('vote-outcome');
  });

  it('shows no findings while validation is off', async () => {
    await settingsChanged(client, { validate: { enable: false } });
    await eventually(async () => expect((await preview({ locale: 'en' }))?.html).not.toContain('class="finding '));
    await settingsChanged(client, null);
    await eventually(async () => expect((await preview({ locale: 'en' }))?.html).toContain('vote-outcome'));
  });

  it('answers null for a document that is not open, or params it cannot use', async () => {
    expect(await summary(workspace.uri('never-opened.referat.txt'))).toBeNull();
    expect(await client.request('referat/preview', { textDocument: { uri: workspace.uri('never-opened.referat.txt') } })).toBeNull();
    expect(await client.request('referat/preview', {})).toBeNull();
    expect(await client.request('referat/summary', { textDocument: 'x' })).toBeNull();
    expect(await preview({ page: { nonce: 1, cspSource: '', script: '', title: '' } })).toBeNull();
  });
});
