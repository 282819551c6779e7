// The commands over a folder of referater: `referat cases` (each case's path through the meetings),
// `referat members` (each member's record) and `referat export` (the decisions as open data). Every
// file is read on every core, as `referat lint` reads them, into the archive.
import { escapeControls, jsonText } from './escape';
import fs from 'node:fs';
import path from 'node:path';
import { Archive } from '../archive/archive';
import { type ExportTables, TABLE_COLUMNS, exportTables, toCsv, toPopolo } from '../archive/export';
import { type MemberRecord, type Period, memberRecords } from '../archive/members';
import type { ReferatConfig } from '../config/types';
import { type Locale, translator } from '../i18n';
import { collectTargets } from './collect';
import { Configs } from './lint';
import type { LintTask } from './lintFile';
import { fileMessages } from './messages';
import { LintPool, workerCount } from './pool';

const messages = {
  ...fileMessages,
  configBroken: { en: '{file}: has problems; read without it', da: '{file}: har fejl; læst uden den' },
  noReferater: { en: 'referat: no referater found', da: 'referat: ingen referater fundet' },
  casesSummary: {
    en: '{files} referater: {numbers} case numbers, {multi} of them treated at more than one meeting; {titles} cases without a number, by title',
    da: '{files} referater: {numbers} sagsnumre, heraf {multi} behandlet på mere end ét møde; {titles} sager uden nummer, efter titel',
  },
  meetingsOne: { en: '1 meeting', da: '1 møde' },
  meetingsMany: { en: '{n} meetings', da: '{n} møder' },
  noCase: { en: 'referat: no case {case} in these referater', da: 'referat: ingen sag {case} i disse referater' },
  memberLine: {
    en: '{name}{party}: {meetings} meetings, {attended} attended, {missed} missed; votes {for} for, {against} against, {abstain} abstained; {minority} minority statements',
    da: '{name}{party}: {meetings} møder, {attended} deltaget, {missed} fraværende; stemmer {for} for, {against} imod, {abstain} undladt; {minority} mindretalsudtalelser',
  },
  committeeLine: {
    en: '  {committee}: {meetings} meetings, {attended} attended, {missed} missed; votes {for}/{against}/{abstain}',
    da: '  {committee}: {meetings} møder, {attended} deltaget, {missed} fraværende; stemmer {for}/{against}/{abstain}',
  },
  minorityLine: { en: '  minority statement {date} {committee} punkt {punkt}: {text}', da: '  mindretalsudtalelse {date} {committee} punkt {punkt}: {text}' },
  csvNeedsDir: { en: 'referat: --format csv writes one file a table: give a folder with -o', da: 'referat: --format csv skriver én fil pr. tabel: angiv en mappe med -o' },
  wrote: { en: 'referat: wrote {what}', da: 'referat: skrev {what}' },
  unwritableOut: { en: 'referat: cannot write {file} ({detail})', da: 'referat: kan ikke skrive {file} ({detail})' },
} as const;

export interface ArchiveCommandOptions {
  paths: string[];
  locale: Locale;
  workerScript: string;
  env?: NodeJS.ProcessEnv;
  stdout?: (text: string) => void;
  stderr?: (text: string) => void;
}

export interface LoadedArchive {
  archive: Archive;
  /** The configuration of the first file that has one (its members join spellings), else `{}`. */
  config: ReferatConfig;
  /** True when a file could not be read. */
  problems: boolean;
}

/** Reads every referat under the paths into an archive, on every core. */
export async function loadArchive(options: ArchiveCommandOptions): Promise<LoadedArchive> {
  const t = translator(messages, options.locale);
  const stderr = options.stderr ?? ((s: string) => void process.stderr.write(s));
  const env = options.env ?? process.env;
  const collected = await collectTargets(options.paths);
  let problems = collected.problems.length > 0;
  for (const p of collected.problems) stderr(t(p.code, { file: p.file, detail: p.detail }) + '\n');
  const pool = new LintPool(workerCount(collected.targets.length, env), options.workerScript);
  const configs = new Configs();
  const broken = new Set<string>();
  let config: ReferatConfig | null = null;
  const tasks: LintTask[] = collected.targets.map((target) => {
    const loaded = configs.forFile(target.file);
    if (loaded?.problems.length) {
      // The words and members are only a help here: the files are read all the same.
      if (loaded.file && !broken.has(loaded.file)) stderr(t('configBroken', { file: loaded.file }) + '\n');
      if (loaded.file) broken.add(loaded.file);
    } else if (loaded) config ??= loaded.config;
    const used = loaded && !loaded.problems.length ? loaded.config : {};
    return { file: target.file, explicit: target.explicit, config: used, fix: false, entry: true, lint: false };
  });
  const results = await pool.run(tasks, workerCount(tasks.length, env));
  const archive = new Archive();
  for (const r of results) {
    if (r.error) {
      problems = true;
      stderr(t(r.error.code, { file: r.file, detail: r.error.detail }) + '\n');
    }
    if (r.encoding === 'windows-1252') stderr(t('cp1252', { file: r.file }) + '\n');
    if (r.entry) archive.add(r.entry);
  }
  if (!archive.size && !problems) stderr(t('noReferater') + '\n');
  return { archive, config: config ?? {}, problems };
}

/** `2023` → 2023-01-01 (from) or 2023-12-31 (to); `2023-05` likewise; a full date as it is. Null when not a date. */
export function periodBound(value: string, end: boolean): string | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value.trim());
  if (!m) return null;
  if (m[3]) return value.trim();
  if (m[2]) return end ? `${m[1]}-${m[2]}-${String(new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).getUTCDate()).padStart(2, '0')}` : `${m[1]}-${m[2]}-01`;
  return end ? `${m[1]}-12-31` : `${m[1]}-01-01`;
}

/** The period of --from and --to, or the option that is not a date. */
export function periodOf(from: string | undefined, to: string | undefined): Period | { bad: string; value: string } {
  const f = from === undefined ? null : periodBound(from, false);
  if (from !== undefined && !f) return { bad: '--from', value: from };
  const e = to === undefined ? null : periodBound(to, true);
  if (to !== undefined && !e) return { bad: '--to', value: to };
  return { from: f, to: e };
}

// ---- referat cases

export interface CasesOptions extends ArchiveCommandOptions {
  json: boolean;
  /** Also the cases treated at one meeting only. */
  all: boolean;
  /** Only this case number. */
  caseNumber?: string;
}

export async function runCases(options: CasesOptions): Promise<number> {
  const t = translator(messages, options.locale);
  const stdout = options.stdout ?? ((s: string) => void process.stdout.write(s));
  const { archive, problems } = await loadArchive(options);
  const all = archive.cases();
  const meetingsOf = (c: (typeof all)[number]) => new Set(c.treatments.map((x) => x.referat.uri)).size;
  const wanted = options.caseNumber?.replace(/\s+/g, '').toUpperCase();
  const cases = all.filter((c) => (wanted ? c.caseNumber?.replace(/\s+/g, '').toUpperCase() === wanted : options.all || meetingsOf(c) > 1));
  if (wanted && !cases.length) {
    (options.stderr ?? ((s: string) => void process.stderr.write(s)))(t('noCase', { case: options.caseNumber ?? '' }) + '\n');
    return problems ? 2 : 1;
  }
  if (options.json) {
    const out = cases.map((c) => ({
      case: c.caseNumber,
      key: c.key,
      title: c.title,
      meetings: meetingsOf(c),
      treatments: c.treatments.map(({ referat, punkt }) => ({
        committee: referat.committee,
        date: referat.date,
        time: referat.time,
        punkt: punkt.number,
        title: punkt.title,
        decision: punkt.decisionFirstLine,
        file: referat.uri,
        line: punkt.line + 1,
      })),
    }));
    stdout(jsonText(out) + '\n');
  } else {
    const blocks = cases.map((c) => {
      const n = meetingsOf(c);
      const head = `${c.caseNumber ?? '—'}  ${c.title}  (${n === 1 ? t('meetingsOne') : t('meetingsMany', { n })})`;
      // A path reads from its start: oldest first here (the JSON keeps the archive's newest first).
      const steps = [...c.treatments].reverse().map(({ referat, punkt }) => {
        const decision = punkt.decisionFirstLine ? `  ${clipLine(punkt.decisionFirstLine)}` : '';
        return `  ${referat.date ?? '????-??-??'}  ${referat.committee ?? '?'}  punkt ${punkt.number}${decision}  ${referat.uri}:${punkt.line + 1}`;
      });
      return [head, ...steps].join('\n');
    });
    const numbered = all.filter((c) => c.caseNumber !== null);
    const multi = numbered.filter((c) => meetingsOf(c) > 1).length;
    stdout(escapeControls([...blocks, t('casesSummary', { files: archive.size, numbers: numbered.length, multi, titles: all.length - numbered.length })].join('\n\n')) + '\n');
  }
  return problems ? 2 : 0;
}

const clipLine = (text: string, max = 70) => (text.length <= max ? text : text.slice(0, max - 1) + '…');

// ---- referat members

export interface MembersOptions extends ArchiveCommandOptions {
  format: 'text' | 'json' | 'csv';
  period: Period;
  /** Write CSV without the byte order mark (spreadsheets need it to read Danish letters as UTF-8). */
  noBom: boolean;
}

const BOM = '\uFEFF';

export function membersCsv(records: readonly MemberRecord[]): string {
  const rows = records.flatMap((r) =>
    r.committees.map((c) => ({
      name: r.name,
      party: r.party,
      committee: c.committee,
      meetings: c.meetings,
      attended: c.attended,
      missed: c.missed,
      votes_for: c.votes.for,
      votes_against: c.votes.against,
      votes_abstain: c.votes.abstain,
      minority_statements: c.minority.length,
      spellings: r.spellings,
    })),
  );
  return toCsv(rows, ['name', 'party', 'committee', 'meetings', 'attended', 'missed', 'votes_for', 'votes_against', 'votes_abstain', 'minority_statements', 'spellings']);
}

export async function runMembers(options: MembersOptions): Promise<number> {
  const t = translator(messages, options.locale);
  const stdout = options.stdout ?? ((s: string) => void process.stdout.write(s));
  const { archive, config, problems } = await loadArchive(options);
  const records = memberRecords(archive, options.period, config);
  if (options.format === 'json') stdout(jsonText(records) + '\n');
  else if (options.format === 'csv') stdout((options.noBom ? '' : BOM) + membersCsv(records));
  else {
    const blocks = records.map((r) => {
      const lines = [
        t('memberLine', {
          name: r.name,
          party: r.party ? ` (${r.party})` : '',
          meetings: r.meetings,
          attended: r.attended,
          missed: r.missed,
          for: r.votes.for,
          against: r.votes.against,
          abstain: r.votes.abstain,
          minority: r.minority.length,
        }),
      ];
      if (r.committees.length > 1) {
        for (const c of r.committees) {
          lines.push(
            t('committeeLine', {
              committee: c.committee,
              meetings: c.meetings,
              attended: c.attended,
              missed: c.missed,
              for: c.votes.for,
              against: c.votes.against,
              abstain: c.votes.abstain,
            }),
          );
        }
      }
      for (const m of r.minority) lines.push(t('minorityLine', { date: m.date ?? '', committee: m.committee ?? '', punkt: m.punkt, text: clipLine(m.text) }));
      return lines.join('\n');
    });
    if (blocks.length) stdout(escapeControls(blocks.join('\n')) + '\n');
  }
  return problems ? 2 : 0;
}

// ---- referat export

export const EXPORT_FORMATS = ['json', 'csv', 'popolo'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions extends ArchiveCommandOptions {
  format: ExportFormat;
  output?: string;
  period: Period;
  noBom: boolean;
}

export async function runExport(options: ExportOptions): Promise<number> {
  const t = translator(messages, options.locale);
  const stdout = options.stdout ?? ((s: string) => void process.stdout.write(s));
  const stderr = options.stderr ?? ((s: string) => void process.stderr.write(s));
  if (options.format === 'csv' && !options.output) {
    stderr(t('csvNeedsDir') + '\n');
    return 2;
  }
  const { archive, config, problems } = await loadArchive(options);
  const tables = exportTables(archive, options.period, config);
  try {
    if (options.format === 'csv') {
      const dir = options.output!;
      fs.mkdirSync(dir, { recursive: true });
      for (const name of Object.keys(TABLE_COLUMNS) as Array<keyof ExportTables>) {
        fs.writeFileSync(path.join(dir, `${name}.csv`), (options.noBom ? '' : BOM) + toCsv(tables[name], TABLE_COLUMNS[name]));
      }
      stderr(t('wrote', { what: `${Object.keys(TABLE_COLUMNS).length} CSV → ${dir}` }) + '\n');
    } else {
      const json = JSON.stringify(options.format === 'popolo' ? toPopolo(tables) : tables, null, 2) + '\n';
      if (!options.output) stdout(json);
      else {
        const file = outputFile(options.output, options.format);
        fs.writeFileSync(file, json);
        stderr(t('wrote', { what: file }) + '\n');
      }
    }
  } catch (error) {
    stderr(t('unwritableOut', { file: options.output ?? '', detail: (error as Error).message }) + '\n');
    return 2;
  }
  return problems ? 2 : 0;
}

/** -o names a file, or a folder to write `referat.json` / `popolo.json` in. */
function outputFile(output: string, format: ExportFormat): string {
  let isDir = /[\\/]$/.test(output);
  try {
    isDir ||= fs.statSync(output).isDirectory();
  } catch {
    // A new file.
  }
  if (!isDir) return output;
  fs.mkdirSync(output, { recursive: true });
  return path.join(output, format === 'popolo' ? 'popolo.json' : 'referat.json');
}
