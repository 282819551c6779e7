// Small helpers shared by the rules.
import type { NameRef, Punkt, Range, ReferatDocument, SectionKind, Vote } from '../model';
import type { Localized } from './types';

/** Section kinds as people name them (the same words in both languages: they are the format's). */
export const KIND_NAMES: Record<SectionKind, string> = {
  resume: 'Resume',
  indstilling: 'Indstilling',
  beslutning: 'Beslutning',
  sagsfremstilling: 'Sagsfremstilling',
  effekt: 'Effekt',
  okonomi: 'Økonomi',
  bilag: 'Bilag',
  'sagens-gang': 'Sagens gang',
  other: 'Andet',
};

export const msg = (en: string, da: string): Localized => ({ en, da });


/** Every person named in a vote, on all sides, with the side. */
export function voters(vote: Vote): { ref: NameRef; side: 'for' | 'against' | 'abstain' }[] {
  return [
    ...vote.for.map((ref) => ({ ref, side: 'for' as const })),
    ...vote.against.map((ref) => ({ ref, side: 'against' as const })),
    ...vote.abstain.map((ref) => ({ ref, side: 'abstain' as const })),
  ];
}

/** Every person named anywhere in the document: attendees, votes, proposals, absences. */
export function allNames(doc: ReferatDocument): { ref: NameRef; committee: string | null; item: Punkt | null }[] {
  const out: { ref: NameRef; committee: string | null; item: Punkt | null }[] = doc.meeting.attendees.map((a) => ({
    ref: { name: a.name, range: a.range, party: a.party, partyRange: null, role: a.role },
    committee: null,
    item: null,
  }));
  for (const item of doc.items) {
    for (const v of item.votes) for (const { ref } of voters(v)) out.push({ ref, committee: v.committee, item });
    for (const p of item.proposals) for (const ref of p.proposers) out.push({ ref, committee: p.committee, item });
    for (const a of item.absences) out.push({ ref: a.person, committee: a.committee, item });
  }
  return out;
}

/** A zero-width range at the start of a line. */
export function lineStart(line: number): Range {
  return { start: { line, character: 0 }, end: { line, character: 0 } };
}
