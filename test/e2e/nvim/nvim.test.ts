// Neovim (Debian's 0.7.2) as a real, independent LSP client of dist/server.js: it checks that
// the server works outside our own test client. Needs `nvim` (apt-get install neovim).
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { DocumentSymbol, FoldingRange, Hover, Location, MarkupContent, SymbolInformation } from 'vscode-languageserver-protocol';
import { seedsDir } from '../../helpers/golden';
import { requireBuiltServer } from '../../helpers/lsp-client';
import { goldenItems, normaliseName, punktName } from '../../lsp/golden';

const INSTALL_HINT = 'install Neovim with `apt-get install neovim`';
const SEED = '000_db79083c852146f7.txt';
const QUERY = 'Aktuelle sager';

function nvimVersion(): string | null {
  const run = spawnSync('nvim', ['--version'], { encoding: 'utf8', timeout: 10_000 });
  return run.status === 0 ? run.stdout.split('\n')[0] : null;
}

const version = nvimVersion();
const inCi = Boolean(process.env.CI) && !/^(0|false)$/i.test(process.env.CI ?? '');
if (!version && !inCi) console.warn(`Neovim tests skipped: nvim not found; ${INSTALL_HINT}.`);

interface NvimAnswers {
  documentSymbol: DocumentSymbol[];
  workspaceSymbol: SymbolInformation[];
  foldingRange: FoldingRange[];
  hover?: Hover;
  references?: Location[];
}

describe(`Neovim as LSP client (${version ?? 'nvim not installed'})`, () => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'referat-nvim-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  /** Runs check.lua on `file` in `workspace`, with `extra` environment (the case-number position). */
  function runNvim(workspace = path.join(scratch, 'workspace'), file = '', extra: Record<string, string> = {}): NvimAnswers {
    mkdirSync(workspace, { recursive: true });
    if (!file) {
      file = path.join(workspace, SEED);
      copyFileSync(path.join(seedsDir, SEED), file);
    }
    const xdg = Object.fromEntries(
      ['CONFIG', 'DATA', 'CACHE', 'STATE', 'RUNTIME'].map((kind) => {
        const dir = path.join(scratch, `xdg-${kind.toLowerCase()}`);
        mkdirSync(dir, { recursive: true, mode: 0o700 });
        return [`XDG_${kind}_${kind === 'RUNTIME' ? 'DIR' : 'HOME'}`, dir];
      }),
    );
    const run = spawnSync('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-c', 'luafile check.lua'], {
      cwd: __dirname,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, ...xdg, REFERAT_SERVER: requireBuiltServer(), REFERAT_FILE: file, REFERAT_ROOT: workspace, REFERAT_QUERY: QUERY, ...extra },
    });
    const json = /<<<REFERAT-JSON\n([\s\S]*?)\nREFERAT-JSON>>>/.exec(run.stdout ?? '');
    if (run.status !== 0 || !json) {
      throw new Error(`nvim exited with ${run.status ?? run.signal}${run.error ? ` (${run.error.message})` : ''}\nstdout:\n${run.stdout}\nstderr:\n${run.stderr}`);
    }
    return JSON.parse(json[1]) as NvimAnswers;
  }

  it.skipIf(!version && !inCi)(`shows the outline of ${SEED} and finds "${QUERY}" (needs nvim: ${INSTALL_HINT})`, () => {
    if (!version) throw new Error(`CI is set but nvim is not installed: ${INSTALL_HINT}.`);
    const answers = runNvim();

    expect(answers.documentSymbol).toHaveLength(1);
    const punkter = answers.documentSymbol[0].children!.filter((s) => s.name.startsWith('Punkt '));
    const items = goldenItems(SEED);
    expect(punkter).toHaveLength(16);
    expect(punkter.map((s) => normaliseName(s.name))).toEqual(items.map(punktName));
    expect(punkter.map((s) => s.range.start.line)).toEqual(items.map((item) => item.line - 1));

    const aktuelle = items.find((item) => item.title === QUERY)!;
    expect(answers.workspaceSymbol).toHaveLength(1);
    const [found] = answers.workspaceSymbol;
    expect(normaliseName(found.name)).toBe(punktName(aktuelle));
    expect(path.basename(fileURLToPath(found.location.uri))).toBe(SEED);
    expect(found.location.range.start.line).toBe(aktuelle.line - 1);

    expect(answers.foldingRange.map((f) => f.startLine)).toEqual(expect.arrayContaining(items.map((item) => item.line - 1)));
  });

  it.skipIf(!version && !inCi)("shows a case number's path through the meetings of the folder: hover and references", () => {
    if (!version) throw new Error(`CI is set but nvim is not installed: ${INSTALL_HINT}.`);
    const workspace = path.join(scratch, 'cases');
    mkdirSync(workspace, { recursive: true });
    const meeting = (title: string, number: number, decision: string) =>
      [
        title,
        'Mødested',
        'Rådhuset',
        '',
        `Punkt ${number}: Beskæftigelsesindsatsen 2021`,
        '21-016074',
        '',
        'Beslutning',
        decision,
        'Resume',
        'Tekst.',
        'Indstilling',
        'At orienteringen tages til efterretning.',
        '',
      ].join('\n');
    writeFileSync(path.join(workspace, 'beu.txt'), meeting('Dagsorden Beskæftigelses- og Erhvervsudvalget d. 10-01-2022', 5, 'Taget til efterretning.'));
    const file = path.join(workspace, 'oeu.txt');
    writeFileSync(file, meeting('Dagsorden Økonomiudvalget d. 24-01-2022', 16, 'Anbefales.'));
    const answers = runNvim(workspace, file, { REFERAT_CASE_LINE: '5', REFERAT_CASE_CHAR: '3', REFERAT_CASE_MEETINGS: '2' });

    expect(answers.references!.map((r) => path.basename(fileURLToPath(r.uri))).sort()).toEqual(['beu.txt', 'oeu.txt']);
    const hover = (answers.hover!.contents as MarkupContent).value;
    expect(hover).toMatch(/Økonomiudvalget[\s\S]*2022-01-24[\s\S]*Beskæftigelses- og Erhvervsudvalget[\s\S]*2022-01-10/);
  });
});
