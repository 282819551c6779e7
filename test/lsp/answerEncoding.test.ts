// The stdio writer sends what vscode-jsonrpc would send: a reusable answer's JSON is made once
// and sent again byte for byte, and every other message is encoded anew.
import { PassThrough } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Message, StreamMessageReader } from 'vscode-languageserver/node';
import { ReusingMessageWriter, asciiJson, messageParts, reuseEncoding } from '../../server/src/lsp/answerEncoding';

const encodeWhole = (message: Message) => Buffer.concat(messageParts(message));
const decode = (message: Message) => JSON.parse(encodeWhole(message).toString('utf-8'));

/** What a vscode-jsonrpc reader reads of what the writer wrote. */
async function roundTrip(messages: Message[]): Promise<Message[]> {
  const stream = new PassThrough();
  const writer = new ReusingMessageWriter(stream);
  const reader = new StreamMessageReader(stream);
  const read: Message[] = [];
  const all = new Promise<void>((resolve) =>
    reader.listen((message) => {
      read.push(message);
      if (read.length === messages.length) resolve();
    }),
  );
  // Not awaited one by one: the writer must keep them in order and whole.
  await Promise.all(messages.map((message) => writer.write(message)));
  await all;
  reader.dispose();
  return read;
}

describe('answer encoding', () => {
  it('encodes a reusable answer as JSON.stringify would, for every request that gets it', async () => {
    const outline = reuseEncoding([{ name: 'Punkt 1: Godkendelse af dagsorden – “æøå”', kind: 12, children: [] }]);
    const first = { jsonrpc: '2.0', id: 7, result: outline };
    const second = { jsonrpc: '2.0', id: 'x-8', result: outline };
    expect(decode(first)).toEqual(first);
    expect(decode(second)).toEqual(second);
    // The kept bytes themselves are sent, not a copy.
    expect(messageParts(first)[1]).toBe(messageParts(second)[1]);
  });

  it('encodes anew what is not marked, and errors and notifications as they are', async () => {
    const answer = [{ name: 'a' }];
    const message = { jsonrpc: '2.0', id: 1, result: answer };
    expect(decode(message)).toEqual(message);
    answer[0].name = 'b';
    expect(decode(message).result[0].name).toBe('b');
    const notification = { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///a', diagnostics: [] } };
    expect(decode(notification)).toEqual(notification);
    const error = { jsonrpc: '2.0', id: 2, error: { code: -32801, message: 'content modified' } };
    expect(decode(error)).toEqual(error);
  });

  it('sends kept answers in ASCII that reads back as the same text, whatever the characters', async () => {
    const names = fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom('æøå – ” 😀', '\ud800 alene', '\u007f\u0080', 'Punkt 1: Godkendelse'));
    await fc.assert(
      fc.asyncProperty(fc.array(names, { maxLength: 5 }), async (all) => {
        const answer = reuseEncoding(all.map((name) => ({ name, kind: 5 })));
        const bytes = encodeWhole({ jsonrpc: '2.0', id: 1, result: answer } as Message);
        expect(bytes.every((byte) => byte < 0x80)).toBe(true);
        expect(JSON.parse(bytes.toString('utf-8')).result).toEqual(answer);
        expect(JSON.parse(asciiJson(answer))).toEqual(JSON.parse(JSON.stringify(answer)));
      }),
    );
  });

  it('writes messages whole and in order, with their lengths, for a vscode-jsonrpc reader', async () => {
    const outline = reuseEncoding([{ name: 'Punkt 1: Budget – “æøå” 😀', kind: 5, children: [{ name: 'Beslutning', kind: 23 }] }]);
    const messages: Message[] = [
      { jsonrpc: '2.0', id: 1, result: outline } as Message,
      { jsonrpc: '2.0', method: 'window/logMessage', params: { type: 3, message: 'Læst på 12 ms – “ok”' } } as Message,
      { jsonrpc: '2.0', id: 'to', result: outline } as Message,
      { jsonrpc: '2.0', id: 3, result: { contents: 'x'.repeat(200_000) } } as Message,
      { jsonrpc: '2.0', id: 4, error: { code: -32801, message: 'indholdet er ændret' } } as Message,
    ];
    expect(await roundTrip(messages)).toEqual(messages);
  });
});
