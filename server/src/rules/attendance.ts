// Who was there for a punkt: shared by vote-tally and quorum.
import type { CommitteeMembers, Member, Membership } from '../config/membership';
import type { NameRef, Punkt, ReferatDocument } from '../model';

/** The member a written name means: exact, alias, or a near spelling (unknown-member reports the spelling). */
export function resolve(membership: Membership, committee: CommitteeMembers, written: string): Member | null {
  return membership.find(committee, written) ?? membership.nearest(committee, written);
}

/**
 * Members of `committee` (null: the own one) absent for `item`: recorded absent from the meeting
 * under any punkt, absent from this punkt, or marked absent in the attendee list.
 */
export function absentFor(doc: ReferatDocument, membership: Membership, committee: string | null, item: Punkt): Map<Member, NameRef | null> {
  const members = membership.committee(committee);
  const absent = new Map<Member, NameRef | null>();
  if (!members) return absent;
  const same = (c: string | null) => (c ?? '') === (committee ?? '');
  for (const other of doc.items) {
    for (const a of other.absences) {
      if (!same(a.committee) || (a.scope === 'item' && other !== item)) continue;
      const m = resolve(membership, members, a.person.name);
      if (m && !absent.has(m)) absent.set(m, a.person);
    }
  }
  if (committee === null) for (const m of members.members) if (m.present === false && !absent.has(m)) absent.set(m, null);
  return absent;
}

/** True when the punkt records a decision (a vote, or a statement that approves, recommends or rejects) of the committee; taking note is not deciding. */
export function decides(item: Punkt, committee: string | null): boolean {
  const same = (c: string | null) => (c ?? '') === (committee ?? '');
  return item.votes.some((v) => same(v.committee)) || item.decisions.some((d) => same(d.committee) && d.kind !== 'other' && d.kind !== 'noted');
}

export function memberLabel(m: Member): string {
  return m.party ? `${m.name} (${m.party})` : m.name;
}
