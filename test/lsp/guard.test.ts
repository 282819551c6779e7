// Every request goes through the guard: bad params and failures give the empty answer; a cancelled
// request and one whose document changed meanwhile give the errors the LSP specification names.
import { CancellationTokenSource, LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import { describe, expect, it } from 'vitest';
import { guardWith } from '../../server/src/lsp/guard';

const logged: string[] = [];
const log = { error: (m: string) => logged.push(m), info: (m: string) => logged.push(m) };
const uri = 'file:///a.referat.txt';
const params = { textDocument: { uri }, position: { line: 0, character: 0 } };

async function codeOf(answer: Promise<unknown>): Promise<number | undefined> {
  try {
    await answer;
    return undefined;
  } catch (error) {
    return error instanceof ResponseError ? error.code : -1;
  }
}

describe('request guard', () => {
  it('answers as the handler does while nothing changes', async () => {
    const guard = guardWith(log, () => 3);
    await expect(guard('textDocument/hover', null, async () => ({ contents: 'x' }))(params)).resolves.toEqual({ contents: 'x' });
  });

  it('answers with the fallback when the handler fails or the params are malformed', async () => {
    const guard = guardWith(log, () => 3);
    await expect(
      guard('textDocument/hover', 'empty', () => {
        throw new Error('boom');
      })(params),
    ).resolves.toBe('empty');
    await expect(guard('textDocument/hover', 'empty', () => 'answer')({ textDocument: 5 } as never)).resolves.toBe('empty');
    expect(logged.some((m) => m.includes('boom'))).toBe(true);
  });

  it('answers ContentModified when the document changed while the answer was made', async () => {
    let version = 3;
    const guard = guardWith(log, () => version);
    const answer = guard('textDocument/documentSymbol', [], async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      return ['stale'];
    })(params);
    version = 4;
    expect(await codeOf(answer)).toBe(LSPErrorCodes.ContentModified);
  });

  it('answers RequestCancelled when the client cancelled, before or during the work', async () => {
    const guard = guardWith(log, () => 3);
    const before = new CancellationTokenSource();
    before.cancel();
    let ran = false;
    expect(
      await codeOf(
        guard('workspace/symbol', [], () => {
          ran = true;
          return [];
        })({ query: 'x' }, before.token),
      ),
    ).toBe(LSPErrorCodes.RequestCancelled);
    expect(ran).toBe(false);
    const during = new CancellationTokenSource();
    const answer = guard('workspace/symbol', [], async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      return ['late'];
    })({ query: 'x' }, during.token);
    during.cancel();
    expect(await codeOf(answer)).toBe(LSPErrorCodes.RequestCancelled);
  });
});
