// The reader: text → document model. It never throws: any text gives a model, and what it
// cannot place it leaves out rather than guessing.
//
// Reading has two phases. The structure (header, TOC, where each punkt and category line is) is
// found by a pass over all lines that is cheap; reading each punkt's body is the expensive part.
// `incremental.ts` uses that split to re-read only the punkter an edit touched.
import type { Category, Meeting, Punkt, ReferatDocument, Toc } from '../model';
import { DEFAULT_VOCABULARY, type Vocabulary, type VocabularyWords, fold, vocabularyOf } from '../vocabulary';
import { emptyMeeting, readAdjourned, readHeader } from './header';
import { type ItemContext, type ItemHead, findNumberedHeads, findPunktHeads, findSagNrHeads, isBodyCategory, readItem } from './items';
import { LineTable, type Lines, lineRange, range } from './lines';
import { isTocHeading, readCategoryToc, readHeadedToc } from './toc';

/** A category line of the 001 style: `A. Sager til afgørelse i byrådet`. */
const CATEGORY_LINE = /^([A-H])\.\s+(.+)$/;

/** How to read: the configuration's words (`referat.config.json`'s `vocabulary`). */
export interface ReadOptions {
  vocabulary?: VocabularyWords | Vocabulary;
  /** Told when the reader fails (the empty model is given instead): the host logs it. */
  onError?: (error: unknown) => void;
}

export function readReferat(text: string, options: ReadOptions = {}): ReferatDocument {
  const lines = new LineTable(typeof text === 'string' ? text : String(text ?? ''));
  try {
    return read(lines, vocabularyOf(options.vocabulary));
  } catch (error) {
    // A reader bug must not take the editor down: give the empty model, and tell the host why.
    options.onError?.(error);
    return emptyDocument(lines);
  }
}

/** The reader without its safety net, for tests that must see a failure. */
export function readReferatStrict(text: string, options: ReadOptions = {}): ReferatDocument {
  return read(new LineTable(text), vocabularyOf(options.vocabulary));
}

function documentRange(lines: Lines) {
  const last = lines.length - 1;
  return range(0, 0, last, lines.at(last).raw.length);
}

function emptyDocument(lines: Lines): ReferatDocument {
  return { lineCount: lines.length, range: documentRange(lines), meeting: emptyMeeting(), toc: null, categories: [], items: [] };
}

/** Everything but the punkter's bodies: where each punkt starts and ends, the header, the TOC. */
export interface Structure {
  /** How the punkter were found: `Punkt N:` headings, `N. Title` headings, `Title` / `Sag nr. N`, or none. */
  style: 'punkt' | 'numbered' | 'sag-nr' | 'none';
  meeting: Meeting;
  toc: Toc | null;
  categories: Category[];
  heads: ItemHead[];
  /** For each head, the line of the next punkt or category line (or the line count): its body ends before it. */
  stops: number[];
  context: ItemContext;
}

export function readStructure(lines: Lines, vocabulary: Vocabulary = DEFAULT_VOCABULARY): Structure {
  let heads: ItemHead[] = findPunktHeads(lines, vocabulary);
  let style: Structure['style'] = 'punkt';
  let toc: Toc | null = null;
  const categories: Category[] = [];
  let usesCategories = false;

  let tocStart = -1;
  /** A TOC headed `Indholdsfortegnelse` before line `limit`. */
  const headedToc = (limit: number): Toc | null => {
    for (let i = 0; i < limit; i++) {
      if (!lines.blank(i) && isTocHeading(lines.at(i))) {
        tocStart = i;
        return readHeadedToc(lines, i, limit).toc;
      }
    }
    return null;
  };

  if (heads.length === 0) {
    // The 001 style: a category TOC and `N. Title` items, or `Title` / `Sag nr. N`.
    const firstGuess = findNumberedHeads(lines, [], vocabulary);
    const limit = firstGuess.length ? firstGuess[0].line : lines.length;
    toc = headedToc(limit);
    const catToc = toc ? null : readCategoryToc(lines, 0, limit);
    if (catToc) {
      toc = catToc.toc;
      usesCategories = true;
      tocStart = catToc.toc.range.start.line;
    }
    heads = findNumberedHeads(lines, toc?.entries ?? [], vocabulary).filter((h) => !toc || h.line > toc.range.end.line);
    style = 'numbered';
    if (heads.length === 0) {
      heads = findSagNrHeads(lines, vocabulary);
      style = heads.length ? 'sag-nr' : 'none';
    }
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
  const meeting = readHeader(lines, 0, headerEnd, vocabulary);
  readAdjourned(lines, meeting);

  // Body category lines end the item before them.
  if (usesCategories) {
    const headLines = new Set(heads.map((h) => h.line));
    const tocCategories = new Set<string>();
    for (let i = tocStart; toc && i <= toc.range.end.line; i++) {
      const m = CATEGORY_LINE.exec(lines.at(i).text);
      if (m) tocCategories.add(fold(`${m[1]}. ${m[2]}`));
    }
    const from = toc ? toc.range.end.line + 1 : 0;
    for (let i = from; i < lines.length; i++) {
      if (!lines.blank(i) && !headLines.has(i) && isBodyCategory(lines, i, tocCategories, (l) => headLines.has(l))) {
        const m = CATEGORY_LINE.exec(lines.at(i).text)!;
        categories.push({ letter: m[1], title: m[2].trim(), range: lineRange(lines.at(i)) });
      }
    }
  }
  return {
    style,
    meeting,
    toc,
    categories,
    heads,
    stops: stopsOf(lines, heads, categories),
    context: { lines, ownCommittee: meeting.committee, meetingDate: meeting.date, vocabulary, categories: usesCategories },
  };
}

/** For each head, the line of the next head or category line, or the line count. */
export function stopsOf(lines: Lines, heads: readonly ItemHead[], categories: readonly Category[]): number[] {
  // Heads and category lines are each in line order; merge them to find where each item stops.
  const stops: number[] = [];
  let c = 0;
  for (let h = 0; h < heads.length; h++) {
    const line = heads[h].line;
    while (c < categories.length && categories[c].range.start.line <= line) c++;
    const nextHead = h + 1 < heads.length ? heads[h + 1].line : lines.length;
    const nextCategory = c < categories.length ? categories[c].range.start.line : lines.length;
    stops.push(Math.min(nextHead, nextCategory));
  }
  return stops;
}

/** The last line of the punkt whose head is `head` and whose body stops before `stop`. */
export function itemEnd(lines: Lines, head: ItemHead, stop: number): number {
  let end = stop - 1;
  while (end > head.line && lines.blank(end)) end--;
  return end;
}

function read(lines: Lines, vocabulary: Vocabulary): ReferatDocument {
  return readWithStructure(lines, vocabulary).model;
}

/** The whole reading, with the structure it found (the incremental reader keeps both). */
export function readWithStructure(lines: Lines, vocabulary: Vocabulary = DEFAULT_VOCABULARY): { structure: Structure; model: ReferatDocument } {
  const structure = readStructure(lines, vocabulary);
  const items = structure.heads.map((h, i) => readItem(structure.context, h, itemEnd(lines, h, structure.stops[i])));
  return { structure, model: modelOf(lines, structure, items) };
}

/** The document model of a structure and its punkter. */
export function modelOf(lines: Lines, s: Structure, items: Punkt[]): ReferatDocument {
  return { lineCount: lines.length, range: documentRange(lines), meeting: s.meeting, toc: s.toc, categories: s.categories, items };
}
