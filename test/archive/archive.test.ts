// The archive on small synthetic referater: cases across meetings, adding and removing one
// document, quoted history resolved and compared, member records, and the rules over many referater.
import { describe, expect, it } from 'vitest';
import { Archive } from '../../server/src/archive/archive';
import { difference } from '../../server/src/archive/compare';
import { caseKeyOf } from '../../server/src/archive/entry';
import { memberRecords } from '../../server/src/archive/members';
import { readReferat } from '../../server/src/reader';
import { lintArchive } from '../../server/src/rules/archive';
import { type MeetingSpec, referatText } from './helpers';

const MEMBERS = ['Anna Hansen', 'Bent Jensen', 'Carl Olsen'];

const beu: MeetingSpec = {
  committee: 'Beskæftigelses- og Erhvervsudvalget',
  date: '10-01-2022',
  present: MEMBERS,
  punkter: [
    { number: 1, title: 'Godkendelse af dagsorden', decision: ['Godkendt.'] },
    {
      number: 5,
      title: 'Rangering af beskæftigelsesindsatsen',
      caseNumber: '21-016074',
      decision: ['Orienteringen blev taget til efterretning.', 'Sagen sendes til Økonomiudvalget.'],
    },
  ],
};
const ou: MeetingSpec = {
  committee: 'Økonomiudvalget',
  date: '24-01-2022',
  present: MEMBERS.slice(0, 2),
  absent: ['Carl Olsen'],
  punkter: [
    {
      number: 16,
      title: 'Rangering af beskæftigelsesindsatsen',
      caseNumber: '21-016074',
      decision: ['Anbefales.', 'Anna Hansen (A) stemte imod med følgende mindretalsudtalelse:', '"Rangeringen siger intet om borgerne."'],
      history: [['10-01-2022 Beskæftigelses- og Erhvervsudvalget', 'Orienteringen blev taget til efterretning.', 'Sagen sendes til Økonomiudvalget.']],
    },
  ],
};
const byraad: MeetingSpec = {
  committee: 'Byråd 2022-2025',
  date: '31-01-2022',
  time: '19:00',
  present: MEMBERS,
  punkter: [
    {
      number: 17,
      title: 'Rangering af beskæftigelsesindsatsen',
      caseNumber: '21-016074',
      decision: ['Byrådet godkendte Økonomiudvalgets indstilling.', 'Fraværende: Carl Olsen'],
      history: [
        ['10-01-2022 Beskæftigelses- og Erhvervsudvalget', 'Orienteringen blev taget til efterretning.', 'Sagen sendes til Økonomiudvalget.'],
        // Quoted otherwise than recorded.
        ['24-01-2022 Økonomiudvalget', 'Anbefales med bemærkninger.'],
      ],
    },
  ],
};

function archiveOf(...meetings: Array<[string, MeetingSpec]>): Archive {
  const archive = new Archive();
  for (const [uri, m] of meetings) {
    const text = referatText(m);
    archive.addDocument(uri, readReferat(text), text);
  }
  return archive;
}

const path = (archive: Archive, key: string) => archive.treatments(key).map((t) => `${t.referat.committee} ${t.referat.date} punkt ${t.punkt.number}`);

describe('the archive', () => {
  it("files every punkt by its case number and gives each case's meetings newest first", () => {
    const archive = archiveOf(['beu.txt', beu], ['ou.txt', ou], ['br.txt', byraad]);
    expect(path(archive, 'sag:21-016074')).toEqual([
      'Byråd 2022-2025 2022-01-31 punkt 17',
      'Økonomiudvalget 2022-01-24 punkt 16',
      'Beskæftigelses- og Erhvervsudvalget 2022-01-10 punkt 5',
    ]);
    const [newest] = archive.treatments('sag:21-016074');
    expect(newest.punkt.decisionFirstLine).toBe('Byrådet godkendte Økonomiudvalgets indstilling.');
    expect(newest.punkt.line).toBe(10);
    // `Godkendelse af dagsorden` without a case number is on every agenda: no case.
    expect(archive.cases().map((c) => c.key)).toEqual(['sag:21-016074']);
  });

  it('takes one document out, or replaces it, without touching the others', () => {
    const archive = archiveOf(['beu.txt', beu], ['ou.txt', ou], ['br.txt', byraad]);
    expect(archive.remove('ou.txt')).toBe(true);
    expect(archive.remove('ou.txt')).toBe(false);
    expect(path(archive, 'sag:21-016074')).toEqual(['Byråd 2022-2025 2022-01-31 punkt 17', 'Beskæftigelses- og Erhvervsudvalget 2022-01-10 punkt 5']);
    expect(archive.meetingsOf('Økonomiudvalgets')).toEqual([]);
    const moved = { ...beu, punkter: beu.punkter.map((p) => ({ ...p, caseNumber: p.caseNumber && '22-000001' })) };
    const text = referatText(moved);
    archive.addDocument('beu.txt', readReferat(text), text);
    expect(path(archive, 'sag:21-016074')).toEqual(['Byråd 2022-2025 2022-01-31 punkt 17']);
    expect(path(archive, 'sag:22-000001')).toEqual(['Beskæftigelses- og Erhvervsudvalget 2022-01-10 punkt 5']);
    expect(archive.size).toBe(2);
  });

  it('files a punkt without a case number by its title, routine titles not', () => {
    expect(caseKeyOf(null, 'B-sag: Budget 2025.')).toBe('titel:budget 2025');
    expect(caseKeyOf(null, 'Eventuelt')).toBeNull();
    expect(caseKeyOf(' emn-2025-003383', 'X')).toBe('sag:EMN-2025-003383');
  });

  it("resolves a quoted history entry to that meeting's punkt of the same case", () => {
    const archive = archiveOf(['beu.txt', beu], ['ou.txt', ou], ['br.txt', byraad]);
    const punkt = archive.referat('br.txt')!.punkter[0];
    const [first, second] = punkt.history;
    expect(archive.resolveHistory(punkt.caseKey, first)?.referat.uri).toBe('beu.txt');
    // `Byrådet` and the FirstAgenda history's `Økonomiudvalget 2022` name the same bodies as the referater.
    expect(archive.resolveHistory(punkt.caseKey, { ...second, body: 'Økonomiudvalget 2022' })?.punkt.number).toBe(16);
    expect(archive.resolveHistory(punkt.caseKey, { ...second, date: '2022-01-25' })).toBeNull();
    expect(archive.resolveHistory('sag:99-999999', second)).toBeNull();
  });
});

describe('comparing a quoted decision', () => {
  it('says what differs, leaving out quotes, spacing and who was away', () => {
    expect(difference('Godkendt ”som” foreslået.', 'Godkendt  "som" foreslået. Fraværende: Carl Olsen (C)')).toBeNull();
    expect(difference('Anbefales med bemærkninger.', 'Anbefales.')).toEqual({ quoted: 'Anbefales med bemærkninger.', recorded: 'Anbefales.', before: '' });
    expect(difference('1. Anbefales. 2. Anbefales ikke.', '1. Anbefales. 2. Anbefales.')).toEqual({
      quoted: 'Anbefales ikke.',
      recorded: 'Anbefales.',
      before: '1. Anbefales. 2.',
    });
  });
});

describe('the rules over many referater', () => {
  const findings = (archive: Archive, uri: string) => lintArchive(archive.referat(uri)!, archive, { strict: true });

  it('history-mismatch: the quote that differs from its referat, and only that one', () => {
    const archive = archiveOf(['beu.txt', beu], ['ou.txt', ou], ['br.txt', byraad]);
    const found = findings(archive, 'br.txt').filter((f) => f.ruleId === 'history-mismatch');
    expect(found).toHaveLength(1);
    expect(found[0].severity).toBe('info');
    expect(found[0].range.start.line).toBe(byraadLine('24-01-2022 Økonomiudvalget'));
    expect(found[0].message.en).toBe(
      'The quoted decision of Økonomiudvalget 2022-01-24, punkt 16 (ou.txt:16) has “Anbefales med bemærkninger.” where its referat has “Anbefales. Anna Hansen (A) stemte imod med følgende…”',
    );
    expect(findings(archive, 'ou.txt').filter((f) => f.ruleId === 'history-mismatch')).toEqual([]);
    // Without the quoted meeting in the archive there is nothing to compare with.
    archive.remove('ou.txt');
    expect(findings(archive, 'br.txt').filter((f) => f.ruleId === 'history-mismatch')).toEqual([]);
  });

  it("inconsistent-name: a member spelled otherwise than at the committee's other meetings", () => {
    const meeting = (date: string, names: string[]): MeetingSpec => ({
      committee: 'Kulturudvalget',
      date,
      present: names,
      punkter: [{ number: 1, title: 'Bibliotek', caseNumber: '22-1', decision: ['Godkendt.'] }],
    });
    const archive = archiveOf(
      ['a.txt', meeting('01-02-2022', ['Anne Marie Lyduch', 'Bent Jensen'])],
      ['b.txt', meeting('01-03-2022', ['Anne Marie Lyduch', 'Bent Jensen'])],
      ['c.txt', meeting('01-04-2022', ['Anne-Marie Lyduch', 'Bent Jensen'])],
    );
    const found = findings(archive, 'c.txt').filter((f) => f.ruleId === 'inconsistent-name');
    expect(found.map((f) => f.message.da)).toEqual(['Anne-Marie Lyduch (1× her) staves Anne Marie Lyduch på Kulturudvalgets andre møder (2 gange; først a.txt:7)']);
    expect(findings(archive, 'a.txt').filter((f) => f.ruleId === 'inconsistent-name')).toEqual([]);
    // Where the configuration names the members, unknown-member is the rule that compares.
    const config = { committees: [{ name: 'Kulturudvalget', members: [{ name: 'Anne Marie Lyduch' }] }] };
    expect(lintArchive(archive.referat('c.txt')!, archive, { config, only: ['inconsistent-name'] })).toEqual([]);
  });

  it('duplicate-punkt-number: a number used twice where the numbering runs through the year', () => {
    const meeting = (date: string, numbers: number[]): MeetingSpec => ({
      committee: 'Økonomiudvalget',
      date,
      present: MEMBERS,
      punkter: numbers.map((number) => ({ number, title: `Sag ${number}`, caseNumber: `24-${number}`, decision: ['Godkendt.'] })),
    });
    const running = archiveOf(['1.txt', meeting('10-01-2024', [1, 2, 3])], ['2.txt', meeting('07-02-2024', [4, 5])], ['3.txt', meeting('06-03-2024', [5, 6])]);
    const found = findings(running, '3.txt').filter((f) => f.ruleId === 'duplicate-punkt-number');
    expect(found.map((f) => f.message.en)).toEqual(["Punkt 5 is also punkt 5 of Økonomiudvalget's meeting of 2024-02-07 (2.txt:20): the numbering runs through 2024"]);
    // Numbering that starts at 1 at every meeting.
    const restarting = archiveOf(['1.txt', meeting('10-01-2024', [1, 2])], ['2.txt', meeting('07-02-2024', [1, 2])]);
    expect(findings(restarting, '2.txt').filter((f) => f.ruleId === 'duplicate-punkt-number')).toEqual([]);
  });

  it('duplicate-meeting: two referater of one committee on one date, unless at different times', () => {
    const at = (time: string): MeetingSpec => ({ ...byraad, time });
    const twice = archiveOf(['a.txt', at('19:00')], ['b.txt', at('19:00')]);
    const found = findings(twice, 'b.txt').filter((f) => f.ruleId === 'duplicate-meeting');
    expect(found.map((f) => [f.range.start.line, f.message.en])).toEqual([[0, 'Another referat of Byråd 2022-2025 is dated 2022-01-31 19:00 too: a.txt:1']]);
    const extraordinary = archiveOf(['a.txt', at('17:15')], ['b.txt', at('17:30')]);
    expect(findings(extraordinary, 'b.txt').filter((f) => f.ruleId === 'duplicate-meeting')).toEqual([]);
  });
});

describe('member records', () => {
  it('counts meetings attended and missed, votes and minority statements, within the period', () => {
    const archive = archiveOf(['beu.txt', beu], ['ou.txt', ou], ['br.txt', byraad]);
    const records = memberRecords(archive);
    const anna = records.find((r) => r.name === 'Anna Hansen')!;
    expect([anna.meetings, anna.attended, anna.missed, anna.votes.against]).toEqual([3, 3, 0, 1]);
    expect(anna.minority.map((m) => [m.committee, m.punkt, m.text])).toEqual([['Økonomiudvalget', 16, 'Rangeringen siger intet om borgerne.']]);
    // Absent in the list at Økonomiudvalget; `Fraværende: Carl Olsen` under the Byråd's only decision.
    const carl = records.find((r) => r.name === 'Carl Olsen')!;
    expect([carl.meetings, carl.attended, carl.missed]).toEqual([3, 1, 2]);
    expect(carl.committees.find((c) => c.committee === 'Byråd 2022-2025')?.missedDates).toEqual(['2022-01-31']);
    const january10 = memberRecords(archive, { from: '2022-01-01', to: '2022-01-10' });
    expect(january10.find((r) => r.name === 'Carl Olsen')?.missed).toBe(0);
  });
});

function byraadLine(head: string): number {
  return referatText(byraad).split('\n').indexOf(head);
}
