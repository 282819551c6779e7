// `referat init` as a command: writes DIR/referat.config.json that `referat lint` then uses, prints
// what it was unsure of, and never replaces a configuration without --force.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copy, removeScratch, root, run, scratch } from './lint-helpers';

const SEEDS = path.join(root, 'test/fixtures/seeds');

/** A folder with the example referat, and the seeds in a subfolder. */
function minutes(): string {
  const dir = scratch('referat-init-');
  copy(path.join(root, 'examples/social-udvalget.referat.txt'), path.join(dir, 'social-udvalget.referat.txt'));
  for (const f of fs.readdirSync(SEEDS)) copy(path.join(SEEDS, f), path.join(dir, 'seeds', f));
  fs.writeFileSync(path.join(dir, 'notes.md'), '# Not a referat\n\nJust notes.\n');
  return dir;
}

afterAll(removeScratch);

describe('referat init', () => {
  it('writes referat.config.json from the minutes of a folder, says what to check, and lint uses it', () => {
    const dir = minutes();
    const before = run(['lint', '.', '--format', 'json'], { cwd: dir });
    expect((JSON.parse(before.stdout) as Array<{ ruleId: string }>).filter((f) => f.ruleId === 'unconfigured-committee').length).toBeGreaterThan(0);

    const res = run(['init'], { cwd: dir });
    expect(res.status, res.stderr).toBe(0);
    expect(res.stdout).toBe(`Wrote referat.config.json (committees: 5, members: 33, referater read: 6).\nNext: referat lint .\n`);
    expect(res.stderr).toMatch(/^Check these \(\d+\):\n/);
    expect(res.stderr).toContain('  Hans Hammann: no party letter found');
    expect(res.stderr).toContain('  Tommy Hummellose: also written Tommy Hummelose; kept as aliases');

    const config = JSON.parse(fs.readFileSync(path.join(dir, 'referat.config.json'), 'utf8'));
    expect(config.committees.map((c: { name: string; period: string }) => `${c.name} ${c.period}`)).toEqual([
      'Arbejdsmarkedsudvalget 2018-2021',
      'Beskæftigelses- og Socialudvalget 2014-2017',
      'Beskæftigelses- og Socialudvalget 2018-2021',
      'Beskæftigelses- og Socialudvalget 2022-2025',
      'Social- og Sundhedsudvalget 2026-2029',
    ]);
    // The example's committee as the minutes name it; lint finds what it found with the hand-written configuration.
    const after = run(['lint', '.', '--format', 'json'], { cwd: dir });
    const findings = JSON.parse(after.stdout) as Array<{ file: string; ruleId: string; line: number; message: string }>;
    // Left unknown: only the other committees of joint punkter, whose own minutes are not here.
    expect(findings.filter((f) => f.ruleId === 'unconfigured-committee').map((f) => /members of (.+?) are/.exec(f.message)?.[1])).toEqual([
      'Børn- og Ungeudvalget',
      'Ældre- og Handicapudvalget',
      'Børn- og Ungeudvalget',
    ]);
    const example = run(['lint', 'examples/social-udvalget.referat.txt', '--format', 'json']);
    expect(findings.filter((f) => f.file === 'social-udvalget.referat.txt').map((f) => [f.ruleId, f.line])).toEqual(
      (JSON.parse(example.stdout) as Array<{ ruleId: string; line: number }>).map((f) => [f.ruleId, f.line]),
    );
  });

  it('never replaces a configuration without --force', () => {
    const dir = minutes();
    const file = path.join(dir, 'referat.config.json');
    fs.writeFileSync(file, '{ "committees": [] }\n');
    const refused = run(['init', dir]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe(`referat init: ${file} is there already; nothing written (--force replaces it, --dry-run shows what would be written)\n`);
    expect(fs.readFileSync(file, 'utf8')).toBe('{ "committees": [] }\n');

    const forced = run(['init', dir, '--force']);
    expect(forced.status).toBe(0);
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).committees).toHaveLength(5);
  });

  it('--dry-run prints the configuration and writes nothing', () => {
    const dir = minutes();
    const res = run(['init', '--dry-run', dir]);
    expect(res.status).toBe(0);
    expect(JSON.parse(res.stdout).committees).toHaveLength(5);
    expect(res.stderr.trimEnd().split('\n').at(-1)).toBe('Committees: 5, members: 33, referater read: 6.');
    expect(fs.existsSync(path.join(dir, 'referat.config.json'))).toBe(false);
  });

  it('speaks Danish', () => {
    const res = run(['init', '--dry-run', path.join(root, 'examples')], { env: { REFERAT_LANG: 'da' } });
    expect(res.stderr).toBe('Intet var usikkert.\nUdvalg: 1, medlemmer: 7, referater læst: 1.\n');
    const seeds = run(['init', '--dry-run', SEEDS], { env: { REFERAT_LANG: 'da' } });
    expect(seeds.stderr).toContain('  Hans Hammann: intet partibogstav fundet');
  });

  it('says so when there is nothing to read', () => {
    const empty = scratch('referat-init-empty-');
    fs.writeFileSync(path.join(empty, 'notes.txt'), 'Nothing here.\n');
    expect(run(['init', empty])).toMatchObject({ status: 2, stderr: `referat init: no referater found in ${empty}\n` });
    expect(run(['init', path.join(empty, 'nowhere')])).toMatchObject({ status: 2, stderr: `referat init: ${path.join(empty, 'nowhere')} is not a folder\n` });
    expect(run(['init', 'a', 'b']).status).toBe(2);
    expect(fs.existsSync(path.join(empty, 'referat.config.json'))).toBe(false);
  });
});
