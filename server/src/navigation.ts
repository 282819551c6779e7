// Finding one's way in a referat: which punkt a reference in the text means (a TOC entry,
// `jf. punkt 5`, `pkt. 5`, `dagsordenens punkt 3`, `punktet "Orientering om ..."`), which bilag
// `bilag 2` means, and where one member is named (every spelling of them). Pure: model and text in.
import { distance } from 'fastest-levenshtein';
import { nameKey, nearEnough, type Member, type Membership } from './config/membership';
import type { NameRef, Position, Punkt, Range, ReferatDocument, Section, TocEntry } from './model';
import { normTitle, sameNormTitle } from './reader/items';
import { resolve } from './votes/attendance';
import { allNames } from './rules/util';

// ---- positions ----------------------------------------------------------------------------------

export function comparePositions(a: Position, b: Position): number {
  return a.line !== b.line ? a.line - b.line : a.character - b.character;
}

/** True when `position` is inside `range`, its end included (a cursor right after a word is on it). */
export function contains(range: Range, position: Position): boolean {
  return comparePositions(range.start, position) <= 0 && comparePositions(position, range.end) <= 0;
}

const rangeOf = (line: number, start: number, end: number): Range => ({ start: { line, character: start }, end: { line, character: end } });

/** The punkt whose range holds a position (its heading line included). */
export function punktAt(doc: ReferatDocument, position: Position): Punkt | null {
  return doc.items.find((p) => position.line >= p.range.start.line && position.line <= p.range.end.line) ?? null;
}

// ---- the table of contents ---------------------------------------------------------------------

/**
 * The punkt each TOC entry lists, in entry order (null where none). By the entry's number when it
 * has one; else by title (a cut-off title is a prefix, quote styles do not count); else, when the
 * TOC has as many entries as there are punkter, by position, so that a title misspelled in the TOC
 * (`Korsløkkeparken` for `Korslækkeparken`) still leads to its punkt.
 */
export function tocTargets(doc: ReferatDocument): (Punkt | null)[] {
  const entries = doc.toc?.entries ?? [];
  const used = new Set<Punkt>();
  const targets: (Punkt | null)[] = entries.map(() => null);
  const take = (i: number, p: Punkt | undefined) => {
    if (!p || used.has(p)) return;
    targets[i] = p;
    used.add(p);
  };
  entries.forEach((e, i) => {
    if (e.number !== null)
      take(
        i,
        doc.items.find((p) => p.number === e.number),
      );
  });
  const titles = titlesOf(doc);
  entries.forEach((e, i) => {
    if (targets[i]) return;
    const title = normTitle(e.title);
    const same = doc.items[i];
    if (same && !used.has(same) && sameNormTitle(title, titles.full[i])) take(i, same);
    else {
      const candidate = titles.sharingStart(title).find((j) => !used.has(doc.items[j]) && sameNormTitle(title, titles.full[j]));
      take(i, candidate === undefined ? undefined : doc.items[candidate]);
    }
  });
  if (entries.length === doc.items.length) {
    entries.forEach((_, i) => {
      if (!targets[i]) take(i, doc.items[i]);
    });
  }
  entries.forEach((e, i) => {
    if (!targets[i])
      take(
        i,
        nearestTitle(
          e,
          doc.items.filter((p) => !used.has(p)),
        ),
      );
  });
  return targets;
}

/** A punkt whose title differs from the entry's by a few letters only. */
function nearestTitle(entry: TocEntry, items: readonly Punkt[]): Punkt | undefined {
  const a = normTitle(entry.title);
  let best: Punkt | undefined;
  let bestScore = Infinity;
  for (const p of items) {
    const b = normTitle(p.title).slice(0, entry.truncated ? a.length : undefined);
    const score = distance(a, b) / Math.max(a.length, b.length, 1);
    if (score < bestScore) [best, bestScore] = [p, score];
  }
  return bestScore <= 0.15 ? best : undefined;
}

// ---- references in the text ----------------------------------------------------------------------

export type ReferenceKind = 'toc' | 'number' | 'title' | 'bilag';

export interface PunktReference {
  kind: ReferenceKind;
  /** The words that refer (`punkt 5`, the quoted title, `bilag 2`, the TOC entry's title). */
  range: Range;
  /** The punkt meant (for `bilag`: the punkt the reference stands in). */
  punkt: Punkt;
  /** Where the reference leads: the punkt's heading, or the bilag's entry line or section heading. */
  target: Range;
  /** For `bilag`: the bilag's number. */
  bilag?: number;
}

// `punkt 5`, `pkt. 5`, `punkterne 3 og 4`, `dagsordenspunkt 3`; never inside a word
// (`indstillingspunkt 3` is a point of the indstilling, not of the agenda).
const NUMBER_REF = /(?<![\p{L}\p{N}])(?:dagsordens)?(?:punkt(?:erne)?|pkt\.?)\s*(\d{1,3})(?![\p{L}\p{N}])((?:\s*(?:,|og|samt|-|–)\s*\d{1,3}(?![\p{L}\p{N}.]))*)/giu;
const MORE_NUMBERS = /\d{1,3}/g;
/** `punktet "Orientering om ..."`, `punkt ”...”`: any quote marks, the closing one possibly lost. */
const TITLE_REF = /(?<![\p{L}\p{N}])(?:dagsordens)?punkt(?:et)?\s+(?:om\s+)?(["“”„»«'‘’‚])([^"“”„»«‘’\n]{3,}?)(?:["“”„»«'‘’]|$)/giu;
const BILAG_REF = /(?<![\p{L}\p{N}])bilag(?:ene)?\s+(\d{1,3})(?![\p{L}\p{N}])((?:\s*(?:,|og|samt|-|–)\s*\d{1,3}(?![\p{L}\p{N}]))*)/giu;
/** `Bilag 7. Title`, `- Bilag 7: Title`: an entry of a Bilag section. */
const BILAG_ENTRY = /^\s*(?:[-•*–]\s*)?(?:\*\*)?bilag\s+(\d{1,3})\b/i;
/** Genitives that own a `punkt` that is theirs, not the agenda's: `indstillingens punkt 3`. */
const OWNER_GENITIVE = /(\p{L}{3,}(?:ens|ets|ernes|enes|ns|s))\s+$/iu;
const AGENDA_GENITIVES = new Set(['dagsordenens', 'dagsordens', 'mødets', 'dagens', 'referatets', 'hvis', 'mens', 'dels', 'især', 'bagefter']);
/** Words after `punkt 3 i ...` that make it another document's point. */
const OWNED_AFTER = /^\s+(?:i|af|under|til)\s+(\p{L}+)/iu;
const AGENDA_WORDS = new Set(['dagsordenen', 'referatet', 'mødet', 'dag']);
/** A point of something named right before: `forvaltningens indstilling i punkt 3`, `aftalen under pkt. 2`. */
const OWNER_BEFORE =
  /(?:indstilling(?:en)?|beslutning(?:en)?|ændringsforslag(?:et)?|tillægsforslag(?:et)?|aftale(?:n)?|rammeaftale(?:n)?|lov(?:en)?|bekendtgørelse(?:n)?|handleplan(?:en)?|strategi(?:en)?|katalog(?:et)?|plan(?:en)?)\s+(?:i|under|til|af)\s+$/iu;
/** A law's or another meeting's numbering right before: `§ 5, pkt. 2`, `stk. 3, pkt. 1`, `10. september 2019, pkt. 65`. */
const FOREIGN_BEFORE = /(?:§\s*\d+\w*|stk\.\s*\d+|nr\.\s*\d+|kap\.\s*\d+|litra\s+\w|\b\d{4})\s*,?\s*$/iu;

/** True when `punkt N` at `index` in `line` is a point of something else than this agenda. */
function isForeignPoint(line: string, index: number, end: number): boolean {
  const before = line.slice(0, index);
  // `(pkt. 15)` alone in brackets numbers an entry of some list (a catalogue's initiatives), not the agenda.
  if (/\(\s*$/.test(before) && /^\s*\)/.test(line.slice(end))) return true;
  if (OWNER_BEFORE.test(before)) return true;
  const owner = OWNER_GENITIVE.exec(before);
  if (owner && !AGENDA_GENITIVES.has(owner[1].toLowerCase())) return true;
  if (FOREIGN_BEFORE.test(before)) return true;
  const after = OWNED_AFTER.exec(line.slice(end));
  return !!after && !AGENDA_WORDS.has(after[1].toLowerCase()) && /(?:en|et|ne|ene|erne)$/i.test(after[1]);
}

/** Lines that are themselves what references point at: punkt headings and TOC lines. */
function headingLines(doc: ReferatDocument): Set<number> {
  const skip = new Set<number>(doc.items.map((p) => p.heading.range.start.line));
  if (doc.toc) for (let l = doc.toc.range.start.line; l <= doc.toc.range.end.line; l++) skip.add(l);
  return skip;
}

/** Every reference to a punkt or a bilag in the document, in document order. */
export function findReferences(doc: ReferatDocument, lines: readonly string[]): PunktReference[] {
  const refs: PunktReference[] = [];
  const byNumber = new Map(doc.items.map((p) => [p.number, p]));
  const targets = tocTargets(doc);
  doc.toc?.entries.forEach((entry, i) => {
    const p = targets[i];
    if (p) refs.push({ kind: 'toc', range: entry.titleRange, punkt: p, target: p.heading.range });
  });
  const skip = headingLines(doc);
  for (let l = 0; l < lines.length; l++) {
    if (skip.has(l)) continue;
    const line = lines[l];
    if (!/p(?:kt|unkt)|bilag/i.test(line)) continue;
    for (const m of line.matchAll(NUMBER_REF)) {
      const start = m.index!;
      if (isForeignPoint(line, start, start + m[0].length)) continue;
      const numbers = [{ text: m[1], at: start + m[0].indexOf(m[1], m[0].search(/\d/)) }];
      const more = m[2] ?? '';
      const moreAt = start + m[0].length - more.length;
      for (const n of more.matchAll(MORE_NUMBERS)) numbers.push({ text: n[0], at: moreAt + n.index! });
      numbers.forEach(({ text, at }, k) => {
        const p = byNumber.get(Number(text));
        if (!p) return;
        // The first number takes the words before it (`jf. punkt 5` links `punkt 5`).
        const from = k === 0 ? start : at;
        refs.push({ kind: 'number', range: rangeOf(l, from, at + text.length), punkt: p, target: p.heading.range });
      });
    }
    for (const m of line.matchAll(TITLE_REF)) {
      const quoted = m[2].replace(/(?:\.{2,}|…)\s*$/, '').trim();
      const p = punktByTitle(doc, quoted);
      if (!p) continue;
      const at = m.index! + m[0].indexOf(m[2]);
      refs.push({ kind: 'title', range: rangeOf(l, at, at + m[2].trimEnd().length), punkt: p, target: p.heading.range });
    }
    refs.push(...bilagRefs(doc, lines, l));
  }
  return refs.sort((a, b) => comparePositions(a.range.start, b.range.start));
}

/** The punkt a quoted title (or the start of one) names: the whole title first, else a prefix. */
export function punktByTitle(doc: ReferatDocument, quoted: string): Punkt | null {
  const q = normTitle(quoted);
  if (q.length < 4) return null;
  const { full, bare } = titlesOf(doc);
  const exact = doc.items.findIndex((_, i) => full[i] === q || bare[i] === q);
  if (exact >= 0) return doc.items[exact];
  const prefixed = doc.items.filter((_, i) => full[i].startsWith(q) || bare[i].startsWith(q));
  return prefixed.length === 1 ? prefixed[0] : null;
}

/** The punkter's titles as compared (normTitle), with and without the case-type prefix, worked out once per model. */
interface Titles {
  full: string[];
  bare: string[];
  /** The punkter (by index, in order) whose title could be `sameNormTitle` as `title`. */
  sharingStart(title: string): number[];
}

/** Two titles that are `sameNormTitle` start alike: both whole when short, their first 20 letters when long. */
const SAME_START = 20;

const titlesByModel = new WeakMap<ReferatDocument, Titles>();

function titlesOf(doc: ReferatDocument): Titles {
  let titles = titlesByModel.get(doc);
  if (!titles) {
    const full = doc.items.map((p) => normTitle(p.title));
    const bare = doc.items.map((p) => normTitle(p.title.replace(/^[A-E]-sag\s*:\s*/i, '')));
    const byStart = new Map<string, number[]>();
    full.forEach((title, i) => {
      const key = title.slice(0, SAME_START);
      const list = byStart.get(key);
      if (list) list.push(i);
      else byStart.set(key, [i]);
    });
    titles = { full, bare, sharingStart: (title) => byStart.get(title.slice(0, SAME_START)) ?? [] };
    titlesByModel.set(doc, titles);
  }
  return titles;
}

function bilagSections(p: Punkt): Section[] {
  return p.sections.filter((s) => s.kind === 'bilag');
}

/** The entry line of bilag `n` in the punkt's Bilag sections, trimmed, or null. */
function bilagEntry(p: Punkt, lines: readonly string[], n: number): Range | null {
  for (const s of bilagSections(p)) {
    for (let l = s.heading.range.start.line + 1; l <= s.range.end.line; l++) {
      const m = BILAG_ENTRY.exec(lines[l] ?? '');
      if (m && Number(m[1]) === n) {
        const text = lines[l];
        const start = text.length - text.trimStart().length;
        return rangeOf(l, start, text.trimEnd().length);
      }
    }
  }
  return null;
}

function bilagRefs(doc: ReferatDocument, lines: readonly string[], l: number): PunktReference[] {
  const line = lines[l];
  if (!/bilag/i.test(line)) return [];
  const p = doc.items.find((it) => l > it.heading.range.start.line && l <= it.range.end.line);
  if (!p) return [];
  const sections = bilagSections(p);
  if (!sections.length) return [];
  // An entry of the Bilag section is what the references lead to, not a reference.
  if (BILAG_ENTRY.test(line) && sections.some((s) => l > s.heading.range.start.line && l <= s.range.end.line)) return [];
  const refs: PunktReference[] = [];
  for (const m of line.matchAll(BILAG_REF)) {
    const start = m.index!;
    const numbers = [{ text: m[1], at: start + m[0].search(/\d/) }];
    const more = m[2] ?? '';
    const moreAt = start + m[0].length - more.length;
    for (const n of more.matchAll(MORE_NUMBERS)) numbers.push({ text: n[0], at: moreAt + n.index! });
    numbers.forEach(({ text, at }, k) => {
      const n = Number(text);
      const target = bilagEntry(p, lines, n) ?? sections[0].heading.range;
      refs.push({ kind: 'bilag', range: rangeOf(l, k === 0 ? start : at, at + text.length), punkt: p, target, bilag: n });
    });
  }
  return refs;
}

/** The reference under a position, if any. */
export function referenceAt(refs: readonly PunktReference[], position: Position): PunktReference | null {
  return refs.find((r) => contains(r.range, position)) ?? null;
}

// ---- members ----------------------------------------------------------------------------------------

/** One person, however spelled: the member of the configuration or attendee list, or a cluster of near spellings. */
export interface MemberIdentity {
  key: string;
  /** The member's name (configured), else the most frequent spelling. */
  name: string;
  member: Member | null;
  /** Every spelling of the person in the document, most frequent first. */
  spellings: string[];
}

export interface MemberOccurrence {
  range: Range;
  /** The name as written here. */
  written: string;
  identity: string;
  /** The reader's reference, or null for a mention the reader did not place (a title, running text). */
  ref: NameRef | null;
  /** The punkt it stands in (null: the header). */
  item: Punkt | null;
  /** The deciding committee the reference belongs to (null: the meeting's own). */
  committee: string | null;
}

export interface MemberIndex {
  occurrences: MemberOccurrence[];
  identities: Map<string, MemberIdentity>;
}

export { nearEnough };

/**
 * Every place a member is named: the reader's name references (votes, proposals, absences, the
 * attendee list) grouped by person — through the membership when one is known (`Bährenz` is the
 * configured `Bæhrenz`), else by near spelling — and every other mention of one of those spellings
 * in the text (a title, running text), so that renaming catches them all.
 */
export function memberIndex(doc: ReferatDocument, lines: readonly string[], membership: Membership | null): MemberIndex {
  const refs = allNames(doc);
  const identities = new Map<string, MemberIdentity & { counts: Map<string, number> }>();
  const occurrences: MemberOccurrence[] = [];
  const unresolved: { ref: NameRef; committee: string | null; item: Punkt | null }[] = [];

  const identity = (key: string, name: string, member: Member | null) => {
    let id = identities.get(key);
    if (!id) identities.set(key, (id = { key, name, member, spellings: [], counts: new Map() }));
    return id;
  };
  const add = (id: MemberIdentity & { counts: Map<string, number> }, o: Omit<MemberOccurrence, 'identity'>) => {
    id.counts.set(o.written, (id.counts.get(o.written) ?? 0) + 1);
    occurrences.push({ ...o, identity: id.key });
  };

  for (const { ref, committee, item } of refs) {
    const members = membership?.committee(committee) ?? null;
    const member = members && membership ? resolve(membership, members, ref.name) : null;
    if (member) add(identity(`m:${nameKey(member.name)}`, member.name, member), { range: ref.range, written: ref.name, ref, item, committee });
    else unresolved.push({ ref, committee, item });
  }
  // Names no membership knows: join a known member spelled near them, else cluster by spelling.
  const clusters: { key: string; spellings: string[] }[] = [];
  for (const u of unresolved) {
    const known = [...identities.values()].find((id) => id.member && [id.name, ...id.member.aliases].some((n) => nearEnough(n, u.ref.name)));
    if (known) {
      add(known, { range: u.ref.range, written: u.ref.name, ref: u.ref, item: u.item, committee: u.committee });
      continue;
    }
    let cluster = clusters.find((c) => c.spellings.some((s) => nearEnough(s, u.ref.name)));
    if (!cluster) clusters.push((cluster = { key: `s:${nameKey(u.ref.name)}`, spellings: [] }));
    if (!cluster.spellings.includes(u.ref.name)) cluster.spellings.push(u.ref.name);
    add(identity(cluster.key, u.ref.name, null), { range: u.ref.range, written: u.ref.name, ref: u.ref, item: u.item, committee: u.committee });
  }

  for (const id of identities.values()) {
    id.spellings = [...id.counts.entries()].sort((a, b) => b[1] - a[1]).map(([s]) => s);
    if (!id.member) id.name = id.spellings[0] ?? id.name;
  }
  occurrences.push(...textMentions(doc, lines, identities, occurrences));
  occurrences.sort((a, b) => comparePositions(a.range.start, b.range.start));
  return { occurrences, identities: new Map([...identities].map(([k, { counts: _counts, ...id }]) => [k, id])) };
}

/** Mentions of a known spelling (two words or more) that no name reference covers. */
function textMentions(doc: ReferatDocument, lines: readonly string[], identities: Map<string, MemberIdentity>, known: readonly MemberOccurrence[]): MemberOccurrence[] {
  const covered = new Set(known.map((o) => `${o.range.start.line}:${o.range.start.character}`));
  const spellings: { text: string; key: string }[] = [];
  for (const id of identities.values()) {
    const names = new Set([...id.spellings, ...(id.member ? [id.member.name, ...id.member.aliases] : [])]);
    for (const text of names) if (/\S\s+\S/.test(text.trim())) spellings.push({ text: text.trim(), key: id.key });
  }
  // Longer spellings first, so that `Anne Marie Hansen` wins over `Marie Hansen` where both fit.
  spellings.sort((a, b) => b.text.length - a.text.length);
  const found: MemberOccurrence[] = [];
  // The ranges already taken, by line: a large referat has thousands, and each mention is checked against its line's only.
  const taken = new Map<number, Range[]>();
  const take = (range: Range) => {
    const onLine = taken.get(range.start.line);
    if (onLine) onLine.push(range);
    else taken.set(range.start.line, [range]);
  };
  for (const o of known) take(o.range);
  for (let l = 0; l < lines.length; l++) {
    const line = lines[l];
    for (const { text, key } of spellings) {
      let at = line.indexOf(text);
      while (at >= 0) {
        const end = at + text.length;
        const range = rangeOf(l, at, end);
        const free = !covered.has(`${l}:${at}`) && !(taken.get(l) ?? []).some((r) => r.start.line === l && r.start.character < end && at < r.end.character);
        if (free && isWordAt(line, at, end)) {
          found.push({ range, written: text, identity: key, ref: null, item: punktOnLine(doc, l), committee: null });
          take(range);
        }
        at = line.indexOf(text, at + 1);
      }
    }
  }
  return found;
}

/** The punkt whose lines hold line `line`, found by halving (punkter are in line order). */
function punktOnLine(doc: ReferatDocument, line: number): Punkt | null {
  let low = 0;
  let high = doc.items.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (doc.items[mid].range.start.line > line) high = mid;
    else low = mid + 1;
  }
  const item = doc.items[low - 1];
  return item && line <= item.range.end.line ? item : null;
}

/** A name standing as words: no letter or digit right before, nor after (a genitive `s` aside). */
function isWordAt(line: string, start: number, end: number): boolean {
  const letter = /[\p{L}\p{N}]/u;
  if (start > 0 && letter.test(line[start - 1])) return false;
  if (end < line.length && letter.test(line[end])) return line[end] === 's' && !(end + 1 < line.length && letter.test(line[end + 1]));
  return true;
}

/** The member occurrence under a position, if any. */
export function occurrenceAt(index: MemberIndex, position: Position): MemberOccurrence | null {
  return index.occurrences.find((o) => contains(o.range, position)) ?? null;
}
