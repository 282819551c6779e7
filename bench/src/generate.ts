// Benchmark data made from the seed referater: synthetic documents of a given size (a seed's header
// and TOC, then its punkter again and again, renumbered, with the TOC extended to match) and an
// archive of many files (each a seed with another meeting date, some renumbered, some with small
// changes). Everything is deterministic: the same options give the same bytes.
import fs from 'node:fs';
import path from 'node:path';
import { random } from '../../test/fuzz/mutate';

/** The project folder: the nearest folder up from this file (or its bundle) with the project's package.json. */
export const REPO_ROOT = findRoot(__dirname);

function findRoot(from: string): string {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    try {
      if (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).name === 'referat') return dir;
    } catch {
      // not here
    }
    if (path.dirname(dir) === dir) return process.cwd();
  }
}
export const SEEDS_DIR = path.join(REPO_ROOT, 'test/fixtures/seeds');
export const CONFIG_FILE = path.join(REPO_ROOT, 'test/fixtures/membership/referat.config.json');
/** The seed the sized documents are made from: plain text, its committee is in the membership config. */
export const SYNTHETIC_SEED = '002_00cfbdd4d29f5775.txt';
export const MB = 1_000_000;

const HEADING = /^(#+ *)?(\*\*)?Punkt (\d+):/;
const TOC_HEADING = /^(#+ *)?(\*\*)?Indholdsfortegnelse\b/;
const TOC_PAGE = /\t(\d+)\s*$/;

/** A seed in the `Punkt N:` style, cut into its parts. */
export interface PunktSeed {
  name: string;
  /** Lines before the TOC heading. */
  header: string[];
  /** The TOC heading line and the blank line after it. */
  tocHeading: string[];
  /** One TOC line per punkt, in order. */
  tocEntries: string[];
  /** Pages each punkt takes (from the TOC's page numbers). */
  pages: number[];
  /** Each punkt's lines, heading first, up to the next heading. */
  punkter: string[][];
  eol: string;
}

export function seedFiles(): string[] {
  return fs
    .readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort();
}

/** Cuts a seed into header, TOC and punkter; null when it is not in the `Punkt N:` style with one TOC line per punkt. */
export function parsePunktSeed(name: string, text: string): PunktSeed | null {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r\n|\n/);
  const tocLine = lines.findIndex((l) => TOC_HEADING.test(l));
  const firstHead = lines.findIndex((l) => HEADING.test(l));
  if (tocLine < 0 || firstHead < 0 || tocLine > firstHead) return null;
  const tocEntries = lines.slice(tocLine + 1, firstHead).filter((l) => l.trim() !== '');
  const punkter: string[][] = [];
  let current: string[] | null = null;
  for (let i = firstHead; i < lines.length; i++) {
    if (HEADING.test(lines[i])) punkter.push((current = []));
    current!.push(lines[i]);
  }
  if (tocEntries.length !== punkter.length) return null;
  const pageOf = (l: string) => Number(TOC_PAGE.exec(l)?.[1] ?? NaN);
  const pages = tocEntries.map((l, i) => {
    const next = i + 1 < tocEntries.length ? pageOf(tocEntries[i + 1]) : NaN;
    const here = pageOf(l);
    return Number.isFinite(next) && Number.isFinite(here) && next > here ? next - here : 2;
  });
  const header = lines.slice(0, tocLine);
  const tocHeading = [lines[tocLine], ''];
  return { name, header, tocHeading, tocEntries, pages, punkter, eol };
}

export function readPunktSeed(name: string): PunktSeed {
  const seed = parsePunktSeed(name, fs.readFileSync(path.join(SEEDS_DIR, name), 'utf8'));
  if (!seed) throw new Error(`${name} is not a Punkt-style seed with one TOC line per punkt`);
  return seed;
}

/** Case numbers of the seeds (`85.02.02-P35-25-23`, `S2018-2162`), made different for each repetition. */
function varyCaseNumber(line: string, cycle: number): string {
  if (cycle === 0) return line;
  return line
    .replace(/^(\d\d\.\d\d\.\d\d-[A-Z]\d\d-)(\d+)(-\d\d\s*)$/, (_, a: string, n: string, b: string) => `${a}${Number(n) + cycle * 97}${b}`)
    .replace(/^(S\d{4}-)(\d+)(\s*)$/, (_, a: string, n: string, b: string) => `${a}${Number(n) + cycle * 97}${b}`);
}

function renumberHeading(line: string, n: number): string {
  return line.replace(/Punkt \d+:/, `Punkt ${n}:`);
}

function withPage(tocLine: string, page: number): string {
  return TOC_PAGE.test(tocLine) ? tocLine.replace(TOC_PAGE, `\t${page}`) : `${tocLine}\t${page}`;
}

/**
 * A referat of about `bytes` bytes (UTF-8): the seed's header and TOC, then its punkter over and
 * over, numbered on from 1, each with its TOC line (page numbers running on). Stops at the first
 * punkt that reaches the size.
 */
export function syntheticReferat(seed: PunktSeed, bytes: number): string {
  const toc: string[] = [];
  const body: string[] = [];
  const fixed = Buffer.byteLength([...seed.header, ...seed.tocHeading, ''].join(seed.eol));
  let size = fixed;
  let page = Number(TOC_PAGE.exec(seed.tocEntries[0])?.[1] ?? 3);
  for (let n = 1; size < bytes; n++) {
    const k = (n - 1) % seed.punkter.length;
    const cycle = Math.floor((n - 1) / seed.punkter.length);
    const entry = withPage(seed.tocEntries[k], page);
    page += seed.pages[k];
    const lines = seed.punkter[k].map((l, i) => (i === 0 ? renumberHeading(l, n) : varyCaseNumber(l, cycle)));
    toc.push(entry);
    body.push(...lines);
    size += Buffer.byteLength(entry) + seed.eol.length + Buffer.byteLength(lines.join(seed.eol)) + seed.eol.length;
  }
  return [...seed.header, ...seed.tocHeading, ...toc, '', ...body].join(seed.eol);
}

// ---- dates ------------------------------------------------------------------------------------

const MONTHS = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];
const MONTH_RE = MONTHS.join('|');
const pad = (n: number) => String(n).padStart(2, '0');

/** The meeting date of a seed: the first date in its first lines. */
export function meetingDate(text: string): Date | null {
  const head = text.split(/\r?\n/).slice(0, 15).join('\n');
  const numeric = /\b(\d\d)-(\d\d)-(\d{4})\b/.exec(head);
  if (numeric) return new Date(Date.UTC(Number(numeric[3]), Number(numeric[2]) - 1, Number(numeric[1])));
  const written = new RegExp(`\\b(\\d{1,2})\\. (${MONTH_RE}) (\\d{4})\\b`, 'i').exec(head);
  if (written) return new Date(Date.UTC(Number(written[3]), MONTHS.indexOf(written[2].toLowerCase()), Number(written[1])));
  return null;
}

/**
 * Moves the meeting `weeks` weeks (so the weekday in the header stays right): every spelling of
 * the meeting date in the text (`23-06-2020`, `23. juni 2020`, `06. maj 2025`) becomes the new date.
 */
export function moveMeeting(text: string, weeks: number): string {
  const from = meetingDate(text);
  if (!from) return text;
  const to = new Date(from.getTime() + weeks * 7 * 86_400_000);
  const [d, m, y] = [from.getUTCDate(), from.getUTCMonth(), from.getUTCFullYear()];
  const [d2, m2, y2] = [to.getUTCDate(), to.getUTCMonth(), to.getUTCFullYear()];
  return text
    .split(`${pad(d)}-${pad(m + 1)}-${y}`)
    .join(`${pad(d2)}-${pad(m2 + 1)}-${y2}`)
    .replace(new RegExp(`\\b(0?)${d}\\. ${MONTHS[m]} ${y}\\b`, 'g'), (_, zero: string) => `${zero ? pad(d2) : d2}. ${MONTHS[m2]} ${y2}`);
}

// ---- the archive ------------------------------------------------------------------------------

/** Member names of the membership config, for misspelling. */
function memberNames(): string[] {
  const config = JSON.parse(fs.readFileSync(CONFIG_FILE, 'utf8')) as { committees?: { members?: { name: string }[] }[] };
  return [...new Set((config.committees ?? []).flatMap((c) => (c.members ?? []).map((m) => m.name)))];
}

function joinSeed(seed: PunktSeed, toc: string[], punkter: string[][]): string {
  return [...seed.header, ...seed.tocHeading, ...toc, '', ...punkter.flat()].join(seed.eol);
}

/** Drops one punkt (not the first) or swaps two neighbours; numbers and TOC follow. */
function renumbered(seed: PunktSeed, rand: () => number): string {
  const order = seed.punkter.map((_, i) => i);
  if (rand() < 0.5) order.splice(1 + Math.floor(rand() * (order.length - 1)), 1);
  else {
    const i = 1 + Math.floor(rand() * (order.length - 2));
    [order[i], order[i + 1]] = [order[i + 1], order[i]];
  }
  let page = Number(TOC_PAGE.exec(seed.tocEntries[0])?.[1] ?? 3);
  const toc: string[] = [];
  const punkter: string[][] = [];
  order.forEach((k, n) => {
    toc.push(withPage(seed.tocEntries[k], page));
    page += seed.pages[k];
    punkter.push(seed.punkter[k].map((l, i) => (i === 0 ? renumberHeading(l, n + 1) : l)));
  });
  return joinSeed(seed, toc, punkter);
}

/** One small change of the kind people make: a misspelt member, a lost section heading, a number skipped, a paragraph twice. */
function smallChange(text: string, rand: () => number, names: string[]): string {
  const lines = text.split(/\r?\n/);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const kind = Math.floor(rand() * 4);
  if (kind === 0) {
    const present = names.filter((n) => text.includes(n));
    if (present.length) {
      const name = present[Math.floor(rand() * present.length)];
      const at = 1 + Math.floor(rand() * (name.length - 2));
      const typo = name.slice(0, at) + name[at + 1] + name[at] + name.slice(at + 2);
      return text.replace(name, typo);
    }
  }
  if (kind <= 1) {
    const decisions = lines.map((l, i) => (/^(#+ *)?(\*\*)?Beslutning(\*\*)?\s*$/.test(l) ? i : -1)).filter((i) => i >= 0);
    if (decisions.length) {
      lines.splice(decisions[Math.floor(rand() * decisions.length)], 1);
      return lines.join(eol);
    }
  }
  if (kind === 2) {
    const heads = lines.map((l, i) => (HEADING.test(l) ? i : -1)).filter((i) => i >= 0);
    if (heads.length > 2) {
      const i = heads[1 + Math.floor(rand() * (heads.length - 1))];
      lines[i] = lines[i].replace(/Punkt (\d+):/, (_, n: string) => `Punkt ${Number(n) + 1}:`);
      return lines.join(eol);
    }
  }
  const paragraphs = lines.map((l, i) => (l.length > 200 ? i : -1)).filter((i) => i >= 0);
  if (!paragraphs.length) return text;
  const i = paragraphs[Math.floor(rand() * paragraphs.length)];
  lines.splice(i + 1, 0, '', lines[i]);
  return lines.join(eol);
}

export interface ArchiveSummary {
  files: number;
  bytes: number;
  renumbered: number;
  changed: number;
}

/**
 * `count` referater in `dir` (emptied first) as `NNNN_<seed>.txt`, with the membership config
 * beside them; and, when `mdDir` is given, the same files as `.md` there (for markdownlint).
 */
export function writeArchive(dir: string, count: number, mdDir?: string): ArchiveSummary {
  for (const d of [dir, mdDir]) {
    if (!d) continue;
    fs.rmSync(d, { recursive: true, force: true });
    fs.mkdirSync(d, { recursive: true });
  }
  fs.copyFileSync(CONFIG_FILE, path.join(dir, 'referat.config.json'));
  const names = memberNames();
  const seeds = seedFiles().map((name) => ({ name, text: fs.readFileSync(path.join(SEEDS_DIR, name), 'utf8') }));
  const punktSeeds = new Map(seeds.map((s) => [s.name, parsePunktSeed(s.name, s.text)]));
  const rand = random(20_240_611);
  const summary: ArchiveSummary = { files: 0, bytes: 0, renumbered: 0, changed: 0 };
  for (let i = 0; i < count; i++) {
    const seed = seeds[i % seeds.length];
    const punktSeed = punktSeeds.get(seed.name);
    let text = seed.text;
    if (punktSeed && rand() < 0.3) {
      text = renumbered(punktSeed, rand);
      summary.renumbered++;
    }
    // Weeks -26..26 but never 0: every copy of a seed has another date than the seed (mostly).
    const weeks = Math.floor(rand() * 52) - 26 || 27;
    text = moveMeeting(text, weeks);
    if (rand() < 0.3) {
      text = smallChange(text, rand, names);
      summary.changed++;
    }
    const base = `${String(i).padStart(4, '0')}_${path.basename(seed.name, '.txt')}`;
    fs.writeFileSync(path.join(dir, `${base}.txt`), text);
    if (mdDir) fs.writeFileSync(path.join(mdDir, `${base}.md`), text);
    summary.files++;
    summary.bytes += Buffer.byteLength(text);
  }
  return summary;
}

/** The sized documents, written as `synthetic-<size>MB.referat.txt` in `dir`; returns their paths by size. */
export function writeSynthetic(dir: string, sizesMb: readonly number[]): Map<number, string> {
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(CONFIG_FILE, path.join(dir, 'referat.config.json'));
  const seed = readPunktSeed(SYNTHETIC_SEED);
  const files = new Map<number, string>();
  for (const size of sizesMb) {
    const file = path.join(dir, `synthetic-${size}MB.referat.txt`);
    const text = syntheticReferat(seed, size * MB);
    if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text) fs.writeFileSync(file, text);
    files.set(size, file);
  }
  return files;
}

/** The largest seed: the largest real meeting the benchmark has. */
export function largestSeed(): string {
  const sized = seedFiles().map((name) => ({ file: path.join(SEEDS_DIR, name), bytes: fs.statSync(path.join(SEEDS_DIR, name)).size }));
  return sized.reduce((a, b) => (b.bytes > a.bytes ? b : a)).file;
}

/**
 * A workspace of `count` referater for the memory figure: meetings of real size, the seeds with
 * other dates and small changes (as in the archive), with the membership config beside them.
 */
export function writeMemoryWorkspace(dir: string, count: number): string[] {
  writeArchive(dir, count);
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => path.join(dir, f));
}
