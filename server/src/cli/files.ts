// Reading the files the CLI is given: clear errors for what cannot be read, and Windows-1252
// exports decoded rather than turned into replacement characters.
import { promises as fs } from 'node:fs';

export interface LoadedFile {
  file: string;
  text: string;
  /** Set when the file was not UTF-8 and was decoded as Windows-1252. */
  encoding: 'utf-8' | 'windows-1252';
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

const utf8 = new TextDecoder('utf-8', { fatal: true });
const cp1252 = new TextDecoder('windows-1252');

export function decode(bytes: Uint8Array): { text: string; encoding: LoadedFile['encoding'] } {
  try {
    return { text: utf8.decode(bytes).replace(/^\uFEFF/, ''), encoding: 'utf-8' };
  } catch {
    return { text: cp1252.decode(bytes), encoding: 'windows-1252' };
  }
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
  const { text, encoding } = decode(bytes);
  return { file, text, encoding };
}
