// Hovers in the client's language: a member (who, party, presence, how they voted in the punkt),
// a vote (tally, stated and computed outcome), a case number (KLE parts and year, or the other
// scheme), a punkt heading (sections, decisions, votes). Over a real stdio connection.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { linesOf, openSeeds, positionOf, readSeed, SEED_002, SEED_003, type SeedSession } from './writingHelp.helpers';

const value = (hover: Hover | null) => (hover?.contents as MarkupContent | undefined)?.value ?? '';

describe.each([
  { locale: 'da', lang: 'Danish' },
  { locale: 'en', lang: 'English' },
])('hover in $lang', ({ locale }) => {
  let session: SeedSession;
  const text002 = readSeed(SEED_002);
  const text003 = readSeed(SEED_003);
  const da = locale === 'da';
  const hover = async (seed: string, position: { line: number; character: number }) =>
    session.client.request<Hover | null>('textDocument/hover', { textDocument: { uri: session.uris[seed] }, position });

  beforeAll(async () => (session = await openSeeds([SEED_002, SEED_003], { membership: true, locale })));
  afterAll(() => session?.stop());

  it('on Reza Javid in 002 item 3: his party, his committee, and that he proposed and voted for the amendment', async () => {
    const at = positionOf(text002, 'Udvalgsmedlemmerne Reza Javid', 1, 'Udvalgsmedlemmerne '.length + 2);
    const h = await hover(SEED_002, at);
    const text = value(h);
    expect(text).toContain('**Reza Javid**');
    expect(text).toContain('Ø – Enhedslisten');
    expect(text).toContain('Beskæftigelses- og Socialudvalget');
    expect(text).toContain(da ? 'Stemte **for** ændringsforslaget' : 'Voted **for** the amendment');
    expect(text).toContain(da ? 'Stillede ændringsforslaget' : 'Proposed the amendment');
    expect(text).toContain(da ? 'Ikke noteret fraværende' : 'Not recorded absent');
    expect(h!.range!.start).toEqual({ line: at.line, character: 'Udvalgsmedlemmerne '.length });
  });

  it('on Christoffer Lilleholt: voted against, with his configured role', async () => {
    const text = value(await hover(SEED_002, positionOf(text002, 'Rådmand Christoffer Lilleholt (V) og udvalgsmedlem', 1, 10)));
    expect(text).toContain(da ? 'Stemte **imod** ændringsforslaget' : 'Voted **against** the amendment');
    expect(text).toContain('Rådmand');
    expect(text).toContain('V – Venstre');
  });

  it('on the absent member: absent from the meeting, and the other spelling', async () => {
    const text = value(await hover(SEED_002, positionOf(text002, 'Nicolai Busch Bährenz', 1, 3)));
    expect(text).toContain('**Nicolai Busch Bæhrenz**');
    expect(text).toContain(da ? 'Skrevet »Nicolai Busch Bährenz« her' : 'Written “Nicolai Busch Bährenz” here');
    expect(text).toMatch(da ? /\*\*Fraværende\*\* fra mødet \(noteret under punkt 1, 2, 3,.*17\)/ : /\*\*Absent\*\* from the meeting \(recorded under punkt 1, 2, 3,.*17\)/);
  });

  it('on 27.57.12-Ø34-2-24: the hovedgruppe, the gruppe, the facet and the year 2024', async () => {
    const at = positionOf(text002, '27.57.12-Ø34-2-24', 1, 4);
    const h = await hover(SEED_002, at);
    const text = value(h);
    expect(text).toContain('27: Social service');
    expect(text).toContain('27.57: Botilbud');
    expect(text).toContain('27.57.12: Krisecentre');
    expect(text).toContain('Ø34');
    expect(text).toMatch(da ? /år 2024/ : /year 2024/);
    expect(h!.range).toEqual({ start: { line: at.line, character: 0 }, end: { line: at.line, character: '27.57.12-Ø34-2-24'.length } });
  });

  it('on a gruppe KLE does not name: the hovedgruppe only', async () => {
    const text = value(await hover(SEED_002, positionOf(text002, '85.02.02-P35-25-23', 1, 1)));
    expect(text).toContain('85: Kommunens administrative systemer');
    expect(text).not.toContain('85.02:');
    expect(text).toMatch(da ? /møder, dagsordener og referater/ : /meetings, agendas and minutes/);
    expect(text).toMatch(/2023/);
  });

  it("on Odder's S2018-2162: Odder's numbering, not KLE", async () => {
    const text = value(await hover(SEED_003, positionOf(text003, 'S2018-2162', 1, 2)));
    expect(text).toContain('Odder');
    expect(text).toMatch(da ? /År 2018, løbenummer 2162/ : /Year 2018, running number 2162/);
    expect(text).toMatch(da ? /Ikke et KLE-nummer/ : /Not a KLE number/);
  });

  it('on the outcome of the vote in 002 item 3: the tally, the absent member, and stated against computed outcome', async () => {
    const at = positionOf(text002, 'Ændringsforslaget er dermed forkastet', 1, 5);
    const text = value(await hover(SEED_002, at));
    expect(text).toContain(da ? '| For | 2 | Reza Javid (Ø), Mads Thomsen (A) |' : '| For | 2 | Reza Javid (Ø), Mads Thomsen (A) |');
    expect(text).toContain(da ? '| Imod | 2 |' : '| Against | 2 |');
    expect(text).toContain(da ? '| Fraværende | 1 | Nicolai Busch Bæhrenz |' : '| Absent | 1 | Nicolai Busch Bæhrenz |');
    expect(text).toContain(da ? 'Noteret resultat: **forkastet**' : 'Stated outcome: **rejected**');
    expect(text).toContain(da ? 'stemmelighed er ikke flertal' : 'a tie is not a majority');
    expect(text).toContain(da ? 'har 5 medlemmer' : 'has 5 members');
  });

  it('on the heading of 002 item 3: sections, decision and the vote at a glance', async () => {
    const line = linesOf(text002).findIndex((l) => l.startsWith('Punkt 3:'));
    const text = value(await hover(SEED_002, { line, character: 12 }));
    expect(text).toContain('**Punkt 3: Omgørelsesprocenter for sagsbehandling (Danmarkskortet)**');
    expect(text).toContain('00.07.00-G01-3-24 (Forvaltningsprincipper)');
    expect(text).toContain(
      da ? 'Afsnit: Resume · Bilag · Effekt · Indstilling · Beslutning · Sagsfremstilling' : 'Sections: Resume · Bilag · Effekt · Indstilling · Beslutning · Sagsfremstilling',
    );
    expect(text).toContain(da ? 'For 2 · Imod 2 · Undlod 0 · Fraværende 1 — forkastet' : 'For 2 · Against 2 · Abstained 0 · Absent 1 — rejected');
    expect(text).toContain('anbefaler indstillingen med følgende tillægsbeslutning');
  });

  it('on an ordinary word: nothing', async () => {
    const h = await hover(SEED_002, positionOf(text002, 'Omgørelsesprocenterne er andelen', 1, 3));
    expect(h).toBeNull();
  });
});
