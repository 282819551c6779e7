// What a vote table shows: who voted how, who was absent, and the counts.
import type { NameRef, Punkt, ReferatDocument, Vote, VoteSide } from '../model';
import { fold } from '../vocabulary';

export interface AbsentMember {
  name: string;
  party: string | null;
  /** Line where the absence is recorded (the absence sentence, or the attendee in the header). */
  line: number;
}

export interface VoteTally {
  for: number;
  against: number;
  abstain: number;
  absent: number;
  names: Record<VoteSide, readonly NameRef[]>;
  /** Party letters of the counted form (`For stemte: 5 (A, F og V)`), per side. */
  parties: Record<VoteSide, readonly string[]>;
  absentMembers: AbsentMember[];
  /** True when a side is given as a number (`For stemte: 5`) rather than by name. */
  counted: boolean;
}

/**
 * Members absent at a vote: the item's absences recorded for the vote's committee, and, for the
 * meeting's own committee, the attendees marked absent in the header. Each name once.
 */
export function absentAt(doc: ReferatDocument, item: Punkt, vote: Vote): AbsentMember[] {
  const seen = new Set<string>();
  const out: AbsentMember[] = [];
  const add = (name: string, party: string | null, line: number) => {
    const key = fold(name);
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ name, party, line });
  };
  for (const a of item.absences) {
    if (a.committee === vote.committee) add(a.person.name, a.person.party, a.range.start.line);
  }
  if (vote.committee === null) {
    for (const a of doc.meeting.attendees) if (a.absent) add(a.name, a.party, a.range.start.line);
  }
  return out;
}

export function tallyVote(doc: ReferatDocument, item: Punkt, vote: Vote): VoteTally {
  const count = (side: VoteSide) => {
    const named = vote[side].length;
    const stated = vote.counts?.[side];
    return typeof stated === 'number' ? stated : named;
  };
  const absentMembers = absentAt(doc, item, vote);
  return {
    for: count('for'),
    against: count('against'),
    abstain: count('abstain'),
    absent: absentMembers.length,
    names: { for: vote.for, against: vote.against, abstain: vote.abstain },
    parties: vote.parties ?? { for: [], against: [], abstain: [] },
    absentMembers,
    counted: vote.counts !== null,
  };
}
