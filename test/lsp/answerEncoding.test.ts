// The stdio encoder sends what vscode-jsonrpc would send: a reusable answer's JSON is made once
// and sent again byte for byte, and every other message is encoded anew.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Message } from 'vscode-languageserver/node';
import { asciiJson, reuseEncoding, reusingJsonEncoder } from '../../server/src/lsp/answerEncoding';

const decode = async (p: Promise<Uint8Array> | Uint8Array) => JSON.parse(Buffer.from(await p).toString('utf-8'));

describe('answer encoding', () => {
  it('encodes a reusable answer as JSON.stringify would, for every request that gets it', async () => {
    const outline = reuseEncoding([{ name: 'Punkt 1: Godkendelse af dagsorden – “æøå”', kind: 12, children: [] }]);
    const first = { jsonrpc: '2.0', id: 7, result: outline };
    const second = { jsonrpc: '2.0', id: 'x-8', result: outline };
    expect(await decode(reusingJsonEncoder.encode(first, { charset: 'utf-8' }))).toEqual(first);
    expect(await decode(reusingJsonEncoder.encode(second, { charset: 'utf-8' }))).toEqual(second);
  });

  it('encodes anew what is not marked, and errors and notifications as they are', async () => {
    const answer = [{ name: 'a' }];
    const message = { jsonrpc: '2.0', id: 1, result: answer };
    expect(await decode(reusingJsonEncoder.encode(message, { charset: 'utf-8' }))).toEqual(message);
    answer[0].name = 'b';
    expect((await decode(reusingJsonEncoder.encode(message, { charset: 'utf-8' }))).result[0].name).toBe('b');
    const notification = { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///a', diagnostics: [] } };
    expect(await decode(reusingJsonEncoder.encode(notification, { charset: 'utf-8' }))).toEqual(notification);
    const error = { jsonrpc: '2.0', id: 2, error: { code: -32801, message: 'content modified' } };
    expect(await decode(reusingJsonEncoder.encode(error, { charset: 'utf-8' }))).toEqual(error);
  });

  it('sends kept answers in ASCII that reads back as the same text, whatever the characters', async () => {
    const names = fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom('æøå – ” 😀', '\ud800 alene', '\u007f\u0080', 'Punkt 1: Godkendelse'));
    await fc.assert(
      fc.asyncProperty(fc.array(names, { maxLength: 5 }), async (all) => {
        const answer = reuseEncoding(all.map((name) => ({ name, kind: 5 })));
        const bytes = Buffer.from(await reusingJsonEncoder.encode({ jsonrpc: '2.0', id: 1, result: answer } as Message, { charset: 'utf-8' }));
        expect(bytes.every((byte) => byte < 0x80)).toBe(true);
        expect(JSON.parse(bytes.toString('utf-8')).result).toEqual(answer);
        expect(JSON.parse(asciiJson(answer))).toEqual(JSON.parse(JSON.stringify(answer)));
      }),
    );
  });
});
