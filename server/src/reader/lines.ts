// Splits text into lines and strips the decoration that exports put around words
// (`#`, `**`, a BOM, non-breaking spaces), keeping the columns of what is left.
import type { Heading, HeadingStyle, Range } from '../model';

export interface Line {
  /** 0-based line number. */
  index: number;
  /** The line as written, without its line break. */
  raw: string;
  /** The words without decoration: markdown heading marks, bold marks, outer white space. */
  text: string;
  /** Columns (UTF-16) of `text` in `raw`. */
  start: number;
  end: number;
  /** Number of `#` marks, or null. */
  level: number | null;
  /** True when the whole line is wrapped in `**` (or `__`). */
  bold: boolean;
  /** True when the line has no visible characters. */
  blank: boolean;
}

const LINE_BREAK = /\r\n|\r|\n/;

export function splitLines(text: string): string[] {
  return text.split(LINE_BREAK);
}

// White space as exports write it: spaces, tabs, non-breaking and other Unicode spaces, BOM.
const SPACE = /[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]/;

function isSpace(ch: string): boolean {
  return SPACE.test(ch);
}

export function toLine(raw: string, index: number): Line {
  let start = 0;
  let end = raw.length;
  while (start < end && isSpace(raw[start])) start++;
  while (end > start && isSpace(raw[end - 1])) end--;
  let level: number | null = null;
  let bold = false;

  const hashes = /^#{1,6}(?=\s|$)/.exec(raw.slice(start, end));
  if (hashes) {
    level = hashes[0].length;
    start += level;
    while (start < end && isSpace(raw[start])) start++;
    // A closing run of `#` (ATX style) is decoration too.
    const closing = /\s#+$/.exec(raw.slice(start, end));
    if (closing) end -= closing[0].length;
  }
  // Bold around the whole line, possibly nested in the heading marks: `## **Beslutning**`.
  for (const mark of ['**', '__']) {
    const inner = raw.slice(start, end);
    if (inner.length > 4 && inner.startsWith(mark) && inner.endsWith(mark) && !inner.slice(2, -2).includes(mark)) {
      bold = true;
      start += 2;
      end -= 2;
      while (start < end && isSpace(raw[start])) start++;
      while (end > start && isSpace(raw[end - 1])) end--;
    }
  }
  // A trailing HTML comment (`Punkt 3: Titel <!-- referat-disable-line ... -->`) is not part of the words.
  const trailing = end - start > 7 && raw.slice(start, end).endsWith('-->') ? raw.lastIndexOf('<!--', end) : -1;
  if (trailing > start) {
    end = trailing;
    while (end > start && isSpace(raw[end - 1])) end--;
  }
  const text = raw.slice(start, end);
  // An HTML comment alone on its line (`<!-- referat-disable-next-line ... -->`) is not part of the minutes.
  const comment = level === null && text.startsWith('<!--') && text.endsWith('-->');
  return { index, raw, text, start, end, level, bold, blank: (text.length === 0 && level === null) || comment };
}

export function readLines(text: string): Line[] {
  return splitLines(text).map(toLine);
}

export function range(startLine: number, startChar: number, endLine: number, endChar: number): Range {
  return { start: { line: startLine, character: startChar }, end: { line: endLine, character: endChar } };
}

/** The range of the line's visible characters (the whole line without trailing white space). */
export function lineRange(line: Line): Range {
  let end = line.raw.length;
  while (end > 0 && isSpace(line.raw[end - 1])) end--;
  let start = 0;
  while (start < end && isSpace(line.raw[start])) start++;
  return range(line.index, start, line.index, end);
}

/** The column after the line's last visible character, decoration included (`**` of a bold line). */
export function visibleEnd(line: Line): number {
  return lineRange(line).end.character;
}

/** Range of columns [from, to) of the line. */
export function colRange(line: Line, from: number, to: number): Range {
  return range(line.index, from, line.index, to);
}

/** True when every letter of the text is upper case and it has at least two letters. */
export function isUpperCase(text: string): boolean {
  // A character loop: this runs on every short line, and a regular expression over the line costs more.
  let letters = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const lower = ch.toLowerCase();
    const upper = ch.toUpperCase();
    if (lower === upper) continue; // not a cased letter
    if (ch !== upper) return false;
    letters++;
  }
  return letters >= 2;
}

export function styleOf(line: Line): HeadingStyle {
  if (line.level !== null) return 'markdown';
  if (line.bold) return 'bold';
  if (isUpperCase(line.text)) return 'upper';
  return 'plain';
}

export function headingOf(line: Line): Heading {
  return {
    text: line.text,
    range: lineRange(line),
    textRange: colRange(line, line.start, line.end),
    level: line.level,
    style: styleOf(line),
  };
}

/** True when the line is decorated as a heading (markdown marks or bold all over). */
export function isDecorated(line: Line): boolean {
  return line.level !== null || line.bold;
}
