// Reading a case number (journalnummer): the parts of a KLE number and what KLE calls them, and
// what the other schemes are. Pure: text in, description out.
import { EMNER, FACET_CATEGORIES, FACETS, GRUPPER, HOVEDGRUPPER, KLE_VERSION, NOT_GRUPPER, type FacetInfo } from './data';

export { KLE_VERSION };
export type { FacetInfo, Localized } from './data';

/** `27.57.12-Ø34-2-24`: hovedgruppe.gruppe.emne-facet-løbenummer-år. */
const KLE = /^(\d{2})\.(\d{2})\.(\d{2})-([A-ZÆØÅ])(\d{2})-(\d+)-(\d{2})$/;
/** The same number anywhere in a line, for finding it under the cursor. */
export const KLE_IN_TEXT = /(?<![\d.])\d{2}\.\d{2}\.\d{2}-[A-ZÆØÅ]\d{2}-\d+-\d{2}(?![\d-])/gu;
/** Odder Kommune's case numbers: `S2018-2162` (S, year, running number). */
const ODDER = /^S(\d{4})-(\d+)$/;

export interface KleNumber {
  text: string;
  hovedgruppe: { code: string; title: string | null };
  gruppe: { code: string; title: string | null; notInKle: boolean };
  emne: { code: string; title: string | null };
  facet: { code: string; category: string; info: FacetInfo | null; categoryInfo: FacetInfo | null };
  serial: number;
  /** Four-digit year from the two-digit one (`24` → 2024). */
  year: number;
}

/** Two-digit years of case numbers: 70-99 are 19xx, the rest 20xx. */
export function fullYear(twoDigits: string): number {
  const n = Number(twoDigits);
  return n >= 70 ? 1900 + n : 2000 + n;
}

/** The parts of a KLE number with their names, or null when the text is not a complete KLE number. */
export function parseKle(text: string): KleNumber | null {
  const m = KLE.exec(text.trim());
  if (!m) return null;
  const [, hg, g, e, letter, facetDigits, serial, year] = m;
  const gruppe = `${hg}.${g}`;
  const emne = `${gruppe}.${e}`;
  const facet = `${letter}${facetDigits}`;
  return {
    text: m[0],
    hovedgruppe: { code: hg, title: HOVEDGRUPPER[hg] ?? null },
    gruppe: { code: gruppe, title: GRUPPER[gruppe] ?? null, notInKle: NOT_GRUPPER.has(gruppe) },
    emne: { code: emne, title: EMNER[emne] ?? null },
    facet: { code: facet, category: letter, info: FACETS[facet] ?? null, categoryInfo: FACET_CATEGORIES[letter] ?? null },
    serial: Number(serial),
    year: fullYear(year),
  };
}

export interface OdderNumber {
  text: string;
  year: number;
  serial: number;
}

export function parseOdder(text: string): OdderNumber | null {
  const m = ODDER.exec(text.trim());
  return m ? { text: m[0], year: Number(m[1]), serial: Number(m[2]) } : null;
}

/** Every KLE number in a line of text, with its columns. */
export function kleNumbersIn(line: string): { text: string; start: number; end: number }[] {
  const found: { text: string; start: number; end: number }[] = [];
  for (const m of line.matchAll(KLE_IN_TEXT)) found.push({ text: m[0], start: m.index!, end: m.index! + m[0].length });
  return found;
}
