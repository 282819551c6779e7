// Which files `referat lint` looks at: files named on the command line, folders walked
// recursively (without node_modules, dot-folders and symlink loops) and glob patterns.
import fs from 'node:fs';
import path from 'node:path';
import { hasReferatName, isCandidateFile } from '../files';
import { isSkippedFolder } from '../host/folders';

type Tinyglobby = typeof import('tinyglobby');
let tinyglobby: Tinyglobby | undefined;
/**
 * The glob library, loaded when a pattern is met: loading it takes longer than walking a folder of
 * a thousand files. `require`, so that esbuild bundles the CommonJS build: the ES module one needs
 * import.meta.url, which a CommonJS bundle does not have.
 */
const globber = (): Tinyglobby => (tinyglobby ??= require('tinyglobby') as Tinyglobby);

export interface Target {
  /** The path as shown to people: as given, or joined below the folder given. */
  file: string;
  /** False for a `.txt`/`.md` found in a folder or by a pattern: linted only if its first lines look like a referat. */
  explicit: boolean;
}

export type TargetProblemCode = 'not-found' | 'unreadable' | 'loop' | 'loop-to' | 'no-match';

export interface TargetProblem {
  file: string;
  code: TargetProblemCode;
  detail: string;
}

export interface Collected {
  targets: Target[];
  problems: TargetProblem[];
}

const depth = (file: string) => path.normalize(file).split(path.sep).length;

const errnoOf = (error: unknown) => (error as NodeJS.ErrnoException).code;

function problemOf(file: string, error: unknown): TargetProblem {
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

class Collector {
  readonly targets = new Map<string, Target>();
  readonly problems: TargetProblem[] = [];
  /** Real paths of folders already walked: a link to one of them is not walked again. */
  private readonly walked = new Set<string>();

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
    const known = this.targets.get(key);
    if (!known) this.targets.set(key, { file, explicit });
    else {
      // The same file by another way: show the shorter one, which is usually the one without the link.
      if (depth(file) < depth(known.file)) known.file = file;
      if (explicit) known.explicit = true;
    }
  }

  /**
   * Walks a folder. `ancestors` are the real paths of the folders above it on this walk.
   * Synchronous calls: on a local disk each is quicker than the round trip of an asynchronous one.
   */
  walk(dir: string, ancestors: readonly string[]): void {
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
    for (const entry of entries) {
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
        if (isSkippedFolder(entry.name)) continue;
        this.walk(full, chain);
      } else if (isFile && isCandidateFile(entry.name)) {
        // A plain file's real path is its folder's real path and its name: no realpath call for each file.
        this.add(full, hasReferatName(entry.name), isLink ? undefined : inReal(entry.name));
      }
    }
  }

  async pattern(pattern: string) {
    const matches = await globber().glob(pattern, {
      absolute: path.isAbsolute(pattern),
      dot: false,
      onlyFiles: true,
      followSymbolicLinks: true,
      expandDirectories: false,
      ignore: ['**/node_modules/**'],
    });
    const files = matches.filter((m) => isCandidateFile(path.basename(m))).sort(byPath);
    if (!files.length) this.problems.push({ file: pattern, code: 'no-match', detail: 'no referat matches' });
    for (const m of files) this.add(path.normalize(m), hasReferatName(path.basename(m)));
  }

  async arg(arg: string) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(arg);
    } catch (error) {
      // A pattern that is not also the name of a file.
      if (globber().isDynamicPattern(arg)) return this.pattern(arg);
      this.problems.push(problemOf(arg, error));
      return;
    }
    if (stat.isDirectory()) this.walk(arg, []);
    else this.add(arg, true);
  }
}

/**
 * The files to lint for the command-line arguments (the current folder when there are none),
 * each once, sorted by path.
 */
export async function collectTargets(args: readonly string[]): Promise<Collected> {
  const c = new Collector();
  for (const arg of args.length ? args : ['.']) await c.arg(arg);
  const targets = [...c.targets.values()].sort((a, b) => byPath(a.file, b.file));
  return { targets, problems: c.problems };
}
