// The writing of JSON-RPC messages on stdio, as vscode-jsonrpc's StreamMessageWriter does it,
// except that an answer marked as reusable (a document's outline, asked for again until the document
// changes) is turned into JSON once and its bytes are sent again as they are, between the message's
// own head and end. Kept JSON is ASCII (other characters as \u escapes), which the client decodes faster.
import { AbstractMessageWriter, type Message, type MessageWriter, type ResponseMessage } from 'vscode-languageserver/node';

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

/**
 * The message as JSON in UTF-8, in pieces to be sent one after the other: the message whole, or
 * for a reusable answer its head, the kept JSON of the answer, and the closing brace.
 */
export function messageParts(message: Message): Buffer[] {
  const result = isResult(message) ? message.result : undefined;
  if (typeof result !== 'object' || result === null || !reusable.has(result)) return [Buffer.from(JSON.stringify(message), 'utf-8')];
  let json = encoded.get(result);
  if (!json) {
    json = Buffer.from(asciiJson(result), 'latin1');
    encoded.set(result, json);
  }
  const response = message as ResponseMessage;
  const head = Buffer.from(`{"jsonrpc":${JSON.stringify(response.jsonrpc)},"id":${JSON.stringify(response.id)},"result":`, 'utf-8');
  return [head, json, CLOSING_BRACE];
}

/**
 * Writes messages with a `Content-Length` header, one after the other as each is handed to the
 * stream, like vscode-jsonrpc's StreamMessageWriter; a message's pieces are written apart.
 */
export class ReusingMessageWriter extends AbstractMessageWriter implements MessageWriter {
  private errorCount = 0;
  private previous: Promise<void> = Promise.resolve();

  constructor(private readonly stream: NodeJS.WritableStream) {
    super();
    stream.on('error', (error: Error) => this.fireError(error));
    stream.on('close', () => this.fireClose());
  }

  write(message: Message): Promise<void> {
    const written = this.previous.then(() => this.send(message));
    this.previous = written.catch(() => undefined);
    return written;
  }

  end(): void {
    this.stream.end();
  }

  private send(message: Message): Promise<void> {
    return new Promise((resolve, reject) => {
      const failed = (error: unknown) => {
        this.errorCount++;
        this.fireError(error, message, this.errorCount);
        reject(error);
      };
      let parts: Buffer[];
      try {
        parts = messageParts(message);
      } catch (error) {
        failed(error);
        return;
      }
      const length = parts.reduce((sum, part) => sum + part.byteLength, 0);
      this.stream.write(`Content-Length: ${length}\r\n\r\n`, 'ascii');
      for (let i = 0; i < parts.length - 1; i++) this.stream.write(parts[i]);
      this.stream.write(parts[parts.length - 1], (error) => (error ? failed(error) : resolve()));
    });
  }
}

/** JSON with every character past ASCII written as a `\u` escape (a pair of them beyond the BMP). */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A successful response: an id and a result, no error. */
function isResult(message: Message): message is ResponseMessage {
  const candidate = message as Partial<ResponseMessage>;
  return 'id' in candidate && 'result' in candidate && candidate.error === undefined && !('method' in candidate);
}
