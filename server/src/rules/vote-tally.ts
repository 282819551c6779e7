// In every recorded vote each member of the deciding committee is accounted for exactly once
// (for, against, abstaining, or absent from the meeting or the punkt), and the numbers the text
// states are the members it names. The tally is the votes module's, as everywhere else.
import { SIDES, memberLabel, tallyVote } from '../votes';
import type { Rule } from './types';
import { msg } from './util';

const SIDE = {
  for: msg('for', 'for'),
  against: msg('against', 'imod'),
  abstain: msg('abstaining', 'undlod at stemme'),
};

export const voteTally: Rule = {
  id: 'vote-tally',
  description: msg(
    'Every member of the committee is accounted for once in each vote, and counted votes add up',
    'Hvert medlem af udvalget er talt med én gang i hver afstemning, og optalte stemmer passer',
  ),
  defaultSeverity: 'error',
  fixable: false,
  check({ doc, membership, report }) {
    for (const item of doc.items) {
      for (const vote of item.votes) {
        if (!membership.committee(vote.committee)) continue; // unconfigured-committee says so, once
        const where = vote.sentences[0]?.range ?? vote.range;
        const tally = tallyVote(doc, item, vote, membership);
        for (const p of tally.problems) {
          switch (p.kind) {
            case 'twice':
              report({
                range: p.ref?.range ?? where,
                message: msg(
                  `${memberLabel(p.member)} is counted twice in this vote (${SIDE[p.first.side].en} and ${SIDE[p.side].en})`,
                  `${memberLabel(p.member)} er talt med to gange i denne afstemning (${SIDE[p.first.side].da} og ${SIDE[p.side].da})`,
                ),
                related: p.first.ref ? [{ range: p.first.ref.range, message: msg('Counted here first', 'Talt med her først') }] : undefined,
              });
              break;
            case 'absent-voter':
              report({
                range: p.ref.range,
                message: msg(`${memberLabel(p.member)} votes but is recorded absent`, `${memberLabel(p.member)} stemmer, men er noteret fraværende`),
                related: p.absence ? [{ range: p.absence.range, message: msg('Recorded absent here', 'Noteret fraværende her') }] : undefined,
              });
              break;
            case 'stated': {
              const sentence = vote.sentences.find((s) => s.side === p.side && s.count !== null);
              report({
                range: sentence?.verbRange ?? where,
                message: msg(
                  `The text says ${p.stated} ${SIDE[p.side].en}, but names ${p.named} members ${SIDE[p.side].en}`,
                  `Teksten siger ${p.stated} ${SIDE[p.side].da}, men nævner ${p.named} medlemmer ${SIDE[p.side].da}`,
                ),
              });
              break;
            }
            case 'total':
              report({
                range: where,
                message: msg(
                  `The votes add up to ${p.total}, but ${p.present} of the ${p.size} members were present`,
                  `Stemmerne giver ${p.total} i alt, men ${p.present} af udvalgets ${p.size} medlemmer var til stede`,
                ),
              });
              break;
            case 'unaccounted': {
              const names = p.members.map(memberLabel).join(', ');
              report({
                range: where,
                message: msg(
                  `Not everyone is accounted for in this vote: ${names} neither voted nor is recorded absent`,
                  `Ikke alle er talt med i denne afstemning: ${names} hverken stemte eller er noteret fraværende`,
                ),
              });
              break;
            }
          }
        }
      }
    }
  },
};
