// The output formats of `referat lint`: stylish for people, json, SARIF 2.1.0, GitHub workflow
// commands and JUnit XML for machines. Pure functions of the results; lines and columns are 1-based.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Locale } from '../i18n';
import { translator } from '../i18n';
import { REPOSITORY_URL, ruleDocsUrl } from '../project';
import type { Finding, Rule, Severity } from '../rules/types';
import { escapeControls, jsonText } from './escape';

export const FORMATS = ['stylish', 'json', 'sarif', 'github', 'junit'] as const;
export type Format = (typeof FORMATS)[number];

export interface FileReport {
  file: string;
  findings: readonly Finding[];
}

/** A file or pattern that could not be linted, with its message already in the reader's language. */
export interface RunProblem {
  file: string | null;
  message: string;
}

export interface LintReport {
  /** The linted files, in the order to print them. */
  files: readonly FileReport[];
  problems: readonly RunProblem[];
  locale: Locale;
  /** Relative paths (SARIF, GitHub) are relative to this folder. */
  cwd: string;
  rules: readonly Pick<Rule, 'id' | 'description' | 'defaultSeverity' | 'fixable'>[];
  version: string;
  color?: boolean;
}

export interface Counts {
  errors: number;
  warnings: number;
  infos: number;
  fixable: number;
}

export function countFindings(files: readonly FileReport[]): Counts {
  const counts: Counts = { errors: 0, warnings: 0, infos: 0, fixable: 0 };
  for (const f of files) {
    for (const x of f.findings) {
      if (x.severity === 'error') counts.errors++;
      else if (x.severity === 'warning') counts.warnings++;
      else counts.infos++;
      if (x.fix?.edits.length) counts.fixable++;
    }
  }
  return counts;
}

/** 1-based, end column exclusive (the column after the last character), as SARIF and GitHub want. */
export function region(f: { range: Finding['range'] }) {
  return { startLine: f.range.start.line + 1, startColumn: f.range.start.character + 1, endLine: f.range.end.line + 1, endColumn: f.range.end.character + 1 };
}

/** A message on one line, with no control character left for the terminal to obey. */
const oneLine = (text: string) => escapeControls(text.replace(/\s*[\r\n]+\s*/g, ' '));

/** The path relative to `cwd`, with forward slashes. */
export function relativePath(file: string, cwd: string): string {
  const rel = path.relative(cwd, path.resolve(cwd, file));
  return (path.isAbsolute(rel) ? rel : rel || '.').split(path.sep).join('/');
}

// --- stylish -------------------------------------------------------------------------------

const words = {
  error: { en: 'error', da: 'fejl' },
  warning: { en: 'warning', da: 'advarsel' },
  info: { en: 'info', da: 'info' },
  summary: {
    en: '✖ {total} {problems} ({errors} {errorWord}, {warnings} {warningWord}, {infos} {infoWord})',
    da: '✖ {total} {problems} ({errors} {errorWord}, {warnings} {warningWord}, {infos} {infoWord})',
  },
  problem: { en: 'problem', da: 'problem' },
  problems: { en: 'problems', da: 'problemer' },
  errorOne: { en: 'error', da: 'fejl' },
  errorMany: { en: 'errors', da: 'fejl' },
  warningOne: { en: 'warning', da: 'advarsel' },
  warningMany: { en: 'warnings', da: 'advarsler' },
  infoOne: { en: 'info', da: 'info' },
  infoMany: { en: 'infos', da: 'info' },
  fixable: {
    en: '  {count} of them can be fixed with the `--fix` option.',
    da: '  {count} af dem kan rettes med tilvalget `--fix`.',
  },
} as const;

const ansi = (code: string, reset: string) => (on: boolean, s: string) => (on ? `\x1b[${code}m${s}\x1b[${reset}m` : s);
const red = ansi('31', '39');
const yellow = ansi('33', '39');
const blue = ansi('34', '39');
const dim = ansi('2', '22');
const bold = ansi('1', '22');
const underline = ansi('4', '24');
const severityColor: Record<Severity, (on: boolean, s: string) => string> = { error: red, warning: yellow, info: blue };

const padEnd = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - s.length));
const padStart = (s: string, n: number) => ' '.repeat(Math.max(0, n - s.length)) + s;

/** Like ESLint's stylish: each file, its findings in aligned columns, then a summary. Nothing when clean. */
export function formatStylish(report: LintReport): string {
  const t = translator(words, report.locale);
  const color = report.color ?? false;
  const out: string[] = [];
  for (const file of report.files) {
    if (!file.findings.length) continue;
    const rows = file.findings.map((f) => ({
      line: String(f.range.start.line + 1),
      col: String(f.range.start.character + 1),
      severity: f.severity,
      label: t(f.severity),
      message: oneLine(f.message[report.locale]),
      ruleId: f.ruleId,
    }));
    const w = (key: 'line' | 'col' | 'label' | 'message') => Math.max(...rows.map((r) => r[key].length));
    const [lineW, colW, labelW, messageW] = [w('line'), w('col'), w('label'), w('message')];
    out.push('', underline(color, oneLine(file.file)));
    for (const r of rows) {
      const at = dim(color, `${padStart(r.line, lineW)}:${padEnd(r.col, colW)}`);
      const sev = severityColor[r.severity](color, padEnd(r.label, labelW));
      out.push(`  ${at}  ${sev}  ${padEnd(r.message, messageW)}  ${dim(color, r.ruleId)}`.trimEnd());
    }
  }
  const c = countFindings(report.files);
  const total = c.errors + c.warnings + c.infos;
  if (!total) return '';
  const summary = t('summary', {
    total,
    problems: t(total === 1 ? 'problem' : 'problems'),
    errors: c.errors,
    errorWord: t(c.errors === 1 ? 'errorOne' : 'errorMany'),
    warnings: c.warnings,
    warningWord: t(c.warnings === 1 ? 'warningOne' : 'warningMany'),
    infos: c.infos,
    infoWord: t(c.infos === 1 ? 'infoOne' : 'infoMany'),
  });
  const summaryColor = c.errors ? red : c.warnings ? yellow : blue;
  out.push('', summaryColor(color, bold(color, summary)));
  if (c.fixable) out.push(summaryColor(color, bold(color, t('fixable', { count: c.fixable }))));
  return out.join('\n') + '\n\n';
}

// --- json ----------------------------------------------------------------------------------

export interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  ruleId: string;
  message: string;
}

export function jsonFindings(report: LintReport): JsonFinding[] {
  return report.files.flatMap((file) =>
    file.findings.map((f) => {
      const r = region(f);
      return {
        file: file.file,
        line: r.startLine,
        column: r.startColumn,
        endLine: r.endLine,
        endColumn: r.endColumn,
        severity: f.severity,
        ruleId: f.ruleId,
        message: f.message[report.locale],
      };
    }),
  );
}

export function formatJson(report: LintReport): string {
  return jsonText(jsonFindings(report)) + '\n';
}

// --- SARIF 2.1.0 ---------------------------------------------------------------------------

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = '%SRCROOT%';
const sarifLevel: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** A file's location for SARIF: a relative URI against %SRCROOT% (the working folder), or a file URI. */
export function artifactLocation(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  const rel = path.relative(cwd, path.resolve(cwd, file));
  if (path.isAbsolute(rel)) return { uri: pathToFileURL(path.resolve(cwd, file)).href };
  return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

const folderUri = (dir: string) => {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : href + '/';
};

/** The rule's page: on the repository, for the readers of SARIF (code scanning) have no copy of the package. */
export const helpUri = ruleDocsUrl;

const sarifText = {
  help: { en: '{description} Documentation: {uri}', da: '{description} Dokumentation: {uri}' },
  fix: { en: 'Fix', da: 'Ret' },
} as const;

export function sarifLog(report: LintReport) {
  const t = translator(sarifText, report.locale);
  const { locale, cwd } = report;
  const ruleIndex = new Map(report.rules.map((r, i) => [r.id, i]));
  const rules: Array<Record<string, unknown> & { id: string }> = report.rules.map((r) => {
    const uri = helpUri(r.id);
    const description = r.description[locale];
    return {
      id: r.id,
      shortDescription: { text: description },
      fullDescription: { text: description },
      helpUri: uri,
      help: { text: t('help', { description, uri }), markdown: `${description}\n\n[docs/rules/${r.id}.md](${uri})` },
      defaultConfiguration: { level: sarifLevel[r.defaultSeverity] },
      properties: { fixable: r.fixable },
    };
  });
  // A finding of a rule that is not in the list (none should be) still gets a descriptor to point at.
  const indexOf = (id: string) => {
    let index = ruleIndex.get(id);
    if (index === undefined) {
      index = rules.push({ id }) - 1;
      ruleIndex.set(id, index);
    }
    return index;
  };
  const results = report.files.flatMap((file) =>
    file.findings.map((f) => {
      const location = artifactLocation(file.file, cwd);
      return {
        ruleId: f.ruleId,
        ruleIndex: indexOf(f.ruleId),
        level: sarifLevel[f.severity],
        message: { text: f.message[locale] },
        locations: [{ physicalLocation: { artifactLocation: location, region: region(f) } }],
        ...(f.related?.length
          ? {
              relatedLocations: f.related.map((r, id) => ({
                id,
                physicalLocation: { artifactLocation: location, region: region(r) },
                message: { text: r.message[locale] },
              })),
            }
          : {}),
        ...(f.fix?.edits.length
          ? {
              fixes: [
                {
                  description: { text: f.fix.title[locale] || t('fix') },
                  artifactChanges: [
                    {
                      artifactLocation: location,
                      replacements: f.fix.edits.map((e) => ({ deletedRegion: region(e), insertedContent: { text: e.newText } })),
                    },
                  ],
                },
              ],
            }
          : {}),
      };
    }),
  );
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0' as const,
    runs: [
      {
        tool: {
          driver: {
            name: 'referat',
            version: report.version,
            semanticVersion: report.version,
            informationUri: REPOSITORY_URL,
            language: locale,
            rules,
          },
        },
        invocations: [
          {
            executionSuccessful: report.problems.length === 0,
            ...(report.problems.length
              ? {
                  toolExecutionNotifications: report.problems.map((p) => ({
                    level: 'error',
                    message: { text: p.message },
                    ...(p.file ? { locations: [{ physicalLocation: { artifactLocation: artifactLocation(p.file, cwd) } }] } : {}),
                  })),
                }
              : {}),
          },
        ],
        originalUriBaseIds: { [SRCROOT]: { uri: folderUri(cwd) } },
        language: locale,
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

export function formatSarif(report: LintReport): string {
  return jsonText(sarifLog(report)) + '\n';
}

// --- GitHub workflow commands --------------------------------------------------------------

/** Escapes the message of a workflow command (as @actions/core does), and the other control characters as everywhere. */
export const escapeData = (s: string) => escapeControls(s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
/** Escapes a property value of a workflow command: also `:` and `,`. */
export const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

const githubLevel: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice' };

function workflowCommand(command: string, properties: Record<string, string | number | undefined>, message: string): string {
  const props = Object.entries(properties)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(',');
  return `::${command}${props ? ' ' + props : ''}::${escapeData(message)}`;
}

/**
 * `::error file=…,line=…::message` for each finding. GitHub takes columns only on one-line
 * annotations, so a finding over several lines gives lines only.
 */
export function formatGithub(report: LintReport): string {
  const out: string[] = [];
  for (const p of report.problems) out.push(workflowCommand('error', { file: p.file ? relativePath(p.file, report.cwd) : undefined }, p.message));
  for (const file of report.files) {
    const name = relativePath(file.file, report.cwd);
    for (const f of file.findings) {
      const r = region(f);
      const oneLiner = r.startLine === r.endLine;
      out.push(
        workflowCommand(
          githubLevel[f.severity],
          {
            file: name,
            line: r.startLine,
            endLine: r.endLine,
            col: oneLiner ? r.startColumn : undefined,
            endColumn: oneLiner ? r.endColumn : undefined,
            title: f.ruleId,
          },
          f.message[report.locale],
        ),
      );
    }
  }
  return out.length ? out.join('\n') + '\n' : '';
}

// --- JUnit XML -----------------------------------------------------------------------------

/** Text and attribute values for XML 1.0: the five entities, control characters escaped, and characters XML cannot hold dropped. */
export function escapeXml(s: string): string {
  return escapeControls(s)
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** An attribute value: also line breaks and tabs as references, or XML would turn them into spaces. */
const attr = (s: string | number) => escapeXml(String(s)).replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');

const junitText = {
  clean: { en: 'no problems', da: 'ingen problemer' },
  read: { en: 'read', da: 'læst' },
} as const;

/**
 * A testsuite for each file, a testcase for each finding: errors and warnings fail, infos pass
 * (with their message as output). A file without findings has one passing testcase; a file that
 * could not be read has an erroring one.
 */
export function formatJunit(report: LintReport): string {
  const t = translator(junitText, report.locale);
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let errors = 0;
  for (const file of report.files) {
    const cases: string[] = [];
    let suiteFailures = 0;
    for (const f of file.findings) {
      const r = region(f);
      const message = f.message[report.locale];
      const name = `${r.startLine}:${r.startColumn} ${f.ruleId}`;
      const open = `    <testcase classname="${attr(file.file)}" name="${attr(name)}" time="0">`;
      if (f.severity === 'info') {
        cases.push(`${open}\n      <system-out>${escapeXml(`${file.file}:${r.startLine}:${r.startColumn}: info: ${message} (${f.ruleId})`)}</system-out>\n    </testcase>`);
        continue;
      }
      suiteFailures++;
      cases.push(
        `${open}\n      <failure type="${attr(f.severity)}" message="${attr(message)}">${escapeXml(`${file.file}:${r.startLine}:${r.startColumn}: ${f.severity}: ${message} (${f.ruleId})`)}</failure>\n    </testcase>`,
      );
    }
    if (!cases.length) cases.push(`    <testcase classname="${attr(file.file)}" name="${attr(t('clean'))}" time="0" />`);
    tests += cases.length;
    failures += suiteFailures;
    suites.push(`  <testsuite name="${attr(file.file)}" tests="${cases.length}" failures="${suiteFailures}" errors="0" skipped="0" time="0">\n${cases.join('\n')}\n  </testsuite>`);
  }
  for (const p of report.problems) {
    const name = p.file ?? 'referat';
    tests++;
    errors++;
    suites.push(
      `  <testsuite name="${attr(name)}" tests="1" failures="0" errors="1" skipped="0" time="0">\n    <testcase classname="${attr(name)}" name="${attr(t('read'))}" time="0">\n      <error message="${attr(p.message)}">${escapeXml(p.message)}</error>\n    </testcase>\n  </testsuite>`,
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="referat" tests="${tests}" failures="${failures}" errors="${errors}" time="0">\n${suites.join('\n')}${suites.length ? '\n' : ''}</testsuites>\n`;
}

export const formatters: Record<Format, (report: LintReport) => string> = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
  junit: formatJunit,
};
