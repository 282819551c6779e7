// Two referater of one committee on one date: the same meeting filed twice, or a wrong date.
// Two meetings of the same day at different times (an extraordinary one first) are not a finding.
import type { ArchiveRule } from './types';
import { msg } from './util';
import { placeOf } from './archive-util';

export const duplicateMeeting: ArchiveRule = {
  id: 'duplicate-meeting',
  description: msg('No two referater of one committee have the same meeting date and time', 'To referater fra samme udvalg har ikke samme mødedato og -tidspunkt'),
  defaultSeverity: 'warning',
  fixable: false,
  checkArchive({ entry, archive, report }) {
    if (!entry.committee || !entry.date) return;
    const others = archive.meetingsOn(entry.committee, entry.date).filter((o) => o.uri !== entry.uri && !(o.time && entry.time && o.time !== entry.time));
    if (!others.length) return;
    const files = others.map((o) => placeOf(o, 0)).join(', ');
    report({
      range: entry.dateRange ?? entry.committeeRange ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      message: msg(
        `Another referat of ${entry.committee} is dated ${entry.date}${entry.time ? ' ' + entry.time : ''} too: ${files}`,
        `Et andet referat fra ${entry.committee} har også datoen ${entry.date}${entry.time ? ' ' + entry.time : ''}: ${files}`,
      ),
    });
  },
};
