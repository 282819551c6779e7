// The open documents and their models. Every feature reads the model from here, so a document
// is parsed at most once per version however many requests arrive for it.
import { TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ReferatDocument } from '../model';
import { readReferat } from '../reader';
import { isReferatDocument } from './referatFiles';

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
    if (!cached || cached.version !== document.version) {
      cached = { version: document.version, model: this.read(document) };
      this.models.set(uri, cached);
    }
    return cached.model ? { document, model: cached.model } : undefined;
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
