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

/**
 * Line `n` of the text, without its break, for rules that need a line or two: the text is scanned
 * only as far as the furthest line asked for, and not split whole.
 */
export function lineReader(text: string): (line: number) => string | undefined {
  // starts[n]: where line n begins; ends[n]: where its break begins (known for all lines but the last found).
  const starts = [0];
  const ends: number[] = [];
  let at = 0;
  return (line) => {
    while (starts.length <= line && at < text.length) {
      const ch = text.charCodeAt(at);
      if (ch === 13 || ch === 10) {
        ends.push(at);
        at += ch === 13 && text.charCodeAt(at + 1) === 10 ? 2 : 1;
        starts.push(at);
      } else at++;
    }
    if (line < 0 || line >= starts.length) return undefined;
    return text.slice(starts[line], line < ends.length ? ends[line] : lineEnd(text, starts[line]));
  };
}

/** Where the line starting at `from` ends (its break, or the end of the text). */
function lineEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 13 || ch === 10) return i;
  }
  return text.length;
}
