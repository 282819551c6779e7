// Code actions over a real stdio connection: quick fixes whose edits remove exactly their own
// diagnostic, fix all of one rule, source.fixAll.referat, disable-next-line and the docs command.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic, DocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { combineFixes, disableNextLineEdit, minimalEdit } from '../../server/src/lsp/codeActions';
import { ruleDocsUrl } from '../../server/src/project';
import { readSeed } from '../helpers/golden';
import type { TestLspClient } from '../helpers/lsp-client';
import { applyWorkspaceEdit, coreFindings, editsFor, PULL_CAPABILITIES, startClient, TempWorkspace, unplaced, withoutBeslutning, withWrongOutcome } from './diagnostics.helpers';

const CAPABILITIES = { ...PULL_CAPABILITIES, workspace: { ...PULL_CAPABILITIES.workspace, workspaceEdit: { documentChanges: true } } };

describe('code actions', () => {
  let workspace: TempWorkspace;
  let client: TestLspClient;
  let counter = 0;

  const diagnosticsOf = async (uri: string): Promise<Diagnostic[]> => {
    const report = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
    return report.kind === 'full' ? report.items : [];
  };
  const actionsFor = (uri: string, diagnostics: Diagnostic[], only?: string[]) =>
    client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics, ...(only ? { only } : {}) },
    });
  /** Opens `text` as a new document; returns its URI and diagnostics. */
  const openText = async (text: string) => {
    const uri = await client.open(workspace.uri(`doc${counter++}.referat.txt`), text);
    return { uri, diagnostics: await diagnosticsOf(uri) };
  };
  /** Applies an action's edit in the client and the server; returns the new text and diagnostics. */
  const apply = async (uri: string, text: string, action: CodeAction) => {
    const next = applyWorkspaceEdit(text, action.edit, uri);
    await client.replaceText(uri, next);
    return { text: next, diagnostics: await diagnosticsOf(uri) };
  };

  beforeAll(async () => {
    workspace = new TempWorkspace({ rules: {} });
    client = await startClient({ rootPath: workspace.root, capabilities: CAPABILITIES });
  });
  afterAll(async () => {
    await client?.shutdown();
    workspace?.dispose();
  });

  it('offers the fix of a required-section diagnostic; applied, it removes that diagnostic and only inserts', async () => {
    const text = withoutBeslutning();
    const { uri, diagnostics } = await openText(text);
    const [diagnostic] = diagnostics.filter((d) => d.code === 'required-section');
    const actions = await actionsFor(uri, [diagnostic]);
    const fix = actions.find((a) => a.isPreferred)!;
    expect(fix).toMatchObject({ kind: 'quickfix', diagnostics: [diagnostic] });
    expect(fix.title).toBe(coreFindings(text)[0].fix!.title.en);
    // A versioned edit, for the version the client has.
    expect(fix.edit?.documentChanges?.[0]).toMatchObject({ textDocument: { uri, version: client.version(uri) } });

    const edits = editsFor(fix.edit, uri);
    expect(edits).toHaveLength(1);
    const after = await apply(uri, text, fix);
    const doc = TextDocument.create(uri, 'referat', 1, text);
    const at = doc.offsetAt(edits[0].range.start);
    expect(after.text).toBe(text.slice(0, at) + edits[0].newText + text.slice(doc.offsetAt(edits[0].range.end)));
    expect(after.text.slice(at, at + edits[0].newText.length)).toMatch(/Beslutning/);
    // Its diagnostic is gone, the others stay; anything new is about the inserted heading itself (an empty section).
    expect(after.diagnostics.map((d) => d.code)).not.toContain('required-section');
    const from = edits[0].range.start.line;
    const to = from + edits[0].newText.split('\n').length - 1;
    const inserted = (d: Diagnostic) => d.range.start.line >= from && d.range.start.line <= to;
    expect(after.diagnostics.filter((d) => !inserted(d)).map((d) => d.code)).toEqual(diagnostics.filter((d) => d !== diagnostic).map((d) => d.code));
  });

  it('changes nothing but the one problem it fixes in a referat with other findings', async () => {
    const text = readSeed('002_00cfbdd4d29f5775.txt');
    const { uri, diagnostics } = await openText(text);
    const fixable = diagnostics.find((d) => d.code === 'inconsistent-name')!;
    expect(fixable).toBeDefined();
    const fix = (await actionsFor(uri, [fixable])).find((a) => a.isPreferred)!;
    const after = await apply(uri, text, fix);
    // The same problems less this one (messages may count differently now: "16 times").
    const expected = diagnostics.filter((d) => d !== fixable).map((d) => `${d.code} ${d.range.start.line}`);
    expect(after.diagnostics.map((d) => `${d.code} ${d.range.start.line}`)).toEqual(expected);
    // Only the line of the diagnostic changed.
    const before = text.split('\n');
    const changed = after.text.split('\n').flatMap((line, i) => (line === before[i] ? [] : [i]));
    expect(changed).toEqual([fixable.range.start.line]);
  });

  it('offers "fix all" for a rule with two or more fixable findings, and it fixes them all', async () => {
    const text = withoutBeslutning(true);
    const { uri, diagnostics } = await openText(text);
    const ours = diagnostics.filter((d) => d.code === 'required-section');
    expect(ours).toHaveLength(2);
    const actions = await actionsFor(uri, [ours[0]]);
    const fixAll = actions.find((a) => a.title === 'Fix all required-section problems in this file')!;
    expect(fixAll).toBeDefined();
    expect(fixAll.kind).toBe('quickfix');
    expect(editsFor(fixAll.edit, uri)).toHaveLength(2);
    expect((await apply(uri, text, fixAll)).diagnostics.map((d) => d.code)).not.toContain('required-section');
    // With one fixable finding there is none.
    const single = await openText(withoutBeslutning());
    expect((await actionsFor(single.uri, single.diagnostics)).map((a) => a.title)).not.toContain('Fix all required-section problems in this file');
  });

  it('fixes everything with source.fixAll.referat, as one edit, only when asked for', async () => {
    const text = readSeed('000_db79083c852146f7.txt');
    const { uri, diagnostics } = await openText(text);
    const fixableBefore = coreFindings(text).filter((f) => f.fix);
    expect(fixableBefore.length).toBeGreaterThan(2);

    expect((await actionsFor(uri, diagnostics)).map((a) => a.kind)).not.toContain('source.fixAll.referat');
    const actions = await actionsFor(uri, [], ['source.fixAll']);
    expect(actions.map((a) => a.kind)).toEqual(['source.fixAll.referat']);
    expect(actions[0].title).toBe('Fix all referat problems');
    expect(editsFor(actions[0].edit, uri)).toHaveLength(1);

    const after = await apply(uri, text, actions[0]);
    expect(coreFindings(after.text).filter((f) => f.fix)).toEqual([]);
    // The problems without a fix are still there.
    const unfixable = (ds: Diagnostic[]) => ds.filter((d) => !fixableBefore.some((f) => f.ruleId === d.code)).map((d) => d.code);
    expect(unfixable(after.diagnostics)).toEqual(expect.arrayContaining(unfixable(diagnostics)));
  });

  it('disables a rule for one line with a directive above it, and only that diagnostic goes', async () => {
    const text = withWrongOutcome();
    const { uri, diagnostics } = await openText(text);
    const outcome = diagnostics.find((d) => d.code === 'vote-outcome')!;
    const actions = await actionsFor(uri, [outcome]);
    expect(actions.some((a) => a.isPreferred)).toBe(false);
    const disable = actions.find((a) => a.title === 'Disable vote-outcome for this line')!;
    expect(editsFor(disable.edit, uri)).toEqual([
      {
        range: { start: { line: outcome.range.start.line, character: 0 }, end: { line: outcome.range.start.line, character: 0 } },
        newText: '<!-- referat-disable-next-line vote-outcome -->\n',
      },
    ]);
    const after = await apply(uri, text, disable);
    expect(after.text.split('\n')[outcome.range.start.line]).toBe('<!-- referat-disable-next-line vote-outcome -->');
    expect(unplaced(after.diagnostics)).toEqual(unplaced(diagnostics.filter((d) => d !== outcome)));
  });

  it('uses the document line break for the directive', async () => {
    const text = withWrongOutcome().replace(/\n/g, '\r\n');
    const { uri, diagnostics } = await openText(text);
    const outcome = diagnostics.find((d) => d.code === 'vote-outcome')!;
    const disable = (await actionsFor(uri, [outcome])).find((a) => a.title === 'Disable vote-outcome for this line')!;
    expect(editsFor(disable.edit, uri)[0].newText).toBe('<!-- referat-disable-next-line vote-outcome -->\r\n');
    expect((await apply(uri, text, disable)).diagnostics.map((d) => d.code)).not.toContain('vote-outcome');
  });

  it("offers the rule documentation as the referat.showRuleDocs command, with the page's https address", async () => {
    const { uri, diagnostics } = await openText(withWrongOutcome());
    const outcome = diagnostics.find((d) => d.code === 'vote-outcome')!;
    const docs = (await actionsFor(uri, [outcome])).filter((a) => a.command);
    expect(docs).toHaveLength(1);
    expect(docs[0].title).toBe('Show documentation for vote-outcome');
    expect(docs[0].command).toMatchObject({ command: 'referat.showRuleDocs', arguments: [ruleDocsUrl('vote-outcome'), 'vote-outcome'] });
    expect(outcome.codeDescription?.href).toBe(ruleDocsUrl('vote-outcome'));
  });

  it('answers nothing for diagnostics of other sources', async () => {
    const { uri, diagnostics } = await openText(withWrongOutcome());
    const foreign = { ...diagnostics[0], source: 'other' };
    expect(await actionsFor(uri, [foreign])).toEqual([]);
  });
});

describe('code action titles in Danish', () => {
  let workspace: TempWorkspace;
  let client: TestLspClient;

  beforeAll(async () => {
    workspace = new TempWorkspace({});
    client = await startClient({ rootPath: workspace.root, capabilities: PULL_CAPABILITIES, locale: 'da-DK' });
  });
  afterAll(async () => {
    await client?.shutdown();
    workspace?.dispose();
  });

  it('titles the fixes and the disable action in Danish', async () => {
    const text = withoutBeslutning(true);
    const uri = await client.open(workspace.uri('da.referat.txt'), text);
    const report = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
    const diagnostics = report.kind === 'full' ? report.items : [];
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostics[0].range,
      context: { diagnostics: [diagnostics[0]] },
    });
    const titles = actions.map((a) => a.title);
    expect(titles).toContain(coreFindings(text)[0].fix!.title.da);
    expect(titles).toContain('Ret alle required-section-problemer i denne fil');
    expect(titles).toContain('Slå required-section fra for denne linje');
    // Without documentChanges support the edit comes as `changes`.
    expect(actions.find((a) => a.isPreferred)?.edit?.changes?.[uri]).toHaveLength(1);
  });
});

describe('edit helpers', () => {
  const doc = (text: string) => TextDocument.create('file:///t.referat', 'referat', 1, text);

  it('indents the directive like its line and extends a directive already above', () => {
    const d = doc('a\n    indented\n<!-- referat-disable-next-line vote-tally -->\nvote\n');
    expect(disableNextLineEdit(d, 'quorum', 1)).toEqual({
      range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } },
      newText: '    <!-- referat-disable-next-line quorum -->\n',
    });
    expect(disableNextLineEdit(d, 'vote-outcome', 3)).toEqual({
      range: { start: { line: 2, character: 0 }, end: { line: 2, character: 45 } },
      newText: '<!-- referat-disable-next-line vote-tally vote-outcome -->',
    });
  });

  it('makes one minimal edit, never splitting a line break or a surrogate pair', () => {
    const before = doc('one\r\ntwo 😀\r\nthree');
    const edit = minimalEdit(before, 'one\r\ntwo 😁\r\nthree');
    expect(edit.newText).toBe('😁');
    expect(edit.range).toEqual({ start: { line: 1, character: 4 }, end: { line: 1, character: 6 } });
    const eol = minimalEdit(before, 'one\ntwo 😀\r\nthree');
    expect(TextDocument.applyEdits(before, [eol])).toBe('one\ntwo 😀\r\nthree');
    expect(eol.range.start.line).toBe(0);
  });

  it('leaves out fixes that overlap one already taken, whole', () => {
    const d = doc('abcdef');
    const at = (from: number, to: number) => ({ start: d.positionAt(from), end: d.positionAt(to) });
    const fix = (...edits: [number, number, string][]) => ({ title: { en: '', da: '' }, edits: edits.map(([f, t, newText]) => ({ range: at(f, t), newText })) });
    const a = fix([0, 2, 'X']);
    const b = fix([1, 3, 'Y'], [5, 6, 'Z']);
    const c = fix([3, 3, 'I']);
    const d2 = fix([3, 3, 'J']);
    const { edits, skipped } = combineFixes(d, [b, a, c, d2]);
    expect(skipped).toEqual([b]);
    // Insertions at one place go in in the fixes' order, as applyEdits does.
    expect(TextDocument.applyEdits(d, edits)).toBe('XcIJdef');
  });
});
