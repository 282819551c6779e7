// KLE numbers read into their parts and named from the shipped data; other schemes recognised.
import { describe, expect, it } from 'vitest';
import { FACETS, GRUPPER, HOVEDGRUPPER } from '../../server/src/kle/data';
import { fullYear, kleNumbersIn, parseKle, parseOdder } from '../../server/src/kle';
import { readReferat } from '../../server/src/reader';
import { readSeed, seedFiles } from '../helpers/golden';

describe('parseKle', () => {
  it('names the hovedgruppe, gruppe and emne, says what the facet is for, and reads the year', () => {
    const kle = parseKle('27.57.12-Ø34-2-24')!;
    expect(kle.hovedgruppe).toEqual({ code: '27', title: 'Social service' });
    expect(kle.gruppe).toEqual({ code: '27.57', title: 'Botilbud', notInKle: false });
    expect(kle.emne).toEqual({ code: '27.57.12', title: 'Krisecentre' });
    expect(kle.facet.code).toBe('Ø34');
    expect(kle.facet.info?.usage?.da).toMatch(/tilskud til kommunen/);
    expect(kle.serial).toBe(2);
    expect(kle.year).toBe(2024);
  });

  it('gives facet titles where KLE has them, and the category for the others', () => {
    expect(parseKle('15.00.00-G01-29-16')!.facet.info?.title).toBe('Generelle sager');
    expect(parseKle('00.15.00-A00-20-19')!.facet.info?.title).toBe('Organisering mv. i almindelighed');
    const s00 = parseKle('00.30.00-S00-10-20')!;
    expect(s00.facet.info).toBeNull();
    expect(s00.facet.categoryInfo?.usage?.da).toBe('økonomi');
    expect(s00.gruppe.title).toBe('Budget - kommunens økonomiske forvaltning');
  });

  it('says when a gruppe is not one of KLE (00.00 is a local number)', () => {
    const kle = parseKle('00.00.00-A00-211-20')!;
    expect(kle.gruppe).toEqual({ code: '00.00', title: null, notInKle: true });
    expect(kle.hovedgruppe.title).toBe('Kommunens styrelse');
  });

  it('leaves the gruppe unnamed rather than guess', () => {
    const kle = parseKle('85.02.02-P35-25-23')!;
    expect(kle.hovedgruppe.title).toBe('Kommunens administrative systemer');
    expect(kle.gruppe.title).toBeNull();
    expect(kle.facet.info?.usage?.da).toMatch(/møder, dagsordener og referater/);
  });

  it('rejects what is not a complete KLE number', () => {
    expect(parseKle('00.15.00-A00-20')).toBeNull();
    expect(parseKle('S2018-2162')).toBeNull();
    expect(parseKle('2012-28504')).toBeNull();
  });

  it('reads two-digit years around the pivot', () => {
    expect(fullYear('24')).toBe(2024);
    expect(fullYear('99')).toBe(1999);
    expect(fullYear('00')).toBe(2000);
  });

  it('finds KLE numbers in running text with their columns', () => {
    const line = 'Se sag 27.57.12-Ø34-2-24 og 15.00.00-G01-29-16.';
    expect(kleNumbersIn(line)).toEqual([
      { text: '27.57.12-Ø34-2-24', start: 7, end: 24 },
      { text: '15.00.00-G01-29-16', start: 28, end: 46 },
    ]);
  });
});

describe('parseOdder', () => {
  it('reads year and running number', () => {
    expect(parseOdder('S2018-2162')).toEqual({ text: 'S2018-2162', year: 2018, serial: 2162 });
    expect(parseOdder('27.57.12-Ø34-2-24')).toBeNull();
  });
});

describe('the KLE data', () => {
  it('has all 36 hovedgrupper from 00 to 88', () => {
    const codes = Object.keys(HOVEDGRUPPER).sort();
    expect(codes).toHaveLength(36);
    expect(codes[0]).toBe('00');
    expect(codes.at(-1)).toBe('88');
    expect(HOVEDGRUPPER['15']).toBe('Arbejdsmarked og beskæftigelsesindsats');
  });

  it('keeps grupper under known hovedgrupper and facet codes well formed', () => {
    for (const code of Object.keys(GRUPPER)) expect(HOVEDGRUPPER[code.slice(0, 2)], code).toBeTruthy();
    for (const [code, info] of Object.entries(FACETS)) {
      expect(code).toMatch(/^[A-ZÆØÅ]\d{2}$/);
      expect(info.title ?? info.usage?.da, code).toBeTruthy();
    }
  });

  it('names the hovedgruppe of every KLE case number in the seeds, and most of their grupper', () => {
    const numbers = seedFiles.flatMap((seed) => readReferat(readSeed(seed)).items.flatMap((p) => (p.caseNumber?.scheme === 'kle' ? [p.caseNumber.text] : [])));
    expect(numbers.length).toBeGreaterThan(50);
    const parsed = numbers.map((n) => parseKle(n));
    for (const [i, kle] of parsed.entries()) {
      expect(kle, numbers[i]).not.toBeNull();
      expect(kle!.hovedgruppe.title, numbers[i]).toBeTruthy();
    }
    const named = parsed.filter((k) => k!.gruppe.title || k!.gruppe.notInKle).length;
    expect(named / parsed.length).toBeGreaterThan(0.75);
  });
});
