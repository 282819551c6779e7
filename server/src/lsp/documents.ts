// The open documents and their models. Every feature reads the model from here, so a document
// is parsed at most once per version however many requests arrive for it.
import { TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ReferatDocument } from '../model';
import { readReferat } from '../reader';
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

export class ModelCache {
  readonly documents = new TextDocuments(TextDocument);
  private readonly models = new Map<string, CachedModel>();

  constructor(private readonly log: Logger) {
    this.documents.onDidClose((event) => this.models.delete(event.document.uri));
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
          if (problem) ignored('didChange', problem);
          else handler(params);
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

  private read(document: TextDocument): ReferatDocument | null {
    const text = document.getText();
    if (!isReferatDocument(document.uri, document.languageId, text)) return null;
    return readReferatSafely(text, document.uri, this.log);
  }
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
