// Every rule, one file each. Add a rule here and document it in docs/rules/<id>.md.
import type { Rule } from './types';

export const allRules: Rule[] = [];
