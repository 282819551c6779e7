// What a rule is and what it reports. Rules are pure: model and text in, findings out.
import type { Range, ReferatDocument } from '../model';
import type { Archive } from '../archive/archive';
import type { ArchivedReferat } from '../archive/entry';
import type { Membership } from '../config/membership';
import type { ReferatConfig } from '../config/types';

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

/** Text shown to people, in both languages; the editor's or the terminal's language picks one. */
export interface Localized {
  en: string;
  da: string;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  title: Localized;
  edits: TextEdit[];
}

export interface Related {
  range: Range;
  message: Localized;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  range: Range;
  message: Localized;
  /** The other places involved: the TOC entry, the other spelling, the vote line. */
  related?: Related[];
  fix?: Fix;
}

export type Report = Omit<Finding, 'ruleId' | 'severity'> & { severity?: Severity };

/**
 * The text a model was read from, as the rules read it: a string, or an editor's document that
 * can give one line, or say whether it has comments, without joining its whole text.
 */
export interface LintText {
  /** The whole text. */
  text(): string;
  /** One line without its line break; undefined past the end. */
  lineAt(line: number): string | undefined;
  /** True when the text holds `needle` (which has no line break). */
  includes(needle: string): boolean;
}

export interface RuleContext {
  doc: ReferatDocument;
  /** The whole text (made on first use: prefer `lineAt`). */
  readonly text: string;
  /** The text's lines, without line breaks (split on first use: prefer `lineAt` for a line or two). */
  readonly lines: readonly string[];
  /** One line of the text, without its line break; undefined past the end. */
  lineAt(line: number): string | undefined;
  /** True when the text holds `needle` (which has no line break), without joining the text. */
  includes(needle: string): boolean;
  /** The line break fixes write: `\r\n` when the text has one, else `\n`. */
  readonly eol: string;
  membership: Membership;
  /** The rule's options from the configuration (everything but `severity`). */
  options: Readonly<Record<string, unknown>>;
  report(finding: Report): void;
}

export interface Rule {
  id: string;
  description: Localized;
  defaultSeverity: Severity;
  /** True when the rule offers fixes. */
  fixable: boolean;
  check(ctx: RuleContext): void;
}

/**
 * What a rule that compares referater is given: the referat checked, as the archive holds it, and
 * the archive of the other referater (a folder for `referat lint`, the workspace for a server).
 */
export interface ArchiveRuleContext {
  entry: ArchivedReferat;
  archive: Archive;
  config: ReferatConfig;
  options: Readonly<Record<string, unknown>>;
  report(finding: Report): void;
}

/** A rule over more than one referat. It reports on the referat checked only, never on the others. */
export interface ArchiveRule {
  id: string;
  description: Localized;
  defaultSeverity: Severity;
  fixable: false;
  checkArchive(ctx: ArchiveRuleContext): void;
}
