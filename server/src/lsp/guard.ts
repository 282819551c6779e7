// The wrapper around every request handler. A request whose params are not of the protocol's shape,
// or whose handler fails, is logged and answered with the request's empty answer, never with a
// crash. A request the client cancelled is answered `RequestCancelled`, and one about a document
// that changed while it was being answered `ContentModified`, as the LSP specification asks:
// the client then asks again for the version it has, instead of showing a stale answer.
import { type CancellationToken, LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import type { Logger } from './documents';
import { paramsProblem } from './params';

export type Guard = <P, R>(method: string, fallback: R, handler: (params: P, token?: CancellationToken) => R | Promise<R>) => (params: P, token?: CancellationToken) => Promise<R>;

/** The version of an open document, or undefined when it is not open. */
export type VersionOf = (uri: string) => number | undefined;

export function guardWith(log: Logger, versionOf: VersionOf): Guard {
  return <P, R>(method: string, fallback: R, handler: (params: P, token?: CancellationToken) => R | Promise<R>) =>
    async (params: P, token?: CancellationToken): Promise<R> => {
      const problem = paramsProblem(method, params);
      if (problem) {
        log.info(`${method}: ${problem}, answered with nothing.`);
        return fallback;
      }
      if (token?.isCancellationRequested) throw cancelled(method);
      const uri = documentUriOf(params);
      const version = uri === undefined ? undefined : versionOf(uri);
      let result: R;
      try {
        result = await handler(params, token);
      } catch (error) {
        log.error(`${method} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        return fallback;
      }
      if (token?.isCancellationRequested) throw cancelled(method);
      if (uri !== undefined && versionOf(uri) !== version) {
        throw new ResponseError(LSPErrorCodes.ContentModified, `${method}: the document changed while the answer was made`);
      }
      return result;
    };
}

function cancelled(method: string): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, `${method}: cancelled`);
}

function documentUriOf(params: unknown): string | undefined {
  const document = (params as { textDocument?: { uri?: unknown } } | null)?.textDocument;
  return typeof document?.uri === 'string' ? document.uri : undefined;
}
