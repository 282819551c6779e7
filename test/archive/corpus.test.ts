// The archive of the Greve corpus (369 meetings, ../shared/corpus beside the checkout; skipped where
// it is absent): cases across meetings, quoted history resolved, and the commands on the built CLI.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Archive } from '../../server/src/archive/archive';
import { difference, quotesDecision } from '../../server/src/archive/compare';
import { readReferat } from '../../server/src/reader';
import { lintArchive } from '../../server/src/rules/archive';

const root = path.resolve(__dirname, '../..');
const greve = path.resolve(root, '../shared/corpus/greve');
const present = fs.existsSync(path.join(greve, 'expect-outline.json'));
if (!present) console.warn(`Skipping the archive corpus tests: ${greve} (the shared corpus beside the checkout) is not there.`);

describe.skipIf(!present)('the archive of the Greve corpus', () => {
  let archive: Archive;
  const load = () => {
    if (archive) return archive;
    archive = new Archive();
    for (const name of fs.readdirSync(greve).filter((f) => f.endsWith('.txt'))) {
      const text = fs.readFileSync(path.join(greve, name), 'utf8');
      archive.addDocument(name, readReferat(text), text);
    }
    return archive;
  };

  it('knows 1,607 case numbers, 789 of them treated at more than one meeting', () => {
    const numbered = load()
      .cases()
      .filter((c) => c.caseNumber);
    expect(numbered).toHaveLength(1607);
    expect(numbered.filter((c) => new Set(c.treatments.map((t) => t.referat.uri)).size > 1)).toHaveLength(789);
  }, 60_000);

  it('follows case 21-016074 from Beskæftigelses- og Erhvervsudvalget to Økonomiudvalget to the Byråd', () => {
    const path = [...load().treatments('sag:21-016074')].reverse().map((t) => [t.referat.committee, t.referat.date, t.punkt.number, t.punkt.decisionFirstLine]);
    expect(path).toEqual([
      ['Beskæftigelses- og Erhvervsudvalget', '2022-01-10', 5, expect.stringMatching(/^Orienteringen blev taget til efterretning/)],
      ['Økonomiudvalget', '2022-01-24', 16, 'Økonomiudvalget anbefaler overfor Byrådet at Beskæftigelses- og Erhvervsudvalget godkendes.'],
      ['Byråd 2022-2025', '2022-01-31', 17, 'Byrådet godkendte Økonomiudvalgets indstilling.'],
    ]);
  }, 60_000);

  it('resolves nearly every quoted decision to its meeting, and most say what the referat records', () => {
    let quoting = 0;
    let resolved = 0;
    let differ = 0;
    for (const r of load().referater()) {
      for (const p of r.punkter) {
        for (const h of p.history) {
          if (!h.body || !h.date || !quotesDecision(h.text)) continue;
          quoting++;
          const t = archive.resolveHistory(p.caseKey, h, h.text);
          if (!t) continue;
          resolved++;
          if (difference(h.text, t.punkt.decision ?? '')) differ++;
        }
      }
    }
    // The figures of docs/archive.md (1,804 / 1,781 / 48 when written).
    expect(quoting).toBeGreaterThan(1750);
    expect(resolved / quoting).toBeGreaterThan(0.98);
    expect(differ / resolved).toBeLessThan(0.04);
  }, 60_000);

  it('does not take the extraordinary and the ordinary Byråd meeting of 8 September 2025 for one', () => {
    const a = load();
    expect(a.meetingsOn('Byrådet', '2025-09-08')).toHaveLength(2);
    const findings = lintArchive(a.referat('greve_byraad-2022-2025_2025-09-08-2.txt')!, a, { only: ['duplicate-meeting', 'duplicate-punkt-number'] });
    expect(findings).toEqual([]);
  }, 60_000);

  it('prints the case on the command line', () => {
    const out = execFileSync('node', [path.join(root, 'dist/cli.js'), 'cases', greve, '--case', '21-016074', '--json'], { encoding: 'utf8', maxBuffer: 1 << 26 });
    const [c] = JSON.parse(out);
    expect(c.treatments.map((t: { committee: string; punkt: number }) => `${t.committee} ${t.punkt}`)).toEqual([
      'Byråd 2022-2025 17',
      'Økonomiudvalget 16',
      'Beskæftigelses- og Erhvervsudvalget 5',
    ]);
  }, 60_000);
});
