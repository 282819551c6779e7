// Applying edits to text: every edit changes only its own range, and overlapping edits are refused.
import { LineIndex } from '../reader/lines';
import type { TextEdit } from './types';

/**
 * Applies non-overlapping edits. Edits that overlap an earlier one (in document order) are
 * skipped and returned, so that a "fix all" never garbles text.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): { text: string; applied: TextEdit[]; skipped: TextEdit[] } {
  const index = new LineIndex(text);
  const withOffsets = edits.map((e) => ({ e, from: index.offsetAt(e.range.start), to: index.offsetAt(e.range.end) })).sort((a, b) => a.from - b.from || a.to - b.to);
  const applied: typeof withOffsets = [];
  const skipped: TextEdit[] = [];
  let last = -1;
  for (const x of withOffsets) {
    if (x.from < last) {
      skipped.push(x.e);
      continue;
    }
    applied.push(x);
    last = x.to;
  }
  let out = text;
  for (let i = applied.length - 1; i >= 0; i--) out = out.slice(0, applied[i].from) + applied[i].e.newText + out.slice(applied[i].to);
  return { text: out, applied: applied.map((x) => x.e), skipped };
}
