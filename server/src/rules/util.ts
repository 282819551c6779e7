// Small helpers shared by the rules.
import type { NameRef, Punkt, Range, ReferatDocument } from '../model';
import type { Localized } from './types';

export const msg = (en: string, da: string): Localized => ({ en, da });

/** One place a person is named, with the committee that speaks there and the punkt (null: the attendee list). */
export interface NameUse {
  ref: NameRef;
  committee: string | null;
  item: Punkt | null;
}

/** Worked out once per model (a version's model never changes): several rules go through every name. */
const namesOf = new WeakMap<ReferatDocument, readonly NameUse[]>();

/** Every person named anywhere in the document: attendees, votes, proposals, absences. */
export function allNames(doc: ReferatDocument): readonly NameUse[] {
  const known = namesOf.get(doc);
  if (known) return known;
  const out: NameUse[] = doc.meeting.attendees.map((a) => ({
    ref: { name: a.name, range: a.range, party: a.party, partyRange: null, role: a.role },
    committee: null,
    item: null,
  }));
  for (const item of doc.items) {
    for (const v of item.votes) {
      for (const ref of v.for) out.push({ ref, committee: v.committee, item });
      for (const ref of v.against) out.push({ ref, committee: v.committee, item });
      for (const ref of v.abstain) out.push({ ref, committee: v.committee, item });
    }
    for (const p of item.proposals) for (const ref of p.proposers) out.push({ ref, committee: p.committee, item });
    for (const a of item.absences) out.push({ ref: a.person, committee: a.committee, item });
  }
  namesOf.set(doc, out);
  return out;
}

/** A zero-width range at the start of a line. */
export function lineStart(line: number): Range {
  return { start: { line, character: 0 }, end: { line, character: 0 } };
}
