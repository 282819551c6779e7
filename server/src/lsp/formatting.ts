// Format Document and Format Selection: the canonical style of docs/formatting.md, as minimal
// edits (a diff of lines), from the model the cache already has for this version.
import type { Range, TextEdit } from 'vscode-languageserver';
import { formatEdits } from '../format/format';
import type { OpenReferat } from './documents';

export function formatDocument(open: OpenReferat): TextEdit[] {
  return formatEdits(open.document.getText(), open.model);
}

export function formatRange(open: OpenReferat, range: Range): TextEdit[] {
  return formatEdits(open.document.getText(), open.model, range);
}
