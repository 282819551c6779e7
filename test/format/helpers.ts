// Shared by the formatting tests: what must not change when a referat is formatted, and texts to try.
import fc from 'fast-check';
import type { ReferatDocument } from '../../server/src/model';
import { readReferat } from '../../server/src/reader';
import { splitLines } from '../../server/src/reader/lines';
import { mutate, random } from '../fuzz/mutate';
import { readSeed, seedFiles } from '../helpers/golden';

export { wordsOutsideToc } from '../helpers/words';

export const SEEDS = seedFiles.map((file) => ({ file, text: readSeed(file) }));

/** What the reader makes of a text, without positions: the formatter must not change it. */
export function signature(model: ReferatDocument) {
  const names = (refs: readonly { name: string }[]) => refs.map((r) => r.name);
  return {
    title: model.meeting.title,
    committee: model.meeting.committee,
    date: model.meeting.date,
    place: model.meeting.place,
    attendees: model.meeting.attendees.map((a) => [a.name, a.absent, a.party]),
    items: model.items.map((item) => ({
      number: item.number,
      title: item.title,
      caseType: item.caseType,
      caseNumber: item.caseNumber?.text ?? null,
      sections: item.sections.map((s) => [s.kind, s.heading.text]),
      votes: item.votes.map((v) => [names(v.for), names(v.against), names(v.abstain), v.outcome]),
      decisions: item.decisions.map((d) => [d.kind, d.committee]),
      absences: item.absences.map((a) => [a.person.name, a.scope]),
    })),
  };
}

/** Lines of every seed, every fifth, and lines that exercise the formatter. */
const seedLines = SEEDS.flatMap(({ text }) => splitLines(text).filter((_, i) => i % 5 === 0)).slice(0, 600);
const special = [
  '',
  ' ',
  '\u00a0',
  '\u00a0 \u00a0',
  '\t',
  'Beslutning',
  'BESLUTNING',
  '## **Resume**',
  '**Indstilling**',
  '### Underoverskrift',
  '**Fed linje**',
  'Punkt 2: Noget',
  '# Punkt 1: X',
  '## **Punkt 3: B-sag: Y**',
  '1. Titel',
  'A. Sager til afgørelse i byrådet',
  'Indholdsfortegnelse',
  'Godkendelse af dagsorden.....\t3',
  'Et kort emne\t8',
  'REFERAT Udvalget 2022-2025 d. 01-02-2024',
  'Mødedato Tirsdag d. 1. februar 2024 kl. 08:30',
  'Mødested: Rådhuset',
  '• punkt med bullet',
  '  • indrykket bullet',
  '* stjerne',
  '-   streg',
  '- streg',
  '*kursiv*',
  '<!-- referat-disable-next-line vote-tally -->',
  'Åbent - 15.00.00-G01-29-16',
  'Udvalgsmedlem Reza Javid (Ø) stemmer for ændringsforslaget.',
  'Tekst med mellemrum til sidst   ',
];

export const referatLikeText = fc
  .array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...seedLines, ...special) }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) }), { maxLength: 80 })
  .chain((lines) => fc.constantFrom('\n', '\r\n', '\r').map((eol) => lines.join(eol) + (lines.length % 2 ? eol : '')));

/** A seed cut and changed at random, reproducible from its seed number. */
export const mutatedSeed = fc
  .tuple(fc.integer({ min: 0, max: SEEDS.length - 1 }), fc.integer({ min: 1, max: 2 ** 31 - 1 }))
  .map(([i, seed]) => mutate(SEEDS[i].text, random(seed)));
