// A punkt has each section once. Two headings of one kind with other words (Odder's `Baggrund for
// sagen` and `Forvaltningens bemærkninger`, both sagsfremstilling) are parts, not duplicates.
import { fold } from '../vocabulary';
import type { Rule } from './types';
import { msg } from './util';

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
      if (item.sections.length < 2) continue;
      const first = new Map<string, (typeof item.sections)[number]>();
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
