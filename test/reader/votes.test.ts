// Votes in every phrasing the minutes use, each with a real sentence from the Greve corpus, the
// Aarhus minutes or the seeds, and the tally the votes module makes of them with a membership.
import { describe, expect, it } from 'vitest';
import { Membership } from '../../server/src/config/membership';
import type { ReferatConfig } from '../../server/src/config/types';
import type { Punkt, Vote } from '../../server/src/model';
import { readReferat } from '../../server/src/reader';
import { countText, partyLetter, tallyVote } from '../../server/src/votes';

/** A Byråd of 21: V 9, A 6, C 2, D 1, F 1, Ø 1, UP 1. */
const member = (name: string, party: string) => ({ name, party });
const council = [
  ...[
    'Pernille Beckmann',
    'Anne Marie Lyduch',
    'Per Lund Sørensen',
    'Claus Jensen',
    'Lone Mortensen',
    'Marc Genning',
    'Simon Østergaard',
    'Torben Hoffmann',
    'Ronni Mark Nielsen',
  ].map((n) => member(n, 'V')),
  ...['Bjarke Abel', 'Charlotte Levin', 'John T. Olsen', 'Maria Witthøft', 'Tina Rottbøll', 'Kenneth Jerkel'].map((n) => member(n, 'A')),
  member('Brigitte Klintskov Jerkel', 'C'),
  member('Claus Dyremose', 'C'),
  member('Hans-Jørgen Kirstein', 'D'),
  member('Linda Heegaard', 'F'),
  member('Mehmet Zeki Dogru', 'Ø'),
  member('Liselott Blixt', 'UP'),
];
const config: ReferatConfig = { committees: [{ name: 'Byråd', period: '2022-2025', members: council }] };

/** The first punkt of a Byråd referat whose Beslutning is `lines`. */
function punkt(lines: readonly string[], title = 'REFERAT Byråd 2022-2025 d. 06-02-2023'): { item: Punkt; tally: (v: Vote) => ReturnType<typeof tallyVote> } {
  const text = [title, '', 'Punkt 1: Sag', '22-015262', '', 'Beslutning', ...lines, '', 'Sagsfremstilling', 'Tekst.', ''].join('\n');
  const doc = readReferat(text);
  const membership = new Membership(doc, config);
  const item = doc.items[0];
  return { item, tally: (v) => tallyVote(doc, item, v, membership) };
}

/** Each vote as `for/against/abstain` by the tally, with its outcome and points. */
function votes(lines: readonly string[]): string[] {
  const { item, tally } = punkt(lines);
  return item.votes.map((v) => {
    const t = tally(v);
    return `${countText(t.for)}/${countText(t.against)}/${countText(t.abstain)}${v.outcome ? ` ${v.outcome}` : ''}${v.points ? ` [${v.points.join(',')}]` : ''}`;
  });
}

describe('votes, as the minutes write them', () => {
  it('a stated tally wins, and the lists after it name the sides', () => {
    expect(
      votes([
        'Med stemmerne 19 for og 2 imod godkendte byrådet Økonomiudvalgets indstillinger.',
        'For stemte (V), (A), (C), (D) og Liselott Blixt (UP).',
        'Imod stemte:',
        '(Ø) med bemærkning om, ”at Enhedslisten stemmer imod.”',
        '(F) med bemærkning om, ”at SF stemmer imod.”',
      ]),
    ).toEqual(['19/2/0 vedtaget']);
    expect(votes(['Med stemmer 19 for og 1 imod godkendte Byrådet administrationens indstillingspunkt 1.'])).toEqual(['19/1/0 vedtaget']);
    expect(votes(['Med stemmerne 19 for 1 imod godkendte byrådet Økonomiudvalgets indstilling.'])).toEqual(['19/1/0 vedtaget']);
    expect(
      votes([
        'Med stemmerne 12 for og ingen imod godkendte Byrådet administrationens indstilling 4. For stemte (V), (Ø), Liselott Blixt (UP-1) og Hans-Jørgen Kirstein (UP-2).',
        '(A), (C) og (F) undlod at tage stilling.',
      ]),
    ).toEqual(['12/0/9 vedtaget']);
    expect(votes(['Med stemmerne 1 for og 19 imod afviste Byrådet indstillingspunkt 1a - budgetforslag fremlagt af (Ø).'])).toEqual(['1/19/0 forkastet']);
    expect(votes(['2. Godkendt med stemmerne 19 for og 1 imod. Byrådet bemærker, at ...'])).toEqual(['19/1/0 vedtaget [2]']);
    expect(votes(['Forslaget blev vedtaget med 11 stemmer for (A, V, C, F og D) mod 2 (Ø).'])).toEqual(['11/2/0 vedtaget']);
  });

  it('a stated number that is not the members named is a finding', () => {
    const { item, tally } = punkt([
      'Med stemmerne 16 for og 2 imod godkendte byrådet økonomiudvalgets indstilling.',
      'For stemte (V), (A), (D), (Ø) og Liselott Blixt.',
      'Imod stemte (C) med bemærkning om, at C støtter administrationens indstilling.',
    ]);
    const t = tally(item.votes[0]);
    expect([t.for, t.against]).toEqual([16, 2]);
    expect(t.problems).toEqual([{ kind: 'stated', side: 'for', stated: 16, named: 18 }]);
  });

  it('named members: stemte imod, undlod at tage stilling, stemte for; the others present are for', () => {
    expect(
      votes([
        '1.-2. Anbefales ikke.',
        'Marc Genning (V), Torben Hoffmann (V), Per Lund Sørensen (V) og Hans-Jørgen Kirstein (D) stemte imod.',
        'Mehmet Zeki Dogru (Ø) stemte for.',
        'Claus Dyremose (C) undlod at tage stilling.',
      ]),
    ).toEqual(['1/4/1 forkastet [1,2]']);
    expect(votes(['Byrådet godkendte Økonomiudvalgets indstilling.', 'Mehmet Zeki Dogru (Ø) stemte imod.'])).toEqual(['20/1/0 vedtaget']);
    expect(
      votes([
        'Herefter satte formanden Tina Rotbølls (A) kandidatur til afstemning. Tina Rotbøll (A) stemte for, Linda Heegaard (F) stemte imod. Marc Genning (V), Anne-Marie Lyduch (V) og Claus Jensen (V) undlod at stemme.',
      ])[0],
    ).toMatch(/^\d+\/1\/3$/);
    expect(votes(['Liselott Blixt: Undlod.'])).toEqual(['20/0/1']);
  });

  it('party letters, with or without parentheses, and party aliases', () => {
    expect(votes(['A stemmer for, V og D stemmer imod og C undlader.'])).toEqual(['6/10/2']);
    expect(votes(['V og D stemmer for. A og C undlader.'])).toEqual(['10/0/8']);
    expect(votes(['Byrådet godkendte Økonomiudvalgets indstilling.', '(Ø) og (F) stemte imod indstillingen.', '(C) undlod at tage stilling til sagen.'])).toEqual([
      '17/2/2 vedtaget',
    ]);
    expect(votes(['8. Undlader S, C, M og Ø.'])).toEqual(['?/0/? [8]']);
    expect(partyLetter('S')).toBe('A');
    expect(partyLetter('SF')).toBe('F');
    expect(partyLetter('UP-1')).toBe('UP');
    expect(partyLetter('UP2')).toBe('UP');
    expect(partyLetter('S', { S: 'S' })).toBe('S');
  });

  it('a party the membership does not know leaves its side unknown, and no finding comes of it', () => {
    const { item, tally } = punkt(['Imod: A, C, Ø og M']);
    const t = tally(item.votes[0]);
    expect(t.against).toBeNull();
    expect(t.unresolved.against).toEqual(['M']);
    expect(t.problems).toEqual([]);
  });

  it('labels: For stemte:, Imod:, Undlod:, Undlod at stemme:, Stemte imod: with one voter a line', () => {
    expect(votes(['Byrådet godkendte Økonomiudvalgets indstilling.', 'Imod: Ø og F, F med bemærkning om, at ...'])).toEqual(['19/2/0 vedtaget']);
    expect(votes(['Byrådet godkendte Økonomiudvalgets indstilling.', 'Undlod at stemme: Ø og F'])).toEqual(['19/0/2 vedtaget']);
    // Backing the administration's recommendation where the council approved the committee's is dissent (Greve, 7 March 2022, punkt 24).
    expect(votes(['Byrådet godkendte Økonomiudvalgets indstilling.', '(A) og (Ø) følger administrationens indstilling.', '(F) undlod at tage stilling.'])).toEqual([
      '13/7/1 vedtaget',
    ]);
    // A remark in the middle of the list: the list goes on after it at `, og F` (Greve, 28 May 2025, punkt 21).
    const remarks =
      'Imod: A, Ø med bemærkning om, at der skal være mulighed for skovrejsning, men er imod motorvej i korridoren, og F, med bemærkning om, at F mener korridoren skal bevares.';
    expect(votes(['Byrådet godkendte Økonomiudvalgets indstilling.', remarks])).toEqual(['13/8/0 vedtaget']);
    // `og` in a remark followed by no party letter does not start a list again.
    expect(votes(['Byrådet godkendte Økonomiudvalgets indstilling.', 'Imod: Ø med bemærkning om, at skoler, og Veje, skal prioriteres.'])).toEqual(['20/1/0 vedtaget']);
    expect(
      votes([
        'Ad 1 og 2',
        'Stemte imod:',
        'A, med bemærkning om at A ønsker at hæve skatten med 0,4%.',
        'Ø, med bemærkning om at Ø har eget budgetforslag.',
        'Ad 4',
        'Imod stemte: Ø, da Ø har eget budget.',
      ]),
    ).toEqual(['14/7/0 [1,2]', '20/1/0 [4]']);
    expect(
      votes([
        'For administrationens indstilling stemte: Bjarke Abel (A)',
        'Imod administrationens indstilling stemte: Hans-Jørgen Kirstein (D), Torben Hoffmann (V) og Claus Jensen (V).',
      ]),
    ).toEqual(['1/3/0']);
    expect(votes(['For stemte:', 'Imod stemte: Liselott Blixt (UP), Simon Østergaard (V), Lone Mortensen (V), Charlotte Levin (A), Tina Rottbøll (A)'])).toEqual(['0/5/0']);
    expect(votes(['For stemte: Kenneth Jerkel (A) John T. Olsen (A), Tina Rottbøll (A), Brigitte Jerkel (C), Ø og F.'])[0]).toMatch(/^6\//);
  });

  it('groups and parties written out', () => {
    const { item } = punkt(['Radikale Venstres og Alternativets byrådsgrupper kunne ikke tiltræde indstillingen.', 'Socialistisk Folkeparti tog forbehold.']);
    expect(item.votes).toHaveLength(1);
    expect(item.votes[0].partyRefs.against.map((p) => [p.letter, p.group])).toEqual([
      ['B', false],
      ['Å', true],
    ]);
    expect(item.votes[0].partyRefs.abstain.map((p) => p.letter)).toEqual(['F']);
  });

  it('competing recommendations, each with its number of backers in parentheses: the largest carried', () => {
    // The shape of Økonomiudvalget's budget vote in Greve (2023-09-25, punkt 2), with other words.
    const line = '1. Enhedslisten anbefaler eget budgetforslag (1), og et flertal bestående af Venstre, Socialdemokratiet og Liselott Blixt (UP) anbefaler budgetforliget (19).';
    const { item } = punkt([line]);
    expect(item.votes).toHaveLength(1);
    const vote = item.votes[0];
    expect(vote.counts).toEqual({ for: 19, against: 1, abstain: null });
    expect(vote.partyRefs.against.map((p) => p.letter)).toEqual(['Ø']);
    expect(vote.for.map((n) => n.name)).toEqual(['Liselott Blixt']);
    expect(votes([line])).toEqual(['19/1/0 [1]']);
    // A tie carries nothing, and a count that ends no clause of a recommendation is no vote.
    expect(votes(['Enhedslisten anbefaler forslag A (3), og Venstre anbefaler forslag B (3).'])).toEqual([]);
    expect(votes(['Udvalget anbefaler, at der afsættes midler til 4 stillinger (2) og 3 elevpladser (5).'])).toEqual([]);
  });

  it('a majority or minority of parties, and parties that cannot recommend the motion itself', () => {
    expect(votes(['Et flertal (A, V og C) anbefaler indstillingen. Et mindretal (Ø) stemmer imod.'])).toEqual(['17/1/0']);
    expect(votes(['Ø og F kan ikke anbefale indstillingen.'])).toEqual(['19/2/0']);
    // A party's recommendation of something else stays a position.
    expect(votes(['Enhedslisten anbefaler et andet budgetforslag.'])).toEqual([]);
  });

  it('N stemmer mod M, a singular stemme, and a vote against recorded in the minutes', () => {
    expect(votes(['Godkendt med 20 stemmer mod 1 (Ø).'])).toEqual(['20/1/0 vedtaget']);
    expect(votes(['Indstillingen blev godkendt med 20 stemmer for og 1 stemme imod.'])).toEqual(['20/1/0 vedtaget']);
    expect(votes(['Godkendt. Mehmet Zeki Dogru (Ø) ønskede sin stemme imod ført til protokols.'])).toEqual(['20/1/0 vedtaget']);
    expect(votes(['Godkendt med 19 stemmer for, 1 imod og 1 der undlod at stemme.'])).toEqual(['19/1/1 vedtaget']);
    expect(votes(['Indstillingen blev godkendt.', '2 stemte imod (Ø og F).'])).toEqual(['19/2/0 vedtaget']);
    // Only the side for is named, and the proposal fell: the others present were against.
    expect(votes(['Forslaget blev forkastet, idet kun Ø stemte for.'])).toEqual(['1/20/0 forkastet']);
  });

  it('sub-points: a vote per set of points', () => {
    expect(
      votes([
        'Byrådet godkendte Økonomiudvalgets indstilling.',
        'Bjarke Abel (A), stemte imod punkt 2.',
        'Linda Heegaard (F), stemte imod punkt 2.',
        'Mehmet Zeki Dogru (Ø), stemte imod punkt 2 og 3.',
      ]),
    ).toEqual(['18/3/0 [2]', '20/1/0 [3]']);
    expect(votes(['Byrådet godkendte Økonomiudvalgets indstilling.', '2. a. Ø stemte imod.', '2. c. F stemte imod.'])).toEqual(['20/1/0 [2a]', '20/1/0 [2c]']);
    expect(
      votes([
        '1. a) - e) godkendes',
        '(Ø) stemmer imod pkt. 1. b), idet udgiften ikke står mål med udgiften.',
        '(Ø) stemmer imod pkt. 1. d), da det ikke løser parkeringsudfordringen.',
      ]),
    ).toEqual([
      // `1. a) - e) godkendes` says the outcome of points the votes are not all about: none is taken.
      '20/1/0 [1b]',
      '20/1/0 [1d]',
    ]);
    expect(votes(['For punkt 16', 'Imod: Ø og F', 'For punkt 27', 'Imod: Ø'])).toEqual(['19/2/0 [16]', '20/1/0 [27]']);
    expect(
      votes([
        '1 a. Ikke godkendt',
        'For stemte: Ø',
        'Imod stemte: V, A, C, Liselott Blixt (UP) og F',
        '',
        '1 c. Godkendt',
        'For stemte: V, C, Liselott Blixt (UP) og F',
        'Imod stemte: A og Ø',
      ]),
    ).toEqual(['1/19/0 forkastet [1a]', '13/7/0 vedtaget [1c]']);
    // The unnamed are against when the decision was rejected.
    expect(votes(['2. Ikke godkendt.', 'For stemte V.'])).toEqual(['9/12/0 forkastet [2]']);
  });

  it('two tallies share the lists after them', () => {
    expect(
      votes([
        'Med stemmer 19 for og 1 imod godkendte Byrådet administrationens indstillingspunkt 1.',
        'Yderligere godkendte Byrådet med stemmerne 19 for og 1 imod administrationens indstillingspunkt 2 og 3.',
        'For stemte: (V), (D), Liselott Blixt (UP), (A) og (C).',
        'Imod stemte: (Ø).',
        '(F) undlod at tage stilling.',
      ]),
    ).toEqual(['19/1/1 vedtaget', '19/1/1 vedtaget']);
  });

  it('not votes: a committee that declines, a recommendation of something else, a vote for another recommendation', () => {
    expect(votes(['Udvalget undlod at tage stilling.'])).toEqual([]);
    expect(
      votes([
        'Økonomiudvalget anbefaler overfor Byrådet at Kultur- og Fritidsudvalgets indstilling godkendes.',
        'Brigitte Klintskov Jerkel (C) anbefaler, at der udarbejdes et udvidelsesforslag.',
      ]),
    ).toEqual([]);
    expect(
      votes([
        '2. Økonomiudvalget kan, overfor Byrådet, ikke anbefale at der udarbejdes et udvidelsesforslag.',
        'John T. Olsen (A) stemte for administrationens indstillingspunkt 2.',
      ]),
    ).toEqual([]);
    expect(votes(['Enhedslisten er imod nedrivning af almene boliger.'])).toEqual([]);
    expect(votes(['Godkendt', 'Mehmet Zeki Dogru (Ø) og Bjarke Abel (A) undlader.'])).toEqual(['19/0/2 vedtaget']);
  });

  it('absences in the decision, with stand-ins, count at the punkt', () => {
    const { item, tally } = punkt([
      'Byrådet godkendte Økonomiudvalgets indstilling.',
      'Undlod: Ø',
      'Afbud: Ronni Mark Nielsen, Torben Hoffmann (Stedfortræder: Claus Jensen)',
      'Fraværende: Charlotte Levin',
    ]);
    expect(item.absences.map((a) => [a.person.name, a.substitute?.name ?? null])).toEqual([
      ['Ronni Mark Nielsen', null],
      ['Torben Hoffmann', 'Claus Jensen'],
      ['Charlotte Levin', null],
    ]);
    expect(tally(item.votes[0])).toMatchObject({ for: 17, against: 0, abstain: 1, present: 18 });
    const standIn = punkt(['Jette Andersen deltog som suppleant for Kenneth Jerkel i behandlingen af punktet.', 'Afbud fra Tina Rottbøll (A)']).item;
    expect(standIn.absences.map((a) => [a.person.name, a.substitute?.name ?? null])).toEqual([
      ['Kenneth Jerkel', 'Jette Andersen'],
      ['Tina Rottbøll', null],
    ]);
  });

  it('a role after a name in a list is its role', () => {
    const { item } = punkt(['Lone Kjær (A), formand, og Henrik Bundgaard (V), næstformand, stemte imod.']);
    expect(item.votes[0].against.map((n) => [n.name, n.party, n.role])).toEqual([
      ['Lone Kjær', 'A', 'formand'],
      ['Henrik Bundgaard', 'V', 'næstformand'],
    ]);
  });
});
