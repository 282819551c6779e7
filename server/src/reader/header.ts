// The meeting header: title, Mødedato, Mødested, attendees, and `Mødet hævet`.
import type { Attendee, DateRef, Meeting, Range } from '../model';
import { ABSENCE_MARKS, ADJOURNED_PATTERN, HEADER_LABELS, SUBSTITUTE_MARKS, TITLE_WORDS, fold } from '../vocabulary';
import { findDate, findTime } from './dates';
import { type Line, type Lines, colRange, lineRange, range, visibleEnd } from './lines';
import { readPerson } from './names';
import { Span } from './span';

const TITLE = new RegExp(`^(?:${TITLE_WORDS.join('|')})\\b[\\s:]*`, 'i');
const PERIOD = /(\d{4})\s*[-–]\s*(\d{4})/;
const TITLE_DATE = /\s+(?:d\.|den)\s*(?=\d)/i;
const absenceMarks = new Set(ABSENCE_MARKS.map(fold));

function label(words: readonly string[]): RegExp {
  // `**Mødedato** Tirsdag ...`, `Mødedato: ...`, `Mødested`.
  return new RegExp(`^(?:\\*\\*|__)?(${words.join('|')})(?:\\*\\*|__)?\\s*:?(?:\\*\\*|__)?\\s*`, 'i');
}
const DATE_LABEL = label(HEADER_LABELS.date);
const PLACE_LABEL = label(HEADER_LABELS.place);
const ATTENDEE_LABEL = label(HEADER_LABELS.attendees);
const ABSENT_LABEL = label([...HEADER_LABELS.absent].sort((a, b) => b.length - a.length));

export function emptyMeeting(): Meeting {
  return {
    title: null,
    titleRange: null,
    committee: null,
    committeeRange: null,
    period: null,
    date: null,
    titleDate: null,
    meetingDate: null,
    time: null,
    place: null,
    placeRange: null,
    attendees: [],
    adjourned: null,
    adjournedRange: null,
    range: range(0, 0, 0, 0),
  };
}

function dateRef(line: Line, from: number, text: string): DateRef | null {
  const d = findDate(text);
  if (!d) return null;
  const at = from + d.at;
  return { iso: d.iso, text: text.slice(d.at, d.at + d.length), range: colRange(line, at, at + d.length), weekday: d.weekday };
}

/** Reads the header from lines [from, to). */
export function readHeader(lines: Lines, from: number, to: number): Meeting {
  const meeting = emptyMeeting();
  let first = from;
  while (first < to && lines.blank(first)) first++;
  if (first >= to) return meeting;
  let last = first;
  let i = first;

  const titleLine = lines.at(first);
  const t = TITLE.exec(titleLine.text);
  if (t && /^referat$/i.test(titleLine.text) && /^til$/i.test(lines.at(first + 1)?.text ?? '')) {
    // `Referat` / `til` / `mødet i <udvalg>` / `den <dato> kl. <tid>` / `i <sted>`.
    i = readStackedTitle(lines, first, to, meeting);
  } else if (t) {
    readTitleLine(titleLine, t[0].length, meeting);
    i = first + 1;
  }
  last = Math.max(last, i - 1);

  for (; i < to; i++) {
    const line = lines.at(i);
    if (line.blank) continue;
    const text = line.text;
    let m: RegExpExecArray | null;
    if ((m = DATE_LABEL.exec(text)) && text.length > m[0].length) {
      const at = line.start + m[0].length;
      const value = text.slice(m[0].length);
      meeting.meetingDate = dateRef(line, at, value);
      meeting.time = findTime(value)?.time ?? meeting.time;
      last = i;
    } else if ((m = PLACE_LABEL.exec(text)) && text.length > m[0].length) {
      const at = line.start + m[0].length;
      meeting.place = text.slice(m[0].length).trim();
      meeting.placeRange = colRange(line, at, line.end);
      last = i;
    } else if ((m = ABSENT_LABEL.exec(text))) {
      const end = blockEnd(lines, i, to);
      markAbsent(meeting, attendeeList(lines, i, end, m[0].length, true));
      last = end - 1;
      i = end - 1;
    } else if ((m = ATTENDEE_LABEL.exec(text))) {
      const end = blockEnd(lines, i, to);
      meeting.attendees.push(...attendeeList(lines, i, end, m[0].length, false));
      last = end - 1;
      i = end - 1;
    } else if ((m = ADJOURNED_PATTERN.exec(text))) {
      last = i;
    }
  }
  meeting.date = meeting.titleDate?.iso ?? meeting.meetingDate?.iso ?? null;
  meeting.range = range(first, lineRange(lines.at(first)).start.character, last, visibleEnd(lines.at(last)));
  return meeting;
}

function readTitleLine(line: Line, skip: number, meeting: Meeting): void {
  meeting.title = line.text;
  meeting.titleRange = colRange(line, line.start, line.end);
  let rest = line.text.slice(skip);
  let restAt = line.start + skip;
  const lead = /^(?:af|fra|for)?\s*(?:(?:det\s+)?møde(?:t)?\s+i\s+)?/i.exec(rest);
  if (lead && lead[0]) {
    rest = rest.slice(lead[0].length);
    restAt += lead[0].length;
  }
  const dm = TITLE_DATE.exec(rest);
  if (dm) {
    meeting.titleDate = dateRef(line, restAt + dm.index, rest.slice(dm.index));
    rest = rest.slice(0, dm.index);
  }
  const p = PERIOD.exec(rest);
  if (p) {
    meeting.period = `${p[1]}-${p[2]}`;
    rest = rest.slice(0, p.index);
  }
  const committee = rest.replace(/[\s,]+$/, '');
  if (committee) {
    meeting.committee = committee;
    meeting.committeeRange = colRange(line, restAt, restAt + committee.length);
  }
}

function readStackedTitle(lines: Lines, first: number, to: number, meeting: Meeting): number {
  let i = first + 2;
  const meetingLine = lines.at(i);
  const parts = [lines.at(first), lines.at(first + 1)];
  const m = meetingLine ? /^(?:mødet|møde)\s+i\s+(.+)$/i.exec(meetingLine.text) : null;
  if (m && i < to) {
    parts.push(meetingLine);
    const at = meetingLine.start + meetingLine.text.indexOf(m[1]);
    const p = PERIOD.exec(m[1]);
    const committee = (p ? m[1].slice(0, p.index) : m[1]).trim();
    meeting.committee = committee;
    meeting.committeeRange = colRange(meetingLine, at, at + committee.length);
    if (p) meeting.period = `${p[1]}-${p[2]}`;
    i++;
  }
  meeting.title = parts.map((l) => l.text).join(' ');
  meeting.titleRange = range(first, lines.at(first).start, parts[parts.length - 1].index, parts[parts.length - 1].end);
  const when = lines.at(i);
  if (when && i < to && /^(?:den|d\.)\s/i.test(when.text)) {
    meeting.meetingDate = dateRef(when, when.start, when.text);
    meeting.time = findTime(when.text)?.time ?? null;
    i++;
  }
  const where = lines.at(i);
  if (where && i < to && /^i\s+\S/.test(where.text)) {
    meeting.place = where.text.slice(2).trim();
    meeting.placeRange = colRange(where, where.start + 2, where.end);
    i++;
  }
  return i;
}

/** The block of a label: its line and the non-blank lines after it that carry no other label. */
function blockEnd(lines: Lines, at: number, to: number): number {
  let i = at + 1;
  while (i < to && !lines.blank(i) && !isLabelLine(lines.at(i))) i++;
  return i;
}

function isLabelLine(line: Line): boolean {
  return [DATE_LABEL, PLACE_LABEL, ATTENDEE_LABEL, ABSENT_LABEL].some((re) => re.test(line.text)) || ADJOURNED_PATTERN.test(line.text);
}

/**
 * Reads the people of a label block. A block whose lines run on with commas is one list
 * (`Hans Hammann (Fravær), Linda Ann Wienand, John` / `Rosenhøj, ...`); otherwise each line is one
 * member (`Formand Anna Hansen (A)`).
 */
function attendeeList(lines: Lines, at: number, end: number, labelLength: number, absent: boolean): Attendee[] {
  const block: Line[] = [];
  for (let i = at; i < end; i++) block.push(lines.at(i));
  const firstValue = block[0].text.slice(labelLength).trim();
  const rest = block.slice(1);
  const oneList = rest.length === 0 || block.slice(0, -1).some((l) => /,\s*$/.test(l.text)) || (firstValue !== '' && /,/.test(firstValue));
  const spans: Span[] = [];
  if (oneList) {
    const valueLines = firstValue ? block : rest;
    if (valueLines.length) spans.push(new Span(valueLines, firstValue ? block[0].start + labelLength : undefined));
  } else {
    if (firstValue) spans.push(new Span([block[0]], block[0].start + labelLength));
    for (const l of rest) spans.push(new Span([l]));
  }
  const out: Attendee[] = [];
  for (const span of spans) {
    for (const piece of splitAttendees(span.text)) {
      const a = readAttendee(span, piece.from, piece.to, absent);
      if (a) out.push(a);
    }
  }
  return out;
}

/** Splits on commas and ` og ` outside parentheses. */
function splitAttendees(text: string): { from: number; to: number }[] {
  const out: { from: number; to: number }[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && (ch === ',' || ch === ';')) {
      out.push({ from: start, to: i });
      start = i + 1;
    } else if (depth === 0 && text.startsWith(' og ', i)) {
      out.push({ from: start, to: i });
      start = i + 4;
      i += 3;
    }
  }
  out.push({ from: start, to: text.length });
  // `Bo Jensen (V), sag 129-138` / `..., sag 129, 131`: the items belong to the name before them.
  const merged: { from: number; to: number }[] = [];
  let inItems = false;
  for (const p of out) {
    const piece = text.slice(p.from, p.to).trim();
    if (!piece) continue;
    const items = /^(?:sag|sager|sagerne|punkt|pkt)\.?\s+\d/i.test(piece);
    if (merged.length && (items || (inItems && /^\d[\d\s-]*$/.test(piece)))) {
      merged[merged.length - 1].to = p.to;
      inItems = true;
    } else {
      merged.push({ ...p });
      inItems = false;
    }
  }
  return merged;
}

function readAttendee(span: Span, from: number, to: number, absentBlock: boolean): Attendee | null {
  let text = span.text.slice(from, to);
  // Marks in parentheses after the name: a party letter or an absence note.
  let absent = absentBlock;
  let note: string | null = null;
  let party: string | null = null;
  let nameEnd = text.length;
  for (const m of text.matchAll(/\(([^)]*)\)/g)) {
    const inner = m[1].trim();
    if (/^[A-ZÆØÅ]{1,3}$/.test(inner)) party = inner;
    else {
      note = inner;
      if (absenceMarks.has(fold(inner))) absent = true;
    }
    nameEnd = Math.min(nameEnd, m.index!);
  }
  // `Anna Hansen (A), Suppleant for Bo Jensen (A)` arrives as two pieces; `sag 129-138` too.
  const trailing = /[\s,]+(?:[-–]\s+)?((?:sag|sager|sagerne|punkt|pkt)\.?\s+[\d\s,-]+)$/i.exec(text);
  if (trailing) {
    note = trailing[1];
    nameEnd = Math.min(nameEnd, trailing.index);
  }
  text = text.slice(0, nameEnd);
  if (/^\s*(?:ingen|-)\.?\s*$/i.test(text)) return null;
  if (SUBSTITUTE_MARKS.some((s) => fold(text).startsWith(s + ' for'))) return null;
  const person = readPerson(span, from, from + nameEnd);
  const name = person?.name ?? text.trim().replace(/\.$/, '');
  if (!/\p{L}/u.test(name)) return null;
  const at = from + text.indexOf(name);
  const r: Range = person?.range ?? span.range(Math.max(at, from), Math.max(at, from) + name.length);
  return { name, absent, range: r, party: person?.party ?? party, role: person?.role ?? null, note };
}

function markAbsent(meeting: Meeting, absentees: Attendee[]): void {
  for (const a of absentees) {
    const known = meeting.attendees.find((x) => fold(x.name) === fold(a.name));
    if (known) {
      known.absent = true;
      known.note = known.note ?? a.note;
    } else meeting.attendees.push({ ...a, absent: true });
  }
}

/** `Mødet hævet kl. 14.07.` anywhere in the text. */
export function readAdjourned(lines: Lines, meeting: Meeting): void {
  for (let i = 0; i < lines.length; i++) {
    // Only lines that start with `Mødet` can say it: skip the rest without a regular expression, and
    // without making the line.
    const code = lines.firstCode(i);
    if (code !== 77 /* M */ && code !== 109 /* m */) continue;
    const line = lines.at(i);
    const m = ADJOURNED_PATTERN.exec(line.text);
    if (m) {
      meeting.adjourned = m[1];
      meeting.adjournedRange = lineRange(line);
      return;
    }
  }
}
