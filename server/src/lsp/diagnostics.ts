// Findings as LSP diagnostics, and the linting of open documents behind them: the rules run at
// most once per document version and configuration, and a failing run is logged, never thrown.
import { createHash } from 'node:crypto';
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Archive } from '../archive/archive';
import type { ConfigProblem } from '../config/load';
import type { Locale } from '../i18n';
import type { ReferatDocument } from '../model';
import { ruleDocsUrl } from '../project';
import { allRules, lint, type LintOptions, type LintText } from '../rules';
import { archiveRules, lintArchive } from '../rules/archive';
import { readDirectives } from '../rules/directives';
import type { Finding, Severity } from '../rules/types';
import type { ConfigStore, ValidationSettings } from './configuration';
import { errorText, readReferatSafely, type Logger, type ModelCache } from './documents';
import { documentLines, lintTextOf, revisionOf } from './lineDocument';
import { clampRange } from './ranges';
import { documentOverLimit, tooLargeDiagnostic } from './sizeLimit';

export const DIAGNOSTIC_SOURCE = 'referat';
/** The code of a problem in referat.config.json itself. */
export const CONFIG_DIAGNOSTIC_CODE = 'config';

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** The rules that have a page in docs/rules: every registered rule, over one referat or many. */
const DOCUMENTED_RULES = new Set([...allRules, ...archiveRules].map((rule) => rule.id));

/** The rule pages diagnostics link to: docs/rules/<id>.md on the project's repository (`ruleDocsUrl`). */
export class RuleDocs {
  /** The pages are on the repository, not next to the server: nothing to look for. */
  static find(): RuleDocs {
    return new RuleDocs();
  }

  /** The https address of the rule's page, for a rule that has one. */
  href(ruleId: string): string | undefined {
    return DOCUMENTED_RULES.has(ruleId) ? ruleDocsUrl(ruleId) : undefined;
  }
}

export function toDiagnostic(finding: Finding, document: TextDocument, locale: Locale, docs: RuleDocs): Diagnostic {
  const diagnostic: Diagnostic = {
    range: clampRange(document, finding.range),
    severity: SEVERITIES[finding.severity] ?? DiagnosticSeverity.Warning,
    source: DIAGNOSTIC_SOURCE,
    code: finding.ruleId,
    message: finding.message[locale] || finding.message.en,
  };
  const href = docs.href(finding.ruleId);
  if (href) diagnostic.codeDescription = { href };
  if (finding.related?.length) {
    diagnostic.relatedInformation = finding.related.map(
      (related): DiagnosticRelatedInformation => ({
        location: { uri: document.uri, range: clampRange(document, related.range) },
        message: related.message[locale] || related.message.en,
      }),
    );
  }
  return diagnostic;
}

/** Problems of a config file at their places in it. */
export function configDiagnostics(uri: string, text: string | null, problems: ConfigProblem[], locale: Locale): Diagnostic[] {
  const document = TextDocument.create(uri, 'json', 0, text ?? '');
  return problems.map((problem) => ({
    range: {
      start: document.positionAt(problem.offset),
      end: document.positionAt(problem.offset + Math.max(problem.length, 0)),
    },
    severity: DiagnosticSeverity.Error,
    source: DIAGNOSTIC_SOURCE,
    code: CONFIG_DIAGNOSTIC_CODE,
    message: problem.message[locale] || problem.message.en,
  }));
}

/** A short, stable id for a diagnostics list: equal lists get equal ids. */
export function resultIdOf(diagnostics: Diagnostic[], salt = ''): string {
  return createHash('sha1').update(salt).update(JSON.stringify(diagnostics)).digest('base64url').slice(0, 20);
}

export interface LintedDocument {
  document: TextDocument;
  findings: Finding[];
  diagnostics: Diagnostic[];
}

/** The settings for each document, with a counter that changes whenever any do. */
export interface SettingsSource {
  for(uri: string): ValidationSettings;
  readonly generation: number;
}

interface CachedLint extends LintedDocument {
  key: string;
  /** With the findings of the rules over the workspace's referater, for this archive version. */
  withArchive?: { version: number; linted: LintedDocument };
}

/** Lints open documents and files, with the configuration and settings in force, never throwing. */
export class Linter {
  private readonly cached = new Map<string, CachedLint>();
  /** Documents over `referat.validate.maxSize` already told about in the log. */
  private readonly toldTooLarge = new Set<string>();

  constructor(
    private readonly cache: ModelCache,
    readonly configs: ConfigStore,
    private readonly settings: SettingsSource,
    readonly locale: Locale,
    readonly docs: RuleDocs,
    private readonly log: Logger,
    /** The workspace's referater, for the rules over more than one (history-mismatch, duplicate-meeting, …). */
    private readonly archive?: () => Archive,
  ) {
    cache.documents.onDidClose((event) => {
      this.cached.delete(event.document.uri);
      this.toldTooLarge.delete(event.document.uri);
    });
  }

  /** An open document over `referat.validate.maxSize`: it gets no rules and no semantic tokens. */
  tooLarge(uri: string): boolean {
    const document = this.cache.documents.get(uri);
    return document !== undefined && documentOverLimit(document, this.settings.for(uri).maxSizeMb) !== undefined;
  }

  /** Changes whenever the result of linting an unchanged text may change. */
  generation(): string {
    return `${this.configs.generation}.${this.settings.generation}`;
  }

  options(uri: string): LintOptions {
    return { config: this.configs.configFor(uri).config, overrides: this.settings.for(uri).rules };
  }

  /** The findings of an open referat, or undefined when the document is not open or not a referat. */
  open(uri: string): LintedDocument | undefined {
    const document = this.cache.documents.get(uri);
    const options = document ? this.options(uri) : undefined;
    const key = `${document ? revisionOf(document) : undefined}@${this.generation()}`;
    const known = this.cached.get(uri);
    // Known findings are not read again: the model may have been let go, and reading it back costs.
    if (document && known && known.key === key && known.document === document) return this.withArchive(uri, known, options!);
    const open = this.cache.get(uri);
    if (!open || !options) {
      this.cached.delete(uri);
      return undefined;
    }
    const result: CachedLint = { key, ...this.lintWithinLimit(uri, open.document, open.model, options) };
    this.cached.set(uri, result);
    return this.withArchive(uri, result, options);
  }

  /** The open document's findings and those of the archive rules, run again when the workspace's referater changed. */
  private withArchive(uri: string, base: CachedLint, options: LintOptions): LintedDocument {
    const archive = this.archive?.();
    const entry = archive?.referat(uri);
    if (!archive || !entry || archive.size < 2 || this.tooLarge(uri)) return base;
    if (base.withArchive?.version === archive.version) return base.withArchive.linted;
    let more: Finding[] = [];
    try {
      // The text's lines as the document holds them: joining the text at every keystroke costs.
      const source = lintTextOf(base.document);
      const directives = source.includes('<!--') && source.includes('referat-') ? readDirectives(documentLines(base.document)) : undefined;
      more = lintArchive(entry, archive, { ...options, directives, onRuleError: (id, error) => this.log.error(`Rule ${id} failed on ${uri}: ${errorText(error)}`) });
    } catch (error) {
      this.log.error(`Validation of ${uri} against the workspace failed: ${errorText(error)}`);
    }
    const linted: LintedDocument = more.length
      ? {
          document: base.document,
          findings: [...base.findings, ...more],
          diagnostics: [...base.diagnostics, ...more.map((finding) => toDiagnostic(finding, base.document, this.locale, this.docs))],
        }
      : base;
    base.withArchive = { version: archive.version, linted };
    return linted;
  }

  /** Lints a text that is not (or not as such) an open document: a file on disk, a fix-all pass. */
  text(uri: string, text: string): LintedDocument | undefined {
    const options = this.options(uri);
    const model = readReferatSafely(text, uri, this.log, options.config?.vocabulary);
    if (!model) return undefined;
    return this.lintWithinLimit(uri, TextDocument.create(uri, 'referat', 0, text), model, options);
  }

  /** The rules' findings, or over `referat.validate.maxSize` none and the one diagnostic that says so. */
  private lintWithinLimit(uri: string, document: TextDocument, model: ReferatDocument, options: LintOptions): LintedDocument {
    const maxMb = this.settings.for(uri).maxSizeMb;
    const bytes = documentOverLimit(document, maxMb);
    if (bytes === undefined) {
      this.toldTooLarge.delete(uri);
      const findings = this.safeLint(uri, model, lintTextOf(document), options);
      return { document, findings, diagnostics: findings.map((finding) => toDiagnostic(finding, document, this.locale, this.docs)) };
    }
    if (!this.toldTooLarge.has(uri)) {
      this.toldTooLarge.add(uri);
      this.log.info(`${uri}: ${tooLargeDiagnostic(document, bytes, maxMb, 'en', DIAGNOSTIC_SOURCE).message}`);
    }
    return { document, findings: [], diagnostics: [tooLargeDiagnostic(document, bytes, maxMb, this.locale, DIAGNOSTIC_SOURCE)] };
  }

  private safeLint(uri: string, model: ReferatDocument, text: string | LintText, options: LintOptions): Finding[] {
    try {
      return lint(model, text, { ...options, onRuleError: (id, error) => this.log.error(`Rule ${id} failed on ${uri}: ${errorText(error)}`) });
    } catch (error) {
      this.log.error(`Validation of ${uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return [];
    }
  }
}
