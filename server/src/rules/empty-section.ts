// A section heading with nothing under it before the next heading.
import type { Rule } from './types';
import { KIND_NAMES } from '../model';
import { msg } from './util';

export const emptySection: Rule = {
  id: 'empty-section',
  description: msg('Sections have content', 'Afsnit har indhold'),
  defaultSeverity: 'warning',
  fixable: false,
  check({ doc, report }) {
    for (const item of doc.items) {
      item.sections.forEach((s, i) => {
        if (s.range.end.line > s.heading.range.end.line) return;
        // A heading of no known kind right over the next section (FirstAgenda's `Fremstilling`) groups the sections under it.
        if (s.kind === 'other' && i + 1 < item.sections.length) return;
        const name = s.kind === 'other' ? s.heading.text : KIND_NAMES[s.kind];
        report({
          range: s.heading.textRange,
          message: msg(`The ${name} section of Punkt ${item.number} is empty`, `Afsnittet ${name} i punkt ${item.number} er tomt`),
        });
      });
    }
  },
};
