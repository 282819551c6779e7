// Who was there for a punkt: the deciding committee's members, minus those recorded absent from the
// meeting (under any punkt, marked absent in the attendee list, or not in it) or from this punkt.
import { type CommitteeMembers, type Member, type Membership, nearEnough } from '../config/membership';
import type { NameRef, Punkt, ReferatDocument } from '../model';

/** The member a written name means: exact, alias, or a near spelling (unknown-member reports the spelling). */
export function resolve(membership: Membership, committee: CommitteeMembers, written: string): Member | null {
  return membership.resolve(committee, written);
}

/** Per document and committee: who is absent from the whole meeting (worked out once, not per punkt). */
const meetingAbsences = new WeakMap<Membership, Map<string, Map<Member, NameRef | null>>>();

function absentFromMeeting(doc: ReferatDocument, membership: Membership, committee: string | null, members: CommitteeMembers): Map<Member, NameRef | null> {
  let byCommittee = meetingAbsences.get(membership);
  if (!byCommittee) meetingAbsences.set(membership, (byCommittee = new Map()));
  const key = committee ?? '';
  let absent = byCommittee.get(key);
  if (absent) return absent;
  absent = new Map();
  for (const item of doc.items) {
    for (const a of item.absences) {
      if ((a.committee ?? '') !== key || a.scope !== 'meeting') continue;
      const m = membership.resolve(members, a.person.name);
      if (m && !absent.has(m)) absent.set(m, a.person);
    }
  }
  if (committee === null) {
    // An attendee list that names who was there: a configured member it does not name was not there
    // (a stand-in recorded under a punkt is there for that punkt).
    const listed = members.source === 'config' && doc.meeting.attendees.some((a) => !a.absent);
    const standIns = new Set<Member>();
    for (const item of doc.items) {
      for (const s of item.standIns ?? []) {
        const m = s.committee === null ? membership.resolve(members, s.person.name) : null;
        if (m) standIns.add(m);
      }
    }
    for (const m of members.members) {
      if (absent.has(m) || standIns.has(m)) continue;
      if (m.present === false || (listed && m.present === null)) absent.set(m, null);
    }
  }
  byCommittee.set(key, absent);
  return absent;
}

/**
 * Members of `committee` (null: the own one) absent for `item`: recorded absent from the meeting
 * under any punkt, absent from this punkt, or marked absent in the attendee list. A member who sits
 * in for an absent one (`(Stedfortræder: Conni Bergendorff)`) is there.
 */
export function absentFor(doc: ReferatDocument, membership: Membership, committee: string | null, item: Punkt): Map<Member, NameRef | null> {
  const members = membership.committee(committee);
  if (!members) return new Map();
  const fromMeeting = absentFromMeeting(doc, membership, committee, members);
  // A copy only for a punkt with absences of its own (asked for every vote: most have none).
  let absent: Map<Member, NameRef | null> | null = null;
  const key = committee ?? '';
  for (const a of item.absences) {
    if (a.scope !== 'item' || (a.committee ?? '') !== key) continue;
    absent ??= new Map(fromMeeting);
    const m = membership.resolve(members, a.person.name);
    if (m && !absent.has(m)) absent.set(m, a.person);
    const sub = a.substitute ? membership.resolve(members, a.substitute.name) : null;
    if (sub) absent.delete(sub);
  }
  return absent ?? fromMeeting;
}

/** Without a membership: the absences recorded for the committee (from the meeting under any punkt, or from this punkt), each name once. */
export function recordedAbsences(doc: ReferatDocument, committee: string | null, item: Punkt): NameRef[] {
  const same = (c: string | null) => (c ?? '') === (committee ?? '');
  const out: NameRef[] = [];
  const add = (ref: NameRef) => {
    if (!out.some((n) => nearEnough(n.name, ref.name))) out.push(ref);
  };
  for (const other of doc.items) {
    for (const a of other.absences) if (same(a.committee) && (a.scope === 'meeting' || other === item)) add(a.person);
  }
  if (committee === null) {
    for (const a of doc.meeting.attendees) if (a.absent) add({ name: a.name, range: a.range, party: a.party, partyRange: null, role: a.role });
  }
  return out;
}

/** True when the punkt records a decision (a vote, or a statement that approves, recommends or rejects) of the committee; taking note is not deciding. */
export function decides(item: Punkt, committee: string | null): boolean {
  const same = (c: string | null) => (c ?? '') === (committee ?? '');
  return item.votes.some((v) => same(v.committee)) || item.decisions.some((d) => same(d.committee) && d.kind !== 'other' && d.kind !== 'noted');
}

export function memberLabel(m: Member): string {
  return m.party ? `${m.name} (${m.party})` : m.name;
}
