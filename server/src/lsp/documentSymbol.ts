// Outline: the meeting, its table of contents, the punkter, their sections and sub-headings.
import type { DocumentSymbol, Range, SymbolKind } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Heading, Punkt, ReferatDocument, Section, Toc } from '../model';
import { clampRange, containsRange, unionRange, wholeDocumentRange } from './ranges';
import {
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

export function documentSymbols(document: TextDocument, model: ReferatDocument): DocumentSymbol[] {
  const meeting = model.meeting;
  const children: DocumentSymbol[] = [];
  if (model.toc) children.push(tocSymbol(document, model.toc));
  for (const punkt of model.items) children.push(punktSymbol(document, punkt));
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

function punktSymbol(document: TextDocument, punkt: Punkt): DocumentSymbol {
  return symbol(document, {
    name: punktSymbolName(punkt),
    detail: punkt.caseNumber?.text ?? '',
    kind: PUNKT_SYMBOL_KIND,
    range: punkt.range,
    selectionRange: punkt.heading.textRange,
    children: punkt.sections.map((section) => sectionSymbol(document, section)),
  });
}

function sectionSymbol(document: TextDocument, section: Section): DocumentSymbol {
  const children = section.subheadings.map((subheading) => headingSymbol(document, subheading, SUBHEADING_SYMBOL_KIND, '', []));
  return headingSymbol(document, section, SECTION_SYMBOL_KIND, section.kind, children);
}

/** A part that starts with a heading: named after it as written, selected on its words. */
function headingSymbol(
  document: TextDocument,
  part: { heading: Heading; range: Range },
  kind: SymbolKind,
  detail: string,
  children: DocumentSymbol[],
): DocumentSymbol {
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
 */
function symbol(document: TextDocument, parts: SymbolParts): DocumentSymbol {
  let range = clampRange(document, parts.range);
  for (const child of parts.children) range = unionRange(range, child.range);
  let selectionRange = clampRange(document, parts.selectionRange);
  if (!containsRange(range, selectionRange)) selectionRange = { start: range.start, end: range.start };
  return { ...parts, range, selectionRange };
}
