// The table of contents lists the punkter as they are: same titles, same order, none missing or
// extra. A title cut off at the page width is a prefix; quote styles and dashes do not count.
import { type TocMatch, matchToc, rewriteToc } from '../format/toc';
import type { Punkt, Toc } from '../model';
import type { Fix, Rule, TextEdit } from './types';
import { msg } from './util';

/**
 * Rewrites the TOC's entries from the items, in the TOC's own form, keeping known page numbers and
 * the entries that already name their punkt as they are written.
 */
function rewrite(toc: Toc, items: readonly Punkt[], lines: () => readonly string[], eol: string, match: TocMatch): Fix | null {
  const rewritten = rewriteToc(toc, items, lines, { keepMatching: true }, match);
  if (!rewritten) return null;
  const edit: TextEdit = { range: rewritten.range, newText: rewritten.lines.join(eol) };
  return { title: msg('Rewrite the table of contents from the punkter', 'Skriv indholdsfortegnelsen om ud fra punkterne'), edits: [edit] };
}

export const tocMismatch: Rule = {
  id: 'toc-mismatch',
  description: msg('The table of contents matches the punkter', 'Indholdsfortegnelsen passer med punkterne'),
  defaultSeverity: 'warning',
  fixable: true,
  check(ctx) {
    const { doc, report } = ctx;
    const toc = doc.toc;
    const items = doc.items;
    if (!toc || toc.entries.length === 0 || items.length === 0) return;
    const entries = toc.entries;
    const match = matchToc(toc, items);
    const { status, itemOf, entryOf } = match;
    // The rewrite is made only when something is found.
    let rewritten: Fix | null | undefined;
    // The lines only for the 001 style's category lines: not split unless needed.
    // None where the rewrite would lose lines of the TOC (a group line between its entries).
    const fix = () => {
      if (rewritten === undefined) rewritten = rewrite(toc, items, () => ctx.lines, ctx.eol, match);
      return rewritten ?? undefined;
    };
    entries.forEach((entry, e) => {
      const i = itemOf[e];
      const item = i === null ? null : items[i];
      if (status[e] === 'moved' && item) {
        report({
          range: entry.titleRange,
          message: msg(
            `The table of contents lists "${entry.title}" as entry ${e + 1}, but it is Punkt ${item.number}: the order differs`,
            `Indholdsfortegnelsen har »${entry.title}« som nr. ${e + 1}, men det er punkt ${item.number}: rækkefølgen er en anden`,
          ),
          related: [{ range: item.heading.range, message: msg(`Punkt ${item.number}`, `Punkt ${item.number}`) }],
          fix: fix(),
        });
      } else if (status[e] === 'renamed' && item) {
        report({
          range: entry.titleRange,
          message: msg(
            `The table of contents says "${entry.title}", but Punkt ${item.number} is "${item.title}"`,
            `Indholdsfortegnelsen siger »${entry.title}«, men punkt ${item.number} hedder »${item.title}«`,
          ),
          related: [{ range: item.heading.range, message: msg(`Punkt ${item.number}`, `Punkt ${item.number}`) }],
          fix: { title: msg('Write the title as the punkt has it', 'Skriv titlen som i punktet'), edits: [{ range: entry.titleRange, newText: item.title } satisfies TextEdit] },
        });
      } else if (status[e] === 'extra') {
        report({
          range: entry.titleRange,
          message: msg(
            `The table of contents lists "${entry.title}", which is not a punkt of this referat`,
            `Indholdsfortegnelsen har »${entry.title}«, som ikke er et punkt i referatet`,
          ),
          fix: fix(),
        });
      }
    });
    items.forEach((item, i) => {
      if (entryOf[i] !== null) return;
      report({
        range: item.heading.textRange,
        message: msg(`Punkt ${item.number} "${item.title}" is missing from the table of contents`, `Punkt ${item.number} »${item.title}« mangler i indholdsfortegnelsen`),
        related: [{ range: toc.range, message: msg('The table of contents', 'Indholdsfortegnelsen') }],
        fix: fix(),
      });
    });
  },
};
