// An open document kept as an array of lines, for TextDocuments. An edit replaces only the lines
// it touches and records which, so that the incremental reader re-reads only those punkter; the
// whole text is joined only when a feature asks for it, once per version.
// Until its first edit a document is its text and the starts of its lines, as small as TextDocument.
import type { Range, TextDocumentContentChangeEvent, TextDocumentsConfiguration } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { LinePositions, breakLength, lineOf, lineStarts, linesWithBreaks, splitLines } from '../reader/lines';
import type { LintText } from '../rules/types';

/** Lines [from, oldEnd) of an earlier version are lines [from, newEnd) now; the rest only moved. */
export interface TouchedLines {
  from: number;
  oldEnd: number;
  newEnd: number;
}

/** The last revision given to a document: revisions are unique across documents, reopened ones too. */
let lastRevision = 0;

export class LineDocument extends LinePositions implements TextDocument {
  /**
   * Changes with every change applied, whatever versions the client sends (a client may send the
   * same version twice, or an older one): what the server keeps per document (its model, findings,
   * outline) is kept per revision. `version` is the client's, for what is sent back to it.
   */
  revision = ++lastRevision;
  /** The text as opened (or as last sent whole). */
  private base: string;
  /** Offsets of the starts of the base text's lines, found on first use. */
  private baseStarts: number[] | undefined;
  /**
   * From the first edit on, the lines: a number is a line of the base text (by its number), a
   * string a line written since, with its line break (`\n`, `\r\n` or `\r`; the last line has
   * none). Lines nobody edited cost a number each, not a string: the first keystroke in a large
   * referat does not cut its text into lines, and memory stays near that of the text.
   */
  private lines: (number | string)[] | undefined;
  /** Offsets of the lines' starts, valid for lines up to `offsetsValid` (exclusive). */
  private offsets: number[] = [];
  private offsetsValid = 0;
  /** The whole text once asked for, until the next edit. */
  private text: string | undefined;
  private length: number;
  /** `includes` answers for this version. */
  private readonly found = new Map<string, boolean>();
  /** `baseLinesWith` answers for the base text. */
  private readonly baseFound = new Map<string, Uint8Array>();
  /** The revision since which `touched` records the changed lines; null when a whole new text came since. */
  private touchedSince: number | null;
  /** The lines changed since `touchedSince`; null when none did. */
  private touched: TouchedLines | null = null;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    public version: number,
    content: string,
  ) {
    super();
    this.base = content;
    this.text = content;
    this.length = content.length;
    this.touchedSince = this.revision;
  }

  get lineCount(): number {
    return this.lines ? this.lines.length : this.starts().length;
  }

  /** The length of the text in UTF-16 code units, without joining it. */
  get textLength(): number {
    return this.length;
  }

  /** Line `line` without its line break. */
  lineAt(line: number): string {
    if (line < 0 || line >= this.lineCount) return '';
    return this.withBreak(line).slice(0, this.textLengthOf(line));
  }

  getText(range?: Range): string {
    if (range) return this.slice(this.offsetAt(range.start), this.offsetAt(range.end));
    this.text ??= this.lines ? this.lines.map((_, line) => this.withBreak(line)).join('') : this.base;
    return this.text;
  }

  lineEnd(line: number): number {
    return this.lineStart(line) + this.textLengthOf(line);
  }

  lineOf(offset: number): number {
    // Every line's offset known, for the search.
    this.lineStart(this.lineCount - 1);
    return lineOf(this.lines ? this.offsets : this.starts(), offset, this.lineCount);
  }

  /** True when the text holds `needle`, which has no line break; known without joining the text. */
  includes(needle: string): boolean {
    let answer = this.found.get(needle);
    if (answer === undefined) {
      answer = this.lines ? this.linesInclude(this.lines, needle) : this.base.includes(needle);
      this.found.set(needle, answer);
    }
    return answer;
  }

  getLineRange(line: number): Range {
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    // A line after the last is the last line, as TextDocument has it.
    const at = Math.min(line, this.lineCount - 1);
    return { start: { line: at, character: 0 }, end: { line: at, character: this.textLengthOf(at) } };
  }

  getEOLCharacters(line: number): string {
    if (line < 0 || line >= this.lineCount) return '';
    return this.withBreak(line).slice(this.textLengthOf(line));
  }

  /**
   * Which lines changed since `revision`: undefined when that is not known line by line (a whole
   * new text came, or the record starts at another revision), null when none did.
   */
  touchedLinesSince(revision: number): TouchedLines | null | undefined {
    return this.touchedSince === revision ? this.touched : undefined;
  }

  /** Starts the record of changed lines afresh from this revision (once it has been read). */
  markRead(): void {
    this.touchedSince = this.revision;
    this.touched = null;
  }

  /** Applies the changes of one didChange, in order (TextDocumentsConfiguration.update). */
  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      this.text = undefined;
      this.found.clear();
      if ('range' in change) {
        if (!this.lines) {
          const count = this.starts().length;
          this.lines = [];
          for (let line = 0; line < count; line++) this.lines.push(line);
        }
        this.replace(this.lines, change.range, change.text);
      } else {
        this.base = change.text;
        this.baseStarts = undefined;
        this.baseFound.clear();
        this.lines = undefined;
        this.text = change.text;
        this.length = change.text.length;
        this.offsetsValid = 0;
        this.touchedSince = null;
      }
    }
    this.version = version;
    this.revision = ++lastRevision;
  }

  private replace(lines: (number | string)[], range: Range, newText: string): void {
    let start = this.offsetAt(range.start);
    let end = this.offsetAt(range.end);
    if (end < start) [start, end] = [end, start];
    const first = this.positionAt(start).line;
    const last = this.positionAt(end).line;
    // The changed lines with one line more on each side: a line break typed next to one may join it
    // (`\r` + `\n`), and splitting again from one line start to another finds every line as a whole text would.
    const from = Math.max(0, first - 1);
    const to = Math.min(lines.length, last + 2);
    const base = this.lineStart(from);
    let region = '';
    for (let line = from; line < to; line++) region += this.withBreak(line);
    const replaced = region.slice(0, start - base) + newText + region.slice(end - base);
    const inserted = linesWithBreaks(replaced);
    // A region that ends the text keeps its last, possibly empty, line; one that does not ends at a line start.
    if (to < lines.length && inserted.length > 1 && inserted[inserted.length - 1] === '') inserted.pop();
    spliceLines(lines, from, to - from, inserted);
    this.length += replaced.length - region.length;
    this.offsetsValid = Math.min(this.offsetsValid, from + 1);
    this.touch(from, to, from + inserted.length);
  }

  /** Adds to the record: lines [from, oldEnd) of the text before the change are [from, newEnd) after it. */
  private touch(from: number, oldEnd: number, newEnd: number): void {
    const span = this.touched;
    if (span === null) {
      this.touched = { from, oldEnd, newEnd };
      return;
    }
    // The record's lines [span.from, span.newEnd) and these, in the text before the change; lines after both only moved.
    const end = Math.max(span.newEnd, oldEnd);
    this.touched = { from: Math.min(span.from, from), oldEnd: end - (span.newEnd - span.oldEnd), newEnd: end + (newEnd - oldEnd) };
  }

  private starts(): number[] {
    return (this.baseStarts ??= lineStarts(this.base));
  }

  /** Where base line `k` starts and ends (after its line break). */
  private baseSpan(k: number): [number, number] {
    const starts = this.starts();
    return [starts[k], k + 1 < starts.length ? starts[k + 1] : this.base.length];
  }

  /** Line `line` with its line break; the line must exist. */
  private withBreak(line: number): string {
    const entry = this.lines ? this.lines[line] : line;
    if (typeof entry === 'string') return entry;
    const [start, end] = this.baseSpan(entry);
    return this.base.slice(start, end);
  }

  /** The length of line `line` without its line break, read without cutting it out. */
  private textLengthOf(line: number): number {
    const entry = this.lines ? this.lines[line] : line;
    if (typeof entry === 'string') return entry.length - breakLength(entry, 0, entry.length);
    const [start, end] = this.baseSpan(entry);
    return end - start - breakLength(this.base, start, end);
  }

  /** The length of line `line` with its line break. */
  private fullLengthOf(line: number): number {
    const entry = this.lines![line];
    if (typeof entry === 'string') return entry.length;
    const [start, end] = this.baseSpan(entry);
    return end - start;
  }

  /** `includes` on lines: the lines written since are searched, and the base text's lines that are still there. */
  private linesInclude(lines: readonly (number | string)[], needle: string): boolean {
    let inBase: Uint8Array | undefined;
    for (const entry of lines) {
      if (typeof entry === 'string') {
        if (entry.includes(needle)) return true;
        continue;
      }
      inBase ??= this.baseLinesWith(needle);
      if (inBase[entry]) return true;
    }
    return false;
  }

  /** For each base line, 1 when it holds `needle` (kept: the base text changes only when a whole text comes). */
  private baseLinesWith(needle: string): Uint8Array {
    const known = this.baseFound.get(needle);
    if (known) return known;
    const starts = this.starts();
    const marks = new Uint8Array(starts.length);
    for (let at = this.base.indexOf(needle); at >= 0; at = this.base.indexOf(needle, at + 1)) marks[lineOf(starts, at)] = 1;
    this.baseFound.set(needle, marks);
    return marks;
  }

  /** The offset of the start of `line`. */
  lineStart(line: number): number {
    if (!this.lines) return this.starts()[Math.min(line, this.starts().length - 1)];
    if (line < this.offsetsValid) return this.offsets[line];
    const last = Math.min(line, this.lines.length - 1);
    let i = this.offsetsValid;
    if (i === 0) {
      this.offsets[0] = 0;
      i = 1;
    }
    for (; i <= last; i++) this.offsets[i] = this.offsets[i - 1] + this.fullLengthOf(i - 1);
    this.offsets.length = this.lines.length;
    this.offsetsValid = last + 1;
    return this.offsets[last];
  }

  private slice(start: number, end: number): string {
    if (end <= start) return '';
    if (this.text !== undefined) return this.text.slice(start, end);
    if (!this.lines) return this.base.slice(start, end);
    const first = this.positionAt(start).line;
    let out = '';
    for (let line = first; line < this.lines.length; line++) {
      const lineStart = this.offsets[line];
      if (lineStart >= end) break;
      const text = this.withBreak(line);
      out += text.slice(Math.max(0, start - lineStart), Math.min(text.length, end - lineStart));
    }
    return out;
  }
}

/** What the rules read of an open document: line by line where it can, so that a keystroke does not join the whole text. */
export function lintTextOf(document: TextDocument): string | LintText {
  if (!(document instanceof LineDocument)) return document.getText();
  return {
    text: () => document.getText(),
    lineAt: (line: number) => (line >= 0 && line < document.lineCount ? document.lineAt(line) : undefined),
    includes: (needle: string) => document.includes(needle),
  };
}

/** The document's lines without their breaks: cut from its lines, not from its text joined and split again. */
export function documentLines(document: TextDocument): string[] {
  if (!(document instanceof LineDocument)) return splitLines(document.getText());
  const lines: string[] = new Array(document.lineCount);
  for (let line = 0; line < lines.length; line++) lines[line] = document.lineAt(line);
  return lines;
}

/** What changes with every change of a document: its revision, or for another TextDocument its version. */
export function revisionOf(document: TextDocument): number {
  return document instanceof LineDocument ? document.revision : document.version;
}

/** The configuration TextDocuments uses to make and update documents. */
export const lineDocuments: TextDocumentsConfiguration<LineDocument> = {
  create: (uri, languageId, version, content) => new LineDocument(uri, languageId, version, content),
  update(document, changes, version) {
    document.update(changes, version);
    return document;
  },
};

/** `lines.splice(at, count, ...inserted)` without spreading a long array into arguments. */
function spliceLines(lines: (number | string)[], at: number, count: number, inserted: string[]): void {
  if (inserted.length < 10_000) {
    lines.splice(at, count, ...inserted);
    return;
  }
  const tail = lines.splice(at + count);
  lines.length = at;
  for (const line of inserted) lines.push(line);
  for (const line of tail) lines.push(line);
}
