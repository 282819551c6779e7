// Format Document: one canonical style for every referat (docs/formatting.md). Only decoration and
// white space change — heading marks, bold around a whole heading, blank lines, trailing white
// space, bullets — and the table of contents, which is written again from the punkter. The words
// of the minutes, headings included, stay as written and in their order.
import type { Range, ReferatDocument } from '../model';
import { readReferat } from '../reader';
import { type Line, LineList, linesWithBreaks, readLines, toLine } from '../reader/lines';
import { CATEGORY, readCategoryToc, readHeadedToc } from '../reader/toc';
import { readDirectives } from '../rules/directives';
import type { TextEdit } from '../rules/types';
import { HEADER_LABELS, ITEM_WORDS, sectionKindOf } from '../vocabulary';
import { linesOfRange, textEdits } from './edits';
import { rewriteToc } from './toc';

/** Heading levels of the canonical style. */
export const LEVELS = { title: 1, toc: 2, punkt: 1, section: 2, subheading: 3 } as const;

/** White space as exports write it (as the reader counts it): a line of only this is empty. */
const BLANK = /^[\s\u200b]*$/;
const TRAILING = /[\s\u200b]+$/;
/**
 * Runs of ordinary spaces and tabs inside a heading's words. Other white space (a non-breaking
 * space, a BOM, which JavaScript's \s also matches) is kept as written: it is part of the title.
 */
const INNER_SPACE = /[ \t]+/g;
/** `•`-like bullets, `* ` and `-` followed by more than one space: written `- `. */
const BULLET = /^([ \t\u00a0]*)(?:[•·▪◦‣∙]|\*(?=[ \t\u00a0])|-(?=[ \t\u00a0]{2}|\t|\u00a0))[ \t\u00a0]*(?=\S)/;
/** A heading made by `Punkt N`: the only item heading that may wear `#` (a numbered `N. Title` may not). */
const PUNKT_HEAD = new RegExp(`^(?:${ITEM_WORDS.join('|')})\\.?\\s+\\d{1,4}(?!\\d)`, 'i');
/** An undecorated line the reader would take for a punkt, if it stood after a blank line. */
const PUNKT_LINE = new RegExp(`^(?:${ITEM_WORDS.join('|')})\\.?\\s+\\d{1,4}\\s*[:.)\\-–—]`, 'i');
const COMMENT = /^\s*<!--.*-->\s*$/;

const LABEL_WORDS = [...HEADER_LABELS.date, ...HEADER_LABELS.place, ...HEADER_LABELS.attendees, ...HEADER_LABELS.absent].sort((a, b) => b.length - a.length);
/** A header label at the start of a line, bold or not, with or without colon: `**Mødedato** Tirsdag ...`. */
const LABEL = new RegExp(`^(?:\\*\\*|__)?(${LABEL_WORDS.join('|')})(?![\\p{L}\\p{N}])(?:\\*\\*|__)?(\\s*:)?(?:\\*\\*|__)?[\\s\\u00a0]*`, 'iu');

/** The line break the document mostly uses (`\n` when it has none). */
export function lineBreakOf(text: string): string {
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 13) {
      if (text.charCodeAt(i + 1) === 10) {
        crlf++;
        i++;
      } else cr++;
    } else if (ch === 10) lf++;
  }
  if (crlf > lf && crlf >= cr) return '\r\n';
  if (cr > lf && cr > crlf) return '\r';
  return '\n';
}

/** An output line (with the source line it is made from, or -1), or a place for an empty line: one the source has, or one a block asks for. */
type Planned = { text: string; block: boolean; from: number; toc?: true } | 'blank' | 'gap';

/** The canonical text of a referat. `model` is the reader's model of `text`, when the caller has it. */
export function formatReferat(text: string, model: ReferatDocument = readReferat(text)): string {
  return formatted(text, model).text;
}

/**
 * The canonical text, and for each of its lines the source line it was made from (-1 for an empty
 * line put in and the table of contents written again): lines come out in the order of the lines
 * they are made from. The table of contents is written again only where the formatted text reads
 * back with it, in its place, as one entry a punkt; else it stays as written (`keepToc`).
 */
function formatted(text: string, model: ReferatDocument, keepToc = false): { text: string; from: number[] } {
  const eol = lineBreakOf(text);
  const lines = readLines(text);
  const raw = lines.map((l) => l.raw);
  const headings = headingLevels(model, lines);
  /** A punkt heading's line → the last line of its title, where the title is wrapped. */
  const wrapped = new Map(model.items.filter((p) => p.titleRange.end.line > p.heading.range.start.line).map((p) => [p.heading.range.start.line, p.titleRange.end.line]));
  const labelled = labelLines(model);
  const toc = keepToc ? null : tocBlock(model, raw);

  const planned: Planned[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (toc && i === toc.first) {
      planned.push('gap', ...toc.lines.map((entry) => ({ text: entry, block: false, from: -1, toc: true as const })), 'gap');
      i = toc.last;
      continue;
    }
    const line = lines[i];
    if (BLANK.test(line.raw)) {
      planned.push('blank');
      continue;
    }
    const plan = headings.get(i);
    const heading = plan ? headingText(line, plan.level) : null;
    if (heading !== null) {
      // A punkt's title wrapped onto the next line stays with its heading, as one block.
      const tail = wrapped.get(i) ?? i;
      const block = [{ text: heading, block: true, from: i }, ...raw.slice(i + 1, tail + 1).map((r, k) => ({ text: r.replace(TRAILING, ''), block: true, from: i + 1 + k }))];
      if (plan!.apart) planned.push('gap', ...block, 'gap');
      else planned.push(...block);
      i = tail;
      continue;
    }
    let out = line.raw.replace(TRAILING, '');
    if (labelled.has(i)) out = boldLabel(out);
    out = out.replace(BULLET, '$1- ');
    planned.push({ text: out, block: false, from: i });
  }

  // Empty lines: none at either end, never two in a row. Where the source has none, a block's
  // blank line is not put where it would change what a line is: after a directive comment (it
  // names the next line), or before an undecorated `Punkt N:` line (which would then open a punkt).
  const out: string[] = [];
  const from: number[] = [];
  let tocEnd = -1;
  let run: 'none' | 'gap' | 'blank' = 'none';
  for (const p of planned) {
    if (p === 'blank') run = 'blank';
    else if (p === 'gap') run = run === 'blank' ? 'blank' : 'gap';
    else {
      const before = out[out.length - 1];
      const together = run === 'gap' && before !== undefined && (COMMENT.test(before) || (!p.block && PUNKT_LINE.test(p.text.trim())));
      if (run !== 'none' && out.length && !together) {
        out.push('');
        from.push(-1);
      }
      out.push(p.text);
      from.push(p.from);
      if (p.toc) tocEnd = out.length - 1;
      run = 'none';
    }
  }
  const bom = text.charCodeAt(0) === 0xfeff && !(out[0] ?? '').startsWith('\ufeff') ? '\ufeff' : '';
  const result = { text: out.length ? bom + out.join(eol) + eol : bom, from };
  if (toc) {
    // Read in its place, among the lines around it, a TOC may end elsewhere than it does alone (the 001
    // style's ends where its numbering stops) or not be found: formatting again would change it again.
    const back = readReferat(result.text).toc;
    if (!back || back.entries.length !== model.items.length || back.range.end.line !== tocEnd) return formatted(text, model, true);
  }
  return result;
}

/**
 * The edits of Format Document, or of Format Selection when `range` is given (only lines in it
 * change). A line that comes out as it went in (line break included) anchors the diff: only the
 * stretches between such lines are compared, so a referat of any size gets an edit for each changed
 * region, quickly, never one over most of the document.
 */
export function formatEdits(text: string, model?: ReferatDocument, range?: Range): TextEdit[] {
  const result = formatted(text, model ?? readReferat(text));
  const before = linesWithBreaks(text);
  const after = linesWithBreaks(result.text);
  const anchors: Array<[number, number]> = [];
  result.from.forEach((line, j) => {
    if (line >= 0 && before[line] === after[j]) anchors.push([line, j]);
  });
  return textEdits(text, result.text, range ? linesOfRange(range) : undefined, anchors);
}

/**
 * The canonical heading levels by line: title, TOC heading, `Punkt N` headings, sections, decorated
 * sub-headings. `apart`: the heading stands between empty lines. Not so for a sub-heading inside a
 * Beslutning, where empty lines part the paragraphs that are read as decisions and votes.
 */
function headingLevels(model: ReferatDocument, lines: readonly Line[]): Map<number, { level: number; apart: boolean }> {
  const levels = new Map<number, { level: number; apart: boolean }>();
  const set = (line: number, level: number, apart = true) => levels.set(line, { level, apart });
  const m = model.meeting;
  if (m.title !== null && m.titleRange && m.titleRange.start.line === m.titleRange.end.line) {
    const line = lines[m.titleRange.start.line];
    if (line && line.text === m.title) set(line.index, LEVELS.title);
  }
  if (model.toc?.heading) set(model.toc.heading.range.start.line, LEVELS.toc);
  for (const item of model.items) {
    const head = item.heading.range.start.line;
    if (PUNKT_HEAD.test(item.heading.text)) set(head, LEVELS.punkt);
    for (const section of item.sections) {
      const line = section.heading.range.start.line;
      // A section word, or a heading already decorated: an unknown plain line stays as written.
      if (sectionKindOf(section.heading.text) || isDecorated(lines[line])) set(line, LEVELS.section);
      for (const sub of section.subheadings) {
        const at = sub.heading.range.start.line;
        if (!isDecorated(lines[at])) continue;
        set(at, Math.min(6, Math.max(LEVELS.subheading, lines[at].level ?? LEVELS.subheading)), section.kind !== 'beslutning');
      }
    }
  }
  return levels;
}

function isDecorated(line: Line | undefined): boolean {
  return !!line && (line.level !== null || line.bold);
}

/** The heading line in the canonical style, or null when it cannot be written so and read back the same. */
function headingText(line: Line, level: number): string | null {
  const words = line.text.replace(INNER_SPACE, ' ').trim();
  if (!words) return null;
  const out = `${'#'.repeat(level)} ${words}`;
  const back = toLine(out, line.index);
  return back.level === level && back.text === words && !back.bold ? out : null;
}

/** Header lines whose label the reader read (Mødedato, Mødested, the attendee list): the label is written bold. */
function labelLines(model: ReferatDocument): Set<number> {
  const m = model.meeting;
  const at = new Set<number>();
  if (m.meetingDate) at.add(m.meetingDate.range.start.line);
  if (m.placeRange) at.add(m.placeRange.start.line);
  for (const a of m.attendees) at.add(a.range.start.line);
  if (m.titleRange) for (let l = m.titleRange.start.line; l <= m.titleRange.end.line; l++) at.delete(l);
  return at;
}

function boldLabel(line: string): string {
  const indent = /^[\s\u00a0]*/.exec(line)![0];
  const rest = line.slice(indent.length);
  const m = LABEL.exec(rest);
  if (!m) return line;
  const value = rest.slice(m[0].length);
  // A value glued to its label (`Mødested:Rådhuset`, `**Mødested*x`) stays as written: the space put
  // between them would split a word in two.
  if (!value || !/[\s\u00a0]$/.test(m[0])) return line;
  // A space before the colon (`Ikke til stede<TAB>: Anne ...`) would go with it: the words would change.
  if (m[2] && m[2] !== ':') return line;
  return `${indent}**${m[1]}${m[2] ? ':' : ''}** ${value}`;
}

function categoryLines(lines: readonly string[]): string {
  const found = new Set(lines.map((l) => l.trim()).filter((l) => CATEGORY.test(l)));
  return [...found].sort().join('\n');
}

/** True when the written TOC reads back as one entry a punkt (the 001 style needs two entries to be a TOC at all). */
function readsBack(headed: boolean, entries: readonly string[], count: number): boolean {
  const lines = new LineList((headed ? ['Indholdsfortegnelse', ...entries] : entries).map(toLine));
  const read = headed ? readHeadedToc(lines, 0, lines.length).toc : readCategoryToc(lines, 0, lines.length)?.toc;
  return read?.entries.length === count;
}

/** The TOC written from the punkter, over the lines it replaces; null when it is left as written. */
function tocBlock(model: ReferatDocument, raw: readonly string[]): { first: number; last: number; lines: string[] } | null {
  const toc = model.toc;
  if (!toc || toc.entries.length === 0 || model.items.length === 0) return null;
  // A headed TOC with category lines would lose them; the 001 style keeps its own.
  if (toc.heading && toc.entries.some((e) => e.category !== null)) return null;
  const rewritten = rewriteToc(toc, model.items, raw, { keepMatching: true });
  if (!rewritten || !rewritten.complete) return null;
  const first = rewritten.range.start.line;
  const last = rewritten.range.end.line;
  if (!readsBack(toc.heading !== null, rewritten.lines, model.items.length)) return null;
  // The 001 style: the TOC's category lines tell the reader which body lines end a punkt; they must stay the same.
  if (!toc.heading && categoryLines(raw.slice(first, last + 1)) !== categoryLines(rewritten.lines)) return null;
  // Comments inside the TOC (directives) would be lost; a TOC the author keeps out of checking stays as written.
  for (let l = first; l <= last; l++) if (raw[l].includes('<!--')) return null;
  const directives = readDirectives(raw);
  for (let l = toc.range.start.line; l <= last; l++) if (directives.disabled('toc-mismatch', l)) return null;
  return { first, last, lines: rewritten.lines };
}
