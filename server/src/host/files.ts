// Reading the files the CLI is given: clear errors for what cannot be read, and Windows-1252
// exports decoded rather than turned into replacement characters.
import * as buffer from 'node:buffer';
import { type FileStamp, type FileSystem, ReadRefused, nodeFileSystem, readRegularFile } from './io';

/**
 * The largest file read as a referat: real minutes are well under 5 MB, and a file many times that
 * is something else (a log, a dump) that would take the memory of several copies of it to read.
 */
export const MAX_REFERAT_MB = 64;
const MAX_REFERAT_BYTES = MAX_REFERAT_MB * 1024 * 1024;

export interface LoadedFile {
  file: string;
  text: string;
  /** Set when the file was not UTF-8 and was decoded as Windows-1252. */
  encoding: 'utf-8' | 'windows-1252';
  /** The UTF-8 file started with a byte order mark (not part of `text`). */
  bom: boolean;
  /** A UTF-8 file with bytes that are not UTF-8: each is `\uFFFD` in `text` (the unreadable-character rule says where), and the file is not written back. */
  stray?: boolean;
  /** The file's size and time when read, for --fix to see that nobody changed it meanwhile. */
  stamp?: FileStamp;
}

export class FileError extends Error {
  constructor(
    readonly file: string,
    readonly code: 'not-found' | 'directory' | 'special' | 'too-large' | 'unreadable' | 'binary',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Whether the bytes are valid UTF-8: buffer.isUtf8 (Node 18.14 and later) checks many times faster
 * than decoding with a fatal TextDecoder, which remains for older Node. Both refuse the same sequences.
 */
const isUtf8: (bytes: Uint8Array) => boolean =
  typeof buffer.isUtf8 === 'function'
    ? buffer.isUtf8
    : (bytes) => {
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(bytes);
          return true;
        } catch {
          return false;
        }
      };

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

/**
 * Valid UTF-8 to a string. ICU's transcoding to UTF-16 and a copy into the string is about a third
 * quicker than Buffer's own UTF-8 decoding (V8's) on text that is not all ASCII, as Danish text never
 * is; the same characters either way. Node built without ICU has no transcode.
 */
const utf8ToString: (bytes: Buffer) => string =
  typeof buffer.transcode === 'function' ? (bytes) => buffer.transcode(bytes, 'utf8', 'ucs2').toString('ucs2') : (bytes) => bytes.toString('utf8');

/**
 * UTF-8 with a few stray bytes, rather than Windows-1252: the file has more well-formed multi-byte
 * UTF-8 sequences (Danish letters) than bytes that are not UTF-8. A Windows-1252 file has almost
 * none (`æ` is one byte there, followed by a letter, never a continuation byte).
 */
function mostlyUtf8(bytes: Uint8Array): boolean {
  let good = 0;
  let bad = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b < 0x80) continue;
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let n = 1;
    while (n < length && i + n < bytes.length && (bytes[i + n] & 0xc0) === 0x80) n++;
    if (length && n === length) {
      good++;
      i += length - 1;
    } else bad++;
  }
  return good > bad;
}

export function decode(bytes: Uint8Array): { text: string; encoding: LoadedFile['encoding']; bom: boolean; stray?: boolean } {
  if (!isUtf8(bytes)) {
    if (!mostlyUtf8(bytes)) return { text: decodeCp1252(bytes), encoding: 'windows-1252', bom: false };
    const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', bom, stray: true };
  }
  // The byte order mark is not part of the text (the fatal TextDecoder with ignoreBOM kept it, to be taken off here).
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const text = utf8ToString(Buffer.from(bytes.buffer, bytes.byteOffset + (bom ? 3 : 0), bytes.byteLength - (bom ? 3 : 0)));
  return { text, encoding: 'utf-8', bom };
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

/** The FileError for a file that could not be read. */
function readError(file: string, failure: unknown): FileError {
  if (failure instanceof ReadRefused) return new FileError(file, failure.code, failure.message);
  const code = (failure as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new FileError(file, 'not-found', 'no such file');
  // Windows refuses to open a folder.
  if (code === 'EISDIR') return new FileError(file, 'directory', 'is a directory');
  return new FileError(file, 'unreadable', (failure as Error).message);
}

/**
 * Reads and decodes a file: a regular file of at most MAX_REFERAT_MB, else a FileError before any of
 * it is read. Synchronous: on thousands of files the many small steps of an asynchronous read (open,
 * stat, read, close, each a trip to the thread pool) cost more than the read itself, and each lint
 * thread has nothing else to do meanwhile.
 */
export function loadFileSync(file: string, fileSystem: FileSystem = nodeFileSystem): LoadedFile {
  let bytes: Buffer;
  let stamp: FileStamp;
  try {
    ({ bytes, stamp } = readRegularFile(file, MAX_REFERAT_BYTES, fileSystem));
  } catch (error) {
    throw readError(file, error);
  }
  // NUL bytes do not occur in minutes: this is a binary file (a PDF, a .docx).
  if (bytes.subarray(0, 8192).includes(0)) throw new FileError(file, 'binary', 'is not a text file');
  return { file, ...decode(bytes), stamp };
}

export async function loadFile(file: string): Promise<LoadedFile> {
  return loadFileSync(file);
}
