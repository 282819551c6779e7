// Says once per committee that its decisions are not checked because its members are not known,
// so that a joint item's other committee, or a referat without configuration, gives no false errors.
import type { Range } from '../model';
import type { Rule } from './types';
import { msg } from './util';

export const unconfiguredCommittee: Rule = {
  id: 'unconfigured-committee',
  description: msg('Tells when a committee is not checked because its members are not known', 'Fortæller, når et udvalg ikke kontrolleres, fordi dets medlemmer ikke kendes'),
  defaultSeverity: 'info',
  fixable: false,
  check({ doc, membership, report }) {
    // The first place each committee speaks: a vote, an absence or a statement that names it.
    const first = new Map<string | null, Range>();
    const see = (committee: string | null, range: Range) => {
      const known = first.get(committee);
      if (!known || range.start.line < known.start.line) first.set(committee, range);
    };
    for (const item of doc.items) {
      for (const v of item.votes) see(v.committee, v.sentences[0]?.range ?? v.range);
      for (const a of item.absences) see(a.committee, a.range);
      for (const d of item.decisions) if (d.committee !== null) see(d.committee, d.range);
    }
    for (const [committee, range] of first) {
      if (membership.committee(committee)) continue;
      const name = committee ?? doc.meeting.committee ?? 'udvalget';
      report({
        range,
        message: msg(
          `The members of ${name} are not known, so its votes and names are not checked. Add the committee to referat.config.json.`,
          `Medlemmerne af ${name} kendes ikke, så udvalgets afstemninger og navne kontrolleres ikke. Tilføj udvalget i referat.config.json.`,
        ),
      });
    }
  },
};
