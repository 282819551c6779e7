// The open documents and their models. Every feature reads the model from here, so a document
// is parsed at most once per version however many requests arrive for it.
import { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ReferatDocument } from '../model';
import { DEFAULT_VOCABULARY, type Vocabulary, type VocabularyWords } from '../vocabulary';
import { readReferat } from '../reader';
import { type ReadState, readState, rereadState } from '../reader/incremental';
import { type LineDocument, lineDocuments } from './lineDocument';
import { hasDocumentUri, isContentChanges, isOpenedDocument } from './params';
import { REFERAT_LANGUAGE_ID, fileNameOf, hasReferatName, isReferatDocument } from './referatFiles';

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
  document: LineDocument;
  revision: number;
  /** Null when the document is not a referat or could not be read. */
  model: ReferatDocument | null;
  /** The words it was read with: a changed referat.config.json vocabulary means reading again. */
  vocabulary: Vocabulary;
}

/** The reader's state of one document, kept to re-read only what the next edits touch. */
interface KeptState {
  document: LineDocument;
  revision: number;
  state: ReadState;
}

/**
 * Models kept at most: those of the documents asked about last. A model takes about as much memory
 * as its text, and with many referater open most are not looked at; one asked for again is read again.
 */
const MAX_MODELS = 12;

export class ModelCache {
  readonly documents = new TextDocuments(lineDocuments);
  private readonly models = new Map<string, CachedModel>();
  /**
   * Kept for one document only, the one read last (the one being typed in): its lines cost
   * memory in the order of its text, too much to keep for every open referat.
   */
  private kept: KeptState | undefined;
  /** How many readings read the whole text, and how many only what edits touched (tests check that typing takes the short way). */
  readonly readings = { whole: 0, partial: 0 };
  /** The vocabulary of a document's referat.config.json; the built-in one until the server sets it. */
  vocabularyFor: (uri: string) => Vocabulary = () => DEFAULT_VOCABULARY;

  constructor(private readonly log: Logger) {
    this.documents.onDidClose((event) => {
      this.models.delete(event.document.uri);
      if (this.kept?.document.uri === event.document.uri) this.kept = undefined;
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
    // Most recently asked for last: the map's order is the order of eviction.
    this.models.delete(uri);
    const vocabulary = this.vocabularyFor(uri);
    if (!cached || cached.document !== document || cached.revision !== document.revision || cached.vocabulary !== vocabulary) {
      cached = { document, revision: document.revision, model: this.read(document, vocabulary), vocabulary };
    }
    this.models.set(uri, cached);
    if (this.models.size > MAX_MODELS) this.models.delete(this.models.keys().next().value!);
    return cached.model ? { document, model: cached.model } : undefined;
  }

  /**
   * Follows the client's document sync, but never lets a message corrupt a text: a didOpen
   * without a text, or a didChange whose changes are not all well formed, is ignored (and logged)
   * as a whole. A didChange whose version is not higher than the last is applied, in the order it
   * came, as vscode-languageserver's TextDocuments does (the client made its edits on the text it
   * had, which is the text here), and logged.
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
          if (problem) ignored('didChange', problem);
          else {
            this.noteOutOfOrder(params as { textDocument: { uri: string; version: number } });
            handler(params);
          }
        }),
      onDidCloseTextDocument: (handler) => connection.onDidCloseTextDocument((params) => (hasDocumentUri(params) ? handler(params) : ignored('didClose', 'no document URI'))),
      onWillSaveTextDocument: (handler) => connection.onWillSaveTextDocument((params) => void (hasDocumentUri(params) && handler(params))),
      onWillSaveTextDocumentWaitUntil: (handler) => connection.onWillSaveTextDocumentWaitUntil((params, token) => (hasDocumentUri(params) ? handler(params, token) : [])),
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
    if (!isContentChanges((params as { contentChanges?: unknown }).contentChanges)) return `${uri}: malformed content changes`;
    return undefined;
  }

  private noteOutOfOrder({ textDocument: { uri, version } }: { textDocument: { uri: string; version: number } }): void {
    const last = this.documents.get(uri)?.version;
    if (last !== undefined && version <= last) this.log.info(`textDocument/didChange: ${uri}: version ${version} after ${last}, applied in the order received.`);
  }

  /** Every open referat. */
  all(): OpenReferat[] {
    return this.documents.keys().flatMap((uri) => this.get(uri) ?? []);
  }

  private read(document: LineDocument, vocabulary: Vocabulary): ReferatDocument | null {
    const kept = this.kept?.state.structure.context.vocabulary === vocabulary ? this.kept : undefined;
    this.kept = undefined;
    // A referat by its language or name stays one whatever is typed; one known by its first lines
    // alone is read whole, so that they are looked at again.
    const named = document.languageId === REFERAT_LANGUAGE_ID || hasReferatName(fileNameOf(document.uri));
    const touched = named && kept?.document === document ? document.touchedLinesSince(kept.revision) : undefined;
    // The whole text is joined only when the whole of it is read.
    const text = touched ? undefined : document.getText();
    if (text !== undefined && !isReferatDocument(document.uri, document.languageId, text)) return null;
    try {
      let state: ReadState;
      if (touched) {
        const { from, oldEnd, newEnd } = touched;
        const raws: string[] = [];
        for (let line = from; line < newEnd; line++) raws.push(document.lineAt(line));
        state = rereadState(kept!.state, { from, oldEnd, raws });
        this.readings.partial++;
      } else if (touched === null) {
        state = kept!.state;
      } else {
        state = readState(text!, vocabulary);
        this.readings.whole++;
      }
      document.markRead();
      this.kept = { document, revision: document.revision, state };
      return state.model;
    } catch (error) {
      this.log.error(`Could not read ${document.uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return readReferatSafely(document.getText(), document.uri, this.log, vocabulary);
    }
  }
}

/** The reader is not meant to throw; if it does, one bad document must not take the server down. */
export function readReferatSafely(text: string, uri: string, log: Logger, vocabulary?: VocabularyWords | Vocabulary): ReferatDocument | null {
  try {
    return readReferat(text, { vocabulary, onError: (error) => log.error(`Could not read ${uri}: ${errorText(error)}`) });
  } catch (error) {
    log.error(`Could not read ${uri}: ${errorText(error)}`);
    return null;
  }
}

/** An error for the log: its stack where it has one. */
export function errorText(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
