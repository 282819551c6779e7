// A punkt's history (`Sagens forløb`, `Sagsforløb`, `Tidligere beslutninger`): earlier treatments of
// the case, each with the body, the date and what was decided, quoted. Read as history only: its
// votes and absences are never this meeting's.
import type { HistoryEntry, Range, Section } from '../model';
import { findDate } from './dates';
import { type Line, type Lines, lineRange, rangeFrom, visibleEnd } from './lines';

/** `24-01-2022 Økonomiudvalget` (FirstAgenda). */
const DATE_THEN_BODY = /^(\d{1,2}[-.]\d{1,2}[-.]\d{4})\s+(\p{Lu}.*)$/u;
/** `Økonomiudvalget, 10. september 2019, pkt. 65:` */
const BODY_THEN_DATE = /^(\p{Lu}[\p{L}\-, ]*?)\s*,\s*(?:den\s+)?(\d{1,2}\.?\s*(?:\p{L}+\.?|\d{1,2}[-.])\s*\d{4})\s*(?:,\s*(?:pkt|punkt)\.?\s*(\d{1,4}))?\s*:?$/u;
/** Aarhus's labelled entries: `Udvalg: Magistraten` / `Dato: 19-08-2025` / `Punktnummer: 4`. */
const BODY_LABEL = /^udvalg\s*:\s*(\S.*)$/i;
const DATE_LABEL = /^dato\s*:\s*(\S.*)$/i;
const PUNKT_LABEL = /^(?:punktnummer|punkt|pkt\.?)\s*:\s*(\d{1,4})\s*$/i;

interface Open {
  body: string | null;
  date: string | null;
  punkt: number | null;
  head: Range;
  text: string[];
  last: Line;
}

/** The entries of a history section: its lines after the heading, up to and with `section.range.end`. */
export function readHistory(lines: Lines, section: Section): HistoryEntry[] {
  const entries: HistoryEntry[] = [];
  let open: Open | null = null;
  const close = () => {
    if (!open) return;
    entries.push({
      body: open.body,
      date: open.date,
      punkt: open.punkt,
      headRange: open.head,
      text: open.text.join(' '),
      range: rangeFrom(open.head.start, open.last.index, visibleEnd(open.last)),
    });
    open = null;
  };
  const start = (line: Line, body: string | null, date: string | null, punkt: number | null) => {
    close();
    open = { body, date, punkt, head: lineRange(line), text: [], last: line };
  };
  for (let i = section.heading.range.start.line + 1; i <= section.range.end.line; i++) {
    if (lines.blank(i)) continue;
    const line = lines.at(i);
    const text = line.text;
    let m: RegExpExecArray | null;
    const current = open as Open | null;
    if ((m = DATE_THEN_BODY.exec(text)) && findDate(m[1])?.at === 0) {
      start(line, m[2].trim(), findDate(m[1])!.iso, null);
    } else if ((m = BODY_THEN_DATE.exec(text))) {
      start(line, m[1].trim(), findDate(m[2])?.iso ?? null, m[3] ? Number(m[3]) : null);
    } else if ((m = BODY_LABEL.exec(text))) {
      start(line, m[1].trim(), null, null);
    } else if (current && current.text.length === 0 && (m = DATE_LABEL.exec(text))) {
      current.date = findDate(m[1])?.iso ?? current.date;
      current.head = rangeFrom(current.head.start, i, visibleEnd(line));
      current.last = line;
    } else if (current && current.text.length === 0 && (m = PUNKT_LABEL.exec(text))) {
      current.punkt = Number(m[1]);
      current.head = rangeFrom(current.head.start, i, visibleEnd(line));
      current.last = line;
    } else if (current) {
      current.text.push(text);
      current.last = line;
    }
  }
  close();
  return entries;
}

/** A section of its own that quotes one earlier decision (`Beslutning i Plan- og Tryghedsudvalget den 12. august 2025:`). */
export function headedHistory(lines: Lines, section: Section, body: string | null, date: string | null): HistoryEntry {
  const text: string[] = [];
  for (let i = section.heading.range.start.line + 1; i <= section.range.end.line; i++) if (!lines.blank(i)) text.push(lines.at(i).text);
  return { body, date, punkt: null, headRange: section.heading.range, text: text.join(' '), range: section.range };
}
