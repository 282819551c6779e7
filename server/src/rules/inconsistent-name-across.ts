// inconsistent-name across referater: one member spelled one way at one meeting and another way at
// the committee's other meetings (`Anne-Marie Lyduch` / `Anne Marie Lyduch`). The committee's usual
// spelling is the most frequent near one. Where referat.config.json names the committee's members,
// unknown-member compares with them instead.
import { distance } from 'fastest-levenshtein';
import type { Archive } from '../archive/archive';
import { meetingBodyKey } from '../archive/archive';
import type { ArchivedName, ArchivedReferat } from '../archive/entry';
import { findCommittee, nameKey } from '../config/membership';
import type { ArchiveRule } from './types';
import { msg } from './util';
import { placeOf } from './archive-util';

interface Spelling {
  name: string;
  /** How often it is written, over the committee's referater. */
  count: number;
  first: { referat: ArchivedReferat; ref: ArchivedName };
}

/** The people a referat names for its own committee: the attendees, then those in the punkter. */
const namesOf = (referat: ArchivedReferat): ArchivedName[] => [...referat.attendees, ...referat.names];

/** Each committee's spellings, worked out once per version of the archive. */
const cache = new WeakMap<Archive, { version: number; byBody: Map<string, Map<string, Spelling>> }>();

function spellingsOf(archive: Archive, committee: string): Map<string, Spelling> {
  let cached = cache.get(archive);
  if (!cached || cached.version !== archive.version) cache.set(archive, (cached = { version: archive.version, byBody: new Map() }));
  const body = meetingBodyKey(committee);
  let spellings = cached.byBody.get(body);
  if (!spellings) {
    spellings = new Map();
    for (const referat of archive.meetingsOf(committee)) {
      for (const ref of namesOf(referat)) {
        const key = nameKey(ref.name);
        const s = spellings.get(key);
        if (s) s.count++;
        else spellings.set(key, { name: ref.name, count: 1, first: { referat, ref } });
      }
    }
    cached.byBody.set(body, spellings);
  }
  return spellings;
}

/** The committee's usual spelling of a name, when the name is a rarer near spelling of it. */
function usualOf(spellings: Map<string, Spelling>, key: string): Spelling | null {
  const own = spellings.get(key);
  if (!own) return null;
  let usual: Spelling | null = null;
  for (const [otherKey, o] of spellings) {
    if (otherKey === key || o.count <= own.count || (usual && o.count <= usual.count)) continue;
    if (distance(key, otherKey) <= Math.max(2, Math.floor(key.length / 6))) usual = o;
  }
  return usual;
}

export const inconsistentNameAcross: ArchiveRule = {
  id: 'inconsistent-name',
  description: msg(
    "A member is spelled as at the committee's other meetings (when no membership is configured)",
    'Et medlem staves som på udvalgets andre møder (når der ikke er oplyst medlemmer)',
  ),
  defaultSeverity: 'warning',
  fixable: false,
  checkArchive({ entry, archive, config, report }) {
    if (!entry.committee || findCommittee(config, entry.committee, entry.period, entry.date)) return;
    const spellings = spellingsOf(archive, entry.committee);
    const names = namesOf(entry);
    const seen = new Set<string>();
    for (const ref of names) {
      const key = nameKey(ref.name);
      if (seen.has(key)) continue;
      seen.add(key);
      const usual = usualOf(spellings, key);
      // Both spellings in this referat: the rule within one referat says so already.
      if (!usual || names.some((n) => nameKey(n.name) === nameKey(usual.name))) continue;
      const times = names.filter((n) => nameKey(n.name) === key).length;
      const where = placeOf(usual.first.referat, usual.first.ref.range.start.line);
      report({
        range: ref.range,
        message: msg(
          `${ref.name} (${times}× here) is spelled ${usual.name} at ${entry.committee}'s other meetings (${usual.count} times; first ${where})`,
          `${ref.name} (${times}× her) staves ${usual.name} på ${entry.committee}s andre møder (${usual.count} gange; først ${where})`,
        ),
      });
    }
  },
};
