// Runs the rules over a document: severities and options from the configuration, inline
// directives, and findings in document order.
import { Membership } from '../config/membership';
import type { ReferatConfig, RuleSetting } from '../config/types';
import type { ReferatDocument } from '../model';
import { splitLines } from '../reader/lines';
import { type Directives, readDirectives } from './directives';
import { allRules } from './registry';
import type { Finding, LintText, Report, Rule, Severity, SeveritySetting } from './types';
import { lineReader } from '../reader/lines';

export { allRules };
export type { LintText };

export interface LintOptions {
  config?: ReferatConfig;
  /** Severity overrides that win over the configuration (the editor's settings). */
  overrides?: Record<string, SeveritySetting>;
  /** Run only these rules. */
  only?: readonly string[];
  /** Let a failing rule throw (for tests). */
  strict?: boolean;
  /** Told when a rule fails (the others run on): the host logs it. */
  onRuleError?: (ruleId: string, error: unknown) => void;
}

export function ruleById(id: string): Rule | undefined {
  return allRules.find((r) => r.id === id);
}

export function settingOf(rule: Pick<Rule, 'id' | 'defaultSeverity'>, options: LintOptions): { severity: SeveritySetting; options: Record<string, unknown> } {
  const raw: RuleSetting | undefined = options.config?.rules?.[rule.id];
  let severity: SeveritySetting = rule.defaultSeverity;
  let ruleOptions: Record<string, unknown> = {};
  if (typeof raw === 'string') severity = raw;
  else if (raw && typeof raw === 'object') {
    const { severity: s, ...rest } = raw;
    if (s) severity = s;
    ruleOptions = rest;
  }
  const override = options.overrides?.[rule.id];
  if (override) severity = override;
  return { severity, options: ruleOptions };
}

/** A text that names no `referat-` directive switches nothing off. */
const NO_DIRECTIVES: Directives = { disabled: () => false };

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** A rule may report something as less severe than its setting (a note), never as more. */
export const reportedSeverity = (r: Report, setting: Severity): Severity => (r.severity && RANK[r.severity] < RANK[setting] ? r.severity : setting);

export const order = (a: Finding, b: Finding) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.ruleId.localeCompare(b.ruleId);

/** A string as a LintText: lines found on first use, as far as asked. */
export function stringText(text: string): LintText {
  let hasCarriageReturn: boolean | undefined;
  const carriageReturns = () => (hasCarriageReturn ??= text.includes('\r'));
  const lineAt = lineReader(text, carriageReturns);
  return { text: () => text, lineAt, includes: (needle) => (needle === '\r' ? carriageReturns() : text.includes(needle)) };
}

/** All findings of all enabled rules on one document, in document order. */
export function lint(doc: ReferatDocument, text: string | LintText, options: LintOptions = {}): Finding[] {
  const source = typeof text === 'string' ? stringText(text) : text;
  // The lines are split only when a rule asks for them: most runs never do, and a long text costs.
  // The same for the line break a fix writes.
  let lines: string[] | undefined;
  const linesOf = () => (lines ??= splitLines(source.text()));
  let eol: string | undefined;
  const eolOf = () => (eol ??= source.includes('\r') && source.includes('\r\n') ? '\r\n' : '\n');
  // Directives are HTML comments with `referat-`: a text without them has none to read. (`<!--` is
  // looked for first: it is rare, and searching for it is ten times faster than for `referat-`.)
  const directives = source.includes('<!--') && source.includes('referat-') ? readDirectives(linesOf()) : NO_DIRECTIVES;
  const membership = new Membership(doc, options.config ?? {});
  const findings: Finding[] = [];
  for (const rule of allRules) {
    if (options.only && !options.only.includes(rule.id)) continue;
    const setting = settingOf(rule, options);
    if (setting.severity === 'off') continue;
    const severity: Severity = setting.severity;
    const report = (r: Report) => {
      if (directives.disabled(rule.id, r.range.start.line)) return;
      findings.push({ ...r, ruleId: rule.id, severity: reportedSeverity(r, severity) });
    };
    try {
      rule.check({
        doc,
        get text() {
          return source.text();
        },
        get lines() {
          return linesOf();
        },
        lineAt: (line) => (lines ? lines[line] : source.lineAt(line)),
        includes: (needle) => source.includes(needle),
        get eol() {
          return eolOf();
        },
        membership,
        options: setting.options,
        report,
      });
    } catch (error) {
      if (options.strict) throw error;
      // One broken rule must not hide the others' findings.
      options.onRuleError?.(rule.id, error);
    }
  }
  return findings.sort(order);
}
