// A section heading with nothing under it before the next heading.
import type { Rule } from './types';
import { KIND_NAMES, msg } from './util';

export const emptySection: Rule = {
  id: 'empty-section',
  description: msg('Sections have content', 'Afsnit har indhold'),
  defaultSeverity: 'warning',
  fixable: false,
  check({ doc, report }) {
    for (const item of doc.items) {
      for (const s of item.sections) {
        if (s.range.end.line > s.heading.range.end.line) continue;
        const name = s.kind === 'other' ? s.heading.text : KIND_NAMES[s.kind];
        report({
          range: s.heading.textRange,
          message: msg(`The ${name} section of Punkt ${item.number} is empty`, `Afsnittet ${name} i punkt ${item.number} er tomt`),
        });
      }
    }
  },
};
