// The one tally of a vote, for every consumer (the rules, the HTML page, hover, code lens, the
// outline): who was there, who voted how, the number on each side, and what does not add up.
//
// - A number the text states wins (`Med stemmerne 19 for og 2 imod`).
// - A member named counts once, on the side named (a name wins over the member's party on another side).
// - A party named instead of its members (`V og D stemmer imod`, `(Ø)`, `Enhedslisten`) counts its
//   members present at the vote; a party the membership does not know leaves the side unknown (null).
// - When the text does not give the winning side at all (`(Ø) stemte imod.`, `Undlod: F`), the
//   members present and not named are counted on it: for, or against when the decision was rejected.
// - The members present are the deciding committee's (referat.config.json, else the attendee list),
//   minus those recorded absent from the meeting or the punkt, with the stand-ins who sat in.
import type { CommitteeMembers, Member, Membership } from '../config/membership';
import type { NameRef, Outcome, Punkt, ReferatDocument, Vote, VoteCounts, VoteSide } from '../model';
import { NUMBERED_PARTY, PARTY_ALIASES } from '../vocabulary';
import { absentFor, recordedAbsences } from './attendance';

export { absentFor, decides, memberLabel, recordedAbsences, resolve } from './attendance';

export const SIDES: readonly VoteSide[] = ['for', 'against', 'abstain'];

export interface AbsentMember {
  name: string;
  party: string | null;
  /** Line where the absence is recorded (the absence sentence, or the attendee in the header), or null. */
  line: number | null;
}

/** Something in a vote that does not add up: each is a vote-tally finding. */
export type TallyProblem =
  /** A member counted on two sides (named twice, or named on one side and their party on another). */
  | { kind: 'twice'; member: Member; ref: NameRef | null; side: VoteSide; first: { ref: NameRef | null; side: VoteSide } }
  /** A member named as voting who is recorded absent. */
  | { kind: 'absent-voter'; member: Member; ref: NameRef; absence: NameRef | null }
  /** A stated number that is not the number of members the text names on that side. */
  | { kind: 'stated'; side: VoteSide; stated: number; named: number }
  /** The sides add up to more or fewer than the members present. */
  | { kind: 'total'; total: number; present: number; size: number }
  /** Members present who are on no side, when the text gives every side it names. */
  | { kind: 'unaccounted'; members: Member[] };

export interface VoteTally {
  /** Members per side; null when it cannot be known (a party the membership does not know, or no membership). */
  for: number | null;
  against: number | null;
  abstain: number | null;
  /** The numbers the text states, when it states any. */
  stated: VoteCounts | null;
  /** People named per side, as written. */
  names: Record<VoteSide, readonly NameRef[]>;
  /** Party letters per side, as written. */
  parties: Record<VoteSide, readonly string[]>;
  /** The members counted per side, when the membership knows them (named members and parties' members). */
  members: Record<VoteSide, readonly Member[]> | null;
  /** Parties written on a side that the membership has no member of (the side is then unknown). */
  unresolved: Record<VoteSide, readonly string[]>;
  /** The side the present members not named were counted on, when the text does not give it. */
  remainder: VoteSide | null;
  /** Members absent at the vote (not counting those who voted), or the absences recorded without a membership. */
  absentMembers: AbsentMember[];
  absent: number;
  /** Members present at the vote; null without a membership. */
  present: number | null;
  /** Members of the deciding committee; null without a membership. */
  size: number | null;
  /** True when the text states a number for a side. */
  counted: boolean;
  /** The outcome the numbers give: a simple majority of the votes cast adopts; a tie does not. Null when no vote for or against is known. */
  computed: Outcome | null;
  problems: TallyProblem[];
}

/** A party letter as the membership writes it: the configuration's alias, a known alias (`S` → A), or a numbered list's letter (`UP-1` → UP). */
export function partyLetter(written: string, aliases: Readonly<Record<string, string>> = {}): string {
  const letter = written.trim().toUpperCase();
  const alias = aliases[letter] ?? PARTY_ALIASES[letter];
  if (alias) return alias;
  const numbered = NUMBERED_PARTY.exec(letter);
  return numbered ? numbered[1] : letter;
}

/** The members of a committee a party letter means: members with that letter, else with the letter it stands for. */
function partyMembers(committee: CommitteeMembers, written: string, aliases: Readonly<Record<string, string>>): Member[] {
  const exact = committee.members.filter((m) => m.party === written);
  if (exact.length) return exact;
  const letter = partyLetter(written, aliases);
  return committee.members.filter((m) => m.party !== null && partyLetter(m.party, aliases) === letter);
}

/** The side the present members not named are counted on: the winning side, for unless the decision was rejected. */
function majoritySide(vote: Vote): VoteSide {
  return vote.outcome === 'forkastet' ? 'against' : 'for';
}

/** True when the text gives the side: by a name, a party, a number, or a label with nobody after it (`For stemte:`). */
function given(vote: Vote, side: VoteSide): boolean {
  return vote.sentences.some((s) => s.side === side);
}

export function computedOutcome(forCount: number | null, against: number | null): Outcome | null {
  if (forCount === null || against === null || forCount + against === 0) return null;
  return forCount > against ? 'vedtaget' : 'forkastet';
}

/** Worked out once per vote and membership: several consumers ask for the same vote. */
const tallies = new WeakMap<Vote, WeakMap<Membership | typeof NO_MEMBERSHIP, VoteTally>>();
const NO_MEMBERSHIP = {};

/** The tally of a vote of `item`; without a membership, only what the text says. */
export function tallyVote(doc: ReferatDocument, item: Punkt, vote: Vote, membership: Membership | null): VoteTally {
  let byMembership = tallies.get(vote);
  if (!byMembership) tallies.set(vote, (byMembership = new WeakMap()));
  const key = membership ?? NO_MEMBERSHIP;
  let tally = byMembership.get(key);
  if (!tally) byMembership.set(key, (tally = computeTally(doc, item, vote, membership)));
  return tally;
}

function computeTally(doc: ReferatDocument, item: Punkt, vote: Vote, membership: Membership | null): VoteTally {
  const committee = membership?.committee(vote.committee) ?? null;
  const parties = vote.parties ?? { for: [], against: [], abstain: [] };
  const names = { for: vote.for, against: vote.against, abstain: vote.abstain };
  const stated = vote.counts;
  const problems: TallyProblem[] = [];
  const base = {
    stated,
    names,
    parties,
    counted: stated !== null,
    problems,
  };
  if (!membership || !committee) {
    // Only what the text says: names count one each, a side with a party is unknown.
    const count = (side: VoteSide) => stated?.[side] ?? (vote.partyRefs[side].length ? null : names[side].length);
    const absentMembers = recordedAbsences(doc, vote.committee, item)
      .filter((a) => !SIDES.some((s) => names[s].some((n) => n.name === a.name)))
      .map((a) => ({ name: a.name, party: a.party, line: a.range.start.line }));
    const t = { for: count('for'), against: count('against'), abstain: count('abstain') };
    return {
      ...base,
      ...t,
      members: null,
      unresolved: { for: [], against: [], abstain: [] },
      remainder: null,
      absentMembers,
      absent: absentMembers.length,
      present: null,
      size: null,
      computed: computedOutcome(t.for, t.against),
    };
  }

  const absent = absentFor(doc, membership, vote.committee, item);
  const members: Record<VoteSide, Member[]> = { for: [], against: [], abstain: [] };
  const unresolved: Record<VoteSide, string[]> = { for: [], against: [], abstain: [] };
  const unknownNames: Record<VoteSide, number> = { for: 0, against: 0, abstain: 0 };
  const seen = new Map<Member, { ref: NameRef | null; side: VoteSide }>();
  // People first: a member named counts on the side named, whatever their party does.
  for (const side of SIDES) {
    for (const ref of names[side]) {
      const m = membership.resolve(committee, ref.name);
      if (!m) {
        unknownNames[side]++; // unknown-member says so; the voter still counts
        continue;
      }
      const earlier = seen.get(m);
      if (earlier) {
        problems.push({ kind: 'twice', member: m, ref, side, first: earlier });
        continue;
      }
      if (absent.has(m)) problems.push({ kind: 'absent-voter', member: m, ref, absence: absent.get(m) ?? null });
      seen.set(m, { ref, side });
      members[side].push(m);
    }
  }
  // Then parties: their members present and not named.
  const byParty = new Map<Member, VoteSide>();
  for (const side of SIDES) {
    for (const p of vote.partyRefs[side]) {
      const found = partyMembers(committee, p.letter, membership.partyAliases);
      if (!found.length) {
        if (!unresolved[side].includes(p.letter)) unresolved[side].push(p.letter);
        continue;
      }
      for (const m of found) {
        if (absent.has(m) || seen.get(m)?.ref) continue;
        const other = byParty.get(m);
        if (other === side) continue;
        if (other !== undefined) {
          problems.push({ kind: 'twice', member: m, ref: null, side, first: { ref: null, side: other } });
          continue;
        }
        byParty.set(m, side);
        seen.set(m, { ref: null, side });
        members[side].push(m);
      }
    }
  }

  const size = committee.members.length;
  let absentNotVoting = 0;
  for (const m of absent.keys()) if (!seen.has(m)) absentNotVoting++;
  const present = size - absentNotVoting;
  const counted = (side: VoteSide): number | null => (unresolved[side].length ? null : members[side].length + unknownNames[side]);
  const t: Record<VoteSide, number | null> = { for: null, against: null, abstain: null };
  for (const side of SIDES) {
    const named = counted(side);
    const number = stated?.[side];
    if (typeof number === 'number') {
      t[side] = number;
      // A number that is not the members named on that side, when the text names them.
      if (named !== null && named > 0 && named !== number) problems.push({ kind: 'stated', side, stated: number, named });
    } else t[side] = named;
  }
  const majority = majoritySide(vote);
  let remainder: VoteSide | null = null;
  const missing = committee.members.filter((m) => !seen.has(m) && !absent.has(m));
  if (!given(vote, majority)) {
    // `(Ø) stemte imod.`: everybody else present voted with the decision.
    remainder = majority;
    const others = SIDES.filter((s) => s !== majority).map((s) => t[s]);
    t[majority] = others.some((n) => n === null) ? null : Math.max(0, present - (others as number[]).reduce((a, b) => a + b, 0));
    members[majority].push(...missing);
  } else if (stated) {
    const known = SIDES.map((s) => t[s]);
    // A stated number that is not the members named says it already.
    if (known.every((n) => n !== null) && !problems.some((p) => p.kind === 'stated')) {
      const total = (known as number[]).reduce((a, b) => a + b, 0);
      if (total !== present) problems.push({ kind: 'total', total, present, size });
    }
  } else if (missing.length && SIDES.every((s) => t[s] !== null)) {
    problems.push({ kind: 'unaccounted', members: missing });
  }
  const absentMembers: AbsentMember[] = [];
  for (const [m, ref] of absent) {
    if (!seen.has(m)) absentMembers.push({ name: m.name, party: m.party, line: ref?.range.start.line ?? attendeeLine(doc, m) });
  }
  return {
    ...base,
    ...t,
    members,
    unresolved,
    remainder,
    absentMembers,
    absent: absentMembers.length,
    present,
    size,
    computed: computedOutcome(t.for, t.against),
  };
}

/** The line of the member in the attendee list, or null. */
function attendeeLine(doc: ReferatDocument, m: Member): number | null {
  const a = doc.meeting.attendees.find((x) => x.name === m.name || m.aliases.includes(x.name));
  return a ? a.range.start.line : null;
}

/** A side's count as people read it: the number, or `?` when it cannot be known. */
export function countText(n: number | null): string {
  return n === null ? '?' : String(n);
}

/** Every person named in a vote, on all sides, with the side. */
export function voters(vote: Vote): { ref: NameRef; side: 'for' | 'against' | 'abstain' }[] {
  return [
    ...vote.for.map((ref) => ({ ref, side: 'for' as const })),
    ...vote.against.map((ref) => ({ ref, side: 'against' as const })),
    ...vote.abstain.map((ref) => ({ ref, side: 'abstain' as const })),
  ];
}
