// The punkter of every referat in the workspace. Files on disk are read once in the background
// and again when they change; open documents are taken live from the model cache instead.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Range } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Archive } from '../archive/archive';
import { decode } from '../host/files';
import { FileFinder, isSkippedFolder } from '../host/folders';
import { type ArchivedPart, type ArchivedReferat, type LineAt, archiveEntry, archivePart } from '../archive/entry';
import type { Punkt, ReferatDocument } from '../model';
import { readReferatSafely, type Logger, type ModelCache } from './documents';
import { lintTextOf, revisionOf } from './lineDocument';
import { clampRange } from './ranges';
import { filePathOf, hasReferatName, isCandidateFile, isInside, isReferatFile, uriKey, fileNameOf } from './referatFiles';
import { meetingName, punktSymbolName } from './symbolNames';

/** Bounds of the walk, so that opening a home folder or a huge monorepo stays cheap. */
export const SCAN_LIMITS = {
  maxDepth: 12,
  maxDirectoryEntries: 50_000,
  maxFiles: 5_000,
  maxFileBytes: 8 * 1024 * 1024,
  /** A `.txt`/`.md` file is judged by its start only. */
  headBytes: 16_384,
};

export interface IndexedPunkt {
  number: number;
  title: string;
  caseNumber: string | null;
  name: string;
  /** The heading line, clamped to the text. */
  headingRange: Range;
}

export interface IndexedReferat {
  uri: string;
  /** Meeting title, else the file name. */
  containerName: string;
  /** The meeting's committee, as the document names it (null: not named). */
  committee: string | null;
  punkter: IndexedPunkt[];
}

/** A referat on disk: its index entry and its archive record (both copied, holding no text). */
export interface DiskReferat extends IndexedReferat {
  archived: ArchivedReferat;
}

export interface ScanProgress {
  report(message: string, percentage?: number): void;
}

/**
 * The entry of a referat, sharing no string with its text: V8 makes titles and case numbers
 * slices of the text, and a kept slice keeps the whole text alive. structuredClone copies them.
 */
export function indexReferat(uri: string, document: TextDocument, model: ReferatDocument): IndexedReferat {
  return structuredClone(indexEntry(uri, document, model));
}

/** The entry as it is, for a moment's use: its strings may hold the whole text. */
function indexEntry(uri: string, document: TextDocument, model: ReferatDocument): IndexedReferat {
  return {
    uri,
    containerName: meetingName(model.meeting) ?? fileNameOf(uri),
    committee: model.meeting.committee,
    punkter: model.items.map((punkt) => ({
      number: punkt.number,
      title: punkt.title,
      caseNumber: punkt.caseNumber?.text ?? null,
      name: punktSymbolName(punkt),
      headingRange: clampRange(document, punkt.heading.range),
    })),
  };
}

export class WorkspaceIndex {
  /** Files read from disk, by `uriKey`. */
  private readonly onDisk = new Map<string, DiskReferat>();
  /** Every referat of the workspace, open documents as they are in the editor (brought up to date by `archive()`). */
  private readonly cases = new Archive();
  /** The open documents as the archive holds them: by URI, the version their record was made from. */
  private readonly archivedOpen = new Map<string, { document: TextDocument; revision: number }>();
  private roots: string[] = [];
  private scanning: Promise<void> = Promise.resolve();
  /** The entries of open documents, by URI, for the version they were made from (null: not a referat). */
  private readonly openEntries = new Map<string, { document: TextDocument; revision: number; entry: IndexedReferat | null }>();
  /** The open documents' punkter as the archive holds them: the reader keeps the punkter an edit did not touch, so each is made and cloned once. */
  private readonly parts = new WeakMap<Punkt, ArchivedPart>();
  private readonly partOf = (punkt: Punkt, lineAt: LineAt): ArchivedPart => {
    let part = this.parts.get(punkt);
    if (!part) this.parts.set(punkt, (part = structuredClone(archivePart(punkt, lineAt))));
    return part;
  };

  constructor(
    private readonly cache: ModelCache,
    private readonly log: Logger,
  ) {
    cache.documents.onDidClose((event) => {
      const uri = event.document.uri;
      this.openEntries.delete(uri);
      if (this.archivedOpen.delete(uri)) this.cases.remove(uri);
      // The file as on disk speaks for it again (read again by refreshFile when it changed).
      const disk = this.onDisk.get(uriKey(uri));
      if (disk && !this.isOpen(uriKey(uri))) this.cases.add(disk.archived);
    });
  }

  /**
   * The workspace's archive: the referater on disk, and the open documents as they are now. Each
   * open document changed since the last call is read into it again (its punkter only); files on
   * disk go in and out as they are read and forgotten.
   */
  archive(): Archive {
    for (const uri of this.cache.documents.keys()) {
      const document = this.cache.documents.get(uri)!;
      const known = this.archivedOpen.get(uri);
      if (known && known.document === document && known.revision === revisionOf(document)) continue;
      const model = this.cache.getModel(uri);
      const disk = this.onDisk.get(uriKey(uri));
      if (disk && disk.uri !== uri) this.cases.remove(disk.uri);
      if (model) {
        // The punkter's parts, and the names in them, are cloned already (partOf).
        const { punkter, names, ...meeting } = archiveEntry(uri, model, lintTextOf(document), this.partOf);
        this.cases.add({ ...structuredClone(meeting), punkter, names });
      } else this.cases.remove(uri);
      this.archivedOpen.set(uri, { document, revision: revisionOf(document) });
    }
    return this.cases;
  }

  private isOpen(key: string): boolean {
    return this.cache.documents.keys().some((uri) => uriKey(uri) === key);
  }

  private setDisk(key: string, referat: DiskReferat): void {
    const old = this.onDisk.get(key);
    this.onDisk.set(key, referat);
    if (this.isOpen(key)) return;
    if (old && old.uri !== referat.uri) this.cases.remove(old.uri);
    this.cases.add(referat.archived);
  }

  private deleteDisk(key: string): void {
    const old = this.onDisk.get(key);
    if (!old) return;
    this.onDisk.delete(key);
    if (!this.isOpen(key)) this.cases.remove(old.uri);
  }

  /** Every referat: open documents as they are in the editor, the others as on disk. */
  referater(): IndexedReferat[] {
    const result: IndexedReferat[] = [];
    const open = new Set<string>();
    for (const uri of this.cache.documents.keys()) {
      const document = this.cache.documents.get(uri)!;
      // Kept per version: the model of a document not looked at lately may have been let go, and reading it back costs.
      let known = this.openEntries.get(uri);
      if (!known || known.document !== document || known.revision !== revisionOf(document)) {
        const model = this.cache.getModel(uri);
        known = { document, revision: revisionOf(document), entry: model ? indexEntry(uri, document, model) : null };
        this.openEntries.set(uri, known);
      }
      if (!known.entry) continue;
      open.add(uriKey(uri));
      result.push(known.entry);
    }
    for (const [key, referat] of this.onDisk) if (!open.has(key)) result.push(referat);
    return result;
  }

  /** The referater on disk that are not open in the editor (an open document speaks for its file, referat or not). */
  closed(): IndexedReferat[] {
    const open = new Set(this.cache.documents.keys().map(uriKey));
    return [...this.onDisk].flatMap(([key, referat]) => (open.has(key) ? [] : [referat]));
  }

  /**
   * A file's text as it is on disk now, read on demand (texts are not kept): null when it is gone,
   * unreadable or larger than the scan reads.
   */
  async readText(uri: string): Promise<string | null> {
    const filePath = filePathOf(uri);
    if (!filePath) return null;
    try {
      const stat = await fs.stat(filePath);
      if (!stat.isFile() || stat.size > SCAN_LIMITS.maxFileBytes) return null;
      return decode(await fs.readFile(filePath)).text;
    } catch {
      return null;
    }
  }

  /** Resolves when the scans started so far have finished. */
  whenScanned(): Promise<void> {
    return this.scanning;
  }

  /** Adds folders to the index and reads their referater in the background. */
  addRoots(folders: string[], progress?: ScanProgress): Promise<void> {
    const added = folders.filter((folder) => !this.roots.includes(folder));
    this.roots.push(...added);
    const scan = this.scanning.then(() => this.scan(added, progress));
    this.scanning = scan.catch((error) => this.log.error(`Workspace scan failed: ${String(error)}`));
    return this.scanning;
  }

  removeRoots(folders: string[]): void {
    this.roots = this.roots.filter((root) => !folders.includes(root));
    for (const key of [...this.onDisk.keys()]) {
      if (folders.some((folder) => isInside(key, folder))) this.deleteDisk(key);
    }
  }

  /** Reads a file again after it changed on disk or was closed in the editor. */
  async refreshFile(filePath: string): Promise<void> {
    const key = uriKey(pathToFileURL(filePath).href);
    const generation = this.bump(key);
    if (!this.isIndexable(filePath)) {
      this.deleteDisk(key);
      return;
    }
    const referat = await readIndexedFile(filePath, this.log);
    // Deleted or read again meanwhile: this reading is out of date.
    if (this.reads.get(key) !== generation) return;
    this.reads.delete(key);
    if (referat) this.setDisk(key, referat);
    else this.deleteDisk(key);
  }

  /** The files being read again, by key: a later reading or a deletion makes an earlier reading's result stale. */
  private readonly reads = new Map<string, number>();
  private generation = 0;

  private bump(key: string): number {
    const generation = ++this.generation;
    this.reads.set(key, generation);
    return generation;
  }

  /** Inside a root, not below a skipped folder, and named like a possible referat. */
  private isIndexable(filePath: string): boolean {
    return (
      isCandidateFile(path.basename(filePath)) &&
      this.roots.some((root) => isInside(filePath, root) && !path.relative(root, filePath).split(path.sep).slice(0, -1).some(isSkippedFolder))
    );
  }

  /** Forgets a deleted file, or every file below a deleted folder. */
  forget(filePath: string): void {
    for (const key of [...this.reads.keys()]) if (isInside(key, filePath)) this.reads.delete(key);
    for (const key of [...this.onDisk.keys()]) if (isInside(key, filePath)) this.deleteDisk(key);
  }

  private async scan(roots: string[], progress?: ScanProgress): Promise<void> {
    if (roots.length === 0) return;
    progress?.report('Looking for referater');
    // Synchronous: within SCAN_LIMITS the walk takes a tenth of a second at most on a local disk; files are read asynchronously below.
    const finder = new FileFinder(SCAN_LIMITS);
    for (const root of roots) finder.walk(root);
    if (finder.limited) this.log.info(`Workspace scan stopped at its limit (${SCAN_LIMITS.maxDirectoryEntries} entries, ${SCAN_LIMITS.maxFiles} files)`);
    const files = finder.files().map((found) => found.file);
    const reader = files.length > 1 ? IndexReader.start(this.log) : null;
    try {
      for (let i = 0; i < files.length; i++) {
        if (!this.roots.some((root) => isInside(files[i], root))) continue;
        const referat = reader ? await reader.read(files[i]) : await readIndexedFile(files[i], this.log);
        if (referat) this.setDisk(uriKey(referat.uri), referat);
        progress?.report(`${i + 1}/${files.length} files`, Math.round(((i + 1) / files.length) * 100));
        // Let requests in between files.
        await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      await reader?.stop();
    }
    this.log.info(`Indexed ${this.onDisk.size} referater in ${roots.join(', ')}`);
  }
}

/** The index entry of a referat file, or null when it is none, too large, gone or unreadable. */
export async function readIndexedFile(filePath: string, log: Logger): Promise<DiskReferat | null> {
  try {
    const stat = await fs.stat(filePath);
    if (!stat.isFile() || stat.size > SCAN_LIMITS.maxFileBytes) return null;
    const fileName = path.basename(filePath);
    const head = hasReferatName(fileName) ? '' : await readHead(filePath, SCAN_LIMITS.headBytes);
    if (!isReferatFile(fileName, head)) return null;
    const text = decode(await fs.readFile(filePath)).text;
    const uri = pathToFileURL(filePath).href;
    const model = readReferatSafely(text, uri, log);
    if (!model) return null;
    return structuredClone({ ...indexEntry(uri, TextDocument.create(uri, 'referat', 0, text), model), archived: archiveEntry(uri, model, text) });
  } catch {
    // Deleted or unreadable between the walk and the read: simply not indexed.
    return null;
  }
}

/** What the index worker is started with, so that the server's bundle knows to be one (server.ts). */
export const INDEX_WORKER_DATA = { role: 'referat-workspace-index' } as const;

/** A request to the index worker: read this file. */
export interface IndexWorkerRequest {
  id: number;
  filePath: string;
}

/** The index worker's messages: an answer to a request, or a line for the server's log. */
export type IndexWorkerMessage = { id: number; referat: DiskReferat | null } | { log: 'error' | 'info'; message: string };

/**
 * The initial scan reads its files in a worker thread of the server's own bundle: the texts and
 * models it drops go back to the system with the worker's heap, where the server's own heap would
 * keep their space for good (bench/README.md). Only the small entries come back (copied, so they
 * hold no text). Where no worker can be started, files are read in the server.
 */
class IndexReader {
  private nextId = 0;
  /** Files asked for and not answered yet. */
  private readonly waiting = new Map<number, { filePath: string; resolve: (referat: Promise<DiskReferat | null> | DiskReferat | null) => void }>();
  /** Set once the worker failed, exited or was stopped: files are read in the server from then on. */
  private stopped = false;

  private constructor(
    private readonly worker: Worker,
    private readonly log: Logger,
  ) {
    worker.on('message', (message: IndexWorkerMessage) => {
      if ('log' in message) return this.log[message.log](message.message);
      this.waiting.get(message.id)?.resolve(message.referat);
      this.waiting.delete(message.id);
    });
    worker.on('error', (error) => this.log.error(`Workspace index worker failed: ${error.stack ?? error.message}`));
    worker.on('exit', () => this.readRestHere());
    // stdout is the protocol's: whatever the worker prints goes to stderr.
    worker.stdout.pipe(process.stderr, { end: false });
  }

  /** A reader on a worker of the server's bundle, or null when the code does not run from one (tests on the sources). */
  static start(log: Logger): IndexReader | null {
    const bundle = typeof __filename === 'string' && __filename.endsWith('.js') && require.main?.filename === __filename ? __filename : null;
    if (!bundle) return null;
    try {
      return new IndexReader(new Worker(bundle, { workerData: INDEX_WORKER_DATA, argv: [], stdout: true }), log);
    } catch (error) {
      log.error(`Workspace index worker could not start: ${String(error)}`);
      return null;
    }
  }

  read(filePath: string): Promise<DiskReferat | null> {
    if (this.stopped) return readIndexedFile(filePath, this.log);
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, { filePath, resolve });
      this.worker.postMessage({ id, filePath } satisfies IndexWorkerRequest);
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.worker.terminate();
  }

  private readRestHere(): void {
    this.stopped = true;
    for (const { filePath, resolve } of this.waiting.values()) resolve(readIndexedFile(filePath, this.log));
    this.waiting.clear();
  }
}

async function readHead(filePath: string, bytes: number): Promise<string> {
  const handle = await fs.open(filePath, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return decode(buffer.subarray(0, bytesRead)).text;
  } finally {
    await handle.close();
  }
}
