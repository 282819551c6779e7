// A name in a vote, a proposal, an absence or the attendee list that is not a member of the
// deciding committee. A near spelling of a member is suggested, and the fix writes it.
import type { Rule } from './types';
import { allNames, msg } from './util';

export const unknownMember: Rule = {
  id: 'unknown-member',
  description: msg(
    'Names in votes, absences and the attendee list are members of the deciding committee',
    'Navne i afstemninger, fravær og deltagerlisten er medlemmer af det besluttende udvalg',
  ),
  defaultSeverity: 'warning',
  fixable: true,
  check({ doc, membership, report }) {
    for (const { ref, committee, item } of allNames(doc)) {
      const members = membership.committee(committee);
      if (!members) continue; // unconfigured-committee says once that it is not checked
      // When the attendee list is the membership, its names are members by definition.
      if (item === null && members.source === 'document') continue;
      if (membership.find(members, ref.name)) continue;
      const near = membership.nearest(members, ref.name);
      if (near) {
        report({
          range: ref.range,
          message: msg(`${ref.name} is not a member of ${members.name}. Did you mean ${near.name}?`, `${ref.name} er ikke medlem af ${members.name}. Mente du ${near.name}?`),
          fix: { title: msg(`Change to ${near.name}`, `Ret til ${near.name}`), edits: [{ range: ref.range, newText: near.name }] },
        });
      } else {
        report({
          range: ref.range,
          message: msg(`${ref.name} is not a member of ${members.name}`, `${ref.name} er ikke medlem af ${members.name}`),
        });
      }
    }
  },
};
