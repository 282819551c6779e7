// Every consumer of a vote's tally gives the same figures: the outline JSON, the HTML page's vote
// tables, the code lens, the hover and the vote-outcome rule, over the seeds (with the membership
// fixture) and the Greve corpus (with its referat.config.json; skipped where the corpus is absent).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { outlineJson } from '../../server/src/cli/outline';
import { parseConfig } from '../../server/src/config/load';
import { Membership } from '../../server/src/config/membership';
import type { ReferatConfig } from '../../server/src/config/types';
import { voteSummary } from '../../server/src/lsp/codeLens';
import { describeVote } from '../../server/src/lsp/hover';
import { readReferat } from '../../server/src/reader';
import { renderHtml } from '../../server/src/render';
import { lint } from '../../server/src/rules';
import { countText, tallyVote } from '../../server/src/votes';
import { fixtures, readSeed, seedFiles } from '../helpers/golden';

const corpus = path.resolve(__dirname, '../../../shared/corpus/greve');
const hasCorpus = fs.existsSync(path.join(corpus, 'expect-outline.json'));

/** The figures of one vote as each consumer shows them, and as the tally has them. */
function figures(
  file: string,
  text: string,
  config: ReferatConfig,
): { tally: string[]; outline: string[]; page: string[]; lens: string[]; hover: string[]; outcome: string[]; rule: string[] } {
  const doc = readReferat(text);
  const membership = new Membership(doc, config);
  const out = { tally: [] as string[], outline: [] as string[], page: [] as string[], lens: [] as string[], hover: [] as string[], outcome: [] as string[], rule: [] as string[] };
  const outline = outlineJson(file, doc, membership);
  doc.items.forEach((item, i) => {
    item.votes.forEach((vote, j) => {
      const t = tallyVote(doc, item, vote, membership);
      const at = `${file}:${vote.line + 1}`;
      out.tally.push(`${at} ${countText(t.for)}/${countText(t.against)}/${countText(t.abstain)} absent ${t.absent}`);
      const c = outline.items[i].votes[j];
      out.outline.push(`${at} ${countText(c.counts.for)}/${countText(c.counts.against)}/${countText(c.counts.abstain)} absent ${c.absent.length}`);
      const lens = /^For (\S+) · Imod (\S+) · Undlod (\S+) · Fraværende (\d+)/.exec(voteSummary(doc, membership, item, vote, 'da'))!;
      out.lens.push(`${at} ${lens[1]}/${lens[2]}/${lens[3]} absent ${lens[4]}`);
      const hover = describeVote(doc, membership, item, vote, 'da');
      const row = (label: string) => new RegExp(`\\| ${label} \\| (\\S+) \\|`).exec(hover)![1];
      out.hover.push(`${at} ${row('For')}/${row('Imod')}/${row('Undlod')} absent ${row('Fraværende')}`);
      if (vote.outcome && vote.outcomeRange && t.computed && t.computed !== vote.outcome) out.outcome.push(`${at}`);
    });
  });
  const html = renderHtml(doc, text, { locale: 'da', standalone: true, config });
  for (const m of html.matchAll(/<table class="vote" data-line="(\d+)" data-for="([^"]*)" data-against="([^"]*)" data-abstain="([^"]*)" data-absent="(\d+)"/g)) {
    out.page.push(`${file}:${Number(m[1]) + 1} ${m[2]}/${m[3]}/${m[4]} absent ${m[5]}`);
  }
  // The rule reports at the outcome; the vote it is about is its related range.
  for (const f of lint(doc, text, { config, only: ['vote-outcome'] })) out.rule.push(`${file}:${(f.related?.[0]?.range.start.line ?? -1) + 1}`);
  return out;
}

function expectSame(docs: { file: string; text: string; config: ReferatConfig }[]): number {
  let votes = 0;
  for (const { file, text, config } of docs) {
    const f = figures(file, text, config);
    votes += f.tally.length;
    expect(f.outline, 'outline').toEqual(f.tally);
    expect(f.lens, 'code lens').toEqual(f.tally);
    expect(f.hover, 'hover').toEqual(f.tally);
    expect([...f.page].sort(), 'page').toEqual([...f.tally].sort());
    expect(f.rule, 'vote-outcome').toEqual(f.outcome);
  }
  return votes;
}

describe('the tally, as every consumer shows it', () => {
  it('the seeds, with the membership fixture and without', () => {
    const config = parseConfig(fs.readFileSync(path.join(fixtures, 'membership/referat.config.json'), 'utf8')).config;
    const docs = seedFiles.map((file) => ({ file, text: readSeed(file), config }));
    expect(expectSame(docs)).toBeGreaterThan(5);
    expect(expectSame(docs.map((d) => ({ ...d, config: {} })))).toBeGreaterThan(5);
  });

  it.skipIf(!hasCorpus)(
    'the Greve meetings with votes, with their referat.config.json (needs ../shared/corpus; skipped without it)',
    () => {
      const expected = JSON.parse(fs.readFileSync(path.join(corpus, 'expect-outline.json'), 'utf8')).files as Record<string, { votes?: unknown[] }>;
      const config = parseConfig(fs.readFileSync(path.join(corpus, 'referat.config.json'), 'utf8')).config;
      const files = Object.keys(expected).filter((f) => expected[f].votes?.length);
      const docs = files.map((file) => ({ file, text: fs.readFileSync(path.join(corpus, file), 'utf8'), config }));
      expect(expectSame(docs)).toBeGreaterThan(200);
    },
    120_000,
  );
});
