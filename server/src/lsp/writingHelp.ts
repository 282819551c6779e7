// The writing help, wired to the connection: links and definitions from references to punkter
// and bilag, hovers, references/highlights/rename of members, and a code lens over each vote.
import type { CancellationToken, ClientCapabilities, Connection, ServerCapabilities } from 'vscode-languageserver';
import type { Membership } from '../config/membership';
import type { Locale } from '../i18n';
import { CASES_REQUEST, caseDefinition, caseLenses, caseReferences, casesAnswer, historyLinks, punktWithCaseNumberAt } from './caseHistory';
import { codeLenses } from './codeLens';
import type { ConfigStore } from './configuration';
import { definition } from './definition';
import type { Logger, ModelCache, OpenReferat } from './documents';
import { hover } from './hover';
import type { Guard } from './guard';
import { documentLinks } from './links';
import { MembershipCache } from './membership';
import { documentHighlights, prepareRename, references, rename, type Workspace } from './references';
import type { WorkspaceIndex } from './workspaceIndex';

/** References and rename wait for the first workspace scan at most this long. */
const SCAN_WAIT_MS = 10_000;

export interface WritingHelpDeps {
  cache: ModelCache;
  configs: ConfigStore;
  /** The referater of the workspace folders: references and rename reach the closed ones through it. */
  index?: WorkspaceIndex;
  log?: Logger;
  guard: Guard;
  client: () => ClientCapabilities;
  locale: () => Locale;
}

export function writingHelpCapabilities(client: ClientCapabilities): ServerCapabilities {
  return {
    documentLinkProvider: { resolveProvider: false },
    definitionProvider: true,
    hoverProvider: true,
    referencesProvider: true,
    documentHighlightProvider: true,
    renameProvider: client.textDocument?.rename?.prepareSupport ? { prepareProvider: true } : true,
    codeLensProvider: { resolveProvider: false },
  };
}

export function registerWritingHelp(connection: Connection, deps: WritingHelpDeps): void {
  const { cache, guard } = deps;
  const memberships = new MembershipCache(deps.configs);
  const membershipOf = (open: OpenReferat): Membership | null => {
    try {
      return memberships.for(open.document.uri, open.model);
    } catch {
      return null;
    }
  };
  const log: Logger = deps.log ?? { error: (message) => connection.console.error(message), info: (message) => connection.console.info(message) };
  const { index } = deps;
  /** The workspace's archive, brought up to date with the open documents. */
  const archive = () => index?.archive();
  const workspace: Workspace = {
    open: () => cache.all(),
    membership: membershipOf,
    closed: async () => {
      if (!index) return [];
      // Right after start the first scan may still be under way.
      await Promise.race([index.whenScanned(), delay(SCAN_WAIT_MS)]);
      return index.closed();
    },
    readText: (uri) => index?.readText(uri) ?? Promise.resolve(null),
    config: (uri) => deps.configs.configFor(uri).config,
    log,
    warn: (message) => void connection.window.showWarningMessage(message),
  };

  connection.onDocumentLinks(
    guard('textDocument/documentLink', null, (params: { textDocument: { uri: string } }) => {
      const open = cache.get(params.textDocument.uri);
      if (!open) return null;
      const cases = archive();
      return [...documentLinks(open, deps.locale()), ...(cases ? historyLinks(cases, open, deps.locale()) : [])];
    }),
  );

  connection.onDefinition(
    guard('textDocument/definition', null, (params) => {
      const open = cache.get(params.textDocument.uri);
      if (!open) return null;
      const found = definition(open, params, Boolean(deps.client().textDocument?.definition?.linkSupport));
      if (found?.length) return found;
      const cases = archive();
      return cases ? caseDefinition(cases, open, params.position) : null;
    }),
  );

  connection.onHover(
    guard('textDocument/hover', null, (params) => {
      const open = cache.get(params.textDocument.uri);
      return open ? hover(open, membershipOf(open), params.position, deps.locale(), archive()) : null;
    }),
  );

  connection.onReferences(
    guard('textDocument/references', null, async (params, token) => {
      const open = cache.get(params.textDocument.uri);
      if (!open) return null;
      if (index && punktWithCaseNumberAt(open, params.position)) {
        // On a case number: every meeting that treated the case (once the first scan has them).
        await Promise.race([index.whenScanned(), delay(SCAN_WAIT_MS)]);
        const current = cache.get(params.textDocument.uri);
        const found = current && caseReferences(index.archive(), current, params.position);
        if (found) return found;
      }
      return references(workspace, open, params.position, deps.locale(), token);
    }),
  );

  connection.onDocumentHighlight(
    guard('textDocument/documentHighlight', null, (params) => {
      const open = cache.get(params.textDocument.uri);
      return open ? documentHighlights(open, membershipOf(open), params.position) : null;
    }),
  );

  connection.onPrepareRename(
    guard('textDocument/prepareRename', null, (params) => {
      const open = cache.get(params.textDocument.uri);
      return open ? prepareRename(open, membershipOf(open), params, deps.locale()) : null;
    }),
  );

  connection.onRenameRequest(
    guard('textDocument/rename', null, (params, token) => {
      const open = cache.get(params.textDocument.uri);
      return open ? rename(workspace, open, params, deps.locale(), Boolean(deps.client().workspace?.workspaceEdit?.documentChanges), token) : null;
    }),
  );

  // The Sager tree view: the cases of the workspace, once the first scan has read them.
  connection.onRequest(
    CASES_REQUEST,
    guard(CASES_REQUEST, [], async (params: { all?: unknown } | undefined) => {
      if (!index) return [];
      await Promise.race([index.whenScanned(), delay(SCAN_WAIT_MS)]);
      return casesAnswer(index.archive(), params?.all === true);
    }),
  );

  connection.onCodeLens(
    guard('textDocument/codeLens', null, (params) => {
      const open = cache.get(params.textDocument.uri);
      if (!open) return null;
      const cases = archive();
      return [...codeLenses(open, membershipOf(open), deps.locale()), ...(cases ? caseLenses(cases, open, deps.locale()) : [])];
    }),
  );
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
