// A punkt has each section once. Two headings of one kind with other words (Odder's `Baggrund for
// sagen` and `Forvaltningens bemærkninger`, both sagsfremstilling) are parts, not duplicates.
import { SECTION_KINDS, type Section } from '../model';
import { fold } from '../vocabulary';
import type { Rule } from './types';
import { msg } from './util';

/** One bit per kind of section, to see at a glance whether a punkt has a kind twice. */
const KIND_BIT = new Map<string, number>(SECTION_KINDS.map((kind, i) => [kind, 1 << i]));

export const duplicateSection: Rule = {
  id: 'duplicate-section',
  description: msg('A punkt has each kind of section only once', 'Et punkt har hver slags afsnit kun én gang'),
  defaultSeverity: 'warning',
  fixable: false,
  check({ doc, options, report }) {
    // Attachments are often listed twice (under the Resume and at the end): allowed unless configured otherwise.
    const allowed = new Set(Array.isArray(options.allow) ? (options.allow as string[]) : ['bilag']);
    // Headings repeat from punkt to punkt: each wording is folded once.
    const folded = new Map<string, string>();
    const foldOnce = (text: string) => {
      let f = folded.get(text);
      if (f === undefined) folded.set(text, (f = fold(text)));
      return f;
    };
    for (const item of doc.items) {
      // Most punkter have each kind once: nothing to compare.
      if (!repeatsAKind(item.sections, allowed)) continue;
      const first = new Map<string, Section>();
      for (const s of item.sections) {
        if (allowed.has(s.kind)) continue;
        const key = `${s.kind}|${foldOnce(s.heading.text)}`;
        const earlier = first.get(key);
        if (!earlier) {
          first.set(key, s);
          continue;
        }
        report({
          range: s.heading.textRange,
          message: msg(`Punkt ${item.number} has the section "${s.heading.text}" twice`, `Punkt ${item.number} har afsnittet »${s.heading.text}« to gange`),
          related: [{ range: earlier.heading.range, message: msg('The first one', 'Det første') }],
        });
      }
    }
  },
};

/** True when some kind that is not allowed twice comes twice (or a kind is one the model does not list). */
function repeatsAKind(sections: readonly Section[], allowed: ReadonlySet<string>): boolean {
  if (sections.length < 2) return false;
  let seen = 0;
  for (const s of sections) {
    if (allowed.has(s.kind)) continue;
    const bit = KIND_BIT.get(s.kind);
    if (bit === undefined || seen & bit) return true;
    seen |= bit;
  }
  return false;
}
