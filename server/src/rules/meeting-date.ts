// The meeting's dates are real days, the title's date and Mødedato agree, and a written weekday
// is that date's weekday.
import type { DateRef } from '../model';
import { WEEKDAYS } from '../vocabulary';
import type { Rule } from './types';
import { msg } from './util';

function weekdayOf(iso: string): string {
  // 1970-01-01 was a Thursday; WEEKDAYS starts on Monday.
  const days = Math.floor(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000);
  return WEEKDAYS[(days + 3) % 7];
}

export const meetingDate: Rule = {
  id: 'meeting-date',
  description: msg("The meeting's dates exist and agree with each other", 'Mødets datoer findes og stemmer overens'),
  defaultSeverity: 'error',
  fixable: false,
  check({ doc, report }) {
    const { titleDate, meetingDate } = doc.meeting;
    const impossible = (d: DateRef | null, where: { en: string; da: string }) => {
      if (d && d.iso === null) {
        report({ range: d.range, message: msg(`${where.en} date ${d.text} does not exist`, `${where.da} ${d.text} findes ikke`) });
      }
    };
    impossible(titleDate, { en: "The title's", da: 'Datoen i titlen,' });
    impossible(meetingDate, { en: 'The Mødedato', da: 'Mødedatoen' });
    if (titleDate?.iso && meetingDate?.iso && titleDate.iso !== meetingDate.iso) {
      report({
        range: meetingDate.range,
        message: msg(`Mødedato ${meetingDate.text} is not the date in the title (${titleDate.text})`, `Mødedatoen ${meetingDate.text} er ikke datoen i titlen (${titleDate.text})`),
        related: [{ range: titleDate.range, message: msg("The title's date", 'Datoen i titlen') }],
      });
    }
    if (meetingDate?.iso && meetingDate.weekday) {
      const actual = weekdayOf(meetingDate.iso);
      if (meetingDate.weekday.toLowerCase() !== actual) {
        report({
          severity: 'warning',
          range: meetingDate.range,
          message: msg(
            `${meetingDate.text} is a ${actual}, not a ${meetingDate.weekday.toLowerCase()}`,
            `${meetingDate.text} er en ${actual}, ikke en ${meetingDate.weekday.toLowerCase()}`,
          ),
        });
      }
    }
  },
};
