// The one walk of folders for referater, for `referat lint DIR`, `referat init` and the server's
// workspace scan alike: the same folders skipped, symlinks followed the same way, each file once.
import fs from 'node:fs';
import path from 'node:path';
import { hasReferatName, isCandidateFile } from '../files';

/** Dependencies and hidden folders (.git, .vscode) hold no minutes. */
export function isSkippedFolder(name: string): boolean {
  return name === 'node_modules' || name.startsWith('.');
}

export interface FoundFile {
  /** The path as shown to people: as given, or joined below the folder given. */
  file: string;
  /** False for a `.txt`/`.md` found in a folder or by a pattern: a referat only if its first lines look like one. */
  explicit: boolean;
}

export interface FileProblem {
  file: string;
  code: 'not-found' | 'unreadable' | 'loop' | 'loop-to' | 'no-match';
  detail: string;
}

/** Bounds of a walk, so that a home folder or a huge monorepo stays cheap (the server's; the CLI has none). */
export type WalkLimits = Record<'maxDepth' | 'maxDirectoryEntries' | 'maxFiles', number>;

const depth = (file: string) => path.normalize(file).split(path.sep).length;

const errnoOf = (error: unknown) => (error as NodeJS.ErrnoException).code;

/** What kept a file or folder from being read, as `referat lint` reports it. */
export function problemOf(file: string, error: unknown): FileProblem {
  const code = errnoOf(error);
  if (code === 'ENOENT' || code === 'ENOTDIR') return { file, code: 'not-found', detail: 'no such file' };
  if (code === 'ELOOP') return { file, code: 'loop', detail: '' };
  return { file, code: 'unreadable', detail: (error as Error).message };
}

/**
 * `path.join(dir, name)` for the names of a folder's entries (never empty, `.`, `..` or with a
 * separator): the folder is normalised once, not again for each of its thousands of entries.
 */
function joinerFor(dir: string): (name: string) => string {
  const prefix = path.join(dir, 'x').slice(0, -1);
  return (name) => prefix + name;
}

/** Code-unit order: the same on every machine and in every locale. */
export const byPath = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Finds files: walks folders depth-first in name order, following symlinks but not loops, and
 * keeps each file once by its real path. Synchronous calls: on a local disk each is quicker than
 * the round trip of an asynchronous one, and the server's limits keep its walk short.
 */
export class FileFinder {
  readonly problems: FileProblem[] = [];
  /** True once a limit stopped the walk. */
  limited = false;
  private readonly found = new Map<string, FoundFile>();
  /** Real paths of folders already walked: a link to one of them is not walked again. */
  private readonly walked = new Set<string>();
  private entriesSeen = 0;

  constructor(private readonly limits?: WalkLimits) {}

  /**
   * Files are told apart by their real path, so that a file behind two links is linted (and fixed)
   * once. `realPath` when the caller knows it already (a plain file in a walked folder).
   */
  add(file: string, explicit: boolean, realPath?: string) {
    let key = realPath;
    if (key === undefined) {
      try {
        key = fs.realpathSync.native(file);
      } catch {
        key = path.resolve(file);
      }
    }
    const known = this.found.get(key);
    if (!known) this.found.set(key, { file, explicit });
    else {
      // The same file by another way: show the shorter one, which is usually the one without the link.
      if (depth(file) < depth(known.file)) known.file = file;
      if (explicit) known.explicit = true;
    }
  }

  /** Walks a folder. `ancestors` are the real paths of the folders above it on this walk. */
  walk(dir: string, ancestors: readonly string[] = []): void {
    if (this.limited) return;
    let real: string;
    let entries: fs.Dirent[];
    try {
      real = fs.realpathSync.native(dir);
      if (ancestors.includes(real)) {
        this.problems.push({ file: dir, code: 'loop-to', detail: real });
        return;
      }
      if (this.walked.has(real)) return;
      this.walked.add(real);
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      this.problems.push(problemOf(dir, error));
      return;
    }
    entries.sort((a, b) => byPath(a.name, b.name));
    const chain = [...ancestors, real];
    const inDir = joinerFor(dir);
    const inReal = joinerFor(real);
    const limits = this.limits;
    for (const entry of entries) {
      if (limits && (++this.entriesSeen > limits.maxDirectoryEntries || this.found.size >= limits.maxFiles)) {
        this.limited = true;
        return;
      }
      const full = inDir(entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      const isLink = entry.isSymbolicLink();
      if (isLink) {
        try {
          const stat = fs.statSync(full);
          isDir = stat.isDirectory();
          isFile = stat.isFile();
        } catch (error) {
          // A dangling link or a link to itself: worth a word only where a referat was expected.
          if (errnoOf(error) === 'ELOOP' || hasReferatName(entry.name)) this.problems.push(problemOf(full, error));
          continue;
        }
      }
      if (isDir) {
        if (isSkippedFolder(entry.name) || (limits && chain.length > limits.maxDepth)) continue;
        this.walk(full, chain);
      } else if (isFile && isCandidateFile(entry.name)) {
        // A plain file's real path is its folder's real path and its name: no realpath call for each file.
        this.add(full, hasReferatName(entry.name), isLink ? undefined : inReal(entry.name));
      }
    }
  }

  /** The files found, each once, sorted by path. */
  files(): FoundFile[] {
    return [...this.found.values()].sort((a, b) => byPath(a.file, b.file));
  }
}
