// In every recorded vote each member of the deciding committee is accounted for exactly once:
// for, against, abstaining, or absent from the meeting or the punkt.
import type { Member } from '../config/membership';
import type { NameRef } from '../model';
import { absentFor, memberLabel, resolve } from './attendance';
import type { Rule } from './types';
import { msg } from './util';

const SIDES = ['for', 'against', 'abstain'] as const;

const SIDE = {
  for: msg('for', 'for'),
  against: msg('against', 'imod'),
  abstain: msg('abstaining', 'undlod at stemme'),
  absent: msg('absent', 'fraværende'),
};

export const voteTally: Rule = {
  id: 'vote-tally',
  description: msg('Every member of the committee is accounted for once in each vote, and counted votes add up', 'Hvert medlem af udvalget er talt med én gang i hver afstemning, og optalte stemmer passer'),
  defaultSeverity: 'error',
  fixable: false,
  check({ doc, membership, report }) {
    for (const item of doc.items) {
      for (const vote of item.votes) {
        const members = membership.committee(vote.committee);
        const where = vote.sentences[0]?.range ?? vote.range;
        if (!members) continue; // unconfigured-committee says so, once
        const absent = absentFor(doc, membership, vote.committee, item);
        const seen = new Map<Member, { ref: NameRef; side: keyof typeof SIDE }>();
        for (const side of SIDES) {
          for (const ref of vote[side]) {
            const m = resolve(membership, members, ref.name);
            if (!m) continue; // unknown-member says so
            const earlier = seen.get(m);
            if (earlier) {
              report({
                range: ref.range,
                message: msg(
                  `${memberLabel(m)} is counted twice in this vote (${SIDE[earlier.side].en} and ${SIDE[side].en})`,
                  `${memberLabel(m)} er talt med to gange i denne afstemning (${SIDE[earlier.side].da} og ${SIDE[side].da})`,
                ),
                related: [{ range: earlier.ref.range, message: msg('Counted here first', 'Talt med her først') }],
              });
              continue;
            }
            if (absent.has(m)) {
              const where = absent.get(m);
              report({
                range: ref.range,
                message: msg(`${memberLabel(m)} votes but is recorded absent`, `${memberLabel(m)} stemmer, men er noteret fraværende`),
                related: where ? [{ range: where.range, message: msg('Recorded absent here', 'Noteret fraværende her') }] : undefined,
              });
            }
            seen.set(m, { ref, side });
          }
        }

        let absentNotVoting = 0;
        for (const m of absent.keys()) if (!seen.has(m)) absentNotVoting++;
        const present = members.members.length - absentNotVoting;
        if (vote.counts) {
          const total = (['for', 'against', 'abstain'] as const).reduce((n, s) => n + (vote[s].length || vote.counts![s] || 0), 0);
          if (total !== present) {
            report({
              range: where,
              message: msg(
                `The votes add up to ${total}, but ${present} of the ${members.members.length} members were present`,
                `Stemmerne giver ${total} i alt, men ${present} af udvalgets ${members.members.length} medlemmer var til stede`,
              ),
            });
          }
          continue;
        }
        // A lone dissent after a committee's statement (`X stemmer imod.`) records one side only: nothing to add up.
        if (vote.outcome === null && SIDES.filter((s) => vote[s].length > 0).length < 2) continue;
        const missing = members.members.filter((m) => !seen.has(m) && !absent.has(m));
        if (missing.length) {
          const names = missing.map(memberLabel).join(', ');
          report({
            range: where,
            message: msg(
              `Not everyone is accounted for in this vote: ${names} neither voted nor is recorded absent`,
              `Ikke alle er talt med i denne afstemning: ${names} hverken stemte eller er noteret fraværende`,
            ),
          });
        }
      }
    }
  },
};
