// A municipality's own words in referat.config.json, through the CLI: checked by the schema, and
// read by lint and render with no code change.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, scratch } from './lint-helpers';

const minutes = [
  'Mødereferat Teknisk Udvalg d. 12-03-2024',
  '',
  'Punkt 1: Budget',
  '',
  'Resume',
  'Budgettet.',
  '',
  'Direktørens anbefaling',
  'At budgettet godkendes.',
  '',
  'Udvalgets afgørelse',
  'Godkendt.',
  '',
].join('\n');

function folder(config: unknown): string {
  const dir = scratch('referat-vocabulary-');
  fs.writeFileSync(path.join(dir, 'teknik.referat.txt'), minutes);
  fs.writeFileSync(path.join(dir, 'referat.config.json'), JSON.stringify(config));
  return dir;
}

describe('"vocabulary" in referat.config.json', () => {
  it('lets lint read the headings it adds', () => {
    const without = run(['lint', '--format', 'json', folder({})]);
    expect(JSON.parse(without.stdout).map((f: { message: string }) => f.message)).toEqual(['Punkt 1 has no Indstilling section', 'Punkt 1 has no Beslutning section']);
    const withWords = run([
      'lint',
      '--format',
      'json',
      folder({ vocabulary: { titles: ['Mødereferat'], sections: { indstilling: ['Direktørens anbefaling'], beslutning: ['Udvalgets afgørelse'] } } }),
    ]);
    expect(withWords.status).toBe(0);
    expect(JSON.parse(withWords.stdout)).toEqual([]);
  });

  it('is checked by the schema: an unknown section kind is a configuration problem', () => {
    const res = run(['lint', folder({ vocabulary: { sections: { konklusion: ['Konklusion'] } } })]);
    expect(res.status).toBe(2);
    expect(res.stdout + res.stderr).toMatch(/konklusion/);
  });
});
