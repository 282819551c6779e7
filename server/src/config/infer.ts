// `referat init`: a referat.config.json worked out from the minutes themselves, over the document
// model the reader makes of each referat (committee, date, attendees; the names in votes, absences
// and proposals) and the `Name (X)` mentions in the text.
//
// - Committees: one for each committee name and election period (the title's, else the four-year
//   period of the meeting's date).
// - Members: the people on the committee's attendance lists (present or absent) who are listed at
//   most of its meetings between the first and the last one they are listed at. A committee
//   without any attendance list takes the names of its own votes and absences instead.
// - People: one spelling and its variants (a hyphen or a dot more or less, a middle name left out,
//   a letter or two off) are one person, unless two of them stand on the same list: variants
//   become `aliases`.
// - Parties: from `Name (X)` wherever a member is named (the lists, votes, absences, any sentence).
//   A party letter met in only one or two documents against another met in many is taken for a
//   slip; a real change of party splits the member into one entry for each party.
// - `from` / `to`: the first and last meeting a member is listed at, where that is not the
//   committee's first or last meeting.
// - Roles: formand, næstformand (borgmester and viceborgmester in a city council and its finance
//   committee) and rådmand, from a role word before a member's name: one the reader found (in a
//   vote, an absence, the list), or one in the text in two documents at least.
// Whatever it had to guess is returned as notes, for `referat init` to print.
import { distance } from 'fastest-levenshtein';
import { type Locale, type Messages, translator } from '../i18n';
import type { NameRef, ReferatDocument } from '../model';
import { fold } from '../vocabulary';
import { nameKey } from './membership';
import type { CommitteeConfig, MemberConfig, ReferatConfig } from './types';

export interface InitSource {
  /** As shown in notes. */
  file: string;
  doc: ReferatDocument;
  text: string;
}

export const INIT_NOTES = {
  noCommittee: {
    en: '{file}: no committee in its title; left out',
    da: '{file}: intet udvalg i titlen; udeladt',
  },
  noDate: {
    en: '{file}: no meeting date; its attendees count, but not for from/to',
    da: '{file}: ingen mødedato; deltagerne tæller med, men ikke for from/to',
  },
  noLists: {
    en: '{committee}: no attendance lists; the members are the names in its votes and absences (meetings: {count}); check them',
    da: '{committee}: ingen deltagerlister; medlemmerne er navnene i udvalgets afstemninger og fravær (møder: {count}); kontrollér dem',
  },
  outlier: {
    en: "{committee}: the attendance list of {file} names few of the committee's usual members; left out",
    da: '{committee}: deltagerlisten i {file} har få af udvalgets faste medlemmer; udeladt',
  },
  rarelyListed: {
    en: '{committee}: {name} is listed at {count} of {span} meetings from {from} to {to}; left out (a substitute?)',
    da: '{committee}: {name} står på listen ved {count} af {span} møder fra {from} til {to}; udeladt (en stedfortræder?)',
  },
  once: {
    en: '{committee}: {name} is listed at one meeting only ({date}); kept with from/to that day (a substitute?)',
    da: '{committee}: {name} står kun på listen ved ét møde ({date}); medtaget med from/to den dag (en stedfortræder?)',
  },
  noParty: {
    en: '{name}: no party letter found (no “{name} (X)” anywhere)',
    da: '{name}: intet partibogstav fundet (intet “{name} (X)” nogen steder)',
  },
  partySlip: {
    en: '{name}: ({party}) in {count} document(s) only ({files}), ({main}) elsewhere; taken for ({main})',
    da: '{name}: ({party}) kun i {count} dokument(er) ({files}), ellers ({main}); regnet som ({main})',
  },
  partyChange: {
    en: '{name}: party ({from}) until {until}, then ({to}); one member entry for each',
    da: '{name}: parti ({from}) til {until}, derefter ({to}); én medlemsindgang for hvert',
  },
  aliases: {
    en: '{name}: also written {spellings}; kept as aliases (delete the misspellings)',
    da: '{name}: også skrevet {spellings}; gemt som aliases (slet stavefejlene)',
  },
  roleConflict: {
    en: '{committee}: {name} is called {roles}; no role written',
    da: '{committee}: {name} kaldes {roles}; ingen rolle skrevet',
  },
} as const satisfies Messages;

export type InitNoteCode = keyof typeof INIT_NOTES;

/** The notes as lines to read, indented under a heading, in the reader's language. */
export function noteLines(notes: readonly InitNote[], locale: Locale): string[] {
  const t = translator(INIT_NOTES, locale);
  return notes.map((n) => `  ${t(n.code, n.args)}`);
}

export interface InitNote {
  code: InitNoteCode;
  args: Record<string, string | number>;
}

export interface InitResult {
  config: ReferatConfig;
  notes: InitNote[];
  /** Referater that gave a meeting of a committee. */
  meetings: number;
  /** Member entries written, over all committees. */
  members: number;
}

/** Letters written for a party that the ballot calls otherwise (S for Socialdemokratiet's A, SF for F). */
const PARTY_SPELLINGS: Record<string, string> = { S: 'A', SF: 'F' };

/** `UP-1`, `UP2` → UP; `S` → A; null when it is no party letter the schema allows. */
export function partyLetter(written: string | null | undefined): string | null {
  if (!written) return null;
  const letters = written
    .trim()
    .toUpperCase()
    .replace(/\s*-?\s*\d+$/, '');
  const party = PARTY_SPELLINGS[letters] ?? letters;
  return /^[A-ZÆØÅ]{1,3}$/.test(party) ? party : null;
}

/** The four-year election period of a date (terms start 1 January 2018, 2022, 2026, ...). */
export function electionPeriod(date: string): string {
  const start = 2022 + 4 * Math.floor((Number(date.slice(0, 4)) - 2022) / 4);
  return `${start}-${start + 3}`;
}

const PERIOD_SUFFIX = /\s+(\d{4})\s*[-–]\s*(\d{4})$/;

/** The role a role word gives a member of this committee, if any. */
export function roleOf(word: string | null, committee: string): string | null {
  if (!word) return null;
  const w = fold(word);
  const council = /byråd|kommunalbestyrelse|borgerrepræsentation|regionsråd/.test(fold(committee));
  if (/^(udvalgs)?formand(en)?$/.test(w)) return 'formand';
  if (/^næstformand(en)?$/.test(w)) return 'næstformand';
  if (/^borgmester(en)?$/.test(w)) return council || /økonomiudvalg/.test(fold(committee)) ? 'formand' : null;
  if (/^viceborgmester(en)?$/.test(w)) return council ? 'næstformand' : null;
  if (/^rådmand(en)?$/.test(w)) return 'rådmand';
  return null;
}

const ROLE_ORDER = ['formand', 'næstformand', 'rådmand'];

// --- names -------------------------------------------------------------------------------------

/** Case, spacing, dots and hyphens do not count: `John T Olsen` is `John T. Olsen`, `Anne-Marie` is `Anne Marie`. */
function looseKey(name: string): string {
  return nameKey(name).replace(/\./g, ' ').replace(/-/g, ' ').replace(/\s+/g, ' ').trim();
}

function isSubsequence(short: readonly string[], long: readonly string[]): boolean {
  let i = 0;
  for (const word of long) if (word === short[i]) i++;
  return i === short.length;
}

/**
 * How two spellings may be one person's: `same` (they differ in case, spacing, dots or hyphens
 * only), `close` (a middle name left out, or a letter or two off), or null.
 */
export function nameLikeness(a: string, b: string): 'same' | 'close' | null {
  const la = looseKey(a);
  const lb = looseKey(b);
  if (la === lb) return 'same';
  const ta = la.split(' ');
  const tb = lb.split(' ');
  const [short, long] = ta.length <= tb.length ? [ta, tb] : [tb, ta];
  if (short.length >= 2 && short.length < long.length && short[0] === long[0] && short.at(-1) === long.at(-1) && isSubsequence(short, long)) return 'close';
  // One letter in short names, two in long ones: `Claus Jensen` is not `Claus Hansen`.
  const limit = Math.min(la.length, lb.length) >= 15 ? 2 : 1;
  if (ta.length >= 2 && tb.length >= 2 && la[0] === lb[0] && distance(la, lb) <= limit) return 'close';
  return null;
}

interface Spelling {
  written: string;
  /** Attendance lists (or, without lists, votes) it stands on. */
  lists: number;
  /** Times it is written in all: the lists, votes, absences, `Name (X)`. */
  uses: number;
}

interface Person {
  spellings: Map<string, Spelling>;
  /** Party letters as met: one per document and letter. */
  parties: Map<string, { date: string | null; party: string; file: string }>;
  /** Role words per committee key: role → the documents it is read in, from the model or the text. */
  roles: Map<string, Map<string, { model: Set<string>; text: Set<string> }>>;
}

function canonical(person: Person): string {
  let best: Spelling | null = null;
  for (const s of person.spellings.values()) {
    if (!best || s.lists > best.lists || (s.lists === best.lists && (s.uses > best.uses || (s.uses === best.uses && s.written.length > best.written.length)))) best = s;
  }
  return best!.written;
}

/** Everyone on the lists, each spelling once, with the spellings two lists put side by side kept apart. */
class People {
  readonly all: Person[] = [];
  private readonly byKey = new Map<string, Person>();
  private readonly byLoose = new Map<string, Person>();
  private readonly resolved = new Map<string, { person: Person; likeness: 'same' | 'close' } | null>();

  /**
   * Builds the people from the spellings on lists, the most listed spellings first. Two spellings
   * on one attendance list are two people; the names of one meeting's votes (`strict` false) may
   * spell one person two ways.
   */
  constructor(lists: ReadonlyArray<{ names: readonly string[]; strict: boolean }>) {
    const counts = new Map<string, { written: string; lists: number }>();
    const together = new Set<string>();
    for (const list of lists) {
      // Each spelling once per list: a list that names someone twice does not count twice.
      const keys = new Map(list.names.map((written) => [nameKey(written), written]));
      for (const [key, written] of keys) {
        const known = counts.get(key);
        if (known) known.lists++;
        else counts.set(key, { written, lists: 1 });
        if (list.strict) for (const other of keys.keys()) if (other !== key) together.add(`${key}\u0000${other}`);
      }
    }
    const ordered = [...counts.entries()].sort(([ka, a], [kb, b]) => b.lists - a.lists || (ka < kb ? -1 : ka > kb ? 1 : 0));
    for (const [key, { written, lists: n }] of ordered) {
      const candidates = this.all.filter(
        (p) => [...p.spellings.keys()].every((k) => !together.has(`${k}\u0000${key}`)) && [...p.spellings.values()].some((s) => nameLikeness(s.written, written)),
      );
      const person = candidates[0] ?? this.add();
      person.spellings.set(key, { written, lists: n, uses: 0 });
      this.byKey.set(key, person);
      if (!this.byLoose.has(looseKey(written))) this.byLoose.set(looseKey(written), person);
    }
  }

  private add(): Person {
    const person: Person = { spellings: new Map(), parties: new Map(), roles: new Map() };
    this.all.push(person);
    return person;
  }

  /** The person on the lists a written name means, if exactly one. */
  resolve(written: string): { person: Person; likeness: 'same' | 'close' } | null {
    const known = this.resolved.get(written);
    if (known !== undefined) return known;
    let answer: { person: Person; likeness: 'same' | 'close' } | null = null;
    const exact = this.byKey.get(nameKey(written)) ?? this.byLoose.get(looseKey(written));
    if (exact) answer = { person: exact, likeness: 'same' };
    else if (/\s/.test(written.trim())) {
      const close = this.all.filter((p) => [...p.spellings.values()].some((s) => s.lists > 0 && nameLikeness(s.written, written)));
      if (close.length === 1) answer = { person: close[0], likeness: 'close' };
    }
    this.resolved.set(written, answer);
    return answer;
  }

  /** The person a listed spelling belongs to (every listed spelling has one). */
  listed(written: string): Person {
    return this.byKey.get(nameKey(written))!;
  }
}

// --- `Name (X)` in the text --------------------------------------------------------------------

const PARTY_IN_PARENS = /\(\s*([A-ZÆØÅ]{1,3}(?:\s*-?\s*\d)?)\s*\)/g;
const NAME_WORD = /^(?:[A-ZÆØÅÉ][\p{L}'’]*\.?|[A-ZÆØÅÉ]\.)(?:-[\p{L}][\p{L}'’]*)*$/u;
const PARTICLE = /^(?:af|de|den|der|la|le|van|von|du|di|da)$/;

interface Mention {
  written: string;
  party: string | null;
  /** The word before the name, when it may be a role word. */
  role: string | null;
  /** Said of the meeting's own committee (not of another one in a joint item). */
  own: boolean;
  /** Found by this module's scan of the text, not by the reader. */
  fromText?: boolean;
}

/** Names followed by a party letter in parentheses: the capitalised words just before `(X)`. */
function partyMentions(text: string): Mention[] {
  const out: Mention[] = [];
  for (const match of text.matchAll(PARTY_IN_PARENS)) {
    const at = match.index ?? 0;
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    const before = text.slice(Math.max(lineStart, at - 120), at).replace(/[\s,]+$/, '');
    const words = before.split(/\s+/);
    const name: string[] = [];
    while (words.length && name.length < 6) {
      const word = words.at(-1)!;
      if (NAME_WORD.test(word) || (name.length && PARTICLE.test(word))) name.unshift(words.pop()!);
      else break;
    }
    while (name.length && PARTICLE.test(name[0])) name.shift();
    if (name.length < 2) continue;
    // `næstformanden, Claus Jensen (V)`: the role word before the name.
    const role = words.at(-1)?.replace(/,$/, '') ?? null;
    out.push({ written: name.join(' '), party: match[1], role: role && ROLE_WORD.test(role) ? role : null, own: true, fromText: true });
  }
  return out;
}

const ROLE_WORD = /^(?:udvalgs|næst|vice)?(?:formand|borgmester|rådmand)(?:en)?$/iu;
const ROLE_BEFORE_NAME =
  /(?<!\p{L})((?:[Uu]dvalgs|[Nn]æst|[Vv]ice)?(?:[Ff]ormand|[Bb]orgmester|[Rr]ådmand)(?:en)?),?[ \t]+((?:[A-ZÆØÅÉ][\p{L}'’.-]*[ \t]+){1,4}[A-ZÆØÅÉ][\p{L}'’-]*)/gu;

/** A genitive before the role word: another body's chair (`Støjrådets formand`), unless it is the council's or the committee's own. */
const OTHER_BODY = /(?<!\p{L})(?!(?:kommunens|kommunes|byrådets|udvalgets)\s)\p{L}{4,}s\s+$/iu;

/** `borgmester Pernille Beckmann`, `næstformanden, Claus Jensen`: a role word and the capitalised words after it. */
function roleMentions(text: string): Mention[] {
  const out: Mention[] = [];
  for (const match of text.matchAll(ROLE_BEFORE_NAME)) {
    const at = match.index ?? 0;
    if (OTHER_BODY.test(text.slice(Math.max(0, at - 40), at))) continue;
    out.push({ written: match[2], party: null, role: match[1], own: true, fromText: true });
  }
  return out;
}

/**
 * The person a mention names. `Formand Karen Vestergaard` is tried as written, then without its
 * first words (which may be a role word: `before`); a spelling the lists have wins over a near one.
 */
function personNamed(people: People, mention: string): { person: Person; likeness: 'same' | 'close'; written: string; before: string | null } | null {
  const words = mention.replace(/\s+/g, ' ').trim().split(' ');
  let close: ReturnType<typeof personNamed> = null;
  for (let i = 0; i + 2 <= words.length; i++) {
    let written = words.slice(i).join(' ');
    let found = people.resolve(written);
    // `Linda Heegaards (F) kandidatur`: a genitive is the name.
    const genitive = written.endsWith('s') ? people.resolve(written.slice(0, -1)) : null;
    if (genitive?.likeness === 'same' && found?.likeness !== 'same') [found, written] = [genitive, written.slice(0, -1)];
    if (!found) continue;
    const answer = { ...found, written, before: i > 0 ? words[i - 1] : null };
    if (found.likeness === 'same') return answer;
    close ??= answer;
  }
  return close;
}

function refMentions(refs: readonly NameRef[], own: boolean): Mention[] {
  return refs.map((r) => ({ written: r.name, party: r.party, role: r.role, own }));
}

/** The names the model holds outside the attendance list: votes, absences, proposals. */
function modelMentions(doc: ReferatDocument): Mention[] {
  const out: Mention[] = [];
  for (const item of doc.items) {
    for (const v of item.votes) out.push(...refMentions([...v.for, ...v.against, ...v.abstain], v.committee === null));
    for (const a of item.absences) out.push(...refMentions([a.person], a.committee === null));
    for (const p of item.proposals) out.push(...refMentions(p.proposers, p.committee === null));
  }
  return out;
}

// --- meetings and committees -------------------------------------------------------------------

interface Meeting {
  file: string;
  date: string | null;
  /** Spellings on the attendance list (or, without one, in the meeting's own votes and absences). */
  names: string[];
  fromVotes: boolean;
  mentions: Mention[];
  committeeKey: string;
  committeeName: string;
}

interface Committee {
  key: string;
  names: Map<string, number>;
  period: string | null;
  meetings: Meeting[];
}

function meetingOf(source: InitSource, notes: InitNote[]): Meeting | null {
  const m = source.doc.meeting;
  if (!m.committee?.trim()) {
    notes.push({ code: 'noCommittee', args: { file: source.file } });
    return null;
  }
  if (!m.date) notes.push({ code: 'noDate', args: { file: source.file } });
  const written = m.committee.trim();
  const suffix = PERIOD_SUFFIX.exec(written);
  const base = suffix ? written.slice(0, suffix.index) : written;
  const period = m.period ?? (suffix ? `${suffix[1]}-${suffix[2]}` : m.date ? electionPeriod(m.date) : null);
  const model = modelMentions(source.doc);
  const listed = m.attendees.map((a) => attendeeName(a.name)).filter(isFullName);
  // Without a list, the names of the committee's own votes and absences stand in for one.
  const names = listed.length ? listed : [...new Set(model.filter((x) => x.own).map((x) => x.written.trim()))].filter(isFullName);
  const attendees: Mention[] = m.attendees.map((a) => ({ written: attendeeName(a.name), party: a.party ?? PARTY_SUFFIX.exec(a.name)?.[1] ?? null, role: a.role, own: true }));
  return {
    file: source.file,
    date: m.date,
    names,
    fromVotes: !listed.length,
    mentions: [...attendees, ...model, ...partyMentions(source.text), ...roleMentions(source.text)],
    committeeKey: `${fold(base)}|${period ?? ''}`,
    committeeName: written,
  };
}

const PARTY_SUFFIX = /\(\s*([A-ZÆØÅ]{1,3})\s*\)/;

/** The name of a list's line, without what stands in parentheses after it (`(V)`, `(Stedfortræder for ...)`). */
function attendeeName(written: string): string {
  return written.replace(/(?:\s*\([^()]*\))+\s*$/, '').trim();
}

/** A first name and a surname at least: `Formanden` alone is nobody's name. */
const isFullName = (name: string) => /\S\s+\S/.test(name);

const byDate = (a: Meeting, b: Meeting) =>
  a.date === b.date ? (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) : a.date === null ? 1 : b.date === null ? -1 : a.date < b.date ? -1 : 1;

/** The party of a person at each date: runs of one letter, with letters met in one or two documents only taken for slips. */
function partyTimeline(person: Person, name: string): { at: (date: string | null) => string | null; notes: InitNote[] } {
  const notes: InitNote[] = [];
  const evidence = [...person.parties.values()];
  if (!evidence.length) return { at: () => null, notes };
  const docsOf = new Map<string, Set<string>>();
  for (const e of evidence) {
    if (!docsOf.has(e.party)) docsOf.set(e.party, new Set());
    docsOf.get(e.party)!.add(e.file);
  }
  const main = [...docsOf.entries()].sort((a, b) => b[1].size - a[1].size || (a[0] < b[0] ? -1 : 1))[0][0];
  // A letter met in fewer than three documents, when another is met more, is a slip.
  const slips = new Set([...docsOf.entries()].filter(([party, docs]) => party !== main && docs.size < 3).map(([party]) => party));
  for (const party of slips) {
    const files = [...docsOf.get(party)!].sort();
    notes.push({ code: 'partySlip', args: { name, party, count: files.length, files: files.join(', '), main } });
  }
  const dated = evidence.filter((e) => e.date && !slips.has(e.party)).sort((a, b) => (a.date! < b.date! ? -1 : a.date! > b.date! ? 1 : 0));
  const runs: Array<{ party: string; from: string; to: string }> = [];
  for (const e of dated) {
    const last = runs.at(-1);
    if (last && last.party === e.party) last.to = e.date!;
    else runs.push({ party: e.party, from: e.date!, to: e.date! });
  }
  for (let i = 1; i < runs.length; i++) notes.push({ code: 'partyChange', args: { name, from: runs[i - 1].party, until: runs[i - 1].to, to: runs[i].party } });
  const at = (date: string | null) => {
    if (!date || !runs.length) return runs.at(-1)?.party ?? main;
    // The letter last met on or before the date; before the first, the first.
    let party = runs[0].party;
    for (const run of runs) if (run.from <= date) party = run.party;
    return party;
  };
  return { at, notes };
}

/** One member entry for each party the member sat for on this committee. */
function memberEntries(
  name: string,
  aliases: string[],
  role: string | null,
  listedAt: Meeting[],
  first: string | null,
  last: string | null,
  partyAt: (date: string | null) => string | null,
): MemberConfig[] {
  const segments: Array<{ party: string | null; from: string | null; to: string | null }> = [];
  for (const m of listedAt) {
    const party = partyAt(m.date);
    const current = segments.at(-1);
    if (current && current.party === party) current.to = m.date ?? current.to;
    else segments.push({ party, from: m.date, to: m.date });
  }
  if (!segments.length) segments.push({ party: partyAt(null), from: null, to: null });
  return segments.map((s, i) => {
    const entry: MemberConfig = { name };
    if (s.party) entry.party = s.party;
    if (role) entry.role = role;
    if (aliases.length) entry.aliases = aliases;
    if (s.from && !(i === 0 && s.from === first)) entry.from = s.from;
    if (s.to && !(i === segments.length - 1 && s.to === last)) entry.to = s.to;
    return entry;
  });
}

const daCompare = (a: string, b: string) => a.localeCompare(b, 'da');

export function inferConfig(sources: readonly InitSource[]): InitResult {
  const notes: InitNote[] = [];
  const meetings = sources.flatMap((s) => meetingOf(s, notes) ?? []);

  const committees = new Map<string, Committee>();
  for (const m of meetings) {
    let c = committees.get(m.committeeKey);
    if (!c) committees.set(m.committeeKey, (c = { key: m.committeeKey, names: new Map(), period: m.committeeKey.split('|')[1] || null, meetings: [] }));
    c.names.set(m.committeeName, (c.names.get(m.committeeName) ?? 0) + 1);
    c.meetings.push(m);
  }
  // A committee with attendance lists takes its members from them alone.
  for (const c of committees.values()) {
    if (c.meetings.some((m) => !m.fromVotes)) c.meetings = c.meetings.filter((m) => !m.fromVotes);
    c.meetings.sort(byDate);
  }

  const people = new People([...committees.values()].flatMap((c) => c.meetings.map((m) => ({ names: m.names, strict: !m.fromVotes }))));

  // Party letters and role words, wherever a person on the lists is named (in every referat read).
  const variants: Array<{ person: Person; written: string; party: string | null; date: string | null }> = [];
  for (const m of meetings) {
    const c = committees.get(m.committeeKey)!;
    const name = mostCommon(c.names);
    for (const mention of m.mentions) {
      const found = personNamed(people, mention.written);
      if (!found) continue;
      const party = partyLetter(mention.party);
      const spelling = found.person.spellings.get(nameKey(found.written));
      if (spelling) spelling.uses++;
      // A spelling the lists do not have (another hyphen or dot, a letter off) may be an alias.
      // (Not from a role word's name without a party letter: `Brugerrådets formand Ronni Nielsen` is someone else.)
      if (!spelling && (party || !mention.fromText)) variants.push({ person: found.person, written: found.written, party, date: m.date });
      if (found.likeness === 'same' && party) found.person.parties.set(`${m.file}\u0000${party}`, { date: m.date, party, file: m.file });
      // A role word the text puts before a name that is not quite the member's may be another person's.
      const role =
        mention.own && (found.likeness === 'same' || !mention.fromText) ? (roleOf(found.before, name) ?? (found.before === null ? roleOf(mention.role, name) : null)) : null;
      if (role) {
        if (!found.person.roles.has(c.key)) found.person.roles.set(c.key, new Map());
        const roles = found.person.roles.get(c.key)!;
        if (!roles.has(role)) roles.set(role, { model: new Set(), text: new Set() });
        roles.get(role)![mention.fromText ? 'text' : 'model'].add(m.file);
      }
    }
  }

  const timelines = new Map<Person, ReturnType<typeof partyTimeline>>();
  const timelineOf = (p: Person) => {
    let t = timelines.get(p);
    if (!t) timelines.set(p, (t = partyTimeline(p, canonical(p))));
    return t;
  };
  // A spelling met only in the text becomes an alias when its party letter agrees.
  for (const x of variants) {
    const key = nameKey(x.written);
    if (x.person.spellings.has(key)) continue;
    const partyNow = timelineOf(x.person).at(x.date);
    if (x.party && partyNow && x.party !== partyNow) continue;
    x.person.spellings.set(key, { written: x.written, lists: 0, uses: 1 });
  }

  const out: CommitteeConfig[] = [];
  const described = new Set<Person>();
  let memberCount = 0;
  for (const c of [...committees.values()].sort((a, b) => daCompare(mostCommon(a.names), mostCommon(b.names)) || daCompare(a.period ?? '', b.period ?? ''))) {
    const name = mostCommon(c.names);
    const shownName = c.period && !PERIOD_SUFFIX.test(name) ? `${name} ${c.period}` : name;
    const fromVotes = c.meetings.every((m) => m.fromVotes);
    if (fromVotes) notes.push({ code: 'noLists', args: { committee: shownName, count: c.meetings.length } });
    const listedBy = (m: Meeting) => new Set(m.names.map((n) => people.listed(n)));
    let kept = c.meetings.map((m) => ({ meeting: m, listed: listedBy(m) }));
    // A list that names few of the committee's usual members is another committee's, copied by mistake.
    if (kept.length >= 3) {
      const seen = new Map<Person, number>();
      for (const k of kept) for (const p of k.listed) seen.set(p, (seen.get(p) ?? 0) + 1);
      const core = new Set([...seen.entries()].filter(([, n]) => n * 2 >= kept.length).map(([p]) => p));
      kept = kept.filter((k) => {
        const shared = [...k.listed].filter((p) => core.has(p)).length;
        const fits = shared * 2 >= Math.min(k.listed.size, core.size);
        if (!fits) notes.push({ code: 'outlier', args: { committee: shownName, file: k.meeting.file } });
        return fits;
      });
    }
    // Votes do not name every member: no from/to from them.
    const first = fromVotes ? null : (kept[0]?.meeting.date ?? null);
    const last = fromVotes ? null : (kept.filter((k) => k.meeting.date).at(-1)?.meeting.date ?? null);
    const members: MemberConfig[] = [];
    const candidates = [...new Set(kept.flatMap((k) => [...k.listed]))];
    for (const person of candidates) {
      const at = kept.map((k, i) => (k.listed.has(person) ? i : -1)).filter((i) => i >= 0);
      const span = at.at(-1)! - at[0] + 1;
      const personName = canonical(person);
      const listedAt = at.map((i) => kept[i].meeting);
      if (at.length * 2 < span) {
        notes.push({
          code: 'rarelyListed',
          args: { committee: shownName, name: personName, count: at.length, span, from: listedAt[0].date ?? '?', to: listedAt.at(-1)!.date ?? '?' },
        });
        continue;
      }
      if (at.length === 1 && kept.length > 1 && !fromVotes) notes.push({ code: 'once', args: { committee: shownName, name: personName, date: listedAt[0].date ?? '?' } });
      const role = roleFor(person.roles.get(c.key), (roles) => notes.push({ code: 'roleConflict', args: { committee: shownName, name: personName, roles } }));
      const aliases = [...person.spellings.values()].map((s) => s.written).filter((w) => nameKey(w) !== nameKey(personName));
      aliases.sort(daCompare);
      const timeline = timelineOf(person);
      if (!described.has(person)) {
        described.add(person);
        if (!person.parties.size) notes.push({ code: 'noParty', args: { name: personName } });
        notes.push(...timeline.notes);
        if (aliases.length) notes.push({ code: 'aliases', args: { name: personName, spellings: aliases.join(', ') } });
      }
      members.push(...memberEntries(personName, aliases, role, fromVotes ? [] : listedAt, first, last, timeline.at));
    }
    members.sort((a, b) => rank(a.role) - rank(b.role) || daCompare(a.name, b.name) || daCompare(a.from ?? '', b.from ?? ''));
    memberCount += members.length;
    out.push({ name, ...(c.period ? { period: c.period } : {}), members });
  }
  return { config: { committees: out }, notes, meetings: meetings.length, members: memberCount };
}

/**
 * A member's role on a committee: the reader's role words count from one document on; this
 * module's own scan of the text from two (a sentence may name another body's formand).
 */
function roleFor(roles: Person['roles'] extends Map<string, infer R> ? R | undefined : never, conflict: (roles: string) => void): string | null {
  if (!roles) return null;
  const weight = (e: { model: Set<string>; text: Set<string> }) => (e.model.size ? 2 * e.model.size : e.text.size >= 2 ? e.text.size : 0);
  const ranked = [...roles.entries()]
    .map(([role, e]) => ({ role, weight: weight(e) }))
    .filter((r) => r.weight > 0)
    .sort((a, b) => b.weight - a.weight);
  if (!ranked.length) return null;
  if (ranked.length > 1 && ranked[0].weight === ranked[1].weight) {
    conflict(ranked.map((r) => r.role).join(' / '));
    return null;
  }
  return ranked[0].role;
}

function rank(role: string | undefined): number {
  const i = role ? ROLE_ORDER.indexOf(role) : -1;
  return i < 0 ? ROLE_ORDER.length : i;
}

function mostCommon(counts: Map<string, number>): string {
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || daCompare(a[0], b[0]))[0][0];
}

/** The configuration as people read it: one line for each member. */
export function configText(config: ReferatConfig): string {
  const value = (v: unknown) => (Array.isArray(v) ? `[${v.map((x) => JSON.stringify(x)).join(', ')}]` : JSON.stringify(v));
  const member = (m: MemberConfig) =>
    `{ ${Object.entries(m)
      .map(([k, v]) => `${JSON.stringify(k)}: ${value(v)}`)
      .join(', ')} }`;
  const committees = (config.committees ?? []).map((c) => {
    const head = [`"name": ${JSON.stringify(c.name)}`, ...(c.period ? [`"period": ${JSON.stringify(c.period)}`] : [])];
    const members = c.members.map((m) => `        ${member(m)}`).join(',\n');
    return `    {\n      ${head.join(',\n      ')},\n      "members": [${members ? `\n${members}\n      ` : ''}]\n    }`;
  });
  return `{\n  "committees": [${committees.length ? `\n${committees.join(',\n')}\n  ` : ''}]\n}\n`;
}
