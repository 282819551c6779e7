// Code actions on referat diagnostics: the rule's own fix, "fix all of this rule", fixing
// everything (source.fixAll.referat), switching a rule off for one line, and the rule's docs.
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { translator } from '../i18n';
import { applyEdits } from '../rules/fix';
import type { Finding, Fix } from '../rules/types';
import { CREATE_CONFIG_COMMAND, createConfigFolder, createConfigMessages, UNCONFIGURED_RULE } from './createConfig';
import { CONFIG_DIAGNOSTIC_CODE, DIAGNOSTIC_SOURCE, type Linter } from './diagnostics';
import { clampRange, lineText, rangesEqual } from './ranges';
import { TOO_LARGE_CODE } from './sizeLimit';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.referat`;
export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, FIX_ALL_KIND];
/** Handled by the VS Code client: opens the rule's documentation. Arguments: [url, ruleId]. */
export const SHOW_RULE_DOCS_COMMAND = 'referat.showRuleDocs';
/** Fix-all lints and fixes again until nothing changes, at most this often. */
export const MAX_FIX_PASSES = 10;

const messages = {
  fixAllRule: { en: 'Fix all {rule} problems in this file', da: 'Ret alle {rule}-problemer i denne fil' },
  fixAll: { en: 'Fix all referat problems', da: 'Ret alle referat-problemer' },
  disableLine: { en: 'Disable {rule} for this line', da: 'Slå {rule} fra for denne linje' },
  showDocs: { en: 'Show documentation for {rule}', da: 'Vis dokumentation for {rule}' },
};

export interface CodeActionOptions {
  /** The client takes versioned `documentChanges` in a WorkspaceEdit. */
  documentChanges?: boolean;
}

export function codeActions(linter: Linter, params: CodeActionParams, options: CodeActionOptions = {}): CodeAction[] {
  const uri = params.textDocument.uri;
  const linted = linter.open(uri);
  if (!linted) return [];
  const { document, findings } = linted;
  const t = translator(messages, linter.locale);
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
  const editOf = (edits: TextEdit[]) => workspaceEdit(document, edits, options);
  const actions: CodeAction[] = [];

  const ours = params.context.diagnostics.filter(
    (d): d is Diagnostic & { code: string } => d.source === DIAGNOSTIC_SOURCE && typeof d.code === 'string' && d.code !== CONFIG_DIAGNOSTIC_CODE && d.code !== TOO_LARGE_CODE,
  );

  if (wants(CodeActionKind.QuickFix)) {
    const fixes: CodeAction[] = [];
    const fixAlls: CodeAction[] = [];
    const disables: CodeAction[] = [];
    const docs: CodeAction[] = [];
    const creates: CodeAction[] = [];
    const seenRules = new Set<string>();
    const seenLines = new Set<string>();
    for (const diagnostic of ours) {
      const ruleId = diagnostic.code;
      const finding = matchFinding(findings, diagnostic, document);
      if (finding?.fix) {
        fixes.push({
          title: finding.fix.title[linter.locale] || finding.fix.title.en,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: true,
          edit: editOf(finding.fix.edits.map((e) => ({ range: clampRange(document, e.range), newText: e.newText }))),
        });
      }
      const line = clampRange(document, diagnostic.range).start.line;
      if (!seenLines.has(`${ruleId}:${line}`)) {
        seenLines.add(`${ruleId}:${line}`);
        disables.push({
          title: t('disableLine', { rule: ruleId }),
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          edit: editOf([disableNextLineEdit(document, ruleId, line)]),
        });
      }
      if (seenRules.has(ruleId)) continue;
      seenRules.add(ruleId);
      const fixable = findings.filter((f) => f.ruleId === ruleId && f.fix);
      if (fixable.length >= 2) {
        const { edits } = combineFixes(
          document,
          fixable.map((f) => f.fix!),
        );
        fixAlls.push({
          title: t('fixAllRule', { rule: ruleId }),
          kind: CodeActionKind.QuickFix,
          diagnostics: ours.filter((d) => d.code === ruleId),
          edit: editOf(edits),
        });
      }
      const folder = ruleId === UNCONFIGURED_RULE ? createConfigFolder(uri, linter.configs) : null;
      if (folder) {
        const title = translator(createConfigMessages, linter.locale)('title');
        creates.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title, command: CREATE_CONFIG_COMMAND, arguments: [folder] } });
      }
      const href = linter.docs.href(ruleId);
      if (href) {
        const title = t('showDocs', { rule: ruleId });
        docs.push({ title, kind: CodeActionKind.QuickFix, command: { title, command: SHOW_RULE_DOCS_COMMAND, arguments: [href, ruleId] } });
      }
    }
    actions.push(...fixes, ...creates, ...fixAlls, ...disables, ...docs);
  }

  // Only when asked for (on save, or the Source Action menu): it lints the document again.
  if (only && wants(FIX_ALL_KIND)) {
    const edit = fixAllEdit(linter, document);
    if (edit) actions.push({ title: t('fixAll'), kind: FIX_ALL_KIND, diagnostics: [], edit: editOf([edit]) });
  }
  return actions;
}

/** The finding behind a diagnostic the client sends back: same rule, same range, preferably same message. */
function matchFinding(findings: Finding[], diagnostic: Diagnostic, document: TextDocument): Finding | undefined {
  const candidates = findings.filter((f) => f.ruleId === diagnostic.code && rangesEqual(clampRange(document, f.range), diagnostic.range));
  return candidates.find((f) => f.message.en === diagnostic.message || f.message.da === diagnostic.message) ?? candidates[0];
}

function workspaceEdit(document: TextDocument, edits: TextEdit[], options: CodeActionOptions): WorkspaceEdit {
  if (options.documentChanges) return { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits }] };
  return { changes: { [document.uri]: edits } };
}

/**
 * Fixes that can be applied together: in document order, a fix is left out when any of its
 * edits overlaps an edit already taken. Insertions at one place stay in the fixes' order.
 */
export function combineFixes(document: TextDocument, fixes: Fix[]): { edits: TextEdit[]; skipped: Fix[] } {
  type Span = { from: number; to: number };
  const spansOf = (fix: Fix): Span[] =>
    fix.edits.map((e) => ({ from: document.offsetAt(e.range.start), to: document.offsetAt(e.range.end) })).map((s) => (s.to < s.from ? { from: s.from, to: s.from } : s));
  // As applyEdits: touching is not overlapping, and insertions at one place go in in order.
  const overlaps = (a: Span, b: Span) => a.from < b.to && b.from < a.to;
  const ordered = fixes.map((fix) => ({ fix, spans: spansOf(fix) })).sort((a, b) => Math.min(...a.spans.map((s) => s.from)) - Math.min(...b.spans.map((s) => s.from)));
  const taken: Span[] = [];
  const edits: TextEdit[] = [];
  const skipped: Fix[] = [];
  for (const { fix, spans } of ordered) {
    const selfOverlap = spans.some((a, i) => spans.some((b, j) => i < j && overlaps(a, b)));
    if (spans.length === 0 || selfOverlap || spans.some((a) => taken.some((b) => overlaps(a, b)))) {
      skipped.push(fix);
      continue;
    }
    taken.push(...spans);
    edits.push(...fix.edits.map((e) => ({ range: clampRange(document, e.range), newText: e.newText })));
  }
  return { edits, skipped };
}

/**
 * Every fix, applied and linted again until nothing changes (at most `MAX_FIX_PASSES` times),
 * as one edit over the region that changed; undefined when nothing does.
 */
export function fixAllEdit(linter: Linter, document: TextDocument): TextEdit | undefined {
  const original = document.getText();
  let text = original;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const linted = pass === 0 ? linter.open(document.uri) : linter.text(document.uri, text);
    if (!linted) break;
    const fixes = linted.findings.flatMap((f) => (f.fix ? [f.fix] : []));
    if (fixes.length === 0) break;
    const { edits } = combineFixes(linted.document, fixes);
    if (edits.length === 0) break;
    const next = applyEdits(text, edits).text;
    if (next === text) break;
    text = next;
  }
  return text === original ? undefined : minimalEdit(document, text);
}

/** One edit that turns the document's text into `next`: the changed middle, common start and end kept. */
export function minimalEdit(document: TextDocument, next: string): TextEdit {
  const text = document.getText();
  let start = 0;
  const max = Math.min(text.length, next.length);
  while (start < max && text.charCodeAt(start) === next.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && text.charCodeAt(text.length - 1 - end) === next.charCodeAt(next.length - 1 - end)) end++;
  // Never split a \r\n or a surrogate pair.
  const splits = (s: string, at: number) =>
    at > 0 && at < s.length && ((s[at - 1] === '\r' && s[at] === '\n') || (isHighSurrogate(s.charCodeAt(at - 1)) && isLowSurrogate(s.charCodeAt(at))));
  while (start > 0 && (splits(text, start) || splits(next, start))) start--;
  while (end > 0 && (splits(text, text.length - end) || splits(next, next.length - end))) end--;
  return {
    range: { start: document.positionAt(start), end: document.positionAt(text.length - end) },
    newText: next.slice(start, next.length - end),
  };
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

const NEXT_LINE_DIRECTIVE = /^(\s*)<!--\s*referat-disable-next-line((?:[\s,]+[a-z][a-z0-9-]*)+)\s*-->\s*$/;

/**
 * `<!-- referat-disable-next-line <rule> -->` on its own line above `line`, indented like it;
 * when the line above already is such a directive, the rule is added to it.
 */
export function disableNextLineEdit(document: TextDocument, ruleId: string, line: number): TextEdit {
  if (line > 0) {
    const above = lineText(document, line - 1);
    const match = NEXT_LINE_DIRECTIVE.exec(above);
    if (match) {
      const ids = match[2].split(/[\s,]+/).filter(Boolean);
      if (!ids.includes(ruleId)) ids.push(ruleId);
      return {
        range: { start: { line: line - 1, character: 0 }, end: { line: line - 1, character: above.length } },
        newText: `${match[1]}<!-- referat-disable-next-line ${ids.join(' ')} -->`,
      };
    }
  }
  const indent = /^[ \t]*/.exec(lineText(document, line))![0];
  return {
    range: { start: { line, character: 0 }, end: { line, character: 0 } },
    newText: `${indent}<!-- referat-disable-next-line ${ruleId} -->${lineBreakOf(document.getText())}`,
  };
}

/** The document's line break: the first one in it, else \n. */
export function lineBreakOf(text: string): string {
  const match = /\r\n|\r|\n/.exec(text);
  return match ? match[0] : '\n';
}
