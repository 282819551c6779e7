// With no membership to check against, one person spelled two ways in one document
// (`Tommy Hummelose` / `Tommy Hummellose`) is still a finding: the usual spelling is offered.
import { distance } from 'fastest-levenshtein';
import { nameKey } from '../config/membership';
import type { NameRef } from '../model';
import type { Rule } from './types';
import { allNames, msg } from './util';

interface Spelling {
  name: string;
  refs: NameRef[];
}

export const inconsistentName: Rule = {
  id: 'inconsistent-name',
  description: msg(
    'One person is spelled one way throughout the document (when no membership is configured)',
    'Samme person staves ens i hele dokumentet (når der ikke er oplyst medlemmer)',
  ),
  defaultSeverity: 'warning',
  fixable: true,
  check({ doc, membership, report }) {
    if (membership.own) return; // unknown-member compares with the real members instead
    const spellings = new Map<string, Spelling>();
    for (const { ref } of allNames(doc)) {
      const key = nameKey(ref.name);
      const s = spellings.get(key) ?? { name: ref.name, refs: [] };
      s.refs.push(ref);
      spellings.set(key, s);
    }
    const list = [...spellings.entries()];
    for (const [key, s] of list) {
      // The usual spelling of this person: the most frequent near spelling, the earlier one on a tie.
      let usual: Spelling | null = null;
      for (const [otherKey, o] of list) {
        if (otherKey === key || distance(key, otherKey) > Math.max(2, Math.floor(key.length / 6))) continue;
        const more = o.refs.length > s.refs.length || (o.refs.length === s.refs.length && before(o.refs[0], s.refs[0]));
        if (more && (!usual || o.refs.length > usual.refs.length)) usual = o;
      }
      if (!usual) continue;
      for (const ref of s.refs) {
        report({
          range: ref.range,
          message: msg(
            `${ref.name} is spelled ${usual.name} elsewhere in this document (${usual.refs.length} times)`,
            `${ref.name} staves ${usual.name} andre steder i dokumentet (${usual.refs.length} gange)`,
          ),
          related: [{ range: usual.refs[0].range, message: msg(`Spelled ${usual.name} here`, `Stavet ${usual.name} her`) }],
          fix: { title: msg(`Change to ${usual.name}`, `Ret til ${usual.name}`), edits: [{ range: ref.range, newText: usual.name }] },
        });
      }
    }
  },
};

function before(a: NameRef, b: NameRef): boolean {
  return a.range.start.line < b.range.start.line || (a.range.start.line === b.range.start.line && a.range.start.character < b.range.start.character);
}
