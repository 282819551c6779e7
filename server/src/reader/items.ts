// Agenda items (punkter): their headings in every style, the case number and access marker
// under the heading, and the sections and sub-headings inside them.
import type { CaseNumber, CaseType, Punkt, Range, Section, SectionKind, SubHeading, TocEntry } from '../model';
import {
  ACCESS_MARKERS,
  CASE_NUMBER_LABELS,
  CASE_TYPE_PATTERN,
  DOCUMENT_NUMBER_LABELS,
  ITEM_WORDS,
  SENTENCE_HEADING_VERBS,
  DEFAULT_VOCABULARY,
  type Vocabulary,
  fold,
  foldHeading,
  sameBody,
  sectionKindOf,
  withoutInvisible,
} from '../vocabulary';
import { findDate } from './dates';
import { headedHistory, readHistory } from './history';
import { isBodyWord } from './names';
import { DecisionReader } from './decisions';
import { type Line, type Lines, colRange, headingOf, isDecorated, isRegExpSpaceCode, isUpperCase, range, rangeFrom, visibleEnd } from './lines';
import { CATEGORY } from './toc';

export interface ItemHead {
  line: number;
  /** The heading's last line: a title wrapped onto a second line ends there. */
  lastLine: number;
  number: number;
  numberRange: Range;
  title: string;
  titleRange: Range;
}

/** First letters of the item words (codes, both cases), to skip most lines before the regular expression. */
const ITEM_INITIALS = new Set(ITEM_WORDS.flatMap((w) => [w.charCodeAt(0), w[0].toUpperCase().charCodeAt(0)]));

/**
 * True when the text may start with an item word, in any case: what `PUNKT` needs. Lines starting
 * with `S` or `D` (`Sagen`, `Det`) are common, and this lets them go before the regular expression.
 * ASCII letters are compared in both cases (as `PUNKT`'s `i` flag does); a word with other letters
 * is taken as a match, for the expression to decide.
 */
function mayStartWithItemWord(text: string): boolean {
  for (const word of ITEM_WORDS) {
    let i = 0;
    for (; i < word.length; i++) {
      const expected = word.charCodeAt(i);
      if (expected >= 128) return true;
      if (asciiLower(text.charCodeAt(i)) !== asciiLower(expected)) break;
    }
    if (i === word.length) return true;
  }
  return false;
}

function asciiLower(code: number): number {
  return code >= 65 && code <= 90 ? code + 32 : code;
}
/** `Punkt 3: Title`; not `Punkt 6d ...` or `Punkt 1-2: ...`, which name sub-points. */
const PUNKT = new RegExp(`^(?:${ITEM_WORDS.join('|')})\\.?\\s+(?:nr\\.?\\s*)?(\\d{1,4})(?![\\p{L}\\d]|\\.?\\s*[-–]\\s*\\d)\\s*([:.)\\-–—])?\\s*(.*)$`, 'iu');
/** `12. Title`, and `• 211. Title` where a list of punkter keeps its bullets. */
const NUMBERED = /^(?:[•·▪]\s*)?(\d{1,4})\.\s+(\S.*)$/;
const SAG_NR = /^sag\s*nr\.?\s*:?\s*(\d{1,4})\.?$/i;
/** A TOC line: dots and a page number, or a tab and a page number. */
const DOTTED_TOC_LINE = /(\.{3,}|…)\s*\d+\s*$/;
const TABBED_TOC_LINE = /\t\s*\d+\s*$/;

const ACCESS = new RegExp(`^(${[...ACCESS_MARKERS].sort((a, b) => b.length - a.length).join('|')})(?:\\s*[-–:]\\s*(.*))?$`, 'i');
const labelPattern = (labels: readonly string[]) =>
  [...labels]
    .sort((a, b) => b.length - a.length)
    .map((l) => l.replace(/\./g, '\\.').replace(/ /g, '\\s*'))
    .join('|');
/**
 * `Sagsnr.: 24/1022`, `Sag nr. 24/1234`, `Sag: 23/4411`, `**Sagsnr.:** 24/1234` (a bold label); a bare
 * `Sag` needs its colon: `Sag 12` may open a punkt.
 */
const CASE_LABEL = new RegExp(`^(?:\\*\\*|__)?(?:(?:${labelPattern(CASE_NUMBER_LABELS.filter((l) => l !== 'sag'))})\\.?\\s*:?|sag\\s*:)(?:\\*\\*|__)?\\s*(\\S.*)$`, 'i');
/** `Dok.nr.: 123456/24` after the case number on its line. */
const DOCUMENT_NUMBER = new RegExp(`[\\s,;]+(?:${labelPattern(DOCUMENT_NUMBER_LABELS)})\\.?\\s*:?.*$`, 'i');
export const KLE_NUMBER = /^\d{2}\.\d{2}\.\d{2}-[A-ZÆØÅ]\d{2}-\d+-\d{2}$/;
export const ODDER_NUMBER = /^S\d{4}-\d+$/;
/** A single token of digits and separators that looks like a journal number of some scheme. */
const LOOSE_NUMBER = /^[A-ZÆØÅ]{0,4}-?\d[\dA-Za-zÆØÅæøå]*(?:[.\-/]\d?[\dA-Za-zÆØÅæøå]*)+$/;

// Expressions of the per-line tests, made once: a literal in a function makes a new object on every call.
const TRAILING_PUNCTUATION = /[.,;]+$/;
const KLE_START = /^\d{2}\.\d{2}/;
const SPACE = /\s/;
const SENTENCE_END = /[.,;]$/;
const CAPITAL_OR_DIGIT_START = /^[\p{Lu}\d]/u;
const CLOSING_PUNCTUATION = /[.,;:!]$/;
const BULLET_START = /^[-•*–·▪o]\s/;
const QUOTE_START = /^["“”„«']/;
const LIST_MARK_START = /^\(?(?:\d+|[a-zæøå])\)/;
const NUMBER_ONLY = /^\d+[.)]?\s*$/;
const FIGURES_ONLY = /^\d[\d.,\s%]*$/;
const TRAILING_SPACE = /\s+$/;
const CASE_TYPE_LETTER = /^[A-E]$/;

function isBlankOr(lines: Lines, i: number): boolean {
  return i < 0 || lines.blank(i);
}

/**
 * `Punkt 3: Title` headings, in any decoration. A heading is sure when it is decorated, the case
 * number stands under it, or a section heading does (exports without empty lines, as Aarhus's PDF
 * text). A plain `Punkt N: Title` line that is not sure is a heading when it stands after an empty
 * line and its number fits between the sure headings around it: `Pkt. 3: Anbefales.` lines that
 * quote sub-points of a decision go back in the numbering, and stay text. A title wrapped onto a
 * second line is joined.
 */
export function findPunktHeads(lines: Lines, vocabulary: Vocabulary = DEFAULT_VOCABULARY): ItemHead[] {
  const candidates: { line: Line; m: RegExpExecArray; sure: boolean }[] = [];
  for (let i = 0; i < lines.length; i++) {
    // Tested on the line table first: most lines are let go without making them.
    if (lines.blank(i) || !ITEM_INITIALS.has(lines.firstCode(i))) continue;
    const line = lines.at(i);
    if (line.text.length > 400 || !mayStartWithItemWord(line.text)) continue;
    const m = PUNKT.exec(line.text);
    if (!m || isTocLine(lines, i)) continue;
    // `Pkt. 312 Title` without a colon is a heading only when decorated, over its case number or over
    // a section that opens a punkt; `Punkt 2: i indstillingen udgår.` (a sentence) never opens a punkt by its place alone.
    const sure = isDecorated(line) || caseNumberBelow(lines, i) || (TITLE_START.test(m[3]) && sectionBelow(lines, i, vocabulary));
    if (sure || (m[2] && isBlankOr(lines, i - 1))) candidates.push({ line, m, sure });
  }
  const heads: ItemHead[] = [];
  let last = 0;
  for (let c = 0; c < candidates.length; c++) {
    const { line, m, sure } = candidates[c];
    const number = Number(m[1]);
    if (!sure) {
      let next = c + 1;
      while (next < candidates.length && !candidates[next].sure) next++;
      const bound = next < candidates.length ? Number(candidates[next].m[1]) : Infinity;
      if (number <= last || number >= bound) continue;
    }
    const h = head(line, m[1], m[3]);
    joinWrappedTitle(lines, h, vocabulary);
    heads.push(h);
    last = number;
  }
  return heads;
}

/** `Lukket punkt: Køb af ejendom`, `Lukket: …`, `Fortroligt - …`. */
const CLOSED_TITLE = /^(lukket(?:\s+punkt)?|fortroligt?)\s*[:\-–]\s*/i;

/** A title starts with a capital, a digit or a quote. */
const TITLE_START = /^["“”„«']?[\p{Lu}\d]/u;

/** The next non-empty lines after `at`, at most `count`, up to the next line that opens a punkt. */
function linesBelow(lines: Lines, at: number, count: number): Line[] {
  const out: Line[] = [];
  for (let j = at + 1; j < lines.length && out.length < count; j++) {
    if (lines.blank(j)) continue;
    const line = lines.at(j);
    if (PUNKT.test(line.text)) break;
    out.push(line);
  }
  return out;
}

/** The case number right under a punkt heading, or under its wrapped second line. */
function caseNumberBelow(lines: Lines, at: number): boolean {
  return linesBelow(lines, at, 2).some((line) => !!readCaseLine(line)?.caseNumber);
}

/**
 * A section that opens a punkt (Resume, Indstilling, Beslutning, Sagsfremstilling) right under a punkt
 * heading, or under its wrapped second line. Not a group heading such as FirstAgenda's `Fremstilling`,
 * which follows the decision: `Pkt. 2: Anbefales.` ends a decision right above it.
 */
function sectionBelow(lines: Lines, at: number, vocabulary: Vocabulary): boolean {
  return linesBelow(lines, at, 2).some((line) => line.text.length <= 60 && OPENING_KINDS.has(vocabulary.sectionKindOf(line.text)!));
}

const OPENING_KINDS = new Set<SectionKind>(['resume', 'indstilling', 'beslutning', 'sagsfremstilling']);

/** A table of contents' line: dots and a page number, or a tab and a page number among lines like it. */
function isTocLine(lines: Lines, at: number): boolean {
  const text = lines.at(at).text;
  if (DOTTED_TOC_LINE.test(text)) return true;
  if (!TABBED_TOC_LINE.test(text)) return false;
  // `Punkt 5: Beskæftigelsesplan<TAB>2021` alone is a heading whose title ends in a year.
  const neighbour = (j: number) => j >= 0 && j < lines.length && !lines.blank(j) && (TABBED_TOC_LINE.test(lines.at(j).text) || DOTTED_TOC_LINE.test(lines.at(j).text));
  return neighbour(at - 1) || neighbour(at + 1);
}

/**
 * A heading cut at the page width: `Punkt 2: Svar på forslag ... Havnens` / `Perles fremtid på Aarhus Ø`
 * / `EMN-2025-003383`. The second line is part of the title when the case number or a section
 * heading follows it. A hyphen at the end of the first line joins the words (`2030-` / `fremskrivning`).
 */
function joinWrappedTitle(lines: Lines, h: ItemHead, vocabulary: Vocabulary): void {
  const headLine = lines.at(h.line);
  if (headLine.text.length < WRAPPED_HEADING_LENGTH) return;
  const next = lines.at(h.line + 1);
  // The case number or section after it, or one empty line further: formatting parts a heading from what follows.
  const after = lines.at(h.line + 2)?.blank ? lines.at(h.line + 3) : lines.at(h.line + 2);
  // The second line of a wrapped title is plain text: a marked line is a heading of its own.
  if (!next || next.blank || isDecorated(next) || next.raw.includes('\t') || !after || after.blank || next.text.length > LONGEST_HEADING) return;
  if (readCaseLine(next) || vocabulary.sectionKindOf(next.text) || PUNKT.test(next.text)) return;
  if (!readCaseLine(after)?.caseNumber && !(after.text.length <= 60 && vocabulary.sectionKindOf(after.text))) return;
  const joint = /[\p{L}\p{N}]-$/u.test(h.title) ? '' : ' ';
  h.title = `${h.title}${joint}${next.text}`;
  h.titleRange = { start: h.titleRange.start, end: { line: next.index, character: next.end } };
  h.lastLine = next.index;
}

/** A heading line shorter than this was not cut at the page width. */
const WRAPPED_HEADING_LENGTH = 40;

function head(line: Line, numberText: string, title: string): ItemHead {
  const numberAt = line.start + line.text.indexOf(numberText);
  const titleAt = title ? line.start + line.text.lastIndexOf(title) : line.end;
  return {
    line: line.index,
    lastLine: line.index,
    number: Number(numberText),
    numberRange: colRange(line, numberAt, numberAt + numberText.length),
    title: title.trim(),
    titleRange: colRange(line, titleAt, titleAt + title.trim().length),
  };
}

function nextNonBlank(lines: Lines, i: number, limit = lines.length): number {
  while (i < limit && lines.blank(i)) i++;
  return i;
}

/**
 * `N. Title` at column 0, as in the 001 style, or as a markdown or bold heading. A numbered list line
 * inside an item looks the same, so a heading must be confirmed: by a category, access or case-number
 * line right after it, by a TOC entry with the same number and title, or (a decorated one) by the
 * section that opens a punkt under it.
 */
export function findNumberedHeads(lines: Lines, tocEntries: readonly TocEntry[], vocabulary: Vocabulary = DEFAULT_VOCABULARY): ItemHead[] {
  const heads: ItemHead[] = [];
  const byNumber = new Map(tocEntries.filter((e) => e.number !== null).map((e) => [e.number!, e]));
  for (let i = 0; i < lines.length; i++) {
    if (lines.blank(i)) continue;
    const line = lines.at(i);
    const decorated = isDecorated(line);
    if (line.start !== 0 && !decorated) continue;
    const m = NUMBERED.exec(line.text);
    if (!m) continue;
    const next = lines.at(nextNonBlank(lines, line.index + 1));
    // A heading in markdown or bold (`## 1. Godkendelse af dagsorden`) is confirmed by the section that opens it too.
    const confirmed =
      (next && (CATEGORY.test(next.text) || readCaseLine(next) !== null)) ||
      sameTitle(byNumber.get(Number(m[1]))?.title, m[2]) ||
      (decorated && TITLE_START.test(m[2]) && sectionBelow(lines, i, vocabulary));
    if (confirmed) heads.push(head(line, m[1], m[2]));
  }
  return heads;
}

/** `Title` followed on the next line by `Sag nr. 130`. */
export function findSagNrHeads(lines: Lines, vocabulary: Vocabulary = DEFAULT_VOCABULARY): ItemHead[] {
  const heads: ItemHead[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines.blank(i)) continue;
    const line = lines.at(i);
    const m = SAG_NR.exec(line.text);
    if (!m) continue;
    // The title is the line before, however many empty lines stand between (their number is
    // layout: formatting may change it, and must not change what the document is).
    let t = line.index - 1;
    while (t >= 0 && lines.blank(t)) t--;
    if (t < 0 || lines.blank(t) || vocabulary.sectionKindOf(lines.at(t).text)) continue;
    const titleLine = lines.at(t);
    const h = head(titleLine, m[1], titleLine.text);
    h.numberRange = colRange(line, line.start + line.text.indexOf(m[1]), line.start + line.text.indexOf(m[1]) + m[1].length);
    heads.push(h);
  }
  return heads;
}

/** True when a TOC title and a heading title name the same item (a cut-off TOC title is a prefix). */
export function sameTitle(tocTitle: string | undefined, title: string): boolean {
  if (!tocTitle) return false;
  return sameNormTitle(normTitle(tocTitle), normTitle(title));
}

/** `sameTitle` on titles already passed through `normTitle` (for callers that compare many). */
export function sameNormTitle(a: string, b: string): boolean {
  if (a === b) return a.length > 0;
  // A title cut off at the page width: a prefix long enough to name one item.
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return short.length >= Math.min(20, long.length) && long.startsWith(short);
}

/** Only letters, digits and single spaces count when titles are compared: quotes, dashes and brackets differ between TOC and heading. */
export function normTitle(s: string): string {
  return fold(s.replace(/[^\p{L}\p{N}\s]/gu, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}

/** Reads an access marker and/or case number line (`Åbent - 15.00.00-G01-29-16`, `S2018-2162`, `Sagsnr.: 2012-28504`). */
export function readCaseLine(line: Line): { caseNumber: CaseNumber | null; access: string | null; accessRange: Range | null } | null {
  const text = line.text;
  if (text.length > 80) return null;
  let access: string | null = null;
  let accessRange: Range | null = null;
  let rest = text;
  let restAt = line.start;
  const a = ACCESS.exec(text);
  if (a) {
    access = a[1];
    accessRange = colRange(line, line.start, line.start + a[1].length);
    if (!a[2]) return { caseNumber: null, access, accessRange };
    rest = a[2];
    restAt = line.start + text.lastIndexOf(a[2]);
  }
  const docNumber = DOCUMENT_NUMBER.exec(rest);
  if (docNumber) rest = rest.slice(0, docNumber.index);
  const labelled = CASE_LABEL.exec(rest);
  let number = rest;
  let at = restAt;
  if (labelled) {
    number = labelled[1].trim();
    at = restAt + rest.lastIndexOf(labelled[1]);
  }
  number = number.replace(TRAILING_PUNCTUATION, '');
  let scheme: CaseNumber['scheme'] | null = null;
  if (KLE_NUMBER.test(number) || KLE_START.test(number)) scheme = 'kle';
  else if (ODDER_NUMBER.test(number)) scheme = 'odder';
  else if (labelled || LOOSE_NUMBER.test(number)) scheme = 'other';
  if (!scheme || SPACE.test(number)) return access ? { caseNumber: null, access, accessRange } : null;
  return { caseNumber: { text: number, range: colRange(line, at, at + number.length), scheme }, access, accessRange };
}

/** The longest line that is read as a heading without markdown marks (bold, upper case, or plain). */
const LONGEST_HEADING = 90;

/** A markdown heading, or a short line that is bold all over and does not end a sentence. */
function isHeadingLike(line: Line): boolean {
  return line.level !== null || (line.bold && line.text.length <= LONGEST_HEADING && !SENTENCE_END.test(line.text));
}

function isPlainLine(line: Line): boolean {
  return line.level === null && !line.bold && !isUpperCase(line.text);
}

/** Sections in which a short plain line standing alone is read as a sub-heading. */
const PLAIN_SUBHEADING_KINDS = new Set<SectionKind>(['resume', 'sagsfremstilling', 'effekt', 'okonomi', 'sagens-gang', 'sagsforlob', 'other']);

/** A short plain line standing alone, without closing punctuation: a sub-heading in a plain export. */
function isPlainSubheading(lines: Lines, line: Line): boolean {
  const text = line.text;
  if (text.length < 3 || text.length > LONGEST_HEADING) return false;
  // Standing alone first: it is the cheapest test and lets most lines go.
  const i = line.index;
  if (i > 0 && !lines.blank(i - 1)) return false;
  if (i + 1 < lines.length && !lines.blank(i + 1)) return false;
  if (line.raw.indexOf('\t') >= 0) return false;
  if (!CAPITAL_OR_DIGIT_START.test(text) || CLOSING_PUNCTUATION.test(text)) return false;
  if (BULLET_START.test(text) || QUOTE_START.test(text)) return false;
  if (LIST_MARK_START.test(text)) return false; // `1) ...`, `a) ...`: a list
  if (NUMBER_ONLY.test(text) || FIGURES_ONLY.test(text)) return false;
  if (wordCount(text) > 14) return false;
  const next = lines.at(nextNonBlank(lines, line.index + 1));
  // A heading introduces text; two short lines in a row are a list.
  return !!next && next.text.length > text.length;
}

/** `text.split(/\s+/).length` without making the pieces: one more than the runs of white space. */
function wordCount(text: string): number {
  let count = 1;
  let inSpace = false;
  for (let i = 0; i < text.length; i++) {
    const space = isRegExpSpaceCode(text.charCodeAt(i));
    if (space && !inSpace) count++;
    inSpace = space;
  }
  return count;
}

export interface ItemContext {
  lines: Lines;
  ownCommittee: string | null;
  /** The meeting's date (`YYYY-MM-DD`): a dated decision heading of another day is history. */
  meetingDate: string | null;
  /** The words read with: the built-in ones and any the configuration adds. */
  vocabulary: Vocabulary;
  /** True when the document groups items under category lines (001 style). */
  categories: boolean;
}

/** Builds the item whose heading is `h`, with its body on lines (h.line, end]. */
export function readItem(ctx: ItemContext, h: ItemHead, end: number): Punkt {
  const { lines } = ctx;
  const headLine = lines.at(h.line);
  const heading = headingOf(headLine);
  const item: Punkt = {
    number: h.number,
    numberRange: h.numberRange,
    title: h.title,
    titleRange: h.titleRange,
    heading,
    range: rangeFrom(heading.range.start, end, visibleEnd(lines.at(end))),
    caseType: null,
    caseTypeRange: null,
    category: null,
    caseNumber: null,
    access: null,
    accessRange: null,
    sections: [],
    decisions: [],
    votes: [],
    proposals: [],
    absences: [],
    history: [],
  };
  const ct = CASE_TYPE_PATTERN.exec(h.title);
  if (ct) {
    item.caseType = ct[1].toUpperCase() as CaseType;
    const at = h.titleRange.start.character;
    item.caseTypeRange = colRange(headLine, at, at + ct[0].replace(TRAILING_SPACE, '').length);
  }

  // `Lukket punkt: …`, `Lukket: …`: a closed punkt says so in its title.
  const closed = CLOSED_TITLE.exec(h.title);
  if (closed && h.titleRange.start.line === h.line) {
    const at = h.titleRange.start.character;
    item.access = closed[1];
    item.accessRange = colRange(headLine, at, at + closed[1].length);
  }

  // The preamble: category line, access marker, case number.
  let i = h.lastLine + 1;
  for (let seen = 0; seen < 3; seen++) {
    const j = nextNonBlank(lines, i, end + 1);
    if (j > end) break;
    const line = lines.at(j);
    const cat = ctx.categories ? CATEGORY.exec(line.text) : null;
    if (cat && item.category === null && !item.caseNumber) {
      item.category = cat[1];
      if (!item.caseType && CASE_TYPE_LETTER.test(cat[1])) item.caseType = cat[1] as CaseType;
      i = j + 1;
      continue;
    }
    const c = item.caseNumber ? null : readCaseLine(line);
    if (c) {
      item.caseNumber = c.caseNumber;
      item.access = c.access ?? item.access;
      item.accessRange = c.accessRange ?? item.accessRange;
      i = j + 1;
      continue;
    }
    break;
  }

  readSections(ctx, item, i, end);
  for (const section of item.sections) {
    if (section.kind !== 'sagsforlob') continue;
    const quoted = bodyOfHeading(section.heading.text);
    if (quoted) item.history.push(headedHistory(lines, section, quoted.body, quoted.date ? (findDate(quoted.date)?.iso ?? null) : null));
    else item.history.push(...readHistory(lines, section));
  }
  const decisions = new DecisionReader(ctx.ownCommittee, ctx.vocabulary);
  for (const s of item.sections) {
    if (s.kind === 'beslutning') decisions.readSection(lines, s.heading.range.start.line + 1, s.range.end.line + 1);
  }
  Object.assign(item, decisions.result);
  return item;
}

function readSections(ctx: ItemContext, item: Punkt, from: number, end: number): void {
  const { lines } = ctx;
  let section: Section | null = null;
  let sub: SubHeading | null = null;
  let lastText = from - 1;
  const close = () => {
    if (sub) sub.range = rangeFrom(sub.range.start, lastText, visibleEnd(lines.at(lastText)));
    if (section) section.range = rangeFrom(section.range.start, lastText, visibleEnd(lines.at(lastText)));
  };
  for (let i = from; i <= end; i++) {
    if (lines.blank(i)) continue;
    // A long line that is no markdown heading is neither a section heading nor a sub-heading (the
    // tests below): most lines of a punkt's body, let go without making them.
    if (lines.textLength(i) > LONGEST_HEADING && lines.level(i) === null) {
      lastText = i;
      continue;
    }
    const line = lines.at(i);
    const open = section as Section | null; // assigned in this loop: TypeScript cannot follow it here
    let kind = line.text.length <= 60 ? ctx.vocabulary.sectionKindOf(line.text) : null;
    if (!kind && line.text.length <= LONGEST_HEADING) kind = datedSectionKind(ctx, line);
    // `Bilag` / `Bilag`: an attachment named like its heading is the section's first entry, not a second heading.
    if (kind && open?.kind === kind && lastText === open.heading.range.start.line && !isDecorated(line)) kind = null;
    // Under `Bilag`, a plain line in the list of attachments is the next attachment (`Indstilling`),
    // not a heading: right after an attachment, or first under the heading with the list going on
    // under it. (Empty lines after the heading do not count: formatting puts one there.)
    if (
      kind &&
      open?.kind === 'bilag' &&
      isPlainLine(line) &&
      (lastText === open.heading.range.start.line ? i + 1 <= end && !lines.blank(i + 1) && isPlainLine(lines.at(i + 1)) : lastText === i - 1 && isPlainLine(lines.at(i - 1)))
    )
      kind = null;
    if (kind) {
      close();
      sub = null;
      const heading = headingOf(line);
      section = { kind, heading, range: heading.range, subheadings: [] };
      item.sections.push(section);
    } else if (
      isHeadingLike(line) ||
      (line.text.length <= LONGEST_HEADING && section && PLAIN_SUBHEADING_KINDS.has(section.kind) && (isUpperCase(line.text) || isPlainSubheading(lines, line)))
    ) {
      if (!section) {
        // An unknown heading before any known one: a section of its own.
        close();
        const heading = headingOf(line);
        section = { kind: 'other', heading, range: heading.range, subheadings: [] };
        item.sections.push(section);
        sub = null;
      } else {
        if (sub) sub.range = rangeFrom(sub.range.start, lastText, visibleEnd(lines.at(lastText)));
        const heading = headingOf(line);
        sub = { heading, range: heading.range };
        section.subheadings.push(sub);
      }
    }
    lastText = i;
  }
  close();
  dropSentenceHeadings(lines, item);
}

/**
 * `Beslutning i Økonomiudvalget den 30. oktober 2024:`, `Økonomiudvalgets beslutning den …`,
 * `Indstilling fra Økonomiudvalget`: a heading that names a body (and a date). A decision of this
 * meeting's body on this meeting's day is the Beslutning; any other is quoted history. Written in
 * upper case, such a line is the title of a quoted proposal (`INDSTILLING FRA MAGISTRATSAFDELINGEN …`).
 */
function datedSectionKind(ctx: ItemContext, line: Line): SectionKind | null {
  const text = withoutInvisible(line.text);
  const named = bodyOfHeading(text);
  if (!named || isUpperCase(text)) return null;
  const { word, body, date } = named;
  let iso: string | null = null;
  if (date) {
    const found = findDate(date);
    if (!found || found.at !== 0 || found.length < date.replace(TRAILING_COLON_OR_SPACE, '').length) return null;
    iso = found.iso;
  }
  const kind = fold(word) === 'indstilling' ? 'indstilling' : 'beslutning';
  if (kind === 'indstilling') return date ? null : 'indstilling';
  if (!isBodyWord(lastWordOf(body))) return null;
  // `Udvalgets beslutning:` names the committee whose minutes these are, as the own name does.
  const own = fold(body) === 'udvalget' || (!!ctx.ownCommittee && sameBody(body, ctx.ownCommittee));
  const ours = own && (!iso || iso === ctx.meetingDate);
  return ours ? 'beslutning' : 'sagsforlob';
}

/** A body's name: capitalised words, joined by `og` and `for` (`Klima-, Teknik- og Miljøudvalget`). */
const BODY_NAME = String.raw`\p{Lu}[\p{L}\-,]*(?:\s+(?:og|for|\p{Lu}[\p{L}\-,]*))*`;
const DATED = String.raw`(?:\s*,?\s+(?:den|d\.)\s+(?<date>\d.*?))?\s*:?$`;
/** The word, body and date of `Beslutning i <body> den <date>:` or `<body>s beslutning den <date>`. */
function bodyOfHeading(text: string): { word: string; body: string; date: string | undefined } | null {
  const m = DECISION_OF_BODY.exec(text) ?? BODYS_DECISION.exec(text);
  return m?.groups ? { word: m.groups.word ?? m.groups.bare, body: m.groups.body, date: m.groups.date } : null;
}

// `Beslutning Økonomiudvalget den 11-03-2024` (OS2dagsorden) leaves out the `i`.
const DECISION_OF_BODY = new RegExp(String.raw`^(?:(?<word>beslutning|indstilling)\s+(?:i|fra|af)|(?<bare>beslutning))\s+(?<body>${BODY_NAME})${DATED}`, 'iu');
const BODYS_DECISION = new RegExp(String.raw`^(?<body>${BODY_NAME})s\s+(?<word>beslutning|indstilling)${DATED}`, 'u');
const TRAILING_COLON_OR_SPACE = /[\s:.]+$/;

function lastWordOf(words: string): string {
  const parts = words.trim().split(/\s+/);
  return parts[parts.length - 1];
}

/**
 * `Administrationen indstiller:` leading into the list right under it is no heading where the punkt
 * has the plain one of its kind (`Indstilling`). Standing alone, the same words are a heading (Odder).
 */
function dropSentenceHeadings(lines: Lines, item: Punkt): void {
  const sentence = (sec: Section) => {
    // The heading's words first: few end in such a verb, and the line under it may be a long one.
    const words = foldHeading(sec.heading.text);
    if (!SENTENCE_HEADING_VERBS.some((verb) => words.endsWith(` ${verb}`))) return false;
    const at = sec.heading.range.start.line;
    // Into the text right under it; a heading under it is the next section (formatting parts them).
    const next = at + 1 <= item.range.end.line && !lines.blank(at + 1) ? lines.at(at + 1) : null;
    return sec.heading.text.endsWith(':') || (!!next && !isDecorated(next) && !sectionKindOf(next.text));
  };
  for (let k = item.sections.length - 1; k >= 0; k--) {
    const sec = item.sections[k];
    if (!sentence(sec) || !item.sections.some((other) => other !== sec && other.kind === sec.kind && !sentence(other))) continue;
    // Its lines are text of the section before it (or of the punkt, before its first section).
    const before = item.sections[k - 1];
    if (before) {
      before.range = { start: before.range.start, end: sec.range.end };
      before.subheadings.push(...sec.subheadings);
    }
    item.sections.splice(k, 1);
  }
}

/** Body category lines (001 style) between items: they end the item before them. */
export function isBodyCategory(lines: Lines, i: number, tocCategories: ReadonlySet<string>, isHead: (line: number) => boolean): boolean {
  const m = CATEGORY.exec(lines.at(i).text);
  if (!m) return false;
  let p = i - 1;
  while (p >= 0 && lines.blank(p)) p--;
  if (p >= 0 && isHead(p)) return false; // the item's own category line
  if (tocCategories.has(fold(`${m[1]}. ${m[2]}`))) return true;
  return isHead(nextNonBlank(lines, i + 1));
}
