// A committee can decide only when at least half its members are present (beslutningsdygtighed:
// kommunestyrelsesloven § 11, stk. 2, which § 20 applies to the standing committees).
import { absentFor, decides } from '../votes';
import type { Rule } from './types';
import { msg } from './util';

export const quorum: Rule = {
  id: 'quorum',
  description: msg('A decision is taken with at least half of the members present', 'En beslutning træffes med mindst halvdelen af medlemmerne til stede'),
  defaultSeverity: 'error',
  fixable: false,
  check({ doc, membership, report }) {
    const members = membership.own;
    if (!members || members.members.length === 0) return;
    for (const item of doc.items) {
      if (!decides(item, null)) continue;
      const total = members.members.length;
      const present = total - absentFor(doc, membership, null, item).size;
      if (present * 2 >= total) continue;
      report({
        range: item.heading.textRange,
        message: msg(
          `Punkt ${item.number} was decided with ${present} of ${total} members present: the committee can decide only when at least half its members are present`,
          `Punkt ${item.number} blev besluttet med ${present} af ${total} medlemmer til stede: udvalget er kun beslutningsdygtigt, når mindst halvdelen er til stede`,
        ),
      });
    }
  },
};
