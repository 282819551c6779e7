// What the benchmark measures in each mode, its targets, and the shape of bench/results.json.
// test/bench/bench.test.ts checks a results file against this.

export type Mode = 'full' | 'quick';

/** A document measured over the language server: the largest seed, or a synthetic referat of that many MB. */
export type LspDocument = 'seed' | number;

export interface ModeSpec {
  /** Sizes (MB) of the synthetic documents for reader + rules throughput; those over 1 MB only for the growth exponent. */
  coreSizes: number[];
  lspDocuments: LspDocument[];
  archiveFiles: number;
  memoryDocuments: number;
  /** Servers started on the corpus as their workspace (the median is reported). */
  indexRuns: number;
  core: { warmup: number; runs: number; minRuns: number; budgetMs: number; warmupBudgetMs: number; passes: number };
  lsp: { iterations: number; minIterations: number; budgetMs: number; warmup: number; warmupMs: number };
  /** Keystrokes timed with the default debounce (on the first LSP size). */
  debounceIterations: number;
  cli: { referatRuns: number; floorRuns: number; markdownlintRuns: number };
}

export const MODES: Record<Mode, ModeSpec> = {
  full: {
    coreSizes: [0.1, 1, 5, 20],
    lspDocuments: ['seed', 1],
    archiveFiles: 2000,
    memoryDocuments: 100,
    indexRuns: 3,
    core: { warmup: 3, runs: 10, minRuns: 2, budgetMs: 30_000, warmupBudgetMs: 10_000, passes: 3 },
    lsp: { iterations: 100, minIterations: 5, budgetMs: 60_000, warmup: 3, warmupMs: 1000 },
    debounceIterations: 5,
    cli: { referatRuns: 3, floorRuns: 3, markdownlintRuns: 1 },
  },
  quick: {
    coreSizes: [0.1, 1],
    lspDocuments: ['seed', 1],
    archiveFiles: 200,
    memoryDocuments: 100,
    indexRuns: 1,
    core: { warmup: 1, runs: 5, minRuns: 2, budgetMs: 3_000, warmupBudgetMs: 2_000, passes: 1 },
    lsp: { iterations: 10, minIterations: 3, budgetMs: 5_000, warmup: 1, warmupMs: 0 },
    debounceIterations: 3,
    cli: { referatRuns: 1, floorRuns: 1, markdownlintRuns: 1 },
  },
};

export interface Target {
  op: '<=' | '>=';
  value: number;
}

export interface Figure {
  id: string;
  label: string;
  unit: string;
  value: number;
  target?: Target;
  /** Present exactly when there is a target. */
  met?: boolean;
}

export interface Missed {
  id: string;
  value: number;
  target: Target;
  /** One line: what the profile of the hot path shows. */
  cause: string;
  /** The profile the cause comes from (in `profiles`), when one was taken. */
  profile?: string;
}

export interface Results {
  mode: Mode;
  date: string;
  node: string;
  /** os.availableParallelism() */
  cores: number;
  cpu: string;
  platform: string;
  /** Wall time of the measurements (data generation included, build not). */
  wallSeconds: number;
  notes: string[];
  figures: Figure[];
  missed: Missed[];
  [extra: string]: unknown;
}

const mbId = (size: number) => `${size}MB`;
/** The id of a language server document in figure ids: `seed`, `1MB`. */
export const lspId = (document: LspDocument) => (document === 'seed' ? 'seed' : mbId(document));

export const LSP_OPERATIONS = ['open', 'keystroke', 'documentSymbol', 'documentSymbolAfterEdit', 'foldingRange', 'semanticTokens', 'completion', 'hover'] as const;

/**
 * The target of a figure id, if it has one. Targets are for what real minutes are: a meeting of
 * 30-130 KB, a committee's year of about 1 MB, a municipality's few hundred meetings in a workspace.
 * The 5 and 20 MB documents only show how the time grows.
 */
export function targetOf(id: string): Target | undefined {
  if (/^core\.(0\.1|1)MB\.throughput$/.test(id)) return { op: '>=', value: 50 };
  if (/^lsp\.(seed|1MB)\.keystroke\.p99$/.test(id)) return { op: '<=', value: 16 };
  if (/^lsp\.(seed|1MB)\.documentSymbol\.p99$/.test(id)) return { op: '<=', value: 5 };
  if (id === 'lsp.index.rssMB') return { op: '<=', value: 150 };
  if (id === 'lsp.memory.rssMB') return { op: '<=', value: 200 };
  if (id === 'cli.speedupVsMarkdownlint') return { op: '>=', value: 45 };
  if (id === 'cli.timesFloor') return { op: '<=', value: 3.5 };
  return undefined;
}

export function meets(value: number, target: Target): boolean {
  return target.op === '<=' ? value <= target.value : value >= target.value;
}

/** Every figure id a run of the mode reports. */
export function expectedFigureIds(mode: Mode): string[] {
  const spec = MODES[mode];
  const ids: string[] = [];
  for (const size of spec.coreSizes) {
    for (const f of ['bytes', 'throughput', 'medianMs', 'readerMs', 'rulesMs', 'bestMs', 'throughputBest', 'pageFaultsPerMB', 'findings']) ids.push(`core.${mbId(size)}.${f}`);
  }
  ids.push('core.growthExponent', 'core.growthExponent.reader', 'core.growthExponent.rules', 'core.growthExponent.best');
  ids.push('machine.pageFirstWriteUs', 'machine.pageRewriteUs');
  for (const document of spec.lspDocuments) {
    const id = lspId(document);
    ids.push(`lsp.${id}.bytes`);
    for (const op of LSP_OPERATIONS) ids.push(`lsp.${id}.${op}.p50`, `lsp.${id}.${op}.p99`);
    ids.push(`lsp.${id}.diagnostics`, `lsp.${id}.iterations`);
  }
  ids.push('lsp.debounce.defaultMs', `lsp.${lspId(spec.lspDocuments[0])}.keystrokeDefaultDebounce.p50`);
  ids.push('lsp.index.files', 'lsp.index.MB', 'lsp.index.seconds', 'lsp.index.rssMB', 'lsp.index.peakMB');
  ids.push('lsp.memory.documents', 'lsp.memory.textMB', 'lsp.memory.emptyRssMB', 'lsp.memory.idleRssMB', 'lsp.memory.rssMB', 'lsp.memory.peakMB', 'lsp.memory.openSeconds');
  ids.push('cli.archive.files', 'cli.archive.MB', 'cli.referat.seconds', 'cli.markdownlint.seconds', 'cli.floor.seconds', 'cli.speedupVsMarkdownlint', 'cli.timesFloor');
  return ids;
}

/** What is wrong with a results file: missing figures, values that are not numbers, targets not marked. */
export function problemsOf(results: Results): string[] {
  const problems: string[] = [];
  if (results.mode !== 'full' && results.mode !== 'quick') return [`unknown mode ${String(results.mode)}`];
  for (const key of ['date', 'node', 'cpu', 'platform'] as const) if (typeof results[key] !== 'string' || !results[key]) problems.push(`${key} missing`);
  if (!Number.isInteger(results.cores) || results.cores < 1) problems.push('cores missing');
  if (Number.isNaN(Date.parse(results.date))) problems.push('date is not a date');
  const byId = new Map(results.figures.map((f) => [f.id, f]));
  for (const id of expectedFigureIds(results.mode)) {
    const figure = byId.get(id);
    if (!figure) {
      problems.push(`${id} missing`);
      continue;
    }
    if (typeof figure.value !== 'number' || !Number.isFinite(figure.value)) problems.push(`${id} is not a number: ${String(figure.value)}`);
    const target = targetOf(id);
    if (target) {
      if (!figure.target || figure.target.op !== target.op || figure.target.value !== target.value) problems.push(`${id} has no target ${target.op} ${target.value}`);
      if (typeof figure.met !== 'boolean') problems.push(`${id} is not marked met or missed`);
      else if (figure.met !== meets(figure.value, target)) problems.push(`${id} is marked ${figure.met ? 'met' : 'missed'} wrongly`);
    } else if (figure.target || figure.met !== undefined) problems.push(`${id} has a target it should not have`);
  }
  const missedIds = new Set(results.missed.map((m) => m.id));
  for (const figure of results.figures) {
    if (figure.met === false && !missedIds.has(figure.id)) problems.push(`${figure.id} missed but no cause given`);
  }
  for (const m of results.missed) if (typeof m.cause !== 'string' || !m.cause) problems.push(`${m.id}: no cause`);
  return problems;
}
