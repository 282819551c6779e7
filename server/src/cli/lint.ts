// `referat lint`: the rules over files, folders and patterns, with each file's nearest
// referat.config.json, on every core when there are many files, in five output formats.
import fs from 'node:fs';
import path from 'node:path';
import type { LoadedConfig } from '../config/load';
import { findConfigFile, loadConfigFile, readConfigText } from '../host/configFile';
import type { ReferatConfig } from '../config/types';
import { type Locale, translator } from '../i18n';
import { LineIndex } from '../reader/lines';
import { Archive } from '../archive/archive';
import { allRules, order } from '../rules';
import { archiveRules, lintArchive } from '../rules/archive';
import { readDirectives } from '../rules/directives';
import type { Finding } from '../rules/types';
import { type Collected, collectTargets } from './collect';
import { escapeControls } from './escape';
import { type FileReport, type Format, type RunProblem, countFindings, formatters } from './formats';
import type { FileResult, LintTask } from './lintFile';
import { fileMessages } from './messages';
import { LintPool, workerCount } from './pool';
import { type Shard, inShard } from './shard';
import { ruleFailure } from './failures';

export interface LintOptions {
  paths: string[];
  format: Format;
  config?: string;
  fix: boolean;
  maxWarnings?: number;
  quiet: boolean;
  /** Only this slice of the files (--shard K/N). */
  shard?: Shard;
  locale: Locale;
  version: string;
  color: boolean;
  /** The bundled worker thread, dist/cli-worker.js. */
  workerScript: string;
  env?: NodeJS.ProcessEnv;
  stdout?: (text: string) => void;
  stderr?: (text: string) => void;
}

const messages = {
  ...fileMessages,
  configDirectory: { en: '{file}: is a directory, not a configuration file', da: '{file}: er en mappe, ikke en konfigurationsfil' },
  configProblem: { en: '{file}:{line}:{col}: {message}', da: '{file}:{line}:{col}: {message}' },
  configNotUsedOne: {
    en: '{file}: has problems, so 1 file that uses it was not linted',
    da: '{file}: har fejl, så 1 fil der bruger den, er ikke kontrolleret',
  },
  configNotUsedMany: {
    en: '{file}: has problems, so {count} files that use it were not linted',
    da: '{file}: har fejl, så {count} filer der bruger den, er ikke kontrolleret',
  },
  configUnused: {
    en: '{file}: has problems; nothing was linted',
    da: '{file}: har fejl; intet er kontrolleret',
  },
  fixedOne: { en: '{file}: 1 fix applied ({rules}){encoding}', da: '{file}: 1 rettelse foretaget ({rules}){encoding}' },
  fixedMany: { en: '{file}: {count} fixes applied ({rules}){encoding}', da: '{file}: {count} rettelser foretaget ({rules}){encoding}' },
  keptCp1252: { en: '; written as Windows-1252', da: '; skrevet som Windows-1252' },
  otherLinks: {
    en: '{file}: written as a new file; its {count} other hard link(s) still hold the old text',
    da: '{file}: skrevet som en ny fil; dens {count} andre hårde link har stadig den gamle tekst',
  },
  tooManyWarnings: {
    en: 'referat: too many warnings: {count} (--max-warnings {max})',
    da: 'referat: for mange advarsler: {count} (--max-warnings {max})',
  },
  noReferater: { en: 'referat: no referater found', da: 'referat: ingen referater fundet' },
  workers: { en: 'referat: {files} files on {workers} worker threads', da: 'referat: {files} filer på {workers} tråde' },
} as const;

/** A path found by looking up the folder tree, as people want to read it: relative when below the working folder. */
function shown(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

/** The configuration problems as `file:line:col: message` lines. */
export function configProblemLines(loaded: LoadedConfig, file: string, locale: Locale): string[] {
  const t = translator(messages, locale);
  let text = '';
  try {
    text = readConfigText(loaded.file ?? file);
  } catch {
    // Unreadable: the problem says so, at 1:1.
  }
  const index = new LineIndex(text);
  return loaded.problems.map((p) => {
    // 1-based, as editors and compilers write `file:line:col`.
    const { line, character } = index.positionAt(p.offset);
    return t('configProblem', { file, line: line + 1, col: character + 1, message: p.message[locale] });
  });
}

/** Each file's nearest referat.config.json, looked up once per folder and read once per file. */
export class Configs {
  /** By the folder as written in the file's path: resolving every path costs more than the lookups. */
  private readonly byDir = new Map<string, string | null>();
  private readonly byFile = new Map<string, LoadedConfig>();

  forFile(file: string): LoadedConfig | null {
    const written = path.dirname(file);
    let configFile = this.byDir.get(written);
    if (configFile === undefined) {
      configFile = findConfigFile(path.resolve(written));
      this.byDir.set(written, configFile);
    }
    if (!configFile) return null;
    let loaded = this.byFile.get(configFile);
    if (!loaded) {
      loaded = loadConfigFile(configFile);
      this.byFile.set(configFile, loaded);
    }
    return loaded;
  }
}

/** Only errors, for --quiet. */
const errorsOnly = (findings: readonly Finding[]) => findings.filter((f) => f.severity === 'error');

export async function runLint(options: LintOptions): Promise<number> {
  const { locale } = options;
  const t = translator(messages, locale);
  const stdout = options.stdout ?? ((s: string) => void process.stdout.write(s));
  const writeErr = options.stderr ?? ((s: string) => void process.stderr.write(s));
  // Messages name files and quote configurations: never a control character to the terminal.
  const stderr = (s: string) => writeErr(escapeControls(s));
  const problems: RunProblem[] = [];
  const problem = (file: string | null, message: string) => {
    problems.push({ file, message });
    stderr(message + '\n');
  };

  // The configuration given for every file: a broken one stops everything.
  let explicit: LoadedConfig | null = null;
  let configBroken = false;
  if (options.config) {
    const file = options.config;
    let stat: fs.Stats | null = null;
    try {
      stat = fs.statSync(file);
    } catch {
      problem(file, t('not-found', { file }));
    }
    if (stat?.isDirectory()) problem(file, t('configDirectory', { file }));
    else if (stat) {
      explicit = loadConfigFile(file);
      for (const line of configProblemLines(explicit, file, locale)) problem(file, line);
    }
    configBroken = !explicit || explicit.problems.length > 0;
    if (explicit?.problems.length) stderr(t('configUnused', { file }) + '\n');
  }

  const collected: Collected = configBroken ? { targets: [], problems: [] } : await collectTargets(options.paths);
  for (const p of collected.problems) problem(p.file, t(p.code, { file: p.file, detail: p.detail }));
  if (options.shard) collected.targets = collected.targets.filter((target) => inShard(target.file, options.shard!));

  // Threads start now, as many as the files found need: a thread takes longer to start than the
  // configurations take to read (the schema's validator is compiled on first use), so both go on at once.
  const env = options.env ?? process.env;
  const pool = new LintPool(workerCount(collected.targets.length, env), options.workerScript);

  // Each file's configuration; files under a broken one are not linted, for their findings would be wrong.
  const configs = new Configs();
  const tasks: LintTask[] = [];
  const notLinted = new Map<LoadedConfig, number>();
  for (const target of collected.targets) {
    const loaded = explicit ?? configs.forFile(target.file);
    if (loaded?.problems.length) {
      notLinted.set(loaded, (notLinted.get(loaded) ?? 0) + 1);
      continue;
    }
    const config: ReferatConfig = loaded?.config ?? {};
    // With more than one referat, the rules over many referater run too: each file's archive record comes back with its findings.
    tasks.push({ file: target.file, explicit: target.explicit, config, fix: options.fix, entry: collected.targets.length > 1 });
  }
  for (const [loaded, count] of notLinted) {
    const file = shown(loaded.file ?? '');
    for (const line of configProblemLines(loaded, file, locale)) problem(file, line);
    stderr(t(count === 1 ? 'configNotUsedOne' : 'configNotUsedMany', { file, count }) + '\n');
  }

  // Fewer files than found (some under a broken configuration) may need fewer threads.
  const workers = workerCount(tasks.length, env);
  if (env.REFERAT_DEBUG) stderr(t('workers', { files: tasks.length, workers }) + '\n');
  const results: FileResult[] = await pool.run(tasks, workers);

  withArchiveFindings(results, tasks);

  const files: FileReport[] = [];
  for (const r of results) {
    if (r.skipped) continue;
    if (r.encoding === 'windows-1252') stderr(t('cp1252', { file: r.file }) + '\n');
    if (r.error) problem(r.file, t(r.error.code, { file: r.file, detail: r.error.detail }));
    if (r.fixed && Object.keys(r.fixed).length) {
      const count = Object.values(r.fixed).reduce((a, b) => a + b, 0);
      const rules = Object.entries(r.fixed)
        .map(([id, n]) => (n > 1 ? `${id} ×${n}` : id))
        .join(', ');
      const encoding = r.encoding === 'windows-1252' ? t('keptCp1252') : '';
      stderr(t(count === 1 ? 'fixedOne' : 'fixedMany', { file: r.file, count, rules, encoding }) + '\n');
      if (r.otherLinks) stderr(t('otherLinks', { file: r.file, count: r.otherLinks }) + '\n');
    }
    // Not written: the findings of the file as it is are still reported.
    if (r.error && r.error.code !== 'unwritable' && r.error.code !== 'changed' && r.error.code !== 'unencodable' && r.error.code !== 'stray-bytes') continue;
    files.push({ file: r.file, findings: options.quiet ? errorsOnly(r.findings) : r.findings });
  }
  if (!files.length && !problems.length && !notLinted.size) stderr(t('noReferater') + '\n');

  stdout(
    formatters[options.format]({
      files,
      problems,
      locale,
      cwd: process.cwd(),
      rules: [...allRules, ...archiveRules.filter((a) => !allRules.some((r) => r.id === a.id))],
      version: options.version,
      color: options.color,
    }),
  );

  const counts = countFindings(files);
  const tooManyWarnings = options.maxWarnings !== undefined && counts.warnings > options.maxWarnings;
  if (tooManyWarnings) stderr(t('tooManyWarnings', { count: counts.warnings, max: options.maxWarnings ?? 0 }) + '\n');
  if (problems.length) return 2;
  return counts.errors || tooManyWarnings ? 1 : 0;
}

/** Adds the findings of the rules over many referater: the archive of every file read, each file checked against it. */
function withArchiveFindings(results: FileResult[], tasks: readonly LintTask[]): void {
  const archive = new Archive();
  for (const r of results) if (r.entry) archive.add(r.entry);
  if (archive.size < 2) return;
  results.forEach((r, i) => {
    if (!r.entry) return;
    let directives: ReturnType<typeof readDirectives> | undefined;
    if (r.directives) {
      const lines: string[] = [];
      for (const [line, text] of r.directives) lines[line] = text;
      directives = readDirectives(lines);
    }
    const more = lintArchive(r.entry, archive, {
      config: tasks[i].config,
      directives,
      onRuleError: ruleFailure(r.file),
    });
    if (more.length) r.findings = [...r.findings, ...more].sort(order);
  });
}
