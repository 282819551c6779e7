// The archive commands' part of the command line (options, help, dispatch), apart from main.ts so
// that adding them there takes a few lines.
import type { Locale } from '../i18n';
import { EXPORT_FORMATS, type ExportFormat, periodOf, runCases, runExport, runMembers } from './archive';

type Values = Record<string, string | boolean | undefined>;

export function archiveOptions<C extends object>(common: C) {
  const period = { from: { type: 'string' }, to: { type: 'string' } } as const;
  return {
    cases: { ...common, json: { type: 'boolean' }, all: { type: 'boolean' }, case: { type: 'string' } },
    members: { ...common, ...period, json: { type: 'boolean' }, csv: { type: 'boolean' }, 'no-bom': { type: 'boolean' } },
    export: { ...common, ...period, format: { type: 'string' }, output: { type: 'string', short: 'o' }, 'no-bom': { type: 'boolean' } },
  } as const;
}

export const archiveUsage: Record<Locale, string> = {
  en: `  cases [DIR...] [--json] [--all] [--case NUMBER]
                             Each case's path through the meetings (cases treated at more
                             than one meeting; --all: every case)
  members [DIR...] [--json|--csv] [--from DATE] [--to DATE]
                             Each member's record: meetings attended and missed, votes,
                             minority statements
  export [DIR...] --format json|csv|popolo [-o FILE|DIR] [--from DATE] [--to DATE]
                             Meetings, punkter, decisions, votes and memberships as open data
                             (docs/export.md); csv writes one file a table into DIR
                             CSV is UTF-8 with a byte order mark, so that spreadsheets keep
                             æ, ø and å (--no-bom: without); DATE is YYYY, YYYY-MM or YYYY-MM-DD
`,
  da: `  cases [MAPPE...] [--json] [--all] [--case NUMMER]
                             Hver sags vej gennem møderne (sager behandlet på mere end ét
                             møde; --all: alle sager)
  members [MAPPE...] [--json|--csv] [--from DATO] [--to DATO]
                             Hvert medlems deltagelse, fravær, stemmer og
                             mindretalsudtalelser
  export [MAPPE...] --format json|csv|popolo [-o FIL|MAPPE] [--from DATO] [--to DATO]
                             Møder, punkter, beslutninger, afstemninger og medlemskaber som
                             åbne data (docs/export.md); csv skriver én fil pr. tabel i MAPPE
                             CSV er UTF-8 med byte order mark, så regneark beholder æ, ø og å
                             (--no-bom: uden); DATO er ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD
`,
};

const text = {
  badDate: {
    en: 'referat: {option} takes a date (YYYY, YYYY-MM or YYYY-MM-DD), not "{value}"',
    da: 'referat: {option} skal være en dato (ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD), ikke "{value}"',
  },
  badExportFormat: { en: 'referat: unknown export format "{format}" (json, csv or popolo)', da: 'referat: ukendt eksportformat "{format}" (json, csv eller popolo)' },
  jsonAndCsv: { en: 'referat: --json and --csv together: choose one', da: 'referat: --json og --csv sammen: vælg én' },
};

export async function archiveCommand(
  command: 'cases' | 'members' | 'export',
  values: Values,
  positionals: string[],
  ctx: { locale: Locale; workerScript: string },
): Promise<number> {
  const say = (key: keyof typeof text, args: Record<string, string> = {}) => {
    process.stderr.write(text[key][ctx.locale].replace(/\{(\w+)\}/g, (_, k: string) => args[k] ?? '') + '\n');
    return 2;
  };
  const base = { paths: positionals, locale: ctx.locale, workerScript: ctx.workerScript };
  if (command === 'cases') return runCases({ ...base, json: values.json === true, all: values.all === true, caseNumber: values.case as string | undefined });
  const period = periodOf(values.from as string | undefined, values.to as string | undefined);
  if ('bad' in period) return say('badDate', { option: period.bad, value: period.value });
  const noBom = values['no-bom'] === true;
  if (command === 'members') {
    if (values.json && values.csv) return say('jsonAndCsv');
    return runMembers({ ...base, period, noBom, format: values.json ? 'json' : values.csv ? 'csv' : 'text' });
  }
  const format = (values.format as string | undefined) ?? 'json';
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) return say('badExportFormat', { format });
  return runExport({ ...base, period, noBom, format: format as ExportFormat, output: values.output as string | undefined });
}
