// Dates as the minutes write them: `23-06-2020`, `23.06.2020`, `23. juni 2020`, `den 20. september 2016`.
import { MONTHS, WEEKDAYS } from '../vocabulary';

export interface FoundDate {
  /** `YYYY-MM-DD`, or null when no such day exists (`31-02-2020`). */
  iso: string | null;
  /** Offset and length of the date as written, in the searched text. */
  at: number;
  length: number;
  weekday: string | null;
}

export interface FoundTime {
  time: string;
  at: number;
  length: number;
}

export function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || year < 1000 || year > 9999) return null;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > days) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const NUMERIC = /\b(\d{1,2})[-./](\d{1,2})[-./](\d{4})\b/;
const monthNames = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');
const WRITTEN = new RegExp(`\\b(\\d{1,2})\\.?\\s+(${monthNames})\\.?\\s+(\\d{4})\\b`, 'i');
const WEEKDAY = new RegExp(`\\b(${WEEKDAYS.join('|')})\\b`, 'i');

/** The first date in the text, numeric or written. */
export function findDate(text: string): FoundDate | null {
  const n = NUMERIC.exec(text);
  const w = WRITTEN.exec(text);
  let found: FoundDate | null = null;
  if (n && (!w || n.index <= w.index)) {
    found = { iso: isoDate(+n[3], +n[2], +n[1]), at: n.index, length: n[0].length, weekday: null };
  } else if (w) {
    found = { iso: isoDate(+w[3], MONTHS[w[2].toLowerCase()], +w[1]), at: w.index, length: w[0].length, weekday: null };
  }
  if (found) {
    const wd = WEEKDAY.exec(text.slice(0, found.at));
    if (wd) found.weekday = wd[1];
  }
  return found;
}

/** `kl. 08:30` / `kl. 8.30` → `08:30`. */
export function findTime(text: string): FoundTime | null {
  const m = /\bkl\.?\s*(\d{1,2})[.:](\d{2})\b/i.exec(text);
  if (!m) return null;
  const h = +m[1];
  const min = +m[2];
  if (h > 24 || min > 59) return null;
  return { time: `${String(h).padStart(2, '0')}:${m[2]}`, at: m.index, length: m[0].length };
}

/** A clock time: `kl. 16:00` anywhere, or `16:00` / `16.00 - 18.30` opening a time field (`Mødetidspunkt: 16:00`). */
export function findClockTime(text: string): FoundTime | null {
  const found = findTime(text);
  if (found) return found;
  const m = /^\s*(\d{1,2})[.:](\d{2})(?![.:]?\d)/.exec(text);
  if (!m || +m[1] > 24 || +m[2] > 59) return null;
  return { time: `${m[1].padStart(2, '0')}:${m[2]}`, at: m.index + m[0].indexOf(m[1]), length: m[0].trim().length };
}
