// Each member's record over a period: the meetings of each committee they were listed for, attended
// and missed, how they voted, and their minority statements. People are told apart by name, their
// spellings joined by referat.config.json's names and aliases where there is one.
import { nameKey } from '../config/membership';
import type { ReferatConfig } from '../config/types';
import type { VoteSide } from '../model';
import type { Archive } from './archive';
import { type ArchivedName, type ArchivedReferat, votersOf } from './entry';

export interface Person {
  /** The configured name, else the first spelling met. */
  name: string;
  party: string | null;
  spellings: string[];
}

/** People by the key of every spelling: configured names and aliases first, then the names in the referater. */
export class People {
  private readonly byKey = new Map<string, Person>();
  readonly all: Person[] = [];

  constructor(config: ReferatConfig = {}) {
    for (const c of config.committees ?? []) {
      for (const m of c.members) {
        const person = this.byKey.get(nameKey(m.name)) ?? this.create(m.name, m.party ?? null);
        for (const alias of m.aliases ?? []) if (!this.byKey.has(nameKey(alias))) this.byKey.set(nameKey(alias), person);
      }
    }
  }

  private create(name: string, party: string | null): Person {
    const person: Person = { name, party, spellings: [] };
    this.byKey.set(nameKey(name), person);
    this.all.push(person);
    return person;
  }

  /** The person a written name means (made on first sight), the spelling noted. */
  of(ref: { name: string; party: string | null }): Person {
    const person = this.byKey.get(nameKey(ref.name)) ?? this.create(ref.name, ref.party);
    person.party ??= ref.party;
    if (!person.spellings.includes(ref.name)) person.spellings.push(ref.name);
    return person;
  }
}

export interface MinorityRecord {
  committee: string | null;
  date: string | null;
  punkt: number;
  title: string;
  text: string;
  file: string;
  line: number;
}

export interface CommitteeRecord {
  committee: string;
  /** Meetings whose attendee list names the member. */
  meetings: number;
  attended: number;
  missed: number;
  /** Dates of the meetings missed. */
  missedDates: string[];
  votes: Record<VoteSide, number>;
  minority: MinorityRecord[];
}

export interface MemberRecord extends Person {
  meetings: number;
  attended: number;
  missed: number;
  votes: Record<VoteSide, number>;
  minority: MinorityRecord[];
  committees: CommitteeRecord[];
}

export interface Period {
  /** `YYYY-MM-DD`, inclusive; null for no bound. */
  from?: string | null;
  to?: string | null;
}

export function inPeriod(referat: ArchivedReferat, period: Period): boolean {
  if (!period.from && !period.to) return true;
  if (!referat.date) return false;
  return (!period.from || referat.date >= period.from) && (!period.to || referat.date <= period.to);
}

/**
 * Whether a listed member missed the meeting: marked absent in the list, absent from the meeting in
 * a decision, or absent from every punkt (FirstAgenda lists everyone and repeats `Fraværende: <name>`
 * under each decision).
 */
function missedMeeting(referat: ArchivedReferat, attendee: ArchivedName & { absent: boolean }): boolean {
  if (attendee.absent) return true;
  const key = nameKey(attendee.name);
  const own = (a: { name: string; committee: string | null }) => a.committee === null && nameKey(a.name) === key;
  if (referat.punkter.some((p) => p.absences.some((a) => a.scope === 'meeting' && own(a)))) return true;
  const decided = referat.punkter.filter((p) => p.decision !== null);
  return decided.length > 0 && decided.every((p) => p.absences.some(own));
}

const noVotes = (): Record<VoteSide, number> => ({ for: 0, against: 0, abstain: 0 });

/**
 * One person's attendance at a committee's meetings over a period, for the member hover: the
 * meetings whose attendee list names them (by any of `spellings`), and those they attended.
 */
export function attendanceOf(archive: Archive, committee: string, period: Period, spellings: readonly string[]): { meetings: number; attended: number } {
  const keys = new Set(spellings.map(nameKey));
  let meetings = 0;
  let attended = 0;
  for (const referat of archive.meetingsOf(committee)) {
    if (!inPeriod(referat, period)) continue;
    const attendee = referat.attendees.find((a) => keys.has(nameKey(a.name)));
    if (!attendee) continue;
    meetings++;
    if (!missedMeeting(referat, attendee)) attended++;
  }
  return { meetings, attended };
}

/** Every member's record over the period, by name. */
export function memberRecords(archive: Archive, period: Period = {}, config: ReferatConfig = {}): MemberRecord[] {
  const people = new People(config);
  const records = new Map<Person, Map<string, CommitteeRecord>>();
  const recordOf = (person: Person, committee: string): CommitteeRecord => {
    let byCommittee = records.get(person);
    if (!byCommittee) records.set(person, (byCommittee = new Map()));
    let r = byCommittee.get(committee);
    if (!r) byCommittee.set(committee, (r = { committee, meetings: 0, attended: 0, missed: 0, missedDates: [], votes: noVotes(), minority: [] }));
    return r;
  };
  for (const referat of archive.referater()) {
    if (!inPeriod(referat, period)) continue;
    const committee = referat.committee ?? '';
    for (const a of referat.attendees) {
      const r = recordOf(people.of(a), committee);
      r.meetings++;
      if (missedMeeting(referat, a)) {
        r.missed++;
        if (referat.date) r.missedDates.push(referat.date);
      } else r.attended++;
    }
    for (const punkt of referat.punkter) {
      for (const vote of punkt.votes) if (vote.committee === null) for (const { voter, side } of votersOf(vote)) recordOf(people.of(voter), committee).votes[side]++;
    }
    for (const punkt of referat.punkter) {
      for (const m of punkt.minority) {
        for (const name of m.names) {
          recordOf(people.of(name), committee).minority.push({
            committee: referat.committee,
            date: referat.date,
            punkt: punkt.number,
            title: punkt.title,
            text: m.text,
            file: referat.uri,
            line: m.line,
          });
        }
      }
    }
  }
  const out: MemberRecord[] = [];
  for (const [person, byCommittee] of records) {
    const committees = [...byCommittee.values()].sort((a, b) => (a.committee < b.committee ? -1 : a.committee > b.committee ? 1 : 0));
    const sum = (f: (c: CommitteeRecord) => number) => committees.reduce((n, c) => n + f(c), 0);
    out.push({
      ...person,
      meetings: sum((c) => c.meetings),
      attended: sum((c) => c.attended),
      missed: sum((c) => c.missed),
      votes: { for: sum((c) => c.votes.for), against: sum((c) => c.votes.against), abstain: sum((c) => c.votes.abstain) },
      minority: committees.flatMap((c) => c.minority),
      committees,
    });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name, 'da'));
}
