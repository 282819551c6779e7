// From a formatted text back to edits: a diff of lines (each with its line break), narrowed to
// the characters that differ, so that undo, other cursors and the scroll position stay put.
import type { Range } from '../model';
import { LineIndex, linesWithBreaks } from '../reader/lines';
import type { TextEdit } from '../rules/types';

/** Replace `a[a0, a1)` with `b[b0, b1)`. */
export interface Hunk {
  a0: number;
  a1: number;
  b0: number;
  b1: number;
}

/**
 * Past this many differing lines the diff gives up on minimality and replaces the middle as one
 * hunk (the trace it keeps grows with the square of the distance: about 16 MB at 2000).
 */
const MAX_EDIT_DISTANCE = 2000;

/** A shortest edit script between two lists of lines (Myers), as hunks in order. */
export function diffLines(a: readonly string[], b: readonly string[]): Hunk[] {
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const n = a.length - pre - suf;
  const m = b.length - pre - suf;
  if (n === 0 && m === 0) return [];
  if (n === 0 || m === 0) return [{ a0: pre, a1: pre + n, b0: pre, b1: pre + m }];

  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  // trace[d]: the furthest x on diagonals -d..d before round d (the only ones round d reads).
  const trace: Int32Array[] = [];
  const before = (d: number, k: number) => trace[d][k + d];
  let found = -1;
  for (let d = 0; d <= Math.min(max, MAX_EDIT_DISTANCE); d++) {
    trace.push(v.slice(offset - d, offset + d + 1));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[pre + x] === b[pre + y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
    if (found >= 0) break;
  }
  if (found < 0) return [{ a0: pre, a1: pre + n, b0: pre, b1: pre + m }];

  // Walk back through the trace: each step is one deleted or inserted line.
  const steps: ('del' | 'ins' | 'same')[] = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const k = x - y;
    const down = k === -d || (k !== d && before(d, k - 1) < before(d, k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = before(d, prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      steps.push('same');
      x--;
      y--;
    }
    steps.push(down ? 'ins' : 'del');
    if (down) y--;
    else x--;
  }
  while (x > 0 && y > 0) {
    steps.push('same');
    x--;
    y--;
  }
  steps.reverse();

  const hunks: Hunk[] = [];
  let i = pre;
  let j = pre;
  let open: Hunk | null = null;
  for (const step of steps) {
    if (step === 'same') {
      if (open) hunks.push(open);
      open = null;
      i++;
      j++;
      continue;
    }
    open ??= { a0: i, a1: i, b0: j, b1: j };
    if (step === 'del') open.a1 = ++i;
    else open.b1 = ++j;
  }
  if (open) hunks.push(open);
  return hunks;
}

/**
 * diffLines between anchors: pairs of lines known to be the same line in both lists, in order in
 * both. Only the stretches between anchors are compared, each on its own: the work grows with the
 * stretches, not with the whole lists, and a stretch that differs too much is replaced alone.
 */
export function diffBetweenAnchors(a: readonly string[], b: readonly string[], anchors: ReadonlyArray<readonly [number, number]>): Hunk[] {
  const hunks: Hunk[] = [];
  let i = 0;
  let j = 0;
  for (const [ai, bj] of [...anchors, [a.length, b.length] as const]) {
    if (ai > i || bj > j) {
      for (const h of diffLines(a.slice(i, ai), b.slice(j, bj))) hunks.push({ a0: h.a0 + i, a1: h.a1 + i, b0: h.b0 + j, b1: h.b1 + j });
    }
    i = ai + 1;
    j = bj + 1;
  }
  return hunks;
}

/** Would cutting `text` at `at` split a `\r\n` or a surrogate pair? */
function splits(text: string, at: number): boolean {
  if (at <= 0 || at >= text.length) return false;
  const before = text.charCodeAt(at - 1);
  const after = text.charCodeAt(at);
  return (before === 13 && after === 10) || (before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff);
}

/** The edit that turns `text[from, to)` into `replacement`, narrowed to the characters that differ. */
function narrowEdit(index: LineIndex, from: number, to: number, replacement: string): TextEdit | null {
  const text = index.text;
  const old = text.slice(from, to);
  if (old === replacement) return null;
  let p = 0;
  const most = Math.min(old.length, replacement.length);
  while (p < most && old.charCodeAt(p) === replacement.charCodeAt(p)) p++;
  while (p > 0 && (splits(text, from + p) || splits(replacement, p))) p--;
  let s = 0;
  while (s < most - p && old.charCodeAt(old.length - 1 - s) === replacement.charCodeAt(replacement.length - 1 - s)) s++;
  while (s > 0 && (splits(text, to - s) || splits(replacement, replacement.length - s))) s--;
  return {
    range: { start: index.positionAt(from + p), end: index.positionAt(to - s) },
    newText: replacement.slice(p, replacement.length - s),
  };
}

/** The lines [first, last] a formatting range covers: a range that ends at the start of a line leaves that line out. */
export function linesOfRange(range: Range): { first: number; last: number } {
  const first = range.start.line;
  const last = range.end.character === 0 && range.end.line > first ? range.end.line - 1 : range.end.line;
  return { first, last: Math.max(first, last) };
}

/**
 * The edits that turn `before` into `after`, line by line. With `only`, just the changes that
 * lie within those lines (an insertion may stand at the start of the line after them). With
 * `anchors` (line of `before`, line of `after`), the diff compares only the lines between them.
 */
export function textEdits(before: string, after: string, only?: { first: number; last: number }, anchors?: ReadonlyArray<readonly [number, number]>): TextEdit[] {
  const index = new LineIndex(before);
  const a = linesWithBreaks(before, index.starts);
  const b = linesWithBreaks(after);
  const offsetOf = (line: number) => (line < index.lineCount ? index.lineStart(line) : before.length);
  const inside = (h: Hunk) => !only || (h.a0 >= only.first && (h.a1 === h.a0 ? h.a0 <= only.last + 1 : h.a1 - 1 <= only.last));
  const edits: TextEdit[] = [];
  for (const h of anchors ? diffBetweenAnchors(a, b, anchors) : diffLines(a, b)) {
    if (h.a1 - h.a0 === h.b1 - h.b0) {
      // Lines changed in place: one edit a line, so that the lines between keep their positions.
      for (let k = 0; k < h.a1 - h.a0; k++) {
        if (only && (h.a0 + k < only.first || h.a0 + k > only.last)) continue;
        const edit = narrowEdit(index, offsetOf(h.a0 + k), offsetOf(h.a0 + k + 1), b[h.b0 + k]);
        if (edit) edits.push(edit);
      }
      continue;
    }
    if (!inside(h)) continue;
    const edit = narrowEdit(index, offsetOf(h.a0), offsetOf(h.a1), b.slice(h.b0, h.b1).join(''));
    if (edit) edits.push(edit);
  }
  return edits;
}
