// textDocument/codeLens: above each vote, its tally at a glance —
// `For 2 · Imod 2 · Undlod 0 · Fraværende 1 — forkastet`. Absent are the deciding committee's
// members absent for the punkt when the membership is known, else the absences recorded (the votes module's tally).
import type { CodeLens } from 'vscode-languageserver';
import type { Membership } from '../config/membership';
import type { Locale } from '../i18n';
import type { Outcome, Punkt, ReferatDocument, Vote } from '../model';
import { countText, tallyVote } from '../votes';
import type { OpenReferat } from './documents';
import { clampRange } from './ranges';

const WORDS = {
  da: { for: 'For', against: 'Imod', abstain: 'Undlod', absent: 'Fraværende', vedtaget: 'vedtaget', forkastet: 'forkastet', computed: 'beregnet' },
  en: { for: 'For', against: 'Against', abstain: 'Abstained', absent: 'Absent', vedtaget: 'adopted', forkastet: 'rejected', computed: 'computed' },
} as const;

export function outcomeWord(outcome: Outcome, locale: Locale): string {
  return WORDS[locale][outcome];
}

/** `For 2 · Imod 2 · Undlod 0 · Fraværende 1 — forkastet`: the votes module's tally, as every consumer shows it. */
export function voteSummary(doc: ReferatDocument, membership: Membership | null, item: Punkt, vote: Vote, locale: Locale): string {
  const w = WORDS[locale];
  const t = tallyVote(doc, item, vote, membership);
  const counts = `${w.for} ${countText(t.for)} · ${w.against} ${countText(t.against)} · ${w.abstain} ${countText(t.abstain)} · ${w.absent} ${t.absent}`;
  if (vote.outcome) return `${counts} — ${w[vote.outcome]}`;
  return t.computed ? `${counts} — ${w[t.computed]} (${w.computed})` : counts;
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
