// Where a committee numbers its punkter through the year (`Pkt. 312` at the year's eighth meeting),
// a number is used once. Numbering that starts again at 1 at every meeting is left alone.
import type { ArchivedReferat } from '../archive/entry';
import type { ArchiveRule } from './types';
import { msg } from './util';
import { placeOf } from './archive-util';

/** True when the meetings (of one committee and year, oldest first) number their punkter on from one meeting to the next. */
export function runningNumbering(meetings: readonly ArchivedReferat[]): boolean {
  const firsts = meetings.filter((m) => m.punkter.length).map((m) => Math.min(...m.punkter.map((p) => p.number)));
  return firsts.length >= 2 && firsts.slice(1).every((n) => n > 1);
}

export const duplicatePunktNumber: ArchiveRule = {
  id: 'duplicate-punkt-number',
  description: msg("A punkt number of a year's running numbering is used at one meeting only", 'Et punktnummer i årets løbende nummerering bruges kun på ét møde'),
  defaultSeverity: 'warning',
  fixable: false,
  checkArchive({ entry, archive, report }) {
    if (!entry.committee || !entry.date) return;
    const year = entry.date.slice(0, 4);
    const meetings = archive.meetingsOf(entry.committee).filter((m) => m.date?.startsWith(year));
    if (!runningNumbering(meetings)) return;
    for (const punkt of entry.punkter) {
      for (const other of meetings) {
        if (other === entry) continue;
        const same = other.punkter.find((p) => p.number === punkt.number);
        if (!same) continue;
        report({
          range: punkt.numberRange,
          message: msg(
            `Punkt ${punkt.number} is also punkt ${punkt.number} of ${other.committee}'s meeting of ${other.date} (${placeOf(other, same.line)}): the numbering runs through ${year}`,
            `Punkt ${punkt.number} er også punkt ${punkt.number} på ${other.committee}s møde ${other.date} (${placeOf(other, same.line)}): nummereringen løber gennem ${year}`,
          ),
        });
        break;
      }
    }
  },
};
