// `referat lint` as people and CI run it: the built CLI as a child process, on the seeds (copied
// to scratch folders wherever anything is written) and on small referater made for the purpose.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decode } from '../../server/src/host/files';
import { Archive } from '../../server/src/archive/archive';
import { readReferat } from '../../server/src/reader';
import { allRules, lint, order } from '../../server/src/rules';
import { archiveRules, lintArchive } from '../../server/src/rules/archive';
import type { Finding } from '../../server/src/rules/types';
import { seedFiles, seedsDir } from '../helpers/golden';
import { cli, copy, lintFixtures, removeScratch, root, run, sarifErrors, scratch, xmlProblems } from './lint-helpers';

interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: 'error' | 'warning' | 'info';
  ruleId: string;
  message: string;
}

const relSeeds = path.relative(root, seedsDir);
const fixture = (name: string) => path.join(lintFixtures, name);
const hashOf = (dir: string) => {
  const h = createHash('sha256');
  for (const f of fs.readdirSync(dir).sort()) h.update(f).update(fs.readFileSync(path.join(dir, f)));
  return h.digest('hex');
};

/**
 * What the rules find in a file, run in this process: what the CLI must report. With the archive of
 * the files linted together, the rules over many referater too.
 */
function expected(file: string, shownAs: string, archive?: Archive): JsonFinding[] {
  const { text } = decode(fs.readFileSync(file));
  const doc = readReferat(text);
  const entry = archive?.referat(shownAs);
  const found = entry ? [...lint(doc, text), ...lintArchive(entry, archive!)].sort(order) : lint(doc, text);
  return found.map((f: Finding) => ({
    file: shownAs,
    line: f.range.start.line + 1,
    column: f.range.start.character + 1,
    endLine: f.range.end.line + 1,
    endColumn: f.range.end.character + 1,
    severity: f.severity,
    ruleId: f.ruleId,
    message: f.message.en,
  }));
}

const seedArchive = () => {
  const archive = new Archive();
  for (const f of seedFiles) {
    const { text } = decode(fs.readFileSync(path.join(seedsDir, f)));
    archive.addDocument(path.join(relSeeds, f), readReferat(text), text);
  }
  return archive;
};
const seedFindings = () => {
  const archive = seedArchive();
  return seedFiles.flatMap((f) => expected(path.join(seedsDir, f), path.join(relSeeds, f), archive));
};
const countOf = (list: JsonFinding[], severity: JsonFinding['severity']) => list.filter((f) => f.severity === severity).length;
const fixableCount = () =>
  seedFiles.reduce((n, f) => {
    const { text } = decode(fs.readFileSync(path.join(seedsDir, f)));
    return n + lint(readReferat(text), text).filter((x) => x.fix?.edits.length).length;
  }, 0);

const seedsHash = hashOf(seedsDir);

beforeAll(() => {
  if (!fs.existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build` first (npm test does)');
});
afterAll(removeScratch);

describe('referat lint on the seeds, in every format', () => {
  it('json: exactly the findings of the rules, 1-based, sorted by file', () => {
    const want = seedFindings();
    const res = run(['lint', '--format', 'json', relSeeds]);
    expect(res.stderr).toBe('');
    expect(res.status).toBe(countOf(want, 'error') ? 1 : 0);
    const got: JsonFinding[] = JSON.parse(res.stdout);
    expect(got).toEqual(want);
    expect(got.every((f) => f.line >= 1 && f.column >= 1 && (f.endLine > f.line || f.endColumn >= f.column))).toBe(true);
  });

  it('stylish: each file with findings, its rows and the summary, without colours in a pipe', () => {
    const want = seedFindings();
    const res = run(['lint', relSeeds]);
    expect(res.status).toBe(countOf(want, 'error') ? 1 : 0);
    expect(res.stdout).not.toContain('\x1b[');
    for (const file of new Set(want.map((f) => f.file))) expect(res.stdout).toContain(`\n${file}\n`);
    const rows = res.stdout.split('\n').filter((l) => /^\s+\d+:\d+\s+(error|warning|info)\s/.test(l));
    expect(rows).toHaveLength(want.length);
    for (const f of want) expect(res.stdout).toMatch(new RegExp(`\\s${f.line}:${f.column}\\s+${f.severity}\\s+${f.message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s+${f.ruleId}`));
    const [e, w, i] = [countOf(want, 'error'), countOf(want, 'warning'), countOf(want, 'info')];
    const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
    expect(res.stdout).toContain(
      `✖ ${plural(want.length, 'problem', 'problems')} (${plural(e, 'error', 'errors')}, ${plural(w, 'warning', 'warnings')}, ${plural(i, 'info', 'infos')})`,
    );
    if (fixableCount()) expect(res.stdout).toContain(`${fixableCount()} of them can be fixed with the \`--fix\` option.`);
  });

  it('sarif: valid against the SARIF 2.1.0 schema, every rule described, results where json has them', () => {
    const want = seedFindings();
    const res = run(['lint', '--format', 'sarif', relSeeds]);
    expect(res.status).toBe(countOf(want, 'error') ? 1 : 0);
    const log = JSON.parse(res.stdout);
    expect(sarifErrors(log)).toEqual([]);
    const [sarifRun] = log.runs;
    const rules: Array<{ id: string; helpUri: string; shortDescription: { text: string }; defaultConfiguration: { level: string } }> = sarifRun.tool.driver.rules;
    expect(rules.slice(0, allRules.length).map((r) => r.id)).toEqual(allRules.map((r) => r.id));
    for (const rule of rules.slice(0, allRules.length)) {
      expect(rule.helpUri).toBe(`https://github.com/referat-tools/referat/blob/main/docs/rules/${rule.id}.md`);
      expect(rule.shortDescription.text.length).toBeGreaterThan(0);
    }
    expect(sarifRun.results).toHaveLength(want.length);
    const level = { error: 'error', warning: 'warning', info: 'note' } as const;
    sarifRun.results.forEach((r: any, i: number) => {
      const f = want[i];
      expect(rules[r.ruleIndex].id).toBe(r.ruleId);
      expect(r).toMatchObject({ ruleId: f.ruleId, level: level[f.severity], message: { text: f.message } });
      expect(r.locations[0].physicalLocation).toEqual({
        artifactLocation: { uri: f.file.split(path.sep).join('/'), uriBaseId: '%SRCROOT%' },
        region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
      });
    });
    expect(sarifRun.results.filter((r: any) => r.fixes).length).toBe(fixableCount());
    expect(sarifRun.originalUriBaseIds['%SRCROOT%'].uri).toBe(`file://${root}/`);
  });

  it('github: one workflow command per finding', () => {
    const want = seedFindings();
    const res = run(['lint', '--format', 'github', relSeeds]);
    const lines = res.stdout.trimEnd().split('\n').filter(Boolean);
    expect(lines).toHaveLength(want.length);
    const command = { error: 'error', warning: 'warning', info: 'notice' } as const;
    lines.forEach((line, i) => {
      const f = want[i];
      const cols = f.line === f.endLine ? `,col=${f.column},endColumn=${f.endColumn}` : '';
      expect(line).toBe(`::${command[f.severity]} file=${f.file},line=${f.line},endLine=${f.endLine}${cols},title=${f.ruleId}::${f.message.replace(/%/g, '%25')}`);
    });
  });

  it('junit: well-formed, a testsuite per seed, a failure per error and warning', () => {
    const want = seedFindings();
    const res = run(['lint', '--format', 'junit', relSeeds]);
    expect(xmlProblems(res.stdout)).toEqual([]);
    expect(res.stdout.match(/<testsuite /g)).toHaveLength(seedFiles.length);
    expect((res.stdout.match(/<failure /g) ?? []).length).toBe(countOf(want, 'error') + countOf(want, 'warning'));
    expect(res.stdout).toContain(`<testsuites name="referat" tests="${want.length + seedFiles.filter((f) => !want.some((w) => w.file.endsWith(f))).length}"`);
  });

  it('never changes the seeds', () => {
    expect(hashOf(seedsDir)).toBe(seedsHash);
  });
});

describe('exit status, --max-warnings and --quiet', () => {
  it('is 0 when clean, 1 with errors, and 0 with warnings only', () => {
    const clean = run(['lint', fixture('clean.referat.txt')]);
    expect([clean.status, clean.stdout, clean.stderr]).toEqual([0, '', '']);
    const errors = run(['lint', fixture('errors.referat.txt')]);
    expect(errors.status).toBe(1);
    expect(errors.stdout).toMatch(/error\s+The title's date 31-02-2024 does not exist\s+meeting-date/);
    expect(errors.stdout).toMatch(/error\s+Punkt 1 appears twice\s+item-numbering/);
    const warnings = run(['lint', '--format', 'json', fixture('warnings.referat.txt')]);
    expect(warnings.status).toBe(0);
    const found: JsonFinding[] = JSON.parse(warnings.stdout);
    expect(found.length).toBeGreaterThanOrEqual(2);
    expect(found.every((f) => f.severity === 'warning')).toBe(true);
  });

  it('--max-warnings N fails with more than N warnings', () => {
    const file = fixture('warnings.referat.txt');
    const n = (JSON.parse(run(['lint', '--format', 'json', file]).stdout) as JsonFinding[]).length;
    expect(run(['lint', '--max-warnings', String(n), file]).status).toBe(0);
    const over = run(['lint', '--max-warnings', String(n - 1), file]);
    expect(over.status).toBe(1);
    expect(over.stderr).toContain(`too many warnings: ${n} (--max-warnings ${n - 1})`);
    expect(run(['lint', '--max-warnings=0', fixture('clean.referat.txt')]).status).toBe(0);
  });

  it('--quiet reports errors only, and its warnings do not count', () => {
    const quiet = run(['lint', '--quiet', '--max-warnings', '0', fixture('warnings.referat.txt')]);
    expect([quiet.status, quiet.stdout]).toEqual([0, '']);
    const errors = run(['lint', '--quiet', '--format', 'json', fixture('errors.referat.txt'), fixture('warnings.referat.txt')]);
    expect(errors.status).toBe(1);
    const found: JsonFinding[] = JSON.parse(errors.stdout);
    expect(found.length).toBe(2);
    expect(found.every((f) => f.severity === 'error')).toBe(true);
  });

  it('is 2 for a missing file, still lints the others and says so in the user language', () => {
    const res = run(['lint', '--format', 'json', 'nope.referat', fixture('errors.referat.txt')]);
    expect(res.status).toBe(2);
    expect(res.stderr).toContain('nope.referat: no such file');
    expect((JSON.parse(res.stdout) as JsonFinding[]).map((f) => f.ruleId)).toEqual(['meeting-date', 'item-numbering']);
    const da = run(['lint', 'nope.referat', fixture('errors.referat.txt')], { env: { LANG: 'da_DK.UTF-8' } });
    expect(da.status).toBe(2);
    expect(da.stderr).toContain('nope.referat: filen findes ikke');
    expect(da.stdout).toContain('Punkt 1 optræder to gange');
    expect(da.stdout).toContain('✖ 2 problemer (2 fejl, 0 advarsler, 0 info)');
    const en = run(['lint', 'nope.referat'], { env: { LANG: 'da_DK.UTF-8', REFERAT_LANG: 'en' } });
    expect(en.stderr).toContain('nope.referat: no such file');
  });

  it('is 2 with usage for bad options', () => {
    for (const args of [
      ['lint', '--format', 'xml'],
      ['lint', '--max-warnings', 'many'],
      ['lint', '--max-warnings', '-1'],
      ['lint', '--nope'],
      ['outline', '--fix', 'x'],
    ]) {
      const res = run(args);
      expect(res.status, args.join(' ')).toBe(2);
      expect(res.stdout).toBe('');
    }
    expect(run(['lint', '--format', 'xml']).stderr).toContain('unknown format "xml" (stylish, json, sarif, github or junit)');
    expect(run(['lint', '--nope']).stderr).toContain('Usage: referat');
  });

  it('documents lint in the help, in English and Danish', () => {
    const en = run(['lint', '--help']);
    expect(en.status).toBe(0);
    expect(en.stdout).toContain('lint [FILE|DIR|GLOB...]');
    for (const option of ['--format', '--config', '--fix', '--max-warnings', '--quiet']) expect(en.stdout).toContain(option);
    expect(en.stdout).toContain('the files\n  that use it are not linted');
    const da = run(['--help'], { env: { LANG: 'da_DK.UTF-8' } });
    expect(da.stdout).toContain('Kontrollér referater mod reglerne');
    expect(da.stdout).toContain('kontrolleres ikke');
  });
});

describe('folders, patterns and files that cannot be read', () => {
  /** A tree of referater and other files, with a symlink loop. */
  function tree(): string {
    const dir = scratch();
    const clean = fs.readFileSync(fixture('clean.referat.txt'));
    copy(fixture('clean.referat.txt'), path.join(dir, 'top.txt'));
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'Indkøbsliste\n\nMælk\nBrød\n');
    fs.writeFileSync(path.join(dir, 'README.md'), '# Referater\n\nHer ligger referaterne.\n');
    copy(fixture('errors.referat.txt'), path.join(dir, 'a/b/deep.referat'));
    copy(fixture('warnings.referat.txt'), path.join(dir, 'a/mid.referat.md'));
    copy(fixture('errors.referat.txt'), path.join(dir, 'node_modules/pkg/x.referat'));
    copy(fixture('errors.referat.txt'), path.join(dir, '.git/y.referat'));
    copy(fixture('clean.referat.txt'), path.join(dir, 'fake.referat/inner.referat.txt'));
    fs.writeFileSync(path.join(dir, 'a/b/scan.txt'), Buffer.concat([clean.subarray(0, 20), Buffer.from([0, 1, 2])]));
    fs.symlinkSync('..', path.join(dir, 'a/b/loop'));
    fs.symlinkSync('a', path.join(dir, 'link-to-a'));
    return dir;
  }
  // Which files were read: the copies of one referat are also one meeting filed twice (duplicate-meeting), which is not what these tests are about.
  const archiveOnly = new Set(archiveRules.map((r) => r.id).filter((id) => !allRules.some((r) => r.id === id)));
  const files = (stdout: string) => [...new Set((JSON.parse(stdout) as JsonFinding[]).filter((f) => !archiveOnly.has(f.ruleId)).map((f) => f.file))];

  it('walks folders: referater by name or first lines, not node_modules, dot-folders or a symlink loop', () => {
    const dir = tree();
    // No arguments: the current folder.
    const res = run(['lint', '--format', 'junit'], { cwd: dir });
    expect(res.status).toBe(2);
    expect(res.stderr).toMatch(/^a\/b\/loop: symbolic link loop back to \/\S+; not followed$/m);
    expect(xmlProblems(res.stdout)).toEqual([]);
    const suites = [...res.stdout.matchAll(/<testsuite name="([^"]+)"/g)].map((m) => m[1]);
    expect(suites).toEqual(['a/b/deep.referat', 'a/mid.referat.md', 'fake.referat/inner.referat.txt', 'top.txt', 'a/b/loop']);
    const json = run(['lint', '--format', 'json', '.'], { cwd: dir });
    expect(files(json.stdout)).toEqual(['a/b/deep.referat', 'a/mid.referat.md']);
    // The same folder by its absolute path.
    const abs = run(['lint', '--format', 'json', dir]);
    expect(files(abs.stdout)).toEqual([path.join(dir, 'a/b/deep.referat'), path.join(dir, 'a/mid.referat.md')]);
  });

  it('takes glob patterns, choosing files as in folders', () => {
    const dir = tree();
    const res = run(['lint', '--format', 'json', '**/*.referat*', '*.txt'], { cwd: dir });
    expect(res.status).toBe(1);
    expect(files(res.stdout)).toEqual(['a/b/deep.referat', 'a/mid.referat.md']);
    const none = run(['lint', 'minutes/**/*.referat', '*.txt'], { cwd: dir });
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('minutes/**/*.referat: no referat matches this pattern');
  });

  it('a file named on the command line is linted whatever its name or first lines', () => {
    const dir = tree();
    const res = run(['lint', '--format', 'json', 'notes.txt', 'a/b/deep.referat'], { cwd: dir });
    expect(res.status).toBe(1);
    expect(res.stderr).toBe('');
    const empty = run(['lint', '.'], { cwd: path.join(dir, '.git') });
    expect(empty.status).toBe(1);
    const none = run(['lint', 'pkg'], { cwd: path.join(dir, 'a') });
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('pkg: no such file');
    fs.mkdirSync(path.join(dir, 'empty'));
    const noReferater = run(['lint'], { cwd: path.join(dir, 'empty') });
    expect([noReferater.status, noReferater.stderr]).toEqual([0, 'referat: no referater found\n']);
  });

  it('reports a file and a folder it may not read, and lints the rest', () => {
    const dir = tree();
    const locked = path.join(dir, 'a/locked.referat');
    copy(fixture('clean.referat.txt'), locked);
    fs.chmodSync(locked, 0o000);
    fs.mkdirSync(path.join(dir, 'closed'));
    copy(fixture('errors.referat.txt'), path.join(dir, 'closed/hidden.referat'));
    fs.chmodSync(path.join(dir, 'closed'), 0o000);
    // Root reads everything: run the CLI as nobody then.
    const asRoot = process.getuid?.() === 0;
    const res = run(['lint', '--format', 'json', 'a', 'closed'], { cwd: dir, ...(asRoot ? { uid: 65534, gid: 65534 } : {}) });
    fs.chmodSync(path.join(dir, 'closed'), 0o755);
    expect(res.status).toBe(2);
    expect(res.stderr).toMatch(/a\/locked\.referat: cannot be read \(.*EACCES.*\)/);
    expect(res.stderr).toMatch(/closed: cannot be read \(.*EACCES.*\)/);
    expect(files(res.stdout)).toEqual(['a/b/deep.referat', 'a/mid.referat.md']);
  });

  it('refuses a folder, or a missing file, as the configuration', () => {
    const dir = tree();
    const res = run(['lint', '--format', 'json', '--config', 'a', '.'], { cwd: dir });
    expect(res.status).toBe(2);
    expect(res.stderr).toContain('a: is a directory, not a configuration file');
    expect(res.stdout).toBe('[]\n');
    const missing = run(['lint', '--config', 'nope.json', '.'], { cwd: dir });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('nope.json: no such file');
    // A file given as a folder.
    const notDir = run(['lint', 'top.txt/'], { cwd: dir });
    expect(notDir.status).toBe(2);
    expect(notDir.stderr).toContain('top.txt/: no such file');
  });
});

describe('configuration', () => {
  function project(): string {
    const dir = scratch();
    copy(fixture('warnings.referat.txt'), path.join(dir, 'plain/w.referat'));
    copy(fixture('warnings.referat.txt'), path.join(dir, 'relaxed/deeper/w.referat'));
    fs.writeFileSync(path.join(dir, 'relaxed/referat.config.json'), '{ "rules": { "required-section": "off", "empty-section": "error" } }\n');
    copy(fixture('warnings.referat.txt'), path.join(dir, 'broken/w.referat'));
    copy(fixture('errors.referat.txt'), path.join(dir, 'broken/sub/e.referat'));
    fs.writeFileSync(path.join(dir, 'broken/referat.config.json'), '{\n  "rules": {\n    "required-section": "sometimes"\n  }\n}\n');
    return dir;
  }

  it('uses the nearest referat.config.json of each file, and does not lint files under a broken one', () => {
    const dir = project();
    const res = run(['lint', '--format', 'json', '.'], { cwd: dir });
    expect(res.status).toBe(2);
    expect(res.stderr).toMatch(/^broken\/referat\.config\.json:3:5: \/rules\/required-section .*/m);
    expect(res.stderr).toContain('broken/referat.config.json: has problems, so 2 files that use it were not linted');
    const found: JsonFinding[] = JSON.parse(res.stdout);
    expect([...new Set(found.map((f) => f.file))]).toEqual(['plain/w.referat', 'relaxed/deeper/w.referat']);
    const relaxed = found.filter((f) => f.file.startsWith('relaxed'));
    expect(relaxed.some((f) => f.ruleId === 'required-section')).toBe(false);
    expect(relaxed.find((f) => f.ruleId === 'empty-section')?.severity).toBe('error');
    expect(found.filter((f) => f.file.startsWith('plain')).some((f) => f.ruleId === 'required-section')).toBe(true);
  });

  it('--config FILE is used for every file; a broken one lints nothing', () => {
    const dir = project();
    const res = run(['lint', '--format', 'json', '--config', 'relaxed/referat.config.json', '.'], { cwd: dir });
    expect(res.status).toBe(1);
    const found: JsonFinding[] = JSON.parse(res.stdout);
    expect([...new Set(found.map((f) => f.file))]).toEqual(['broken/sub/e.referat', 'broken/w.referat', 'plain/w.referat', 'relaxed/deeper/w.referat']);
    expect(found.some((f) => f.ruleId === 'required-section')).toBe(false);
    const broken = run(['lint', '--format', 'sarif', '--config', 'broken/referat.config.json', '.'], { cwd: dir, env: { LANG: 'da_DK.UTF-8' } });
    expect(broken.status).toBe(2);
    expect(broken.stderr).toContain('broken/referat.config.json:3:5: /rules/required-section');
    expect(broken.stderr).toContain('broken/referat.config.json: har fejl; intet er kontrolleret');
    const log = JSON.parse(broken.stdout);
    expect(sarifErrors(log)).toEqual([]);
    expect(log.runs[0].results).toEqual([]);
    expect(log.runs[0].invocations[0].executionSuccessful).toBe(false);
  });
});

describe('--fix', () => {
  it('fixes copies of the seeds, says what it changed, and reports what is left', () => {
    const dir = scratch();
    for (const f of seedFiles) copy(path.join(seedsDir, f), path.join(dir, f));
    const before = new Map(seedFiles.map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]));
    const fixable = new Map(
      seedFiles.map((f) => {
        const text = before.get(f) ?? '';
        return [f, lint(readReferat(text), text).filter((x) => x.fix?.edits.length)];
      }),
    );
    const res = run(['lint', '--fix', '--format', 'json', '.'], { cwd: dir });
    expect(res.status).not.toBe(2);
    for (const f of seedFiles) {
      const after = fs.readFileSync(path.join(dir, f), 'utf8');
      const wanted = fixable.get(f) ?? [];
      if (!wanted.length) {
        expect(after, f).toBe(before.get(f));
        continue;
      }
      expect(after, f).not.toBe(before.get(f));
      const line = res.stderr.split('\n').find((l) => l.startsWith(`${f}: `));
      expect(line, f).toMatch(/^\S+: (1 fix|\d+ fixes) applied \(.+\)$/);
      for (const ruleId of new Set(wanted.map((x) => x.ruleId))) expect(line).toContain(ruleId);
    }
    // What it reports is what is left in the files.
    const again = run(['lint', '--format', 'json', '.'], { cwd: dir });
    expect(again.stdout).toBe(res.stdout);
    expect(again.status).toBe(res.status);
    // And a second --fix has nothing left to do.
    const second = run(['lint', '--fix', '--format', 'json', '.'], { cwd: dir });
    expect(second.stderr).not.toMatch(/applied/);
    expect(hashOf(seedsDir)).toBe(seedsHash);
  });

  it('keeps CRLF line breaks and writes nothing when there is nothing to fix', () => {
    const dir = scratch();
    const crlf = path.join(dir, 'crlf.referat.txt');
    fs.writeFileSync(crlf, fs.readFileSync(path.join(seedsDir, '003_4215b85305d5dec8.txt'), 'utf8').replace(/\n/g, '\r\n'));
    const clean = copy(fixture('clean.referat.txt'), path.join(dir, 'clean.referat.txt'));
    const mtime = fs.statSync(clean).mtimeMs;
    const res = run(['lint', '--fix', '.'], { cwd: dir });
    expect(res.stderr).toMatch(/^crlf\.referat\.txt: \d+ fix(es)? applied/m);
    const text = fs.readFileSync(crlf, 'utf8');
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(fs.statSync(clean).mtimeMs).toBe(mtime);
  });

  it('fixes a Windows-1252 file and writes it back as Windows-1252 with its line breaks', () => {
    const dir = scratch();
    const file = path.join(dir, 'ansi.referat.txt');
    const text = fs.readFileSync(fixture('errors.referat.txt'), 'utf8').replace('Godkendt.', 'Godkendt – med “bemærkninger”.').replace(/\n/g, '\r\n');
    const high: Record<string, number> = { '–': 0x96, '“': 0x93, '”': 0x94 };
    const cp1252 = (s: string) => Buffer.from([...s].map((c) => high[c] ?? c.charCodeAt(0)));
    fs.writeFileSync(file, cp1252(text));
    const lintOnly = run(['lint', '--format', 'json', file]);
    expect(lintOnly.status).toBe(1);
    expect(lintOnly.stderr).toContain('ansi.referat.txt: not UTF-8; read as Windows-1252');
    const res = run(['lint', '--fix', 'ansi.referat.txt'], { cwd: dir });
    expect(res.stderr).toContain('ansi.referat.txt: 1 fix applied (item-numbering); written as Windows-1252');
    expect(res.status).toBe(1); // the impossible date cannot be fixed
    expect(fs.readFileSync(file)).toEqual(cp1252(text.replace('Punkt 1: Orientering', 'Punkt 2: Orientering')));
  });

  it('reads a UTF-8 file with one stray byte as UTF-8, reports the byte, and writes no fixes to it', () => {
    const dir = scratch();
    const file = path.join(dir, 'stray.referat.txt');
    const text = fs.readFileSync(fixture('errors.referat.txt'), 'utf8').replace('Godkendt.', 'Godkendt af udvalget på mødet.');
    // `på` with its `å` written as the Windows-1252 byte 0xE5, in a file that is otherwise UTF-8 (with `æøå` elsewhere).
    const [before, after] = text.split('på mødet');
    const bytes = Buffer.concat([Buffer.from(before + 'p', 'utf8'), Buffer.of(0xe5), Buffer.from(' mødet' + after, 'utf8')]);
    fs.writeFileSync(file, bytes);
    const line = before.split('\n').length - 1;
    const column = before.split('\n').pop()!.length + 1;
    const linted = run(['lint', '--format', 'json', file]);
    expect(linted.stderr).not.toContain('Windows-1252');
    const findings: JsonFinding[] = JSON.parse(linted.stdout);
    // 1-based, as the JSON format gives places.
    expect(findings.filter((f) => f.ruleId === 'unreadable-character').map((f) => [f.line, f.column])).toEqual([[line + 1, column + 1]]);
    // Every other Danish letter is read as written.
    expect(findings.some((f) => /Ã/.test(JSON.stringify(f)))).toBe(false);
    const fixed = run(['lint', '--fix', 'stray.referat.txt'], { cwd: dir });
    expect(fixed.stderr).toContain('stray.referat.txt: not fixed: it has bytes that are not UTF-8');
    expect(fs.readFileSync(file)).toEqual(bytes);
  });

  it('gives the same files with and without worker threads', () => {
    const [one, many] = [scratch(), scratch()];
    for (const dir of [one, many]) for (let i = 0; i < 3; i++) for (const f of seedFiles) copy(path.join(seedsDir, f), path.join(dir, `${i}-${f}`));
    const single = run(['lint', '--fix', '--format', 'json', '.'], { cwd: one, env: { REFERAT_WORKERS: '0' } });
    const threaded = run(['lint', '--fix', '--format', 'json', '.'], { cwd: many, env: { REFERAT_WORKERS: '2', REFERAT_DEBUG: '1' } });
    expect(threaded.stderr).toContain('on 2 worker threads');
    expect(threaded.stdout).toBe(single.stdout);
    expect(threaded.stderr.replace(/^referat: .*\n/m, '')).toBe(single.stderr.replace(/^referat: .*\n/m, ''));
    expect(hashOf(many)).toBe(hashOf(one));
  });
});

describe('worker threads', () => {
  it('give the same output as one thread for 20 copies of the seeds, in every format', () => {
    const dir = scratch();
    for (let i = 0; i < 4; i++) for (const f of seedFiles) copy(path.join(seedsDir, f), path.join(dir, `copy${i}`, f));
    for (const format of ['stylish', 'json', 'sarif', 'github', 'junit']) {
      const single = run(['lint', '--format', format, '.'], { cwd: dir, env: { REFERAT_WORKERS: '0', REFERAT_DEBUG: '1' } });
      const threaded = run(['lint', '--format', format, '.'], { cwd: dir, env: { REFERAT_WORKERS: '3', REFERAT_DEBUG: '1' } });
      expect(single.stderr).toBe('referat: 20 files on 0 worker threads\n');
      expect(threaded.stderr).toBe('referat: 20 files on 3 worker threads\n');
      expect(threaded.stdout, format).toBe(single.stdout);
      expect(threaded.status).toBe(single.status);
      if (format === 'json') {
        // Left to itself: threads when there is more than one core.
        const auto = run(['lint', '--format', format, '.'], { cwd: dir, env: { REFERAT_DEBUG: '1' } });
        expect(auto.stderr).toMatch(/^referat: 20 files on \d+ worker threads\n$/);
        expect(auto.stdout).toBe(single.stdout);
      }
    }
  });
});
