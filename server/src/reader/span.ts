// A paragraph: consecutive non-blank lines read as one string, with a map back to the
// exact line and column of every character, so that a name wrapped over two lines
// (`John` / `Rosenhøj`) still gets an exact range.
import type { Position, Range } from '../model';
import type { Line, Lines } from './lines';

interface Segment {
  /** Offset of the segment in the joined text. */
  at: number;
  line: number;
  /** Column of the segment's first character in its line. */
  col: number;
  length: number;
}

export class Span {
  readonly text: string;
  private readonly segments: Segment[];

  /** `firstCol` and `firstEnd` bound the first line's part (a value after its label, before the next). */
  constructor(lines: readonly Line[], firstCol?: number, firstEnd?: number) {
    // A loop without a closure, and a one-line span (the most common) without joining.
    this.segments = [];
    if (lines.length === 1) {
      const line = lines[0];
      const from = firstCol !== undefined ? firstCol : line.start;
      this.text = line.raw.slice(from, firstEnd ?? line.end).trimEnd();
      this.segments.push({ at: 0, line: line.index, col: from, length: this.text.length });
      return;
    }
    const parts: string[] = [];
    let at = 0;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      const from = i === 0 && firstCol !== undefined ? firstCol : line.start;
      const piece = line.raw.slice(from, i === 0 && firstEnd !== undefined ? firstEnd : line.end);
      if (i > 0) {
        parts.push(' ');
        at += 1;
      }
      this.segments.push({ at, line: line.index, col: from, length: piece.length });
      parts.push(piece);
      at += piece.length;
    }
    this.text = parts.join('');
  }

  /** Where each line after the first begins in the joined text. */
  lineOffsets(): number[] {
    return this.segments.slice(1).map((s) => s.at);
  }

  get firstLine(): number {
    return this.segments.length ? this.segments[0].line : 0;
  }

  /** Position of the character at `offset` (an offset at the end maps past the last character). */
  position(offset: number): Position {
    const segs = this.segments;
    if (segs.length === 0) return { line: 0, character: 0 };
    let lo = 0;
    let hi = segs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (segs[mid].at <= offset) lo = mid;
      else hi = mid - 1;
    }
    const seg = segs[lo];
    const within = Math.min(Math.max(offset - seg.at, 0), seg.length);
    return { line: seg.line, character: seg.col + within };
  }

  /** Range of [from, to) in the joined text; an end on the joining space stays on the earlier line. */
  range(from: number, to: number): Range {
    const start = this.position(from);
    const end = to > from ? this.endPosition(to) : start;
    return { start, end };
  }

  /** The position just after the character at `to - 1`; after a joining space, the end of the line before it. */
  private endPosition(to: number): Position {
    const segs = this.segments;
    const last = to - 1;
    let i = segs.length - 1;
    while (i > 0 && segs[i].at > last) i--;
    const seg = segs[i];
    const within = last - seg.at;
    return { line: seg.line, character: seg.col + (within < seg.length ? within + 1 : seg.length) };
  }

  /** Range of the whole paragraph. */
  get whole(): Range {
    return this.range(0, this.text.length);
  }
}

/** Groups lines [from, to) into paragraphs of consecutive non-blank lines. */
export function paragraphs(lines: Lines, from: number, to: number): Line[][] {
  const out: Line[][] = [];
  let current: Line[] = [];
  for (let i = from; i < to; i++) {
    if (lines.blank(i)) {
      if (current.length) out.push(current);
      current = [];
    } else current.push(lines.at(i));
  }
  if (current.length) out.push(current);
  return out;
}
