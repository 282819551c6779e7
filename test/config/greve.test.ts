// `referat init` on Greve's archive (../shared/corpus/greve: the city council and eight committees,
// 2022-2025): the nine committees, with members that agree with the hand-made
// ../shared/corpus/greve/referat.config.json for at least 95 % of its member entries, party
// letters included, counting every entry init adds beyond it against it too.
// The corpus is read where it is, never copied into this repository.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { agreement, committeeKey } from './agreement';

const root = path.resolve(__dirname, '../..');
const GREVE = path.resolve(root, '../shared/corpus/greve');
const REFERENCE = path.join(GREVE, 'referat.config.json');
const present = fs.existsSync(REFERENCE);

if (!present) console.warn(`Skipping referat init on Greve's archive: ${path.relative(root, REFERENCE)} is not here (the shared corpus sits beside the checkout).`);

describe.skipIf(!present)("referat init on Greve's archive", () => {
  it('finds the nine committees, and members that agree with the reference for 95 % of its entries, parties included', () => {
    const res = spawnSync(process.execPath, [path.join(root, 'dist/cli.js'), 'init', '--dry-run', GREVE], {
      encoding: 'utf8',
      env: { ...process.env, REFERAT_LANG: 'en' },
      maxBuffer: 1 << 26,
    });
    const reference = JSON.parse(fs.readFileSync(REFERENCE, 'utf8'));
    const inferred = res.status === 0 ? JSON.parse(res.stdout) : { committees: [] };
    const result = agreement(inferred, reference);
    // What it measured, for the record in the test output.
    console.log(
      `referat init on Greve: ${result.agreed} of ${result.reference} reference entries agree, ${result.extra} entries beyond them: ${(100 * result.share).toFixed(1)} %` +
        ` (roles agree on ${result.sameRole}, from/to on ${result.sameDates} of the ${result.agreed})`,
    );
    expect(res.status, `referat init --dry-run ${GREVE}:\n${res.stderr}`).toBe(0);
    expect(inferred.committees.map((c: { name: string }) => committeeKey(c.name)).sort()).toEqual(reference.committees.map((c: { name: string }) => committeeKey(c.name)).sort());
    expect(result.share, `misses:\n${result.misses.join('\n')}\nbeyond the reference:\n${result.extras.join('\n')}`).toBeGreaterThanOrEqual(0.95);
  });
});
