// Which files and documents are referater. Named referat files always are; plain `.txt`/`.md`
// files only when their first lines look like one, because editors send us every text file.
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { looksLikeReferat } from '../detect';
import { hasReferatName, isCandidateFile, isReferatFile } from '../files';

export const REFERAT_LANGUAGE_ID = 'referat';

export { hasReferatName, isCandidateFile, isReferatFile };

export function isReferatDocument(uri: string, languageId: string, text: string): boolean {
  return languageId === REFERAT_LANGUAGE_ID || hasReferatName(fileNameOf(uri)) || looksLikeReferat(text);
}

/** The file path of a `file:` URI, or null for other schemes. */
export function filePathOf(uri: string): string | null {
  if (!uri.startsWith('file:')) return null;
  try {
    return fileURLToPath(uri);
  } catch {
    return null;
  }
}

/** True when a file path is the folder or lies below it. */
export function isInside(filePath: string, folder: string): boolean {
  const relative = path.relative(folder, filePath);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * One key per file, whatever the URI spelling: clients encode URIs differently
 * (`%3A` or `:`), so open documents and files read from disk are matched by path.
 */
export function uriKey(uri: string): string {
  return filePathOf(uri) ?? uri;
}

export function fileNameOf(uri: string): string {
  const filePath = filePathOf(uri);
  if (filePath) return path.basename(filePath);
  const last = uri.split(/[/\\]/).pop() ?? uri;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
