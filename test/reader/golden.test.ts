import { describe, expect, it } from 'vitest';
import { outlineJson } from '../../server/src/cli/outline';
import { readReferatStrict } from '../../server/src/reader';
import { compareWithGolden, golden, readSeed, seedFiles } from '../helpers/golden';

describe('the reader on the five seeds', () => {
  it('has a golden expectation for every seed', () => {
    expect(seedFiles).toEqual(Object.keys(golden).sort());
  });

  for (const file of seedFiles) {
    it(`reads ${file} as golden-seeds.json says`, () => {
      const doc = readReferatStrict(readSeed(file));
      expect(compareWithGolden(file, outlineJson(file, doc))).toEqual([]);
    });
  }
});
