// The shapes other meeting systems give the minutes (FirstAgenda/Prepare, eDoc, Acadre, SBSYS, PDF
// text), each written small: recognition, header, punkter, sections, history and case numbers.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { looksLikeReferat } from '../../server/src/detect';
import { readReferatStrict as read } from '../../server/src/reader';
import { doc, slice } from '../helpers/text';
import { readSeed } from '../helpers/golden';

const root = path.resolve(__dirname, '../..');

describe('recognising minutes by their content', () => {
  const firstAgenda = doc(
    'Dagsorden Beskæftigelses- og Erhvervsudvalget d. 10-01-2022',
    'Mødedato',
    'Mandag d. 10. januar 2022 kl. 08:00',
    'Mødested',
    'Mødelokale 1',
    '',
    'Punkt 1: Godkendelse af dagsorden',
    '21-014448',
    '',
    'Beslutning',
    'Godkendt.',
  );

  it.each([
    ['a FirstAgenda title', firstAgenda],
    ['an extraordinary meeting', firstAgenda.replace('Dagsorden', 'Ekstraordinær dagsorden')],
    ['a Beslutningsprotokol', doc('Beslutningsprotokol for Økonomiudvalget', '', 'Mødedato: 12.03.2024')],
    ['a Protokol with a date only', doc('Protokol 12. marts 2024', '', 'Punkt 1: A')],
    ['a PDF export', doc('REFERAT Aarhus Byråd d. 27-08-2025', 'Mødedato Onsdag d. 27. august 2025 kl. 16:00')],
    ['the stacked title', doc('Referat', 'til', 'mødet i Beskæftigelses- og Socialudvalget')],
    ['a body without title: punkter with their decisions', doc('Mødedato: 12.03.2024', '', 'Pkt. 312 Budget', 'Sagsnr.: 24/1022', 'Beslutning', 'Godkendt.')],
    [
      'two numbered punkter with decisions',
      doc('Udvalget for Teknik', '', '1. Godkendelse af dagsorden', '', 'Beslutning', 'Godkendt.', '', '2. Budget', '', 'Indstilling', 'At budgettet godkendes.'),
    ],
  ])('takes %s for a referat', (_name, text) => {
    expect(looksLikeReferat(text)).toBe(true);
  });

  it.each(['\r\n', '\r'])('reads any line break (%j)', (eol) => {
    expect(looksLikeReferat(firstAgenda.split('\n').join(eol))).toBe(true);
    expect(looksLikeReferat(`\n\n${doc('Udvalget', '', '1. A', 'Beslutning', 'B', '2. C', 'Resume', 'D').split('\n').join(eol)}`)).toBe(true);
  });

  it('takes every seed for a referat', () => {
    for (const name of ['000_db79083c852146f7.txt', '001_bcefb93b7da31050.txt', '002_00cfbdd4d29f5775.txt', '003_4215b85305d5dec8.txt', '004_c859f8f3d45ba66d.txt']) {
      expect(looksLikeReferat(readSeed(name)), name).toBe(true);
    }
  });

  it.each([
    [
      'a letter',
      doc('Kære Anna', '', 'Tak for dit brev af 12. marts 2024 om dagsorden for mødet.', '', '1. Vi har talt med udvalget.', '2. Beslutning følger.', '', 'Med venlig hilsen'),
    ],
    ['a note about an agenda', doc('Dagsorden', '', '1. Velkomst', '2. Eventuelt')],
    ['a changelog', doc('# Changelog', '', '## 0.2.0', '', '1. Reader: Dagsorden titles', '2. Beslutning headings')],
    ['a page quoting minutes in code blocks', doc('# Notes', '', '```', 'Mødedato: 12.03.2024', 'Punkt 1: Budget', 'Beslutning', 'Godkendt.', '```')],
  ])('never takes %s for a referat', (_name, text) => {
    expect(looksLikeReferat(text)).toBe(false);
  });

  it("never takes this project's own markdown for a referat", () => {
    const files = [
      'README.md',
      'CHANGELOG.md',
      'bench/README.md',
      ...readdirSync(path.join(root, 'docs'))
        .filter((f) => f.endsWith('.md'))
        .map((f) => `docs/${f}`),
    ];
    for (const file of files) expect(looksLikeReferat(readFileSync(path.join(root, file), 'utf8')), file).toBe(false);
  });
});

describe('the header of every layout', () => {
  it('reads labels standing above their values (FirstAgenda)', () => {
    const text = doc(
      'Dagsorden Byråd 2022-2025 d. 29-01-2025',
      'Mødedato',
      'Onsdag d. 29. januar 2025 kl. 17:30',
      'Mødested',
      'Byrådssalen',
      'Mødedeltagere',
      'Simon Østergaard',
      'Conni Bergendorff (Stedfortræder for Torben Hoffmann)',
      'Fraværende',
      'Torben Hoffmann',
      '',
      'Punkt 1: Godkendelse af dagsorden',
    );
    const m = read(text).meeting;
    // A council named by its word alone keeps its period in its name.
    expect(m).toMatchObject({ committee: 'Byråd 2022-2025', period: '2022-2025', date: '2025-01-29', time: '17:30', place: 'Byrådssalen' });
    expect(m.attendees.map((a) => [a.name, a.absent, a.note])).toEqual([
      ['Simon Østergaard', false, null],
      ['Conni Bergendorff', false, 'Stedfortræder for Torben Hoffmann'],
      ['Torben Hoffmann', true, null],
    ]);
    expect(slice(text, m.placeRange!)).toBe('Byrådssalen');
  });

  it('keeps a committee’s period apart from its name', () => {
    expect(read(doc('Dagsorden Økonomiudvalget 2022-2025 d. 10-01-2022')).meeting).toMatchObject({ committee: 'Økonomiudvalget', period: '2022-2025' });
  });

  it('reads colon labels, a time field and lists with party letters and roles', () => {
    const text = doc(
      'Referat',
      'Udvalg: Teknisk Udvalg',
      'Mødedato: 12.03.2024',
      'Mødetidspunkt: 16:00 - 18:30',
      'Mødested: Rådhuset, lokale 2',
      'Medlemmer: Lone Kjær (A), formand, Henrik Bundgaard (V), næstformand, Anna Berg (Ø)',
      'Afbud fra: Bo Holm (C)',
    );
    const m = read(text).meeting;
    expect(m).toMatchObject({ committee: 'Teknisk Udvalg', date: '2024-03-12', time: '16:00', place: 'Rådhuset, lokale 2' });
    expect(m.attendees.map((a) => [a.name, a.party, a.role, a.absent])).toEqual([
      ['Lone Kjær', 'A', 'formand', false],
      ['Henrik Bundgaard', 'V', 'næstformand', false],
      ['Anna Berg', 'Ø', null, false],
      ['Bo Holm', 'C', null, true],
    ]);
  });

  it('reads a role in parentheses after the party letter', () => {
    const m = read(doc('Referat', 'Til stede: Anna Hansen (A) (formand), Bo Jensen (V) (næstformand), Carl Nielsen (F)')).meeting;
    expect(m.attendees.map((a) => [a.name, a.party, a.role, a.note])).toEqual([
      ['Anna Hansen', 'A', 'formand', null],
      ['Bo Jensen', 'V', 'næstformand', null],
      ['Carl Nielsen', 'F', null, null],
    ]);
  });

  it('reads a header a PDF export has run together', () => {
    const text = doc(
      'Referat af mødet i Økonomiudvalget',
      'Mødedato: 12.03.2024 Mødetidspunkt: 16:00 Mødested: Rådhuset Til stede: Anna Berg (A), Bo Holm (V) Fraværende: Eva Lund (C)',
    );
    const m = read(text).meeting;
    expect(m).toMatchObject({ committee: 'Økonomiudvalget', date: '2024-03-12', time: '16:00', place: 'Rådhuset' });
    expect(m.attendees.map((a) => [a.name, a.absent])).toEqual([
      ['Anna Berg', false],
      ['Bo Holm', false],
      ['Eva Lund', true],
    ]);
    expect(slice(text, m.placeRange!)).toBe('Rådhuset');
  });

  it('reads the committee and the date standing without labels under the title', () => {
    const text = doc(
      'Beslutningsprotokol',
      '',
      'Teknik- og Miljøudvalget',
      'Tirsdag den 5. marts 2024 kl. 15.00',
      'Mødested: Byrådssalen',
      'Deltagere: Hans Madsen (V), Lise Berg (A)',
    );
    const m = read(text).meeting;
    expect(m).toMatchObject({ committee: 'Teknik- og Miljøudvalget', date: '2024-03-05', time: '15:00', place: 'Byrådssalen' });
    expect(slice(text, m.committeeRange!)).toBe('Teknik- og Miljøudvalget');
    expect(read(doc('Referat', 'Greve Byråd 2022-2025', '12.03.2024 kl. 16:00')).meeting).toMatchObject({ committee: 'Greve Byråd', period: '2022-2025', date: '2024-03-12' });
    // A label or the title wins; a sentence is no committee, nor a line that only names a date in passing.
    expect(read(doc('Referat af mødet i Økonomiudvalget', 'Teknisk Udvalg', 'Mødedato: 12.03.2024', 'den 1. april 2024 holdes næste møde i udvalget')).meeting).toMatchObject({
      committee: 'Økonomiudvalget',
      date: '2024-03-12',
    });
    expect(read(doc('Referat', 'mødet blev holdt i udvalget', 'Orienteringen om budget 2025')).meeting).toMatchObject({ committee: null, date: null });
  });

  it('reads the committee above the title word, a Tid label, and stand-ins and absences before the member list', () => {
    const text = doc(
      'Kommunalbestyrelsen',
      '',
      'Referat',
      '',
      'Dato: Torsdag den 14. marts 2024',
      'Tid: 17:00 - 19:45',
      '',
      'Fraværende: Peter Holm (V)',
      'Stedfortræder: Lene Juhl (V)',
      '',
      'Medlemmer',
      'Mette Sørensen (A)',
      'Peter Holm (V)',
    );
    const m = read(text).meeting;
    expect(m).toMatchObject({ title: 'Referat', committee: 'Kommunalbestyrelsen', date: '2024-03-14', time: '17:00' });
    expect(m.attendees.map((a) => [a.name, a.party, a.absent])).toEqual([
      ['Peter Holm', 'V', true],
      ['Lene Juhl', 'V', false],
      ['Mette Sørensen', 'A', false],
    ]);
  });

  it('reads label and value on one line (a PDF export)', () => {
    const m = read(doc('REFERAT Aarhus Byråd d. 27-08-2025', 'Mødedato Onsdag d. 27. august 2025 kl. 16:00', 'Mødested Byrådssalen', 'Indholdsfortegnelse')).meeting;
    expect(m).toMatchObject({ committee: 'Aarhus Byråd', date: '2025-08-27', time: '16:00', place: 'Byrådssalen' });
  });
});

describe('punkter of every system', () => {
  it('reads PDF text without empty lines: wrapped headings and a TOC of titles without numbers', () => {
    const text = doc(
      'REFERAT Aarhus Byråd d. 27-08-2025',
      'Indholdsfortegnelse',
      'Godkendelse af dagsorden....................... 3',
      'Svar på forslag fra DD om principbeslutning om at sikre Havnens Perles fremtid på Aarhus Ø......... 4',
      'Afrapportering på klimaregnskab samt orientering om ny 2030-fremskrivning.......... 14',
      'Punkt 1: Godkendelse af dagsorden',
      'EMN-2023-009832',
      'Beslutninger',
      'Godkendt.',
      'Punkt 2: Svar på forslag fra DD om principbeslutning om at sikre Havnens',
      'Perles fremtid på Aarhus Ø',
      'EMN-2025-003383',
      'Beslutninger',
      'Fremsendes til Teknisk Udvalg.',
      'Punkt 3: Afrapportering på klimaregnskab samt orientering om ny 2030-',
      'fremskrivning',
      'EMN-2025-008528',
      'Beslutninger',
      'Vedtaget.',
    );
    const d = read(text);
    expect(d.toc?.entries.map((e) => e.title)).toHaveLength(3);
    expect(d.items.map((i) => [i.number, i.title, i.caseNumber?.text, i.sections.map((s) => s.kind)])).toEqual([
      [1, 'Godkendelse af dagsorden', 'EMN-2023-009832', ['beslutning']],
      [2, 'Svar på forslag fra DD om principbeslutning om at sikre Havnens Perles fremtid på Aarhus Ø', 'EMN-2025-003383', ['beslutning']],
      [3, 'Afrapportering på klimaregnskab samt orientering om ny 2030-fremskrivning', 'EMN-2025-008528', ['beslutning']],
    ]);
    expect(slice(text, d.items[1].titleRange)).toBe('Svar på forslag fra DD om principbeslutning om at sikre Havnens\nPerles fremtid på Aarhus Ø');
  });

  it('leaves sub-point lines of a decision as text', () => {
    const text = doc(
      'Punkt 1: Budget',
      '22-000248',
      '',
      'Beslutning',
      'Pkt. 3 blev flyttet frem.',
      'Fremstilling',
      '',
      'Punkt 2: Anlæg',
      '22-000249',
      '',
      'Beslutning',
      'Punkt 1-2: Model 1 anbefales ikke.',
      'Punkt 6d Anbefales.',
      '',
      'Pkt. 1: Anbefales.',
      '',
      'Pkt. 2: Anbefales.',
      'Fremstilling',
      '',
      'Punkt 3: Lukket: Køb af ejendom',
      '22-000250',
    );
    const d = read(text);
    expect(d.items.map((i) => [i.number, i.title, i.access])).toEqual([
      [1, 'Budget', null],
      [2, 'Anlæg', null],
      [3, 'Lukket: Køb af ejendom', 'Lukket'],
    ]);
  });

  it('reads running numbers confirmed by their case number', () => {
    const d = read(
      doc(
        'Beslutningsprotokol for Økonomiudvalget',
        '',
        'Pkt. 312 Budget 2025',
        'Sagsnr.: 24/1022',
        '',
        'Beslutning',
        'Godkendt.',
        '',
        'Pkt. 313 Anlæg',
        'Sag: 23/4411  Dok.nr.: 123456/24',
        '',
        'Beslutning',
        'Godkendt.',
      ),
    );
    expect(d.items.map((i) => [i.number, i.title, i.caseNumber?.text])).toEqual([
      [312, 'Budget 2025', '24/1022'],
      [313, 'Anlæg', '23/4411'],
    ]);
  });

  it('reads a running number without colon over the section that opens it, and a numbered, paged TOC', () => {
    const d = read(
      doc(
        'Beslutningsprotokol for Teknik- og Miljøudvalget',
        '',
        'Indholdsfortegnelse',
        '1. Godkendelse af dagsorden\t2',
        '2. Lukket punkt: Køb af ejendom\t3',
        '',
        'Pkt. 1 Godkendelse af dagsorden',
        'Beslutning:',
        'Godkendt.',
        '',
        'Pkt. 2 Lukket punkt: Køb af ejendom',
        'Beslutning:',
        'Godkendt.',
      ),
    );
    expect(d.items.map((i) => [i.number, i.title])).toEqual([
      [1, 'Godkendelse af dagsorden'],
      [2, 'Lukket punkt: Køb af ejendom'],
    ]);
    expect(d.toc!.entries.map((e) => [e.number, e.title, e.page])).toEqual([
      [1, 'Godkendelse af dagsorden', 2],
      [2, 'Lukket punkt: Køb af ejendom', 3],
    ]);
    // Titles without numbers keep a title that starts with one.
    const unnumbered = read(
      doc('Referat', 'Indholdsfortegnelse', '2. behandling af budget 2025\t2', 'Godkendelse af takster\t3', '', 'Punkt 1: 2. behandling af budget 2025', 'Beslutning', 'Godkendt.'),
    );
    expect(unnumbered.toc!.entries.map((e) => [e.number, e.title])).toEqual([
      [null, '2. behandling af budget 2025'],
      [null, 'Godkendelse af takster'],
    ]);
  });

  it('reads numbered markdown headings over their sections, a bold case label, and a dash after the title word', () => {
    const text = doc(
      '# Referat – Kultur- og Fritidsudvalget',
      '',
      '**Dato:** 4. april 2024, kl. 17.00',
      '',
      '## 1. Godkendelse af dagsorden',
      '**Sagsnr.:** 24/1234',
      '',
      '### Beslutning',
      'Godkendt.',
      '',
      '## 2. Tilskud til foreninger 2024',
      '',
      '### Indstilling',
      'Forvaltningen indstiller, at',
      '1. puljen fordeles som foreslået',
      '2. Restbeløbet overføres',
      '',
      '### Beslutning',
      'Godkendt.',
    );
    const d = read(text);
    expect(d.meeting).toMatchObject({ committee: 'Kultur- og Fritidsudvalget', date: '2024-04-04', time: '17:00' });
    expect(d.items.map((i) => [i.number, i.title, i.caseNumber?.text ?? null, i.sections.map((s) => s.kind)])).toEqual([
      [1, 'Godkendelse af dagsorden', '24/1234', ['beslutning']],
      [2, 'Tilskud til foreninger 2024', null, ['indstilling', 'beslutning']],
    ]);
    expect(slice(text, d.items[0].caseNumber!.range)).toBe('24/1234');
  });

  it('reads a headed TOC of numbered titles without pages, with group lines between them', () => {
    const d = read(
      doc(
        'Referat',
        'Kommunalbestyrelsen',
        '',
        'Indholdsfortegnelse',
        'Åbne punkter',
        '1. Godkendelse af dagsorden',
        '2. Lokalplan 123, endelig vedtagelse',
        'Lukkede punkter',
        '3. Salg af grund',
        '',
        'Åbne punkter',
        '',
        '1. Godkendelse af dagsorden',
        'Sagsnr.: 00.01.00-A00-1-24',
        'Beslutning',
        'Godkendt.',
        '',
        '2. Lokalplan 123, endelig vedtagelse',
        'Sagsnr.: 01.02.05-P16-3-23',
        'Beslutning',
        'Godkendt.',
        '',
        '3. Salg af grund',
        'Sagsnr.: 82.06.00-G01-4-24',
        'Beslutning',
        'Godkendt.',
      ),
    );
    expect(d.toc!.entries.map((e) => [e.number, e.title, e.page])).toEqual([
      [1, 'Godkendelse af dagsorden', null],
      [2, 'Lokalplan 123, endelig vedtagelse', null],
      [3, 'Salg af grund', null],
    ]);
    expect(d.items.map((i) => [i.number, i.title])).toEqual([
      [1, 'Godkendelse af dagsorden'],
      [2, 'Lokalplan 123, endelig vedtagelse'],
      [3, 'Salg af grund'],
    ]);
  });

  it('reads `Sag nr. N: Title` heads, and `Udvalgets beslutning:` as the committee’s own decision', () => {
    const d = read(
      doc(
        'BESLUTNINGSPROTOKOL',
        '',
        'Børne- og Skoleudvalget',
        '',
        'Sag nr. 1: Godkendelse af dagsorden',
        'Sagsnr.: 24/100',
        '',
        'Udvalgets beslutning:',
        'Godkendt.',
        '',
        'Sag nr. 2: Skoledistrikter 2025',
        '',
        'Indstilling:',
        'Forvaltningen indstiller, at skoledistrikterne godkendes.',
        '',
        'Udvalgets beslutning:',
        'Godkendt.',
      ),
    );
    expect(d.meeting.committee).toBe('Børne- og Skoleudvalget');
    expect(d.items.map((i) => [i.number, i.title, i.sections.map((s) => s.kind), i.history.length])).toEqual([
      [1, 'Godkendelse af dagsorden', ['beslutning'], 0],
      [2, 'Skoledistrikter 2025', ['indstilling', 'beslutning'], 0],
    ]);
  });

  it('reads bulleted running numbers, and not the numbered lists of a decision or of Bilag', () => {
    const d = read(
      doc(
        'Beslutningsprotokol for Byrådet',
        '',
        '• 211. Godkendelse af dagsorden',
        'Sagsnr.: 24/1022',
        '',
        'Beslutning',
        '1. de nye skoledistrikter godkendes',
        '2. sagen genoptages i juni',
        '',
        'Bilag',
        '1. Kort over skoledistrikterne',
        '2. Høringssvar',
        '',
        '• 212. Budget 2025',
        'Sagsnr.: 24/1023',
      ),
    );
    expect(d.items.map((i) => [i.number, i.title, i.caseNumber?.text])).toEqual([
      [211, 'Godkendelse af dagsorden', '24/1022'],
      [212, 'Budget 2025', '24/1023'],
    ]);
  });

  it('takes a heading whose title ends in a tab and a year for a punkt, not a TOC line', () => {
    const seed = readSeed('003_4215b85305d5dec8.txt');
    const d = read(seed.replace('Punkt 5: Beskæftigelsesplan 2021', 'Punkt 5: Beskæftigelsesplan\t2021'));
    expect(d.items.map((i) => i.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(d.items[4].title).toBe('Beskæftigelsesplan\t2021');
    // Punkt 4 keeps its own sections: punkt 5's do not fall into it.
    expect(d.items[3].sections).toEqual(read(seed).items[3].sections);
  });
});

describe('sections of every system', () => {
  it('reads the decision first, FirstAgenda’s Fremstilling, and the Greve words', () => {
    const d = read(
      doc(
        'Dagsorden Kultur- og Fritidsudvalget d. 10-01-2022',
        '',
        'Punkt 1: Godkendelse af dagsorden',
        '21-014448',
        '',
        'Beslutning',
        'Godkendt.',
        'Fremstilling',
        'Sagsprocedure',
        'Kultur- og Fritidsudvalget.',
        'Resume',
        'Godkendelse af dagsorden.',
        'Indstilling',
        'Administrationen indstiller, at dagsordenen godkendes.',
        'Sagsbeskrivelse',
        'Tekst.',
        'Lovgrundlag',
        'Tekst.',
        'Økonomiske konsekvenser',
        'Ingen.',
      ),
    );
    expect(d.items[0].sections.map((s) => s.kind)).toEqual(['beslutning', 'other', 'sagens-gang', 'resume', 'indstilling', 'sagsfremstilling', 'other', 'okonomi']);
  });

  it('reads Aarhus’s Beslutninger and Beslutningspunkter, and not the upper-case title of a quoted proposal', () => {
    const d = read(
      doc(
        'Punkt 2: Svar på forslag',
        'EMN-2025-003383',
        'Beslutninger',
        'Fremsendes til Teknisk Udvalg.',
        'BESLUTNINGSFORSLAG FRA DD',
        'Tekst.',
        'INDSTILLING FRA MAGISTRATSAFDELINGEN FOR TEKNIK OG MILJØ',
        'Tekst.',
        'Resume',
        'Tekst.',
        'Beslutningspunkter',
        'Det indstilles:',
        'At 1) der sikres plads.',
      ),
    );
    expect(d.items[0].sections.map((s) => [s.kind, s.heading.text])).toEqual([
      ['beslutning', 'Beslutninger'],
      ['resume', 'Resume'],
      ['indstilling', 'Beslutningspunkter'],
    ]);
  });

  it('takes a dated decision heading of this meeting for the Beslutning, and another body’s for history', () => {
    const d = read(
      doc(
        'Referat Økonomiudvalget d. 30-10-2024',
        '',
        'Punkt 1: Budget',
        '',
        'Indstilling fra Direktionen',
        'At budgettet godkendes.',
        '',
        'Beslutning i Økonomiudvalget den 30. oktober 2024:',
        'Anbefales.',
        '',
        'Sagsfremstilling',
        'Tekst.',
        '',
        'Beslutning i Plan- og Tryghedsudvalget den 12. august 2025:',
        'Anbefales.',
        '',
        'Direktørens indstilling',
        'Tekst.',
      ),
    );
    expect(d.items[0].sections.map((s) => s.kind)).toEqual(['indstilling', 'beslutning', 'sagsfremstilling', 'sagsforlob', 'indstilling']);
  });

  it('takes `Beslutning <udvalg> den <dato>` without `i` (OS2dagsorden) for the Beslutning, and another body’s for history', () => {
    const d = read(
      doc(
        'Referat',
        'Økonomiudvalget',
        'mandag den 11. marts 2024 kl. 16:00',
        '',
        '1. Salg af ejendom',
        'Lukket sag',
        'Sagsnummer: 24/7',
        'Beslutning Byrådet den 04-03-2024',
        'Oversendt.',
        'Beslutning Økonomiudvalget den 11-03-2024',
        'Godkendt. Carl Nielsen (F) stemte imod.',
      ),
    );
    expect(d.items.map((i) => [i.number, i.caseNumber?.text, i.sections.map((s) => s.kind), i.votes.length])).toEqual([[1, '24/7', ['sagsforlob', 'beslutning'], 1]]);
  });

  it('finds a heading word with a zero-width space or a soft hyphen in it', () => {
    const d = read(doc('Punkt 1: A', '', 'Beslut\u200bning', '', 'Godkendt.', '', 'Indstil\u00adling', '', 'Tekst.'));
    expect(d.items[0].sections.map((s) => s.kind)).toEqual(['beslutning', 'indstilling']);
  });

  it('lets `Administrationen indstiller:` leading into a list give way to the plain Indstilling heading', () => {
    const d = read(
      doc(
        'Punkt 1: A',
        '22-1',
        '',
        'Beslutning',
        'Godkendt.',
        'Sagsbeskrivelse',
        'Tekst.',
        'Administrationen indstiller:',
        '5. at sagen tages til efterretning.',
        'Mere tekst.',
        'Indstilling',
        'Administrationen indstiller,',
        '1. at planen godkendes.',
      ),
    );
    const sections = d.items[0].sections;
    expect(sections.map((s) => [s.kind, s.heading.text])).toEqual([
      ['beslutning', 'Beslutning'],
      ['sagsfremstilling', 'Sagsbeskrivelse'],
      ['indstilling', 'Indstilling'],
    ]);
    // The lines under the sentence belong to the Sagsbeskrivelse.
    expect(sections[1].range.end.line).toBe(9);
  });
});

describe('history is not this meeting', () => {
  it('reads Sagens forløb as history: its votes and absences are not the meeting’s', () => {
    const d = read(
      doc(
        'Dagsorden Byråd 2022-2025 d. 06-02-2023',
        '',
        'Punkt 1: Budget',
        '22-000248',
        '',
        'Beslutning',
        'Godkendt.',
        'Sagens forløb',
        '30-01-2023 Økonomiudvalget',
        'Økonomiudvalget anbefaler indstillingen.',
        'Bjarke Abel (A) stemte imod.',
        'Anna Berg deltog ikke i mødet.',
      ),
    );
    const item = d.items[0];
    expect(item.sections.map((s) => s.kind)).toEqual(['beslutning', 'sagsforlob']);
    expect(item.votes).toEqual([]);
    expect(item.absences).toEqual([]);
    expect(item.history.map((h) => [h.date, h.body, h.text])).toEqual([
      ['2023-01-30', 'Økonomiudvalget', 'Økonomiudvalget anbefaler indstillingen. Bjarke Abel (A) stemte imod. Anna Berg deltog ikke i mødet.'],
    ]);
  });

  it('reads labelled history entries (Aarhus) and entries headed by body and date', () => {
    const text = doc(
      'Punkt 2: Svar på forslag',
      'EMN-2025-003383',
      'Beslutninger',
      'Godkendt.',
      'Sagsforløb',
      'Udvalg: Aarhus Byråd',
      'Dato: 26-03-2025',
      'Punktnummer: 21',
      'Sagens behandling blev udsat.',
      'Udvalg: Magistraten',
      'Dato: 19-08-2025',
      'Punktnummer: 4',
      'Fremsendes til Aarhus Byråd.',
      'Socialdemokratiet tog forbehold.',
      'Tidligere beslutninger',
      'Økonomiudvalget, 10. september 2019, pkt. 65:',
      'Anbefales.',
    );
    const item = read(text).items[0];
    expect(item.history.map((h) => [h.body, h.date, h.punkt, h.text])).toEqual([
      ['Aarhus Byråd', '2025-03-26', 21, 'Sagens behandling blev udsat.'],
      ['Magistraten', '2025-08-19', 4, 'Fremsendes til Aarhus Byråd. Socialdemokratiet tog forbehold.'],
      ['Økonomiudvalget', '2019-09-10', 65, 'Anbefales.'],
    ]);
    expect(slice(text, item.history[1].headRange)).toBe('Udvalg: Magistraten\nDato: 19-08-2025\nPunktnummer: 4');
    expect(item.votes).toEqual([]);
  });

  it('keeps a quoted decision of another body as history', () => {
    const item = read(
      doc(
        'Dagsorden Byråd 2022-2025 d. 08-09-2025',
        '',
        'Punkt 1: Lokalplan',
        '25-1',
        '',
        'Beslutning',
        'Godkendt.',
        'Supplerende sagsfremstilling',
        'Beslutning i Plan- og Tryghedsudvalget den 12. august 2025:',
        'Ikke til stede: Ingen',
        'For stemte (V).',
      ),
    ).items[0];
    expect(item.history.map((h) => [h.body, h.date])).toEqual([['Plan- og Tryghedsudvalget', '2025-08-12']]);
    expect(item.votes).toEqual([]);
  });
});

describe("a municipality's own words, from referat.config.json", () => {
  const text = doc(
    'Mødereferat Teknisk Udvalg d. 12-03-2024',
    '',
    'Punkt 1: Budget',
    '',
    'Direktørens anbefaling',
    'At budgettet godkendes.',
    '',
    'Udvalgets afgørelse',
    'Godkendt.',
  );

  it('reads nothing of them without the configuration', () => {
    const d = read(text);
    expect(d.meeting.committee).toBeNull();
    expect(d.items[0].sections).toEqual([]);
  });

  it('reads the absence phrases the configuration adds', () => {
    const minutesWithAbsence = doc('Referat Teknisk Udvalg d. 12-03-2024', '', 'Punkt 1: Budget', '', 'Beslutning', 'Godkendt.', '', 'Anna Berg (A) var forhindret.');
    expect(read(minutesWithAbsence).items[0].absences).toEqual([]);
    const absences = read(minutesWithAbsence, { vocabulary: { absence: ['var forhindret'] } }).items[0].absences;
    expect(absences.map((a) => [a.person.name, a.scope])).toEqual([['Anna Berg', 'meeting']]);
  });

  it('reads titles and section headings the configuration adds, with no code change', () => {
    const d = read(text, { vocabulary: { titles: ['Mødereferat'], sections: { indstilling: ['Direktørens anbefaling'], beslutning: ['Udvalgets afgørelse'] } } });
    expect(d.meeting).toMatchObject({ committee: 'Teknisk Udvalg', date: '2024-03-12' });
    expect(d.items[0].sections.map((s) => [s.kind, s.heading.text])).toEqual([
      ['indstilling', 'Direktørens anbefaling'],
      ['beslutning', 'Udvalgets afgørelse'],
    ]);
  });
});
