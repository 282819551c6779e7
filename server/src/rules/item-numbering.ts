// Punkter are numbered upwards without gaps or repeats (from whatever number the first has:
// some municipalities number through the whole election period). The fix renumbers them.
import { sameTitle } from '../reader/items';
import type { Fix, Rule } from './types';
import { msg } from './util';

export const itemNumbering: Rule = {
  id: 'item-numbering',
  description: msg('Punkter are numbered in order, without gaps or duplicates', 'Punkterne er nummereret i rækkefølge, uden huller eller dubletter'),
  defaultSeverity: 'error',
  fixable: true,
  check({ doc, report }) {
    const items = doc.items;
    if (items.length === 0) return;
    // Numbering starts where the document's lowest number says (1, or 301 where items are numbered through the period).
    let first = Infinity;
    for (const item of items) first = Math.min(first, item.number);
    // One fix for every finding, made with the first (a document numbered right needs none, nor the
    // costly comparison of every TOC entry with every punkt). No fix while the TOC lists a punkt
    // the reader did not find: the gap may be that punkt, unread.
    let fix: Fix | undefined;
    let unread: boolean | undefined;
    const renumber = () => {
      unread ??= doc.toc?.entries.some((entry) => !items.some((item) => sameTitle(entry.title, item.title))) ?? false;
      return unread
        ? undefined
        : (fix ??= {
            title: msg(`Renumber the punkter from ${first}`, `Nummerér punkterne forfra fra ${first}`),
            edits: items.flatMap((item, i) => (item.number === first + i ? [] : [{ range: item.numberRange, newText: String(first + i) }])),
          });
    };
    const numbers = new Set(items.map((i) => i.number));
    // Numbers skipped here but present elsewhere are an order problem, reported where they stand.
    const skippedElsewhere = (from: number, to: number) => {
      for (let n = from + 1; n < to; n++) if (!numbers.has(n)) return false;
      return true;
    };
    const seen = new Map<number, (typeof items)[number]>();
    items.forEach((item, i) => {
      const earlier = seen.get(item.number);
      if (earlier) {
        report({
          range: item.numberRange,
          message: msg(`Punkt ${item.number} appears twice`, `Punkt ${item.number} optræder to gange`),
          related: [{ range: earlier.heading.range, message: msg(`Punkt ${item.number} also here`, `Punkt ${item.number} også her`) }],
          fix: renumber(),
        });
        return;
      }
      seen.set(item.number, item);
      if (i === 0) return;
      const prev = items[i - 1];
      if (item.number < prev.number) {
        report({
          range: item.numberRange,
          message: msg(
            `Punkt ${item.number} comes after Punkt ${prev.number}: the numbers are out of order`,
            `Punkt ${item.number} kommer efter punkt ${prev.number}: numrene er ude af rækkefølge`,
          ),
          related: [{ range: prev.heading.range, message: msg(`Punkt ${prev.number}`, `Punkt ${prev.number}`) }],
          fix: renumber(),
        });
      } else if (item.number > prev.number + 1 && item.number !== first + i && !skippedElsewhere(prev.number, item.number)) {
        const gap = item.number - prev.number === 2 ? `${prev.number + 1}` : `${prev.number + 1}-${item.number - 1}`;
        report({
          range: item.numberRange,
          message: msg(
            `Punkt ${gap} is missing: the numbering jumps from ${prev.number} to ${item.number}`,
            `Punkt ${gap} mangler: nummereringen springer fra ${prev.number} til ${item.number}`,
          ),
          fix: renumber(),
        });
      }
    });
  },
};
