// The rule documentation is executable: every example in docs/rules/<id>.md is linted with its rule.
//
//   ```referat wrong      must give findings of the rule on the lines marked `<!-- ← <id> -->` at
//                         their end, and on no other line; the markers change neither the findings
//                         nor how the referat is read
//   ```referat right      must give no finding of the rule (and has no marker)
//   ```referat disabled   shows an inline directive: it gives no finding of the rule, the same text
//                         without its directives gives one, and the directives do not change how the
//                         referat is read (same meeting, table of contents, punkter, sections and votes)
//   ```json               a complete referat.config.json, valid against the schema
//   ```jsonc              VS Code settings: `referat.rules` names registered rules and severities
//
// Each doc also states its default severity and whether it has a quick fix, in English and in
// Danish, and these must agree with the rule.
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseJsonc, type ParseError } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../server/src/config/load';
import type { ReferatDocument } from '../../server/src/model';
import { readReferat } from '../../server/src/reader';
import { allRules, lint } from '../../server/src/rules';
import { archiveRules } from '../../server/src/rules/archive';
import type { Finding } from '../../server/src/rules/types';

const ROOT = path.resolve(__dirname, '../..');
const RULES_DIR = path.join(ROOT, 'docs/rules');
const CONFIG_DOC = path.join(ROOT, 'docs/configuration.md');
// The rules over many referater have pages too; their examples are several files (```text), not linted here (test/archive).
const overMany = archiveRules.filter((a) => !allRules.some((r) => r.id === a.id));
const ruleIds = [...allRules, ...overMany].map((r) => r.id);
const docFiles = fs
  .readdirSync(RULES_DIR)
  .filter((f) => f.endsWith('.md') && f !== 'README.md')
  .sort();
const read = (file: string) => fs.readFileSync(file, 'utf8');

interface Block {
  info: string;
  text: string;
  /** 1-based line of the opening fence in the markdown file, for messages. */
  line: number;
}

/** Fenced code blocks (``` only) with their info strings. */
function blocks(markdown: string): Block[] {
  const out: Block[] = [];
  const lines = markdown.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(.*)$/.exec(lines[i]);
    if (!open) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !/^```\s*$/.test(lines[i]); i++) body.push(lines[i]);
    out.push({ info: open[1].trim(), text: body.join('\n') + '\n', line: start + 1 });
  }
  return out;
}

const DIRECTIVE_LINE = /^\s*<!--\s*referat-[a-z-]+[^>]*-->\s*$/;
const DIRECTIVE_TAIL = /\s*<!--\s*referat-[a-z-]+[^>]*-->\s*$/;

/** The text without its inline directives: whole directive lines and directives at the end of a line. */
function withoutDirectives(text: string): string {
  return text
    .split('\n')
    .filter((l) => !DIRECTIVE_LINE.test(l))
    .map((l) => l.replace(DIRECTIVE_TAIL, ''))
    .join('\n');
}

/** `<!-- ← vote-tally -->` at the end of a line of a wrong example: the rule reports a finding there. */
const FINDING_MARK = /\s*<!--\s*←\s*([a-z-]+)\s*-->\s*$/;

/** The rule ids marked on each line of an example (0-based lines), and the text without the markers. */
function marked(text: string): { marks: Map<number, string>; bare: string } {
  const marks = new Map<number, string>();
  const bare = text
    .split('\n')
    .map((l, i) => {
      const m = FINDING_MARK.exec(l);
      if (m) marks.set(i, m[1]);
      return m ? l.slice(0, m.index) : l;
    })
    .join('\n');
  return { marks, bare };
}

/** The 0-based lines the findings start on, in order, each once. */
const linesOf = (findings: Finding[]) => [...new Set(findings.map((f) => f.range.start.line))].sort((a, b) => a - b);

/** What the reader makes of a referat, in the parts the rules look at (no ranges, no directive text). */
function reading(doc: ReferatDocument) {
  const names = (refs: { name: string }[]) => refs.map((r) => r.name);
  const m = doc.meeting;
  return {
    meeting: { committee: m.committee, period: m.period, date: m.date, titleDate: m.titleDate?.text ?? null, meetingDate: m.meetingDate?.text ?? null },
    attendees: m.attendees.map((a) => ({ name: a.name, absent: a.absent, party: a.party })),
    toc: doc.toc?.entries.map((e) => ({ title: e.title, page: e.page, number: e.number })) ?? null,
    items: doc.items.map((item) => ({
      number: item.number,
      title: item.title.replace(DIRECTIVE_TAIL, ''),
      caseType: item.caseType,
      caseNumber: item.caseNumber?.text ?? null,
      sections: item.sections.map((s) => `${s.kind}:${s.heading.text}`),
      votes: item.votes.map((v) => ({ for: names(v.for), against: names(v.against), abstain: names(v.abstain), counts: v.counts, outcome: v.outcome, committee: v.committee })),
      proposals: item.proposals.map((p) => names(p.proposers)),
      absences: item.absences.map((a) => `${a.person.name}/${a.scope}`),
    })),
  };
}

function findingsOf(id: string, text: string): Finding[] {
  // strict: a rule that throws fails the test, rather than passing every right example in silence.
  return lint(readReferat(text), text, { only: [id], strict: true }).filter((f) => f.ruleId === id);
}

const show = (findings: Finding[]) => findings.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.message.en}`).join('\n');

describe('rule documentation', () => {
  it('has docs/rules/<id>.md for every registered rule', () => {
    const missing = ruleIds.filter((id) => !docFiles.includes(`${id}.md`));
    expect(missing).toEqual([]);
  });

  it('documents only registered rules', () => {
    const unknown = docFiles.map((f) => path.basename(f, '.md')).filter((id) => !ruleIds.includes(id));
    expect(unknown).toEqual([]);
  });

  it('lists every rule in docs/rules/README.md with its default severity', () => {
    const readme = read(path.join(RULES_DIR, 'README.md')); // throws, and fails, when it is missing
    for (const rule of [...allRules, ...overMany]) {
      const row = readme.split('\n').find((l) => l.includes(`](${rule.id}.md)`));
      expect(row, `README.md has no row linking ${rule.id}.md`).toBeDefined();
      expect(row, `README.md row of ${rule.id}`).toContain(`\`${rule.defaultSeverity}\``);
    }
  });
});

for (const rule of [...allRules, ...overMany]) {
  const file = path.join(RULES_DIR, `${rule.id}.md`);
  if (!fs.existsSync(file)) continue; // reported above
  const markdown = read(file);
  const all = blocks(markdown);
  const examples = all.filter((b) => b.info.startsWith('referat'));

  describe(`docs/rules/${rule.id}.md`, () => {
    it('is titled with the rule id and has a Danish section', () => {
      expect(markdown.split('\n')[0]).toBe(`# ${rule.id}`);
      expect(markdown).toMatch(/^## På dansk$/m);
    });

    it(`states the default severity (${rule.defaultSeverity}) in English and Danish`, () => {
      const en = [...markdown.matchAll(/\*\*Default severity:\*\*\s*`(\w+)`/g)].map((m) => m[1]);
      const da = [...markdown.matchAll(/\*\*Standardniveau:\*\*\s*`(\w+)`/g)].map((m) => m[1]);
      expect(en).toEqual([rule.defaultSeverity]);
      expect(da).toEqual([rule.defaultSeverity]);
    });

    it(`states whether it has a quick fix (${rule.fixable ? 'yes' : 'no'})`, () => {
      const en = [...markdown.matchAll(/\*\*Quick fix:\*\*\s*(yes|no)\b/gi)].map((m) => m[1].toLowerCase());
      const da = [...markdown.matchAll(/\*\*Hurtig rettelse:\*\*\s*(ja|nej)\b/gi)].map((m) => m[1].toLowerCase());
      expect(en).toEqual([rule.fixable ? 'yes' : 'no']);
      expect(da).toEqual([rule.fixable ? 'ja' : 'nej']);
    });

    it('tells how to switch the rule off in referat.config.json, in VS Code and inline', () => {
      expect(markdown).toContain(`"${rule.id}": "off"`);
      expect(markdown).toContain('referat.rules');
      expect(markdown).toContain(`<!-- referat-disable-next-line ${rule.id} -->`);
    });

    it('has at least one wrong and one right example, and no example of another kind', () => {
      const kinds = examples.map((b) => b.info);
      if (overMany.includes(rule as never)) return void expect(kinds).toEqual([]);
      expect(kinds.filter((k) => !['referat wrong', 'referat right', 'referat disabled'].includes(k))).toEqual([]);
      expect(kinds).toContain('referat wrong');
      expect(kinds).toContain('referat right');
    });

    examples.forEach((b) => {
      const where = `${rule.id}.md:${b.line}`;
      const { marks, bare } = marked(b.text);
      if (b.info === 'referat wrong') {
        it(`the wrong example at line ${b.line} gives a finding on each marked line and no other`, () => {
          expect([...new Set(marks.values())], `${where}: markers name the page's rule`).toEqual([rule.id]);
          const findings = findingsOf(rule.id, bare);
          // As lines of the markdown file, for the message.
          const inFile = (lines: number[]) => lines.map((l) => b.line + 1 + l);
          expect(inFile(linesOf(findings)), `${where}: findings (markdown lines)\n${show(findings)}`).toEqual(inFile([...marks.keys()].sort((x, y) => x - y)));
          expect(linesOf(findingsOf(rule.id, b.text)), `${where}: the markers change the findings`).toEqual(linesOf(findings));
          expect(reading(readReferat(b.text)), `${where}: the markers change how the referat is read`).toEqual(reading(readReferat(bare)));
        });
      } else if (b.info === 'referat right') {
        it(`the right example at line ${b.line} gives no finding`, () => {
          expect(marks.size, `${where}: a right example marks no finding`).toBe(0);
          expect(show(findingsOf(rule.id, b.text)), where).toBe('');
        });
      } else if (b.info === 'referat disabled') {
        it(`the directive example at line ${b.line} switches the rule off and nothing else`, () => {
          expect(marks.size, `${where}: a directive example marks no finding`).toBe(0);
          const bare = withoutDirectives(b.text);
          expect(bare, `${where} has no directive`).not.toBe(b.text);
          expect(b.text, `${where} names no rule in a directive`).toContain(rule.id);
          expect(findingsOf(rule.id, bare).length, `${where} without its directives gives no finding: it shows nothing`).toBeGreaterThan(0);
          expect(show(findingsOf(rule.id, b.text)), where).toBe('');
          expect(reading(readReferat(b.text)), `${where}: the directives change how the referat is read`).toEqual(reading(readReferat(bare)));
        });
      }
    });

    const configs = all.filter((b) => b.info === 'json');
    configs.forEach((b) => {
      it(`the referat.config.json at line ${b.line} is valid`, () => {
        expect(parseConfig(b.text).problems.map((p) => p.message.en)).toEqual([]);
      });
    });

    all
      .filter((b) => b.info === 'jsonc')
      .forEach((b) => {
        it(`the VS Code settings at line ${b.line} name registered rules`, () => checkSettings(b));
      });
  });
}

function checkSettings(b: Block) {
  const errors: ParseError[] = [];
  const value = parseJsonc(b.text, errors, { allowTrailingComma: true }) as Record<string, unknown>;
  expect(errors).toEqual([]);
  const rules = (value['referat.rules'] ?? {}) as Record<string, unknown>;
  for (const [id, severity] of Object.entries(rules)) {
    expect(ruleIds, `referat.rules names ${id}`).toContain(id);
    expect(['off', 'info', 'warning', 'error']).toContain(severity);
  }
}

describe('docs/configuration.md', () => {
  const markdown = fs.existsSync(CONFIG_DOC) ? read(CONFIG_DOC) : '';
  const all = blocks(markdown);

  it('exists', () => {
    expect(fs.existsSync(CONFIG_DOC)).toBe(true);
  });

  it('has valid referat.config.json examples', () => {
    const configs = all.filter((b) => b.info === 'json');
    expect(configs.length).toBeGreaterThan(0);
    for (const b of configs) expect(parseConfig(b.text).problems.map((p) => `line ${b.line}: ${p.message.en}`)).toEqual([]);
  });

  it('has VS Code settings that name registered rules', () => {
    for (const b of all.filter((x) => x.info === 'jsonc')) checkSettings(b);
  });

  it('links every rule it names to its page', () => {
    for (const m of markdown.matchAll(/\]\(rules\/([a-z-]+)\.md\)/g)) expect(ruleIds).toContain(m[1]);
  });
});
