// What the VS Code client shows of a referat, from the model the server holds (the client reads no
// referat itself): the preview's HTML with the document's findings (`referat/preview`), and the
// status bar's count of punkter (`referat/summary`). Both answer null for a document that is not
// an open referat.
import type { Connection } from 'vscode-languageserver';
import { localeOf } from '../i18n';
import { renderBody, renderHtml } from '../render';
import type { Linter, SettingsSource } from './diagnostics';
import type { ModelCache } from './documents';
import type { Guard } from './guard';

export const PREVIEW_REQUEST = 'referat/preview';
export const SUMMARY_REQUEST = 'referat/summary';

/** The webview page around the body: its CSP nonce, the webview's resource origin, its script and title. */
export interface PreviewPage {
  nonce: string;
  cspSource: string;
  script: string;
  title: string;
}

export interface PreviewParams {
  textDocument: { uri: string };
  /** The editor's language (`da`, `en-US`, …); the server's when not given. */
  locale?: string;
  /** Given: the whole page (for webview.html); else the body alone, to swap in. */
  page?: PreviewPage;
}

export interface PreviewAnswer {
  /** The version of the document the HTML was rendered from. */
  version: number;
  html: string;
}

export interface SummaryAnswer {
  version: number;
  punkter: number;
}

export interface PreviewDeps {
  cache: ModelCache;
  guard: Guard;
  /** The linter in force: the findings shown in the editor, the configuration, the client's language. */
  linter: () => Linter;
  settings: SettingsSource;
}

const isPage = (value: unknown): value is PreviewPage =>
  typeof value === 'object' && value !== null && ['nonce', 'cspSource', 'script', 'title'].every((key) => typeof (value as Record<string, unknown>)[key] === 'string');

export function registerPreview(connection: Connection, { cache, guard, linter, settings }: PreviewDeps): void {
  connection.onRequest(
    PREVIEW_REQUEST,
    guard(PREVIEW_REQUEST, null, (params: PreviewParams): PreviewAnswer | null => {
      const uri = params.textDocument.uri;
      const open = cache.get(uri);
      if (!open || (params.page !== undefined && !isPage(params.page))) return null;
      const text = open.document.getText();
      const { locale, configs } = linter();
      const options = {
        locale: typeof params.locale === 'string' ? localeOf(params.locale) : locale,
        standalone: false,
        // What the editor shows: none while validation is off.
        findings: settings.for(uri).enable ? (linter().open(uri)?.findings ?? []) : [],
        config: configs.configFor(uri).config,
      };
      const html = params.page ? renderHtml(open.model, text, { ...options, ...params.page }) : renderBody(open.model, text, options);
      return { version: open.document.version, html };
    }),
  );

  connection.onRequest(
    SUMMARY_REQUEST,
    guard(SUMMARY_REQUEST, null, (params: { textDocument: { uri: string } }): SummaryAnswer | null => {
      const open = cache.get(params.textDocument.uri);
      return open ? { version: open.document.version, punkter: open.model.items.length } : null;
    }),
  );
}
