// The document model of an open referat, read in the extension host with the same core reader as
// the server (a few milliseconds for the largest seed) and cached per document version. The
// preview renders it and the status bar counts its punkter, without waiting for the server.
import * as vscode from 'vscode';
import type { ReferatDocument } from '../../server/src/model';
import { readReferat } from '../../server/src/reader';
import type { Finding, Severity } from '../../server/src/rules/types';

interface Cached {
  version: number;
  text: string;
  doc: ReferatDocument;
}

const cache = new WeakMap<vscode.TextDocument, Cached>();

export function readDocument(document: vscode.TextDocument): Cached {
  const hit = cache.get(document);
  if (hit && hit.version === document.version) return hit;
  const text = document.getText();
  const entry = { version: document.version, text, doc: readReferat(text) };
  cache.set(document, entry);
  return entry;
}

function severityOf(severity: vscode.DiagnosticSeverity): Severity {
  if (severity === vscode.DiagnosticSeverity.Error) return 'error';
  if (severity === vscode.DiagnosticSeverity.Warning) return 'warning';
  return 'info';
}

/** The document's diagnostics (from the language server, or anyone else) as findings for the renderer. */
export function findingsOf(uri: vscode.Uri): Finding[] {
  return vscode.languages.getDiagnostics(uri).map((d) => {
    const code = typeof d.code === 'object' ? d.code.value : d.code;
    return {
      ruleId: String(code ?? d.source ?? ''),
      severity: severityOf(d.severity),
      range: {
        start: { line: d.range.start.line, character: d.range.start.character },
        end: { line: d.range.end.line, character: d.range.end.character },
      },
      // The server already wrote the message in the editor's language.
      message: { en: d.message, da: d.message },
    };
  });
}
