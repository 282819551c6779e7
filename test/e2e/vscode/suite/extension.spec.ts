// Extension tests, run by mocha inside a real VS Code extension host (`vscode` is the real API).
// Named *.spec.ts so vitest does not pick them up; test/e2e/vscode/build-tests.mjs compiles them.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { after, before, describe, it } from 'mocha';

const EXTENSION_ID = 'referat-tools.referat';
const SEED_000 = '000_db79083c852146f7.txt';
const SEED_001 = '001_bcefb93b7da31050.txt';

/** Polls until `probe` gives a value (not undefined), or fails after `timeout` ms naming `what`. */
async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeout = 30_000): Promise<T> {
  const end = Date.now() + timeout;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The seeds: from the opened workspace folder when it has them, else from the repository. */
function seedUri(name: string): vscode.Uri {
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    for (const candidate of [name, `seeds/${name}`]) {
      const uri = vscode.Uri.joinPath(folder.uri, candidate);
      if (fs.existsSync(uri.fsPath)) return uri;
    }
  }
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed`);
  return vscode.Uri.file(path.join(ext.extensionPath, 'test', 'fixtures', 'seeds', name));
}

/** The open document for `uri` once its language is `languageId`. */
function documentWithLanguage(uri: vscode.Uri, languageId: string, timeout?: number): Promise<vscode.TextDocument> {
  return waitFor(
    `${path.basename(uri.fsPath)} to get language ${languageId}`,
    () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && d.languageId === languageId),
    timeout,
  );
}

function punktNumber(name: string): number | undefined {
  const m = /^Punkt (\d+): \S/.exec(name);
  return m ? Number(m[1]) : undefined;
}

describe('Referat extension', () => {
  const seed000 = () => seedUri(SEED_000);
  let punktSymbols: vscode.DocumentSymbol[] = [];

  before(async () => {
    await vscode.workspace.getConfiguration('referat').update('detect', undefined, vscode.ConfigurationTarget.Global);
  });

  it('detects seed 000 (a .txt file) as a referat and activates', async () => {
    const document = await vscode.workspace.openTextDocument(seed000());
    await vscode.window.showTextDocument(document);
    const referat = await documentWithLanguage(seed000(), 'referat');
    assert.equal(referat.languageId, 'referat');
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not installed`);
    await waitFor('the extension to be active', () => (ext.isActive ? true : undefined));
  });

  it('outline: a root whose children are Punkt 1 .. Punkt 16', async () => {
    const symbols = await waitFor('document symbols from the language server', async () => {
      const result = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', seed000());
      return result && result.length > 0 ? result : undefined;
    });
    const roots = symbols.map((s) => `${s.name} (${(s.children ?? []).length} children)`);
    const root = symbols.find((s) => (s.children ?? []).some((c) => punktNumber(c.name) !== undefined));
    assert.ok(root, `no root symbol has Punkt children; roots: ${roots.join('; ')}`);
    punktSymbols = root.children.filter((c) => punktNumber(c.name) !== undefined);
    assert.deepEqual(
      punktSymbols.map((s) => punktNumber(s.name)),
      Array.from({ length: 16 }, (_, i) => i + 1),
      `punkter in the outline: ${punktSymbols.map((s) => s.name).join(' | ')}`,
    );
    assert.match(punktSymbols[0].name, /^Punkt 1: Godkendelse af realiseringsplanen for fremtidens Vollsmose/);
    assert.match(punktSymbols[15].name, /^Punkt 16: Fællesmøde mellem Beskæftigelses- og Socialudvalget og Udsatterådet/);
  });

  it('folding: ranges exist, one starting at each punkt heading', async () => {
    const ranges = await waitFor('folding ranges', async () => {
      const result = await vscode.commands.executeCommand<vscode.FoldingRange[] | undefined>('vscode.executeFoldingRangeProvider', seed000());
      return result && result.length > 0 ? result : undefined;
    });
    assert.ok(ranges.length >= 16, `only ${ranges.length} folding ranges`);
    if (punktSymbols.length === 0) return; // the outline test failed already and says why
    const starts = new Set(ranges.map((r) => r.start));
    const unfoldable = punktSymbols.filter((s) => !starts.has(s.range.start.line)).map((s) => `${s.name} (line ${s.range.start.line + 1})`);
    assert.deepEqual(unfoldable, [], 'punkter without a folding range starting at their heading');
  });

  it('leaves ordinary plain text alone', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'Indkøbsliste\n\nmælk\nrugbrød\n' });
    await vscode.window.showTextDocument(document);
    await sleep(1000);
    assert.equal(document.languageId, 'plaintext');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  describe('preview', () => {
    const SEED_002 = '002_00cfbdd4d29f5775.txt';
    /** The preview's webview tabs (VS Code prefixes the view type: `mainThreadWebview-referat.preview`). */
    const previewTabs = () =>
      vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('referat.preview'));
    const closePreviews = async () => {
      for (const tab of previewTabs()) await vscode.window.tabGroups.close(tab);
    };
    after(closePreviews);

    it('registers Open Preview and Open Preview to the Side', async () => {
      const commands = await vscode.commands.getCommands(true);
      for (const id of ['referat.showPreview', 'referat.showPreviewToSide', 'referat.togglePreviewLock']) assert.ok(commands.includes(id), `${id} is not registered`);
    });

    it('Open Preview to the Side opens a webview of type referat.preview beside the editor', async () => {
      const uri = seedUri(SEED_002);
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      await documentWithLanguage(uri, 'referat');
      await vscode.commands.executeCommand('referat.showPreviewToSide');
      const tab = await waitFor('a referat.preview webview tab', () => previewTabs()[0]);
      assert.match(tab.label, /002_00cfbdd4d29f5775\.txt/);
      assert.notEqual(tab.group.viewColumn, editor.viewColumn, 'the preview is in another editor group than the referat');
      assert.equal(previewTabs().length, 1);
      // The editor keeps the focus.
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
      await closePreviews();
    });

    it('follows the active referat editor, and stays on its document while locked', async () => {
      const uri002 = seedUri(SEED_002);
      const uri000 = seed000();
      const label = () => previewTabs()[0]?.label ?? '';
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri002), vscode.ViewColumn.One);
      await vscode.commands.executeCommand('referat.showPreviewToSide');
      await waitFor('the preview of 002', () => (label().includes('002_') ? true : undefined));
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri000), vscode.ViewColumn.One);
      await waitFor('the preview to follow to 000', () => (label().includes('000_') ? true : undefined));
      await vscode.commands.executeCommand('referat.togglePreviewLock');
      await waitFor('a locked title', () => (/^\[Locked\].*000_/.test(label()) ? true : undefined));
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri002), vscode.ViewColumn.One);
      await sleep(1000);
      assert.match(label(), /000_/, 'a locked preview stays on its document');
      await vscode.commands.executeCommand('referat.togglePreviewLock');
      await waitFor('the unlocked preview to follow to 002', () => (/^Preview .*002_/.test(label()) ? true : undefined));
      await closePreviews();
    });

    it('Open Preview (with the file as argument, as the editor title button passes it) opens it in the editor’s group', async () => {
      const uri = seedUri(SEED_002);
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), vscode.ViewColumn.One);
      await vscode.commands.executeCommand('referat.showPreview', uri);
      const tab = await waitFor('a referat.preview webview tab', () => previewTabs()[0]);
      assert.equal(tab.group.viewColumn, editor.viewColumn);
      assert.ok(tab.isActive, 'the preview is the active tab of its group');
      await closePreviews();
    });
  });

  describe('language features (with test/fixtures/membership as the workspace’s referat.config.json)', () => {
    const SEED_002 = '002_00cfbdd4d29f5775.txt';

    /** Opens `name` in an editor and waits until it is a referat (the language server then has it). */
    async function openReferat(name: string): Promise<vscode.TextEditor> {
      const uri = seedUri(name);
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), vscode.ViewColumn.One);
      await documentWithLanguage(uri, 'referat');
      return editor;
    }

    const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' && d.code !== null ? String(d.code.value) : String(d.code));
    const referatDiagnostics = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'referat');
    const describeAll = (ds: vscode.Diagnostic[]) => ds.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${codeOf(d)}`).join('; ');
    const unknownTommy = (d: vscode.Diagnostic) => codeOf(d) === 'unknown-member' && d.range.start.line === 101;

    /** The column of `text` on `line`, failing when it is not there. */
    function columnOf(document: vscode.TextDocument, line: number, text: string): number {
      const at = document.lineAt(line).text.indexOf(text);
      assert.ok(at >= 0, `"${text}" is not on line ${line + 1}: ${document.lineAt(line).text}`);
      return at;
    }

    before(() => {
      const folder = vscode.workspace.workspaceFolders?.[0];
      if (!folder || !fs.existsSync(vscode.Uri.joinPath(folder.uri, 'referat.config.json').fsPath)) {
        // The harnesses (run.mjs, electron.mjs) copy the membership fixture into the workspace.
        throw new Error('the workspace folder has no referat.config.json (copy test/fixtures/membership/referat.config.json there)');
      }
    });

    it('diagnostics on seed 000: toc-mismatch on line 19, unknown-member Tommy Hummelose on line 102', async () => {
      const uri = seedUri(SEED_000);
      await openReferat(SEED_000);
      const found = await waitFor(
        'diagnostics with source referat: toc-mismatch on line 19 and unknown-member on line 102',
        () => {
          const ds = referatDiagnostics(uri);
          return ds.some((d) => codeOf(d) === 'toc-mismatch' && d.range.start.line === 18) && ds.some(unknownTommy) ? ds : undefined;
        },
        45_000,
      ).catch((err: Error) => {
        throw new Error(`${err.message}; have: ${describeAll(referatDiagnostics(uri)) || '(none)'}`);
      });
      const toc = found.find((d) => codeOf(d) === 'toc-mismatch' && d.range.start.line === 18)!;
      assert.match(toc.message, /Korsløkkeparken/);
      const unknown = found.find(unknownTommy)!;
      assert.match(unknown.message, /Tommy Hummelose/);
      assert.match(unknown.message, /Tommy Hummellose/);
      const document = await vscode.workspace.openTextDocument(uri);
      assert.equal(document.getText(unknown.range), 'Tommy Hummelose');
    });

    it('quick fix for the unknown member: “Change to Tommy Hummellose” changes the name (then reverted)', async () => {
      const uri = seedUri(SEED_000);
      const editor = await openReferat(SEED_000);
      const document = editor.document;
      const original = document.getText();
      const unknown = await waitFor('the unknown-member diagnostic on line 102', () => referatDiagnostics(uri).find(unknownTommy));
      const actions = await waitFor('code actions at Tommy Hummelose', async () => {
        const result = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[] | undefined>(
          'vscode.executeCodeActionProvider',
          uri,
          unknown.range,
          undefined,
          100,
        );
        return result && result.length > 0 ? result : undefined;
      });
      const titles = actions.map((a) => a.title);
      const fix = actions.find((a): a is vscode.CodeAction => /^(Change to|Ret til) Tommy Hummellose$/.test(a.title) && 'edit' in a && !!a.edit);
      assert.ok(fix, `no quick fix "Change to Tommy Hummellose" with an edit; actions: ${titles.join(' | ')}`);
      if (fix.kind) assert.ok(vscode.CodeActionKind.QuickFix.contains(fix.kind), `the fix is of kind ${fix.kind.value}`);
      try {
        assert.ok(await vscode.workspace.applyEdit(fix.edit!), 'workspace.applyEdit refused the fix');
        const line = document.lineAt(101).text;
        assert.ok(line.includes('Tommy Hummellose (C)'), `line 102 after the fix: ${line}`);
        assert.ok(!line.includes('Tommy Hummelose'), `line 102 still has the misspelling: ${line}`);
        assert.equal(document.getText().length, original.length + 1, 'the fix changes only the name');
        await waitFor('the unknown-member diagnostic to go away after the fix', () => (referatDiagnostics(uri).some(unknownTommy) ? undefined : true), 20_000);
      } finally {
        // Never save: put the file back as it was on disk.
        await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
        await vscode.commands.executeCommand('workbench.action.files.revert');
        await waitFor('the document to be reverted', () => (!document.isDirty && document.getText() === original ? true : undefined), 10_000);
      }
    });

    it('hover on Reza Javid in the vote of punkt 3 (seed 002, line 181) says he voted for', async () => {
      const { document } = await openReferat(SEED_002);
      const line = 180;
      const position = new vscode.Position(line, columnOf(document, line, 'Reza Javid') + 2);
      const text = await waitFor('a hover on Reza Javid', async () => {
        const hovers = await vscode.commands.executeCommand<vscode.Hover[] | undefined>('vscode.executeHoverProvider', document.uri, position);
        const all = (hovers ?? [])
          .flatMap((h) => h.contents)
          .map((c) => (typeof c === 'string' ? c : c.value))
          .join('\n');
        return all.includes('Reza Javid') ? all : undefined;
      });
      assert.match(text, /(Voted|Stemte) \*\*for\*\*/, `the hover:\n${text}`);
      assert.match(text, /\(line 181\)|\(linje 181\)/, `the hover names the vote's line:\n${text}`);
    });

    it('code lens above the vote of punkt 3 in seed 002: “For 2 · … — …”', async () => {
      const { document } = await openReferat(SEED_002);
      const lenses = await waitFor('code lenses on seed 002', async () => {
        const result = await vscode.commands.executeCommand<vscode.CodeLens[] | undefined>('vscode.executeCodeLensProvider', document.uri, 100);
        return result && result.length > 0 ? result : undefined;
      });
      const titles = lenses.filter((l) => l.range.start.line === 180).map((l) => l.command?.title ?? '(unresolved)');
      assert.ok(
        titles.some((t) => /^For 2 · (Against|Imod) 2 · .+ — \S/.test(t)),
        `lenses on line 181: ${titles.join(' | ') || '(none)'}; all: ${lenses.map((l) => `${l.range.start.line + 1}: ${l.command?.title}`).join(' | ')}`,
      );
    });

    it('on seed 004, a punkt treated at seed 002’s earlier meeting: a “Treated before: 1 meeting” lens that shows the meetings', async () => {
      const { document } = await openReferat('004_c859f8f3d45ba66d.txt');
      const before = /^(Treated before: 1 meeting|Behandlet før: 1 møde)$/;
      const lens = await waitFor('a Treated before lens on seed 004', async () => {
        const result = await vscode.commands.executeCommand<vscode.CodeLens[] | undefined>('vscode.executeCodeLensProvider', document.uri, 100);
        return result?.find((l) => before.test(l.command?.title ?? ''));
      });
      assert.equal(lens.command?.command, 'referat.showTreatments');
      // The client turns the server's locations into VS Code's for the references view.
      await vscode.commands.executeCommand(lens.command!.command, ...(lens.command!.arguments ?? []));
      await vscode.commands.executeCommand('closeReferenceSearch');
      const commands = await vscode.commands.getCommands(true);
      assert.ok(commands.includes('referat.refreshCases'), 'the Sager view’s refresh command is registered');
    });

    it('hover on that punkt’s case number in seed 004: both meetings that treated it, newest first', async () => {
      const { document } = await openReferat('004_c859f8f3d45ba66d.txt');
      const lens = await waitFor('a Treated before lens on seed 004', async () => {
        const result = await vscode.commands.executeCommand<vscode.CodeLens[] | undefined>('vscode.executeCodeLensProvider', document.uri, 100);
        return result?.find((l) => /^(Treated before|Behandlet før)/.test(l.command?.title ?? ''));
      });
      // The case number stands on the first lines under the punkt's heading.
      let line = lens.range.start.line + 1;
      while (line < document.lineCount && !/\d{2}\.\d{2}\.\d{2}-/.test(document.lineAt(line).text)) line++;
      const column = document.lineAt(line).text.search(/\d{2}\.\d{2}\.\d{2}-/);
      const text = await waitFor('a hover on the case number', async () => {
        const hovers = await vscode.commands.executeCommand<vscode.Hover[] | undefined>('vscode.executeHoverProvider', document.uri, new vscode.Position(line, column + 2));
        const all = (hovers ?? [])
          .flatMap((h) => h.contents)
          .map((c) => (typeof c === 'string' ? c : c.value))
          .join('\n');
        return /Treated at|Behandlet på/.test(all) ? all : undefined;
      });
      assert.ok(text.indexOf('2025-05-06') >= 0 && text.indexOf('2024-11-26') > text.indexOf('2025-05-06'), `the hover:\n${text}`);
    });

    it('formatting seed 002 gives edits (not applied)', async () => {
      const { document } = await openReferat(SEED_002);
      const edits = await waitFor('formatting edits for seed 002', async () => {
        const result = await vscode.commands.executeCommand<vscode.TextEdit[] | undefined>('vscode.executeFormatDocumentProvider', document.uri, {
          tabSize: 2,
          insertSpaces: true,
        });
        return result && result.length > 0 ? result : undefined;
      });
      assert.ok(edits.length > 0);
      assert.equal(document.isDirty, false, 'asking for the edits does not change the document');
    });

    it('registers referat.goToPunkt, referat.newReferat and referat.showRuleDocs', async () => {
      const commands = await vscode.commands.getCommands(true);
      for (const id of ['referat.goToPunkt', 'referat.newReferat', 'referat.showRuleDocs']) assert.ok(commands.includes(id), `${id} is not registered`);
    });
  });

  describe('with referat.detect off', () => {
    after(async () => {
      await vscode.workspace.getConfiguration('referat').update('detect', undefined, vscode.ConfigurationTarget.Global);
    });

    it('keeps a referat as plain text, and switches it when detection is turned on again', async () => {
      await vscode.workspace.getConfiguration('referat').update('detect', false, vscode.ConfigurationTarget.Global);
      const uri = seedUri(SEED_001); // the three-line `Referat` / `til` / `mødet i ...` form
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document);
      await sleep(1000);
      assert.equal(document.languageId, 'plaintext');
      await vscode.workspace.getConfiguration('referat').update('detect', true, vscode.ConfigurationTarget.Global);
      await documentWithLanguage(uri, 'referat');
    });
  });
});
