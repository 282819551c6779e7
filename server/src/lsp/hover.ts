// textDocument/hover, in the client's language:
// - on a member's name: who they are (role, party, committee), whether they were there, and how
//   they voted in this punkt;
// - on a vote: its tally, and the stated outcome against the one the votes and the membership give;
// - on a case number: what a KLE number's parts mean (hovedgruppe, gruppe, handlingsfacet, year),
//   or which other scheme the number is from;
// - on a punkt heading or a reference to a punkt: the punkt's sections, decisions and votes.
import type { Hover, Position } from 'vscode-languageserver';
import { MarkupKind } from 'vscode-languageserver';
import type { Archive } from '../archive/archive';
import { attendanceOf } from '../archive/members';
import type { Membership } from '../config/membership';
import type { Locale } from '../i18n';
import { KLE_VERSION, kleNumbersIn, parseKle, parseOdder, type FacetInfo, type KleNumber } from '../kle';
import type { CaseNumber, NameRef, Punkt, Range, ReferatDocument, Vote, VoteSide } from '../model';
import { contains, punktAt, referenceAt, type MemberIdentity, type MemberIndex, type MemberOccurrence } from '../navigation';
import { SIDES, countText, tallyVote, voters } from '../votes';
import { KIND_NAMES } from '../model';
import { ABSENCE_MARKS, fold, PARTIES } from '../vocabulary';
import { caseHistoryMarkdown } from './caseHistory';
import { outcomeWord, voteSummary } from './codeLens';
import type { OpenReferat } from './documents';
import { analyse } from './links';
import { clampRange } from './ranges';
import { memberAt } from './references';

export function hover(open: OpenReferat, membership: Membership | null, position: Position, locale: Locale, archive?: Archive): Hover | null {
  const found =
    memberHover(open, membership, position, locale, archive) ??
    caseNumberHover(open, position, locale, archive) ??
    punktHover(open, membership, position, locale) ??
    voteHover(open, membership, position, locale);
  if (!found) return null;
  return { contents: { kind: MarkupKind.Markdown, value: found.value }, range: clampRange(open.document, found.range) };
}

interface Found {
  value: string;
  range: Range;
}

const L = (locale: Locale, da: string, en: string) => (locale === 'da' ? da : en);

/** Markdown-safe text: characters markdown would read as markup are escaped. */
function md(text: string): string {
  return text.replace(/([\\`*_{}[\]<>#|])/g, '\\$1');
}

function partyLabel(letter: string, locale: Locale): string {
  const name = PARTIES[letter];
  return name ? `${letter} – ${name}` : `${letter} – ${L(locale, 'lokal liste eller ukendt bogstav', 'local list or unknown letter')}`;
}

// ---- members -------------------------------------------------------------------------------------------

/** A role word as one member's: `udvalgsmedlemmerne` → `Udvalgsmedlem`. */
function roleLabel(role: string): string {
  const one = role.replace(/(medlem)(?:merne|mer)$/i, '$1');
  return one.charAt(0).toUpperCase() + one.slice(1);
}

const SUBJECTS_EN: Record<string, string> = {
  ændringsforslaget: 'the amendment',
  indstillingen: 'the recommendation',
  tillægsforslaget: 'the supplementary proposal',
  modforslaget: 'the counter-proposal',
  forslaget: 'the proposal',
  tillægsbeslutningen: 'the supplementary decision',
};

/** What was voted on, in words: `ændringsforslaget` / `the amendment`. */
function subjectOf(vote: Vote, locale: Locale): string {
  const subject = vote.subject?.trim() || (vote.proposal ? 'ændringsforslaget' : null);
  if (!subject) return L(locale, 'afstemningen', 'the vote');
  if (locale === 'da') return subject;
  return SUBJECTS_EN[subject.toLowerCase()] ?? `“${subject}”`;
}

function memberHover(open: OpenReferat, membership: Membership | null, position: Position, locale: Locale, archive?: Archive): Found | null {
  const here = memberAt(open, membership, position);
  if (!here) return null;
  const { occurrence, identity, index } = here;
  const { model } = open;
  const mine = index.occurrences.filter((o) => o.identity === identity.key);
  const refs = mine.map((o) => o.ref).filter((r): r is NameRef => !!r);
  const written = occurrence.ref?.role ?? refs.find((r) => r.role)?.role ?? null;
  const role = identity.member?.role ?? (written ? roleLabel(written) : null);
  const party = occurrence.ref?.party ?? identity.member?.party ?? refs.find((r) => r.party)?.party ?? null;
  const committeeName = occurrence.committee ?? membership?.own?.name ?? model.meeting.committee;

  const out: string[] = [];
  out.push(`**${md(identity.name)}**${party ? ` (${md(partyLabel(party, locale))})` : ''}`);
  const facts: string[] = [];
  if (role) facts.push(md(role));
  if (committeeName) facts.push(md(committeeName));
  if (facts.length) out.push(facts.join(' · '));
  if (occurrence.written !== identity.name) out.push(L(locale, `Skrevet »${md(occurrence.written)}« her.`, `Written “${md(occurrence.written)}” here.`));
  const others = identity.spellings.filter((s) => s !== identity.name && s !== occurrence.written);
  if (others.length) out.push(L(locale, `Også stavet: ${others.map((s) => `»${md(s)}«`).join(', ')}.`, `Also spelled: ${others.map((s) => `“${md(s)}”`).join(', ')}.`));
  const committee = membership?.committee(occurrence.committee) ?? null;
  if (committee && !identity.member) {
    out.push(
      L(
        locale,
        `Ikke medlem af ${md(committee.name)} ifølge ${committee.source === 'config' ? 'referat.config.json' : 'deltagerlisten'}.`,
        `Not a member of ${md(committee.name)} according to ${committee.source === 'config' ? 'referat.config.json' : 'the attendee list'}.`,
      ),
    );
  }
  out.push(presence(model, mine, identity, occurrence, locale));
  if (archive && !occurrence.committee) out.push(yearRecord(archive, model, [identity.name, ...identity.spellings, ...(identity.member?.aliases ?? [])], locale));
  const item = occurrence.item ?? punktAt(model, position);
  if (item) out.push(...votesOf(model, item, index, identity, membership, locale));
  return { value: out.filter(Boolean).join('\n\n'), range: occurrence.range };
}

/** Whether the member was at the meeting, as the attendee list and the absence lines say. */
function presence(doc: ReferatDocument, mine: MemberOccurrence[], identity: MemberIdentity, occurrence: MemberOccurrence, locale: Locale): string {
  const attendee = doc.meeting.attendees.find((a) =>
    mine.some((o) => o.item === null && o.range.start.line === a.range.start.line && o.range.start.character === a.range.start.character),
  );
  const absences = doc.items.flatMap((p) =>
    p.absences.filter((a) => (a.committee ?? '') === (occurrence.committee ?? '') && mine.some((o) => o.ref === a.person)).map((a) => ({ a, p })),
  );
  const meeting = absences.filter(({ a }) => a.scope === 'meeting');
  const item = occurrence.item;
  const here = absences.filter(({ a, p }) => a.scope === 'item' && p === item);
  const list = (ps: Punkt[]) => [...new Set(ps.map((p) => p.number))].join(', ');
  if (attendee?.absent || meeting.length) {
    const where = meeting.length ? L(locale, ` (noteret under punkt ${list(meeting.map((m) => m.p))})`, ` (recorded under punkt ${list(meeting.map((m) => m.p))})`) : '';
    // The note when it says more than "absent" (`sag 129-138`).
    const note = attendee?.note && !ABSENCE_MARKS.includes(fold(attendee.note)) ? ` – ${md(attendee.note)}` : '';
    return L(locale, `**Fraværende** fra mødet${note}${where}.`, `**Absent** from the meeting${note}${where}.`);
  }
  if (here.length) return L(locale, `**Deltog ikke** under punkt ${item!.number}.`, `**Took no part** in punkt ${item!.number}.`);
  const elsewhere = absences.filter(({ a }) => a.scope === 'item');
  const partly = elsewhere.length ? L(locale, ` Deltog ikke under punkt ${list(elsewhere.map((e) => e.p))}.`, ` Took no part in punkt ${list(elsewhere.map((e) => e.p))}.`) : '';
  if (attendee) return L(locale, `Til stede ved mødet (deltagerlisten).${partly}`, `Present at the meeting (attendee list).${partly}`);
  if (identity.member) return L(locale, `Ikke noteret fraværende.${partly}`, `Not recorded absent.${partly}`);
  return partly.trim();
}

/** `Til stede ved 38 af 41 møder i Økonomiudvalget i 2023`: the year of this meeting, over the workspace's referater. */
function yearRecord(archive: Archive, doc: ReferatDocument, spellings: string[], locale: Locale): string {
  const { committee, date } = doc.meeting;
  if (!committee || !date) return '';
  const year = date.slice(0, 4);
  const { meetings, attended } = attendanceOf(archive, committee, { from: `${year}-01-01`, to: `${year}-12-31` }, spellings);
  // One meeting (this one) says nothing the line above does not.
  if (meetings < 2) return '';
  return L(
    locale,
    `Til stede ved ${attended} af ${meetings} møder i ${md(committee)} i ${year}.`,
    `Present at ${attended} of ${meetings} meetings of ${md(committee)} in ${year}.`,
  );
}

/** How the member voted in the punkt: one line a vote, and the proposals they made. */
function votesOf(doc: ReferatDocument, item: Punkt, index: MemberIndex, identity: MemberIdentity, membership: Membership | null, locale: Locale): string[] {
  const idOf = new Map<NameRef, string>();
  for (const o of index.occurrences) if (o.ref) idOf.set(o.ref, o.identity);
  const isMe = (ref: NameRef) => idOf.get(ref) === identity.key;
  const lines: string[] = [];
  for (const p of item.proposals) {
    if (p.proposers.some(isMe)) lines.push(L(locale, `Stillede ændringsforslaget (linje ${p.range.start.line + 1}).`, `Proposed the amendment (line ${p.range.start.line + 1}).`));
  }
  for (const vote of item.votes) {
    const named = voters(vote).find((v) => isMe(v.ref))?.side;
    // Not named: counted with the party named (`V og D stemmer imod`), or with the members not named (the tally's).
    const counted = named ?? countedSide(doc, item, vote, identity, membership);
    const side = counted ?? undefined;
    const subject = subjectOf(vote, locale);
    const at = vote.line + 1;
    if (!named && side) {
      const word = { for: L(locale, 'for', 'for'), against: L(locale, 'imod', 'against'), abstain: L(locale, 'undlod', 'abstaining') }[side];
      lines.push(
        L(
          locale,
          `Talt med **${word}** i afstemningen om ${md(subject)} (linje ${at}): ikke nævnt ved navn.`,
          `Counted **${word}** in the vote on ${md(subject)} (line ${at}): not named.`,
        ),
      );
    } else if (side === 'for') lines.push(L(locale, `Stemte **for** ${md(subject)} (linje ${at}).`, `Voted **for** ${md(subject)} (line ${at}).`));
    else if (side === 'against') lines.push(L(locale, `Stemte **imod** ${md(subject)} (linje ${at}).`, `Voted **against** ${md(subject)} (line ${at}).`));
    else if (side === 'abstain') lines.push(L(locale, `**Undlod** at stemme om ${md(subject)} (linje ${at}).`, `**Abstained** on ${md(subject)} (line ${at}).`));
    else if (identity.member && membership?.committee(vote.committee)?.members.includes(identity.member) && vote.sentences.length > 1) {
      lines.push(L(locale, `Ikke nævnt i afstemningen om ${md(subject)} (linje ${at}).`, `Not named in the vote on ${md(subject)} (line ${at}).`));
    }
  }
  return lines.length ? [`Punkt ${item.number}:\n${lines.map((l) => `- ${l}`).join('\n')}`] : [];
}

/** The side the tally counts a member on who is not named in the vote, or null. */
function countedSide(doc: ReferatDocument, item: Punkt, vote: Vote, identity: MemberIdentity, membership: Membership | null): VoteSide | null {
  const member = identity.member;
  if (!member) return null;
  const members = tallyVote(doc, item, vote, membership).members;
  return members ? (SIDES.find((s) => members[s].includes(member)) ?? null) : null;
}

// ---- case numbers ----------------------------------------------------------------------------------------

function caseNumberHover(open: OpenReferat, position: Position, locale: Locale, archive?: Archive): Found | null {
  const { model } = open;
  const item = model.items.find((p) => p.caseNumber && contains(p.caseNumber.range, position));
  if (item?.caseNumber) {
    // The case's meetings in the workspace, then what the number's parts mean.
    const history = archive ? caseHistoryMarkdown(archive, item, locale) : null;
    const value = describeCaseNumber(item.caseNumber, locale);
    return { value: history ? `${history}\n\n---\n\n${value}` : value, range: item.caseNumber.range };
  }
  // A KLE number anywhere in the text.
  const line = analyse(open).lines[position.line] ?? '';
  const hit = kleNumbersIn(line).find((k) => k.start <= position.character && position.character <= k.end);
  if (!hit) return null;
  return {
    value: describeCaseNumber({ text: hit.text, scheme: 'kle' }, locale),
    range: rangeOn(position.line, hit.start, hit.end),
  };
}

const rangeOn = (line: number, start: number, end: number): Range => ({ start: { line, character: start }, end: { line, character: end } });

function facetText(info: FacetInfo | null, locale: Locale): string | null {
  if (!info) return null;
  if (info.title) return md(info.title);
  return info.usage ? L(locale, `bruges til ${md(info.usage.da)}`, `used for ${md(info.usage.en)}`) : null;
}

export function describeCaseNumber(caseNumber: Pick<CaseNumber, 'text' | 'scheme'>, locale: Locale): string {
  const text = caseNumber.text;
  if (caseNumber.scheme === 'kle') {
    const kle = parseKle(text);
    return kle ? describeKle(kle, locale) : describeBrokenKle(text, locale);
  }
  if (caseNumber.scheme === 'odder') {
    const odder = parseOdder(text);
    return [
      `**${md(text)}** — ${L(locale, 'sagsnummer i Odder Kommunes nummerering (S, år, løbenummer)', 'a case number in Odder Kommune’s numbering (S, year, running number)')}`,
      odder ? L(locale, `År ${odder.year}, løbenummer ${odder.serial}.`, `Year ${odder.year}, running number ${odder.serial}.`) : '',
      L(locale, 'Ikke et KLE-nummer: det siger intet om emne eller handlingsfacet.', 'Not a KLE number: it says nothing about topic or action facet.'),
    ]
      .filter(Boolean)
      .join('\n\n');
  }
  return [
    `**${md(text)}** — ${L(locale, 'sagsnummer i et andet journalsystems nummerering', 'a case number in another case system’s numbering')}`,
    L(locale, 'Ikke et KLE-nummer: det siger intet om emne eller handlingsfacet.', 'Not a KLE number: it says nothing about topic or action facet.'),
  ].join('\n\n');
}

function describeKle(kle: KleNumber, locale: Locale): string {
  const out: string[] = [`**${md(kle.text)}** — ${L(locale, 'KLE-journalnummer', 'KLE case number')}`];
  const rows: string[] = [];
  rows.push(
    `- ${L(locale, 'Hovedgruppe', 'Main group')} ${kle.hovedgruppe.code}: ${kle.hovedgruppe.title ? md(kle.hovedgruppe.title) : L(locale, '*ikke en hovedgruppe i KLE*', '*not a main group of KLE*')}`,
  );
  if (kle.gruppe.title) rows.push(`- ${L(locale, 'Gruppe', 'Group')} ${kle.gruppe.code}: ${md(kle.gruppe.title)}`);
  else if (kle.gruppe.notInKle)
    rows.push(
      `- ${L(locale, 'Gruppe', 'Group')} ${kle.gruppe.code}: ${L(locale, `*ikke en gruppe i ${KLE_VERSION} (et lokalt nummer)*`, `*not a group of ${KLE_VERSION} (a local number)*`)}`,
    );
  if (kle.emne.title) rows.push(`- ${L(locale, 'Emne', 'Topic')} ${kle.emne.code}: ${md(kle.emne.title)}`);
  const facet = facetText(kle.facet.info, locale);
  const category = facetText(kle.facet.categoryInfo, locale);
  const facetLine =
    facet ?? (category ? L(locale, `${kle.facet.category}-facet: ${category}`, `${kle.facet.category} facet: ${category}`) : L(locale, '*ukendt facet*', '*unknown facet*'));
  rows.push(`- ${L(locale, 'Handlingsfacet', 'Action facet')} ${kle.facet.code}: ${facetLine}`);
  rows.push(`- ${L(locale, 'Løbenummer', 'Running number')} ${kle.serial}, ${L(locale, 'år', 'year')} ${kle.year}`);
  out.push(rows.join('\n'));
  out.push(`*${L(locale, 'Kilde', 'Source')}: ${KLE_VERSION} (KL)*`);
  return out.join('\n\n');
}

function describeBrokenKle(text: string, locale: Locale): string {
  const hg = /^(\d{2})\./.exec(text)?.[1];
  const kle = hg ? parseKle(`${hg}.00.00-G01-1-00`) : null;
  return [
    `**${md(text)}** — ${L(locale, 'KLE-journalnummer, men ufuldstændigt', 'a KLE case number, but incomplete')}`,
    L(
      locale,
      'Et KLE-nummer har formen hovedgruppe.gruppe.emne-facet-løbenummer-år, fx `27.57.12-Ø34-2-24`.',
      'A KLE number reads hovedgruppe.gruppe.emne-facet-running number-year, e.g. `27.57.12-Ø34-2-24`.',
    ),
    kle?.hovedgruppe.title ? `${L(locale, 'Hovedgruppe', 'Main group')} ${hg}: ${md(kle.hovedgruppe.title)}` : '',
  ]
    .filter(Boolean)
    .join('\n\n');
}

// ---- punkter ----------------------------------------------------------------------------------------------

function punktHover(open: OpenReferat, membership: Membership | null, position: Position, locale: Locale): Found | null {
  const { model } = open;
  const heading = model.items.find((p) => contains(p.heading.range, position));
  if (heading) return { value: punktSummary(model, membership, heading, locale), range: heading.heading.range };
  const ref = referenceAt(analyse(open).refs, position);
  if (ref && ref.kind !== 'bilag') return { value: punktSummary(model, membership, ref.punkt, locale), range: ref.range };
  return null;
}

function clip(text: string, max = 140): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** The punkt at a glance: case number, sections, decisions, votes, absences. */
export function punktSummary(doc: ReferatDocument, membership: Membership | null, p: Punkt, locale: Locale): string {
  const out: string[] = [`**Punkt ${p.number}: ${md(p.title)}**`];
  const facts: string[] = [];
  if (p.caseNumber) {
    const kle = p.caseNumber.scheme === 'kle' ? parseKle(p.caseNumber.text) : null;
    const named = kle?.gruppe.title ?? kle?.hovedgruppe.title;
    facts.push(`${L(locale, 'Sagsnr.', 'Case no.')} ${md(p.caseNumber.text)}${named ? ` (${md(named)})` : ''}`);
  }
  if (p.access) facts.push(md(p.access));
  if (p.caseType) facts.push(`${p.caseType}-sag`);
  if (facts.length) out.push(facts.join(' · '));
  if (p.sections.length) out.push(`${L(locale, 'Afsnit', 'Sections')}: ${p.sections.map((s) => (s.kind === 'other' ? md(s.heading.text) : KIND_NAMES[s.kind])).join(' · ')}`);
  const decided: string[] = [];
  for (const d of p.decisions) {
    if (p.votes.some((v) => v.range.start.line <= d.range.start.line && d.range.start.line <= v.range.end.line)) continue;
    if (d.kind === 'other' && !/^[\p{Lu}]/u.test(d.text)) continue;
    decided.push(`- ${md(clip(d.text))}`);
  }
  for (const v of p.votes) decided.push(`- ${L(locale, 'Afstemning om', 'Vote on')} ${md(subjectOf(v, locale))}: ${voteSummary(doc, membership, p, v, locale)}`);
  if (decided.length) out.push(`${L(locale, 'Beslutning', 'Decision')}:\n${decided.join('\n')}`);
  else if (!p.sections.some((s) => s.kind === 'beslutning')) out.push(L(locale, '*Ingen beslutning noteret.*', '*No decision recorded.*'));
  const absent = [
    ...new Set(
      p.absences.map((a) => `${md(a.person.name)}${a.scope === 'item' ? L(locale, ' (under punktet)', ' (this punkt)') : ''}${a.committee ? ` – ${md(a.committee)}` : ''}`),
    ),
  ];
  if (absent.length) out.push(`${L(locale, 'Fraværende', 'Absent')}: ${absent.join(', ')}`);
  return out.join('\n\n');
}

// ---- votes ----------------------------------------------------------------------------------------------

function voteHover(open: OpenReferat, membership: Membership | null, position: Position, locale: Locale): Found | null {
  const { model } = open;
  for (const p of model.items) {
    for (const vote of p.votes) {
      // The outcome sentence as a whole (`Ændringsforslaget er dermed forkastet.`), not only its verb.
      const outcome = vote.outcomeRange ? [{ start: { line: vote.outcomeRange.start.line, character: 0 }, end: vote.outcomeRange.end }] : [];
      const parts = [...vote.sentences.map((s) => s.range), ...outcome];
      const hit = parts.find((r) => contains(r, position));
      if (hit) return { value: describeVote(model, membership, p, vote, locale), range: hit };
    }
  }
  return null;
}

export function describeVote(doc: ReferatDocument, membership: Membership | null, p: Punkt, vote: Vote, locale: Locale): string {
  const t = tallyVote(doc, p, vote, membership);
  const absent = t.absentMembers.map((a) => a.name);
  const names = (refs: NameRef[]) => refs.map((r) => md(r.party ? `${r.name} (${r.party})` : r.name)).join(', ');
  const parties = (side: 'for' | 'against' | 'abstain') => (vote.parties?.[side].length ? ` (${vote.parties[side].join(', ')})` : '');
  const out: string[] = [`**${L(locale, 'Afstemning om', 'Vote on')} ${md(subjectOf(vote, locale))}** — punkt ${p.number}${vote.committee ? ` · ${md(vote.committee)}` : ''}`];
  out.push(
    [
      `| | ${L(locale, 'Antal', 'Count')} | ${L(locale, 'Hvem', 'Who')} |`,
      '|---|---|---|',
      `| ${L(locale, 'For', 'For')} | ${countText(t.for)} | ${names(vote.for)}${parties('for')} |`,
      `| ${L(locale, 'Imod', 'Against')} | ${countText(t.against)} | ${names(vote.against)}${parties('against')} |`,
      `| ${L(locale, 'Undlod', 'Abstained')} | ${countText(t.abstain)} | ${names(vote.abstain)}${parties('abstain')} |`,
      `| ${L(locale, 'Fraværende', 'Absent')} | ${absent.length} | ${absent.map(md).join(', ')} |`,
    ].join('\n'),
  );
  const computed = t.computed;
  const why =
    t.for === t.against
      ? L(locale, 'stemmelighed er ikke flertal', 'a tie is not a majority')
      : L(locale, 'simpelt flertal af de afgivne stemmer', 'a simple majority of the votes cast');
  if (vote.outcome && computed) {
    const agree = vote.outcome === computed;
    out.push(
      L(
        locale,
        `Noteret resultat: **${outcomeWord(vote.outcome, locale)}**. Efter stemmerne: **${outcomeWord(computed, locale)}** (${why}) — ${agree ? 'det passer' : '**det passer ikke**'}.`,
        `Stated outcome: **${outcomeWord(vote.outcome, locale)}**. By the votes: **${outcomeWord(computed, locale)}** (${why}) — ${agree ? 'they agree' : '**they disagree**'}.`,
      ),
    );
  } else if (vote.outcome) out.push(L(locale, `Noteret resultat: **${outcomeWord(vote.outcome, locale)}**.`, `Stated outcome: **${outcomeWord(vote.outcome, locale)}**.`));
  else if (computed)
    out.push(
      L(
        locale,
        `Intet resultat noteret. Efter stemmerne: **${outcomeWord(computed, locale)}** (${why}).`,
        `No outcome stated. By the votes: **${outcomeWord(computed, locale)}** (${why}).`,
      ),
    );
  const members = membership?.committee(vote.committee);
  if (members) {
    const size = members.members.length;
    const cast = (t.for ?? 0) + (t.against ?? 0) + (t.abstain ?? 0);
    const unaccounted = t.problems.reduce((n, problem) => n + (problem.kind === 'unaccounted' ? problem.members.length : 0), 0);
    const quorum = size - absent.length >= size / 2;
    const source = members.source === 'config' ? 'referat.config.json' : L(locale, 'deltagerlisten', 'the attendee list');
    out.push(
      L(
        locale,
        `${md(members.name)} har ${size} medlemmer (${source}): ${cast} stemte, ${absent.length} fraværende${unaccounted > 0 ? `, ${unaccounted} ikke talt med` : ''}. ${quorum ? 'Beslutningsdygtigt.' : '**Ikke beslutningsdygtigt**: under halvdelen var til stede.'}`,
        `${md(members.name)} has ${size} members (${source}): ${cast} voted, ${absent.length} absent${unaccounted > 0 ? `, ${unaccounted} not accounted for` : ''}. ${quorum ? 'Quorate.' : '**Not quorate**: fewer than half were present.'}`,
      ),
    );
  } else {
    out.push(
      L(locale, '*Udvalgets medlemmer kendes ikke: fraværende er dem, referatet noterer.*', '*The committee’s members are not known: absent are those the minutes record.*'),
    );
  }
  return out.join('\n\n');
}
