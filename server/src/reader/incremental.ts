// Re-reading after an edit: only the punkter whose lines the edit touched are read again.
//
// A punkt's model is a function of its own lines — from its heading to the line that stops it
// (the next punkt's heading, a category line or the end; `isPlainSubheading` looks at that line) —
// and of the reading context (the meeting's committee, whether categories are used). So after an
// edit the structure is found again (around the edit in the `Punkt N:` style, else over all lines:
// cheap either way), and every punkt whose lines and context are unchanged keeps its old model,
// moved by the number of lines the edit added or took away. The result is the same as reading the whole text again: test/reader/incremental.test.ts
// checks that on random edits of real referater.
import type { Punkt, ReferatDocument } from '../model';
import { readAdjourned } from './header';
import { itemEnd, modelOf, readStructure, readWithStructure, stopsOf, type Structure } from './index';
import { type ItemHead, findPunktHeads, readItem } from './items';
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

export function readState(text: string): ReadState {
  const lines = readLines(text);
  return { lines, ...readWithStructure(new LineList(lines)) };
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
  const structure = rereadStructure(before, list, from, oldEnd, newEnd) ?? readStructure(list);
  const sameContext =
    structure.context.ownCommittee === before.context.ownCommittee &&
    structure.context.meetingDate === before.context.meetingDate &&
    structure.context.categories === before.context.categories;
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
    return readItem(structure.context, h, itemEnd(list, h, stop));
  });
  return { lines, structure, model: modelOf(list, structure, items) };
}

/**
 * The structure after the change, found from the old one, for the `Punkt N:` style when the
 * change lies after the first punkt's heading; undefined when it must be found over all lines.
 *
 * In that style, whether a line is a heading depends on the line and the line before it alone, the
 * header and the TOC lie before the first punkt, and there are no category lines; only where the
 * meeting was adjourned (the first such line) may lie anywhere.
 */
function rereadStructure(before: Structure, lines: LineList, from: number, oldEnd: number, newEnd: number): Structure | undefined {
  if (before.style !== 'punkt' || from <= before.heads[0].line) return undefined;
  const shift = newEnd - oldEnd;
  // Lines [from, newEnd] may have become headings or stopped being ones: line newEnd too, as its line before changed.
  const window: Line[] = [];
  for (let i = from - 1; i < Math.min(newEnd + 1, lines.length); i++) window.push({ ...lines.at(i), index: window.length });
  const found = findPunktHeads(new LineList(window))
    .filter((h) => h.line > 0)
    .map((h) => movedLines(h, from - 1));
  const heads: ItemHead[] = [
    ...before.heads.filter((h) => h.line < from),
    ...found,
    ...before.heads.filter((h) => h.line > oldEnd).map((h) => (shift ? movedLines(h, shift) : h)),
  ];
  // No `Punkt N:` heading left: the text may be of another style now.
  if (heads.length === 0) return undefined;
  return {
    ...before,
    meeting: adjournedAfter(before, lines, from, oldEnd, newEnd),
    heads,
    stops: stopsOf(lines, heads, []),
    context: { ...before.context, lines },
  };
}

/** The meeting with the first `Mødet hævet` line after the change. */
function adjournedAfter(before: Structure, lines: LineList, from: number, oldEnd: number, newEnd: number): Structure['meeting'] {
  const old = before.meeting;
  const oldLine = old.adjournedRange?.start.line ?? -1;
  if (old.adjournedRange && oldLine < from) return old;
  // The first in the changed lines, else the old one after them, else (the old one was in the changed lines) the first after them.
  const inChange = firstAdjourned(lines, from, newEnd);
  if (inChange) return { ...old, ...inChange };
  if (oldLine >= oldEnd) return { ...old, adjournedRange: movedLines(old.adjournedRange, newEnd - oldEnd) };
  if (oldLine < 0) return old;
  return { ...old, ...(firstAdjourned(lines, newEnd, lines.length) ?? { adjourned: null, adjournedRange: null }) };
}

function firstAdjourned(lines: LineList, from: number, to: number): Pick<Structure['meeting'], 'adjourned' | 'adjournedRange'> | undefined {
  const found = { adjourned: null, adjournedRange: null } as Pick<Structure['meeting'], 'adjourned' | 'adjournedRange'>;
  readAdjourned(lines.slice(from, to), found as Structure['meeting']);
  return found.adjourned === null ? undefined : found;
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
