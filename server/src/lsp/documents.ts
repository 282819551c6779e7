// The open documents and their models. Every feature reads the model from here, so a document
// is parsed at most once per version however many requests arrive for it.
import { type TextDocumentContentChangeEvent, TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ReferatDocument } from '../model';
import { readReferat } from '../reader';
import { type ReadState, readState, rereadState } from '../reader/incremental';
import { splitLines } from '../reader/lines';
import { hasDocumentUri, isContentChanges, isOpenedDocument } from './params';
import { isReferatDocument } from './referatFiles';

/** What `TextDocuments.listen` registers its handlers on. */
type SyncConnection = Parameters<TextDocuments<TextDocument>['listen']>[0];

export interface Logger {
  error(message: string): void;
  info(message: string): void;
}

/** An open referat: its text as the client has it and the model read from that text. */
export interface OpenReferat {
  document: TextDocument;
  model: ReferatDocument;
}

interface CachedModel {
  /** The document it was read from: opened again, a document is another object with maybe the same version. */
  document: TextDocument;
  version: number;
  /** Null when the document is not a referat or could not be read. */
  model: ReferatDocument | null;
}

/**
 * The lines edits have touched since a version: lines [from, oldEnd) of that version are now
 * lines [from, newEnd) of the document. Null when an edit cannot be followed line by line (the
 * whole text was sent, or a line break may have joined another): the next reading reads it all.
 */
interface TouchedLines {
  since: number;
  span: { from: number; oldEnd: number; newEnd: number } | null;
}

/** The reader's state of one document, kept to re-read only what the next edits touch. */
interface KeptState {
  uri: string;
  document: TextDocument;
  version: number;
  state: ReadState;
}

export class ModelCache {
  readonly documents = new TextDocuments(TextDocument);
  private readonly models = new Map<string, CachedModel>();
  private readonly touched = new Map<string, TouchedLines>();
  /**
   * Kept for one document only, the one read last (the one being typed in): its lines cost
   * memory in the order of its text, too much to keep for every open referat.
   */
  private kept: KeptState | undefined;
  /** How many readings read the whole text, and how many only what edits touched (for the log, tests and benchmark). */
  readonly readings = { whole: 0, partial: 0 };

  constructor(private readonly log: Logger) {
    this.documents.onDidClose((event) => {
      this.models.delete(event.document.uri);
      this.touched.delete(event.document.uri);
      if (this.kept?.uri === event.document.uri) this.kept = undefined;
    });
  }

  /** The model of an open referat, or undefined when the document is not open or not a referat. */
  getModel(uri: string): ReferatDocument | undefined {
    return this.get(uri)?.model;
  }

  get(uri: string): OpenReferat | undefined {
    const document = this.documents.get(uri);
    if (!document) return undefined;
    let cached = this.models.get(uri);
    if (!cached || cached.document !== document || cached.version !== document.version) {
      cached = { document, version: document.version, model: this.read(document) };
      this.models.set(uri, cached);
    }
    return cached.model ? { document, model: cached.model } : undefined;
  }

  /**
   * Follows the client's document sync, but never lets a message corrupt a text: a didOpen
   * without a text, a didChange for an older or the same version, or one whose changes are not
   * all well formed, is ignored (and logged) as a whole.
   */
  listen(connection: SyncConnection): void {
    const ignored = (method: string, why: string) => this.log.info(`Ignored textDocument/${method}: ${why}.`);
    this.documents.listen({
      onDidOpenTextDocument: (handler) =>
        connection.onDidOpenTextDocument((params) =>
          isOpenedDocument(params?.textDocument) ? handler(params) : ignored('didOpen', 'no text document item (uri, languageId, version, text)'),
        ),
      onDidChangeTextDocument: (handler) =>
        connection.onDidChangeTextDocument((params) => {
          const problem = this.changeProblem(params);
          if (problem) return ignored('didChange', problem);
          // The document is updated in place: its version and line count are read before.
          const document = this.documents.get(params.textDocument.uri)!;
          const before = { uri: document.uri, version: document.version, lineCount: document.lineCount };
          handler(params);
          this.noteTouched(before, params.contentChanges);
        }),
      onDidCloseTextDocument: (handler) =>
        connection.onDidCloseTextDocument((params) => (hasDocumentUri(params) ? handler(params) : ignored('didClose', 'no document URI'))),
      onWillSaveTextDocument: (handler) => connection.onWillSaveTextDocument((params) => void (hasDocumentUri(params) && handler(params))),
      onWillSaveTextDocumentWaitUntil: (handler) =>
        connection.onWillSaveTextDocumentWaitUntil((params, token) => (hasDocumentUri(params) ? handler(params, token) : [])),
      onDidSaveTextDocument: (handler) => connection.onDidSaveTextDocument((params) => void (hasDocumentUri(params) && handler(params))),
    });
  }

  /** Why a didChange cannot be applied, or undefined when it can. */
  private changeProblem(params: unknown): string | undefined {
    if (!hasDocumentUri(params)) return 'no document URI';
    const { uri, version } = params.textDocument as { uri: string; version?: unknown };
    const document = this.documents.get(uri);
    if (!document) return `${uri} is not open`;
    if (typeof version !== 'number' || !Number.isInteger(version)) return `${uri}: no version`;
    if (version <= document.version) return `${uri}: version ${version} is not newer than ${document.version}`;
    if (!isContentChanges((params as { contentChanges?: unknown }).contentChanges)) return `${uri}: malformed content changes`;
    return undefined;
  }

  /** Every open referat. */
  all(): OpenReferat[] {
    return this.documents.keys().flatMap((uri) => this.get(uri) ?? []);
  }

  /** Remembers which lines the changes applied to the document `before` describes touched. */
  private noteTouched(before: { uri: string; version: number; lineCount: number }, changes: readonly TextDocumentContentChangeEvent[]): void {
    const uri = before.uri;
    const known = this.touched.get(uri);
    const touched: TouchedLines = known ?? { since: before.version, span: null };
    if (!known) this.touched.set(uri, touched);
    else if (!known.span) return;
    let span = known ? known.span : null;
    let lineCount = before.lineCount;
    for (const change of changes) {
      // A change of the whole text, or text whose line break may join one next to it (`\r` + `\n`).
      if (!('range' in change) || change.text.startsWith('\n') || change.text.endsWith('\r')) {
        touched.span = null;
        return;
      }
      // Lines as the document applies them: in order, and within the text.
      const { start: a, end: b } = change.range;
      const start = Math.max(0, Math.min(a.line, b.line, lineCount - 1));
      const end = Math.max(start, Math.min(Math.max(a.line, b.line), lineCount - 1)) + 1;
      const added = splitLines(change.text).length - (end - start);
      if (!span) span = { from: start, oldEnd: end, newEnd: end };
      else {
        // Lines after the span are the old ones, moved by (newEnd - oldEnd).
        const newEnd = Math.max(span.newEnd, end);
        span = { from: Math.min(span.from, start), oldEnd: newEnd - (span.newEnd - span.oldEnd), newEnd };
      }
      span.newEnd += added;
      lineCount += added;
    }
    const after = this.documents.get(uri);
    // The document must agree on the count of lines, or the edits were not what they seemed.
    touched.span = span && after && after.lineCount === lineCount ? span : null;
  }

  private read(document: TextDocument): ReferatDocument | null {
    const text = document.getText();
    if (!isReferatDocument(document.uri, document.languageId, text)) return null;
    const uri = document.uri;
    const touched = this.touched.get(uri);
    this.touched.delete(uri);
    const kept = this.kept;
    this.kept = undefined;
    try {
      let state: ReadState | undefined;
      if (kept && kept.uri === uri && touched?.span && touched.since === kept.version && kept.document.uri === uri) {
        const { from, oldEnd, newEnd } = touched.span;
        const raws = linesOf(document, from, newEnd);
        if (raws) state = rereadState(kept.state, { from, oldEnd, raws });
      }
      if (state) this.readings.partial++;
      else {
        state = readState(text);
        this.readings.whole++;
      }
      this.kept = { uri, document, version: document.version, state };
      return state.model;
    } catch (error) {
      this.log.error(`Could not read ${uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return readReferatSafely(text, uri, this.log);
    }
  }
}

/** Lines [from, to) of the document as the reader splits them, or undefined when they do not split into that many. */
function linesOf(document: TextDocument, from: number, to: number): string[] | undefined {
  const start = document.offsetAt({ line: from, character: 0 });
  const end = to < document.lineCount ? document.offsetAt({ line: to, character: 0 }) : document.getText().length;
  let text = document.getText().slice(start, end);
  // Up to the start of line `to`: without the line break that ends the last line.
  if (to < document.lineCount) text = text.replace(/(\r\n|\r|\n)$/, '');
  const raws = splitLines(text);
  return raws.length === to - from ? raws : undefined;
}

/** The reader is not meant to throw; if it does, one bad document must not take the server down. */
export function readReferatSafely(text: string, uri: string, log: Logger): ReferatDocument | null {
  try {
    return readReferat(text);
  } catch (error) {
    log.error(`Could not read ${uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return null;
  }
}
