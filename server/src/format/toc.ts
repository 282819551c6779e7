// The table of contents written from the punkter: one entry a line, in the TOC's own form
// (`<title>.....<TAB><page>`, or the 001 style of category lines with `N Title` under them),
// keeping the page numbers the TOC already has. Shared by the toc-mismatch fix and the formatter.
import type { Punkt, Range, Toc, TocEntry } from '../model';
import { normTitle, sameNormTitle, sameTitle } from '../reader/items';
import { isRegExpSpaceCode } from '../reader/lines';

export interface TocRewrite {
  /** From the first entry (or category line) to the end of the last entry. */
  range: Range;
  /** The new lines, without line breaks. */
  lines: string[];
  /** False when some punkt has no known page: its entry is written with the dot leader and no page. */
  complete: boolean;
}

export interface TocRewriteOptions {
  /**
   * Keep an entry's title as written when it already names the punkt at its place (a title cut
   * off at the page width stays cut off). Otherwise every title is written as the punkt has it.
   */
  keepMatching?: boolean;
}

/** True when a TOC entry names this punkt (a cut-off title is a prefix; quotes and dashes do not count). */
export function entryMatches(entry: TocEntry, item: Punkt): boolean {
  if (entry.number !== null && entry.number !== item.number) return false;
  return sameTitle(entry.title, item.title);
}

export type EntryStatus = 'ok' | 'moved' | 'renamed' | 'extra';

/** How the TOC's entries and the punkter pair up. */
export interface TocMatch {
  /** Per entry: how it stands, and the punkt it is paired with (null for an extra entry). */
  readonly status: readonly EntryStatus[];
  readonly itemOf: readonly (number | null)[];
  /** Per punkt: the entry paired with it, or null when the TOC lacks it. */
  readonly entryOf: readonly (number | null)[];
}

/**
 * The longest run of entries that name the punkter in order (a longest common subsequence), as the
 * punkt of each entry. Walked from the start, so that an entry pairs with the first punkt it can.
 */
function longestInOrder(matches: (e: number, i: number) => boolean, entries: number, items: number): (number | null)[] {
  const pairOf: (number | null)[] = new Array(entries).fill(null);
  // A common start pairs as it stands (pairing a match never shortens the run): most TOCs end here.
  let start = 0;
  while (start < entries && start < items && matches(start, start)) {
    pairOf[start] = start;
    start++;
  }
  // longest[e][i]: the length of the longest run in entries e.. and punkter i.. (from `start` on).
  const width = items - start + 1;
  const longest = new Uint32Array((entries - start + 1) * width);
  const at = (e: number, i: number) => (e - start) * width + (i - start);
  for (let e = entries - 1; e >= start; e--) {
    for (let i = items - 1; i >= start; i--) {
      longest[at(e, i)] = matches(e, i) ? longest[at(e + 1, i + 1)] + 1 : Math.max(longest[at(e + 1, i)], longest[at(e, i + 1)]);
    }
  }
  for (let e = start, i = start; e < entries && i < items; ) {
    if (matches(e, i)) pairOf[e++] = i++;
    else if (longest[at(e + 1, i)] >= longest[at(e, i + 1)]) e++;
    else i++;
  }
  return pairOf;
}

/**
 * Pairs entries with punkter: first the longest run that matches in order, so that one missing or
 * extra entry is one finding and not a shift of every entry after it; then entries naming a punkt
 * elsewhere (moved); then, between two paired entries, the rest by place (renamed); the others are
 * extra entries or punkter the TOC lacks. The result is shared: not to be changed.
 */
export function matchToc(toc: Toc, items: readonly Punkt[]): TocMatch {
  // Pairing costs entries × punkter, and typing anywhere but in the TOC and the headings leaves
  // the numbers and titles, all it depends on, as they were: the last pairing is kept for them.
  const key = JSON.stringify([toc.entries.map((e) => [e.number, e.title]), items.map((i) => [i.number, i.title])]);
  if (lastMatch?.key !== key) lastMatch = { key, match: pairToc(toc.entries, items) };
  return lastMatch.match;
}

let lastMatch: { key: string; match: TocMatch } | undefined;

function pairToc(entries: readonly TocEntry[], items: readonly Punkt[]): TocMatch {
  // Titles repeat (the TOC names each punkt): each is normalised once.
  const normalised = new Map<string, string>();
  const norm = (title: string) => {
    let n = normalised.get(title);
    if (n === undefined) normalised.set(title, (n = normTitle(title)));
    return n;
  };
  const entryTitles = entries.map((e) => norm(e.title));
  const itemTitles = items.map((i) => norm(i.title));
  const matches = (e: number, i: number) => (entries[e].number === null || entries[e].number === items[i].number) && sameNormTitle(entryTitles[e], itemTitles[i]);
  const itemOf = longestInOrder(matches, entries.length, items.length);
  const status: EntryStatus[] = itemOf.map((i) => (i === null ? 'extra' : 'ok'));
  const entryOf: (number | null)[] = new Array(items.length).fill(null);
  itemOf.forEach((i, e) => {
    if (i !== null) entryOf[i] = e;
  });
  entries.forEach((_, e) => {
    if (itemOf[e] !== null) return;
    const i = entryOf.findIndex((paired, k) => paired === null && matches(e, k));
    if (i < 0) return;
    itemOf[e] = i;
    entryOf[i] = e;
    status[e] = 'moved';
  });
  let lastItem = -1;
  let gap: number[] = [];
  const closeGap = (nextItem: number) => {
    const free: number[] = [];
    for (let i = lastItem + 1; i < nextItem; i++) if (entryOf[i] === null) free.push(i);
    gap.forEach((e, k) => {
      const i = free[k];
      if (i === undefined) return;
      itemOf[e] = i;
      entryOf[i] = e;
      status[e] = 'renamed';
    });
    gap = [];
  };
  entries.forEach((_, e) => {
    if (status[e] === 'extra') gap.push(e);
    else if (status[e] === 'ok') {
      closeGap(itemOf[e]!);
      lastItem = itemOf[e]!;
    }
  });
  closeGap(items.length);
  return { status, itemOf, entryOf };
}

/** One line of a paged TOC. Dots and white space at the end of the title would merge with the dot leader. */
export function pagedEntry(title: string, page: number, truncated = false): string {
  const words = withoutDots(oneLine(title));
  return truncated ? `${words}\t${page}` : `${words}.....\t${page}`;
}

/** The text on one line: runs of white space as one space, none at the ends. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The text without dots, ellipses and white space at its end (`/[.…\s]+$/u`, which backtracks on long runs). */
function withoutDots(text: string): string {
  let end = text.length;
  while (end > 0) {
    const code = text.charCodeAt(end - 1);
    if (code !== 0x2e && code !== 0x2026 && !isRegExpSpaceCode(code)) break;
    end--;
  }
  return end === text.length ? text : text.slice(0, end);
}

/** True when a non-empty line between the TOC's first and last entry belongs to no entry. */
function otherLinesAmong(toc: Toc, lines: readonly string[]): boolean {
  const covered = new Set<number>();
  for (const e of toc.entries) for (let l = e.range.start.line; l <= e.range.end.line; l++) covered.add(l);
  const from = toc.entries[0].range.start.line;
  const to = toc.entries[toc.entries.length - 1].range.end.line;
  for (let l = from; l <= to; l++) if (!covered.has(l) && (lines[l] ?? '').trim() !== '') return true;
  return false;
}

/** What stands before a numbered entry's title on its line (`1. `, `Pkt. 45 `), to number the rewritten entries alike. */
function numberPrefix(entry: TocEntry, lines: readonly string[]): string {
  const line = lines[entry.titleRange.start.line] ?? '';
  return line.slice(entry.range.start.character, entry.titleRange.start.character);
}

/**
 * Rewrites the TOC's entries from the items, in the TOC's own form, keeping known page numbers.
 * `lines` (the text's lines) may be given as a function: they are needed only for a headed TOC's
 * group lines, numbered entries and the 001 style's categories.
 */
export function rewriteToc(
  toc: Toc,
  items: readonly Punkt[],
  lines: readonly string[] | (() => readonly string[]),
  options: TocRewriteOptions = {},
  match = matchToc(toc, items),
): TocRewrite | null {
  const first = toc.entries[0];
  const last = toc.entries[toc.entries.length - 1];
  if (!first || !last) return null;
  // Lines of a headed TOC between its entries that are no entry (`Lukkede punkter`) would be lost.
  const text = () => (typeof lines === 'function' ? lines() : lines);
  if (toc.heading && otherLinesAmong(toc, text())) return null;
  // The 001 style numbers its entries and gives no pages; a paged TOC may number its entries too
  // (`1. Title<TAB>2`); both keep the numbers as the first entry writes them (`12 `, `1. `).
  const paged = toc.entries.some((e) => e.page !== null);
  const numbered = !paged && toc.entries.some((e) => e.number !== null);
  const prefix = first.number !== null ? numberPrefix(first, text()) : null;
  const titled = (item: Punkt, title: string) => (prefix ? prefix.replace(/\d+/, String(item.number)) : '') + title;
  const out: string[] = [];
  let complete = true;
  let category: string | null = null;
  const { entryOf } = match;
  items.forEach((item, i) => {
    const paired = entryOf[i];
    const here = paired === null ? undefined : toc.entries[paired];
    const kept = options.keepMatching && here && entryMatches(here, item) ? here : null;
    if (numbered) {
      // The 001 style: category lines with `N Title` under them.
      if (item.category && item.category !== category) {
        const heading = new RegExp(`^${item.category}\\.\\s`);
        const line = text().find((l) => heading.test(l.trim()));
        if (line) out.push(line.trim());
        category = item.category;
      }
      out.push(titled(item, oneLine(kept?.title ?? item.title)));
      return;
    }
    // A renamed entry keeps its page; a punkt the TOC lacks has none yet.
    const page = here?.page ?? null;
    if (page === null) {
      // The dot leader keeps it a TOC entry; the page is for the secretary to write.
      complete = false;
      out.push(`${titled(item, withoutDots(oneLine(item.title)))}.....`);
    } else out.push(pagedEntry(titled(item, kept?.title ?? item.title), page, kept?.truncated ?? false));
  });
  // The 001 style's TOC starts with its first category line; a headed one is rewritten from its first entry.
  const start = numbered && !toc.heading ? toc.range.start : first.range.start;
  return { range: { start, end: last.range.end }, lines: out, complete };
}
