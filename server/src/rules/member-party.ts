// The party letter written next to a member is the member's party.
import { PARTIES } from '../vocabulary';
import { partyLetter } from '../votes';
import type { Rule } from './types';
import { allNames, msg } from './util';

export const memberParty: Rule = {
  id: 'member-party',
  description: msg("The party letter next to a member is the member's party", 'Partibogstavet ved et medlem er medlemmets parti'),
  defaultSeverity: 'warning',
  fixable: true,
  check({ doc, membership, report }) {
    for (const { ref, committee } of allNames(doc)) {
      if (!ref.party) continue;
      const members = membership.committee(committee);
      const member = members ? membership.resolve(members, ref.name) : null;
      // `(UP-1)` for a member of UP, `(S)` for a member of A: the same party.
      if (!member?.party || partyLetter(member.party, membership.partyAliases) === partyLetter(ref.party, membership.partyAliases)) continue;
      const party = (letter: string) => (PARTIES[letter] ? `${letter} (${PARTIES[letter]})` : letter);
      report({
        range: ref.partyRange ?? ref.range,
        message: msg(
          `${member.name} is listed with party ${party(ref.party)}, but is a member for ${party(member.party)}`,
          `${member.name} står med parti ${party(ref.party)}, men er medlem for ${party(member.party)}`,
        ),
        fix: ref.partyRange
          ? { title: msg(`Change to (${member.party})`, `Ret til (${member.party})`), edits: [{ range: ref.partyRange, newText: `(${member.party})` }] }
          : undefined,
      });
    }
  },
};
