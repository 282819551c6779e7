// The table of contents lists the punkter as they are: same titles, same order, none missing or
// extra. A title cut off at the page width is a prefix; quote styles and dashes do not count.
import { entryMatches, rewriteToc } from '../format/toc';
import type { Punkt, Toc } from '../model';
import type { Fix, Rule, TextEdit } from './types';
import { msg } from './util';

/** Rewrites the TOC's entries from the items, in the TOC's own form, keeping known page numbers. */
function rewrite(toc: Toc, items: readonly Punkt[], lines: readonly string[], eol: string): Fix {
  const rewritten = rewriteToc(toc, items, lines)!;
  const edit: TextEdit = { range: rewritten.range, newText: rewritten.lines.join(eol) };
  return { title: msg('Rewrite the table of contents from the punkter', 'Skriv indholdsfortegnelsen om ud fra punkterne'), edits: [edit] };
}

export const tocMismatch: Rule = {
  id: 'toc-mismatch',
  description: msg('The table of contents matches the punkter', 'Indholdsfortegnelsen passer med punkterne'),
  defaultSeverity: 'warning',
  fixable: true,
  check({ doc, text, lines, report }) {
    const toc = doc.toc;
    if (!toc || toc.entries.length === 0 || doc.items.length === 0) return;
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const fix = rewrite(toc, doc.items, lines, eol);
    const used = new Set<Punkt>();
    toc.entries.forEach((entry, i) => {
      const item = doc.items[i];
      if (item && entryMatches(entry, item)) {
        used.add(item);
        return;
      }
      const elsewhere = doc.items.find((it) => !used.has(it) && entryMatches(entry, it));
      if (elsewhere) {
        used.add(elsewhere);
        report({
          range: entry.titleRange,
          message: msg(
            `The table of contents lists "${entry.title}" as entry ${i + 1}, but it is Punkt ${elsewhere.number}: the order differs`,
            `Indholdsfortegnelsen har »${entry.title}« som nr. ${i + 1}, men det er punkt ${elsewhere.number}: rækkefølgen er en anden`,
          ),
          related: [{ range: elsewhere.heading.range, message: msg(`Punkt ${elsewhere.number}`, `Punkt ${elsewhere.number}`) }],
          fix,
        });
        return;
      }
      if (item && !toc.entries.some((e) => entryMatches(e, item))) {
        used.add(item);
        const edit: TextEdit = { range: entry.titleRange, newText: item.title };
        report({
          range: entry.titleRange,
          message: msg(
            `The table of contents says "${entry.title}", but Punkt ${item.number} is "${item.title}"`,
            `Indholdsfortegnelsen siger »${entry.title}«, men punkt ${item.number} hedder »${item.title}«`,
          ),
          related: [{ range: item.heading.range, message: msg(`Punkt ${item.number}`, `Punkt ${item.number}`) }],
          fix: { title: msg('Write the title as the punkt has it', 'Skriv titlen som i punktet'), edits: [edit] },
        });
        return;
      }
      report({
        range: entry.titleRange,
        message: msg(`The table of contents lists "${entry.title}", which is not a punkt of this referat`, `Indholdsfortegnelsen har »${entry.title}«, som ikke er et punkt i referatet`),
        fix,
      });
    });
    for (const item of doc.items) {
      if (used.has(item) || toc.entries.some((e) => entryMatches(e, item))) continue;
      report({
        range: item.heading.textRange,
        message: msg(`Punkt ${item.number} "${item.title}" is missing from the table of contents`, `Punkt ${item.number} »${item.title}« mangler i indholdsfortegnelsen`),
        related: [{ range: toc.range, message: msg('The table of contents', 'Indholdsfortegnelsen') }],
        fix,
      });
    }
  },
};
