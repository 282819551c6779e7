// `referat init`'s inference, on the document model of small referater written for each case and of
// the seeds: who is a member, their party, role, other spellings and dates on the committee, and
// what it says it was unsure of.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configText, electionPeriod, inferConfig, type InitNote, type InitSource, nameLikeness, partyLetter, roleOf } from '../../server/src/config/infer';
import { parseConfig } from '../../server/src/config/load';
import type { CommitteeConfig, MemberConfig } from '../../server/src/config/types';
import { readReferat } from '../../server/src/reader';

const root = path.resolve(__dirname, '../..');

/** A referat of one meeting: the 003 style header with an attendance list, and a body. */
function referat(committee: string, date: string, attendees: string, body = 'Godkendt.'): string {
  const [y, m, d] = date.split('-');
  return [
    `REFERAT ${committee} d. ${d}-${m}-${y}`,
    '',
    `Mødedato Mandag d. ${Number(d)}. januar ${y} kl. 16:00`,
    '',
    'Mødested Mødelokale 1',
    '',
    `Mødedeltagere ${attendees}`,
    '',
    'Punkt 1: Godkendelse af dagsorden',
    '',
    'Beslutning',
    '',
    body,
    '',
  ].join('\n');
}

const source = (file: string, text: string): InitSource => ({ file, doc: readReferat(text), text });

/** Meetings of one committee on the first of each month of 2023, one attendance list each. */
function series(committee: string, lists: string[], bodies: string[] = []): InitSource[] {
  return lists.map((list, i) => {
    const date = `2023-${String(i + 1).padStart(2, '0')}-01`;
    return source(`${committee}-${date}.txt`, referat(committee, date, list, bodies[i]));
  });
}

const committee = (result: ReturnType<typeof inferConfig>, name: string, period = '2022-2025'): CommitteeConfig => {
  const found = result.config.committees?.find((c) => c.name === name && c.period === period);
  if (!found) throw new Error(`no ${name} ${period} in ${JSON.stringify(result.config)}`);
  return found;
};
const byName = (c: CommitteeConfig, name: string): MemberConfig[] => c.members.filter((m) => m.name === name);
const codes = (notes: InitNote[]) => notes.map((n) => n.code);

describe('referat init: the inference', () => {
  it('takes the members from the attendance lists: most meetings between their first and last', () => {
    const regulars = 'Anna Holm (A), Bent Lund (V), Carl Berg (C)';
    const result = inferConfig(
      series('Kulturudvalget', [
        `${regulars}, Dina Fog (F), Erik Moe (O)`,
        `${regulars}, Dina Fog (F)`,
        `${regulars}, Dina Fog (F) (Fravær), Gorm Vang (Ø)`,
        `${regulars}, Frida Ask (Ø)`,
        `${regulars}, Frida Ask (Ø)`,
        `${regulars}, Frida Ask (Ø), Erik Moe (O)`,
      ]),
    );
    const c = committee(result, 'Kulturudvalget');
    expect(c.members.map((m) => m.name).sort()).toEqual(['Anna Holm', 'Bent Lund', 'Carl Berg', 'Dina Fog', 'Frida Ask', 'Gorm Vang']);
    // Regulars have no dates; Dina left after her third meeting (absent at it: still on the list), Frida came at the fourth.
    expect(byName(c, 'Anna Holm')).toEqual([{ name: 'Anna Holm', party: 'A' }]);
    expect(byName(c, 'Dina Fog')).toEqual([{ name: 'Dina Fog', party: 'F', to: '2023-03-01' }]);
    expect(byName(c, 'Frida Ask')).toEqual([{ name: 'Frida Ask', party: 'Ø', from: '2023-04-01' }]);
    // Once only: kept for that day, and said.
    expect(byName(c, 'Gorm Vang')).toEqual([{ name: 'Gorm Vang', party: 'Ø', from: '2023-03-01', to: '2023-03-01' }]);
    expect(result.notes).toContainEqual({ code: 'once', args: { committee: 'Kulturudvalget 2022-2025', name: 'Gorm Vang', date: '2023-03-01' } });
    // Erik is listed at 2 of the 6 meetings from his first to his last: not a member, and said.
    expect(result.notes).toContainEqual({
      code: 'rarelyListed',
      args: { committee: 'Kulturudvalget 2022-2025', name: 'Erik Moe', count: 2, span: 6, from: '2023-01-01', to: '2023-06-01' },
    });
  });

  it('makes one person of the spellings of one, unless one list names both', () => {
    const result = inferConfig(
      series('Teknikudvalget', [
        'Hans-Jørgen Kirk (D), Mehmet Zeki Dogru (Ø), John T. Olsen (A), Anne Holm (V), Anne Holm Nielsen (V)',
        'Hans Jørgen Kirk (D), Mehmet Dogru (Ø), John T Olsen (A), Anne Holm (V), Anne Holm Nielsen (V)',
        'Hans-Jørgen Kirk (D), Mehmet Zeki Dogru (Ø), John T. Olesen (A), Anne Holm (V), Anne Holm Nielsen (V)',
        'Hans-Jørgen Kirk (D), Mehmet Zeki Dogru (Ø), John T. Olsen (A), Anne Holm (V), Anne Holm Nielsen (V)',
      ]),
    );
    const c = committee(result, 'Teknikudvalget');
    expect(c.members).toHaveLength(5);
    expect(byName(c, 'Hans-Jørgen Kirk')[0].aliases).toEqual(['Hans Jørgen Kirk']);
    expect(byName(c, 'Mehmet Zeki Dogru')[0].aliases).toEqual(['Mehmet Dogru']);
    expect(byName(c, 'John T. Olsen')[0].aliases).toEqual(['John T Olsen', 'John T. Olesen']);
    // Two people whose names are alike, on one list: two members, neither the other's alias.
    expect(byName(c, 'Anne Holm')[0].aliases).toBeUndefined();
    expect(byName(c, 'Anne Holm Nielsen')[0].aliases).toBeUndefined();
    expect(result.notes).toContainEqual({ code: 'aliases', args: { name: 'John T. Olsen', spellings: 'John T Olsen, John T. Olesen' } });
  });

  it('takes spellings met in the text as aliases when their party letter agrees, genitives and other letters not', () => {
    const lists = Array(3).fill('Tina Rottbøll, Linda Heegaard, Claus Jensen');
    const result = inferConfig(
      series('Skoleudvalget', lists, [
        'Tina Rotbøll (A) og Linda Heegaard (F) stemmer for.\nClaus Jensen (V) stemmer imod.',
        'Afbud fra Tina Rottbøll (A).\nFormanden Linda Heegaards (F) forslag blev vedtaget.',
        'Claus Jenssen (V) stemmer imod.\nTina Rottbøl (V) er en anden.',
      ]),
    );
    const c = committee(result, 'Skoleudvalget');
    expect(c.members).toEqual([
      { name: 'Claus Jensen', party: 'V', aliases: ['Claus Jenssen'] },
      { name: 'Linda Heegaard', party: 'F' },
      { name: 'Tina Rottbøll', party: 'A', aliases: ['Tina Rotbøll'] },
    ]);
  });

  it('reads party letters wherever a member is named, takes a letter met once or twice for a slip, and splits a change of party', () => {
    const list = 'Anna Holm, Bent Lund';
    const bodies = [
      'Anna Holm (A) og Bent Lund (D) stemmer for.',
      'Anna Holm (A) og Bent Lund (D) stemmer for.',
      'Anna Holm (O) og Bent Lund (D) stemmer for.',
      'Anna Holm (A) og Bent Lund (UP-2) stemmer for.',
      'Anna Holm (S) og Bent Lund (UP1) stemmer for.',
      'Anna Holm (A) og Bent Lund (UP) stemmer for.',
    ];
    const result = inferConfig(series('Byråd', Array(6).fill(list), bodies));
    const c = committee(result, 'Byråd');
    expect(byName(c, 'Anna Holm')).toEqual([{ name: 'Anna Holm', party: 'A' }]);
    expect(byName(c, 'Bent Lund')).toEqual([
      { name: 'Bent Lund', party: 'D', to: '2023-03-01' },
      { name: 'Bent Lund', party: 'UP', from: '2023-04-01' },
    ]);
    expect(result.notes).toContainEqual({ code: 'partySlip', args: { name: 'Anna Holm', party: 'O', count: 1, files: 'Byråd-2023-03-01.txt', main: 'A' } });
    expect(result.notes).toContainEqual({ code: 'partyChange', args: { name: 'Bent Lund', from: 'D', until: '2023-03-01', to: 'UP' } });
  });

  it('gives roles from the role words before a member’s name, and says when they disagree', () => {
    const list = 'Anna Holm (A), Bent Lund (V), Carl Berg (C)';
    const result = inferConfig(
      series(
        'Byråd',
        [list, list, list],
        [
          'Borgmester Anna Holm (A) og næstformand Bent Lund (V) stemmer for.',
          'Næstformanden, Bent Lund (V) stemmer for.\nFormand Carl Berg (C) stemmer imod.',
          'Udvalgsmedlem Carl Berg (C) og næstformand Carl Berg (C) stemmer imod.',
        ],
      ),
    );
    const c = committee(result, 'Byråd');
    expect(c.members.map((m) => [m.name, m.role])).toEqual([
      ['Anna Holm', 'formand'],
      ['Bent Lund', 'næstformand'],
      ['Carl Berg', undefined],
    ]);
    expect(result.notes).toContainEqual({ code: 'roleConflict', args: { committee: 'Byråd 2022-2025', name: 'Carl Berg', roles: 'formand / næstformand' } });
    // Another body's chair, in the text of two meetings, is not the committee's.
    const others = inferConfig(series('Planudvalget', [list, list], ['Støjrådets formand Carl Berg skrev.', 'Brugerrådets formand Carl Berg svarede.']));
    expect(committee(others, 'Planudvalget').members.map((m) => m.role)).toEqual([undefined, undefined, undefined]);
    const own = inferConfig(series('Byråd', [list, list], ['Kommunens borgmester Anna Holm bød velkommen.', 'Borgmester Anna Holm orienterede.']));
    expect(byName(committee(own, 'Byråd'), 'Anna Holm')[0].role).toBe('formand');
    expect(roleOf('borgmesteren', 'Kulturudvalget')).toBeNull();
    expect(roleOf('Borgmester', 'Økonomiudvalget')).toBe('formand');
    expect(roleOf('Rådmand', 'Beskæftigelses- og Socialudvalget')).toBe('rådmand');
  });

  it("leaves out a list that names few of the committee's usual members (another committee's, copied)", () => {
    const regulars = 'Anna Holm (A), Bent Lund (V), Carl Berg (C)';
    const result = inferConfig(series('Miljøudvalget', [regulars, 'Dina Fog (F), Erik Moe (O), Frida Ask (Ø)', regulars, regulars]));
    expect(committee(result, 'Miljøudvalget').members.map((m) => m.name)).toEqual(['Anna Holm', 'Bent Lund', 'Carl Berg']);
    expect(result.notes).toContainEqual({ code: 'outlier', args: { committee: 'Miljøudvalget 2022-2025', file: 'Miljøudvalget-2023-02-01.txt' } });
  });

  it('keeps committees apart by name and election period: the title’s, else the one of the date', () => {
    const sources = [
      source('a.txt', referat('Kulturudvalget 2018-2021', '2021-06-01', 'Anna Holm (A), Bent Lund (V)')),
      source('b.txt', referat('Kulturudvalget', '2022-03-01', 'Carl Berg (C), Bent Lund (V)')),
      source('c.txt', referat('Kulturudvalget', '2025-12-01', 'Carl Berg (C), Bent Lund (V)')),
      source('d.txt', referat('Kulturudvalget', '2026-01-05', 'Dina Fog (F), Bent Lund (V)')),
      source('e.txt', 'Et notat uden titel\n\nPunkt 1: Noget\n'),
    ];
    const result = inferConfig(sources);
    expect(result.config.committees!.map((c) => [c.name, c.period, c.members.map((m) => m.name)])).toEqual([
      ['Kulturudvalget', '2018-2021', ['Anna Holm', 'Bent Lund']],
      ['Kulturudvalget', '2022-2025', ['Bent Lund', 'Carl Berg']],
      ['Kulturudvalget', '2026-2029', ['Bent Lund', 'Dina Fog']],
    ]);
    expect(codes(result.notes)).toEqual(['noCommittee']);
    expect(result.meetings).toBe(4);
    expect(electionPeriod('2017-12-31')).toBe('2014-2017');
    expect(electionPeriod('2030-01-01')).toBe('2030-2033');
  });

  it('without attendance lists, takes the names of the committee’s own votes and absences, and says so', () => {
    const text = referat('Socialudvalget', '2024-11-26', '', 'Udvalgsmedlemmerne Reza Javid (Ø) og Mads Thomsen (A) stemmer for.\nRådmand Christoffer Lilleholt (V) stemmer imod.');
    const result = inferConfig([source('x.txt', text.replace(/^Mødedeltagere.*$/m, ''))]);
    expect(committee(result, 'Socialudvalget').members).toEqual([
      { name: 'Christoffer Lilleholt', party: 'V', role: 'rådmand' },
      { name: 'Mads Thomsen', party: 'A' },
      { name: 'Reza Javid', party: 'Ø' },
    ]);
    expect(result.notes).toContainEqual({ code: 'noLists', args: { committee: 'Socialudvalget 2022-2025', count: 1 } });
  });

  it('on seed 003 and the example: their attendance lists, parties where the list has them', () => {
    const read = (file: string) => source(path.basename(file), fs.readFileSync(path.join(root, file), 'utf8'));
    const seed = inferConfig([read('test/fixtures/seeds/003_4215b85305d5dec8.txt')]);
    const names = ['Hans Hammann', 'Linda Ann Wienand', 'John Rosenhøj', 'Marianne Hundebøll', 'Leif Gjørtz Christensen', 'Torben Sørensen', 'Elvin J. Hansen'];
    expect(seed.config.committees).toEqual([
      { name: 'Arbejdsmarkedsudvalget', period: '2018-2021', members: names.sort((a, b) => a.localeCompare(b, 'da')).map((name) => ({ name })) },
    ]);
    expect(seed.notes.filter((n) => n.code === 'noParty')).toHaveLength(7);

    const example = inferConfig([read('examples/social-udvalget.referat.txt')]);
    const written = JSON.parse(fs.readFileSync(path.join(root, 'examples/referat.config.json'), 'utf8'));
    const members = committee(example, 'Social- og Sundhedsudvalget', '2026-2029').members;
    const sortByName = (ms: MemberConfig[]) => [...ms].sort((a, b) => a.name.localeCompare(b.name, 'da'));
    expect(sortByName(members).map(({ name, party }) => ({ name, party }))).toEqual(
      sortByName(written.committees[0].members).map(({ name, party }: MemberConfig) => ({ name, party })),
    );
    // The example's own configuration says Formand; its minutes say Rådmand.
    expect(members[0]).toEqual({ name: 'Karen Vestergaard', party: 'A', role: 'rådmand' });
    expect(example.notes).toEqual([]);
  });

  it('writes a configuration the schema accepts, one member a line', () => {
    const result = inferConfig(series('Kulturudvalget', ['Anna Holm (A), "Bent" Lund (V)', 'Anna Holm (A), "Bent" Lund (V)']));
    const text = configText(result.config);
    expect(parseConfig(text).problems).toEqual([]);
    expect(JSON.parse(text)).toEqual(result.config);
    expect(text.split('\n').filter((l) => l.startsWith('        {'))).toEqual([
      '        { "name": "\\"Bent\\" Lund", "party": "V" },',
      '        { "name": "Anna Holm", "party": "A" }',
    ]);
    expect(configText({ committees: [] })).toBe('{\n  "committees": []\n}\n');
  });

  it('compares names and party letters as people write them', () => {
    expect(nameLikeness('Anne-Marie Lyduch', 'Anne Marie Lyduch')).toBe('same');
    expect(nameLikeness('Maria Witthøft', 'Maria Holdt Witthøft')).toBe('close');
    expect(nameLikeness('Brigitte Klintskov Jerkel', 'Birgitte Klintskov Jerkel')).toBe('close');
    expect(nameLikeness('Claus Jensen', 'Claus Hansen')).toBeNull();
    expect(nameLikeness('Kenneth Jerkel', 'Brigitte Klintskov Jerkel')).toBeNull();
    expect(nameLikeness('Hans Jensen', 'Jens Hansen')).toBeNull();
    expect(['A', 'S', 'SF', 'UP-1', 'UP2', 'ø', 'Fravær', null].map(partyLetter)).toEqual(['A', 'A', 'F', 'UP', 'UP', 'Ø', null, null]);
  });
});
