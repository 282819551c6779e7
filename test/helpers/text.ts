import type { Range } from '../../server/src/model';

/** The text a range covers (lines joined with \n), to check that ranges are exact. */
export function slice(text: string, r: Range): string {
  const lines = text.split(/\r\n|\r|\n/);
  if (r.start.line === r.end.line) return lines[r.start.line].slice(r.start.character, r.end.character);
  const out = [lines[r.start.line].slice(r.start.character)];
  for (let l = r.start.line + 1; l < r.end.line; l++) out.push(lines[l]);
  out.push(lines[r.end.line].slice(0, r.end.character));
  return out.join('\n');
}

/** Joins lines with \n: test documents read like the minutes they imitate. */
export const doc = (...lines: string[]) => lines.join('\n');
