// `referat cases`, `members`, `export`, and the rules over many referater in `referat lint`, on the
// built CLI and a folder of small synthetic referater.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MeetingSpec, referatText } from '../archive/helpers';

const CLI = path.resolve(__dirname, '../../dist/cli.js');
let dir: string;

const members = ['Åse Ærø', 'Bent Jensen', 'Carl Olsen'];
const meetings: Array<[string, MeetingSpec]> = [
  [
    'ku-1.referat.txt',
    {
      committee: 'Kulturudvalget',
      date: '10-01-2022',
      present: members,
      punkter: [{ number: 1, title: 'Bibliotek', caseNumber: '22-000001', decision: ['Anbefales.', 'Carl Olsen (C) stemmer imod.'] }],
    },
  ],
  [
    'by-1.referat.txt',
    {
      committee: 'Byrådet',
      date: '31-01-2022',
      present: ['Åse Ærø', 'Bent Jensen'],
      absent: ['Carl Olsen'],
      punkter: [{ number: 4, title: 'Bibliotek', caseNumber: '22-000001', decision: ['Godkendt.'], history: [['10-01-2022 Kulturudvalget', 'Anbefales ikke.']] }],
    },
  ],
];

function run(...args: string[]) {
  const r = spawnSync('node', [CLI, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, REFERAT_LANG: 'en', NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'referat-archive-'));
  for (const [name, m] of meetings) fs.writeFileSync(path.join(dir, name), referatText(m));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the archive commands', () => {
  it("cases: each case's path, oldest first, and a summary", () => {
    const r = run('cases', '.');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(
      '22-000001  Bibliotek  (2 meetings)\n' +
        '  2022-01-10  Kulturudvalget  punkt 1  Anbefales.  ku-1.referat.txt:11\n' +
        '  2022-01-31  Byrådet  punkt 4  Godkendt.  by-1.referat.txt:12\n\n' +
        '2 referater: 1 case numbers, 1 of them treated at more than one meeting; 0 cases without a number, by title\n',
    );
  });

  it('members: CSV with a byte order mark, Danish letters intact', () => {
    const r = run('members', '.', '--csv');
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\r\n');
    expect(lines[0]).toBe('\uFEFFname,party,committee,meetings,attended,missed,votes_for,votes_against,votes_abstain,minority_statements,spellings');
    expect(lines).toContain('Carl Olsen,C,Byrådet,1,0,1,0,0,0,0,Carl Olsen');
    expect(lines).toContain('Carl Olsen,C,Kulturudvalget,1,1,0,0,1,0,0,Carl Olsen');
    expect(run('members', '.', '--csv', '--no-bom').stdout.startsWith('name,')).toBe(true);
    expect(run('members', '.', '--from', '2022-01-31', '--json').stdout).toContain('"missedDates": [\n          "2022-01-31"');
    expect(run('members', '.', '--from', '31-01-2022')).toMatchObject({ status: 2, stderr: 'referat: --from takes a date (YYYY, YYYY-MM or YYYY-MM-DD), not "31-01-2022"\n' });
  });

  it('export: a CSV file a table, Popolo to a file', () => {
    expect(run('export', '.', '--format', 'csv').status).toBe(2);
    expect(run('export', '.', '--format', 'csv', '-o', 'out')).toMatchObject({ status: 0 });
    expect(fs.readdirSync(path.join(dir, 'out')).sort()).toEqual([
      'decisions.csv',
      'meetings.csv',
      'member_votes.csv',
      'memberships.csv',
      'persons.csv',
      'punkter.csv',
      'votes.csv',
    ]);
    expect(fs.readFileSync(path.join(dir, 'out/member_votes.csv'), 'utf8')).toBe(
      '\uFEFFvote_id,person_id,name,party,option\r\nkulturudvalg-2022-01-10-0800-p1-v1,person-carl-olsen,Carl Olsen,C,against\r\n',
    );
    expect(run('export', '.', '--format', 'popolo', '-o', 'popolo.json').status).toBe(0);
    const popolo = JSON.parse(fs.readFileSync(path.join(dir, 'popolo.json'), 'utf8'));
    expect(Object.keys(popolo)).toEqual(['persons', 'organizations', 'memberships', 'vote_events']);
    expect(run('export', '.', '--format', 'xml')).toMatchObject({ status: 2, stderr: 'referat: unknown export format "xml" (json, csv or popolo)\n' });
  });

  it('lint: the rules over many referater run on the folder', () => {
    const r = run('lint', '.', '--format', 'json');
    const found = JSON.parse(r.stdout).filter((f: { ruleId: string }) => f.ruleId === 'history-mismatch');
    expect(found.map((f: { file: string; line: number; message: string }) => [f.file, f.line, f.message])).toEqual([
      [
        'by-1.referat.txt',
        21,
        'The quoted decision of Kulturudvalget 2022-01-10, punkt 1 (ku-1.referat.txt:15) has “Anbefales ikke.” where its referat has “Anbefales. Carl Olsen (C) stemmer imod.”',
      ],
    ]);
    // One file alone has no others to be compared with.
    expect(run('lint', 'by-1.referat.txt', '--format', 'json').stdout).not.toContain('history-mismatch');
  });
});
