// A character the text holds as U+FFFD (�): a byte of the file that was not UTF-8 where the rest
// is, or a letter lost when the minutes were exported. The reader keeps the text as it is; this
// says where, so that the letter can be written again.
import type { Rule } from './types';
import { msg } from './util';

const REPLACEMENT = '\uFFFD';

export const unreadableCharacter: Rule = {
  id: 'unreadable-character',
  description: msg('The text holds no unreadable characters (�)', 'Teksten har ingen ulæselige tegn (�)'),
  defaultSeverity: 'warning',
  fixable: false,
  check({ doc, includes, lineAt, report }) {
    if (!includes(REPLACEMENT)) return;
    for (let line = 0; line < doc.lineCount; line++) {
      const text = lineAt(line);
      if (text === undefined) break;
      // One finding a run of them: `Besk��ftigelse` is one lost letter.
      for (const m of text.matchAll(/\uFFFD+/g)) {
        report({
          range: { start: { line, character: m.index }, end: { line, character: m.index + m[0].length } },
          message: msg(
            'A character here could not be read (�): the file has a byte that is not UTF-8 here, or a letter was lost in the export. Write it again',
            'Et tegn her kunne ikke læses (�): filen har en byte her, som ikke er UTF-8, eller et bogstav gik tabt ved eksporten. Skriv det igen',
          ),
        });
      }
    }
  },
};
