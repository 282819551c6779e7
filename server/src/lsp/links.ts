// textDocument/documentLink: a TOC entry, `jf. punkt 5`, `pkt. 5`, `dagsordenens punkt 3` and
// `punktet "Orientering om ..."` lead to the punkt's heading; `bilag 2` to the bilag's entry in the
// punkt's Bilag section. The target is the document itself with a `#L<line>,<column>` fragment,
// which VS Code opens at that place.
import type { DocumentLink } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Locale } from '../i18n';
import type { Range, ReferatDocument } from '../model';
import { findReferences, type PunktReference } from '../navigation';
import type { OpenReferat } from './documents';
import { documentLines } from './lineDocument';
import { clampRange } from './ranges';

interface Analysed {
  lines: string[];
  refs: PunktReference[];
}

/** Models are cached per version: the lines and references of one are worked out once. */
const analysed = new WeakMap<ReferatDocument, Analysed>();

export function analyse(open: OpenReferat): Analysed {
  let known = analysed.get(open.model);
  if (!known) {
    const lines = documentLines(open.document);
    known = { lines, refs: findReferences(open.model, lines) };
    analysed.set(open.model, known);
  }
  return known;
}

/** The text's lines, without line breaks. */
export function linesOf(open: OpenReferat): string[] {
  return analyse(open).lines;
}

/** `file:///x.referat#L12,1`: a place in the document, 1-based as VS Code reads it. */
export function targetUri(uri: string, range: Range): string {
  const base = uri.replace(/#.*$/, '');
  return `${base}#L${range.start.line + 1},${range.start.character + 1}`;
}

export function tooltip(ref: PunktReference, locale: Locale): string {
  if (ref.kind === 'bilag') return locale === 'da' ? `Gå til bilag ${ref.bilag} under punkt ${ref.punkt.number}` : `Go to bilag ${ref.bilag} of punkt ${ref.punkt.number}`;
  return locale === 'da' ? `Gå til punkt ${ref.punkt.number}: ${ref.punkt.title}` : `Go to punkt ${ref.punkt.number}: ${ref.punkt.title}`;
}

export function documentLinks(open: OpenReferat, locale: Locale): DocumentLink[] {
  const { document } = open;
  return analyse(open).refs.map((ref) => link(document, ref, locale));
}

function link(document: TextDocument, ref: PunktReference, locale: Locale): DocumentLink {
  return { range: clampRange(document, ref.range), target: targetUri(document.uri, clampRange(document, ref.target)), tooltip: tooltip(ref, locale) };
}
