// Compares `referat outline --json` output with test/fixtures/golden-seeds.json, field by field,
// and returns every difference as a readable line (an empty list means all equal).
import fs from 'node:fs';
import path from 'node:path';

export const fixtures = path.resolve(__dirname, '../fixtures');
export const seedsDir = path.join(fixtures, 'seeds');
export const seedFiles = fs
  .readdirSync(seedsDir)
  .filter((f) => f.endsWith('.txt'))
  .sort();

export interface GoldenItem {
  number: number;
  title: string;
  line: number;
  caseType: string | null;
  caseNumber: string | null;
  resume: number | null;
  indstilling: number | null;
  beslutning: number | null;
}
export interface GoldenVote {
  item: number;
  line: number;
  for: string[];
  against: string[];
  abstain: string[];
  outcome: string | null;
}
export interface GoldenFile {
  items: GoldenItem[];
  votes?: GoldenVote[];
  attendees?: { name: string; absent: boolean }[];
  absent?: { item: number; name: string }[];
}

export const golden: Record<string, GoldenFile> = JSON.parse(fs.readFileSync(path.join(fixtures, 'golden-seeds.json'), 'utf8')).files;

export function readSeed(file: string): string {
  return fs.readFileSync(path.join(seedsDir, file), 'utf8');
}

/** Quotes, bold marks and white space do not count when titles and names are compared. */
export const norm = (s: string | null | undefined) => (s ?? '').replace(/[*#]/g, '').replace(/[”“„]/g, '"').replace(/\s+/g, ' ').trim();
const nameSet = (a: readonly string[] | undefined) => (a ?? []).map(norm).sort().join('|');

export function compareWithGolden(file: string, got: any): string[] {
  const want = golden[file];
  const diffs: string[] = [];
  const items: any[] = got?.items ?? [];
  if (items.length !== want.items.length) diffs.push(`${items.length} items, want ${want.items.length}`);
  for (const w of want.items) {
    const g = items.find((i) => i.number === w.number);
    if (!g) {
      diffs.push(`item ${w.number} missing`);
      continue;
    }
    if (norm(g.title) !== norm(w.title)) diffs.push(`item ${w.number}: title "${g.title}", want "${w.title}"`);
    if (g.line !== w.line) diffs.push(`item ${w.number}: line ${g.line}, want ${w.line}`);
    if ((g.caseType ?? null) !== w.caseType) diffs.push(`item ${w.number}: caseType ${g.caseType}, want ${w.caseType}`);
    if ((g.caseNumber ?? null) !== w.caseNumber) diffs.push(`item ${w.number}: caseNumber ${g.caseNumber}, want ${w.caseNumber}`);
    for (const kind of ['resume', 'indstilling', 'beslutning'] as const) {
      const s = (g.sections ?? []).find((x: any) => x.kind === kind);
      if ((s?.line ?? null) !== w[kind]) diffs.push(`item ${w.number}: ${kind} at ${s?.line ?? null}, want ${w[kind]}`);
    }
  }
  for (const v of want.votes ?? []) {
    const item = items.find((i) => i.number === v.item);
    const gv = (item?.votes ?? []).find((x: any) => x.line === v.line);
    if (!gv) {
      diffs.push(`item ${v.item}: no vote at line ${v.line}`);
      continue;
    }
    for (const side of ['for', 'against', 'abstain'] as const) {
      if (nameSet(gv[side]) !== nameSet(v[side])) diffs.push(`vote line ${v.line}: ${side} [${gv[side]}], want [${v[side]}]`);
    }
    if ((gv.outcome ?? null) !== v.outcome) diffs.push(`vote line ${v.line}: outcome ${gv.outcome}, want ${v.outcome}`);
  }
  // Every recorded vote of the seeds is in the golden file: no more may be found.
  const wantVotes = (want.votes ?? []).length;
  const gotVotes = items.reduce((n, i) => n + (i.votes?.length ?? 0), 0);
  if (gotVotes !== wantVotes) diffs.push(`${gotVotes} votes found, want ${wantVotes}`);
  if (want.attendees) {
    const fmt = (a: { name: string; absent: boolean }[]) =>
      a
        .map((x) => `${norm(x.name)}${x.absent ? '*' : ''}`)
        .sort()
        .join('|');
    if (fmt(got.meeting?.attendees ?? []) !== fmt(want.attendees)) diffs.push(`attendees [${fmt(got.meeting?.attendees ?? [])}], want [${fmt(want.attendees)}]`);
  }
  for (const a of want.absent ?? []) {
    const item = items.find((i) => i.number === a.item);
    const fold = (s: string) => norm(s).replace(/ä/g, 'æ');
    if (!(item?.absent ?? []).some((n: string) => fold(n) === fold(a.name))) diffs.push(`item ${a.item}: ${a.name} not recorded absent`);
  }
  return diffs;
}
