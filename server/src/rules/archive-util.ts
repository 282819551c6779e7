// Helpers of the rules that compare referater.
import type { ArchivedReferat } from '../archive/entry';

/** A referat's file name (the last part of its path or URI) and a 1-based line, for messages. */
export function placeOf(referat: ArchivedReferat, line: number): string {
  const name = referat.uri.slice(referat.uri.replace(/[\\/]+$/, '').search(/[^\\/]*$/));
  return `${decodeURIComponentSafely(name)}:${line + 1}`;
}

function decodeURIComponentSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
