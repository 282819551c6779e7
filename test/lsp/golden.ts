// The seed expectations (test/helpers/golden.ts) in the terms of the LSP tests.
import { golden, norm, seedFiles, type GoldenItem } from '../helpers/golden';

export type { GoldenItem };
export const SEED_FILES = seedFiles;
export const GOLDEN_SECTION_KINDS = ['resume', 'indstilling', 'beslutning'] as const;

export function goldenItems(seed: string): GoldenItem[] {
  return golden[seed].items;
}

/** The committee each seed's meeting belongs to (/work/shared/FORMAT-NOTES.md). */
export const SEED_COMMITTEES: Record<string, string> = {
  '000_db79083c852146f7.txt': 'Beskæftigelses- og Socialudvalget',
  '001_bcefb93b7da31050.txt': 'Beskæftigelses- og Socialudvalget',
  '002_00cfbdd4d29f5775.txt': 'Beskæftigelses- og Socialudvalget',
  '003_4215b85305d5dec8.txt': 'Arbejdsmarkedsudvalget',
  '004_c859f8f3d45ba66d.txt': 'Beskæftigelses- og Socialudvalget',
};

/** Quote styles and white space differ between exports; names are compared without them. */
export const normaliseName = norm;

export function punktName(item: GoldenItem): string {
  return norm(`Punkt ${item.number}: ${item.title}`);
}
