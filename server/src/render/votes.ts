// What a vote table shows: the votes module's tally (the same figures as the rules, hover, code lens
// and the outline), with the names and party letters as written.
export { type AbsentMember, type VoteTally, tallyVote } from '../votes';
