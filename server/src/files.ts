// Which files are referater, by name and first lines. Shared by the language server (which files
// to index) and the CLI (which files of a folder to lint).
import { looksLikeReferat } from './detect';

const NAMED_REFERAT = /\.referat(\.md|\.txt)?$/i;
const MAYBE_REFERAT = /\.(txt|md)$/i;

/** A file that is a referat by its name alone. */
export function hasReferatName(fileName: string): boolean {
  return NAMED_REFERAT.test(fileName);
}

/** A file worth opening to see whether it is a referat. */
export function isCandidateFile(fileName: string): boolean {
  return hasReferatName(fileName) || MAYBE_REFERAT.test(fileName);
}

export function isReferatFile(fileName: string, text: string): boolean {
  return hasReferatName(fileName) || (MAYBE_REFERAT.test(fileName) && looksLikeReferat(text));
}
