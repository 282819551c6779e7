// Splits text into lines and strips the decoration that exports put around words
// (`#`, `**`, a BOM, non-breaking spaces), keeping the columns of what is left.
import type { Heading, HeadingStyle, Position, Range } from '../model';

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
  /** Character code of the first character of `text`, or -1 when it is empty: passes over every line skip lines by it. */
  firstCode: number;
}

/** Splits on `\r\n`, `\r` and `\n`, as `text.split(/\r\n|\r|\n/)` would. */
export function splitLines(text: string): string[] {
  return eachLine(text, (source, from, to) => source.slice(from, to));
}

/** Calls `visit` with the bounds of every line as `splitLines` cuts it, in order, without making strings. */
function forEachLine(text: string, visit: (from: number, to: number) => void): void {
  let from = 0;
  let lf = text.indexOf('\n');
  let cr = text.indexOf('\r');
  if (cr < 0) {
    while (lf >= 0) {
      visit(from, lf);
      from = lf + 1;
      lf = text.indexOf('\n', from);
    }
  } else {
    while (lf >= 0 || cr >= 0) {
      if (cr < 0 || (lf >= 0 && lf < cr)) {
        visit(from, lf);
        from = lf + 1;
      } else {
        visit(from, cr);
        from = text.charCodeAt(cr + 1) === 10 /* \n */ ? cr + 2 : cr + 1;
      }
      if (lf >= 0 && lf < from) lf = text.indexOf('\n', from);
      if (cr >= 0 && cr < from) cr = text.indexOf('\r', from);
    }
  }
  visit(from, text.length);
}

/**
 * Where each line starts, as `splitLines` cuts them: 0, and the offset after each `\r\n`, `\r` or
 * `\n`. For edits and positions over a whole text (fixes, formatting, the language server).
 */
export function lineStarts(text: string): number[] {
  const starts: number[] = [];
  forEachLine(text, (from) => starts.push(from));
  return starts;
}

/** The line that holds `offset`: the last of the first `count` line starts at or before it, found by halving. */
export function lineOf(starts: ArrayLike<number>, offset: number, count = starts.length): number {
  let low = 0;
  let high = count;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (starts[mid] > offset) high = mid;
    else low = mid + 1;
  }
  return low - 1;
}

/** The length of the line break that ends text[start, end): 2 for `\r\n`, 1 for `\n` or `\r`, else 0. */
export function breakLength(text: string, start: number, end: number): number {
  if (end <= start) return 0;
  const last = text.charCodeAt(end - 1);
  if (last === 10) return end - start >= 2 && text.charCodeAt(end - 2) === 13 ? 2 : 1;
  return last === 13 ? 1 : 0;
}

/**
 * The one converter between positions and offsets, over a text's lines or an edited document's. As
 * VS Code's TextDocument, so that server, CLI and editor agree: a line before the first is offset 0,
 * one after the last the text's end; a character past its line's text, or an offset inside a line
 * break, is the end of that line's text.
 */
export abstract class LinePositions {
  abstract get lineCount(): number;
  abstract get textLength(): number;
  abstract lineStart(line: number): number;
  /** Where the line's text ends, before its break. */
  abstract lineEnd(line: number): number;
  /** The line that holds `offset`, from 0 to `textLength`. */
  abstract lineOf(offset: number): number;

  offsetAt(position: Position): number {
    if (position.line >= this.lineCount) return this.textLength;
    if (position.line < 0) return 0;
    const start = this.lineStart(position.line);
    return position.character <= 0 ? start : Math.min(start + position.character, this.lineEnd(position.line));
  }

  positionAt(offset: number): Position {
    const at = Math.max(Math.min(offset, this.textLength), 0);
    const line = this.lineOf(at);
    return { line, character: Math.min(at, this.lineEnd(line)) - this.lineStart(line) };
  }
}

/** A text's positions, over its line starts (given when already found). */
export class LineIndex extends LinePositions {
  readonly lineCount: number;
  readonly textLength: number;

  constructor(
    readonly text: string,
    readonly starts: readonly number[] = lineStarts(text),
  ) {
    super();
    this.lineCount = starts.length;
    this.textLength = text.length;
  }

  lineStart(line: number): number {
    return this.starts[line];
  }

  lineEnd(line: number): number {
    const next = line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
    return next - breakLength(this.text, this.starts[line], next);
  }

  lineOf(offset: number): number {
    return lineOf(this.starts, offset);
  }
}

/** The text cut into lines that keep their line breaks; the last one may have none (or be empty). */
export function linesWithBreaks(text: string, starts: readonly number[] = lineStarts(text)): string[] {
  return starts.map((s, i) => text.slice(s, starts[i + 1] ?? text.length));
}

/** What `make` makes of every line, in order. */
function eachLine<T>(text: string, make: (source: string, from: number, to: number, index: number) => T): T[] {
  const lines: T[] = [];
  forEachLine(text, (from, to) => lines.push(make(text, from, to, lines.length)));
  return lines;
}

/**
 * White space as exports write it: spaces, tabs, non-breaking and other Unicode spaces, BOM. The
 * characters of `/[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]/`, tested on the character code.
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
/** The character codes of the marks that make a whole line bold, `**` and `__`. */
const BOLD_MARKS = [STAR, UNDERSCORE] as const;

/**
 * True when `source[start, end)` begins and ends with a mark (the character `code` twice) and has
 * no other mark inside. Looks no further than `end`: `source` may be the whole document.
 */
function wrappedIn(source: string, start: number, end: number, code: number): boolean {
  if (end - start <= 4) return false;
  if (source.charCodeAt(start) !== code || source.charCodeAt(start + 1) !== code) return false;
  if (source.charCodeAt(end - 1) !== code || source.charCodeAt(end - 2) !== code) return false;
  // A mark inside starts before end - 3; one starting at end - 3 overlaps the closing mark (`***`).
  for (let i = start + 2; i + 1 < end - 2; i++) {
    if (source.charCodeAt(i) === code && source.charCodeAt(i + 1) === code) return false;
  }
  return true;
}

export function toLine(raw: string, index: number): Line {
  return lineIn(raw, 0, raw.length, index);
}

/** What `measure` finds in a line: where its words are (offsets into the source) and its marks. */
interface Measured {
  start: number;
  end: number;
  level: number | null;
  bold: boolean;
  blank: boolean;
}

/**
 * Reads the line `source[from, to)`: where its words are, its heading marks, whether it is bold all
 * over or blank. It reads in `source` (the whole document) so that no string is cut for a line.
 */
function measure(source: string, from: number, to: number): Measured {
  let start = from;
  let end = to;
  while (start < end && isSpaceCode(source.charCodeAt(start))) start++;
  while (end > start && isSpaceCode(source.charCodeAt(end - 1))) end--;
  let level: number | null = null;
  let bold = false;

  if (start < end && source.charCodeAt(start) === HASH) {
    // `#` to `######` followed by white space or the end of the words: a markdown heading.
    let hashes = start;
    while (hashes < end && source.charCodeAt(hashes) === HASH) hashes++;
    const count = hashes - start;
    if (count <= 6 && (hashes === end || isRegExpSpaceCode(source.charCodeAt(hashes)))) {
      level = count;
      start += level;
      while (start < end && isSpaceCode(source.charCodeAt(start))) start++;
      // A closing run of `#` (ATX style) after white space is decoration too.
      let closing = end;
      while (closing > start && source.charCodeAt(closing - 1) === HASH) closing--;
      if (closing < end && closing > start && isRegExpSpaceCode(source.charCodeAt(closing - 1))) end = closing - 1;
    }
  }
  // Bold around the whole line, possibly nested in the heading marks: `## **Beslutning**`; `**` first (`__` may stand inside it).
  for (let k = 0; k < BOLD_MARKS.length; k++) {
    if (!wrappedIn(source, start, end, BOLD_MARKS[k])) continue;
    bold = true;
    start += 2;
    end -= 2;
    while (start < end && isSpaceCode(source.charCodeAt(start))) start++;
    while (end > start && isSpaceCode(source.charCodeAt(end - 1))) end--;
  }
  // A trailing HTML comment (`Punkt 3: Titel <!-- referat-disable-line ... -->`) is not part of the
  // words. Looked for in the line alone, so that the search stops at the line's start.
  const trailing = end - start > 7 && source.startsWith('-->', end - 3) ? source.slice(from, to).lastIndexOf('<!--', end - from) + from : -1;
  if (trailing > start) {
    end = trailing;
    while (end > start && isSpaceCode(source.charCodeAt(end - 1))) end--;
  }
  // An HTML comment alone on its line (`<!-- referat-disable-next-line ... -->`) is not part of the minutes.
  const comment = level === null && end - start >= 4 && source.startsWith('<!--', start) && source.startsWith('-->', end - 3);
  return { start, end, level, bold, blank: (start === end && level === null) || comment };
}

/** The line `source[from, to)` as an object. */
function lineIn(source: string, from: number, to: number, index: number): Line {
  const m = measure(source, from, to);
  return lineObject(source, from, to, index, m.start, m.end, m.level, m.bold, m.blank);
}

/**
 * The object of line `index`, `source[from, to)`, its words `source[start, end)`. The one place
 * lines are made, read on their own or from a table, so that they all have one shape.
 */
function lineObject(source: string, from: number, to: number, index: number, start: number, end: number, level: number | null, bold: boolean, blank: boolean): Line {
  const raw = from === 0 && to === source.length ? source : source.slice(from, to);
  return {
    index,
    raw,
    text: start === from && end === to ? raw : source.slice(start, end),
    start: start - from,
    end: end - from,
    level,
    bold,
    blank,
    firstCode: start < end ? source.charCodeAt(start) : -1,
  };
}

/** The lines of a text, as an array of objects (for the formatter, the renderer and the incremental reader). */
export function readLines(text: string): Line[] {
  return eachLine(text, lineIn);
}

/**
 * The lines as the reader reads them. `at(i)` is line `i` (undefined outside the lines, as an
 * array's `[i]`); `blank` and `firstCode` answer for a line without making it, for the passes that
 * test every line.
 */
export interface Lines {
  readonly length: number;
  at(i: number): Line;
  blank(i: number): boolean;
  firstCode(i: number): number;
  /** The length of the line's words (`at(i).text.length`). */
  textLength(i: number): number;
  /** Its markdown heading level (`at(i).level`). */
  level(i: number): number | null;
}

/** An array of lines as `Lines` (the incremental reader keeps its lines as objects, to splice them). */
export class LineList implements Lines {
  constructor(private readonly list: readonly Line[]) {}

  get length(): number {
    return this.list.length;
  }

  at(i: number): Line {
    return this.list[i];
  }

  blank(i: number): boolean {
    return this.list[i].blank;
  }

  firstCode(i: number): number {
    return this.list[i].firstCode;
  }

  textLength(i: number): number {
    return this.list[i].text.length;
  }

  level(i: number): number | null {
    return this.list[i].level;
  }

  /** Lines [from, to) as a list of their own (numbered as before). */
  slice(from: number, to: number): LineList {
    return new LineList(this.list.slice(from, to));
  }
}

const LEVEL_MASK = 7; // heading level + 1, 0 when not a heading
const BOLD = 8;
const BLANK = 16;

/**
 * The lines of a text held as numbers: where each line and its words are in the text, and its marks.
 * A line object is made when asked for and not kept, so that a long referat's lines cost the reader
 * a few numbers each.
 */
export class LineTable implements Lines {
  readonly length: number;
  /** For line i: [4i] where it starts, [4i + 1] where it ends (before its break), [4i + 2, 4i + 3) its words; offsets into the text. */
  private readonly bounds: Int32Array;
  /** For line i: heading level + 1, BOLD, BLANK. */
  private readonly marks: Uint8Array;
  /** For line i: the character code of the first character of its words (0 when it has none). */
  private readonly codes: Uint16Array;

  constructor(private readonly source: string) {
    // Sized once, from the number of line breaks.
    const capacity = lineCountBound(source);
    const bounds = new Int32Array(capacity * 4);
    const marks = new Uint8Array(capacity);
    const codes = new Uint16Array(capacity);
    let count = 0;
    forEachLine(source, (from, to) => {
      const m = measure(source, from, to);
      const b = count * 4;
      bounds[b] = from;
      bounds[b + 1] = to;
      bounds[b + 2] = m.start;
      bounds[b + 3] = m.end;
      marks[count] = (m.level === null ? 0 : m.level + 1) | (m.bold ? BOLD : 0) | (m.blank ? BLANK : 0);
      codes[count] = m.start < m.end ? source.charCodeAt(m.start) : 0;
      count++;
    });
    this.length = count;
    this.bounds = bounds;
    this.marks = marks;
    this.codes = codes;
  }

  at(i: number): Line {
    // Outside the lines: undefined, as an array gives.
    if (!(i >= 0 && i < this.length)) return undefined as unknown as Line;
    const b = i * 4;
    const marks = this.marks[i];
    const level = marks & LEVEL_MASK;
    return lineObject(
      this.source,
      this.bounds[b],
      this.bounds[b + 1],
      i,
      this.bounds[b + 2],
      this.bounds[b + 3],
      level === 0 ? null : level - 1,
      (marks & BOLD) !== 0,
      (marks & BLANK) !== 0,
    );
  }

  blank(i: number): boolean {
    return (this.marks[i] & BLANK) !== 0;
  }

  firstCode(i: number): number {
    const b = i * 4;
    return this.bounds[b + 2] < this.bounds[b + 3] ? this.codes[i] : -1;
  }

  textLength(i: number): number {
    return this.bounds[i * 4 + 3] - this.bounds[i * 4 + 2];
  }

  level(i: number): number | null {
    const level = this.marks[i] & LEVEL_MASK;
    return level === 0 ? null : level - 1;
  }
}

/** At least the number of lines of `text`: one more than its `\n` and `\r` characters. */
function lineCountBound(text: string): number {
  let count = 1;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) count++;
  for (let at = text.indexOf('\r'); at >= 0; at = text.indexOf('\r', at + 1)) count++;
  return count;
}

export function range(startLine: number, startChar: number, endLine: number, endChar: number): Range {
  return { start: { line: startLine, character: startChar }, end: { line: endLine, character: endChar } };
}

/** A range from a position already made (a heading's start, say): positions are never changed once made, so ranges may share them. */
export function rangeFrom(start: Position, endLine: number, endChar: number): Range {
  return { start, end: { line: endLine, character: endChar } };
}

/** The range of the line's visible characters (the whole line without trailing white space). */
export function lineRange(line: Line): Range {
  // A plain line whose words run to its end: its words are its visible characters.
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
  // ASCII letters are told by their codes; other characters by their cases.
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
  const whole = lineRange(line);
  return {
    text: line.text,
    range: whole,
    // The same range when the line has no decoration around its words.
    textRange: whole.start.character === line.start && whole.end.character === line.end ? whole : colRange(line, line.start, line.end),
    level: line.level,
    style: styleOf(line),
  };
}

/** True when the line is decorated as a heading (markdown marks or bold all over). */
export function isDecorated(line: Line): boolean {
  return line.level !== null || line.bold;
}

/** A line break, as the reader counts them. */
const LINE_BREAK = /\r\n?|\n/g;

/**
 * Line `n` of the text, without its break, for rules that need a line or two: the text is scanned
 * only as far as the furthest line asked for, and not split whole.
 */
export function lineReader(text: string, hasCarriageReturn = () => text.includes('\r')): (line: number) => string | undefined {
  // starts[n]: where line n begins; ends[n]: where its break begins (known for all lines but the last found).
  const starts = [0];
  const ends: number[] = [];
  let done = false;
  // Most texts break lines with \n alone: then indexOf finds the breaks, much faster than a pattern.
  let onlyLf: boolean | undefined;
  /** The next line break at or after `from`: where it is and how long. */
  const nextBreak = (from: number): [number, number] | null => {
    onlyLf ??= !hasCarriageReturn();
    if (onlyLf) {
      const at = text.indexOf('\n', from);
      return at < 0 ? null : [at, 1];
    }
    LINE_BREAK.lastIndex = from;
    const m = LINE_BREAK.exec(text);
    return m ? [m.index, m[0].length] : null;
  };
  return (line) => {
    while (starts.length <= line && !done) {
      const found = nextBreak(starts[starts.length - 1]);
      if (!found) done = true;
      else {
        ends.push(found[0]);
        starts.push(found[0] + found[1]);
      }
    }
    if (line < 0 || line >= starts.length) return undefined;
    if (line < ends.length) return text.slice(starts[line], ends[line]);
    return text.slice(starts[line], nextBreak(starts[line])?.[0] ?? text.length);
  };
}
