// What one fuzz case runs: everything the tool does to a document that must never throw —
// reading, every rule, every fix, formatting and the preview page — and what each must keep: every
// range inside the text, every fix inside its own edits, formatting idempotent and word for word.
import type { ReferatConfig } from '../../server/src/config/types';
import { formatEdits, formatReferat } from '../../server/src/format/format';
import { readReferatStrict } from '../../server/src/reader';
import { renderHtml } from '../../server/src/render';
import { lint } from '../../server/src/rules';
import { applyEdits } from '../../server/src/rules/fix';
import { expectFixesInsideTheirRanges } from '../helpers/fixes';
import { rangesOutside } from '../helpers/ranges';
import { wordsOutsideToc } from '../helpers/words';

/**
 * Runs one case; throws when anything throws or a promise is broken. Returns the milliseconds the
 * tool itself took (reading, linting, formatting, rendering), without the checks: what "slow" means.
 */
export function exercise(text: string, config: ReferatConfig): number {
  let ms = 0;
  const timed = <T>(work: () => T): T => {
    const started = performance.now();
    const result = work();
    ms += performance.now() - started;
    return result;
  };
  const doc = timed(() => readReferatStrict(text));
  const bad = rangesOutside(doc, text);
  if (bad.length) throw new Error(`model range outside the text: ${bad[0]}`);
  const findings = timed(() => lint(doc, text, { config, strict: true }));
  const badFindings = rangesOutside(findings, text);
  if (badFindings.length) throw new Error(`finding range outside the text: ${badFindings[0]}`);
  expectFixesInsideTheirRanges(text, findings);
  const formatted = timed(() => formatReferat(text, doc));
  const formattedDoc = readReferatStrict(formatted);
  if (formatReferat(formatted, formattedDoc) !== formatted) throw new Error('formatting is not idempotent');
  if (!sameWords(wordsOutsideToc(text, doc), wordsOutsideToc(formatted, formattedDoc))) throw new Error('formatting changed, dropped or moved a word');
  if (applyEdits(text, formatEdits(text, doc)).text !== formatted) throw new Error('the formatting edits do not give the formatted text');
  timed(() => renderHtml(doc, text, { findings, locale: 'da', standalone: true }));
  return ms;
}

function sameWords(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((word, i) => word === b[i]);
}
