// Who sits on the committee that decides: from referat.config.json, matched by committee name,
// period and meeting date, with presence from the document's attendee list; without a configured
// committee, the attendee list (Mødedeltagere) is the membership.
import { distance } from 'fastest-levenshtein';
import type { ReferatDocument } from '../model';
import { fold, sameBody } from '../vocabulary';
import type { CommitteeConfig, MemberConfig, ReferatConfig } from './types';

export interface Member {
  name: string;
  party: string | null;
  role: string | null;
  aliases: string[];
  /** From the document's attendee list: false when marked absent, null when the list does not say. */
  present: boolean | null;
}

export interface CommitteeMembers {
  name: string;
  members: Member[];
  source: 'document' | 'config';
}

/**
 * The key names are compared by: case and spacing do not count, letters do (`Bährenz` is not
 * `Bæhrenz`: telling them apart is the point).
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/\s*-\s*/g, '-')
    .trim();
}

/** How far apart two spellings of one name may be: as the rules count it. */
export function nearEnough(a: string, b: string): boolean {
  const ka = nameKey(a);
  const kb = nameKey(b);
  return distance(ka, kb) <= Math.max(2, Math.floor(Math.min(ka.length, kb.length) / 6));
}

function periodYears(period: string | undefined): [number, number] | null {
  const m = period ? /(\d{4})\s*[-–]\s*(\d{4})/.exec(period) : null;
  return m ? [Number(m[1]), Number(m[2])] : null;
}

/** Finds the configured committee a document (or a joint item's statement) names; a period in either name does not count. */
export function findCommittee(config: ReferatConfig, name: string, period: string | null, date: string | null): CommitteeConfig | null {
  const committees = config.committees ?? [];
  let candidates = committees.filter((c) => fold(c.name) === fold(name));
  if (!candidates.length) candidates = committees.filter((c) => sameBody(c.name, name));
  if (candidates.length <= 1) return candidates[0] ?? null;
  const byPeriod = period ? candidates.find((c) => periodYears(c.period)?.join('-') === periodYears(period)?.join('-')) : undefined;
  if (byPeriod) return byPeriod;
  const year = date ? Number(date.slice(0, 4)) : NaN;
  const byDate = candidates.find((c) => {
    const y = periodYears(c.period);
    return y && year >= y[0] && year <= y[1];
  });
  return byDate ?? candidates[0];
}

function serving(m: MemberConfig, date: string | null): boolean {
  if (!date) return true;
  return (!m.from || m.from <= date) && (!m.to || m.to >= date);
}

function fromConfig(c: CommitteeConfig, date: string | null): CommitteeMembers {
  return {
    name: c.name,
    source: 'config',
    members: c.members.filter((m) => serving(m, date)).map((m) => ({ name: m.name, party: m.party ?? null, role: m.role ?? null, aliases: m.aliases ?? [], present: null })),
  };
}

export class Membership {
  /** The document's own committee, or null when neither the document nor the configuration names its members. */
  readonly own: CommitteeMembers | null;
  /** The configuration's party aliases (`{"S": "A"}`). */
  readonly partyAliases: Readonly<Record<string, string>>;
  private readonly others = new Map<string, CommitteeMembers | null>();

  constructor(
    private readonly doc: ReferatDocument,
    private readonly config: ReferatConfig = {},
  ) {
    this.partyAliases = config.partyAliases ?? {};
    const m = doc.meeting;
    const configured = m.committee ? findCommittee(config, m.committee, m.period, m.date) : null;
    if (configured) {
      // The configuration says who the members are and how they are spelled; the attendee list,
      // where there is one, says who was there (its names are checked by unknown-member).
      const own = fromConfig(configured, m.date);
      for (const a of m.attendees) {
        const member = this.find(own, a.name) ?? this.nearest(own, a.name);
        if (member) member.present = !a.absent;
      }
      this.own = own;
    } else if (m.attendees.length) {
      this.own = {
        name: m.committee ?? '',
        source: 'document',
        members: m.attendees.map((a) => ({ name: a.name, party: a.party, role: a.role, aliases: [], present: !a.absent })),
      };
    } else this.own = null;
  }

  /** The members of a committee: null names the document's own. Null when it is not known. */
  committee(name: string | null): CommitteeMembers | null {
    if (name === null) return this.own;
    // Asked for every vote and name: the answer by the name as written saves folding it each time.
    const known = this.byWrittenName.get(name);
    if (known !== undefined) return known;
    const key = fold(name);
    if (!this.others.has(key)) {
      const c = findCommittee(this.config, name, null, this.doc.meeting.date);
      this.others.set(key, c ? fromConfig(c, this.doc.meeting.date) : null);
    }
    const found = this.others.get(key)!;
    this.byWrittenName.set(name, found);
    return found;
  }
  private readonly byWrittenName = new Map<string, CommitteeMembers | null>();

  /** Every spelling of every member (name and aliases) by its key, worked out once per committee. */
  private spellings(committee: CommitteeMembers): Map<string, Member> {
    let keys = this.keysOf.get(committee);
    if (!keys) {
      keys = new Map();
      for (const m of committee.members) {
        for (const n of [m.name, ...m.aliases]) if (!keys.has(nameKey(n))) keys.set(nameKey(n), m);
      }
      this.keysOf.set(committee, keys);
    }
    return keys;
  }
  private readonly keysOf = new WeakMap<CommitteeMembers, Map<string, Member>>();
  /** Answers of `resolve`, per committee and written name: a long referat names the same people again and again. */
  private readonly resolved = new WeakMap<CommitteeMembers, Map<string, Member | null>>();

  /** `nameKey` of written names, worked out once each: the same names come again and again. */
  private keyOf(written: string): string {
    let key = this.keys.get(written);
    if (key === undefined) this.keys.set(written, (key = nameKey(written)));
    return key;
  }
  private readonly keys = new Map<string, string>();
  /** Answers of `nearest`, per committee and name key. */
  private readonly nearestOf = new WeakMap<CommitteeMembers, Map<string, Member | null>>();

  /** The member a written name means, by name or alias; null when none. */
  find(committee: CommitteeMembers, written: string): Member | null {
    return this.spellings(committee).get(this.keyOf(written)) ?? null;
  }

  /** The member whose name is closest to a written one, when it is close enough to be a misspelling. */
  nearest(committee: CommitteeMembers, written: string): Member | null {
    const key = this.keyOf(written);
    let answers = this.nearestOf.get(committee);
    if (!answers) this.nearestOf.set(committee, (answers = new Map()));
    let answer = answers.get(key);
    if (answer === undefined) answers.set(key, (answer = this.nearestByKey(committee, key)));
    return answer;
  }

  private nearestByKey(committee: CommitteeMembers, key: string): Member | null {
    let best: Member | null = null;
    let bestDistance = Infinity;
    for (const [spelling, m] of this.spellings(committee)) {
      const d = distance(key, spelling);
      if (d < bestDistance) {
        best = m;
        bestDistance = d;
      }
    }
    return best && bestDistance <= Math.max(2, Math.floor(key.length / 6)) ? best : null;
  }

  /** The member a written name means: exact, alias, or a near spelling. */
  resolve(committee: CommitteeMembers, written: string): Member | null {
    let answers = this.resolved.get(committee);
    if (!answers) this.resolved.set(committee, (answers = new Map()));
    if (!answers.has(written)) answers.set(written, this.find(committee, written) ?? this.nearest(committee, written));
    return answers.get(written)!;
  }
}
