// References, document highlights and rename of a member: every place the person is named, in
// every spelling (`Bæhrenz` and `Bährenz` are one member), in this document, the other open
// referater and the referater of the workspace that are not open (read from disk on demand, one at
// a time, and let go). In other referater only those of the same committee are searched: renaming a
// member of Beskæftigelses- og Socialudvalget renames that person, not a namesake elsewhere.
// On a reference to a punkt, highlights show the punkt's heading and the references to it.
import {
  DocumentHighlightKind,
  ErrorCodes,
  LSPErrorCodes,
  ResponseError,
  type CancellationToken,
  type DocumentHighlight,
  type Location,
  type Position,
  type PrepareRenameParams,
  type Range,
  type RenameParams,
  type TextDocumentEdit,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Member, Membership } from '../config/membership';
import { nameKey } from '../config/membership';
import type { ReferatConfig } from '../config/types';
import type { Locale } from '../i18n';
import type { ReferatDocument } from '../model';
import { memberIndex, nearEnough, occurrenceAt, referenceAt, type MemberIdentity, type MemberIndex, type MemberOccurrence } from '../navigation';
import { splitLines } from '../reader/lines';
import { fold } from '../vocabulary';
import { readReferatSafely, type Logger, type OpenReferat } from './documents';
import { analyse } from './links';
import { clampRange } from './ranges';
import { REFERAT_LANGUAGE_ID, uriKey } from './referatFiles';

/** Bounds of one search through the referater on disk, so that a huge workspace stays responsive. */
export const WORKSPACE_SEARCH_LIMITS = {
  /** Closed referater (of the committee) read per request at most; the user is told of the rest. */
  maxFiles: 2_000,
};

const indexes = new WeakMap<ReferatDocument, { membership: Membership | null; index: MemberIndex }>();

/** The members named in an open referat, worked out once per version and membership. */
export function membersOf(open: OpenReferat, membership: Membership | null): MemberIndex {
  const known = indexes.get(open.model);
  if (known && known.membership === membership) return known.index;
  const index = memberIndex(open.model, analyse(open).lines, membership);
  indexes.set(open.model, { membership, index });
  return index;
}

/** A referat of the workspace that is not open, as the workspace index knows it. */
export interface ClosedReferat {
  uri: string;
  /** The meeting's committee when the file was indexed (null: not named). */
  committee: string | null;
}

export interface Workspace {
  /** Every open referat. */
  open(): OpenReferat[];
  /** The membership of a referat, open or read from disk: by its own nearest referat.config.json. */
  membership(open: OpenReferat): Membership | null;
  /** The referater of the workspace folders that are not open (none without a workspace index). */
  closed(): Promise<ClosedReferat[]>;
  /** A closed referat's text as on disk now; null when it is gone or cannot be read. */
  readText(uri: string): Promise<string | null>;
  /** The configuration in force for a file (its nearest referat.config.json). */
  config(uri: string): ReferatConfig;
  log: Logger;
  /** Tells the user something worth knowing (a search cut short at its limit). */
  warn(message: string): void;
}

/** The member under the cursor: its occurrence and who it is. */
export function memberAt(
  open: OpenReferat,
  membership: Membership | null,
  position: Position,
): { occurrence: MemberOccurrence; identity: MemberIdentity; index: MemberIndex } | null {
  const index = membersOf(open, membership);
  const occurrence = occurrenceAt(index, position);
  const identity = occurrence && index.identities.get(occurrence.identity);
  return occurrence && identity ? { occurrence, identity, index } : null;
}

// ---- who is looked for in other referater ------------------------------------------------------

/** The person under the cursor, as other referater are searched for them. */
interface Sought {
  /** Every name of the person: the spellings here, and the configured name and aliases. */
  names: string[];
  keys: Set<string>;
  /** The configured name and aliases by key, when the member comes from referat.config.json. */
  configured: Set<string> | null;
  /** The committees (folded) the person is named under here; null when one of them is not known. */
  committees: Set<string> | null;
}

/** The member of an identity when it comes from the configuration (an attendee list's member does not speak for other referater). */
function configuredMember(membership: Membership | null, id: MemberIdentity): Member | null {
  if (!id.member) return null;
  const own = membership?.own;
  return own?.source === 'document' && own.members.includes(id.member) ? null : id.member;
}

function soughtOf(open: OpenReferat, membership: Membership | null, identity: MemberIdentity, occurrences: readonly MemberOccurrence[]): Sought {
  const member = configuredMember(membership, identity);
  const configuredNames = member ? [member.name, ...member.aliases] : [];
  const names = [...new Set([identity.name, ...identity.spellings, ...configuredNames])];
  let committees: Set<string> | null = new Set<string>();
  for (const o of occurrences) {
    const committee = o.committee ?? open.model.meeting.committee;
    if (!committee) {
      committees = null;
      break;
    }
    committees.add(fold(committee));
  }
  return { names, keys: new Set(names.map(nameKey)), configured: member ? new Set(configuredNames.map(nameKey)) : null, committees };
}

/** Same committee, or one of the two not known. */
function sameCommittee(sought: Sought, committee: string | null): boolean {
  return !sought.committees || !committee || sought.committees.has(fold(committee));
}

/** Two words or more: a near spelling of one word alone (`Jens`, `Hans`) says nothing across files. */
const isFullName = (name: string) => /\S\s+\S/.test(name.trim());

/**
 * One person? Two configured members: when they share a configured name or alias. Otherwise when
 * they share a spelling, or two full names are near enough (`Bährenz` is `Bæhrenz`), as the rules count it.
 */
function samePerson(sought: Sought, id: MemberIdentity, member: Member | null): boolean {
  if (sought.configured && member) return [member.name, ...member.aliases].some((n) => sought.configured!.has(nameKey(n)));
  const names = [id.name, ...id.spellings, ...(member ? [member.name, ...member.aliases] : [])];
  return names.some((n) => sought.keys.has(nameKey(n)) || (isFullName(n) && sought.names.some((s) => isFullName(s) && nearEnough(n, s))));
}

/** The occurrences of the sought person in another referat. */
function sameMemberIn(index: MemberIndex, membership: Membership | null, sought: Sought): MemberOccurrence[] {
  const wanted = new Set([...index.identities.values()].filter((id) => samePerson(sought, id, configuredMember(membership, id))).map((id) => id.key));
  return wanted.size ? index.occurrences.filter((o) => wanted.has(o.identity)) : [];
}

// ---- a cheap look before a file on disk is read -------------------------------------------------

/**
 * Pieces of a name such that every spelling near enough to it holds one of them unchanged: a
 * spelling `d` edits away touches at most `d` of `d + 1` pieces. `d` is the most any look-up allows
 * (near spellings and the membership's nearest member). Null when the pieces would be too short to
 * tell anything.
 */
export function namePieces(name: string): string[] | null {
  const key = nameKey(name);
  const pieces = Math.max(2, Math.floor(key.length / 5)) + 1;
  const size = Math.floor(key.length / pieces);
  if (size < 3) return null;
  return Array.from({ length: pieces }, (_, i) => key.slice(i * size, i === pieces - 1 ? undefined : (i + 1) * size));
}

/**
 * The pieces a file's text must hold one of to name the person: from the names sought and, for a
 * file under another configuration, the names and aliases it gives the same member. Null: every
 * file must be read.
 */
function piecesFor(sought: Sought, config: ReferatConfig): string[] | null {
  const names = new Set(sought.names);
  for (const committee of config.committees ?? []) {
    for (const m of committee.members ?? []) {
      const own = [m.name, ...(m.aliases ?? [])];
      if (own.some((n) => sought.keys.has(nameKey(n)))) for (const n of own) names.add(n);
    }
  }
  const pieces: string[] = [];
  for (const name of names) {
    const p = namePieces(name);
    if (!p) return null;
    pieces.push(...p);
  }
  return [...new Set(pieces)];
}

/** True when the text may name the person (a text without any piece of any name does not). */
function mayName(text: string, pieces: string[] | null): boolean {
  if (!pieces) return true;
  const key = nameKey(text);
  return pieces.some((p) => key.includes(p));
}

// ---- the search ----------------------------------------------------------------------------------

/** The occurrences of the person in one referat, with what an edit or location needs of it. */
interface Found {
  document: TextDocument;
  /** The open document's version; null for a file on disk. */
  version: number | null;
  occurrences: MemberOccurrence[];
}

const cancelled = () => new ResponseError<void>(LSPErrorCodes.RequestCancelled, 'Cancelled');

const CUT_SHORT = {
  da: (searched: number, all: number) => `Kun ${searched} af ${all} lukkede referater fra samme udvalg er gennemsøgt (højst ${searched} ad gangen): navnet kan stå i flere.`,
  en: (searched: number, all: number) =>
    `Only ${searched} of ${all} closed referater of the same committee were searched (at most ${searched} at a time): the name may appear in more.`,
};

/**
 * Every occurrence of the member under the cursor, per referat (this one first, then the other
 * open ones, then those on disk), each handed to `take` at once, so that a file read from disk is
 * let go before the next is read. Null when no member is under the cursor.
 */
async function eachReferat<T>(
  ws: Workspace,
  open: OpenReferat,
  position: Position,
  options: { locale: Locale; warn: boolean; token?: CancellationToken },
  take: (found: Found) => T,
): Promise<T[] | null | ResponseError<void>> {
  const membership = ws.membership(open);
  const here = memberAt(open, membership, position);
  if (!here) return null;
  const mine = here.index.occurrences.filter((o) => o.identity === here.identity.key);
  const sought = soughtOf(open, membership, here.identity, mine);
  const results = [take({ document: open.document, version: open.document.version, occurrences: mine })];
  const seen = new Set([uriKey(open.document.uri)]);
  for (const other of ws.open()) {
    const key = uriKey(other.document.uri);
    if (seen.has(key)) continue;
    seen.add(key);
    if (!sameCommittee(sought, other.model.meeting.committee)) continue;
    const otherMembership = ws.membership(other);
    const found = sameMemberIn(membersOf(other, otherMembership), otherMembership, sought);
    if (found.length) results.push(take({ document: other.document, version: other.document.version, occurrences: found }));
  }

  const closed = (await ws.closed()).filter((r) => !seen.has(uriKey(r.uri)) && sameCommittee(sought, r.committee));
  const { maxFiles } = WORKSPACE_SEARCH_LIMITS;
  if (closed.length > maxFiles) {
    const message = CUT_SHORT[options.locale](maxFiles, closed.length);
    if (options.warn) ws.warn(message);
    else ws.log.info(message);
  }
  const pieces = new Map<ReferatConfig, string[] | null>();
  for (const file of closed.slice(0, maxFiles)) {
    if (options.token?.isCancellationRequested) return cancelled();
    const config = ws.config(file.uri);
    if (!pieces.has(config)) pieces.set(config, piecesFor(sought, config));
    const found = await searchOnDisk(ws, file.uri, sought, pieces.get(config)!);
    if (found) results.push(take(found));
    // Let other requests in between files.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return options.token?.isCancellationRequested ? cancelled() : results;
}

/** The person's occurrences in a referat on disk: read now, by the core reader, under its own membership. */
async function searchOnDisk(ws: Workspace, uri: string, sought: Sought, pieces: string[] | null): Promise<Found | null> {
  const text = await ws.readText(uri);
  if (text === null || !mayName(text, pieces)) return null;
  const model = readReferatSafely(text, uri, ws.log);
  // The index may be older than the file: its committee is checked again.
  if (!model || !sameCommittee(sought, model.meeting.committee)) return null;
  const document = TextDocument.create(uri, REFERAT_LANGUAGE_ID, 0, text);
  const membership = ws.membership({ document, model });
  const occurrences = sameMemberIn(memberIndex(model, splitLines(text), membership), membership, sought);
  return occurrences.length ? { document, version: null, occurrences } : null;
}

export async function references(
  ws: Workspace,
  open: OpenReferat,
  position: Position,
  locale: Locale,
  token?: CancellationToken,
): Promise<Location[] | null | ResponseError<void>> {
  const found = await eachReferat(ws, open, position, { locale, warn: false, token }, ({ document, occurrences }) =>
    occurrences.map((o): Location => ({ uri: document.uri, range: clampRange(document, o.range) })),
  );
  return Array.isArray(found) ? found.flat() : found;
}

export function documentHighlights(open: OpenReferat, membership: Membership | null, position: Position): DocumentHighlight[] | null {
  const { document } = open;
  const here = memberAt(open, membership, position);
  if (here) {
    return here.index.occurrences.filter((o) => o.identity === here.identity.key).map((o) => ({ range: clampRange(document, o.range), kind: DocumentHighlightKind.Text }));
  }
  // A reference to a punkt, or the punkt's heading: the heading and every reference to it.
  const { refs } = analyse(open);
  const ref = referenceAt(refs, position);
  const punkt = ref && ref.kind !== 'bilag' ? ref.punkt : (open.model.items.find((p) => p.heading.range.start.line === position.line) ?? null);
  if (!punkt) return null;
  const related = refs.filter((r) => r.kind !== 'bilag' && r.punkt === punkt);
  return [
    { range: clampRange(document, punkt.heading.range), kind: DocumentHighlightKind.Write },
    ...related.map((r) => ({ range: clampRange(document, r.range), kind: DocumentHighlightKind.Read })),
  ];
}

const REFUSED = {
  da: 'Kun et medlems navn kan omdøbes: stil markøren på et navn i en afstemning, et fravær, et ændringsforslag eller deltagerlisten.',
  en: 'Only member names can be renamed: put the cursor on a name in a vote, an absence, a proposal or the attendee list.',
};

export function prepareRename(
  open: OpenReferat,
  membership: Membership | null,
  params: PrepareRenameParams,
  locale: Locale,
): { range: Range; placeholder: string } | ResponseError<void> {
  const here = memberAt(open, membership, params.position);
  if (!here) return new ResponseError(ErrorCodes.InvalidRequest, REFUSED[locale]);
  return { range: clampRange(open.document, here.occurrence.range), placeholder: here.occurrence.written };
}

/**
 * A name the export broke over two lines (`John` / `Rosenhøj` in an attendee list) keeps its line
 * break after as many words as before it, so that renaming does not join the lines.
 */
export function keepLineBreak(written: string, newName: string): string {
  const br = /\r\n|\r|\n/.exec(written);
  if (!br) return newName;
  const before = written.slice(0, br.index).trim().split(/\s+/).filter(Boolean).length;
  const words = newName.split(' ');
  if (before === 0 || words.length <= before) return newName;
  return `${words.slice(0, before).join(' ')}${br[0]}${words.slice(before).join(' ')}`;
}

export async function rename(
  ws: Workspace,
  open: OpenReferat,
  params: RenameParams,
  locale: Locale,
  documentChanges: boolean,
  token?: CancellationToken,
): Promise<WorkspaceEdit | ResponseError<void>> {
  const newName = params.newName.replace(/\s+/g, ' ').trim();
  if (!newName || /[\r\n]/.test(params.newName)) {
    return new ResponseError(ErrorCodes.InvalidParams, locale === 'da' ? 'Et navn skal stå på én linje og må ikke være tomt.' : 'A name must be on one line and not empty.');
  }
  const all = await eachReferat(ws, open, params.position, { locale, warn: true, token }, ({ document, version, occurrences }) => ({
    textDocument: { uri: document.uri, version },
    edits: occurrences
      .map((o) => clampRange(document, o.range))
      .map((range): TextEdit => ({ range, newText: keepLineBreak(document.getText(range), newName) }))
      .filter((e) => e.newText !== document.getText(e.range)),
  }));
  if (all === null) return new ResponseError(ErrorCodes.InvalidRequest, REFUSED[locale]);
  if (all instanceof ResponseError) return all;
  const changed = all.filter((c) => c.edits.length);
  if (documentChanges) return { documentChanges: changed satisfies TextDocumentEdit[] };
  return { changes: Object.fromEntries(changed.map((c) => [c.textDocument.uri, c.edits])) };
}
