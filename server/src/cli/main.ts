// The `referat` command line: the same core as the language server, for terminals and CI.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { findConfigFile, loadConfigFile } from '../host/configFile';
import { Membership } from '../config/membership';
import type { ReferatConfig } from '../config/types';
import { processLocale, translator } from '../i18n';
import { readReferat } from '../reader';
import { archiveCommand, archiveOptions, archiveUsage } from './archiveMain';
import { escapeControls, jsonText } from './escape';
import { FileError, loadFile } from '../host/files';
import { FORMATS, type Format } from './formats';
import { runInit } from './init';
import { runLint } from './lint';
import { fileMessages } from './messages';
import { outlineJson, outlineText } from './outline';
import { runRender } from './render';
import { parseShard } from './shard';
import { readFailure } from './failures';

const locale = processLocale();
/** Messages name files and quote documents: never a control character to the terminal. */
const writeErr = (text: string) => process.stderr.write(escapeControls(text));
const VERSION = process.env.REFERAT_VERSION ?? '0.1.0';
const t = translator(
  {
    usage: {
      en: `Usage: referat <command> [options] [FILE...]

Commands:
  outline FILE... [--json]   Print the outline of each referat (meeting, punkter, sections, votes)
  lint [FILE|DIR|GLOB...]    Check referater against the rules (default: the current folder)
  render FILE [-o OUT.html] [--lang da|en]
                             Write the referat as an HTML page with its findings (stdout without -o)
  init [DIR] [--force] [--dry-run]
                             Write DIR/referat.config.json (default: the current folder) from the
                             minutes in DIR: committees, members, parties, roles, other spellings
{archiveUsage}
Options for outline:
  --json               Machine-readable output

Options for lint:
  --format FORMAT      stylish (default), json, sarif (SARIF 2.1.0), github (workflow
                       commands) or junit (JUnit XML)
  --config FILE        Use this configuration for every file, instead of the nearest
                       referat.config.json in each file's folder or a folder above it
  --fix                Apply the rules' fixes and write the changed files (line breaks and
                       encoding kept), say on stderr what was fixed, then report what is left
  --max-warnings N     Fail (exit 1) also when there are more than N warnings
  --quiet              Report errors only (warnings then do not count for --max-warnings)
  --shard K/N          Lint only the K-th of N slices of the files (by a hash of each path:
                       N jobs with K = 1..N lint every file once; a new file moves no other)

  Folders are searched recursively, leaving out node_modules and folders whose names start
  with ".", and never following a symbolic link in a loop: files named *.referat,
  *.referat.md and *.referat.txt, and *.txt and *.md files whose first lines look like a
  referat. Patterns (quote them: 'referater/**/*.txt') choose files the same way; a file
  named on the command line is always linted.
  A configuration file with problems: its problems are shown (file:line:column), the files
  that use it are not linted (without its members and rule settings their findings would be
  wrong, and --fix could change the wrong things), and the exit status is 2.

  Exit status: 0 clean (infos and allowed warnings only), 1 errors or too many warnings,
  2 a usage, file or configuration problem (the other files are still linted).

Options for init:
  --force              Replace a referat.config.json that is there
  --dry-run            Print the configuration instead of writing it

Options:
  -h, --help           Show this help
  -v, --version        Show the version

Environment: REFERAT_LANG=da|en chooses the language (else LC_ALL, LC_MESSAGES, LANG);
  NO_COLOR turns colours off; REFERAT_WORKERS=N sets the number of worker threads (0 or 1: none).`,
      da: `Brug: referat <kommando> [tilvalg] [FIL...]

Kommandoer:
  outline FIL... [--json]    Vis dispositionen af hvert referat (møde, punkter, afsnit, afstemninger)
  lint [FIL|MAPPE|MØNSTER...]  Kontrollér referater mod reglerne (standard: den aktuelle mappe)
  render FIL [-o UD.html] [--lang da|en]
                             Skriv referatet som en HTML-side med fundene (stdout uden -o)
  init [MAPPE] [--force] [--dry-run]
                             Skriv MAPPE/referat.config.json (standard: den aktuelle mappe) ud fra
                             referaterne i MAPPE: udvalg, medlemmer, partier, roller, stavemåder
{archiveUsage}
Tilvalg til outline:
  --json               Maskinlæsbart output

Tilvalg til lint:
  --format FORMAT      stylish (standard), json, sarif (SARIF 2.1.0), github (workflow-
                       kommandoer) eller junit (JUnit XML)
  --config FIL         Brug denne konfiguration til alle filer i stedet for den nærmeste
                       referat.config.json i filens mappe eller en mappe over den
  --fix                Foretag reglernes rettelser og skriv de ændrede filer (linjeskift og
                       tegnsæt bevares), fortæl på stderr hvad der er rettet, og vis resten
  --max-warnings N     Fejl (afslut med 1) også når der er flere end N advarsler
  --quiet              Vis kun fejl (advarsler tæller så ikke med i --max-warnings)
  --shard K/N          Kontrollér kun den K'te af N dele af filerne (efter en hash af hver sti:
                       N job med K = 1..N kontrollerer hver fil én gang; en ny fil flytter ingen anden)

  Mapper gennemsøges rekursivt, uden node_modules og mapper hvis navn begynder med ".",
  og symbolske links følges aldrig i ring: filer med navnene *.referat, *.referat.md og
  *.referat.txt, og *.txt- og *.md-filer hvis første linjer ligner et referat. Mønstre
  (sæt dem i anførselstegn: 'referater/**/*.txt') vælger filer på samme måde; en fil der
  er nævnt på kommandolinjen, kontrolleres altid.
  En konfigurationsfil med fejl: fejlene vises (fil:linje:kolonne), de filer der bruger
  den, kontrolleres ikke (uden dens medlemmer og regelindstillinger ville fundene være
  forkerte, og --fix kunne rette de forkerte ting), og afslutningskoden er 2.

  Afslutningskode: 0 intet at bemærke (kun info og tilladte advarsler), 1 fejl eller for
  mange advarsler, 2 et problem med brugen, en fil eller konfigurationen (de andre filer
  kontrolleres stadig).

Tilvalg til init:
  --force              Erstat en referat.config.json der findes
  --dry-run            Vis konfigurationen i stedet for at skrive den

Tilvalg:
  -h, --help           Vis denne hjælp
  -v, --version        Vis versionen

Miljø: REFERAT_LANG=da|en vælger sproget (ellers LC_ALL, LC_MESSAGES, LANG); NO_COLOR slår
  farver fra; REFERAT_WORKERS=N sætter antallet af tråde (0 eller 1: ingen).`,
    },
    unknownCommand: { en: 'referat: unknown command "{cmd}"', da: 'referat: ukendt kommando "{cmd}"' },
    noFiles: { en: 'referat: no files given', da: 'referat: ingen filer angivet' },
    tooManyFolders: { en: 'init takes one folder', da: 'init tager én mappe' },
    ...fileMessages,
    badOption: { en: 'referat: {detail}', da: 'referat: {detail}' },
    configIgnored: {
      en: '{file}: has problems, so its committees are not used to count the votes (referat lint says what is wrong)',
      da: '{file}: har fejl, så dens udvalg bruges ikke til at tælle stemmerne (referat lint siger, hvad der er galt)',
    },
    repeated: {
      en: 'referat: {option} given {count} times ({values}); give it once',
      da: 'referat: {option} angivet {count} gange ({values}); angiv det én gang',
    },
    badFormat: {
      en: 'referat: unknown format "{format}" (stylish, json, sarif, github or junit)',
      da: 'referat: ukendt format "{format}" (stylish, json, sarif, github eller junit)',
    },
    badShard: {
      en: 'referat: --shard takes K/N with 1 ≤ K ≤ N (2/4: the second of four), not "{value}"',
      da: 'referat: --shard skal være K/N med 1 ≤ K ≤ N (2/4: den anden af fire), ikke "{value}"',
    },
    badMaxWarnings: {
      en: 'referat: --max-warnings takes a whole number (0 or more), not "{value}"',
      da: 'referat: --max-warnings skal være et helt tal (0 eller mere), ikke "{value}"',
    },
  },
  locale,
);

/** The nearest referat.config.json of each folder, read once; a configuration with problems counts as none (lint says what is wrong). */
function configs(): (file: string) => ReferatConfig {
  const byFile = new Map<string, ReferatConfig>();
  const byDir = new Map<string, string | null>();
  return (file) => {
    const dir = path.dirname(path.resolve(file));
    let configFile = byDir.get(dir);
    if (configFile === undefined) byDir.set(dir, (configFile = findConfigFile(dir)));
    if (!configFile) return {};
    let config = byFile.get(configFile);
    if (!config) {
      const loaded = loadConfigFile(configFile);
      if (loaded.problems.length) writeErr(t('configIgnored', { file: configFile }) + '\n');
      byFile.set(configFile, (config = loaded.problems.length ? {} : loaded.config));
    }
    return config;
  };
}

async function outline(files: string[], json: boolean): Promise<number> {
  let status = 0;
  const results: unknown[] = [];
  const texts: string[] = [];
  const configOf = configs();
  for (const file of files) {
    try {
      const loaded = await loadFile(file);
      if (loaded.encoding !== 'utf-8') writeErr(t('cp1252', { file }) + '\n');
      const doc = readReferat(loaded.text, { onError: readFailure(file) });
      // The votes are counted with the committees of the nearest referat.config.json, as lint counts them.
      const membership = new Membership(doc, configOf(file));
      if (json) results.push(outlineJson(file, doc, membership));
      else texts.push(outlineText(file, doc, locale, membership));
    } catch (error) {
      if (!(error instanceof FileError)) throw error;
      writeErr(t(error.code, { file, detail: error.message }) + '\n');
      status = 2;
    }
  }
  if (json) process.stdout.write(jsonText(files.length === 1 ? (results[0] ?? null) : results) + '\n');
  else if (texts.length) process.stdout.write(escapeControls(texts.join('\n\n')) + '\n');
  return status;
}

const common = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

// Options that take a value are collected (`multiple`), so that one given twice is refused rather
// than the last silently winning (`--format json --format sarif`).
const commandOptions = {
  outline: { ...common, json: { type: 'boolean' } },
  lint: {
    ...common,
    format: { type: 'string', multiple: true },
    config: { type: 'string', multiple: true },
    fix: { type: 'boolean' },
    'max-warnings': { type: 'string', multiple: true },
    quiet: { type: 'boolean' },
    shard: { type: 'string' },
  },
  init: { ...common, force: { type: 'boolean' }, 'dry-run': { type: 'boolean' } },
  render: { ...common, output: { type: 'string', short: 'o', multiple: true }, lang: { type: 'string', multiple: true } },
  ...archiveOptions(common),
} as const;

/** Options that take a value: the word after them is not the command. */
const takesValue = new Set(['--format', '--config', '--max-warnings', '--shard', '-o', '--output', '--lang', '--from', '--to', '--case']);

/** The command and the other arguments: the command is the first word that is not an option. */
function splitCommand(argv: readonly string[]): { command: string | undefined; rest: string[] } {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') break;
    if (takesValue.has(arg)) {
      i++;
      continue;
    }
    if (!arg.startsWith('-')) return { command: arg, rest: [...argv.slice(0, i), ...argv.slice(i + 1)] };
  }
  return { command: undefined, rest: [...argv] };
}

function usageError(detail: string): number {
  writeErr(t('badOption', { detail }) + '\n\n' + t('usage', { archiveUsage: archiveUsage[locale] }) + '\n');
  return 2;
}

export async function main(argv: string[]): Promise<number> {
  const { command, rest } = splitCommand(argv);
  const known = command !== undefined && Object.hasOwn(commandOptions, command);
  let parsed: { values: unknown; positionals: string[] };
  try {
    parsed = parseArgs({ args: rest, allowPositionals: true, options: known ? commandOptions[command as keyof typeof commandOptions] : common });
  } catch (error) {
    return usageError((error as Error).message);
  }
  const values: Record<string, string | boolean | undefined> = {};
  for (const [name, value] of Object.entries(parsed.values as Record<string, string | boolean | string[] | undefined>)) {
    if (!Array.isArray(value)) values[name] = value;
    else if (value.length === 1) values[name] = value[0];
    else {
      writeErr(t('repeated', { option: `--${name}`, count: value.length, values: value.join(', ') }) + '\n');
      return 2;
    }
  }
  const positionals = parsed.positionals;
  if (values.version) {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (values.help || !command) {
    (values.help ? process.stdout : process.stderr).write(t('usage', { archiveUsage: archiveUsage[locale] }) + '\n');
    return values.help ? 0 : 2;
  }
  switch (command) {
    case 'render':
      return runRender({ files: positionals, output: values.output as string | undefined, lang: values.lang as string | undefined, locale });
    case 'outline':
      if (!positionals.length) {
        writeErr(t('noFiles') + '\n');
        return 2;
      }
      return outline(positionals, values.json === true);
    case 'init':
      if (positionals.length > 1) return usageError(t('tooManyFolders'));
      return runInit({ dir: positionals[0], force: values.force === true, dryRun: values['dry-run'] === true, locale });
    case 'lint': {
      const format = (values.format as string | undefined) ?? 'stylish';
      if (!(FORMATS as readonly string[]).includes(format)) {
        writeErr(t('badFormat', { format }) + '\n');
        return 2;
      }
      const max = values['max-warnings'] as string | undefined;
      if (max !== undefined && !/^\d+$/.test(max.trim())) {
        writeErr(t('badMaxWarnings', { value: max }) + '\n');
        return 2;
      }
      const shard = values.shard === undefined ? undefined : parseShard(values.shard as string);
      if (shard === null) {
        writeErr(t('badShard', { value: values.shard as string }) + '\n');
        return 2;
      }
      return runLint({
        paths: positionals,
        format: format as Format,
        config: values.config as string | undefined,
        fix: values.fix === true,
        maxWarnings: max === undefined ? undefined : Number(max),
        quiet: values.quiet === true,
        shard,
        locale,
        version: VERSION,
        color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
        workerScript: path.join(__dirname, 'cli-worker.js'),
      });
    }
    case 'cases':
    case 'members':
    case 'export':
      return archiveCommand(command, values, positionals, { locale, workerScript: path.join(__dirname, 'cli-worker.js') });
    default:
      writeErr(t('unknownCommand', { cmd: command }) + '\n\n' + t('usage', { archiveUsage: archiveUsage[locale] }) + '\n');
      return 2;
  }
}

// Output piped into `head` and the like: when the reader has gone, stop quietly.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    writeErr(`referat: internal error: ${(error as Error)?.stack ?? error}\n`);
    process.exitCode = 2;
  },
);
