// The `referat` command line: the same core as the language server, for terminals and CI.
import { parseArgs } from 'node:util';
import { processLocale, translator } from '../i18n';
import { readReferat } from '../reader';
import { FileError, loadFile } from './files';
import { outlineJson, outlineText } from './outline';

const locale = processLocale();
const t = translator(
  {
    usage: {
      en: `Usage: referat <command> [options] FILE...

Commands:
  outline FILE... [--json]   Print the outline of each referat (meeting, punkter, sections, votes)

Options:
  --json       Machine-readable output
  -h, --help   Show this help
  -v, --version`,
      da: `Brug: referat <kommando> [tilvalg] FIL...

Kommandoer:
  outline FIL... [--json]   Vis dispositionen af hvert referat (møde, punkter, afsnit, afstemninger)

Tilvalg:
  --json       Maskinlæsbart output
  -h, --help   Vis denne hjælp
  -v, --version`,
    },
    unknownCommand: { en: 'referat: unknown command "{cmd}"', da: 'referat: ukendt kommando "{cmd}"' },
    noFiles: { en: 'referat: no files given', da: 'referat: ingen filer angivet' },
    'not-found': { en: '{file}: no such file', da: '{file}: filen findes ikke' },
    directory: { en: '{file}: is a directory, not a referat', da: '{file}: er en mappe, ikke et referat' },
    unreadable: { en: '{file}: cannot be read ({detail})', da: '{file}: kan ikke læses ({detail})' },
    binary: { en: '{file}: is not a text file', da: '{file}: er ikke en tekstfil' },
    cp1252: {
      en: '{file}: not UTF-8; read as Windows-1252',
      da: '{file}: ikke UTF-8; læst som Windows-1252',
    },
    badOption: { en: 'referat: {detail}', da: 'referat: {detail}' },
  },
  locale,
);

async function outline(files: string[], json: boolean): Promise<number> {
  let status = 0;
  const results: unknown[] = [];
  const texts: string[] = [];
  for (const file of files) {
    try {
      const loaded = await loadFile(file);
      if (loaded.encoding !== 'utf-8') process.stderr.write(t('cp1252', { file }) + '\n');
      const doc = readReferat(loaded.text);
      if (json) results.push(outlineJson(file, doc));
      else texts.push(outlineText(file, doc, locale));
    } catch (error) {
      if (!(error instanceof FileError)) throw error;
      process.stderr.write(t(error.code, { file, detail: error.message }) + '\n');
      status = 2;
    }
  }
  if (json) process.stdout.write(JSON.stringify(files.length === 1 ? (results[0] ?? null) : results, null, 2) + '\n');
  else if (texts.length) process.stdout.write(texts.join('\n\n') + '\n');
  return status;
}

export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    process.stderr.write(t('badOption', { detail: (error as Error).message }) + '\n\n' + t('usage') + '\n');
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.version) {
    process.stdout.write(`${process.env.REFERAT_VERSION ?? '0.1.0'}\n`);
    return 0;
  }
  const [command, ...files] = positionals;
  if (values.help || !command) {
    (values.help ? process.stdout : process.stderr).write(t('usage') + '\n');
    return values.help ? 0 : 2;
  }
  switch (command) {
    case 'outline':
      if (!files.length) {
        process.stderr.write(t('noFiles') + '\n');
        return 2;
      }
      return outline(files, values.json ?? false);
    default:
      process.stderr.write(t('unknownCommand', { cmd: command }) + '\n\n' + t('usage') + '\n');
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`referat: internal error: ${(error as Error)?.stack ?? error}\n`);
    process.exitCode = 2;
  },
);
