// One file of `referat lint`: read, parse, lint and, with --fix, correct and write it back.
// The same code runs on the main thread and in the worker threads.
import path from 'node:path';
import { type ArchivedReferat, archiveEntry } from '../archive/entry';
import type { ReferatConfig } from '../config/types';
import { isReferatFile } from '../files';
import { readReferat } from '../reader';
import { LineIndex } from '../reader/lines';
import { lint } from '../rules';
import { applyEdits } from '../rules/fix';
import type { Finding, TextEdit } from '../rules/types';
import { type FileSystem, nodeFileSystem, writeFileSafely } from '../host/io';
import { FileError, type LoadedFile, encode, loadFileSync } from '../host/files';
import { readFailure, ruleFailure } from './failures';

export interface LintTask {
  /** As shown to people; the worker threads share the process's working folder. */
  file: string;
  /** False when the file was found in a folder or by a pattern and must look like a referat to be linted. */
  explicit: boolean;
  config: ReferatConfig;
  fix: boolean;
  /** Give the archive's record of the referat too (for the rules over many referater, and the archive commands). */
  entry?: boolean;
  /** False: read only, no rules (the archive commands). */
  lint?: boolean;
}

export type FileErrorCode = FileError['code'] | 'unwritable' | 'changed' | 'unencodable' | 'stray-bytes' | 'internal';

export interface FileResult {
  file: string;
  /** Found in a folder but not a referat: left out of the report. */
  skipped?: boolean;
  error?: { code: FileErrorCode; detail: string };
  encoding?: LoadedFile['encoding'];
  findings: Finding[];
  /** What --fix changed: the number of fixes applied for each rule. Only when the file was written. */
  fixed?: Record<string, number>;
  entry?: ArchivedReferat;
  /** The written file's other hard links, which keep the old text. */
  otherLinks?: number;
  /** The lines that hold inline directives, by line number (only when there are any), for the rules run after. */
  directives?: Array<[number, string]>;
}

/** The archive's record and the directive lines of a text, as the task asks for them. */
function extras(
  task: LintTask,
  text: string,
  doc = readReferat(text, { vocabulary: task.config.vocabulary, onError: readFailure(task.file) }),
): Pick<FileResult, 'entry' | 'directives'> {
  if (!task.entry) return {};
  const directives = text.includes('<!--') && text.includes('referat-') ? directiveLines(text) : undefined;
  return { entry: archiveEntry(task.file, doc, text), ...(directives && { directives }) };
}

function directiveLines(text: string): Array<[number, string]> {
  const out: Array<[number, string]> = [];
  text.split(/\r\n?|\n/).forEach((line, i) => {
    if (line.includes('referat-')) out.push([i, line]);
  });
  return out;
}

/** At most this many rounds of fixing: a fix can make another finding, or another fix possible. */
export const MAX_FIX_PASSES = 10;

/** The line break a text mostly uses, for text that fixes insert. */
export function lineBreakOf(text: string): string {
  const crlf = text.split('\r\n').length - 1;
  const lf = text.split('\n').length - 1 - crlf;
  const cr = text.split('\r').length - 1 - crlf;
  if (crlf >= lf && crlf >= cr && crlf > 0) return '\r\n';
  return cr > lf ? '\r' : '\n';
}

export interface FixOutcome {
  text: string;
  /** Fixes applied, by rule id. */
  fixed: Record<string, number>;
  /** The findings that remain in the fixed text. */
  findings: Finding[];
}

/**
 * Applies the fixes of the findings, whole fixes only (a fix whose edits overlap another's waits for
 * the next round), and lints again until nothing more can be fixed. Inserted line breaks follow the
 * text's own.
 */
export function fixText(text: string, lintText: (text: string) => Finding[]): FixOutcome {
  const eol = lineBreakOf(text);
  const fixed: Record<string, number> = {};
  let findings = lintText(text);
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const index = new LineIndex(text);
    const taken: Array<[number, number]> = [];
    const overlaps = (from: number, to: number) => taken.some(([f, t]) => from < t && f < to);
    const edits: TextEdit[] = [];
    const rules: string[] = [];
    for (const finding of findings) {
      if (!finding.fix?.edits.length) continue;
      const spans = finding.fix.edits.map((e) => [index.offsetAt(e.range.start), index.offsetAt(e.range.end)] as [number, number]);
      if (spans.some(([f, t]) => overlaps(f, t)) || selfOverlapping(spans)) continue;
      taken.push(...spans);
      edits.push(...finding.fix.edits.map((e) => ({ range: e.range, newText: e.newText.replace(/\r\n|\r|\n/g, eol) })));
      rules.push(finding.ruleId);
    }
    if (!edits.length) break;
    const next = applyEdits(text, edits).text;
    if (next === text) break;
    text = next;
    for (const id of rules) fixed[id] = (fixed[id] ?? 0) + 1;
    findings = lintText(text);
  }
  return { text, fixed, findings };
}

function selfOverlapping(spans: ReadonlyArray<[number, number]>): boolean {
  const sorted = [...spans].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return sorted.some(([from], i) => i > 0 && from < sorted[i - 1][1]);
}

/**
 * Synchronous, reading and writing too: a lint thread has nothing else to do while a file is read.
 * `fileSystem` is node:fs but for tests, which make writes fail.
 */
export function lintFile(task: LintTask, fileSystem: FileSystem = nodeFileSystem): FileResult {
  const { file } = task;
  let loaded: LoadedFile;
  try {
    loaded = loadFileSync(file, fileSystem);
  } catch (error) {
    if (!(error instanceof FileError)) throw error;
    // A binary or huge `.txt` in a folder is simply not a referat.
    if (!task.explicit && (error.code === 'binary' || error.code === 'too-large')) return { file, skipped: true, findings: [] };
    return { file, error: { code: error.code, detail: error.message }, findings: [] };
  }
  if (!task.explicit && !isReferatFile(path.basename(file), loaded.text)) return { file, skipped: true, findings: [] };
  const onError = readFailure(file);
  const onRuleError = ruleFailure(file);
  const read = (text: string) => readReferat(text, { vocabulary: task.config.vocabulary, onError });
  const lintText = (text: string) => lint(read(text), text, { config: task.config, onRuleError });
  const { encoding } = loaded;
  if (task.lint === false) return { file, encoding, findings: [], ...extras(task, loaded.text) };
  if (!task.fix) {
    if (!task.entry) return { file, encoding, findings: lintText(loaded.text) };
    // Read once for both.
    const doc = read(loaded.text);
    return { file, encoding, findings: lint(doc, loaded.text, { config: task.config, onRuleError }), ...extras(task, loaded.text, doc) };
  }

  const outcome = fixText(loaded.text, lintText);
  if (outcome.text === loaded.text) return { file, encoding, findings: outcome.findings, ...extras(task, loaded.text) };
  // Written back, the stray bytes would become `�` for good: the fixes wait until the file is mended.
  if (loaded.stray) return { file, encoding, error: { code: 'stray-bytes', detail: 'UTF-8' }, findings: lintText(loaded.text) };
  const bytes = encode(outcome.text, encoding, loaded.bom);
  if (!bytes) {
    // Nothing is written: what is reported is the file as it is.
    return { file, encoding, error: { code: 'unencodable', detail: 'Windows-1252' }, findings: lintText(loaded.text) };
  }
  let otherLinks: number;
  try {
    // Whole or not at all: a write that fails leaves the file as it was, and what is reported is that file.
    ({ otherLinks } = writeFileSafely(file, bytes, { fs: fileSystem, unchangedSince: loaded.stamp }));
  } catch (error) {
    const code = (error as { code?: unknown }).code === 'changed' ? 'changed' : 'unwritable';
    return { file, encoding, error: { code, detail: (error as Error).message }, findings: lintText(loaded.text) };
  }
  return { file, encoding, findings: outcome.findings, fixed: outcome.fixed, ...(otherLinks ? { otherLinks } : {}), ...extras(task, outcome.text) };
}

/** lintFile that never rejects: an unexpected failure becomes the file's error. */
export function lintFileSafely(task: LintTask): FileResult {
  try {
    return lintFile(task);
  } catch (error) {
    return { file: task.file, error: { code: 'internal', detail: (error as Error)?.stack ?? String(error) }, findings: [] };
  }
}
