// The decisions as open data: meetings, punkter, decisions, votes and each member's vote, people and
// memberships, as tables (JSON, CSV) and as Popolo (VoteEvent, Count, Vote, Person, Organization,
// Membership). The schemas are in docs/export.md.
import type { ReferatConfig } from '../config/types';
import { bodyKey } from '../vocabulary';
import type { Archive } from './archive';
import { votersOf } from './entry';
import { People, type Period, type Person, inPeriod } from './members';

export interface ExportTables {
  meetings: Array<{ id: string; file: string; committee: string | null; date: string | null; time: string | null; title: string | null; attendees: number; absent: number }>;
  punkter: Array<{ id: string; meeting_id: string; number: number; title: string; case_number: string | null; access: string | null; line: number }>;
  decisions: Array<{ punkt_id: string; meeting_id: string; first_line: string | null; text: string | null; line: number | null }>;
  votes: Array<{
    id: string;
    punkt_id: string;
    meeting_id: string;
    line: number;
    subject: string | null;
    outcome: string | null;
    for: number;
    against: number;
    abstain: number;
    counted: boolean;
  }>;
  member_votes: Array<{ vote_id: string; person_id: string; name: string; party: string | null; option: 'for' | 'against' | 'abstain' }>;
  persons: Array<{ id: string; name: string; party: string | null; spellings: string[] }>;
  memberships: Array<{ person_id: string; organization: string; role: string | null; first_meeting: string | null; last_meeting: string | null; meetings: number }>;
}

/** `Økonomiudvalget` → `oekonomiudvalget`: ids in ASCII, as URLs and spreadsheets like them. */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function exportTables(archive: Archive, period: Period = {}, config: ReferatConfig = {}): ExportTables {
  const people = new People(config);
  const personIds = new Map<Person, string>();
  const idOf = (person: Person) => {
    let id = personIds.get(person);
    if (!id) {
      id = `person-${slug(person.name)}`;
      while ([...personIds.values()].includes(id)) id += '-2';
      personIds.set(person, id);
    }
    return id;
  };
  const t: ExportTables = { meetings: [], punkter: [], decisions: [], votes: [], member_votes: [], persons: [], memberships: [] };
  const memberships = new Map<string, ExportTables['memberships'][number]>();
  const meetingIds = new Set<string>();
  for (const referat of archive.referater()) {
    if (!inPeriod(referat, period)) continue;
    let meetingId = `${slug(bodyKey(referat.committee ?? 'ukendt'))}-${referat.date ?? 'udateret'}${referat.time ? '-' + referat.time.replace(':', '') : ''}`;
    while (meetingIds.has(meetingId)) meetingId += '-2';
    meetingIds.add(meetingId);
    t.meetings.push({
      id: meetingId,
      file: referat.uri,
      committee: referat.committee,
      date: referat.date,
      time: referat.time,
      title: referat.title,
      attendees: referat.attendees.length,
      absent: referat.attendees.filter((a) => a.absent).length,
    });
    for (const a of referat.attendees) {
      const person = people.of(a);
      const key = `${idOf(person)}\u0000${referat.committee}`;
      const m = memberships.get(key);
      if (m) {
        m.last_meeting = referat.date ?? m.last_meeting;
        m.meetings++;
        m.role ??= a.role;
      } else
        memberships.set(key, {
          person_id: idOf(person),
          organization: referat.committee ?? '',
          role: a.role,
          first_meeting: referat.date,
          last_meeting: referat.date,
          meetings: 1,
        });
    }
    referat.punkter.forEach((punkt, i) => {
      const punktId = `${meetingId}-p${punkt.number}${referat.punkter.findIndex((p) => p.number === punkt.number) === i ? '' : `-${i + 1}`}`;
      t.punkter.push({ id: punktId, meeting_id: meetingId, number: punkt.number, title: punkt.title, case_number: punkt.caseNumber, access: punkt.access, line: punkt.line + 1 });
      t.decisions.push({
        punkt_id: punktId,
        meeting_id: meetingId,
        first_line: punkt.decisionFirstLine,
        text: punkt.decision,
        line: punkt.decisionLine === null ? null : punkt.decisionLine + 1,
      });
      punkt.votes.forEach((vote, v) => {
        if (vote.committee !== null) return;
        const voteId = `${punktId}-v${v + 1}`;
        const named = votersOf(vote);
        const side = (s: 'for' | 'against' | 'abstain') => vote.counts?.[s] ?? named.filter((x) => x.side === s).length;
        t.votes.push({
          id: voteId,
          punkt_id: punktId,
          meeting_id: meetingId,
          line: vote.line + 1,
          subject: vote.subject,
          outcome: vote.outcome,
          for: side('for'),
          against: side('against'),
          abstain: side('abstain'),
          counted: vote.counts !== null,
        });
        for (const { voter, side: option } of named) {
          const person = people.of(voter);
          t.member_votes.push({ vote_id: voteId, person_id: idOf(person), name: person.name, party: voter.party ?? person.party, option });
        }
      });
    });
  }
  for (const [person, id] of personIds) t.persons.push({ id, name: person.name, party: person.party, spellings: person.spellings });
  t.persons.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  t.memberships = [...memberships.values()];
  return t;
}

/** One table as CSV (RFC 4180: fields with a comma, quote or line break quoted; CRLF line ends, as spreadsheets expect). */
export function toCsv(rows: ReadonlyArray<Record<string, unknown>>, columns?: string[]): string {
  const cols = columns ?? (rows[0] ? Object.keys(rows[0]) : []);
  const cell = (v: unknown): string => {
    const s = v === null || v === undefined ? '' : Array.isArray(v) ? v.join('; ') : String(v);
    return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [cols.join(','), ...rows.map((r) => cols.map((c) => cell(r[c])).join(','))].join('\r\n') + '\r\n';
}

/** The column names of each table, for CSV files of tables without rows. */
export const TABLE_COLUMNS: Record<keyof ExportTables, string[]> = {
  meetings: ['id', 'file', 'committee', 'date', 'time', 'title', 'attendees', 'absent'],
  punkter: ['id', 'meeting_id', 'number', 'title', 'case_number', 'access', 'line'],
  decisions: ['punkt_id', 'meeting_id', 'first_line', 'text', 'line'],
  votes: ['id', 'punkt_id', 'meeting_id', 'line', 'subject', 'outcome', 'for', 'against', 'abstain', 'counted'],
  member_votes: ['vote_id', 'person_id', 'name', 'party', 'option'],
  persons: ['id', 'name', 'party', 'spellings'],
  memberships: ['person_id', 'organization', 'role', 'first_meeting', 'last_meeting', 'meetings'],
};

/**
 * Copenhagen's offset from UTC on a date: +02:00 from the last Sunday of March to the last Sunday of
 * October (summer time), else +01:00. At the switch hours themselves no meeting is held.
 */
export function copenhagenOffset(date: string): string {
  const year = Number(date.slice(0, 4));
  const lastSunday = (month: number) => {
    const last = new Date(Date.UTC(year, month + 1, 0));
    return last.getUTCDate() - last.getUTCDay();
  };
  const month = Number(date.slice(5, 7)) - 1;
  const day = Number(date.slice(8, 10));
  const summer = (month > 2 && month < 9) || (month === 2 && day >= lastSunday(2)) || (month === 9 && day < lastSunday(9));
  return summer ? '+02:00' : '+01:00';
}

const POPOLO_OPTION = { for: 'yes', against: 'no', abstain: 'abstain' } as const;

/** The export in Popolo's terms: one JSON document of persons, organizations, memberships and vote events. */
export function toPopolo(t: ExportTables) {
  const orgId = (name: string) => `org-${slug(bodyKey(name || 'ukendt'))}`;
  const organizations = new Map<string, { id: string; name: string; classification: string }>();
  const org = (name: string, classification: string) => {
    const id = classification === 'party' ? `party-${slug(name)}` : orgId(name);
    if (!organizations.has(id)) organizations.set(id, { id, name, classification });
    return id;
  };
  const meetings = new Map(t.meetings.map((m) => [m.id, m]));
  const punkter = new Map(t.punkter.map((p) => [p.id, p]));
  const memberships = t.memberships.map((m, i) => ({
    id: `membership-${i + 1}`,
    person_id: m.person_id,
    organization_id: org(m.organization, /råd|kommunalbestyrelse/i.test(m.organization) ? 'council' : 'committee'),
    role: m.role,
    start_date: m.first_meeting,
    end_date: m.last_meeting,
  }));
  for (const p of t.persons) {
    if (p.party)
      memberships.push({ id: `membership-${memberships.length + 1}`, person_id: p.id, organization_id: org(p.party, 'party'), role: null, start_date: null, end_date: null });
  }
  const votesByEvent = new Map<string, ExportTables['member_votes']>();
  for (const v of t.member_votes) {
    const list = votesByEvent.get(v.vote_id);
    if (list) list.push(v);
    else votesByEvent.set(v.vote_id, [v]);
  }
  const voteEvents = t.votes.map((v) => {
    const meeting = meetings.get(v.meeting_id)!;
    const punkt = punkter.get(v.punkt_id)!;
    return {
      id: v.id,
      organization_id: org(meeting.committee ?? '', /råd|kommunalbestyrelse/i.test(meeting.committee ?? '') ? 'council' : 'committee'),
      identifier: `${meeting.date ?? ''} punkt ${punkt.number}`.trim(),
      classification: v.subject,
      start_date: meeting.date ? `${meeting.date}T${meeting.time ?? '00:00'}:00${copenhagenOffset(meeting.date)}` : null,
      result: v.outcome === 'vedtaget' ? 'pass' : v.outcome === 'forkastet' ? 'fail' : null,
      counts: (['for', 'against', 'abstain'] as const).map((side) => ({ option: POPOLO_OPTION[side], value: v[side] })),
      votes: (votesByEvent.get(v.id) ?? []).map((mv) => ({
        voter_id: mv.person_id,
        option: POPOLO_OPTION[mv.option],
        ...(mv.party ? { group_id: org(mv.party, 'party') } : {}),
      })),
    };
  });
  return {
    persons: t.persons.map((p) => ({ id: p.id, name: p.name, other_names: p.spellings.filter((s) => s !== p.name).map((name) => ({ name })) })),
    organizations: [...organizations.values()],
    memberships,
    vote_events: voteEvents,
  };
}
