// Re-reading after an edit: only the punkter whose lines the edit touched are read again.
//
// A punkt's model is a function of its own lines — from its heading to the line that stops it
// (the next punkt's heading, a category line or the end; `isPlainSubheading` looks at that line) —
// and of the reading context (the meeting's committee, whether categories are used). So after an
// edit the structure is found again over all lines (cheap), and every punkt whose lines and
// context are unchanged keeps its old model, moved by the number of lines the edit added or took
// away. The result is the same as reading the whole text again: test/reader/incremental.test.ts
// checks that on random edits of real referater.
import type { Punkt, ReferatDocument } from '../model';
import { documentRange, itemEnd, readStructure, type Structure } from './index';
import { readItem } from './items';
import { type Line, readLines, toLine } from './lines';

/** What the reader keeps of a version to read the next one quickly. */
export interface ReadState {
  lines: Line[];
  structure: Structure;
  model: ReferatDocument;
}

/** The lines [from, oldEnd) of the previous text were replaced by `raws` (the new text's lines from `from` on). */
export interface LineChange {
  from: number;
  oldEnd: number;
  raws: string[];
}

/** Above this many new lines an edit is read as a new text (also keeps `splice` arguments small). */
const MAX_CHANGED_LINES = 5000;

export function readState(text: string): ReadState {
  return stateOf(readLines(text));
}

function stateOf(lines: Line[]): ReadState {
  const structure = readStructure(lines);
  const items = structure.heads.map((h, i) => readItem(structure.context, h, itemEnd(lines, h, structure.stops[i])));
  return { lines, structure, model: modelOf(lines, structure, items) };
}

function modelOf(lines: readonly Line[], s: Structure, items: Punkt[]): ReferatDocument {
  return { lineCount: lines.length, range: documentRange(lines), meeting: s.meeting, toc: s.toc, categories: s.categories, items };
}

/**
 * The state of the text after `change`. `previous` is used up: its line array is updated in place
 * (nothing else holds it) and must not be used again.
 */
export function rereadState(previous: ReadState, change: LineChange): ReadState {
  const { from, oldEnd, raws } = change;
  const lines = previous.lines;
  if (from < 0 || oldEnd < from || oldEnd > lines.length || raws.length === 0 || raws.length > MAX_CHANGED_LINES) {
    throw new RangeError(`line change [${from}, ${oldEnd}) → ${raws.length} lines does not fit ${lines.length} lines`);
  }
  const shift = raws.length - (oldEnd - from);
  const newEnd = from + raws.length;
  lines.splice(from, oldEnd - from, ...raws.map((raw, i) => toLine(raw, from + i)));
  if (shift !== 0) for (let i = newEnd; i < lines.length; i++) lines[i].index = i;

  const structure = readStructure(lines);
  const before = previous.structure;
  const sameContext =
    structure.context.ownCommittee === before.context.ownCommittee && structure.context.categories === before.context.categories;
  /** The new line of an old line outside the change, or -1 for a line inside it. */
  const moved = (line: number) => (line < from ? line : line >= oldEnd ? line + shift : -1);
  // Old punkter by the new line of their heading.
  const old = new Map<number, number>();
  if (sameContext) before.heads.forEach((h, j) => old.set(moved(h.line), j));

  const items = structure.heads.map((h, i): Punkt => {
    const stop = structure.stops[i];
    // Its lines are [h.line, stop]; untouched when they all lie before or after the change.
    const untouched = stop < from || h.line >= newEnd;
    const j = untouched ? old.get(h.line) : undefined;
    if (j !== undefined && moved(before.stops[j]) === stop) {
      const item = previous.model.items[j];
      return h.line >= newEnd && shift !== 0 ? movedLines(item, shift) : item;
    }
    return readItem(structure.context, h, itemEnd(lines, h, stop));
  });
  return { lines, structure, model: modelOf(lines, structure, items) };
}

/**
 * A copy of a part of the model `shift` lines further down. Every line number in the model is a
 * property named `line` (of a position, or of a vote), so the copy adds `shift` to exactly those.
 */
export function movedLines<T>(value: T, shift: number): T {
  if (Array.isArray(value)) return value.map((v) => movedLines(v, shift)) as T;
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) copy[key] = key === 'line' && typeof v === 'number' ? v + shift : movedLines(v, shift);
  return copy as T;
}
