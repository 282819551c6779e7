// The table of contents: `Indholdsfortegnelse` followed by `<title>.....<TAB><page>` lines, or the
// 001 style of category lines (`A. Sager til afgørelse i byrådet`) with `N Title` lines under them.
import type { Category, Toc, TocEntry } from '../model';
import { TOC_HEADINGS, fold } from '../vocabulary';
import { type Line, type Lines, colRange, headingOf, lineRange, range, visibleEnd } from './lines';

const tocWords = new Set(TOC_HEADINGS.map(fold));
/** `Title.....<TAB>3`, `Title<TAB>53` (cut off), `Title ..... 3`, and `Title.....` (its page not yet known). */
const PAGED = /^(.*?)(\.{2,}|…+)?[ \u00a0]*\t\s*(\d{1,4})$|^(.*?)\s*(\.{3,}|…+)\s*(\d{1,4})?$/;
/** A category line: `A. Sager til afgørelse i byrådet`. */
export const CATEGORY = /^([A-H])\.\s+(\S.{2,})$/;
/** A numbered entry without page: `12 Virksomhedsindsatser i ...`. */
const NUMBERED = /^(\d{1,4})\.?\s+(\S.*)$/;
/** The number before an entry's title: `1. `, `12 `, `Punkt 3: `, `Pkt. 45 `. */
const ENTRY_NUMBER = /^(?:(?:punkt|pkt\.?)\s*)?(\d{1,4})(?:\.|:|\s)\s*(?=\S)/i;

export function isTocHeading(line: Line): boolean {
  return tocWords.has(fold(line.text.replace(/:$/, '')));
}

export interface TocResult {
  toc: Toc;
  /** Line after the last line of the TOC. */
  end: number;
}

/** Reads a TOC that starts with its heading at `at`, up to (not including) line `limit`. */
export function readHeadedToc(lines: Lines, at: number, limit: number): TocResult {
  const entries: TocEntry[] = [];
  let pending: Line[] = [];
  let category: string | null = null;
  let last = at;
  for (let i = at + 1; i < limit; i++) {
    const line = lines.at(i);
    if (line.blank) continue;
    const cat = CATEGORY.exec(line.text);
    if (cat && !PAGED.test(line.text)) {
      category = cat[1];
      pending = [];
      last = i;
      continue;
    }
    const m = PAGED.exec(line.text);
    if (!m) {
      // A title wrapped over two lines: its page stands on the last one.
      pending.push(line);
      if (pending.length > 2) break;
      continue;
    }
    const title = (m[1] ?? m[4]).trim();
    const dots = m[2] ?? m[5];
    const first = pending[0] ?? line;
    const titleStart = first.start;
    const titleEnd = line.start + line.text.indexOf(title) + title.length;
    const joined = pending
      .map((l) => l.text)
      .concat(title)
      .join(' ');
    entries.push({
      title: joined,
      titleRange: range(first.index, titleStart, line.index, title ? titleEnd : line.start),
      number: null,
      page: (m[3] ?? m[6]) ? Number(m[3] ?? m[6]) : null,
      truncated: !dots,
      category,
      range: range(first.index, first.start, line.index, line.end),
    });
    pending = [];
    last = i;
  }
  if (entries.length) numbersFromTitles(lines, entries);
  else last = numberedEntries(lines, at, limit, entries) ?? last;
  const heading = headingOf(lines.at(at));
  const end = entries.length ? entries[entries.length - 1].range.end : heading.range.end;
  return {
    toc: { heading, range: { start: heading.range.start, end: last > at ? lineRange(lines.at(last)).end : end }, entries },
    end: last + 1,
  };
}

/**
 * `1. Godkendelse af dagsorden<TAB>2`: when every entry starts with a number and the numbers run
 * upwards, they are the punkter's numbers, not part of the titles (a lone `2. behandling af ...`
 * among titles without numbers stays a title).
 */
function numbersFromTitles(lines: Lines, entries: TocEntry[]): void {
  const numbered = entries.map((e) => ENTRY_NUMBER.exec(e.title));
  if (entries.length < 2 || numbered.some((m, k) => !m || (k > 0 && Number(m[1]) <= Number(numbered[k - 1]![1])))) return;
  entries.forEach((e, k) => {
    const m = numbered[k]!;
    const line = lines.at(e.titleRange.start.line);
    e.number = Number(m[1]);
    e.title = e.title.slice(m[0].length);
    e.titleRange = { start: { line: line.index, character: e.titleRange.start.character + m[0].length }, end: e.titleRange.end };
  });
}

/**
 * A headed TOC of numbered titles without pages (`Åbne punkter` / `1. Godkendelse af dagsorden` /
 * `2. Lokalplan 123 ...`): numbers running upwards, group lines between them. Returns the last
 * entry's line, or null (and no entries) when there are fewer than two.
 */
function numberedEntries(lines: Lines, at: number, limit: number, entries: TocEntry[]): number | null {
  let last: number | null = null;
  for (let i = at + 1; i < limit; i++) {
    const line = lines.at(i);
    if (line.blank) continue;
    const m = NUMBERED.exec(line.text);
    if (m && (entries.length === 0 || Number(m[1]) > entries[entries.length - 1].number!)) {
      entries.push(numberedEntry(line, m, null));
      last = i;
    } else if (m || line.text.length > 40 || /[.:;]$/.test(line.text)) break;
  }
  if (entries.length >= 2) return last;
  entries.length = 0;
  return null;
}

/** The entry of a `12 Title` / `1. Title` line without a page. */
function numberedEntry(line: Line, m: RegExpExecArray, category: string | null): TocEntry {
  const titleAt = line.start + line.text.indexOf(m[2]);
  return { title: m[2].trim(), titleRange: colRange(line, titleAt, line.end), number: Number(m[1]), page: null, truncated: false, category, range: lineRange(line) };
}

export interface CategoryTocResult extends TocResult {
  /** Category lines after the last entry: they open the body's first group. */
  trailing: Category[];
}

/**
 * Reads the 001 style TOC: a block of category lines and numbered entries. It needs at
 * least two entries, numbered upwards, to count as a TOC.
 */
export function readCategoryToc(lines: Lines, from: number, limit: number): CategoryTocResult | null {
  let start = -1;
  const entries: TocEntry[] = [];
  const categories: { cat: Category; line: number }[] = [];
  let category: string | null = null;
  let lastEntry = -1;
  for (let i = from; i < limit; i++) {
    const line = lines.at(i);
    if (line.blank) continue;
    const cat = CATEGORY.exec(line.text);
    if (cat) {
      if (start < 0) start = i;
      category = cat[1];
      categories.push({ cat: { letter: cat[1], title: cat[2].trim(), range: lineRange(line) }, line: i });
      continue;
    }
    const m = NUMBERED.exec(line.text);
    if (m && start >= 0 && (entries.length === 0 || Number(m[1]) > entries[entries.length - 1].number!)) {
      entries.push(numberedEntry(line, m, category));
      lastEntry = i;
      continue;
    }
    if (entries.length >= 2) break;
    // Not a TOC block after all: start over after this line.
    start = -1;
    entries.length = 0;
    categories.length = 0;
    category = null;
  }
  if (entries.length < 2 || start < 0) return null;
  const trailing = categories.filter((c) => c.line > lastEntry).map((c) => c.cat);
  return {
    toc: { heading: null, range: range(start, lineRange(lines.at(start)).start.character, lastEntry, visibleEnd(lines.at(lastEntry))), entries },
    end: lastEntry + 1,
    trailing,
  };
}
