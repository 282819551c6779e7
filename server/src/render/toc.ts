// Pairs the table of contents with the agenda items, to link each entry to its punkt and mark the
// entries whose title does not match the heading.
import type { Punkt, ReferatDocument, TocEntry } from '../model';
import { sameTitle } from '../reader/items';

export interface TocRow {
  entry: TocEntry | null;
  item: Punkt | null;
  /** False when entry and item are both there but the titles differ. */
  matches: boolean;
}

/** The same test as the toc-mismatch rule: same words (quotes, dashes, brackets aside), or a cut-off prefix. */
export function titlesMatch(entry: TocEntry, item: Punkt): boolean {
  return (entry.number === null || entry.number === item.number) && sameTitle(entry.title, item.title);
}

/**
 * One row per TOC entry, paired with the item of the same number (numbered TOCs) or at the same
 * position; then the items no entry points to. Without a TOC, one row per item.
 */
export function tocRows(doc: ReferatDocument): TocRow[] {
  if (!doc.toc || doc.toc.entries.length === 0) return doc.items.map((item) => ({ entry: null, item, matches: true }));
  const used = new Set<Punkt>();
  const rows: TocRow[] = doc.toc.entries.map((entry, i) => {
    const free = (it: Punkt | undefined): it is Punkt => it !== undefined && !used.has(it);
    const byNumber = entry.number !== null ? doc.items.find((it) => it.number === entry.number && free(it)) : undefined;
    const byPosition = entry.number === null && free(doc.items[i]) ? doc.items[i] : undefined;
    const candidate = byNumber ?? byPosition;
    // An entry listed out of order links to the item it names.
    const item = candidate && titlesMatch(entry, candidate) ? candidate : (doc.items.find((it) => free(it) && titlesMatch(entry, it)) ?? candidate ?? null);
    if (item) used.add(item);
    return { entry, item, matches: item ? titlesMatch(entry, item) : false };
  });
  for (const item of doc.items) if (!used.has(item)) rows.push({ entry: null, item, matches: false });
  return rows;
}
