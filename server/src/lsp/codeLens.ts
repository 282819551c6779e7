// textDocument/codeLens: above each vote, its tally at a glance —
// `For 2 · Imod 2 · Undlod 0 · Fraværende 1 — forkastet`. Absent are the deciding committee's
// members absent for the punkt when the membership is known, else the absences recorded.
import type { CodeLens } from 'vscode-languageserver';
import type { Member, Membership } from '../config/membership';
import type { Locale } from '../i18n';
import type { Outcome, Punkt, ReferatDocument, Vote } from '../model';
import { nearEnough } from '../navigation';
import { absentFor, resolve } from '../rules/attendance';
import { voters } from '../rules/util';
import { tally } from '../rules/vote-outcome';
import type { OpenReferat } from './documents';
import { clampRange } from './ranges';

const WORDS = {
  da: { for: 'For', against: 'Imod', abstain: 'Undlod', absent: 'Fraværende', vedtaget: 'vedtaget', forkastet: 'forkastet', computed: 'beregnet' },
  en: { for: 'For', against: 'Against', abstain: 'Abstained', absent: 'Absent', vedtaget: 'adopted', forkastet: 'rejected', computed: 'computed' },
} as const;

export function outcomeWord(outcome: Outcome, locale: Locale): string {
  return WORDS[locale][outcome];
}

/** The outcome the votes give: a simple majority of the votes cast adopts; a tie does not. Null when nobody voted for or against. */
export function computedOutcome(vote: Vote): Outcome | null {
  const t = tally(vote);
  if (t.for + t.against === 0) return null;
  return t.for > t.against ? 'vedtaget' : 'forkastet';
}

/** The members (or, without a membership, the names recorded) absent from a vote, not counting those who voted. */
export function absentFromVote(doc: ReferatDocument, membership: Membership | null, item: Punkt, vote: Vote): string[] {
  const members = membership?.committee(vote.committee) ?? null;
  if (membership && members) {
    const voted = new Set<Member>();
    for (const { ref } of voters(vote)) {
      const m = resolve(membership, members, ref.name);
      if (m) voted.add(m);
    }
    return [...absentFor(doc, membership, vote.committee, item).keys()].filter((m) => !voted.has(m)).map((m) => m.name);
  }
  const same = (c: string | null) => (c ?? '') === (vote.committee ?? '');
  const names: string[] = [];
  const add = (name: string) => {
    if (!names.some((n) => nearEnough(n, name))) names.push(name);
  };
  for (const other of doc.items) {
    for (const a of other.absences) if (same(a.committee) && (a.scope === 'meeting' || other === item)) add(a.person.name);
  }
  if (vote.committee === null) for (const a of doc.meeting.attendees) if (a.absent) add(a.name);
  const votedNames = voters(vote).map((v) => v.ref.name);
  return names.filter((n) => !votedNames.some((v) => nearEnough(v, n)));
}

/** `For 2 · Imod 2 · Undlod 0 · Fraværende 1 — forkastet`. */
export function voteSummary(doc: ReferatDocument, membership: Membership | null, item: Punkt, vote: Vote, locale: Locale): string {
  const w = WORDS[locale];
  const t = tally(vote);
  const absent = absentFromVote(doc, membership, item, vote).length;
  const counts = `${w.for} ${t.for} · ${w.against} ${t.against} · ${w.abstain} ${t.abstain} · ${w.absent} ${absent}`;
  if (vote.outcome) return `${counts} — ${w[vote.outcome]}`;
  const computed = computedOutcome(vote);
  return computed ? `${counts} — ${w[computed]} (${w.computed})` : counts;
}

export function codeLenses(open: OpenReferat, membership: Membership | null, locale: Locale): CodeLens[] {
  const { document, model } = open;
  const lenses: CodeLens[] = [];
  for (const item of model.items) {
    for (const vote of item.votes) {
      const first = vote.sentences[0]?.range ?? vote.range;
      const line = first.start.line;
      const range = clampRange(document, { start: { line, character: first.start.character }, end: { line, character: first.start.character } });
      // A lens with an empty command is shown as text and does nothing when clicked.
      lenses.push({ range, command: { title: voteSummary(model, membership, item, vote, locale), command: '' } });
    }
  }
  return lenses;
}
