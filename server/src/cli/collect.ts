// Which files `referat lint` looks at: files named on the command line, folders walked as the
// server walks them (host/folders.ts) and glob patterns.
import fs from 'node:fs';
import path from 'node:path';
import { hasReferatName, isCandidateFile } from '../files';
import { byPath, FileFinder, type FileProblem, type FoundFile, problemOf } from '../host/folders';

type Tinyglobby = typeof import('tinyglobby');
let tinyglobby: Tinyglobby | undefined;
/**
 * The glob library, loaded when a pattern is met: loading it takes longer than walking a folder of
 * a thousand files. `require`, so that esbuild bundles the CommonJS build: the ES module one needs
 * import.meta.url, which a CommonJS bundle does not have.
 */
const globber = (): Tinyglobby => (tinyglobby ??= require('tinyglobby') as Tinyglobby);

export interface Collected {
  targets: FoundFile[];
  problems: FileProblem[];
}

async function addPattern(finder: FileFinder, pattern: string) {
  const matches = await globber().glob(pattern, {
    absolute: path.isAbsolute(pattern),
    dot: false,
    onlyFiles: true,
    followSymbolicLinks: true,
    expandDirectories: false,
    ignore: ['**/node_modules/**'],
  });
  const files = matches.filter((m) => isCandidateFile(path.basename(m))).sort(byPath);
  if (!files.length) finder.problems.push({ file: pattern, code: 'no-match', detail: 'no referat matches' });
  for (const m of files) finder.add(path.normalize(m), hasReferatName(path.basename(m)));
}

async function addArg(finder: FileFinder, arg: string) {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(arg);
  } catch (error) {
    // A pattern that is not also the name of a file.
    if (globber().isDynamicPattern(arg)) return addPattern(finder, arg);
    finder.problems.push(problemOf(arg, error));
    return;
  }
  if (stat.isDirectory()) finder.walk(arg);
  else finder.add(arg, true);
}

/**
 * The files to lint for the command-line arguments (the current folder when there are none),
 * each once, sorted by path.
 */
export async function collectTargets(args: readonly string[]): Promise<Collected> {
  const finder = new FileFinder();
  for (const arg of args.length ? args : ['.']) await addArg(finder, arg);
  return { targets: finder.files(), problems: finder.problems };
}
