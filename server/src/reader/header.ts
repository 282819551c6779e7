// The meeting header: title, Mødedato, Mødested, attendees, and `Mødet hævet`.
import type { Attendee, DateRef, Meeting, Range } from '../model';
import {
  ABSENCE_MARKS,
  ADJOURNED_PATTERN,
  ATTENDEE_ROLES,
  BODY_SUFFIXES,
  COUNCIL_WORDS,
  HEADER_LABELS,
  RUN_ON_HEADER_LABELS,
  SUBSTITUTE_MARKS,
  DEFAULT_VOCABULARY,
  type Vocabulary,
  fold,
} from '../vocabulary';
import { findClockTime, findDate, findTime } from './dates';
import { type Line, type Lines, colRange, lineRange, range, visibleEnd } from './lines';
import { readPerson } from './names';
import { Span } from './span';

const asPattern = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
const byLength = (list: readonly string[]) => [...list].sort((a, b) => b.length - a.length);

/** The title words of a vocabulary as an expression, made once for each vocabulary. */
const titlePatterns = new WeakMap<Vocabulary, RegExp>();
function titlePattern(vocabulary: Vocabulary): RegExp {
  let pattern = titlePatterns.get(vocabulary);
  if (!pattern) titlePatterns.set(vocabulary, (pattern = new RegExp(`^(?:${byLength(vocabulary.titleWords).map(asPattern).join('|')})(?![\\p{L}\\p{N}])[\\s:]*`, 'iu')));
  return pattern;
}
const PERIOD = /(\d{4})\s*[-–]\s*(\d{4})/;
const TITLE_DATE = /\s+(?:d\.|den)\s*(?=\d)/i;
const absenceMarks = new Set(ABSENCE_MARKS.map(fold));
const attendeeRoles = new Set(ATTENDEE_ROLES.map(fold));
const councilWords = new Set(COUNCIL_WORDS.map(fold));
/** A line that is only a body's name: `Børne- og Ungeudvalget`, `Greve Byråd`, `Kommunalbestyrelsen 2022-2025`. */
const BODY_LINE = new RegExp(
  `^[\\p{L}\\- ,]*?(?:${byLength([...BODY_SUFFIXES, ...COUNCIL_WORDS])
    .map(asPattern)
    .join('|')})(?:\\s+\\d{4}\\s*[-–]\\s*\\d{4})?$`,
  'iu',
);
const UPPER_START = /^\p{Lu}/u;
/** A line that is only the meeting's date and time: `Tirsdag den 5. marts 2024 kl. 15.00`, `12.03.2024 kl. 16:00`. */
const DATE_LINE = /^(?:(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag)\b|den\s|d\.\s*\d|\d)/i;

type Field = keyof typeof HEADER_LABELS;
const fieldOf = new Map<string, Field>();
for (const [field, words] of Object.entries(HEADER_LABELS) as [Field, readonly string[]][]) for (const w of words) fieldOf.set(fold(w), field);

/**
 * A label at the start of a line, alone or before its value, bold or not, with or without colon:
 * `Mødedato`, `**Mødedato** Tirsdag ...`, `Mødedato: 12.03.2024`.
 */
const LABEL_AT_START = new RegExp(
  `^(?:\\*\\*|__)?(${byLength([...fieldOf.keys()])
    .map(asPattern)
    .join('|')})(?![\\p{L}\\p{N}])(?:\\*\\*|__)?\\s*(?::|(?=\\s|$))(?:\\*\\*|__)?\\s*`,
  'iu',
);
/** A distinctive label further on in a line run together by a PDF export; one without `møde` needs its colon. */
const LABEL_RUN_ON = new RegExp(`\\s(?:\\*\\*|__)?(${byLength(RUN_ON_HEADER_LABELS).map(asPattern).join('|')})(?:\\*\\*|__)?(\\s*:)?(?:\\*\\*|__)?\\s`, 'giu');

/** One label and its value in a header line: `[labelAt, valueAt, valueEnd)` are columns of the line. */
interface LabelledField {
  field: Field;
  valueAt: number;
  valueEnd: number;
}

/** The labelled fields of a header line, in order; none when the line does not start with a label. */
function fieldsOf(line: Line): LabelledField[] {
  const text = line.text;
  const first = LABEL_AT_START.exec(text);
  if (!first) return [];
  const found: { field: Field; labelAt: number; valueAt: number }[] = [{ field: fieldOf.get(fold(first[1]))!, labelAt: 0, valueAt: first[0].length }];
  LABEL_RUN_ON.lastIndex = first[0].length;
  for (let m: RegExpExecArray | null; (m = LABEL_RUN_ON.exec(text)); ) {
    const word = fold(m[1]);
    if (!m[2] && !word.startsWith('møde')) continue;
    // Inside parentheses it is a note (`Hans Hammann (Afbud)`), not a label.
    if (text.lastIndexOf('(', m.index) > text.lastIndexOf(')', m.index)) continue;
    found.push({ field: fieldOf.get(word)!, labelAt: m.index + 1, valueAt: m.index + m[0].length });
    LABEL_RUN_ON.lastIndex = m.index + m[0].length - 1;
  }
  return found.map((f, k) => ({
    field: f.field,
    valueAt: line.start + f.valueAt,
    valueEnd: line.start + (k + 1 < found.length ? found[k + 1].labelAt : text.length),
  }));
}

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
export function readHeader(lines: Lines, from: number, to: number, vocabulary: Vocabulary = DEFAULT_VOCABULARY): Meeting {
  const meeting = emptyMeeting();
  let first = from;
  while (first < to && lines.blank(first)) first++;
  if (first >= to) return meeting;
  let last = first;
  let i = first;

  const titleLine = lines.at(first);
  const t = fieldsOf(titleLine).length ? null : titlePattern(vocabulary).exec(titleLine.text);
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
    const fields = fieldsOf(line);
    if (fields.length === 0) {
      if (ADJOURNED_PATTERN.test(line.text) || readUnlabelled(meeting, line, vocabulary)) last = i;
      continue;
    }
    last = i;
    for (let k = 0; k < fields.length; k++) {
      const f = fields[k];
      const alone = line.raw.slice(f.valueAt, f.valueEnd).trim() === '';
      const lastField = k === fields.length - 1;
      if (f.field === 'attendees' || f.field === 'absent') {
        // A list: on the label's line, and on the lines after it when it is the line's last field.
        const end = lastField ? blockEnd(lines, i, to) : i + 1;
        const people = attendeeList(lines, i, end, f.valueAt, f.valueEnd, f.field === 'absent');
        if (f.field === 'absent') markAbsent(meeting, people);
        else addPresent(meeting, people);
        last = end - 1;
        if (lastField) i = end - 1;
        continue;
      }
      // A label alone on its line: its value is the next line (`Mødedato` / `Mandag d. 10. januar 2022 kl. 08:00`).
      let valueLine = line;
      let at = f.valueAt;
      let end = f.valueEnd;
      if (alone) {
        if (!lastField) continue;
        let j = i + 1;
        while (j < to && lines.blank(j)) j++;
        if (j >= to || fieldsOf(lines.at(j)).length) continue;
        valueLine = lines.at(j);
        at = valueLine.start;
        end = valueLine.end;
        i = last = j;
      }
      readValue(meeting, f.field, valueLine, at, end);
    }
  }
  meeting.date = meeting.titleDate?.iso ?? meeting.meetingDate?.iso ?? null;
  meeting.range = range(first, lineRange(lines.at(first)).start.character, last, visibleEnd(lines.at(last)));
  return meeting;
}

/**
 * A header line without a label that is only the committee's name, only the meeting's date (many
 * systems print them so under the title) or only the title word; each is taken when nothing before gave it.
 */
function readUnlabelled(meeting: Meeting, line: Line, vocabulary: Vocabulary): boolean {
  const text = line.text.trim();
  const words = text.split(/\s+/).length;
  // `Kommunalbestyrelsen` / `Referat`: the title word under the committee.
  const title = meeting.title ? null : titlePattern(vocabulary).exec(text);
  const at = line.raw.indexOf(text);
  if (title && title[0].length === text.length) {
    meeting.title = text;
    meeting.titleRange = colRange(line, at, at + text.length);
    return true;
  }
  if (!meeting.committee && words <= 8 && UPPER_START.test(text) && BODY_LINE.test(text)) {
    const p = PERIOD.exec(text);
    const name = p ? text.slice(0, p.index).trim() : text;
    if (p) meeting.period = `${p[1]}-${p[2]}`;
    meeting.committee = name;
    meeting.committeeRange = colRange(line, at, at + name.length);
    return true;
  }
  if (!meeting.meetingDate && !meeting.titleDate && words <= 10 && DATE_LINE.test(text)) {
    const date = dateRef(line, at, text);
    if (!date) return false;
    meeting.meetingDate = date;
    meeting.time = findClockTime(text)?.time ?? meeting.time;
    return true;
  }
  return false;
}

/** A one-value field: columns [at, end) of the line. */
function readValue(meeting: Meeting, field: Field, line: Line, at: number, end: number): void {
  const raw = line.raw.slice(at, end);
  const value = raw.trim();
  if (!value) return;
  const valueAt = at + raw.indexOf(value);
  if (field === 'date') {
    meeting.meetingDate = dateRef(line, valueAt, value) ?? meeting.meetingDate;
    meeting.time = findClockTime(value)?.time ?? meeting.time;
  } else if (field === 'place') {
    meeting.place = value;
    meeting.placeRange = colRange(line, valueAt, valueAt + value.length);
  } else if (field === 'committee' && !meeting.committee) {
    meeting.committee = value;
    meeting.committeeRange = colRange(line, valueAt, valueAt + value.length);
  }
}

function readTitleLine(line: Line, skip: number, meeting: Meeting): void {
  meeting.title = line.text;
  meeting.titleRange = colRange(line, line.start, line.end);
  let rest = line.text.slice(skip);
  let restAt = line.start + skip;
  const lead = /^(?:[-–—:]\s*)?(?:af|fra|for)?\s*(?:(?:det\s+)?møde(?:t)?\s+i\s+)?/i.exec(rest);
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
    const name = rest.slice(0, p.index);
    // `Byråd 2022-2025`: a council named by its word alone keeps its period in its name.
    rest = councilWords.has(fold(name)) ? rest.slice(0, p.index + p[0].length) : name;
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
  return LABEL_AT_START.test(line.text) || ADJOURNED_PATTERN.test(line.text);
}

/**
 * Reads the people of a label block: the label's line from column `valueAt` (to `valueEnd`) and the
 * lines after it up to `end`. A block whose lines run on with commas is one list
 * (`Hans Hammann (Fravær), Linda Ann Wienand, John` / `Rosenhøj, ...`); otherwise each line is one
 * member (`Formand Anna Hansen (A)`).
 */
function attendeeList(lines: Lines, at: number, end: number, valueAt: number, valueEnd: number, absent: boolean): Attendee[] {
  const block: Line[] = [];
  for (let i = at; i < end; i++) block.push(lines.at(i));
  const firstValue = block[0].raw.slice(valueAt, valueEnd).trim();
  const rest = block.slice(1);
  const oneList = rest.length === 0 || block.slice(0, -1).some((l) => /,\s*$/.test(l.text)) || (firstValue !== '' && /,/.test(firstValue));
  const spans: Span[] = [];
  if (oneList) {
    const valueLines = firstValue ? block : rest;
    if (valueLines.length) spans.push(new Span(valueLines, firstValue ? valueAt : undefined, firstValue ? valueEnd : undefined));
  } else {
    if (firstValue) spans.push(new Span([block[0]], valueAt, valueEnd));
    for (const l of rest) spans.push(new Span([l]));
  }
  const out: Attendee[] = [];
  for (const span of spans) {
    for (const piece of splitAttendees(span.text)) {
      // `Lone Kjær (A), formand, Henrik Bundgaard (V), næstformand`: a role after the name it belongs to.
      const role = span.text.slice(piece.from, piece.to).trim().replace(/\.$/, '');
      if (out.length && attendeeRoles.has(fold(role))) {
        out[out.length - 1].role ??= role;
        continue;
      }
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
  let role: string | null = null;
  let nameEnd = text.length;
  for (const m of text.matchAll(/\(([^)]*)\)/g)) {
    const inner = m[1].trim();
    if (/^[A-ZÆØÅ]{1,3}$/.test(inner)) party = inner;
    // `Anna Hansen (A) (formand)`: a role, as after a comma.
    else if (attendeeRoles.has(fold(inner))) role = inner;
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
  return { name, absent, range: r, party: person?.party ?? party, role: person?.role ?? role, note };
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

/** A member list after the absences (`Fraværende: Peter Holm (V)` / `Medlemmer` / `Peter Holm`) names the absent once. */
function addPresent(meeting: Meeting, people: Attendee[]): void {
  for (const a of people) {
    const absent = meeting.attendees.find((x) => x.absent && fold(x.name) === fold(a.name));
    if (absent) {
      absent.party ??= a.party;
      absent.role ??= a.role;
    } else meeting.attendees.push(a);
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
