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
  status: EntryStatus[];
  itemOf: (number | null)[];
  /** Per punkt: the entry paired with it, or null when the TOC lacks it. */
  entryOf: (number | null)[];
}

/**
 * The longest run of entries that name the punkter in order (a common subsequence), walked from the
 * start so that an entry pairs with the first punkt it can. `candidates[e]` lists, in order, the
 * punkter entry `e` names.
 *
 * The walk needs, at each step, the length of the longest run in what is left. Those lengths are
 * worked out with bit vectors (Hyyrö's bit-parallel LCS), 32 punkter a word, instead of a table of
 * every entry and punkt: the same answer, at a 32nd of the cost.
 */
function longestInOrder(matches: (e: number, i: number) => boolean, candidates: readonly (readonly number[])[], entries: number, items: number): (number | null)[] {
  const pairOf: (number | null)[] = new Array(entries).fill(null);
  // A common start pairs as it stands: the walk pairs an entry and a punkt wherever they match.
  let start = 0;
  while (start < entries && start < items && matches(start, start)) {
    pairOf[start] = start;
    start++;
  }
  if (start === entries || start === items) return pairOf;

  // Row r (entry start + r) holds one bit per punkt i >= start, at position items - 1 - i: 0 where
  // the longest run of entries r.. and punkter i.. is one longer than that of entries r.. and
  // punkter i + 1.. (an "increase"). The row past the last entry has none.
  const size = items - start;
  const words = (size + 31) >>> 5;
  const rowCount = entries - start;
  const rows = new Uint32Array((rowCount + 1) * words);
  rows.fill(0xffffffff, rowCount * words);
  // The punkter an entry names, as bits. Entries written alike share a list: a long list (a title
  // that repeats through a long document) is turned into bits once; a short one in `scratch`.
  const scratch = new Uint32Array(words);
  const masks = new Map<readonly number[], Uint32Array>();
  const maskOf = (matched: readonly number[]): Uint32Array => {
    let mask = masks.get(matched);
    if (mask) return mask;
    mask = matched.length >= 8 ? new Uint32Array(words) : scratch;
    for (const i of matched) {
      if (i < start) continue;
      const p = items - 1 - i;
      mask[p >>> 5] |= 1 << (p & 31);
    }
    if (mask !== scratch) masks.set(matched, mask);
    return mask;
  };
  for (let r = rowCount - 1; r >= 0; r--) {
    const matched = candidates[start + r];
    const mask = maskOf(matched);
    const from = (r + 1) * words;
    const to = r * words;
    let carry = 0;
    for (let w = 0; w < words; w++) {
      const v = rows[from + w];
      const u = v & mask[w];
      const sum = v + (u >>> 0) + carry;
      carry = sum > 0xffffffff ? 1 : 0;
      rows[to + w] = (sum >>> 0) | (v & ~u);
    }
    if (mask === scratch) for (const i of matched) if (i >= start) scratch[(items - 1 - i) >>> 5] = 0;
  }
  /** The length of the longest run of entries e.. and punkter i.. (the increases at punkter i..). */
  const longest = (e: number, i: number): number => {
    const count = items - i;
    const base = (e - start) * words;
    let ones = 0;
    const full = count >>> 5;
    for (let w = 0; w < full; w++) ones += bitCount(rows[base + w]);
    if (count & 31) ones += bitCount(rows[base + full] & ((1 << (count & 31)) - 1));
    return count - ones;
  };
  const increase = (e: number, i: number): number => {
    const p = items - 1 - i;
    return (rows[(e - start) * words + (p >>> 5)] >>> (p & 31)) & 1 ? 0 : 1;
  };
  // here: longest(e, i); below: longest(e + 1, i).
  let e = start;
  let i = start;
  let here = longest(e, i);
  let below = longest(e + 1, i);
  while (e < entries && i < items) {
    if (matches(e, i)) {
      pairOf[e++] = i++;
      if (e === entries || i === items) break;
      here = longest(e, i);
      below = longest(e + 1, i);
    } else if (below >= here - increase(e, i)) {
      // Leaving the entry out loses nothing.
      e++;
      here = below;
      if (e < entries) below = longest(e + 1, i);
    } else {
      here -= increase(e, i);
      below -= increase(e + 1, i);
      i++;
    }
  }
  return pairOf;
}

function bitCount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * Per entry, the punkter it names, in order. Titles compare equal or as a prefix of at least 20
 * characters (`sameNormTitle`), so a match shares the first 20 characters (or the whole of a
 * shorter title): only titles in that bucket are tried. Titles repeat through a long document, so
 * punkter are grouped by title, and entries written alike share one list.
 */
function candidatesOf(entries: readonly TocEntry[], entryTitles: readonly string[], itemTitles: readonly string[], matches: (e: number, i: number) => boolean): number[][] {
  const bucketOf = (title: string) => (title.length >= 20 ? title.slice(0, 20) : title);
  const itemsByTitle = new Map<string, number[]>();
  itemTitles.forEach((title, i) => {
    const list = itemsByTitle.get(title);
    if (list) list.push(i);
    else itemsByTitle.set(title, [i]);
  });
  const buckets = new Map<string, string[]>();
  for (const title of itemsByTitle.keys()) {
    const key = bucketOf(title);
    const bucket = buckets.get(key);
    if (bucket) bucket.push(title);
    else buckets.set(key, [title]);
  }
  const byEntry = new Map<string, Map<number | null, number[]>>();
  return entries.map((entry, e) => {
    const title = entryTitles[e];
    let byNumber = byEntry.get(title);
    if (!byNumber) byEntry.set(title, (byNumber = new Map()));
    let list = byNumber.get(entry.number);
    if (!list) {
      list = [];
      let titles = 0;
      for (const other of buckets.get(bucketOf(title)) ?? []) {
        if (!sameNormTitle(title, other)) continue;
        titles++;
        for (const i of itemsByTitle.get(other)!) if (matches(e, i)) list.push(i);
      }
      if (titles > 1) list.sort((x, y) => x - y);
      byNumber.set(entry.number, list);
    }
    return list;
  });
}

/**
 * Pairs entries with punkter: first the longest run that matches in order, so that one missing or
 * extra entry is one finding and not a shift of every entry after it; then entries naming a punkt
 * elsewhere (moved); then, between two paired entries, the rest by place (renamed); the others are
 * extra entries or punkter the TOC lacks.
 */
export function matchToc(toc: Toc, items: readonly Punkt[]): TocMatch {
  const entries = toc.entries;
  // Titles repeat (the TOC names each punkt): each is normalised once.
  const normalised = new Map<string, string>();
  const norm = (title: string) => {
    let n = normalised.get(title);
    if (n === undefined) normalised.set(title, (n = normTitle(title)));
    return n;
  };
  const entryTitles = entries.map((e) => norm(e.title));
  const itemTitles = items.map((i) => norm(i.title));
  const matches = (e: number, i: number) =>
    (entries[e].number === null || entries[e].number === items[i].number) && sameNormTitle(entryTitles[e], itemTitles[i]);
  const candidates = candidatesOf(entries, entryTitles, itemTitles, matches);
  const itemOf = longestInOrder(matches, candidates, entries.length, items.length);
  const status: EntryStatus[] = itemOf.map((i) => (i === null ? 'extra' : 'ok'));
  const entryOf: (number | null)[] = new Array(items.length).fill(null);
  itemOf.forEach((i, e) => {
    if (i !== null) entryOf[i] = e;
  });
  entries.forEach((_, e) => {
    if (itemOf[e] !== null) return;
    const i = candidates[e].find((k) => entryOf[k] === null);
    if (i === undefined) return;
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

function oneLine(text: string): string {
  // Most titles are one line with single spaces already: then no pattern and no new string.
  return isOneLine(text) ? text : text.replace(/\s+/g, ' ').trim();
}

/** True when `text` has no white space but single spaces between words (`oneLine` would not change it). */
function isOneLine(text: string): boolean {
  let space = true; // a space at the start is not one line
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 32) {
      if (space) return false;
      space = true;
    } else if (isRegExpSpaceCode(code)) return false;
    else space = false;
  }
  return !space;
}

/** The text without dots, ellipses and white space at its end (`/[.…\s]+$/u`). */
function withoutDots(text: string): string {
  let end = text.length;
  while (end > 0) {
    const code = text.charCodeAt(end - 1);
    if (code !== 0x2e && code !== 0x2026 && !isRegExpSpaceCode(code)) break;
    end--;
  }
  return end === text.length ? text : text.slice(0, end);
}


/**
 * Rewrites the TOC's entries from the items, in the TOC's own form, keeping known page numbers.
 * `lines` (the text's lines) may be given as a function: they are needed only for the 001 style.
 */
export function rewriteToc(toc: Toc, items: readonly Punkt[], lines: readonly string[] | (() => readonly string[]), options: TocRewriteOptions = {}, match = matchToc(toc, items)): TocRewrite | null {
  const first = toc.entries[0];
  const last = toc.entries[toc.entries.length - 1];
  if (!first || !last) return null;
  const numbered = toc.entries.some((e) => e.number !== null);
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
        const line = (typeof lines === 'function' ? lines() : lines).find((l) => heading.test(l.trim()));
        if (line) out.push(line.trim());
        category = item.category;
      }
      out.push(`${item.number} ${oneLine(kept?.title ?? item.title)}`);
      return;
    }
    // A renamed entry keeps its page; a punkt the TOC lacks has none yet.
    const page = here?.page ?? null;
    if (page === null) {
      // The dot leader keeps it a TOC entry; the page is for the secretary to write.
      complete = false;
      out.push(`${withoutDots(oneLine(item.title))}.....`);
    } else out.push(pagedEntry(kept?.title ?? item.title, page, kept?.truncated ?? false));
  });
  const start = numbered ? toc.range.start : first.range.start;
  return { range: { start, end: last.range.end }, lines: out, complete };
}
