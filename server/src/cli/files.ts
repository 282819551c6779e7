// Reading the files the CLI is given: clear errors for what cannot be read, and Windows-1252
// exports decoded rather than turned into replacement characters.
import { promises as fs } from 'node:fs';

export interface LoadedFile {
  file: string;
  text: string;
  /** Set when the file was not UTF-8 and was decoded as Windows-1252. */
  encoding: 'utf-8' | 'windows-1252';
  /** The UTF-8 file started with a byte order mark (not part of `text`). */
  bom: boolean;
}

export class FileError extends Error {
  constructor(
    readonly file: string,
    readonly code: 'not-found' | 'directory' | 'unreadable' | 'binary',
    message: string,
  ) {
    super(message);
  }
}

// ignoreBOM: the byte order mark stays in the decoded text, to be seen, taken off and written back.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Windows-1252's characters for the bytes 0x80–0x9F (the WHATWG table; 0x81, 0x8D, 0x8F, 0x90 and
 * 0x9D stay the C1 controls). The rest is Latin-1. Not TextDecoder('windows-1252'): since Node
 * 20.18.3 and 22.13.0 it decodes these bytes as Latin-1 (nodejs/node#60888), so `–`, `’` and `€`
 * would come out as control characters.
 */
const CP1252_HIGH =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

export function decodeCp1252(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('latin1')
    .replace(/[\u0080-\u009F]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]);
}

export function decode(bytes: Uint8Array): { text: string; encoding: LoadedFile['encoding']; bom: boolean } {
  try {
    const text = utf8.decode(bytes);
    const bom = text.charCodeAt(0) === 0xfeff;
    return { text: bom ? text.slice(1) : text, encoding: 'utf-8', bom };
  } catch {
    return { text: decodeCp1252(bytes), encoding: 'windows-1252', bom: false };
  }
}

let cp1252Bytes: Map<number, number> | undefined;

/**
 * Text back to the bytes of its encoding, for writing a file as it was read. Returns null when a
 * character cannot be written in Windows-1252.
 */
export function encode(text: string, encoding: LoadedFile['encoding'], bom = false): Buffer | null {
  if (encoding === 'utf-8') return Buffer.from(bom ? '\uFEFF' + text : text, 'utf8');
  if (!cp1252Bytes) {
    cp1252Bytes = new Map();
    for (let b = 0; b < 256; b++) cp1252Bytes.set(b >= 0x80 && b < 0xa0 ? CP1252_HIGH.charCodeAt(b - 0x80) : b, b);
  }
  const out = Buffer.alloc(text.length);
  for (let i = 0; i < text.length; i++) {
    const b = cp1252Bytes.get(text.charCodeAt(i));
    if (b === undefined) return null;
    out[i] = b;
  }
  return out;
}

export async function loadFile(file: string): Promise<LoadedFile> {
  let bytes: Buffer;
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory()) throw new FileError(file, 'directory', 'is a directory');
    bytes = await fs.readFile(file);
  } catch (error) {
    if (error instanceof FileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new FileError(file, 'not-found', 'no such file');
    throw new FileError(file, 'unreadable', (error as Error).message);
  }
  // NUL bytes do not occur in minutes: this is a binary file (a PDF, a .docx).
  if (bytes.subarray(0, 8192).includes(0)) throw new FileError(file, 'binary', 'is not a text file');
  return { file, ...decode(bytes) };
}
