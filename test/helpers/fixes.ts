// What every fix must do, on any text: its own edits do not overlap, and it changes nothing outside
// them. Shared by the rules' property tests and the fuzzer.
import { LineIndex } from '../../server/src/reader/lines';
import { applyEdits } from '../../server/src/rules/fix';
import type { Finding } from '../../server/src/rules/types';

/** Throws, naming the rule, when a finding's fix overlaps itself or changes text outside its edits. */
export function expectFixesInsideTheirRanges(text: string, findings: readonly Finding[]): void {
  const index = new LineIndex(text);
  for (const f of findings) {
    if (!f.fix) continue;
    const { text: fixed, skipped } = applyEdits(text, f.fix.edits);
    if (skipped.length) throw new Error(`${f.ruleId}: its own edits overlap`);
    // Outside the edits, the text is unchanged: the same prefix and suffix around the edited span.
    const from = Math.min(...f.fix.edits.map((e) => index.offsetAt(e.range.start)));
    const to = Math.max(...f.fix.edits.map((e) => index.offsetAt(e.range.end)));
    if (fixed.slice(0, from) !== text.slice(0, from) || fixed.slice(fixed.length - (text.length - to)) !== text.slice(to)) {
      throw new Error(`${f.ruleId}: the fix changed text outside its edits`);
    }
  }
}
