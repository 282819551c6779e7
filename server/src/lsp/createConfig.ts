// The quick fix on `unconfigured-committee` where no referat.config.json applies: "Create
// referat.config.json from the minutes in this folder" runs `referat init` for the document's folder
// (config/initFolder.ts) in the server, writes the file (never over one), and opens it.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ClientCapabilities, Connection } from 'vscode-languageserver';
import { initFolder, writeConfig } from '../host/initFolder';
import { noteLines } from '../config/infer';
import { type Locale, translator } from '../i18n';
import type { ConfigStore } from './configuration';
import { filePathOf } from './referatFiles';

/** The command of the quick fix. Arguments: [the folder's URI]. */
export const CREATE_CONFIG_COMMAND = 'referat.createConfig';
export const UNCONFIGURED_RULE = 'unconfigured-committee';

export const createConfigMessages = {
  title: { en: 'Create referat.config.json from the minutes in this folder', da: 'Opret referat.config.json ud fra referaterne i denne mappe' },
  wrote: {
    en: 'Wrote {file} (committees: {committees}, members: {members}, referater read: {documents}). Check it: {unsure} uncertain points are listed in the Referat output.',
    da: 'Skrev {file} (udvalg: {committees}, medlemmer: {members}, referater læst: {documents}). Kontrollér den: {unsure} usikre punkter står i Referat-outputtet.',
  },
  exists: { en: '{file} is there already; nothing written.', da: '{file} findes allerede; intet skrevet.' },
  nothing: { en: 'No committee is named in the minutes of {dir}; nothing written.', da: 'Intet udvalg er nævnt i referaterne i {dir}; intet skrevet.' },
  unsure: { en: 'referat.config.json: check these ({count}):', da: 'referat.config.json: kontrollér disse ({count}):' },
} as const;

/** The folder a quick fix would create the configuration in: the document's, when no configuration applies to it. */
export function createConfigFolder(uri: string, configs: ConfigStore): string | null {
  const file = filePathOf(uri);
  if (!file || configs.configFileFor(uri)) return null;
  return pathToFileURL(path.dirname(file)).href;
}

export interface CreateConfigContext {
  connection: Connection;
  client: () => ClientCapabilities;
  locale: () => Locale;
  configs: ConfigStore;
  /** After the file is written: read it and check the documents again. */
  written: (file: string) => void;
}

export interface CreateConfigResult {
  file: string | null;
  committees: number;
  members: number;
}

export async function createConfig(folderUri: unknown, context: CreateConfigContext): Promise<CreateConfigResult> {
  const t = translator(createConfigMessages, context.locale());
  const dir = typeof folderUri === 'string' ? filePathOf(folderUri) : null;
  if (!dir) return { file: null, committees: 0, members: 0 };
  const init = await initFolder(dir, (file) => path.relative(dir, file) || file);
  const committees = init.config.committees?.length ?? 0;
  const window = context.connection.window;
  if (!committees) {
    void window.showWarningMessage(t('nothing', { dir }));
    return { file: null, committees: 0, members: 0 };
  }
  if (!writeConfig(init.file, init.text, false)) {
    void window.showErrorMessage(t('exists', { file: init.file }));
    return { file: null, committees: 0, members: 0 };
  }
  context.written(init.file);
  const notes = noteLines(init.notes, context.locale());
  if (notes.length) context.connection.console.info([t('unsure', { count: notes.length }), ...notes].join('\n'));
  void window.showInformationMessage(t('wrote', { file: init.file, committees, members: init.members, documents: init.documents, unsure: notes.length }));
  if (context.client().window?.showDocument?.support) {
    void window.showDocument({ uri: pathToFileURL(init.file).href, takeFocus: true }).catch(() => undefined);
  }
  return { file: init.file, committees, members: init.members };
}
