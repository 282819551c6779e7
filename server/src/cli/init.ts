// `referat init [DIR]`: writes DIR/referat.config.json from the minutes in DIR (see config/infer.ts),
// says what it was unsure of, and never replaces a configuration that is there without --force.
import fs from 'node:fs';
import path from 'node:path';
import { noteLines } from '../config/infer';
import { initFolder, writeConfig } from '../host/initFolder';
import { type Locale, translator } from '../i18n';

export interface InitOptions {
  dir: string | undefined;
  force: boolean;
  /** Print the configuration instead of writing it. */
  dryRun: boolean;
  locale: Locale;
  stdout?: (text: string) => void;
  stderr?: (text: string) => void;
}

const messages = {
  notFolder: { en: 'referat init: {dir} is not a folder', da: 'referat init: {dir} er ikke en mappe' },
  exists: {
    en: 'referat init: {file} is there already; nothing written (--force replaces it, --dry-run shows what would be written)',
    da: 'referat init: {file} findes allerede; intet skrevet (--force erstatter den, --dry-run viser hvad der ville blive skrevet)',
  },
  noReferater: { en: 'referat init: no referater found in {dir}', da: 'referat init: ingen referater fundet i {dir}' },
  noCommittees: {
    en: 'referat init: no committee named in the referater of {dir} (read: {count}); nothing written',
    da: 'referat init: intet udvalg nævnt i referaterne i {dir} (læst: {count}); intet skrevet',
  },
  wrote: {
    en: 'Wrote {file} (committees: {committees}, members: {members}, referater read: {documents}).',
    da: 'Skrev {file} (udvalg: {committees}, medlemmer: {members}, referater læst: {documents}).',
  },
  found: {
    en: 'Committees: {committees}, members: {members}, referater read: {documents}.',
    da: 'Udvalg: {committees}, medlemmer: {members}, referater læst: {documents}.',
  },
  unsure: { en: 'Check these ({count}):', da: 'Kontrollér disse ({count}):' },
  sure: { en: 'Nothing was uncertain.', da: 'Intet var usikkert.' },
  next: {
    en: 'Next: referat lint {dir}',
    da: 'Næste skridt: referat lint {dir}',
  },
} as const;

export async function runInit(options: InitOptions): Promise<number> {
  const t = translator(messages, options.locale);
  const stdout = options.stdout ?? ((s: string) => void process.stdout.write(s));
  const stderr = options.stderr ?? ((s: string) => void process.stderr.write(s));
  const dir = options.dir ?? '.';
  if (!fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    stderr(t('notFolder', { dir }) + '\n');
    return 2;
  }
  const target = path.join(dir, 'referat.config.json');
  // Said before the minutes are read: reading an archive takes a while.
  if (!options.force && !options.dryRun && fs.existsSync(target)) {
    stderr(t('exists', { file: target }) + '\n');
    return 2;
  }
  const shown = (file: string) => path.relative(dir, file) || file;
  const init = await initFolder(dir, shown);
  if (!init.documents) {
    stderr(t('noReferater', { dir }) + '\n');
    return 2;
  }
  const committees = init.config.committees?.length ?? 0;
  const counts = { committees, members: init.members, documents: init.documents };
  const unsure = noteLines(init.notes, options.locale);
  const report = () => stderr((unsure.length ? [t('unsure', { count: unsure.length }), ...unsure] : [t('sure')]).join('\n') + '\n');
  if (!committees) {
    report();
    stderr(t('noCommittees', { count: init.documents, dir }) + '\n');
    return 2;
  }
  if (options.dryRun) {
    stdout(init.text);
    report();
    stderr(t('found', counts) + '\n');
    return 0;
  }
  if (!writeConfig(target, init.text, options.force)) {
    stderr(t('exists', { file: target }) + '\n');
    return 2;
  }
  report();
  stdout(t('wrote', { ...counts, file: target }) + '\n' + t('next', { dir: options.dir ?? '.' }) + '\n');
  return 0;
}
