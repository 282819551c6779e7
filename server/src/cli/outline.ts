// `referat outline`: the document model as a readable outline or as JSON (1-based lines).
import type { Membership } from '../config/membership';
import type { NameRef, Punkt, ReferatDocument, Vote } from '../model';
import type { Locale } from '../i18n';
import { translator } from '../i18n';
import { countText, tallyVote } from '../votes';

const names = (refs: readonly NameRef[]) => refs.map((r) => r.name);

/**
 * A vote: the people named per side as written, and `counts`, the votes module's tally (a stated
 * number, else the members named and the members of the parties named, null where it cannot be known).
 */
function voteJson(doc: ReferatDocument, item: Punkt, v: Vote, membership: Membership | null) {
  const t = tallyVote(doc, item, v, membership);
  return {
    line: v.line + 1,
    for: names(v.for),
    against: names(v.against),
    abstain: names(v.abstain),
    outcome: v.outcome,
    counts: { for: t.for, against: t.against, abstain: t.abstain },
    ...(v.counts ? { stated: v.counts } : {}),
    ...(v.parties ? { parties: v.parties } : {}),
    ...(t.remainder ? { remainder: t.remainder } : {}),
    ...(v.points ? { points: v.points } : {}),
    absent: t.absentMembers.map((a) => a.name),
    subject: v.subject,
    committee: v.committee,
    ...(v.proposal ? { proposal: { proposers: names(v.proposal.proposers), text: v.proposal.text, line: v.proposal.range.start.line + 1 } } : {}),
  };
}

function itemJson(doc: ReferatDocument, item: Punkt, membership: Membership | null) {
  return {
    number: item.number,
    title: item.title,
    line: item.heading.range.start.line + 1,
    endLine: item.range.end.line + 1,
    caseType: item.caseType,
    category: item.category,
    caseNumber: item.caseNumber?.text ?? null,
    access: item.access,
    sections: item.sections.map((s) => ({
      kind: s.kind,
      heading: s.heading.text,
      line: s.heading.range.start.line + 1,
      ...(s.subheadings.length ? { subheadings: s.subheadings.map((h) => ({ heading: h.heading.text, line: h.range.start.line + 1 })) } : {}),
    })),
    decisions: item.decisions.map((d) => ({ line: d.range.start.line + 1, kind: d.kind, committee: d.committee, text: d.text })),
    votes: item.votes.map((v) => voteJson(doc, item, v, membership)),
    // Absent from this committee's meeting or item; absences recorded under another committee in a joint item are in `absences`.
    absent: item.absences.filter((a) => a.committee === null).map((a) => a.person.name),
    absences: item.absences.map((a) => ({ name: a.person.name, scope: a.scope, committee: a.committee, line: a.range.start.line + 1 })),
    // Earlier treatments quoted under Sagens forløb: another body's (or an earlier meeting's), never this one's.
    history: item.history.map((h) => ({ line: h.headRange.start.line + 1, body: h.body, date: h.date, punkt: h.punkt, text: h.text })),
  };
}

export function outlineJson(file: string, doc: ReferatDocument, membership: Membership | null = null) {
  const m = doc.meeting;
  return {
    file,
    meeting: {
      title: m.title,
      committee: m.committee,
      period: m.period,
      date: m.date,
      time: m.time,
      place: m.place,
      adjourned: m.adjourned,
      attendees: m.attendees.map((a) => ({
        name: a.name,
        absent: a.absent,
        ...(a.party ? { party: a.party } : {}),
        ...(a.role ? { role: a.role } : {}),
        ...(a.note ? { note: a.note } : {}),
      })),
    },
    toc: doc.toc
      ? {
          line: doc.toc.range.start.line + 1,
          entries: doc.toc.entries.map((e) => ({ title: e.title, page: e.page, number: e.number, line: e.range.start.line + 1, truncated: e.truncated })),
        }
      : null,
    items: doc.items.map((item) => itemJson(doc, item, membership)),
  };
}

const messages = {
  committee: { en: 'Committee', da: 'Udvalg' },
  date: { en: 'Date', da: 'Dato' },
  place: { en: 'Place', da: 'Sted' },
  attendees: { en: 'Attendees', da: 'Mødedeltagere' },
  absentMark: { en: 'absent', da: 'fraværende' },
  toc: { en: 'Table of contents: {count} entries (line {line})', da: 'Indholdsfortegnelse: {count} punkter (linje {line})' },
  noItems: { en: 'No agenda items (Punkt N: ...) found.', da: 'Ingen dagsordenspunkter (Punkt N: ...) fundet.' },
  line: { en: 'line', da: 'linje' },
  vote: {
    en: 'Vote (line {line}): for {for}, against {against}, abstained {abstain}{outcome}',
    da: 'Afstemning (linje {line}): for {for}, imod {against}, undlod {abstain}{outcome}',
  },
  absent: { en: 'Absent: {names}', da: 'Fraværende: {names}' },
  history: { en: 'Earlier: {date} {body} (line {line})', da: 'Tidligere: {date} {body} (linje {line})' },
  untitled: { en: '(no title)', da: '(ingen titel)' },
} as const;

/** A readable, indented outline for a terminal. */
export function outlineText(file: string, doc: ReferatDocument, locale: Locale, membership: Membership | null = null): string {
  const t = translator(messages, locale);
  const out: string[] = [];
  const m = doc.meeting;
  out.push(`${file}`);
  out.push(`${m.title ?? t('untitled')}`);
  const facts = [
    m.committee && `${t('committee')}: ${m.committee}${m.period ? ` ${m.period}` : ''}`,
    m.date && `${t('date')}: ${m.date}${m.time ? ` ${m.time}` : ''}`,
    m.place && `${t('place')}: ${m.place}`,
  ].filter(Boolean);
  for (const f of facts) out.push(`  ${f}`);
  if (m.attendees.length) {
    out.push(`  ${t('attendees')}: ${m.attendees.map((a) => (a.absent ? `${a.name} (${t('absentMark')})` : a.name)).join(', ')}`);
  }
  if (doc.toc) out.push(`  ${t('toc', { count: doc.toc.entries.length, line: doc.toc.range.start.line + 1 })}`);
  if (!doc.items.length) out.push(`  ${t('noItems')}`);
  for (const item of doc.items) {
    const cn = item.caseNumber ? `  [${item.caseNumber.text}]` : '';
    out.push(`  Punkt ${item.number}: ${item.title}${cn}  (${t('line')} ${item.heading.range.start.line + 1})`);
    for (const s of item.sections) {
      out.push(`    ${s.heading.text}  (${t('line')} ${s.heading.range.start.line + 1})`);
      for (const h of s.subheadings) out.push(`      ${h.heading.text}  (${t('line')} ${h.range.start.line + 1})`);
    }
    for (const v of item.votes) {
      const tally = tallyVote(doc, item, v, membership);
      out.push(
        `    ${t('vote', {
          line: v.line + 1,
          for: countText(tally.for),
          against: countText(tally.against),
          abstain: countText(tally.abstain),
          outcome: v.outcome ? ` — ${v.outcome}` : '',
        })}`,
      );
    }
    const absent = item.absences.filter((a) => a.committee === null).map((a) => a.person.name);
    if (absent.length) out.push(`    ${t('absent', { names: absent.join(', ') })}`);
    for (const h of item.history) {
      out.push(`    ${t('history', { date: h.date ?? '?', body: h.body ?? '?', line: h.headRange.start.line + 1 })}`);
    }
  }
  return out.join('\n');
}
