// Small helpers shared by the rules.
import type { NameRef, Punkt, Range, ReferatDocument, Vote } from '../model';
import type { Localized } from './types';

export const msg = (en: string, da: string): Localized => ({ en, da });

/** Every person named in a vote, on all sides, with the side. */
export function voters(vote: Vote): { ref: NameRef; side: 'for' | 'against' | 'abstain' }[] {
  return [
    ...vote.for.map((ref) => ({ ref, side: 'for' as const })),
    ...vote.against.map((ref) => ({ ref, side: 'against' as const })),
    ...vote.abstain.map((ref) => ({ ref, side: 'abstain' as const })),
  ];
}

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

/** A line break, as the reader counts them. */
const LINE_BREAK = /\r\n?|\n/g;

/**
 * Line `n` of the text, without its break, for rules that need a line or two: the text is scanned
 * only as far as the furthest line asked for, and not split whole.
 */
export function lineReader(text: string, hasCarriageReturn = () => text.includes('\r')): (line: number) => string | undefined {
  // starts[n]: where line n begins; ends[n]: where its break begins (known for all lines but the last found).
  const starts = [0];
  const ends: number[] = [];
  let done = false;
  // Most texts break lines with \n alone: then indexOf finds the breaks, much faster than a pattern.
  let onlyLf: boolean | undefined;
  /** The next line break at or after `from`: where it is and how long. */
  const nextBreak = (from: number): [number, number] | null => {
    onlyLf ??= !hasCarriageReturn();
    if (onlyLf) {
      const at = text.indexOf('\n', from);
      return at < 0 ? null : [at, 1];
    }
    LINE_BREAK.lastIndex = from;
    const m = LINE_BREAK.exec(text);
    return m ? [m.index, m[0].length] : null;
  };
  return (line) => {
    while (starts.length <= line && !done) {
      const found = nextBreak(starts[starts.length - 1]);
      if (!found) done = true;
      else {
        ends.push(found[0]);
        starts.push(found[0] + found[1]);
      }
    }
    if (line < 0 || line >= starts.length) return undefined;
    if (line < ends.length) return text.slice(starts[line], ends[line]);
    return text.slice(starts[line], nextBreak(starts[line])?.[0] ?? text.length);
  };
}
