// What a client sends, checked before any feature sees it: a request whose params are not of the
// protocol's shape (no object, no document URI, a position that is no pair of non-negative
// integers, ...) is answered with nothing, and document sync that would corrupt a text (a
// change for an older version, a change whose range is not a range, a text that is no string)
// is ignored. Positions past the end of the text are well formed: the features clamp them.
import type { Position, Range, TextDocumentContentChangeEvent, WorkspaceFoldersChangeEvent } from 'vscode-languageserver';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A line or character: a non-negative integer (not NaN, not Infinity, not `"3"`). */
const isIndex = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;

export function isPosition(value: unknown): value is Position {
  return isObject(value) && isIndex(value.line) && isIndex(value.character);
}

export function isRange(value: unknown): value is Range {
  return isObject(value) && isPosition(value.start) && isPosition(value.end);
}

/** The fields each request needs beyond `textDocument`, which every `textDocument/` request needs. */
const REQUIRED: Record<string, readonly string[]> = {
  'textDocument/hover': ['position'],
  'textDocument/completion': ['position'],
  'textDocument/definition': ['position'],
  'textDocument/references': ['position'],
  'textDocument/documentHighlight': ['position'],
  'textDocument/prepareRename': ['position'],
  'textDocument/rename': ['position', 'newName'],
  'textDocument/selectionRange': ['positions'],
  'textDocument/codeAction': ['range', 'context'],
  'textDocument/rangeFormatting': ['range'],
  'textDocument/semanticTokens/range': ['range'],
  'workspace/symbol': ['query'],
  'workspace/diagnostic': ['previousResultIds'],
  'referat/preview': ['textDocument'],
  'referat/summary': ['textDocument'],
};

/** Checks of the fields, wherever they appear. */
const FIELDS: Record<string, (value: unknown) => boolean> = {
  textDocument: (value) => isObject(value) && typeof value.uri === 'string',
  position: isPosition,
  positions: (value) => Array.isArray(value) && value.every(isPosition),
  range: isRange,
  newName: (value) => typeof value === 'string',
  query: (value) => typeof value === 'string',
  context: (value) =>
    isObject(value) &&
    (!('diagnostics' in value) || (Array.isArray(value.diagnostics) && value.diagnostics.every(isObject))) &&
    (value.only === undefined || (Array.isArray(value.only) && value.only.every((kind) => typeof kind === 'string'))),
  previousResultIds: (value) => Array.isArray(value) && value.every((id) => isObject(id) && typeof id.uri === 'string' && typeof id.value === 'string'),
  previousResultId: (value) => value === undefined || value === null || typeof value === 'string',
};

/** Why a request's params cannot be used, or undefined when they can. */
export function paramsProblem(method: string, params: unknown): string | undefined {
  if (!isObject(params)) return 'params is not an object';
  const required = [...(method.startsWith('textDocument/') ? ['textDocument'] : []), ...(REQUIRED[method] ?? [])];
  for (const field of required) if (!(field in params)) return `${field} is missing`;
  for (const [field, check] of Object.entries(FIELDS)) if (field in params && !check(params[field])) return `${field} is malformed`;
  return undefined;
}

/** A text document item of didOpen. */
export function isOpenedDocument(value: unknown): value is { uri: string; languageId: string; version: number; text: string } {
  return isObject(value) && typeof value.uri === 'string' && typeof value.languageId === 'string' && Number.isInteger(value.version) && typeof value.text === 'string';
}

/** The content changes of didChange: the whole text, or a range and its new text. */
export function isContentChanges(value: unknown): value is TextDocumentContentChangeEvent[] {
  return Array.isArray(value) && value.every((change) => isObject(change) && typeof change.text === 'string' && (!('range' in change) || isRange(change.range)));
}

/** `textDocument` with a string URI (didClose, didSave, willSave). */
export function hasDocumentUri(params: unknown): params is { textDocument: { uri: string } } {
  return isObject(params) && FIELDS.textDocument(params.textDocument);
}

/** The event of workspace/didChangeWorkspaceFolders: folders added and removed, each with a URI. */
export function isFoldersChange(event: unknown): event is WorkspaceFoldersChangeEvent {
  const folders = (value: unknown) => Array.isArray(value) && value.every((folder) => isObject(folder) && typeof folder.uri === 'string');
  return isObject(event) && folders(event.added) && folders(event.removed);
}
