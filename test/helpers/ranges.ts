// Walks any model and checks that every range in it lies inside the text it was read from.
import type { Position, Range } from '../../server/src/model';

const isPosition = (v: unknown): v is Position => typeof v === 'object' && v !== null && typeof (v as Position).line === 'number' && typeof (v as Position).character === 'number';
const isRange = (v: unknown): v is Range => typeof v === 'object' && v !== null && isPosition((v as Range).start) && isPosition((v as Range).end);

/** Returns a description of every range that is not inside the text (empty when all are). */
export function rangesOutside(model: unknown, text: string): string[] {
  const lengths = text.split(/\r\n|\r|\n/).map((l) => l.length);
  const bad: string[] = [];
  const inside = (p: Position) =>
    Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.line < lengths.length && p.character >= 0 && p.character <= lengths[p.line];
  const seen = new Set<unknown>();
  const walk = (v: unknown, where: string) => {
    if (typeof v !== 'object' || v === null || seen.has(v)) return;
    seen.add(v);
    if (isRange(v)) {
      const { start, end } = v;
      const ordered = start.line < end.line || (start.line === end.line && start.character <= end.character);
      if (!inside(start) || !inside(end) || !ordered) bad.push(`${where}: ${JSON.stringify(v)}`);
      return;
    }
    for (const [k, child] of Object.entries(v)) walk(child, `${where}.${k}`);
  };
  walk(model, 'doc');
  return bad;
}
