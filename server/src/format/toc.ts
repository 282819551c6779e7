// The table of contents written from the punkter: one entry a line, in the TOC's own form
// (`<title>.....<TAB><page>`, or the 001 style of category lines with `N Title` under them),
// keeping the page numbers the TOC already has. Shared by the toc-mismatch fix and the formatter.
import type { Punkt, Range, Toc, TocEntry } from '../model';
import { sameTitle } from '../reader/items';

export interface TocRewrite {
  /** From the first entry (or category line) to the end of the last entry. */
  range: Range;
  /** The new lines, without line breaks. */
  lines: string[];
  /** False when some punkt has no known page: its entry is written without one, and is then no TOC line. */
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

/** One line of a paged TOC. Dots and white space at the end of the title would merge with the dot leader. */
export function pagedEntry(title: string, page: number, truncated = false): string {
  const words = oneLine(title).replace(/[.…\s]+$/u, '');
  return truncated ? `${words}\t${page}` : `${words}.....\t${page}`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Rewrites the TOC's entries from the items, in the TOC's own form, keeping known page numbers. */
export function rewriteToc(toc: Toc, items: readonly Punkt[], lines: readonly string[], options: TocRewriteOptions = {}): TocRewrite | null {
  const first = toc.entries[0];
  const last = toc.entries[toc.entries.length - 1];
  if (!first || !last) return null;
  const numbered = toc.entries.some((e) => e.number !== null);
  const out: string[] = [];
  let complete = true;
  let category: string | null = null;
  items.forEach((item, i) => {
    const here = toc.entries[i];
    const kept = options.keepMatching && here && entryMatches(here, item) ? here : null;
    if (numbered) {
      // The 001 style: category lines with `N Title` under them.
      if (item.category && item.category !== category) {
        const line = lines.find((l) => new RegExp(`^${item.category}\\.\\s`).test(l.trim()));
        if (line) out.push(line.trim());
        category = item.category;
      }
      out.push(`${item.number} ${oneLine(kept?.title ?? item.title)}`);
      return;
    }
    const page = kept?.page ?? toc.entries.find((e) => sameTitle(e.title, item.title))?.page ?? here?.page ?? null;
    if (page === null) {
      complete = false;
      out.push(oneLine(item.title));
    } else out.push(pagedEntry(kept?.title ?? item.title, page, kept?.truncated ?? false));
  });
  const start = numbered ? toc.range.start : first.range.start;
  return { range: { start, end: last.range.end }, lines: out, complete };
}
