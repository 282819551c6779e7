// Re-reading after an edit: only the punkter whose lines the edit touched are read again.
//
// A punkt's model is a function of its own lines — from its heading to the line that stops it
// (the next punkt's heading, a category line or the end; `isPlainSubheading` looks at that line) —
// and of the reading context (the meeting's committee and date, whether categories are used). So
// after an edit the structure is found again over all lines (a cheap pass: whether a line opens a
// punkt depends on the lines under it and on the punkter around it), and every punkt whose lines
// and context are unchanged keeps its old model,
// moved by the number of lines the edit added or took away. The result is the same as reading the whole text again: test/reader/incremental.test.ts
// checks that on random edits of real referater.
import type { Punkt, ReferatDocument } from '../model';
import { itemEnd, modelOf, readStructure, readWithStructure, type Structure } from './index';
import { readItem } from './items';
import type { Vocabulary } from '../vocabulary';
import { type Line, LineList, readLines, toLine } from './lines';

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

export function readState(text: string, vocabulary?: Vocabulary): ReadState {
  const lines = readLines(text);
  return { lines, ...readWithStructure(new LineList(lines), vocabulary) };
}

/**
 * The state of the text after `change`. `previous` is used up: its line array is updated in place
 * (nothing else holds it) and must not be used again.
 */
export function rereadState(previous: ReadState, change: LineChange): ReadState {
  const { from, oldEnd, raws } = change;
  const lines = previous.lines;
  if (from < 0 || oldEnd < from || oldEnd > lines.length || raws.length === 0) {
    throw new RangeError(`line change [${from}, ${oldEnd}) → ${raws.length} lines does not fit ${lines.length} lines`);
  }
  const shift = raws.length - (oldEnd - from);
  const newEnd = from + raws.length;
  const inserted = raws.map((raw, i) => toLine(raw, from + i));
  // splice takes its items as arguments: a long paste is put in without spreading it.
  if (inserted.length < 10_000) lines.splice(from, oldEnd - from, ...inserted);
  else {
    const tail = lines.splice(oldEnd);
    lines.length = from;
    for (const line of inserted) lines.push(line);
    for (const line of tail) lines.push(line);
  }
  if (shift !== 0) for (let i = newEnd; i < lines.length; i++) lines[i].index = i;

  const before = previous.structure;
  const list = new LineList(lines);
  const structure = readStructure(list, before.context.vocabulary);
  const sameContext =
    structure.context.ownCommittee === before.context.ownCommittee &&
    structure.context.meetingDate === before.context.meetingDate &&
    structure.context.categories === before.context.categories;
  /** The new line of an old line outside the change, or -1 for a line inside it. */
  const moved = (line: number) => (line < from ? line : line >= oldEnd ? line + shift : -1);
  // Old punkter by the new line of their heading.
  const old = new Map<number, number>();
  if (sameContext) {
    before.heads.forEach((h, j) => {
      old.set(moved(h.line), j);
    });
  }

  const items = structure.heads.map((h, i): Punkt => {
    const stop = structure.stops[i];
    // Its lines are [h.line, stop]; untouched when they all lie before or after the change.
    const untouched = stop < from || h.line >= newEnd;
    const j = untouched ? old.get(h.line) : undefined;
    if (j !== undefined && moved(before.stops[j]) === stop) {
      const item = previous.model.items[j];
      return h.line >= newEnd && shift !== 0 ? movedLines(item, shift) : item;
    }
    return readItem(structure.context, h, itemEnd(list, h, stop));
  });
  return { lines, structure, model: modelOf(list, structure, items) };
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
