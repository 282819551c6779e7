// "New Referat…": asks for the committee (from the nearest referat.config.json, or typed), the
// meeting date and the number of punkter, and opens an untitled referat with the skeleton the core
// writes (server/src/format/skeleton.ts), already in the canonical style.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { findConfigFile, loadConfigFile } from '../../server/src/host/configFile';
import { findCommittee } from '../../server/src/config/membership';
import type { CommitteeConfig, MemberConfig, ReferatConfig } from '../../server/src/config/types';
import { DEFAULT_PUNKTER, danishDate, parseDanishDate, referatSkeleton } from '../../server/src/format/skeleton';
import { LANGUAGE_ID } from './detection';

export const NEW_REFERAT_COMMAND = 'referat.newReferat';
const MAX_PUNKTER = 99;

export function registerNewReferat(): vscode.Disposable {
  return vscode.commands.registerCommand(NEW_REFERAT_COMMAND, newReferat);
}

async function newReferat(): Promise<void> {
  const { config, file } = await nearestConfig();
  const picked = await pickCommittee(config.committees ?? [], file);
  if (!picked) return;

  const dateText = await vscode.window.showInputBox({
    title: vscode.l10n.t('New referat: meeting date'),
    prompt: vscode.l10n.t('The meeting date, DD-MM-YYYY'),
    value: danishDate(new Date()),
    validateInput: (value) => (parseDanishDate(value) ? null : vscode.l10n.t('Write the date as DD-MM-YYYY, a day that exists (e.g. 06-05-2025)')),
  });
  const date = dateText === undefined ? null : parseDanishDate(dateText);
  if (!date) return;

  const countText = await vscode.window.showInputBox({
    title: vscode.l10n.t('New referat: number of punkter'),
    prompt: vscode.l10n.t('How many punkter? Punkt 1 is Godkendelse af dagsorden.'),
    value: String(DEFAULT_PUNKTER),
    validateInput: (value) => (punktCount(value) === null ? vscode.l10n.t('A whole number from 1 to {0}', MAX_PUNKTER) : null),
  });
  const punkter = countText === undefined ? null : punktCount(countText);
  if (punkter === null) return;

  // A committee typed by name still gets its members when the configuration knows it.
  const committee = typeof picked === 'string' ? findCommittee(config, picked, null, date.iso) : picked;
  const name = typeof picked === 'string' ? picked : picked.name;
  const content = referatSkeleton({
    committee: name,
    period: committee?.period ?? null,
    date: dateText!,
    members: (committee?.members ?? []).filter((m) => serving(m, date.iso)).map((m) => ({ name: m.name, party: m.party ?? null })),
    punkter,
  });
  const document = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content });
  const editor = await vscode.window.showTextDocument(document);
  // The cursor where the first thing is missing: after Mødested.
  const place = content.split('\n').findIndex((line) => line.startsWith('**Mødested**'));
  if (place >= 0) {
    const at = document.lineAt(place).range.end;
    editor.selection = new vscode.Selection(at, at);
  }
}

function punktCount(value: string): number | null {
  const n = /^\s*(\d{1,3})\s*$/.exec(value) ? Number(value) : NaN;
  return Number.isInteger(n) && n >= 1 && n <= MAX_PUNKTER ? n : null;
}

function serving(m: MemberConfig, iso: string): boolean {
  return (!m.from || m.from <= iso) && (!m.to || m.to >= iso);
}

/** The referat.config.json nearest the active document, else at or above a workspace folder, else anywhere in the workspace. */
async function nearestConfig(): Promise<{ config: ReferatConfig; file: string | null }> {
  const dirs: string[] = [];
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active?.scheme === 'file') dirs.push(path.dirname(active.fsPath));
  for (const folder of vscode.workspace.workspaceFolders ?? []) if (folder.uri.scheme === 'file') dirs.push(folder.uri.fsPath);
  let file: string | null = null;
  for (const dir of dirs) if ((file = findConfigFile(dir))) break;
  if (!file) {
    const [found] = await vscode.workspace.findFiles('**/referat.config.json', '**/node_modules/**', 1);
    if (found?.scheme === 'file') file = found.fsPath;
  }
  if (!file) return { config: {}, file: null };
  const loaded = loadConfigFile(file);
  if (loaded.problems.length && !loaded.config.committees) {
    const problem = vscode.env.language.startsWith('da') ? loaded.problems[0].message.da : loaded.problems[0].message.en;
    void vscode.window.showWarningMessage(vscode.l10n.t('Could not read {0}: {1}', vscode.workspace.asRelativePath(file), problem));
  }
  return { config: loaded.config, file };
}

type CommitteeItem = vscode.QuickPickItem & { committee?: CommitteeConfig; typed?: string };

/** A committee of the configuration, or a name typed in the same box. Undefined when cancelled. */
function pickCommittee(committees: readonly CommitteeConfig[], file: string | null): Promise<CommitteeConfig | string | undefined> {
  const configured: CommitteeItem[] = committees.map((committee) => ({
    label: committee.name,
    description: committee.period ?? '',
    detail: vscode.l10n.t('{0} members', committee.members.length),
    committee,
  }));
  const pick = vscode.window.createQuickPick<CommitteeItem>();
  pick.title = vscode.l10n.t('New referat: committee');
  pick.placeholder = committees.length
    ? vscode.l10n.t('Pick the committee from {0}, or type its name', file ? vscode.workspace.asRelativePath(file) : 'referat.config.json')
    : vscode.l10n.t("Type the committee's name, as the title writes it (e.g. Beskæftigelses- og Socialudvalget)");
  pick.matchOnDescription = true;
  pick.items = configured;
  return new Promise((resolve) => {
    let done = false;
    const finish = (value: CommitteeConfig | string | undefined) => {
      if (done) return;
      done = true;
      resolve(value);
      pick.dispose();
    };
    pick.onDidChangeValue((value) => {
      const name = value.replace(/\s+/g, ' ').trim();
      const exact = configured.some((item) => item.label.toLowerCase() === name.toLowerCase());
      const typed: CommitteeItem[] = name && !exact ? [{ label: name, description: vscode.l10n.t('another committee'), alwaysShow: true, typed: name }] : [];
      pick.items = [...typed, ...configured];
    });
    pick.onDidAccept(() => {
      const item = pick.selectedItems[0];
      const name = pick.value.replace(/\s+/g, ' ').trim();
      if (item) finish(item.committee ?? item.typed);
      else if (name) finish(name);
    });
    pick.onDidHide(() => finish(undefined));
    pick.show();
  });
}
