// Every rule, one file each. Add a rule here and document it in docs/rules/<id>.md.
import { caseNumber } from './case-number';
import { duplicateSection } from './duplicate-section';
import { emptySection } from './empty-section';
import { inconsistentName } from './inconsistent-name';
import { itemNumbering } from './item-numbering';
import { meetingDate } from './meeting-date';
import { memberParty } from './member-party';
import { quorum } from './quorum';
import { requiredSection } from './required-section';
import type { Rule } from './types';
import { tocMismatch } from './toc-mismatch';
import { unconfiguredCommittee } from './unconfigured-committee';
import { unknownMember } from './unknown-member';
import { unreadableCharacter } from './unreadable-character';
import { voteOutcome } from './vote-outcome';
import { voteTally } from './vote-tally';

export const allRules: Rule[] = [
  requiredSection,
  voteTally,
  voteOutcome,
  unknownMember,
  memberParty,
  inconsistentName,
  quorum,
  tocMismatch,
  itemNumbering,
  caseNumber,
  meetingDate,
  duplicateSection,
  emptySection,
  unconfiguredCommittee,
  unreadableCharacter,
];
