// What one fuzz case runs: everything the tool does to a document that must never throw —
// reading, every rule, every fix, formatting and the preview page.
import type { ReferatConfig } from '../../server/src/config/types';
import { formatReferat } from '../../server/src/format/format';
import { readReferatStrict } from '../../server/src/reader';
import { renderHtml } from '../../server/src/render';
import { lint } from '../../server/src/rules';
import { applyEdits } from '../../server/src/rules/fix';
import { rangesOutside } from '../helpers/ranges';

export function exercise(text: string, config: ReferatConfig): void {
  const doc = readReferatStrict(text);
  const bad = rangesOutside(doc, text);
  if (bad.length) throw new Error(`model range outside the text: ${bad[0]}`);
  const findings = lint(doc, text, { config, strict: true });
  const badFindings = rangesOutside(findings, text);
  if (badFindings.length) throw new Error(`finding range outside the text: ${badFindings[0]}`);
  for (const f of findings) if (f.fix) applyEdits(text, f.fix.edits);
  const formatted = formatReferat(text, doc);
  if (formatReferat(formatted) !== formatted) throw new Error('formatting is not idempotent');
  renderHtml(doc, text, { findings, locale: 'da', standalone: true });
}
