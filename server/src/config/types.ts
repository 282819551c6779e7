// The shape of referat.config.json (see schemas/referat.config.schema.json).
import type { SeveritySetting } from '../rules/types';
import type { VocabularyWords } from '../vocabulary';

export interface MemberConfig {
  name: string;
  party?: string;
  role?: string;
  aliases?: string[];
  /** First day of membership, `YYYY-MM-DD`. */
  from?: string;
  /** Last day of membership, `YYYY-MM-DD`. */
  to?: string;
}

export interface CommitteeConfig {
  name: string;
  /** Election period, `2022-2025`. */
  period?: string;
  members: MemberConfig[];
}

export type RuleSetting = SeveritySetting | ({ severity?: SeveritySetting } & Record<string, unknown>);

export interface ReferatConfig {
  committees?: CommitteeConfig[];
  /** Words of this municipality's minutes, added to the built-in vocabulary. */
  vocabulary?: VocabularyWords;
  /** Other ways the minutes write a party's letter, by the letter members have: `{"S": "A", "UP-1": "UP"}`. */
  partyAliases?: Record<string, string>;
  rules?: Record<string, RuleSetting>;
}
