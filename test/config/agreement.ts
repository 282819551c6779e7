// How far an inferred referat.config.json agrees with a reference one, member entry by member entry.
import { nameKey } from '../../server/src/config/membership';
import type { CommitteeConfig, MemberConfig, ReferatConfig } from '../../server/src/config/types';
import { fold } from '../../server/src/vocabulary';

export interface Agreement {
  /** Reference entries matched by an entry of the same person with the same party. */
  agreed: number;
  reference: number;
  inferred: number;
  /** Inferred entries that match no reference entry. */
  extra: number;
  /** agreed / (reference + extra): misses and additions both count against it. */
  share: number;
  /** Committees of the reference with no committee of the same name inferred. */
  missingCommittees: string[];
  /** Reference entries not matched, and inferred entries in excess, as `committee: name (party)`. */
  misses: string[];
  extras: string[];
  /** Of the matched entries: how many have the reference's role, and its from and to. */
  sameRole: number;
  sameDates: number;
}

/** A committee's name without a trailing election period, folded: `Byråd 2022-2025` is `byråd`. */
export const committeeKey = (name: string) => fold(name.replace(/\s+\d{4}\s*[-–]\s*\d{4}$/, ''));

const spellings = (m: MemberConfig) => new Set([m.name, ...(m.aliases ?? [])].map(nameKey));
const samePerson = (a: MemberConfig, b: MemberConfig) => {
  const other = spellings(b);
  return [...spellings(a)].some((k) => other.has(k));
};
const label = (c: CommitteeConfig, m: MemberConfig) => `${c.name}: ${m.name} (${m.party ?? '-'})${m.from ? ` from ${m.from}` : ''}${m.to ? ` to ${m.to}` : ''}`;

/**
 * Each reference entry is matched to at most one inferred entry of its committee, of the same
 * person (a name or alias in common) and the same party, the one nearest in dates first.
 */
export function agreement(inferred: ReferatConfig, reference: ReferatConfig): Agreement {
  const result: Agreement = { agreed: 0, reference: 0, inferred: 0, extra: 0, share: 0, missingCommittees: [], misses: [], extras: [], sameRole: 0, sameDates: 0 };
  const ours = new Map((inferred.committees ?? []).map((c) => [committeeKey(c.name), c]));
  for (const c of inferred.committees ?? []) result.inferred += c.members.length;
  const used = new Set<MemberConfig>();
  for (const ref of reference.committees ?? []) {
    result.reference += ref.members.length;
    const mine = ours.get(committeeKey(ref.name));
    if (!mine) result.missingCommittees.push(ref.name);
    for (const m of ref.members) {
      const candidates = (mine?.members ?? []).filter((o) => !used.has(o) && o.party === m.party && samePerson(o, m));
      const dateGap = (o: MemberConfig) => Number(o.from !== m.from) + Number(o.to !== m.to);
      const match = candidates.sort((a, b) => dateGap(a) - dateGap(b))[0];
      if (!match) {
        result.misses.push(label(ref, m));
        continue;
      }
      used.add(match);
      result.agreed++;
      if ((match.role ?? null) === (m.role ?? null)) result.sameRole++;
      if (dateGap(match) === 0) result.sameDates++;
    }
  }
  for (const c of inferred.committees ?? []) for (const m of c.members) if (!used.has(m)) result.extras.push(label(c, m));
  result.extra = result.extras.length;
  result.share = result.agreed / (result.reference + result.extra);
  return result;
}
