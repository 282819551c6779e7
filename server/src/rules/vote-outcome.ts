// The stated outcome agrees with the tally: a simple majority of the votes cast adopts;
// abstentions are not votes cast; a tie is not adopted (forkastet). The tally is the votes module's.
import { tallyVote } from '../votes';
import type { Rule } from './types';
import { msg } from './util';

export const voteOutcome: Rule = {
  id: 'vote-outcome',
  description: msg('The stated outcome (vedtaget/forkastet) agrees with the votes', 'Det noterede resultat (vedtaget/forkastet) passer med stemmerne'),
  defaultSeverity: 'error',
  fixable: false,
  check({ doc, membership, report }) {
    for (const item of doc.items) {
      for (const vote of item.votes) {
        if (!vote.outcome || !vote.outcomeRange) continue;
        const t = tallyVote(doc, item, vote, membership);
        const expected = t.computed;
        if (!expected || expected === vote.outcome) continue;
        const why =
          t.for === t.against
            ? msg('a tie is not adopted', 'stemmelighed betyder, at forslaget ikke er vedtaget')
            : msg('a simple majority of the votes cast decides', 'simpelt flertal af de afgivne stemmer afgør');
        report({
          range: vote.outcomeRange,
          message: msg(
            `The outcome says "${vote.outcome}", but the vote was ${t.for} for and ${t.against} against (${t.abstain ?? '?'} abstaining): ${why.en}, so it is ${expected}`,
            `Resultatet siger »${vote.outcome}«, men der var ${t.for} for og ${t.against} imod (${t.abstain ?? '?'} undlod): ${why.da}, så det er ${expected}`,
          ),
          related: vote.sentences[0] ? [{ range: vote.sentences[0].range, message: msg('The vote', 'Afstemningen') }] : undefined,
        });
      }
    }
  },
};
