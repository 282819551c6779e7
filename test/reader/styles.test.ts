// The reader on every style the format comes in, written small so that each case shows one thing.
import { describe, expect, it } from 'vitest';
import { readReferatStrict as read } from '../../server/src/reader';
import { doc, slice } from '../helpers/text';
import { readSeed } from '../helpers/golden';

describe('header styles', () => {
  it('reads a markdown title with bold, Mødedato and Mødested labels in bold', () => {
    const text = doc(
      '',
      '# **REFERAT Beskæftigelses- og Socialudvalget 2018-2021 d. 23-06-2020**',
      '',
      '**Mødedato** Tirsdag d. 23. juni 2020 kl. 08:30',
      '',
      '**Mødested** Nordatlantisk Hus',
      '',
      '# Punkt 1: A',
    );
    const m = read(text).meeting;
    expect(m).toMatchObject({ committee: 'Beskæftigelses- og Socialudvalget', period: '2018-2021', date: '2020-06-23', time: '08:30', place: 'Nordatlantisk Hus' });
    expect(slice(text, m.titleRange!)).toBe('REFERAT Beskæftigelses- og Socialudvalget 2018-2021 d. 23-06-2020');
    expect(slice(text, m.committeeRange!)).toBe('Beskæftigelses- og Socialudvalget');
    expect(m.titleDate).toMatchObject({ iso: '2020-06-23', text: '23-06-2020' });
    expect(m.meetingDate).toMatchObject({ iso: '2020-06-23', weekday: 'Tirsdag' });
    expect(slice(text, m.meetingDate!.range)).toBe('23. juni 2020');
  });

  it('reads a period written with spaces and a wrapped attendee list with absence marks', () => {
    const text = readSeed('003_4215b85305d5dec8.txt');
    const m = read(text).meeting;
    expect(m.period).toBe('2018-2021');
    expect(m.attendees.map((a) => a.name)).toContain('John Rosenhøj');
    const john = m.attendees.find((a) => a.name === 'John Rosenhøj')!;
    // The name is wrapped over two lines: its range starts on one and ends on the next.
    expect(john.range.start.line).toBe(john.range.end.line - 1);
    expect(slice(text, john.range)).toBe('John\nRosenhøj');
    expect(m.attendees.find((a) => a.name === 'Hans Hammann')).toMatchObject({ absent: true, note: 'Fravær' });
  });

  it('reads the stacked 001 title: Referat / til / mødet i ... / den ... / i ..., and Mødet hævet', () => {
    const m = read(readSeed('001_bcefb93b7da31050.txt')).meeting;
    expect(m).toMatchObject({
      committee: 'Beskæftigelses- og Socialudvalget',
      date: '2016-09-20',
      time: '08:30',
      place: 'HK Midt, Mødecenter Fabrikken, Lumbyvej 17 F, Lokale 8, 5000 Odense C',
      adjourned: '14.07',
    });
    expect(m.titleDate).toBeNull();
  });

  it('keeps an impossible date as written, without an ISO form', () => {
    const m = read(doc('REFERAT Udvalget d. 31-02-2020', '', 'Mødedato Mandag d. 31. februar 2020 kl. 08:30')).meeting;
    expect(m.titleDate).toMatchObject({ iso: null, text: '31-02-2020' });
    expect(m.meetingDate).toMatchObject({ iso: null, text: '31. februar 2020' });
    expect(m.date).toBeNull();
  });

  it('reads a Medlemmer block one member a line, substitutes, and Fraværende with the items it applies to', () => {
    const m = read(
      doc(
        'Beslutningsprotokol for Økonomiudvalget 2022-2025 den 10. september 2024',
        '',
        'Medlemmer',
        'Formand Anna Hansen (A)',
        'Næstformand Bo Jensen (V)',
        'Carl Møller (A), Suppleant for Dorte Lund (A)',
        '',
        'Fraværende: Dorte Lund (A), Bo Jensen (V), sag 129-138',
        '',
        'Punkt 1: X',
      ),
    ).meeting;
    expect(m.committee).toBe('Økonomiudvalget');
    expect(m.date).toBe('2024-09-10');
    expect(m.attendees).toEqual([
      expect.objectContaining({ name: 'Anna Hansen', role: 'Formand', party: 'A', absent: false }),
      expect.objectContaining({ name: 'Bo Jensen', role: 'Næstformand', party: 'V', absent: true, note: 'sag 129-138' }),
      expect.objectContaining({ name: 'Carl Møller', party: 'A', absent: false }),
      expect.objectContaining({ name: 'Dorte Lund', party: 'A', absent: true }),
    ]);
  });

  it('reads "Fraværende: Ingen." as nobody absent', () => {
    const m = read(doc('REFERAT Udvalget d. 01-01-2024', '', 'Mødedeltagere Anna Hansen, Bo Jensen', 'Fraværende: Ingen.')).meeting;
    expect(m.attendees.map((a) => [a.name, a.absent])).toEqual([
      ['Anna Hansen', false],
      ['Bo Jensen', false],
    ]);
  });
});

describe('agenda items in every heading style', () => {
  it('reads Punkt headings in markdown, bold, markdown+bold and plain style, whatever their level', () => {
    const text = doc('# Punkt 1: Et', '', '**Punkt 2: To**', '', '#### **Punkt 3: Tre**', '', 'Punkt 4: Fire', '', '## Underoverskrift', '', '# Punkt 5: Fem');
    const items = read(text).items;
    expect(items.map((i) => [i.number, i.title])).toEqual([
      [1, 'Et'],
      [2, 'To'],
      [3, 'Tre'],
      [4, 'Fire'],
      [5, 'Fem'],
    ]);
    expect(items.map((i) => i.heading.style)).toEqual(['markdown', 'bold', 'markdown', 'plain', 'markdown']);
    expect(slice(text, items[2].titleRange)).toBe('Tre');
    expect(slice(text, items[2].numberRange)).toBe('3');
    // A sub-heading with a higher markdown level than the item stays inside it.
    expect(items[3].range.end.line).toBe(8);
  });

  it('does not take a sentence that mentions a punkt, or a TOC line, for an item', () => {
    const text = doc(
      'Indholdsfortegnelse',
      '',
      'Punkt 1: Et.....\t3',
      '',
      'Punkt 1: Et',
      '',
      'Beslutning',
      '',
      'Udvalget godkender indstillingens punkt 1 og 2.',
      'Punkt 2: som nævnt ovenfor',
    );
    expect(read(text).items.map((i) => i.number)).toEqual([1]);
  });

  it('reads case-type prefixes and keeps them in the title', () => {
    const items = read(doc('Punkt 1: B-sag: Beslutning om x', '', 'Punkt 2: E-sag: Initiativretsforslag fra Claus Houden (V): Hjælp', '', 'Punkt 3: Sag uden type')).items;
    expect(items.map((i) => [i.caseType, i.title])).toEqual([
      ['B', 'B-sag: Beslutning om x'],
      ['E', 'E-sag: Initiativretsforslag fra Claus Houden (V): Hjælp'],
      [null, 'Sag uden type'],
    ]);
  });

  it('reads the 001 style: category groups, N. Title items, access marker and case number', () => {
    const text = readSeed('001_bcefb93b7da31050.txt');
    const d = read(text);
    expect(d.toc?.heading).toBeNull();
    expect(d.toc?.entries).toHaveLength(16);
    expect(d.toc?.entries[11]).toMatchObject({ number: 12, category: 'D', title: 'Virksomhedsindsatser i Beskæftigelses- og Socialforvaltningen' });
    expect(d.categories.map((c) => c.letter)).toEqual(['A', 'B', 'C', 'D']);
    const item13 = d.items[12];
    expect(item13).toMatchObject({ number: 13, title: 'Sanktioner', category: 'D', caseType: 'D', access: 'Åbent' });
    expect(item13.caseNumber).toMatchObject({ text: '15.00.00-G01-29-16', scheme: 'kle' });
    expect(slice(text, item13.caseNumber!.range)).toBe('15.00.00-G01-29-16');
    // The category line before item 12 ends item 11.
    expect(d.items[10].range.end.line).toBeLessThan(d.categories[3].range.start.line);
    // Numbered lists inside items (`1. Model 4 ...`) are not items.
    expect(d.items.map((i) => i.number)).toEqual([...Array(16).keys()].map((k) => k + 1));
  });

  it('reads N. Title items without category lines when the TOC or a case number confirms them', () => {
    const text = doc(
      'REFERAT Økonomiudvalget d. 10-09-2019',
      '',
      '301. Åben dagsorden - godkendelse',
      '',
      'Sagsnr.: 2012-28504',
      '',
      'Beslutning',
      '',
      '1. Et punkt i en liste',
      '',
      'Godkendt.',
      '',
      '302. Budget 2020',
      'S2019-1234',
    );
    const items = read(text).items;
    expect(items.map((i) => [i.number, i.title, i.caseNumber?.text, i.caseNumber?.scheme])).toEqual([
      [301, 'Åben dagsorden - godkendelse', '2012-28504', 'other'],
      [302, 'Budget 2020', 'S2019-1234', 'odder'],
    ]);
  });

  it('reads a title line followed by Sag nr. N', () => {
    const items = read(doc('REFERAT Byrådet d. 01-02-2024', '', 'Godkendelse af dagsorden', 'Sag nr. 130', '', 'Beslutning', '', 'Godkendt.', '', 'Budget', 'Sag nr. 131')).items;
    expect(items.map((i) => [i.number, i.title])).toEqual([
      [130, 'Godkendelse af dagsorden'],
      [131, 'Budget'],
    ]);
  });

  it('reads case numbers of every scheme, with access markers, and leaves prose alone', () => {
    const cases = read(
      doc(
        'Punkt 1: a',
        '27.57.12-Ø34-2-24',
        '',
        'Punkt 2: b',
        'Lukket - 00.01.00-A00-1-24',
        '',
        'Punkt 3: c',
        '',
        'Sagsnr.: 2012-28504',
        '',
        'Punkt 4: d',
        '',
        'Resume',
        '',
        'Punkt 5: e',
        '',
        '00.15.00-A00-20',
        '',
        'Punkt 6: f',
        '',
        'Der er 3 sager.',
      ),
    ).items.map((i) => [i.caseNumber?.text ?? null, i.caseNumber?.scheme ?? null, i.access]);
    expect(cases).toEqual([
      ['27.57.12-Ø34-2-24', 'kle', null],
      ['00.01.00-A00-1-24', 'kle', 'Lukket'],
      ['2012-28504', 'other', null],
      [null, null, null],
      // A damaged KLE number is still read as the case number: validation says what is wrong with it.
      ['00.15.00-A00-20', 'kle', null],
      [null, null, null],
    ]);
  });
});

describe('sections', () => {
  it('recognises section words in every decoration and ignores sentences that start with them', () => {
    const text = doc(
      'Punkt 1: X',
      '',
      '## **Sagsresumé**',
      '',
      'Forvaltningen indstiller at udvalget tager orienteringen til efterretning.',
      '',
      'INDSTILLING',
      '',
      'Tekst.',
      '',
      '**Beslutning**',
      '',
      'Godkendt',
      '',
      'Forvaltningen indstiller',
      '',
      'At forslaget godkendes',
      '',
      'Sagens gang',
      '',
      'Bilag',
      '',
      'Bilag 1. Noget',
      '',
      'Bilag',
    );
    const sections = read(text).items[0].sections;
    expect(sections.map((s) => [s.kind, s.heading.text, s.heading.style])).toEqual([
      ['resume', 'Sagsresumé', 'markdown'],
      ['indstilling', 'INDSTILLING', 'upper'],
      ['beslutning', 'Beslutning', 'bold'],
      ['indstilling', 'Forvaltningen indstiller', 'plain'],
      ['sagens-gang', 'Sagens gang', 'plain'],
      ['bilag', 'Bilag', 'plain'],
      ['bilag', 'Bilag', 'plain'],
    ]);
    expect(slice(text, sections[0].heading.textRange)).toBe('Sagsresumé');
    expect(sections[0].range.end.line).toBe(4);
  });

  it('reads an unknown heading before any known one as a section of kind other, and later ones as sub-headings', () => {
    const text = doc(
      '# Punkt 1: X',
      '',
      '## Initiativretsforslag',
      '',
      'Tekst.',
      '',
      '### Motivation',
      '',
      'Mere.',
      '',
      '### Indstilling fra forslagsstiller',
      '',
      '## Noget nyt',
      '',
      'Tekst.',
    );
    const sections = read(text).items[0].sections;
    expect(sections.map((s) => [s.kind, s.heading.text, s.subheadings.map((h) => h.heading.text)])).toEqual([
      ['other', 'Initiativretsforslag', ['Motivation']],
      ['indstilling', 'Indstilling fra forslagsstiller', ['Noget nyt']],
    ]);
  });
});

describe('decisions and votes', () => {
  const vote = (lines: string[]) => read(doc('REFERAT Beskæftigelses- og Socialudvalget 2022-2025 d. 26-11-2024', '', 'Punkt 1: X', '', 'Beslutning', '', ...lines)).items[0];

  it('reads names with role words, party letters after a comma, and samt/og separators', () => {
    const text = doc(
      'Punkt 1: X',
      '',
      'Beslutning',
      '',
      'Rådmand Brian Dybro (F) samt udvalgsmedlemmerne Cæcilie Crawley (A), Michael Eskamp Witek (A) og Reza Javid, (Ø) stemmer for ændringsforslaget.',
    );
    const v = read(text).items[0].votes[0];
    expect(v.for.map((n) => [n.name, n.party, n.role])).toEqual([
      ['Brian Dybro', 'F', 'Rådmand'],
      ['Cæcilie Crawley', 'A', 'udvalgsmedlemmerne'],
      ['Michael Eskamp Witek', 'A', null],
      ['Reza Javid', 'Ø', null],
    ]);
    expect(v.for.map((n) => slice(text, n.range))).toEqual(['Brian Dybro', 'Cæcilie Crawley', 'Michael Eskamp Witek', 'Reza Javid']);
    expect(slice(text, v.for[3].partyRange!)).toBe('(Ø)');
    expect(v.subject).toBe('ændringsforslaget');
  });

  it('groups a proposal, its quote, the vote sentences and the outcome into one vote', () => {
    const item = vote([
      'Udvalgsmedlem Reza Javid (Ø) stiller følgende ændringsforslag:',
      '',
      '"Vi foreslår, at udvalget stemmer for noget andet."',
      '',
      'Udvalgsmedlemmerne Reza Javid (Ø) og Mads Thomsen (A) stemmer for ændringsforslaget.',
      '',
      'Udvalgsmedlem Joachim Hoffmann-Petersen (C) undlader at stemme.',
      '',
      'Ændringsforslaget er dermed vedtaget.',
      '',
      'Beskæftigelses- og Socialudvalget anbefaler indstillingen.',
    ]);
    expect(item.votes).toHaveLength(1);
    const v = item.votes[0];
    expect(v.proposal?.proposers.map((p) => p.name)).toEqual(['Reza Javid']);
    expect(v.proposal?.text).toBe('Vi foreslår, at udvalget stemmer for noget andet.');
    expect([v.for.length, v.against.length, v.abstain.map((n) => n.name)]).toEqual([2, 0, ['Joachim Hoffmann-Petersen']]);
    expect(v.outcome).toBe('vedtaget');
    expect(item.decisions.map((d) => d.kind)).toEqual(['recommend']);
  });

  it('reads the counted form, also without blank lines between the sides', () => {
    const v = vote(['For stemte: 5 (A, F og V)', 'Imod stemte: 2 (Ø)', 'Undlod at stemme: 0', '', 'Indstillingen er dermed vedtaget.']).votes;
    expect(v).toHaveLength(1);
    expect(v[0].counts).toEqual({ for: 5, against: 2, abstain: 0 });
    expect(v[0].parties).toEqual({ for: ['A', 'F', 'V'], against: ['Ø'], abstain: [] });
    expect(v[0].outcome).toBe('vedtaget');
    expect(v[0].line).toBe(6);
  });

  it('reads counted members by party and a majority group by name', () => {
    const item = vote(['5 medlemmer (A+V+C) anbefaler forslaget.', '', '2 medlemmer (N+Ø) stemmer imod.']);
    expect(item.votes[0].counts).toEqual({ for: 5, against: 2, abstain: null });
    const group = vote(['Et flertal bestående af Anna Hansen (A) og Bo Jensen (V) anbefaler indstillingen.']).votes[0];
    expect(group.for.map((n) => n.name)).toEqual(['Anna Hansen', 'Bo Jensen']);
  });

  it('does not read a committee statement as a vote, nor its sentence as the outcome', () => {
    const item = vote([
      'Brian Dybro (F) og Mark Grossmann (V) anbefaler planen.',
      '',
      'Udvalgsmedlem Reza Javid, (Ø) stemmer imod planen, fordi den er forkert.',
      '',
      'Beskæftigelses- og Socialudvalget stemmer for følgende initiativer. Initiativerne er godkendt.',
    ]);
    expect(item.votes).toHaveLength(1);
    expect(item.votes[0].outcome).toBeNull();
    expect(item.decisions).toHaveLength(1);
  });

  it('ends an unclosed quote where the votes begin', () => {
    const item = vote([
      'Rådmand Christoffer Lilleholt (V) stiller følgende ændringsforslag:',
      '',
      '"Venstre ønsker at prioritere "Børn og Unge":',
      '- Børns Vilkår – tillæg på 5.000 kr.',
      '',
      'Rådmand Christoffer Lilleholt (V) stemmer for ændringsforslaget.',
      '',
      'Udvalgsmedlem Reza Javid (Ø) stemmer imod ændringsforslaget.',
      '',
      'Ændringsforslaget er dermed forkastet.',
    ]);
    expect(item.votes).toHaveLength(1);
    expect(item.votes[0].outcome).toBe('forkastet');
    expect(item.votes[0].proposal?.text).toContain('Børns Vilkår');
  });

  it('attributes statements and absences to the committee named before them in joint items', () => {
    const item = vote([
      'Beskæftigelses- og Socialudvalget anbefaler indstillingen.',
      '',
      'Udvalgsmedlem Nicolai Busch Bæhrenz deltog ikke i mødet.',
      '',
      'Børn- og Ungeudvalget anbefaler indstillingen.',
      '',
      'Udvalgsmedlem Anne-Mette Ebensgaard deltog ikke i mødet.',
      '',
      'Rådmand Søren Windell (C) deltog ikke under punktet.',
    ]);
    expect(item.decisions.map((d) => d.committee)).toEqual([null, 'Børn- og Ungeudvalget']);
    expect(item.absences.map((a) => [a.person.name, a.scope, a.committee])).toEqual([
      ['Nicolai Busch Bæhrenz', 'meeting', null],
      ['Anne-Mette Ebensgaard', 'meeting', 'Børn- og Ungeudvalget'],
      ['Søren Windell', 'item', 'Børn- og Ungeudvalget'],
    ]);
  });

  it('attributes an earlier treatment quoted in the item to that body and date', () => {
    const item = vote(['Økonomiudvalget, 10. september 2019, pkt. 65:', '', 'Anbefales.', '', 'Anna Hansen (A) deltog ikke i behandlingen.']);
    expect(item.absences[0].committee).toBe('Økonomiudvalget, 10. september 2019, pkt. 65');
    expect(item.decisions[1]).toMatchObject({ kind: 'recommend', committee: 'Økonomiudvalget, 10. september 2019, pkt. 65' });
  });

  it('reads "Ikke til stede:" inside a Beslutning as an absence', () => {
    const item = vote(['Ikke til stede: Anna Hansen (C) og Bo Jensen (V).']);
    expect(item.absences.map((a) => [a.person.name, a.person.party])).toEqual([
      ['Anna Hansen', 'C'],
      ['Bo Jensen', 'V'],
    ]);
  });

  it('reads a tie recorded as forkastet (002 item 3) and an absent member under every item (002)', () => {
    const d = read(readSeed('002_00cfbdd4d29f5775.txt'));
    const v = d.items[2].votes[0];
    expect([v.for.length, v.against.length, v.outcome]).toEqual([2, 2, 'forkastet']);
    expect(d.items.every((i) => i.absences.some((a) => a.person.name.startsWith('Nicolai Busch B') && a.committee === null))).toBe(true);
  });
});

describe('HTML comments', () => {
  it('are not part of the words of a line, alone or after a heading', () => {
    const text = doc(
      'Punkt 1: Et <!-- referat-disable-line toc-mismatch -->',
      '',
      '00.15.00-A00-20-19 <!-- note -->',
      '',
      '<!-- referat-disable-next-line -->',
      'Beslutning',
      '',
      'Godkendt.',
    );
    const item = read(text).items[0];
    expect(item.title).toBe('Et');
    expect(item.caseNumber?.text).toBe('00.15.00-A00-20-19');
    expect(item.sections.map((s) => s.kind)).toEqual(['beslutning']);
  });
});

describe('found by fuzzing', () => {
  it('takes a TOC heading after the first item for a line of that item, and reads Sag nr. across empty lines', () => {
    const text = doc('Godkendelse af dagsorden', '', '\u00a0', '', 'Sag nr. 7', 'Beslutning', '', 'Godkendt.', '', 'Indholdsfortegnelse', '## Resume');
    const d = read(text);
    expect(d.toc).toBeNull();
    expect(d.items.map((i) => [i.number, i.title, i.sections.map((s) => s.kind)])).toEqual([[7, 'Godkendelse af dagsorden', ['beslutning', 'resume']]]);
  });
});
