// Outline: the meeting, its table of contents, the punkter, their sections and sub-headings
// (the sub-headings only while the outline stays within MAX_OUTLINE_SYMBOLS).
import type { DocumentSymbol, Range, SymbolKind } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Heading, HistoryEntry, Punkt, ReferatDocument, Section, Toc } from '../model';
import { KIND_NAMES } from '../model';
import { fold, foldHeading } from '../vocabulary';
import { reuseEncoding } from './answerEncoding';
import { revisionOf } from './lineDocument';
import { clampRange, containsRange, unionRange, wholeDocumentRange } from './ranges';
import {
  HISTORY_SYMBOL_KIND,
  MEETING_SYMBOL_KIND,
  PUNKT_SYMBOL_KIND,
  SECTION_SYMBOL_KIND,
  SUBHEADING_SYMBOL_KIND,
  TOC_SYMBOL_KIND,
  TOC_SYMBOL_NAME,
  meetingSymbolName,
  oneLine,
  punktSymbolName,
} from './symbolNames';

/**
 * Sub-headings are left out of an outline that would have more symbols than this with them. A
 * real referat has a few hundred; a referat of hundreds of punkter (several MB) would have
 * thousands of sub-headings, which double the answer that the editor must read again after each
 * change (about 240 bytes a symbol) and crowd the punkter and sections one navigates by. Folding
 * and selection ranges still know them.
 */
export const MAX_OUTLINE_SYMBOLS = 5000;

/**
 * The outline of each model, built once: a model is never changed after it is read (a new
 * version gets a new model), and a large referat's outline has thousands of symbols that editors
 * ask for again on every focus, scroll and breadcrumb change. Held weakly, so it goes with its model
 * (and with it the outline's JSON, kept for sending it again).
 */
const outlines = new WeakMap<ReferatDocument, { document: TextDocument; revision: number; symbols: DocumentSymbol[] }>();

export function documentSymbols(document: TextDocument, model: ReferatDocument): DocumentSymbol[] {
  const cached = outlines.get(model);
  // A TextDocument is updated in place, so the revision tells whether its text is still the model's.
  if (cached && cached.document === document && cached.revision === revisionOf(document)) return cached.symbols;
  // Sent again unchanged until the document changes: its JSON is made once (answerEncoding.ts).
  const symbols = reuseEncoding(buildSymbols(document, model));
  outlines.set(model, { document, revision: revisionOf(document), symbols });
  return symbols;
}

function buildSymbols(document: TextDocument, model: ReferatDocument): DocumentSymbol[] {
  const meeting = model.meeting;
  const withSubheadings = outlineSize(model) <= MAX_OUTLINE_SYMBOLS;
  const children: DocumentSymbol[] = [];
  if (model.toc) children.push(tocSymbol(document, model.toc));
  for (const punkt of model.items) children.push(punktSymbol(document, punkt, withSubheadings));
  const root = symbol(document, {
    name: meetingSymbolName(meeting),
    detail: meeting.date ?? '',
    kind: MEETING_SYMBOL_KIND,
    range: wholeDocumentRange(document),
    selectionRange: meeting.titleRange ?? meeting.range,
    children,
  });
  return [root];
}

/** How many symbols the whole outline, sub-headings included, would have. */
function outlineSize(model: ReferatDocument): number {
  let size = 1 + (model.toc ? 1 : 0) + model.items.length;
  for (const punkt of model.items) {
    size += punkt.sections.length;
    for (const section of punkt.sections) size += section.subheadings.length;
  }
  return size;
}

function tocSymbol(document: TextDocument, toc: Toc): DocumentSymbol {
  return symbol(document, {
    name: toc.heading ? oneLine(toc.heading.text) || TOC_SYMBOL_NAME : TOC_SYMBOL_NAME,
    detail: `${toc.entries.length} punkter`,
    kind: TOC_SYMBOL_KIND,
    range: toc.range,
    selectionRange: toc.heading?.textRange ?? toc.range,
    children: [],
  });
}

function punktSymbol(document: TextDocument, punkt: Punkt, withSubheadings: boolean): DocumentSymbol {
  return symbol(document, {
    name: punktSymbolName(punkt),
    detail: punkt.caseNumber?.text ?? '',
    kind: PUNKT_SYMBOL_KIND,
    range: punkt.range,
    selectionRange: punkt.heading.textRange,
    children: punkt.sections.map((section) => sectionSymbol(document, section, withSubheadings, punkt.history)),
  });
}

function sectionSymbol(document: TextDocument, section: Section, withSubheadings: boolean, history: readonly HistoryEntry[]): DocumentSymbol {
  const subheadings = withSubheadings ? section.subheadings : [];
  const children = subheadings.map((subheading) => headingSymbol(document, subheading, SUBHEADING_SYMBOL_KIND, '', []));
  // A history section lists its earlier treatments: the date and the body that treated the case.
  if (section.kind === 'sagsforlob') {
    for (const entry of history) {
      if (!containsRange(section.range, entry.headRange) || entry.headRange === section.heading.range) continue;
      const name = oneLine([entry.date, entry.body].filter(Boolean).join(' '));
      children.push(
        symbol(document, {
          name: name || '…',
          detail: entry.punkt ? `punkt ${entry.punkt}` : '',
          kind: HISTORY_SYMBOL_KIND,
          range: entry.range,
          selectionRange: entry.headRange,
          children: [],
        }),
      );
    }
  }
  return headingSymbol(document, section, SECTION_SYMBOL_KIND, sectionDetail(section), children);
}

/**
 * The kind of section, as the outline shows it beside a heading that names it in other words
 * ("Forvaltningen indstiller", Indstilling). Nothing where the heading already says it, and nothing
 * for a section of no particular kind: VS Code shows a symbol's detail after its name.
 */
function sectionDetail(section: Section): string {
  if (section.kind === 'other') return '';
  const name = KIND_NAMES[section.kind];
  return foldHeading(section.heading.text) === fold(name) ? '' : name;
}

/** A part that starts with a heading: named after it as written, selected on its words. */
function headingSymbol(document: TextDocument, part: { heading: Heading; range: Range }, kind: SymbolKind, detail: string, children: DocumentSymbol[]): DocumentSymbol {
  return symbol(document, {
    name: oneLine(part.heading.text) || detail || '…',
    detail,
    kind,
    range: part.range,
    selectionRange: part.heading.textRange,
    children,
  });
}

interface SymbolParts {
  name: string;
  detail: string;
  kind: SymbolKind;
  range: Range;
  selectionRange: Range;
  children: DocumentSymbol[];
}

/**
 * Clamps both ranges to the text and keeps the selection inside the range, as LSP requires
 * (VS Code drops the whole outline otherwise). A parent is widened to hold its children.
 * An empty detail and empty children are left out: both are optional, and on a large referat
 * they are thousands of fields that the client would read for nothing.
 */
function symbol(document: TextDocument, parts: SymbolParts): DocumentSymbol {
  let range = clampRange(document, parts.range);
  for (const child of parts.children) range = unionRange(range, child.range);
  let selectionRange = clampRange(document, parts.selectionRange);
  if (!containsRange(range, selectionRange)) selectionRange = { start: range.start, end: range.start };
  const result: DocumentSymbol = { name: parts.name, kind: parts.kind, range, selectionRange };
  if (parts.detail) result.detail = parts.detail;
  if (parts.children.length > 0) result.children = parts.children;
  return result;
}
