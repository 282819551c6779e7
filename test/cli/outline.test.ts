import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareWithGolden, seedFiles, seedsDir } from '../helpers/golden';

const root = path.resolve(__dirname, '../..');
const cli = path.join(root, 'dist/cli.js');
const run = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  spawnSync('node', [cli, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8', ...env }, maxBuffer: 1 << 26 });

beforeAll(() => {
  if (!fs.existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build` first (npm test does)');
});

describe('referat outline (the built CLI)', () => {
  it('prints one JSON object per file that matches golden-seeds.json', () => {
    for (const file of seedFiles) {
      const out = execFileSync('node', [cli, 'outline', '--json', path.join(seedsDir, file)], { encoding: 'utf8' });
      expect(compareWithGolden(file, JSON.parse(out)), file).toEqual([]);
    }
  });

  it('prints an array for several files, in the order given', () => {
    const files = seedFiles.map((f) => path.join(seedsDir, f));
    const res = run(['outline', '--json', ...files]);
    expect(res.status).toBe(0);
    const got = JSON.parse(res.stdout);
    expect(got.map((g: { file: string }) => g.file)).toEqual(files);
    expect(got[3].meeting).toMatchObject({ committee: 'Arbejdsmarkedsudvalget', period: '2018-2021', date: '2020-10-22', time: '14:00', place: 'Mødelokale 2' });
  });

  it('prints a readable outline with items, sections and votes', () => {
    const res = run(['outline', path.join(seedsDir, '002_00cfbdd4d29f5775.txt')]);
    expect(res.status).toBe(0);
    expect(res.stdout).toContain('Punkt 3: Omgørelsesprocenter for sagsbehandling (Danmarkskortet)  [00.07.00-G01-3-24]  (line 137)');
    expect(res.stdout).toMatch(/Vote \(line 181\): for 2, against 2, abstained 0 — forkastet/);
    expect(res.stdout).toContain('Absent: Nicolai Busch Bæhrenz');
  });

  it('speaks Danish when the locale is Danish', () => {
    const res = run(['outline', path.join(seedsDir, '002_00cfbdd4d29f5775.txt')], { LANG: 'da_DK.UTF-8' });
    expect(res.stdout).toMatch(/Afstemning \(linje 181\): for 2, imod 2, undlod 0 — forkastet/);
  });

  it('reports a missing file, a directory and a binary file, still outlines the others, and exits 2', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'referat-cli-'));
    const binary = path.join(dir, 'scan.pdf');
    fs.writeFileSync(binary, Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 3]));
    const good = path.join(seedsDir, seedFiles[0]);
    const res = run(['outline', '--json', path.join(dir, 'nope.txt'), dir, binary, good]);
    expect(res.status).toBe(2);
    expect(res.stderr).toContain('nope.txt: no such file');
    expect(res.stderr).toContain(`${dir}: is a directory`);
    expect(res.stderr).toContain('scan.pdf: is not a text file');
    const out = JSON.parse(res.stdout);
    expect(out).toHaveLength(1);
    expect(out[0].items).toHaveLength(16);
  });

  it('decodes a Windows-1252 export and says so', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'referat-cli-'));
    const file = path.join(dir, 'ansi.txt');
    const text = 'REFERAT Arbejdsmarkedsudvalget 2018 - 2021 d. 22-10-2020\n\nMødested Mødelokale 2\n\nPunkt 1: Godkendelse af forslag til dagsorden\n\nBeslutning\n\nGodkendt\n';
    fs.writeFileSync(file, Buffer.from(text.replace(/ø/g, '\xf8'), 'latin1'));
    const res = run(['outline', '--json', file]);
    expect(res.status).toBe(0);
    expect(res.stderr).toContain('not UTF-8; read as Windows-1252');
    const out = JSON.parse(res.stdout);
    expect(out.meeting.place).toBe('Mødelokale 2');
    expect(out.items[0].title).toBe('Godkendelse af forslag til dagsorden');
  });

  it('rejects unknown commands and options with usage and exit 2', () => {
    expect(run(['frobnicate', 'x']).status).toBe(2);
    const bad = run(['outline', '--nope', 'x']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('Usage: referat');
    expect(run([]).status).toBe(2);
    expect(run(['--help']).status).toBe(0);
  });
});
