// A punkt's `Sagens forløb` quotes what an earlier meeting decided. Where the archive holds that
// meeting's referat, the quote is compared with the decision recorded there.
import { clip, difference, quotesDecision } from '../archive/compare';
import type { ArchiveRule } from './types';
import { msg } from './util';
import { placeOf } from './archive-util';

export const historyMismatch: ArchiveRule = {
  id: 'history-mismatch',
  description: msg(
    'A decision quoted under Sagens forløb says what the referat of that meeting records',
    'En beslutning citeret under Sagens forløb siger det samme som referatet af det møde',
  ),
  defaultSeverity: 'info',
  fixable: false,
  checkArchive({ entry, archive, report }) {
    for (const punkt of entry.punkter) {
      for (const h of punkt.history) {
        if (!quotesDecision(h.text)) continue;
        const quoted = archive.resolveHistory(punkt.caseKey, h, h.text);
        if (!quoted?.punkt.decision) continue;
        const d = difference(h.text, quoted.punkt.decision);
        if (!d) continue;
        const where = `${quoted.referat.committee} ${quoted.referat.date}, punkt ${quoted.punkt.number} (${placeOf(quoted.referat, quoted.punkt.decisionLine ?? quoted.punkt.line)})`;
        const [q, r, b] = [clip(d.quoted), clip(d.recorded), clip(d.before, 30)];
        const after = b ? ` after “${b}”` : '';
        const efter = b ? ` efter “${b}”` : '';
        report({
          range: h.range,
          message: !d.recorded
            ? msg(`The quoted decision of ${where} adds “${q}”${after}`, `Den citerede beslutning fra ${where} tilføjer “${q}”${efter}`)
            : !d.quoted
              ? msg(`The quoted decision of ${where} leaves out “${r}”${after}`, `Den citerede beslutning fra ${where} udelader “${r}”${efter}`)
              : msg(`The quoted decision of ${where} has “${q}” where its referat has “${r}”`, `Den citerede beslutning fra ${where} har “${q}” hvor referatet har “${r}”`),
        });
      }
    }
  },
};
