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
  /**
   * Character code of the first character of `text`, or -1 when it is empty. Passes over every line
   * test it to skip lines (`Punkt`, `Mødet hævet`): reading a character of each line's text costs a
   * cache miss per line on a long document, this field does not.
   */
  firstCode: number;
}

/**
 * Splits on `\r\n`, `\r` and `\n`, as `text.split(/\r\n|\r|\n/)` would. An `indexOf` loop: it
 * is about twice as fast as splitting on the regular expression, and most texts have no `\r`.
 */
export function splitLines(text: string): string[] {
  return eachLine(text, (raw) => raw);
}

/**
 * Calls `make` on every line as `splitLines` cuts it, in order, and returns what it made. Reading a
 * line right after cutting it finds its characters still in the processor's cache: splitting all
 * lines first and reading them after costs twice as much on a long document.
 */
function eachLine<T>(text: string, make: (raw: string, index: number) => T): T[] {
  const lines: T[] = [];
  let from = 0;
  let lf = text.indexOf('\n');
  let cr = text.indexOf('\r');
  if (cr < 0) {
    while (lf >= 0) {
      lines.push(make(text.slice(from, lf), lines.length));
      from = lf + 1;
      lf = text.indexOf('\n', from);
    }
  } else {
    while (lf >= 0 || cr >= 0) {
      if (cr < 0 || (lf >= 0 && lf < cr)) {
        lines.push(make(text.slice(from, lf), lines.length));
        from = lf + 1;
      } else {
        lines.push(make(text.slice(from, cr), lines.length));
        from = text.charCodeAt(cr + 1) === 10 /* \n */ ? cr + 2 : cr + 1;
      }
      if (lf >= 0 && lf < from) lf = text.indexOf('\n', from);
      if (cr >= 0 && cr < from) cr = text.indexOf('\r', from);
    }
  }
  lines.push(make(text.slice(from), lines.length));
  return lines;
}

/**
 * White space as exports write it: spaces, tabs, non-breaking and other Unicode spaces, BOM. The
 * characters of `/[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]/`, tested on the character code:
 * this runs on both ends of every line, where a regular expression per character costs more.
 */
export function isSpaceCode(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200b) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** JavaScript's `\s`: the spaces above without the zero-width space U+200B. */
export function isRegExpSpaceCode(code: number): boolean {
  return code !== 0x200b && isSpaceCode(code);
}

const HASH = 35; // #
const STAR = 42; // *
const UNDERSCORE = 95; // _
/** The marks that make a whole line bold, `**` first (`__` may stand inside it), with their character code. */
const BOLD_MARKS = [
  ['**', STAR],
  ['__', UNDERSCORE],
] as const;

/** True when `raw[start, end)` begins and ends with the two-character `mark` and has no other `mark` inside. */
function wrappedIn(raw: string, start: number, end: number, mark: string, code: number): boolean {
  if (end - start <= 4) return false;
  if (raw.charCodeAt(start) !== code || raw.charCodeAt(start + 1) !== code) return false;
  if (raw.charCodeAt(end - 1) !== code || raw.charCodeAt(end - 2) !== code) return false;
  const inner = raw.indexOf(mark, start + 2);
  return inner < 0 || inner + 2 > end - 2;
}

// Character loops and index tests rather than regular expressions on slices of the line: this
// runs on every line of the document, and the slices were garbage.
export function toLine(raw: string, index: number): Line {
  let start = 0;
  let end = raw.length;
  while (start < end && isSpaceCode(raw.charCodeAt(start))) start++;
  while (end > start && isSpaceCode(raw.charCodeAt(end - 1))) end--;
  let level: number | null = null;
  let bold = false;

  if (raw.charCodeAt(start) === HASH && start < end) {
    // `#` to `######` followed by white space or the end of the words: a markdown heading.
    let hashes = start;
    while (hashes < end && raw.charCodeAt(hashes) === HASH) hashes++;
    const count = hashes - start;
    if (count <= 6 && (hashes === end || isRegExpSpaceCode(raw.charCodeAt(hashes)))) {
      level = count;
      start += level;
      while (start < end && isSpaceCode(raw.charCodeAt(start))) start++;
      // A closing run of `#` (ATX style) after white space is decoration too.
      let closing = end;
      while (closing > start && raw.charCodeAt(closing - 1) === HASH) closing--;
      if (closing < end && closing > start && isRegExpSpaceCode(raw.charCodeAt(closing - 1))) end = closing - 1;
    }
  }
  // Bold around the whole line, possibly nested in the heading marks: `## **Beslutning**`.
  for (const [mark, code] of BOLD_MARKS) {
    if (!wrappedIn(raw, start, end, mark, code)) continue;
    bold = true;
    start += 2;
    end -= 2;
    while (start < end && isSpaceCode(raw.charCodeAt(start))) start++;
    while (end > start && isSpaceCode(raw.charCodeAt(end - 1))) end--;
  }
  // A trailing HTML comment (`Punkt 3: Titel <!-- referat-disable-line ... -->`) is not part of the words.
  const trailing = end - start > 7 && raw.startsWith('-->', end - 3) ? raw.lastIndexOf('<!--', end) : -1;
  if (trailing > start) {
    end = trailing;
    while (end > start && isSpaceCode(raw.charCodeAt(end - 1))) end--;
  }
  const text = raw.slice(start, end);
  // An HTML comment alone on its line (`<!-- referat-disable-next-line ... -->`) is not part of the minutes.
  const comment = level === null && text.startsWith('<!--') && text.endsWith('-->');
  const blank = (text.length === 0 && level === null) || comment;
  return { index, raw, text, start, end, level, bold, blank, firstCode: start < end ? raw.charCodeAt(start) : -1 };
}

export function readLines(text: string): Line[] {
  return eachLine(text, toLine);
}

export function range(startLine: number, startChar: number, endLine: number, endChar: number): Range {
  return { start: { line: startLine, character: startChar }, end: { line: endLine, character: endChar } };
}

/** The range of the line's visible characters (the whole line without trailing white space). */
export function lineRange(line: Line): Range {
  // A plain line whose words run to its end: its words are its visible characters, and the
  // characters need not be read again (on a long document each read is a cache miss).
  if (isPlainToEnd(line)) return range(line.index, line.start, line.index, line.end);
  const raw = line.raw;
  let end = raw.length;
  while (end > 0 && isSpaceCode(raw.charCodeAt(end - 1))) end--;
  let start = 0;
  while (start < end && isSpaceCode(raw.charCodeAt(start))) start++;
  return range(line.index, start, line.index, end);
}

/**
 * True when the line has no decoration and its words end the line: `toLine` then trimmed only
 * white space, so `start` and `end` are the first and last visible characters.
 */
function isPlainToEnd(line: Line): boolean {
  return line.level === null && !line.bold && line.end > line.start && line.end === line.raw.length;
}

/** The column after the line's last visible character, decoration included (`**` of a bold line). */
export function visibleEnd(line: Line): number {
  // Without building the range: this runs for every section and item end.
  if (line.end > line.start && line.end === line.raw.length) return line.end; // the words end the line
  const raw = line.raw;
  let end = raw.length;
  while (end > 0 && isSpaceCode(raw.charCodeAt(end - 1))) end--;
  return end;
}

/** Range of columns [from, to) of the line. */
export function colRange(line: Line, from: number, to: number): Range {
  return range(line.index, from, line.index, to);
}

/** True when every letter of the text is upper case and it has at least two letters. */
export function isUpperCase(text: string): boolean {
  // A character loop: this runs on every short line, and a regular expression over the line costs more.
  // ASCII letters are told by their codes; other characters by their cases, which makes strings.
  let letters = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 128) {
      if (code >= 97 && code <= 122) return false; // a-z
      if (code >= 65 && code <= 90) letters++; // A-Z
      continue;
    }
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
