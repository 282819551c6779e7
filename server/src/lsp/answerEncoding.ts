// The encoding of JSON-RPC messages on the wire, as vscode-jsonrpc does it, except that an answer
// marked as reusable is turned into JSON once and its bytes are sent again as they are. The
// outline of a large referat is such an answer: the same object is returned until the document
// changes, and encoding its thousands of ranges again for every request cost more than all the
// rest of the request. Kept JSON is written in ASCII (other characters as \u escapes): the client
// decodes ASCII bytes to text about twice as fast, and on a 5 MB referat's outline (1.15 MB, with
// æ, ø, å and – in its names) that is a millisecond of the ten the client spends reading it.
import type { ContentTypeEncoder, Message, ResponseMessage } from 'vscode-languageserver/node';

/** Answers whose JSON is kept once made, and that JSON. Both weak: they go with the answer. */
const reusable = new WeakSet<object>();
const encoded = new WeakMap<object, Buffer>();

/**
 * Marks an answer that will be sent again unchanged: its JSON is made the first time it is sent
 * and kept as long as the answer. The answer must not be changed afterwards.
 */
export function reuseEncoding<T extends object>(answer: T): T {
  reusable.add(answer);
  return answer;
}

const CLOSING_BRACE = Buffer.from('}');

/** For a message writer: `application/json` in UTF-8, like vscode-jsonrpc's own encoder. */
export const reusingJsonEncoder: ContentTypeEncoder = {
  name: 'application/json',
  encode(message: Message): Promise<Uint8Array> {
    const result = isResult(message) ? message.result : undefined;
    if (typeof result !== 'object' || result === null || !reusable.has(result)) {
      return Promise.resolve(Buffer.from(JSON.stringify(message), 'utf-8'));
    }
    let json = encoded.get(result);
    if (!json) {
      json = Buffer.from(asciiJson(result), 'latin1');
      encoded.set(result, json);
    }
    const response = message as ResponseMessage;
    const head = Buffer.from(`{"jsonrpc":${JSON.stringify(response.jsonrpc)},"id":${JSON.stringify(response.id)},"result":`, 'utf-8');
    return Promise.resolve(Buffer.concat([head, json, CLOSING_BRACE]));
  },
};

/** JSON with every character past ASCII written as a `\u` escape (a pair of them beyond the BMP). */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A successful response: an id and a result, no error. */
function isResult(message: Message): message is ResponseMessage {
  const candidate = message as Partial<ResponseMessage>;
  return 'id' in candidate && 'result' in candidate && candidate.error === undefined && !('method' in candidate);
}
