// The formats of `referat lint` on hand-made findings, and the pure parts of --fix and the thread
// pool: independent of what the rules find in the seeds.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decode, decodeCp1252, encode } from '../../server/src/host/files';
import {
  type FileReport,
  type LintReport,
  escapeData,
  escapeProperty,
  escapeXml,
  formatGithub,
  formatJson,
  formatJunit,
  formatStylish,
  sarifLog,
} from '../../server/src/cli/formats';
import { MAX_FIX_PASSES, fixText, lineBreakOf } from '../../server/src/cli/lintFile';
import { workerCount } from '../../server/src/cli/pool';
import type { Finding, Rule } from '../../server/src/rules/types';
import { sarifErrors, xmlProblems } from './lint-helpers';

const at = (line: number, character: number, endLine = line, endCharacter = character + 5) => ({
  start: { line, character },
  end: { line: endLine, character: endCharacter },
});
const msg = (en: string, da: string = en) => ({ en, da });

const rules: Rule[] = [
  { id: 'vote-tally', description: msg('Votes add up', 'Stemmerne passer'), defaultSeverity: 'error', fixable: false, check: () => {} },
  { id: 'inconsistent-name', description: msg('Names are spelled the same', 'Navne staves ens'), defaultSeverity: 'warning', fixable: true, check: () => {} },
  { id: 'quorum', description: msg('Quorum', 'Beslutningsdygtighed'), defaultSeverity: 'info', fixable: false, check: () => {} },
];

const findings: Finding[] = [
  {
    ruleId: 'vote-tally',
    severity: 'error',
    range: at(9, 0, 9, 12),
    message: msg('3 for, 2 against: 6 members voted', '3 for, 2 imod: 6 medlemmer stemte'),
    related: [{ range: at(2, 4), message: msg('The attendees', 'Mødedeltagerne') }],
  },
  {
    ruleId: 'inconsistent-name',
    severity: 'warning',
    range: at(119, 14, 119, 35),
    message: msg('Nicolai Busch Bährenz is spelled "Bæhrenz" elsewhere, 100% of the time: see <here> & "there"\nsecond line, too'),
    fix: { title: msg('Write Nicolai Busch Bæhrenz', 'Skriv Nicolai Busch Bæhrenz'), edits: [{ range: at(119, 14, 119, 35), newText: 'Nicolai Busch Bæhrenz' }] },
  },
  { ruleId: 'quorum', severity: 'info', range: at(0, 0, 3, 2), message: msg('Members unknown\u0007', 'Medlemmer ukendte') },
];

const cwd = path.resolve('/work/project');
const report = (files: FileReport[], extra: Partial<LintReport> = {}): LintReport => ({
  files,
  problems: [],
  locale: 'en',
  cwd,
  rules,
  version: '0.1.0',
  ...extra,
});
const sample = report([
  { file: 'minutes/møde 1.referat.txt', findings },
  { file: 'minutes/clean.referat', findings: [] },
]);

describe('stylish', () => {
  it('prints each file, aligned rows with 1-based positions, and a summary', () => {
    const out = formatStylish(sample);
    expect(out).toContain('\nminutes/møde 1.referat.txt\n');
    expect(out).not.toContain('clean.referat');
    const rows = out.split('\n').filter((l) => /^\s+\d+:\d+/.test(l));
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatch(/^ {3}10:1 {3}error {4}3 for, 2 against: 6 members voted +vote-tally$/);
    expect(rows[1]).toMatch(/^ {2}120:15 {2}warning {2}Nicolai .* second line, too {2}inconsistent-name$/);
    expect(rows[2]).toMatch(/^ {4}1:1 {3}info {5}Members unknown/);
    // The message column starts at the same place on every row.
    expect(new Set(rows.map((r) => r.search(/(3 for|Nicolai|Members)/))).size).toBe(1);
    expect(out).toContain('✖ 3 problems (1 error, 1 warning, 1 info)');
    expect(out).toContain('1 of them can be fixed with the `--fix` option.');
    expect(out).not.toContain('\x1b[');
  });

  it('speaks Danish, colours only when asked, and prints nothing when clean', () => {
    const da = formatStylish({ ...sample, locale: 'da' });
    expect(da).toContain('fejl');
    expect(da).toContain('advarsel');
    expect(da).toContain('✖ 3 problemer (1 fejl, 1 advarsel, 1 info)');
    expect(da).toContain('3 for, 2 imod: 6 medlemmer stemte');
    const coloured = formatStylish({ ...sample, color: true });
    expect(coloured).toContain('\x1b[31merror');
    expect(coloured).toContain('\x1b[33mwarning');
    expect(coloured).toContain('\x1b[4mminutes/møde 1.referat.txt\x1b[24m');
    expect(formatStylish(report([{ file: 'a.referat', findings: [] }]))).toBe('');
    const two = formatStylish(report([{ file: 'a', findings: [findings[0], findings[0]] }]));
    expect(two).toContain('✖ 2 problems (2 errors, 0 warnings, 0 infos)');
  });
});

describe('json', () => {
  it('gives flat findings with 1-based positions and the message in the locale', () => {
    const out = JSON.parse(formatJson(sample));
    expect(out).toHaveLength(3);
    expect(out[0]).toEqual({
      file: 'minutes/møde 1.referat.txt',
      line: 10,
      column: 1,
      endLine: 10,
      endColumn: 13,
      severity: 'error',
      ruleId: 'vote-tally',
      message: '3 for, 2 against: 6 members voted',
    });
    expect(Object.keys(out[1])).toEqual(['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'ruleId', 'message']);
    expect(out[2]).toMatchObject({ line: 1, column: 1, endLine: 4, endColumn: 3, severity: 'info' });
    expect(JSON.parse(formatJson({ ...sample, locale: 'da' }))[0].message).toBe('3 for, 2 imod: 6 medlemmer stemte');
    expect(JSON.parse(formatJson(report([])))).toEqual([]);
  });
});

describe('sarif', () => {
  it('is valid SARIF 2.1.0 with every rule, results, related locations and fixes', () => {
    const log = sarifLog(sample);
    expect(sarifErrors(log)).toEqual([]);
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    expect(log.runs).toHaveLength(1);
    const run = log.runs[0];
    const driver = run.tool.driver;
    expect(driver.name).toBe('referat');
    expect(driver.version).toBe('0.1.0');
    expect(driver.rules.map((r) => r.id)).toEqual(['vote-tally', 'inconsistent-name', 'quorum']);
    expect(driver.rules[1]).toMatchObject({
      shortDescription: { text: 'Names are spelled the same' },
      fullDescription: { text: 'Names are spelled the same' },
      helpUri: 'https://github.com/referat-tools/referat/blob/main/docs/rules/inconsistent-name.md',
      defaultConfiguration: { level: 'warning' },
    });
    expect(driver.rules[1]).toMatchObject({ help: { text: expect.stringContaining('inconsistent-name.md') } });
    expect(driver.rules[2]).toMatchObject({ defaultConfiguration: { level: 'note' } });
    expect(run.results.map((r) => [r.ruleId, r.ruleIndex, r.level])).toEqual([
      ['vote-tally', 0, 'error'],
      ['inconsistent-name', 1, 'warning'],
      ['quorum', 2, 'note'],
    ]);
    const [tally, name] = run.results;
    expect(tally.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'minutes/m%C3%B8de%201.referat.txt', uriBaseId: '%SRCROOT%' },
      region: { startLine: 10, startColumn: 1, endLine: 10, endColumn: 13 },
    });
    expect(tally.relatedLocations?.[0]).toMatchObject({ message: { text: 'The attendees' }, physicalLocation: { region: { startLine: 3, startColumn: 5 } } });
    expect(name.fixes?.[0]).toEqual({
      description: { text: 'Write Nicolai Busch Bæhrenz' },
      artifactChanges: [
        {
          artifactLocation: { uri: 'minutes/m%C3%B8de%201.referat.txt', uriBaseId: '%SRCROOT%' },
          replacements: [{ deletedRegion: { startLine: 120, startColumn: 15, endLine: 120, endColumn: 36 }, insertedContent: { text: 'Nicolai Busch Bæhrenz' } }],
        },
      ],
    });
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toBe(pathToFileURL(cwd).href + '/');
    expect(run.invocations[0].executionSuccessful).toBe(true);
  });

  it('stays valid with files outside the working folder, no findings, and files that could not be read', () => {
    const log = sarifLog(
      report([{ file: path.resolve('/elsewhere/x.referat'), findings: [findings[0]] }], {
        problems: [
          { file: 'missing.referat', message: 'missing.referat: no such file' },
          { file: null, message: 'nothing matches' },
        ],
        locale: 'da',
      }),
    );
    expect(sarifErrors(log)).toEqual([]);
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toMatch(/^(\.\.\/|file:)/);
    expect(log.runs[0].invocations[0].executionSuccessful).toBe(false);
    expect(log.runs[0].invocations[0].toolExecutionNotifications).toHaveLength(2);
    expect(log.runs[0].results[0].message.text).toBe('3 for, 2 imod: 6 medlemmer stemte');
    expect(sarifErrors(sarifLog(report([])))).toEqual([]);
  });

  it('gives a finding of a rule it does not know a descriptor of its own', () => {
    const log = sarifLog(report([{ file: 'a.referat', findings: [{ ...findings[0], ruleId: 'new-rule' }, findings[1]] }]));
    expect(sarifErrors(log)).toEqual([]);
    expect(log.runs[0].tool.driver.rules.map((r) => r.id)).toEqual(['vote-tally', 'inconsistent-name', 'quorum', 'new-rule']);
    expect(log.runs[0].results.map((r) => r.ruleIndex)).toEqual([3, 1]);
  });

  it('the validator does reject a broken log', () => {
    const log = sarifLog(sample) as unknown as { runs: Array<{ results: Array<Record<string, unknown>> }> };
    log.runs[0].results[0].level = 'fatal';
    expect(sarifErrors(log).length).toBeGreaterThan(0);
  });
});

describe('github', () => {
  it('escapes messages and properties as GitHub documents', () => {
    expect(escapeData('100% done\r\nnext')).toBe('100%25 done%0D%0Anext');
    // Other control characters are shown, never sent: `\x1B]0;…\x07` would retitle the terminal.
    expect(escapeData('a\u001b]0;x\u0007\u009bb')).toBe('a\\x1B]0;x\\x07\\x9Bb');
    expect(escapeProperty('a:b,c%d\ne')).toBe('a%3Ab%2Cc%25d%0Ae');
  });

  it('gives one workflow command per finding, columns only on one-line findings', () => {
    const lines = formatGithub(
      report([{ file: path.join(cwd, 'minutes/a,b:c.referat'), findings }], { problems: [{ file: 'gone.referat', message: 'gone.referat: no such file' }] }),
    )
      .trimEnd()
      .split('\n');
    expect(lines).toEqual([
      '::error file=gone.referat::gone.referat: no such file',
      '::error file=minutes/a%2Cb%3Ac.referat,line=10,endLine=10,col=1,endColumn=13,title=vote-tally::3 for, 2 against: 6 members voted',
      '::warning file=minutes/a%2Cb%3Ac.referat,line=120,endLine=120,col=15,endColumn=36,title=inconsistent-name::Nicolai Busch Bährenz is spelled "Bæhrenz" elsewhere, 100%25 of the time: see <here> & "there"%0Asecond line, too',
      '::notice file=minutes/a%2Cb%3Ac.referat,line=1,endLine=4,title=quorum::Members unknown\\x07',
    ]);
    expect(formatGithub(report([]))).toBe('');
  });
});

describe('junit', () => {
  it('is well-formed XML: a testsuite per file, a failing testcase per error or warning', () => {
    const xml = formatJunit(
      report([...sample.files, { file: 'odd <&> "name\'.referat', findings: [findings[1]] }], { problems: [{ file: 'x.referat', message: 'x.referat: cannot be read (EACCES)' }] }),
    );
    expect(xmlProblems(xml)).toEqual([]);
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="referat" tests="6" failures="3" errors="1" time="0">/);
    expect(xml.match(/<testsuite /g)).toHaveLength(4);
    expect(xml.match(/<failure /g)).toHaveLength(3);
    expect(xml).toContain('<testsuite name="minutes/møde 1.referat.txt" tests="3" failures="2" errors="0" skipped="0" time="0">');
    expect(xml).toContain('name="10:1 vote-tally"');
    expect(xml).toContain(
      '<failure type="error" message="3 for, 2 against: 6 members voted">minutes/møde 1.referat.txt:10:1: error: 3 for, 2 against: 6 members voted (vote-tally)</failure>',
    );
    expect(xml).toContain('see &lt;here&gt; &amp; &quot;there&quot;&#10;second line');
    expect(xml).toContain('<testsuite name="odd &lt;&amp;&gt; &quot;name&apos;.referat"');
    // The info passes, with its message as output; the BEL character is shown escaped, not sent.
    expect(xml).toMatch(/<testcase classname="[^"]*" name="1:1 quorum" time="0">\n\s*<system-out>[^<]*Members unknown\\x07 \(quorum\)<\/system-out>/);
    expect(xml).toContain('<testcase classname="minutes/clean.referat" name="no problems" time="0" />');
    expect(xml).toContain('<error message="x.referat: cannot be read (EACCES)">');
  });

  it('escapes what XML needs, shows control characters escaped and drops what it cannot hold', () => {
    expect(escapeXml(`a<b>&"c'\u0000\u001b\u009b\ud800😀`)).toBe('a&lt;b&gt;&amp;&quot;c&apos;\\x00\\x1B\\x9B😀');
    expect(xmlProblems(formatJunit(report([])))).toEqual([]);
  });
});

describe('--fix, apart from files', () => {
  const edit = (line: number, from: number, to: number, newText: string) => ({ range: at(line, from, line, to), newText });
  const finding = (ruleId: string, edits: ReturnType<typeof edit>[]): Finding => ({
    ruleId,
    severity: 'warning',
    range: edits[0].range,
    message: msg(ruleId),
    fix: { title: msg('fix'), edits },
  });

  it('applies whole fixes, leaves overlapping ones for the next round, and lints again until stable', () => {
    // A toy linter: "teh" → "the"; "colour" → "color"; the overlapping whole-line fix only once nothing else is left.
    const lintText = (text: string): Finding[] => {
      const out: Finding[] = [];
      text.split('\n').forEach((line, i) => {
        const teh = line.indexOf('teh');
        if (teh >= 0) out.push(finding('spelling', [edit(i, teh, teh + 3, 'the')]));
        if (line === 'teh colour') out.push(finding('whole-line', [edit(i, 0, line.length, 'the colour')]));
        const colour = line.indexOf('colour');
        if (colour >= 0) out.push(finding('us', [edit(i, colour, colour + 6, 'color')]));
      });
      return out;
    };
    const result = fixText('teh colour\nteh end\n', lintText);
    expect(result.text).toBe('the color\nthe end\n');
    expect(result.fixed).toEqual({ spelling: 2, us: 1 });
    expect(result.findings).toEqual([]);
  });

  it('writes inserted line breaks as the text has them', () => {
    const lintText = (text: string): Finding[] => (text.includes('B') ? [] : [finding('insert', [edit(0, 1, 1, '\nB\n')])]);
    expect(fixText('A\r\nC\r\n', lintText).text).toBe('A\r\nB\r\n\r\nC\r\n');
    expect(lineBreakOf('a\r\nb\r\nc\n')).toBe('\r\n');
    expect(lineBreakOf('a\nb')).toBe('\n');
    expect(lineBreakOf('a\rb\r')).toBe('\r');
    expect(lineBreakOf('')).toBe('\n');
  });

  it('stops after a bounded number of rounds when fixes never settle', () => {
    let calls = 0;
    const lintText = (text: string): Finding[] => {
      calls++;
      return [finding('flip', [edit(0, 0, 1, text.startsWith('a') ? 'b' : 'a')])];
    };
    const result = fixText('a', lintText);
    expect(result.fixed.flip).toBe(MAX_FIX_PASSES);
    expect(calls).toBe(MAX_FIX_PASSES + 1);
  });

  it('writes Windows-1252 back byte for byte, refuses what it cannot hold, and keeps a BOM', () => {
    const bytes = Buffer.from([0x52, 0xf8, 0x64, 0x20, 0x80, 0x20, 0x96, 0x0d, 0x0a, 0xe6, 0x81]);
    const { text, encoding } = decode(bytes);
    expect(encoding).toBe('windows-1252');
    expect(text).toBe('Rød € –\r\næ\u0081');
    expect(encode(text, 'windows-1252')).toEqual(bytes);
    expect(encode('✓ done', 'windows-1252')).toBeNull();
    // Every byte comes back as it was.
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(encode(decodeCp1252(all), 'windows-1252')).toEqual(Buffer.from(all));
    expect(decodeCp1252(Uint8Array.of(0x93, 0x92, 0x9f))).toBe('\u201C\u2019\u0178');
    const bom = decode(Buffer.from('\uFEFFReferat', 'utf8'));
    expect(bom).toEqual({ text: 'Referat', encoding: 'utf-8', bom: true });
    expect(encode(bom.text, 'utf-8', true)).toEqual(Buffer.from('\uFEFFReferat', 'utf8'));
  });
});

describe('worker threads', () => {
  it('are used only for more than 8 files on more than one core, one fewer than the cores', () => {
    expect(workerCount(8, {}, 8)).toBe(0);
    expect(workerCount(100, {}, 1)).toBe(0);
    expect(workerCount(100, {}, 2)).toBe(1);
    expect(workerCount(100, {}, 8)).toBe(7);
    expect(workerCount(12, {}, 8)).toBe(2);
    expect(workerCount(3, { REFERAT_WORKERS: '2' }, 1)).toBe(2);
    expect(workerCount(100, { REFERAT_WORKERS: '0' }, 8)).toBe(0);
    expect(workerCount(100, { REFERAT_WORKERS: 'many' }, 2)).toBe(1);
  });
});
