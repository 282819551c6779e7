// Folding: the table of contents, each punkt, each section and each sub-heading.
import { FoldingRangeKind, type FoldingRange, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ReferatDocument } from '../model';
import { lastNonBlankLine } from './ranges';

/** `rangeLimit` is the client's maximum; outer parts are kept first when it cuts. */
export function foldingRanges(document: TextDocument, model: ReferatDocument, rangeLimit?: number): FoldingRange[] {
  const parts: Range[] = [];
  if (model.toc) parts.push(model.toc.range);
  for (const punkt of model.items) parts.push(punkt.range);
  for (const punkt of model.items) {
    for (const section of punkt.sections) {
      parts.push(section.range);
      for (const subheading of section.subheadings) parts.push(subheading.range);
    }
  }
  const byStartLine = new Map<number, FoldingRange>();
  for (const part of parts) {
    const fold = foldOf(document, part);
    // A client folds one range per start line; the first (outermost) wins.
    if (fold && !byStartLine.has(fold.startLine)) byStartLine.set(fold.startLine, fold);
  }
  const folds = [...byStartLine.values()];
  const limited = rangeLimit !== undefined && rangeLimit >= 0 ? folds.slice(0, rangeLimit) : folds;
  return limited.sort((a, b) => a.startLine - b.startLine);
}

function foldOf(document: TextDocument, part: Range): FoldingRange | null {
  const startLine = Math.max(0, part.start.line);
  if (startLine >= document.lineCount) return null;
  const endLine = lastNonBlankLine(document, startLine, part.end.line);
  if (endLine <= startLine) return null;
  return { startLine, endLine, kind: FoldingRangeKind.Region };
}
