// The words formatting must keep: shared by the formatting tests and the fuzzer.
import type { ReferatDocument } from '../../server/src/model';
import { readReferat } from '../../server/src/reader';
import { splitLines } from '../../server/src/reader/lines';

/**
 * The words of the text outside the table of contents, in order: split on white space, with the
 * decoration `#` and `*`, bullets (`•`-like characters, a lone `-`) and empty tokens taken out.
 */
export function wordsOutsideToc(text: string, model: ReferatDocument = readReferat(text)): string[] {
  const lines = splitLines(text);
  const toc = model.toc?.range;
  const words: string[] = [];
  lines.forEach((line, i) => {
    if (toc && i >= toc.start.line && i <= toc.end.line) return;
    for (const token of line.split(/[\s\u200b]+/)) {
      const word = token.replace(/[#*•·▪◦‣∙]/g, '');
      if (word && word !== '-') words.push(word);
    }
  });
  return words;
}
