// The skeleton of a new referat: it reads back as the punkter asked for, each with Resume,
// Indstilling and Beslutning, lints clean but for the empty sections, and is already formatted.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReferatConfig } from '../../server/src/config/types';
import { formatReferat } from '../../server/src/format/format';
import { danishDate, meetingDateText, parseDanishDate, referatSkeleton, weekdayOf } from '../../server/src/format/skeleton';
import { readReferat } from '../../server/src/reader';
import { lint } from '../../server/src/rules';
import { fixtures } from '../helpers/golden';

const config: ReferatConfig = JSON.parse(fs.readFileSync(path.join(fixtures, 'membership/referat.config.json'), 'utf8'));
const committee = config.committees!.find((c) => c.period === '2022-2025')!;

describe('referatSkeleton', () => {
  const text = referatSkeleton({
    committee: committee.name,
    period: committee.period,
    date: '06-05-2025',
    time: '08:30',
    place: 'Udvalgsværelset, Stuen',
    members: committee.members.filter((m) => !m.to || m.to >= '2025-05-06').filter((m) => !m.from || m.from <= '2025-05-06'),
    punkter: 4,
  });

  it('has the title, Mødedato with its weekday, Mødested and the members', () => {
    expect(text).toMatch(
      /^# REFERAT Beskæftigelses- og Socialudvalget 2022-2025 d\. 06-05-2025\n\n\*\*Mødedato\*\* Tirsdag d\. 06\. maj 2025 kl\. 08:30\n\n\*\*Mødested\*\* Udvalgsværelset, Stuen\n\n\*\*Mødedeltagere\*\* Claus Houden \(V\), Joachim Hoffmann-Petersen \(C\), Reza Javid \(Ø\), Mads Thomsen \(A\), Nicolai Busch Bæhrenz\n/,
    );
  });

  it('reads back as the punkter asked for, each with Resume, Indstilling and Beslutning', () => {
    const model = readReferat(text);
    expect(model.meeting.committee).toBe('Beskæftigelses- og Socialudvalget');
    expect(model.meeting.date).toBe('2025-05-06');
    expect(model.meeting.meetingDate?.weekday).toBe('Tirsdag');
    expect(model.meeting.attendees.map((a) => a.name)).toContain('Nicolai Busch Bæhrenz');
    expect(model.items.map((i) => i.number)).toEqual([1, 2, 3, 4]);
    expect(model.items[0].title).toBe('Godkendelse af dagsorden');
    for (const item of model.items) expect(item.sections.map((s) => s.kind)).toEqual(['resume', 'indstilling', 'beslutning']);
    expect(model.toc?.entries.map((e) => e.title)).toEqual(model.items.map((i) => i.title));
  });

  it('lints without errors: only the empty sections are warned about', () => {
    const findings = lint(readReferat(text), text, { config });
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect([...new Set(findings.map((f) => f.ruleId))]).toEqual(['empty-section']);
    expect(findings).toHaveLength(4 * 3);
  });

  it('is already in the canonical style', () => {
    expect(formatReferat(text)).toBe(text);
  });

  it('holds for any committee, date and number of punkter', () => {
    const day = fc.date({ min: new Date(2000, 0, 1), max: new Date(2099, 11, 31), noInvalidDate: true });
    fc.assert(
      fc.property(
        fc.constantFrom('Økonomiudvalget', 'Børn- og Ungeudvalget', 'Social-, Sundheds- og Ældreudvalget'),
        day,
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom('\n', '\r\n'),
        (name, date, punkter, eol) => {
          const t = referatSkeleton({ committee: name, date: danishDate(date), punkter, eol });
          const model = readReferat(t);
          expect(model.items).toHaveLength(punkter);
          expect(model.meeting.committee).toBe(name);
          for (const item of model.items) expect(item.sections.map((s) => s.kind)).toEqual(['resume', 'indstilling', 'beslutning']);
          const findings = lint(model, t);
          expect(findings.filter((f) => f.severity !== 'info' && f.ruleId !== 'empty-section')).toEqual([]);
          expect(formatReferat(t)).toBe(t);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('refuses a date that does not exist', () => {
    expect(() => referatSkeleton({ committee: 'Økonomiudvalget', date: '31-02-2025' })).toThrow();
  });
});

describe('dates', () => {
  it('reads DD-MM-YYYY, and only days that exist', () => {
    expect(parseDanishDate('06-05-2025')).toEqual({ day: 6, month: 5, year: 2025, iso: '2025-05-06' });
    expect(parseDanishDate('6-5-2025')?.iso).toBe('2025-05-06');
    expect(parseDanishDate('29-02-2024')?.iso).toBe('2024-02-29');
    for (const bad of ['29-02-2025', '2025-05-06', '06.05.2025', '32-01-2025', '', '06-05-25']) expect(parseDanishDate(bad)).toBeNull();
  });

  it('names the weekday and month in Danish', () => {
    expect(weekdayOf(parseDanishDate('26-11-2024')!)).toBe('Tirsdag');
    expect(weekdayOf(parseDanishDate('22-10-2020')!)).toBe('Torsdag');
    expect(weekdayOf(parseDanishDate('01-01-2023')!)).toBe('Søndag');
    expect(meetingDateText(parseDanishDate('20-09-2016')!, null)).toBe('Tirsdag d. 20. september 2016');
    expect(danishDate(new Date(2025, 4, 6))).toBe('06-05-2025');
  });
});
