// References, document highlights and rename of a member: every place the person is named, in
// every spelling (`Bæhrenz` and `Bährenz` are one member), in this document and the other open
// referater. On a reference to a punkt, highlights show the punkt's heading and the references to it.
import {
  DocumentHighlightKind,
  ErrorCodes,
  ResponseError,
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
import type { Membership } from '../config/membership';
import { nameKey } from '../config/membership';
import type { Locale } from '../i18n';
import type { ReferatDocument } from '../model';
import { memberIndex, occurrenceAt, referenceAt, type MemberIdentity, type MemberIndex, type MemberOccurrence } from '../navigation';
import type { OpenReferat } from './documents';
import { analyse } from './links';
import { clampRange } from './ranges';

const indexes = new WeakMap<ReferatDocument, { membership: Membership | null; index: MemberIndex }>();

/** The members named in an open referat, worked out once per version and membership. */
export function membersOf(open: OpenReferat, membership: Membership | null): MemberIndex {
  const known = indexes.get(open.model);
  if (known && known.membership === membership) return known.index;
  const index = memberIndex(open.model, analyse(open).lines, membership);
  indexes.set(open.model, { membership, index });
  return index;
}

export interface Workspace {
  /** Every open referat. */
  open(): OpenReferat[];
  membership(open: OpenReferat): Membership | null;
}

/** The member under the cursor: its occurrence and who it is. */
export function memberAt(open: OpenReferat, membership: Membership | null, position: Position): { occurrence: MemberOccurrence; identity: MemberIdentity; index: MemberIndex } | null {
  const index = membersOf(open, membership);
  const occurrence = occurrenceAt(index, position);
  const identity = occurrence && index.identities.get(occurrence.identity);
  return occurrence && identity ? { occurrence, identity, index } : null;
}

/** The occurrences of the same person in another document: same configured member, or one of the same spellings. */
function sameMemberIn(index: MemberIndex, identity: MemberIdentity): MemberOccurrence[] {
  const keys = new Set([identity.name, ...identity.spellings, ...(identity.member?.aliases ?? [])].map(nameKey));
  const ids = [...index.identities.values()].filter((id) => [id.name, ...id.spellings].some((s) => keys.has(nameKey(s))));
  const wanted = new Set(ids.map((id) => id.key));
  return index.occurrences.filter((o) => wanted.has(o.identity));
}

/** Every occurrence of the member under the cursor, per document (this one first). */
function allOccurrences(ws: Workspace, open: OpenReferat, position: Position): Map<OpenReferat, MemberOccurrence[]> | null {
  const here = memberAt(open, ws.membership(open), position);
  if (!here) return null;
  const result = new Map<OpenReferat, MemberOccurrence[]>();
  result.set(open, here.index.occurrences.filter((o) => o.identity === here.identity.key));
  for (const other of ws.open()) {
    if (other.document.uri === open.document.uri) continue;
    const found = sameMemberIn(membersOf(other, ws.membership(other)), here.identity);
    if (found.length) result.set(other, found);
  }
  return result;
}

export function references(ws: Workspace, open: OpenReferat, position: Position): Location[] | null {
  const all = allOccurrences(ws, open, position);
  if (!all) return null;
  return [...all].flatMap(([doc, occurrences]) => occurrences.map((o) => ({ uri: doc.document.uri, range: clampRange(doc.document, o.range) })));
}

export function documentHighlights(open: OpenReferat, membership: Membership | null, position: Position): DocumentHighlight[] | null {
  const { document } = open;
  const here = memberAt(open, membership, position);
  if (here) {
    return here.index.occurrences
      .filter((o) => o.identity === here.identity.key)
      .map((o) => ({ range: clampRange(document, o.range), kind: DocumentHighlightKind.Text }));
  }
  // A reference to a punkt, or the punkt's heading: the heading and every reference to it.
  const { refs } = analyse(open);
  const ref = referenceAt(refs, position);
  const punkt = ref && ref.kind !== 'bilag' ? ref.punkt : open.model.items.find((p) => p.heading.range.start.line === position.line) ?? null;
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

export function prepareRename(open: OpenReferat, membership: Membership | null, params: PrepareRenameParams, locale: Locale): { range: Range; placeholder: string } | ResponseError<void> {
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

export function rename(ws: Workspace, open: OpenReferat, params: RenameParams, locale: Locale, documentChanges: boolean): WorkspaceEdit | ResponseError<void> {
  const newName = params.newName.replace(/\s+/g, ' ').trim();
  if (!newName || /[\r\n]/.test(params.newName)) {
    return new ResponseError(ErrorCodes.InvalidParams, locale === 'da' ? 'Et navn skal stå på én linje og må ikke være tomt.' : 'A name must be on one line and not empty.');
  }
  const all = allOccurrences(ws, open, params.position);
  if (!all) return new ResponseError(ErrorCodes.InvalidRequest, REFUSED[locale]);
  const editsOf = (doc: OpenReferat, occurrences: MemberOccurrence[]): TextEdit[] =>
    occurrences
      .map((o) => ({ range: clampRange(doc.document, o.range), newText: keepLineBreak(doc.document.getText(clampRange(doc.document, o.range)), newName) }))
      .filter((e) => e.newText !== doc.document.getText(e.range));
  if (documentChanges) {
    const changes: TextDocumentEdit[] = [...all].map(([doc, occurrences]) => ({
      textDocument: { uri: doc.document.uri, version: doc.document.version },
      edits: editsOf(doc, occurrences),
    }));
    return { documentChanges: changes.filter((c) => c.edits.length) };
  }
  const changes: Record<string, TextEdit[]> = {};
  for (const [doc, occurrences] of all) {
    const edits = editsOf(doc, occurrences);
    if (edits.length) changes[doc.document.uri] = edits;
  }
  return { changes };
}
