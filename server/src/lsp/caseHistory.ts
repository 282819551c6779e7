// A case across the workspace's meetings, from the workspace archive (archive/archive.ts):
// - hover on a punkt's case number: each meeting that treated the case, newest first;
// - Go to Definition on it: the first treatment (the oldest);
// - Find All References on it: every treatment (each punkt's heading);
// - a code lens on each punkt treated at earlier meetings: `Behandlet før: 2 møder`;
// - an entry of `Sagens forløb` that names a meeting the workspace holds: a link to that meeting's
//   punkt, and Go to Definition on it.
import type { CodeLens, DocumentLink, Location, Position, Range } from 'vscode-languageserver';
import type { Archive, Treatment } from '../archive/archive';
import { caseKeyOf } from '../archive/entry';
import type { Locale } from '../i18n';
import type { Punkt } from '../model';
import { contains } from '../navigation';
import type { OpenReferat } from './documents';
import { targetUri } from './links';
import { clampRange } from './ranges';

const L = (locale: Locale, da: string, en: string) => (locale === 'da' ? da : en);

function md(text: string): string {
  return text.replace(/([\\`*_{}[\]<>#|])/g, '\\$1');
}

/** The punkt whose case number is under the cursor. */
export function punktWithCaseNumberAt(open: OpenReferat, position: Position): Punkt | null {
  return open.model.items.find((p) => p.caseNumber && contains(p.caseNumber.range, position)) ?? null;
}

function treatmentsOfPunkt(archive: Archive, punkt: Punkt): readonly Treatment[] {
  const key = caseKeyOf(punkt.caseNumber?.text ?? null, punkt.title);
  return key ? archive.treatments(key) : [];
}

/** Where a treatment is: its punkt's number on the heading line. */
export function treatmentLocation(t: Treatment): Location {
  return { uri: t.referat.uri, range: headingRange(t) };
}

function headingRange(t: Treatment): Range {
  const { numberRange, line } = t.punkt;
  return numberRange.start.line === line ? numberRange : { start: { line, character: 0 }, end: { line, character: 0 } };
}

/** The markdown of a case's meetings, newest first; null when the archive knows of none. */
export function caseHistoryMarkdown(archive: Archive, punkt: Punkt, locale: Locale): string | null {
  const treatments = treatmentsOfPunkt(archive, punkt);
  if (!treatments.length) return null;
  const meetings = new Set(treatments.map((t) => t.referat.uri)).size;
  const lines = [`**${L(locale, 'Behandlet på', 'Treated at')}** (${meetings} ${meetingsWord(meetings, locale)}, ${L(locale, 'nyeste først', 'newest first')}):`, ''];
  for (const t of treatments) {
    const who = t.referat.committee ?? L(locale, 'ukendt udvalg', 'unknown committee');
    const when = t.referat.date ?? L(locale, 'uden dato', 'no date');
    const decision = t.punkt.decisionFirstLine ? ` — ${md(t.punkt.decisionFirstLine)}` : '';
    lines.push(`- ${md(who)} ${when}, ${L(locale, 'punkt', 'punkt')} ${t.punkt.number}: ${md(t.punkt.title)}${decision}`);
  }
  return lines.join('\n');
}

function meetingsWord(n: number, locale: Locale): string {
  return locale === 'da' ? (n === 1 ? 'møde' : 'møder') : n === 1 ? 'meeting' : 'meetings';
}

/** Each quoted history entry whose meeting the archive holds, with that meeting's punkt. */
function resolvedHistory(archive: Archive, open: OpenReferat): { head: Range; treatment: Treatment }[] {
  const found: { head: Range; treatment: Treatment }[] = [];
  for (const punkt of open.model.items) {
    if (!punkt.history.length) continue;
    const key = caseKeyOf(punkt.caseNumber?.text ?? null, punkt.title);
    for (const h of punkt.history) {
      const treatment = archive.resolveHistory(key, h, h.text);
      // A meeting quoting itself is no place to go.
      if (treatment && treatment.referat.uri !== open.document.uri) found.push({ head: h.headRange, treatment });
    }
  }
  return found;
}

/** Links from the history entries (`24-01-2022 Økonomiudvalget`) to the punkt of that meeting. */
export function historyLinks(archive: Archive, open: OpenReferat, locale: Locale): DocumentLink[] {
  return resolvedHistory(archive, open).map(({ head, treatment: t }) => ({
    range: clampRange(open.document, head),
    target: targetUri(t.referat.uri, headingRange(t)),
    tooltip: `${L(locale, 'Gå til', 'Go to')} ${t.referat.committee ?? ''} ${t.referat.date ?? ''}, punkt ${t.punkt.number}: ${t.punkt.title}`.replace(/\s+/g, ' '),
  }));
}

/** Go to Definition on a case number: the oldest treatment of the case; on a history entry: the meeting it quotes. */
export function caseDefinition(archive: Archive, open: OpenReferat, position: Position): Location[] | null {
  const punkt = punktWithCaseNumberAt(open, position);
  if (!punkt) {
    const quoted = resolvedHistory(archive, open).find((r) => contains(r.head, position));
    return quoted ? [treatmentLocation(quoted.treatment)] : null;
  }
  const treatments = treatmentsOfPunkt(archive, punkt);
  return treatments.length ? [treatmentLocation(treatments[treatments.length - 1])] : null;
}

/** Find All References on a case number: every treatment, oldest first. */
export function caseReferences(archive: Archive, open: OpenReferat, position: Position): Location[] | null {
  const punkt = punktWithCaseNumberAt(open, position);
  if (!punkt) return null;
  const treatments = treatmentsOfPunkt(archive, punkt);
  return treatments.length ? [...treatments].reverse().map(treatmentLocation) : null;
}

/** The client command that shows a list of locations (the VS Code client converts its arguments). */
export const SHOW_TREATMENTS_COMMAND = 'referat.showTreatments';

/** `Behandlet før: 2 møder` on each punkt whose case was treated at meetings before this one's date. */
export function caseLenses(archive: Archive, open: OpenReferat, locale: Locale): CodeLens[] {
  const { document, model } = open;
  const lenses: CodeLens[] = [];
  const date = archive.referat(document.uri)?.date ?? null;
  if (!date) return lenses;
  for (const punkt of model.items) {
    const treatments = treatmentsOfPunkt(archive, punkt);
    const earlier = new Set(treatments.filter((t) => t.referat.date !== null && t.referat.date < date).map((t) => t.referat.uri));
    if (!earlier.size) continue;
    const title = L(locale, `Behandlet før: ${earlier.size} ${meetingsWord(earlier.size, 'da')}`, `Treated before: ${earlier.size} ${meetingsWord(earlier.size, 'en')}`);
    const start = punkt.heading.range.start;
    const range = clampRange(document, { start, end: start });
    const locations = [...treatments].reverse().map(treatmentLocation);
    lenses.push({ range, command: { title, command: SHOW_TREATMENTS_COMMAND, arguments: [document.uri, start, locations] } });
  }
  return lenses;
}

/** The custom request of the Sager tree view: every case of the workspace and its meetings. */
export const CASES_REQUEST = 'referat/cases';
/** Sent by the server when the workspace's referater on disk were read or changed. */
export const CASES_CHANGED_NOTIFICATION = 'referat/casesChanged';

export interface CaseTreatmentInfo {
  uri: string;
  committee: string | null;
  /** `YYYY-MM-DD`. */
  date: string | null;
  punkt: number;
  title: string;
  decision: string | null;
  /** Where the punkt's heading is. */
  range: Range;
}

export interface CaseInfo {
  key: string;
  caseNumber: string | null;
  title: string;
  /** Newest first. */
  treatments: CaseTreatmentInfo[];
}

/**
 * The answer to `referat/cases`: the cases treated at more than one meeting (`all`: every case),
 * the most recently treated first.
 */
export function casesAnswer(archive: Archive, all = false): CaseInfo[] {
  const cases = archive.cases().filter((c) => all || new Set(c.treatments.map((t) => t.referat.uri)).size > 1);
  const newest = (c: { treatments: readonly Treatment[] }) => c.treatments[0]?.referat.date ?? '';
  cases.sort((a, b) => (newest(a) < newest(b) ? 1 : newest(a) > newest(b) ? -1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return cases.map((c) => ({
    key: c.key,
    caseNumber: c.caseNumber,
    title: c.title,
    treatments: c.treatments.map((t) => ({
      uri: t.referat.uri,
      committee: t.referat.committee,
      date: t.referat.date,
      punkt: t.punkt.number,
      title: t.punkt.title,
      decision: t.punkt.decisionFirstLine,
      range: headingRange(t),
    })),
  }));
}
