// The rules over more than one referat, and how they run: on one referat as the archive holds it,
// with the archive of the others. `referat lint` runs them on a folder's archive after reading every
// file; a server can run them on an open document with the workspace's archive.
import type { Archive } from '../archive/archive';
import type { ArchivedReferat } from '../archive/entry';
import type { Directives } from './directives';
import { duplicateMeeting } from './duplicate-meeting';
import { duplicatePunktNumber } from './duplicate-punkt-number';
import { historyMismatch } from './history-mismatch';
import { inconsistentNameAcross } from './inconsistent-name-across';
import { type LintOptions, order, reportedSeverity, settingOf } from './index';
import type { ArchiveRule, Finding, Report } from './types';

export const archiveRules: ArchiveRule[] = [historyMismatch, inconsistentNameAcross, duplicatePunktNumber, duplicateMeeting];

export interface ArchiveLintOptions extends Omit<LintOptions, 'strict'> {
  /** The referat's inline directives (`<!-- referat-disable ... -->`), when it has any. */
  directives?: Directives;
  strict?: boolean;
}

/** The findings of the archive rules on one referat of the archive, in document order. */
export function lintArchive(entry: ArchivedReferat, archive: Archive, options: ArchiveLintOptions = {}): Finding[] {
  const findings: Finding[] = [];
  for (const rule of archiveRules) {
    if (options.only && !options.only.includes(rule.id)) continue;
    const setting = settingOf(rule, options);
    if (setting.severity === 'off') continue;
    const severity = setting.severity;
    const report = (r: Report) => {
      if (options.directives?.disabled(rule.id, r.range.start.line)) return;
      findings.push({ ...r, ruleId: rule.id, severity: reportedSeverity(r, severity) });
    };
    try {
      rule.checkArchive({ entry, archive, config: options.config ?? {}, options: setting.options, report });
    } catch (error) {
      if (options.strict) throw error;
      options.onRuleError?.(rule.id, error);
    }
  }
  return findings.sort(order);
}
