// The reader: text → document model. It never throws: any text gives a model, and what it
// cannot place it leaves out rather than guessing.
import type { Category, Punkt, ReferatDocument, Toc } from '../model';
import { fold } from '../vocabulary';
import { emptyMeeting, readAdjourned, readHeader } from './header';
import { type ItemHead, findNumberedHeads, findPunktHeads, findSagNrHeads, isBodyCategory, readItem } from './items';
import { type Line, lineRange, range, readLines } from './lines';
import { isTocHeading, readCategoryToc, readHeadedToc } from './toc';

export function readReferat(text: string): ReferatDocument {
  const lines = readLines(typeof text === 'string' ? text : String(text ?? ''));
  try {
    return read(lines);
  } catch (error) {
    // A reader bug must not take the editor down: give the empty model and say why on stderr.
    console.error('referat reader failed:', error);
    return emptyDocument(lines);
  }
}

/** The reader without its safety net, for tests that must see a failure. */
export function readReferatStrict(text: string): ReferatDocument {
  return read(readLines(text));
}

function documentRange(lines: readonly Line[]) {
  const last = lines.length - 1;
  return range(0, 0, last, lines[last].raw.length);
}

function emptyDocument(lines: readonly Line[]): ReferatDocument {
  return { lineCount: lines.length, range: documentRange(lines), meeting: emptyMeeting(), toc: null, categories: [], items: [] };
}

function read(lines: readonly Line[]): ReferatDocument {
  let heads: ItemHead[] = findPunktHeads(lines);
  let toc: Toc | null = null;
  let categories: Category[] = [];
  let usesCategories = false;

  let tocStart = -1;
  /** A TOC headed `Indholdsfortegnelse` before line `limit`. */
  const headedToc = (limit: number): Toc | null => {
    for (let i = 0; i < limit; i++) {
      if (!lines[i].blank && isTocHeading(lines[i])) {
        tocStart = i;
        return readHeadedToc(lines, i, limit).toc;
      }
    }
    return null;
  };

  if (heads.length === 0) {
    // The 001 style: a category TOC and `N. Title` items, or `Title` / `Sag nr. N`.
    const firstGuess = findNumberedHeads(lines, []);
    const limit = firstGuess.length ? firstGuess[0].line : lines.length;
    toc = headedToc(limit);
    const catToc = toc ? null : readCategoryToc(lines, 0, limit);
    if (catToc) {
      toc = catToc.toc;
      usesCategories = true;
      tocStart = catToc.toc.range.start.line;
    }
    heads = findNumberedHeads(lines, toc?.entries ?? []).filter((h) => !toc || h.line > toc.range.end.line);
    if (heads.length === 0) heads = findSagNrHeads(lines);
  }
  const firstItem = heads.length ? heads[0].line : lines.length;
  // The TOC stands before the first item; a TOC heading further down is a line of an item.
  if (toc && toc.range.start.line >= firstItem) {
    toc = null;
    usesCategories = false;
    tocStart = -1;
  }
  if (!toc) toc = headedToc(firstItem);

  const headerEnd = tocStart >= 0 ? tocStart : firstItem;
  const meeting = readHeader(lines, 0, headerEnd);
  readAdjourned(lines, meeting);

  // Body category lines end the item before them.
  const headLines = new Set(heads.map((h) => h.line));
  const tocCategories = new Set<string>();
  if (usesCategories) {
    for (let i = tocStart; toc && i <= toc.range.end.line; i++) {
      const m = /^([A-H])\.\s+(.+)$/.exec(lines[i].text);
      if (m) tocCategories.add(fold(`${m[1]}. ${m[2]}`));
    }
    const from = toc ? toc.range.end.line + 1 : 0;
    for (let i = from; i < lines.length; i++) {
      if (!lines[i].blank && !headLines.has(i) && isBodyCategory(lines, i, tocCategories, (l) => headLines.has(l))) {
        const m = /^([A-H])\.\s+(.+)$/.exec(lines[i].text)!;
        categories.push({ letter: m[1], title: m[2].trim(), range: lineRange(lines[i]) });
      }
    }
  }
  const stops = [...heads.map((h) => h.line), ...categories.map((c) => c.range.start.line)].sort((a, b) => a - b);

  const ctx = { lines, ownCommittee: meeting.committee, categories: usesCategories };
  const items: Punkt[] = heads.map((h) => {
    const next = stops.find((s) => s > h.line) ?? lines.length;
    let end = next - 1;
    while (end > h.line && lines[end].blank) end--;
    return readItem(ctx, h, end);
  });

  return { lineCount: lines.length, range: documentRange(lines), meeting, toc, categories, items };
}
