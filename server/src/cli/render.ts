// `referat render FILE [-o OUT.html] [--lang da|en]`: the referat as a standalone HTML page (the
// same renderer as the VS Code preview), with the findings of `referat lint` marked where they are.
import fs from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { findConfigFile, loadConfigFile } from '../host/configFile';
import type { ReferatConfig } from '../config/types';
import { type Locale, translator } from '../i18n';
import { writeFileSafely } from '../host/io';
import { readReferat } from '../reader';
import { renderHtml } from '../render';
import { lint } from '../rules';
import type { Finding } from '../rules/types';
import { escapeControls } from './escape';
import { FileError, loadFile } from '../host/files';
import { fileMessages } from './messages';
import { readFailure, ruleFailure } from './failures';

export interface RenderCommand {
  files: readonly string[];
  output?: string;
  lang?: string;
  /** The terminal's locale: messages, and the page unless --lang says otherwise. */
  locale: Locale;
}

const messages = {
  ...fileMessages,
  oneFile: { en: 'referat render: give exactly one FILE', da: 'referat render: angiv præcis én FIL' },
  badLang: { en: 'referat render: --lang takes da or en, not "{lang}"', da: 'referat render: --lang skal være da eller en, ikke "{lang}"' },
  config: { en: '{file}: {message}', da: '{file}: {message}' },
  configSkipped: {
    en: '{file}: the configuration has problems; the page shows no findings',
    da: '{file}: konfigurationen har fejl; siden viser ingen fund',
  },
  cannotWrite: { en: '{file}: cannot be written ({detail})', da: '{file}: kan ikke skrives ({detail})' },
  outputIsInput: {
    en: 'referat render: -o {output} is the referat itself ({file}); give another file for the page',
    da: 'referat render: -o {output} er selve referatet ({file}); angiv en anden fil til siden',
  },
  written: { en: '{file}: written ({count} findings)', da: '{file}: skrevet ({count} fund)' },
} as const;

/** Whether two paths name one file: the same after links are followed, or hard links of each other. */
function sameFile(a: string, b: string): boolean {
  try {
    const [x, y] = [fs.statSync(a), fs.statSync(b)];
    return (x.dev === y.dev && x.ino === y.ino && x.ino !== 0) || fs.realpathSync(a) === fs.realpathSync(b);
  } catch {
    // The output does not exist yet: it is not the referat.
    return false;
  }
}

/** The nearest referat.config.json's settings, or null (and what is wrong, on stderr) when it has problems. */
function configFor(file: string, say: (line: string) => void, t: ReturnType<typeof translator<typeof messages>>, locale: Locale): ReferatConfig | null {
  const configFile = findConfigFile(path.dirname(path.resolve(file)));
  if (!configFile) return {};
  const loaded = loadConfigFile(configFile);
  if (!loaded.problems.length) return loaded.config;
  for (const p of loaded.problems) say(t('config', { file: configFile, message: p.message[locale] }));
  say(t('configSkipped', { file: configFile }));
  return null;
}

export async function runRender(command: RenderCommand): Promise<number> {
  const t = translator(messages, command.locale);
  const say = (line: string) => process.stderr.write(escapeControls(line) + '\n');
  if (command.files.length !== 1) {
    say(t('oneFile'));
    return 2;
  }
  const lang = command.lang?.trim().toLowerCase();
  if (lang !== undefined && lang !== 'da' && lang !== 'en') {
    say(t('badLang', { lang: command.lang ?? '' }));
    return 2;
  }
  const pageLocale: Locale = lang ?? command.locale;
  const file = command.files[0];
  if (command.output !== undefined && sameFile(file, command.output)) {
    say(t('outputIsInput', { output: command.output, file }));
    return 2;
  }
  let text: string;
  try {
    const loaded = await loadFile(file);
    if (loaded.encoding !== 'utf-8') say(t('cp1252', { file }));
    text = loaded.text;
  } catch (error) {
    if (!(error instanceof FileError)) throw error;
    say(t(error.code, { file, detail: error.message }));
    return 2;
  }
  const config = configFor(file, say, t, command.locale);
  const doc = readReferat(text, { vocabulary: config?.vocabulary, onError: readFailure(file) });
  const findings: Finding[] | undefined = config ? lint(doc, text, { config, onRuleError: ruleFailure(file) }) : undefined;
  const html = renderHtml(doc, text, {
    findings,
    config: config ?? undefined,
    locale: pageLocale,
    standalone: true,
    title: `${path.basename(file)} — ${doc.meeting.title ?? 'Referat'}`,
    sha256: (style) => createHash('sha256').update(style, 'utf8').digest('base64'),
  });
  if (!command.output) {
    process.stdout.write(html);
    return config ? 0 : 2;
  }
  try {
    writeFileSafely(command.output, Buffer.from(html, 'utf8'));
  } catch (error) {
    say(t('cannotWrite', { file: command.output, detail: (error as Error).message }));
    return 2;
  }
  say(t('written', { file: command.output, count: findings?.length ?? 0 }));
  return config ? 0 : 2;
}
