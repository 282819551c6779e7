// `npm run bench [-- --quick] [--out FILE] [--no-profile]`: makes the data, measures, prints the
// table and writes the results (bench/results.json for a full run). Missed targets get a quick
// CPU (or heap) profile of their hot path and a line that says where the time (or memory) goes.
//
// The same bundle is also the child processes it starts: `core ...` (reader + rules on one
// thread), `floor DIR` (read and split lines on every core) and its worker threads.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { isMainThread } from 'node:worker_threads';
import { compareMain, floorMain, floorWorker, markdownlintArgs, referatArgs, timeRuns, wallTime, type Timed } from './cli';
import { coreMain, type CoreFileResult } from './core';
import { pageWrites } from './machine';
import { phasesMain } from './phases';
import { CONFIG_FILE, MB, REPO_ROOT, largestSeed, writeArchive, writeMemoryWorkspace, writeSynthetic, type ArchiveSummary } from './generate';
import { baselineRss, measureDocument, measureIndex, measureMemory, profiledSession, SERVER_PATH, type DocumentLatency, type IndexResult, type MemoryResult } from './lsp';
import { monotonicUs, profilesIn, summarizeCpuProfiles, summarizeHeapProfiles, type ProfileSummary } from './profile';
import { LSP_OPERATIONS, MODES, lspId, meets, problemsOf, targetOf, type Figure, type LspDocument, type Missed, type Mode, type Results } from './results';
import { growthExponent } from './stats';

const BENCH_DIR = path.join(REPO_ROOT, 'bench');
const DEFAULT_DEBOUNCE_MS = 200;
/** The meetings of one municipality (Greve, 369 referater), when they are beside the project. */
const DEFAULT_CORPUS = path.join(REPO_ROOT, '../shared/corpus/greve');

interface Options {
  mode: Mode;
  out: string;
  profile: boolean;
  data: string;
  /** The workspace the server indexes for lsp.index; undefined: the generated archive. */
  corpus: string | undefined;
}

function parseOptions(argv: string[]): Options {
  const mode: Mode = argv.includes('--quick') ? 'quick' : 'full';
  const data = path.join(BENCH_DIR, '.data', mode === 'quick' ? 'quick' : '');
  let out = mode === 'full' ? path.join(BENCH_DIR, 'results.json') : path.join(data, 'results.json');
  let corpus = fs.existsSync(DEFAULT_CORPUS) ? DEFAULT_CORPUS : undefined;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out') out = path.resolve(argv[++i]);
    else if (argv[i].startsWith('--out=')) out = path.resolve(argv[i].slice(6));
    else if (argv[i] === '--corpus') corpus = path.resolve(argv[++i]);
  }
  return { mode, out, profile: !argv.includes('--no-profile'), data, corpus };
}

const started = performance.now();
function log(message: string): void {
  process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}\n`);
}

function memberNames(): string[] {
  const config = JSON.parse(fs.readFileSync(CONFIG_FILE, 'utf8')) as { committees?: { members?: { name: string }[] }[] };
  return [...new Set((config.committees ?? []).flatMap((c) => (c.members ?? []).map((m) => m.name)))];
}

/** Runs this bundle as a child with a subcommand; resolves with its stdout. */
function runSelf(args: string[], nodeFlags: string[] = []): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeFlags, __filename, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += String(c)));
    child.stderr.on('data', (c) => (stderr += String(c)));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`${args[0]} failed (${code}):\n${stderr}`))));
  });
}

function freshDir(dir: string): string {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

const mb = (size: number) => `${size}MB`;
const lspName = (document: LspDocument) => (document === 'seed' ? 'largest seed' : mb(document));
const round = (n: number, digits = 2) => Number(n.toFixed(digits));

// ---- the measurements ----------------------------------------------------------------------------

/** Arguments of the `core` child; `profileRuns` for a profiled run (one warm-up, that many runs). */
function coreArgs(options: Options, files: string[], profileRuns?: number): string[] {
  const c = MODES[options.mode].core;
  const settings = profileRuns
    ? ['--warmup', '1', '--warmup-budget', '1000000', '--runs', String(profileRuns), '--min-runs', String(profileRuns), '--budget', '0']
    : [
        '--warmup',
        String(c.warmup),
        '--warmup-budget',
        String(c.warmupBudgetMs),
        '--runs',
        String(c.runs),
        '--min-runs',
        String(c.minRuns),
        '--budget',
        String(c.budgetMs),
        '--passes',
        String(c.passes),
      ];
  return ['core', '--config', CONFIG_FILE, ...settings, ...files];
}

interface Measured {
  synthetic: Map<number, string>;
  archive: ArchiveSummary;
  core: CoreFileResult[];
  lsp: Map<LspDocument, DocumentLatency>;
  /** The copy of each language server document that was measured. */
  lspFiles: Map<LspDocument, string>;
  index: IndexResult;
  memory: MemoryResult;
  /** RSS of a server on an empty workspace. */
  emptyRss: number;
  memoryFiles: string[];
  cli: { referat: Timed; markdownlint: Timed; floor: Timed };
  /** What writing a page of fresh memory costs on this machine, µs, against writing it again. */
  pageWrites: { first: number; again: number };
}

async function measure(options: Options): Promise<Measured> {
  const spec = MODES[options.mode];
  log(`making data in ${path.relative(REPO_ROOT, options.data)}/`);
  const lspSizes = spec.lspDocuments.filter((d): d is number => typeof d === 'number');
  const sizes = [...new Set([...spec.coreSizes, ...lspSizes])].sort((a, b) => a - b);
  const synthetic = writeSynthetic(path.join(options.data, 'synthetic'), sizes);
  const archiveDir = path.join(options.data, 'archive');
  const archive = writeArchive(archiveDir, spec.archiveFiles, path.join(options.data, 'archive-md'));
  log(`archive: ${archive.files} files, ${(archive.bytes / MB).toFixed(1)} MB (${archive.renumbered} renumbered, ${archive.changed} with small changes)`);

  const pages = pageWrites();
  log(`a page of memory written first: ${pages.first.toFixed(2)} µs, again: ${pages.again.toFixed(3)} µs`);
  log(`reader + rules, one thread: ${spec.coreSizes.map(mb).join(', ')}`);
  const core = JSON.parse(
    await runSelf(
      coreArgs(
        options,
        spec.coreSizes.map((s) => synthetic.get(s)!),
      ),
    ),
  ) as CoreFileResult[];
  for (const r of core) {
    log(`  ${r.file}: median ${r.medianMs.toFixed(1)} ms of ${r.runs} (reader ${r.readerMedianMs.toFixed(1)}, rules ${r.rulesMedianMs.toFixed(1)}), best ${r.bestMs.toFixed(1)}`);
  }

  const names = memberNames();
  const lsp = new Map<LspDocument, DocumentLatency>();
  const lspFiles = new Map<LspDocument, string>();
  for (const [i, document] of spec.lspDocuments.entries()) {
    const dir = freshDir(path.join(options.data, `lsp-${lspId(document)}`));
    fs.copyFileSync(CONFIG_FILE, path.join(dir, 'referat.config.json'));
    const source = document === 'seed' ? largestSeed() : synthetic.get(document)!;
    const file = path.join(dir, path.basename(source));
    fs.copyFileSync(source, file);
    lspFiles.set(document, file);
    log(`language server, ${path.basename(file)}`);
    const debounce = i === 0 ? { iterations: spec.debounceIterations, minIterations: spec.debounceIterations, budgetMs: 0, warmup: 1, warmupMs: 0 } : undefined;
    const result = await measureDocument(file, names, spec.lsp, debounce);
    lsp.set(document, result);
    log(
      `  keystroke p50 ${result.keystroke.p50.toFixed(1)} ms, p99 ${result.keystroke.p99.toFixed(1)} ms; documentSymbol p50 ${result.documentSymbol.p50.toFixed(1)} ms, p99 ${result.documentSymbol.p99.toFixed(1)} ms`,
    );
  }

  const corpus = options.corpus ?? archiveDir;
  log(`language server indexing ${corpus}`);
  const index = measureIndex(corpus, spec.indexRuns);
  log(`  ${index.files} files in ${(index.ms / 1000).toFixed(2)} s, RSS ${index.rss.toFixed(0)} MiB (peak ${index.peak.toFixed(0)} MiB)`);

  log(`language server memory, ${spec.memoryDocuments} referater open`);
  const memoryDir = path.join(options.data, 'lsp-memory');
  const memoryFiles = writeMemoryWorkspace(memoryDir, spec.memoryDocuments);
  const memory = await measureMemory(memoryDir, memoryFiles);
  const emptyRss = await baselineRss(freshDir(path.join(options.data, 'lsp-empty')));
  log(`  RSS ${(memory.rss / 2 ** 20).toFixed(0)} MiB`);

  log('referat lint on the archive');
  const referat = await timeRuns(spec.cli.referatRuns, referatArgs(archiveDir), { okCodes: [0, 1] });
  log(`  ${(referat.bestMs / 1000).toFixed(2)} s; the floor`);
  const floor = await timeRuns(spec.cli.floorRuns, [__filename, 'floor', archiveDir], { okCodes: [0] });
  log(`  ${(floor.bestMs / 1000).toFixed(2)} s; markdownlint-cli2`);
  const markdownlint = await timeRuns(spec.cli.markdownlintRuns, markdownlintArgs(), { cwd: path.join(options.data, 'archive-md'), okCodes: [0, 1] });
  log(`  ${(markdownlint.bestMs / 1000).toFixed(2)} s`);
  return { synthetic, archive, core, lsp, lspFiles, index, memory, emptyRss, memoryFiles, cli: { referat, markdownlint, floor }, pageWrites: pages };
}

// ---- figures -----------------------------------------------------------------------------------

function figuresOf(options: Options, m: Measured): Figure[] {
  const spec = MODES[options.mode];
  const figures: Figure[] = [];
  const add = (id: string, label: string, unit: string, value: number) => {
    const target = targetOf(id);
    figures.push({ id, label, unit, value: round(value, 3), ...(target ? { target, met: meets(round(value, 3), target) } : {}) });
  };
  for (const [i, size] of spec.coreSizes.entries()) {
    const r = m.core[i];
    add(`core.${mb(size)}.bytes`, `${mb(size)} document size`, 'bytes', r.bytes);
    add(`core.${mb(size)}.throughput`, `reader + rules throughput (median run), ${mb(size)}`, 'MB/s', r.bytes / MB / (r.medianMs / 1000));
    add(`core.${mb(size)}.medianMs`, `reader + rules, median of ${r.runs}, ${mb(size)}`, 'ms', r.medianMs);
    add(`core.${mb(size)}.readerMs`, `  of which reader (median), ${mb(size)}`, 'ms', r.readerMedianMs);
    add(`core.${mb(size)}.rulesMs`, `  of which rules (median), ${mb(size)}`, 'ms', r.rulesMedianMs);
    add(`core.${mb(size)}.bestMs`, `reader + rules, best of ${r.runs}, ${mb(size)}`, 'ms', r.bestMs);
    add(`core.${mb(size)}.throughputBest`, `  throughput of the best run, ${mb(size)}`, 'MB/s', r.bytes / MB / (r.bestMs / 1000));
    add(`core.${mb(size)}.pageFaultsPerMB`, `page faults of the median run a MB (fresh memory written), ${mb(size)}`, '', r.pageFaultsMedian / (r.bytes / MB));
    add(`core.${mb(size)}.findings`, `findings, ${mb(size)}`, '', r.findings);
  }
  const fit = (pick: (r: CoreFileResult) => number) => growthExponent(m.core.map((r) => ({ x: r.bytes, y: pick(r) })));
  // Of the median runs: the best of many runs of 0.1 MB is a luckier run than the best of a few of
  // 20 MB; the median does not depend on how many runs were made.
  add(
    'core.growthExponent',
    `growth exponent (time ~ size^k), median runs, ${spec.coreSizes.map(mb).join('/')}`,
    '',
    fit((r) => r.medianMs),
  );
  add(
    'core.growthExponent.reader',
    '  reader alone',
    '',
    fit((r) => r.readerMedianMs),
  );
  add(
    'core.growthExponent.rules',
    '  rules alone',
    '',
    fit((r) => r.rulesMedianMs),
  );
  add(
    'core.growthExponent.best',
    '  of the best runs instead',
    '',
    fit((r) => r.bestMs),
  );
  add('machine.pageFirstWriteUs', 'a 4 KiB page of memory written the first time (a page fault)', 'µs', m.pageWrites.first);
  add('machine.pageRewriteUs', '  the same page written again', 'µs', m.pageWrites.again);

  const opLabels: Record<(typeof LSP_OPERATIONS)[number], string> = {
    open: 'didOpen → first diagnostics',
    keystroke: 'keystroke (didChange) → diagnostics',
    documentSymbol: 'documentSymbol',
    documentSymbolAfterEdit: 'documentSymbol right after an edit',
    foldingRange: 'foldingRange',
    semanticTokens: 'semanticTokens/full',
    completion: 'completion in a Beslutning',
    hover: 'hover on a member name',
  };
  for (const document of spec.lspDocuments) {
    const r = m.lsp.get(document)!;
    const id = lspId(document);
    const name = lspName(document);
    add(`lsp.${id}.bytes`, `${name} document size`, 'bytes', r.bytes);
    for (const op of LSP_OPERATIONS) {
      add(`lsp.${id}.${op}.p50`, `${opLabels[op]}, ${name}, p50`, 'ms', r[op].p50);
      add(`lsp.${id}.${op}.p99`, `${opLabels[op]}, ${name}, p99`, 'ms', r[op].p99);
    }
    add(`lsp.${id}.diagnostics`, `diagnostics published, ${name}`, '', r.diagnostics);
    add(`lsp.${id}.iterations`, `iterations per request kind (fewest), ${name}`, '', Math.min(...LSP_OPERATIONS.map((op) => r[op].samples.length)));
  }
  const [first] = spec.lspDocuments;
  add('lsp.debounce.defaultMs', 'diagnostics debounce, default (0 above)', 'ms', DEFAULT_DEBOUNCE_MS);
  add(
    `lsp.${lspId(first)}.keystrokeDefaultDebounce.p50`,
    `keystroke → diagnostics with the default debounce, ${lspName(first)}, p50`,
    'ms',
    m.lsp.get(first)!.keystrokeDefaultDebounce?.p50 ?? NaN,
  );

  add('lsp.index.files', `referater in the workspace (${path.basename(m.index.corpus)})`, '', m.index.files);
  add('lsp.index.MB', '  their size', 'MB', m.index.bytes / MB);
  add('lsp.index.seconds', '  indexed by the server, initialized → end of progress (median run)', 's', m.index.ms / 1000);
  add('lsp.index.rssMB', '  server RSS a second later', 'MiB', m.index.rss);
  add('lsp.index.peakMB', '  server peak RSS (VmHWM)', 'MiB', m.index.peak);

  const mib = (b: number) => b / 2 ** 20;
  add('lsp.memory.documents', 'referater open', '', m.memory.documents);
  add('lsp.memory.textMB', 'their text', 'MB', m.memory.textBytes / MB);
  add('lsp.memory.emptyRssMB', 'server RSS, empty workspace', 'MiB', mib(m.emptyRss));
  add('lsp.memory.idleRssMB', 'server RSS before opening (workspace scanned)', 'MiB', mib(m.memory.idleRss));
  add('lsp.memory.rssMB', `server RSS with ${m.memory.documents} referater open`, 'MiB', mib(m.memory.rss));
  add('lsp.memory.peakMB', 'server peak RSS (VmHWM)', 'MiB', mib(m.memory.peak));
  add('lsp.memory.openSeconds', 'opening them all, until every diagnostics', 's', m.memory.openMs / 1000);

  const { referat, markdownlint, floor } = m.cli;
  add('cli.archive.files', 'archive files', '', m.archive.files);
  add('cli.archive.MB', 'archive size', 'MB', m.archive.bytes / MB);
  add('cli.referat.seconds', `referat lint --format json, every core (best of ${referat.runs.length})`, 's', referat.bestMs / 1000);
  add('cli.markdownlint.seconds', `markdownlint-cli2, default rules (best of ${markdownlint.runs.length})`, 's', markdownlint.bestMs / 1000);
  add('cli.floor.seconds', `floor: read + split lines, every core (best of ${floor.runs.length})`, 's', floor.bestMs / 1000);
  add('cli.speedupVsMarkdownlint', 'referat faster than markdownlint-cli2 by', '×', markdownlint.bestMs / referat.bestMs);
  add('cli.timesFloor', 'referat time / floor time', '×', referat.bestMs / floor.bestMs);
  return figures;
}

// ---- causes of missed targets ------------------------------------------------------------------------

const pct = (share: number) => `${(share * 100).toFixed(0)}%`;

function describe(summary: ProfileSummary, kind: 'cpu' | 'heap'): string {
  const files = summary.files.slice(0, 4).map((h) => `${h.where} ${pct(h.share)}`);
  const self = summary.self.slice(0, 5).map((h) => `${h.where} ${pct(h.share)}`);
  const via = summary.inclusive
    .filter((h) => h.share < 0.995)
    .slice(0, 6)
    .map((h) => `${h.where} ${pct(h.share)}`);
  return kind === 'cpu'
    ? `self time by file: ${files.join(', ')}; hottest functions (self): ${self.join(', ')}; inclusive (project code): ${via.join(', ')}`
    : `live memory by allocating file: ${files.join(', ')}; largest allocation sites: ${self.join(', ')}; allocated under (project code): ${via.join(', ')}`;
}

interface Profiled {
  name: string;
  kind: 'cpu' | 'heap';
  what: string;
  summary: ProfileSummary;
}

/** Reader + rules on one document size, enough runs for about two seconds of samples. */
async function profileCore(options: Options, m: Measured, size: number): Promise<Profiled> {
  const spec = MODES[options.mode];
  const best = m.core[spec.coreSizes.indexOf(size)]?.bestMs ?? 1000;
  const runs = Math.max(1, Math.min(200, Math.ceil(2000 / best)));
  const dir = freshDir(path.join(options.data, 'profiles', `core-${mb(size)}`));
  log(`profiling reader + rules on ${mb(size)} (${runs} runs)`);
  await runSelf(coreArgs(options, [m.synthetic.get(size)!], runs), ['--cpu-prof', '--cpu-prof-dir', dir]);
  return {
    name: `core-${mb(size)}`,
    kind: 'cpu',
    what: `reader + rules, ${runs} run(s) on the ${mb(size)} document after a warm-up run`,
    summary: summarizeCpuProfiles(profilesIn(dir, '.cpuprofile')),
  };
}

/** Where the server's CPU time goes during `work` on `file` (profiles in `dir`), only the time of the work counted. */
async function profileServerWork(file: string, dir: string, count: number, work: Parameters<typeof profiledSession>[2]): Promise<ProfileSummary> {
  const window = { fromUs: 0, toUs: 0 };
  await profiledSession(
    file,
    ['--cpu-prof', '--cpu-prof-dir', dir],
    async (client, uri, spots) => {
      window.fromUs = monotonicUs();
      await work(client, uri, spots);
      window.toUs = monotonicUs();
    },
    memberNames(),
  );
  return summarizeCpuProfiles(profilesIn(dir, '.cpuprofile'), count, window);
}

async function profileServer(options: Options, file: string, op: 'keystroke' | 'documentSymbol'): Promise<Profiled> {
  const name = path.basename(file);
  const dir = freshDir(path.join(options.data, 'profiles', `lsp-${op}-${name}`));
  log(`profiling the server: ${op} on ${name}`);
  const summary = await profileServerWork(file, dir, 12, async (client, uri, spots) => {
    if (op === 'keystroke') for (let i = 0; i < 3; i++) await client.type(uri, spots.typing.line, spots.typing.character + i, 'x');
    else for (let i = 0; i < 30; i++) await client.request('textDocument/documentSymbol', { textDocument: { uri } });
  });
  const what = op === 'keystroke' ? `3 keystrokes with diagnostics on ${name}` : `30 documentSymbol requests on ${name}`;
  return { name: `lsp-${op}-${name}`, kind: 'cpu', what, summary };
}

async function profileMemory(options: Options, m: Measured): Promise<Profiled> {
  const dir = freshDir(path.join(options.data, 'profiles', 'memory'));
  log('heap profile of the server with the referater open');
  await measureMemory(path.join(options.data, 'lsp-memory'), m.memoryFiles, ['--heap-prof', '--heap-prof-dir', dir]);
  return {
    name: 'memory',
    kind: 'heap',
    what: `live memory sampled at exit, ${m.memoryFiles.length} referater open`,
    summary: summarizeHeapProfiles(profilesIn(dir, '.heapprofile')),
  };
}

async function profileCli(options: Options): Promise<Profiled> {
  const dir = freshDir(path.join(options.data, 'profiles', 'cli'));
  log('profiling referat lint on the archive (every thread)');
  await wallTime(referatArgs(path.join(options.data, 'archive'), ['--cpu-prof', '--cpu-prof-dir', dir]), { okCodes: [0, 1] });
  return { name: 'cli', kind: 'cpu', what: 'referat lint on the archive, all threads', summary: summarizeCpuProfiles(profilesIn(dir, '.cpuprofile')) };
}

async function causes(options: Options, m: Measured, figures: Figure[]): Promise<{ missed: Missed[]; profiles: Profiled[] }> {
  const missedFigures = figures.filter((f) => f.met === false);
  const profiles: Profiled[] = [];
  const cache = new Map<string, Promise<Profiled | null>>();
  const once = (key: string, make: () => Promise<Profiled>) => {
    if (!cache.has(key)) {
      cache.set(
        key,
        make().then(
          (p) => (profiles.push(p), p),
          (error) => (log(`profile ${key} failed: ${error instanceof Error ? error.message : String(error)}`), null),
        ),
      );
    }
    return cache.get(key)!;
  };
  const missed: Missed[] = [];
  const core = (size: number) => m.core[MODES[options.mode].coreSizes.indexOf(size)];
  for (const f of missedFigures) {
    let lead = '';
    let profile: Profiled | null = null;
    if (f.id.startsWith('core.')) {
      const exps = ['core.growthExponent.reader', 'core.growthExponent.rules'].map((id) => figures.find((g) => g.id === id)!.value);
      // Only a size's throughput has a target.
      const size = Number(/^core\.([\d.]+)MB/.exec(f.id)![1]);
      const r = core(size);
      lead = `rules ${r.rulesMedianMs.toFixed(0)} ms vs reader ${r.readerMedianMs.toFixed(0)} ms on ${(r.bytes / MB).toFixed(1)} MB; exponents: reader ${exps[0].toFixed(2)}, rules ${exps[1].toFixed(2)}`;
      // What fresh memory costs each size here (machine.ts): the median run's page faults, at the price of one.
      const faultsMs = (x: CoreFileResult) => (x.pageFaultsMedian * m.pageWrites.first) / 1000 / (x.bytes / MB);
      lead += `; page faults a MB ${m.core.map((x) => (x.pageFaultsMedian / (x.bytes / MB)).toFixed(0)).join(' / ')}, at ${m.pageWrites.first.toFixed(1)} µs each ${m.core.map((x) => faultsMs(x).toFixed(1)).join(' / ')} ms a MB of the median runs' ${m.core.map((x) => (x.medianMs / (x.bytes / MB)).toFixed(1)).join(' / ')}`;
      if (options.profile) profile = await once(`core-${size}`, () => profileCore(options, m, size));
    } else if (/^lsp\.(seed|[\d.]+MB)\.(keystroke|documentSymbol)\.p99$/.test(f.id)) {
      const [, id, op] = /^lsp\.(seed|[\d.]+MB)\.(keystroke|documentSymbol)/.exec(f.id)!;
      const document = MODES[options.mode].lspDocuments.find((d) => lspId(d) === id)!;
      const r = m.lsp.get(document)!;
      lead =
        op === 'keystroke'
          ? `${r.file} (${(r.bytes / MB).toFixed(2)} MB), ${r.diagnostics} diagnostics sent`
          : `documentSymbol on the model already read, ${r.file} (${(r.bytes / MB).toFixed(2)} MB), ${r.answers.symbols} top-level symbols`;
      if (options.profile) profile = await once(`${op}-${id}`, () => profileServer(options, m.lspFiles.get(document)!, op as 'keystroke' | 'documentSymbol'));
    } else if (f.id === 'lsp.index.rssMB') {
      lead = `${m.index.files} referater (${(m.index.bytes / MB).toFixed(0)} MB) indexed in ${(m.index.ms / 1000).toFixed(2)} s; peak ${m.index.peak.toFixed(0)} MiB`;
    } else if (f.id === 'lsp.memory.rssMB') {
      const mib = (b: number) => `${(b / 2 ** 20).toFixed(0)} MiB`;
      lead =
        `${(m.memory.textBytes / MB).toFixed(0)} MB of text; RSS ${mib(m.emptyRss)} on an empty workspace, ${mib(m.memory.idleRss)} once the ${m.memory.documents} files on disk are indexed ` +
        `(+${mib(m.memory.idleRss - m.emptyRss)} before any is open), ${mib(m.memory.rss)} with all open (+${mib(m.memory.rss - m.memory.idleRss)})`;
      if (options.profile) profile = await once('memory', () => profileMemory(options, m));
    } else if (f.id.startsWith('cli.')) {
      const floor = m.cli.floor.bestMs / 1000;
      lead = `referat ${(m.cli.referat.bestMs / 1000).toFixed(2)} s, floor ${floor.toFixed(2)} s, markdownlint ${(m.cli.markdownlint.bestMs / 1000).toFixed(2)} s`;
      if (options.profile) profile = await once('cli', () => profileCli(options));
    }
    const cause = profile ? `${lead}. Profile (${profile.what}): ${describe(profile.summary, profile.kind)}` : lead || 'not profiled';
    missed.push({ id: f.id, value: f.value, target: f.target!, cause, ...(profile ? { profile: profile.name } : {}) });
  }
  return { missed, profiles };
}

// ---- output --------------------------------------------------------------------------------------

function formatValue(f: Figure): string {
  const v = f.value;
  const text = Number.isNaN(v) ? 'n/a' : Math.abs(v) >= 100 || Number.isInteger(v) ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2);
  return f.unit ? `${text} ${f.unit}` : text;
}

export function table(figures: readonly Figure[]): string {
  const rows = figures.map((f) => [f.label, formatValue(f), f.target ? `${f.target.op} ${f.target.value} ${f.unit}`.trim() : '', f.target ? (f.met ? 'met' : 'MISSED') : '']);
  const widths = [0, 1, 2, 3].map((c) => Math.max(...rows.map((r) => r[c].length), ['Figure', 'Value', 'Target', ''][c].length));
  const line = (r: string[]) => `${r[0].padEnd(widths[0])}  ${r[1].padStart(widths[1])}  ${r[2].padEnd(widths[2])}  ${r[3]}`.trimEnd();
  const out = [line(['Figure', 'Value', 'Target', '']), line(widths.map((w) => '-'.repeat(w)))];
  let group = '';
  for (const [i, f] of figures.entries()) {
    const g = f.id.split('.').slice(0, 2).join('.');
    if (group && g.split('.')[0] !== group.split('.')[0]) out.push('');
    group = g;
    out.push(line(rows[i]));
  }
  return out.join('\n');
}

async function bench(argv: string[]): Promise<void> {
  const options = parseOptions(argv);
  for (const f of [SERVER_PATH, path.join(REPO_ROOT, 'dist/cli.js')]) {
    if (!fs.existsSync(f)) throw new Error(`${path.relative(REPO_ROOT, f)} is missing: run npm run build (npm run bench does)`);
  }
  const loadAtStart = os.loadavg().map((l) => round(l));
  log(`${options.mode} run on ${os.availableParallelism()} cores, Node ${process.version}, load average ${loadAtStart.join(' ')}`);
  const m = await measure(options);
  const figures = figuresOf(options, m);
  const { missed, profiles } = await causes(options, m, figures);
  const results: Results = {
    mode: options.mode,
    date: new Date().toISOString(),
    node: process.version,
    cores: os.availableParallelism(),
    cpu: os.cpus()[0]?.model ?? 'unknown',
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    loadAverageAtStart: loadAtStart,
    wallSeconds: round((performance.now() - started) / 1000, 1),
    notes: [
      'MB = 10^6 bytes of UTF-8 text; MiB = 2^20 bytes (memory).',
      `Synthetic documents: the header and TOC of a seed, then its punkter again and again, renumbered, TOC extended (${path.basename(m.synthetic.get(MODES[options.mode].coreSizes[0])!)} etc.).`,
      'Throughput and growth: the median run after a warm-up of at least 3 runs and 1 s, timed runs at least 10 and 1 s, made in 3 passes over the four sizes (passMedianMs in core[]), one thread, membership config (best runs reported too). Growth exponent: least squares of log time on log size, a scaling check without a target.',
      "Language server documents: the largest seed (a real meeting) and a synthetic 1 MB referat (a committee's year).",
      "Language server: push diagnostics (the client does not declare pull); debounce set to 0 through workspace/configuration; p99 is the nearest-rank percentile of up to 100 iterations (of 100, the second slowest; of 40 or fewer, the slowest); untimed requests of each kind come first, at least 3 and for at least 1 s in a full run (warmupRuns in lsp[], the first 100 as warmupSamples; the first of them, warmupMs, also compiles the server's code for the kind).",
      'documentSymbol, foldingRange, semantic tokens, completion, hover: on a model already read (diagnostics had been published for that version); "right after an edit" includes reading the model again.',
      'Index: the server with the corpus as its workspace folder (bench/archive.mjs --server-only), from initialized to the end of its indexing progress; VmRSS a second later.',
      'Memory: VmRSS of the server process after opening the referater (seeds with other dates and small changes) and waiting 2 s.',
      'referat lint, markdownlint-cli2 and the floor: wall time of a process each, stdout to /dev/null; markdownlint-cli2 on .md copies of the same files, default rules.',
    ],
    figures,
    missed,
    data: {
      synthetic: [...m.synthetic].map(([size, file]) => ({ sizeMb: size, file: path.relative(REPO_ROOT, file), bytes: fs.statSync(file).size })),
      archive: m.archive,
    },
    core: m.core,
    lsp: [...m.lsp].map(([document, r]) => ({ document: lspId(document), ...r })),
    index: { ...m.index, corpus: path.relative(REPO_ROOT, m.index.corpus) },
    memory: { ...m.memory, emptyRss: m.emptyRss },
    cli: m.cli,
    profiles: profiles.map((p) => ({ name: p.name, kind: p.kind, what: p.what, ...p.summary })),
  };
  const problems = problemsOf(results);
  fs.mkdirSync(path.dirname(options.out), { recursive: true });
  fs.writeFileSync(options.out, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`\nreferat benchmark (${options.mode}): ${results.cores} cores, ${results.cpu}, Node ${results.node}, ${results.date}\n\n`);
  process.stdout.write(`${table(figures)}\n\n`);
  const targets = figures.filter((f) => f.target);
  process.stdout.write(`${targets.filter((f) => f.met).length} of ${targets.length} targets met.\n`);
  const shown = new Map<string, string>();
  for (const x of missed) {
    const earlier = x.profile ? shown.get(x.profile) : undefined;
    const cause = earlier ? `${x.cause.slice(0, x.cause.indexOf('. Profile ('))}. Profile: as for ${earlier}` : x.cause;
    if (x.profile && !earlier) shown.set(x.profile, x.id);
    process.stdout.write(`\nMISSED ${x.id} = ${x.value} (target ${x.target.op} ${x.target.value}): ${cause}\n`);
  }
  process.stdout.write(`\nResults: ${path.relative(REPO_ROOT, options.out)} (${results.wallSeconds} s)\n`);
  if (problems.length) {
    process.stderr.write(`The results are incomplete:\n${problems.join('\n')}\n`);
    process.exitCode = 1;
  }
}

/**
 * `node bench/.data/bench.cjs lsp FILE [--quick] [--profile [hover]]`: the language server figures of one
 * document (in a folder with the membership config), p50/p99 per request kind, or where the server's
 * time goes while typing in it; for work on one target.
 */
async function lspMain(args: string[]): Promise<void> {
  const file = path.resolve(args.find((a) => !a.startsWith('--')) ?? '');
  if (!fs.existsSync(file)) throw new Error(`usage: bench.cjs lsp FILE [--quick] (${file} not found)`);
  const dir = freshDir(path.join(BENCH_DIR, '.data', 'lsp-one'));
  fs.copyFileSync(CONFIG_FILE, path.join(dir, 'referat.config.json'));
  const copy = path.join(dir, path.basename(file));
  fs.copyFileSync(file, copy);
  if (args.includes('--profile')) {
    // 20 keystrokes with their diagnostics (or, with `hover`, the first hover), profiled in the server.
    const summary = await profileServerWork(copy, freshDir(path.join(dir, 'profiles')), 25, async (client, uri, spots) => {
      if (args.includes('hover')) await client.request('textDocument/hover', { textDocument: { uri }, position: spots.hover });
      else for (let i = 0; i < 20; i++) await client.type(uri, spots.typing.line, spots.typing.character + i, 'x');
    });
    process.stdout.write(`${JSON.stringify(summary, null, 1)}\n`);
    return;
  }
  const result = await measureDocument(copy, memberNames(), MODES[args.includes('--quick') ? 'quick' : 'full'].lsp);
  for (const [name, value] of Object.entries(result)) {
    if (value && typeof value === 'object' && 'p99' in value) {
      const slowest = [...value.samples]
        .map((ms, i) => ({ ms, i }))
        .sort((a, b) => b.ms - a.ms)
        .slice(0, 3);
      const where = slowest.map(({ ms, i }) => `#${i + 1} ${ms.toFixed(1)}`).join(', ');
      process.stdout.write(`${name.padEnd(26)} p50 ${value.p50.toFixed(1).padStart(7)} ms   p99 ${value.p99.toFixed(1).padStart(7)} ms   slowest: ${where}\n`);
    }
  }
}

/**
 * `node bench/.data/bench.cjs memory [--profile]`: the server's RSS with the memory workspace of the last
 * full run open (`bench/.data/lsp-memory`), and with `--profile` where its live memory was allocated. For work on that target.
 */
async function memoryMain(args: string[]): Promise<void> {
  const dir = path.join(BENCH_DIR, '.data', 'lsp-memory');
  const files = fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.txt') || f.endsWith('.md'))
        .map((f) => path.join(dir, f))
    : [];
  if (files.length === 0) throw new Error(`usage: bench.cjs memory (run \`npm run bench\` first: ${dir} has no referater)`);
  const profiles = args.includes('--profile') ? freshDir(path.join(BENCH_DIR, '.data', 'profiles', 'memory-one')) : undefined;
  const result = await measureMemory(dir, files, profiles ? ['--heap-prof', '--heap-prof-dir', profiles] : []);
  const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
  process.stdout.write(
    `${result.documents} referater (${(result.textBytes / MB).toFixed(1)} MB): RSS ${mib(result.idleRss)} before opening, ${mib(result.rss)} with all open, peak ${mib(result.peak)}; opened in ${(result.openMs / 1000).toFixed(2)} s\n`,
  );
  if (profiles) process.stdout.write(`${JSON.stringify(summarizeHeapProfiles(profilesIn(profiles, '.heapprofile'), 20), null, 1)}\n`);
}

if (!isMainThread) floorWorker();
else {
  const [command, ...rest] = process.argv.slice(2);
  const run =
    command === 'core'
      ? async () => coreMain(rest)
      : command === 'floor'
        ? () => floorMain(rest)
        : command === 'lsp'
          ? () => lspMain(rest)
          : command === 'memory'
            ? () => memoryMain(rest)
            : command === 'compare'
              ? () => compareMain(rest)
              : command === 'phases'
                ? async () => phasesMain(rest)
                : () => bench(process.argv.slice(2));
  run().catch((error) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  });
}
