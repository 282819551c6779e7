// Reading and writing the files the tools are given, safely: only regular files are read, and only
// up to a limit (a device like /dev/zero never ends, a FIFO blocks until someone writes to it); a
// file is written whole or not at all (a write that fails half-way, on a full disk or over a file
// size limit, must not leave the minutes cut short). Everything goes through `FileSystem`, a small
// part of node:fs, so that tests can put a file system under it that fails wherever they like.
// (write-file-atomic does the same write but takes no file system to test it against.)
import nodeFs from 'node:fs';
import path from 'node:path';

/** Why a file may not be flushed where the write itself still works. */
const UNFLUSHABLE = new Set(['EINVAL', 'ENOTSUP', 'ERR_ACCESS_DENIED']);

export interface FileStat {
  mode: number;
  uid: number;
  gid: number;
  nlink: number;
  size: number;
  mtimeMs: number;
  isFile(): boolean;
  isDirectory(): boolean;
}

/** The calls of node:fs that reading and writing use. */
export interface FileSystem {
  openSync(file: string, flags: number | string, mode?: number): number;
  fstatSync(fd: number): FileStat;
  readSync(fd: number, buffer: Uint8Array, offset: number, length: number, position: null): number;
  writeSync(fd: number, buffer: Uint8Array, offset: number, length: number): number;
  fsyncSync(fd: number): void;
  fchmodSync(fd: number, mode: number): void;
  fchownSync(fd: number, uid: number, gid: number): void;
  closeSync(fd: number): void;
  statSync(file: string): FileStat;
  realpathSync(file: string): string;
  accessSync(file: string, mode: number): void;
  renameSync(from: string, to: string): void;
  unlinkSync(file: string): void;
}

export const nodeFileSystem: FileSystem = nodeFs;

/** Why a file was not read: it is a folder, not a regular file, or larger than the limit. */
export class ReadRefused extends Error {
  constructor(
    readonly code: 'directory' | 'special' | 'too-large',
    message: string,
  ) {
    super(message);
  }
}

export interface ReadResult {
  bytes: Buffer;
  /** As the file was when read: a write checks that nobody changed it meanwhile. */
  stamp: FileStamp;
}

export interface FileStamp {
  size: number;
  mtimeMs: number;
}

/** O_NONBLOCK: opening a FIFO for reading then returns at once instead of waiting for a writer (not on Windows). */
const OPEN_FOR_READING = nodeFs.constants.O_RDONLY | (nodeFs.constants.O_NONBLOCK ?? 0);

/**
 * The bytes of a regular file of at most `maxBytes`. Throws ReadRefused for a folder, anything
 * that is not a regular file (a device, a FIFO, a socket) or a larger file, before reading it;
 * else what node:fs throws.
 */
export function readRegularFile(file: string, maxBytes: number, fs: FileSystem = nodeFileSystem): ReadResult {
  const fd = fs.openSync(file, OPEN_FOR_READING);
  try {
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) throw new ReadRefused('directory', 'is a directory');
    if (!stat.isFile()) throw new ReadRefused('special', 'is not a regular file');
    if (stat.size > maxBytes) throw new ReadRefused('too-large', `is larger than ${maxBytes} bytes`);
    // Read to the end, not just `size` bytes: files in /proc say 0 and have more; a file may grow meanwhile.
    let buffer = Buffer.allocUnsafe(Math.min(Math.max(stat.size, 8192), maxBytes + 1));
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > maxBytes) throw new ReadRefused('too-large', `is larger than ${maxBytes} bytes`);
        const grown = Buffer.allocUnsafe(Math.min(buffer.length * 2, maxBytes + 1));
        buffer.copy(grown, 0, 0, length);
        buffer = grown;
      }
      const n = fs.readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    if (length > maxBytes) throw new ReadRefused('too-large', `is larger than ${maxBytes} bytes`);
    return { bytes: buffer.subarray(0, length), stamp: { size: stat.size, mtimeMs: stat.mtimeMs } };
  } finally {
    fs.closeSync(fd);
  }
}

/** The file changed on disk after it was read: writing would throw away what someone else wrote. */
export class ChangedOnDisk extends Error {
  readonly code = 'changed';
  constructor() {
    super('changed on disk since it was read');
  }
}

export interface WriteOptions {
  fs?: FileSystem;
  /** The file as it was read: when it is not so any more, nothing is written (ChangedOnDisk). */
  unchangedSince?: FileStamp;
}

export interface Written {
  /** Other names (hard links) the file had: they keep the old text. */
  otherLinks: number;
}

let counter = 0;

/**
 * Writes `bytes` to `file` so that the file is either as it was or the complete new text, whatever
 * fails: the bytes go to a temporary file in the same folder, are flushed to the disk, get the old
 * file's mode and (where allowed) owner, and the temporary file is renamed over the file (a symbolic
 * link is followed: its target is replaced). A file with other hard links is replaced under this
 * name only. A read-only file is not written, as an ordinary write would not be. Anything that is
 * not a regular file (/dev/null, a terminal) is written directly: it holds no text to lose.
 */
export function writeFileSafely(file: string, bytes: Uint8Array, options: WriteOptions = {}): Written {
  const fs = options.fs ?? nodeFileSystem;
  let target = path.resolve(file);
  let old: FileStat | null = null;
  try {
    target = fs.realpathSync(file);
    old = fs.statSync(target);
  } catch (error) {
    // A new file (`render -o new.html`); a dangling link is replaced by the file.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (old && !old.isFile()) {
    writeDirectly(fs, target, bytes);
    return { otherLinks: 0 };
  }
  if (old) {
    fs.accessSync(target, nodeFs.constants.W_OK);
    const since = options.unchangedSince;
    if (since && (old.size !== since.size || old.mtimeMs !== since.mtimeMs)) throw new ChangedOnDisk();
  }
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}-${++counter}.referat-tmp`);
  // Created only by us ('wx'), readable by nobody else until it has the old file's mode.
  let fd = fs.openSync(temp, 'wx', old ? 0o600 : 0o666);
  try {
    writeAll(fs, fd, bytes);
    try {
      fs.fsyncSync(fd);
    } catch (error) {
      // Some file systems cannot flush a file (EINVAL), and Node's permission model forbids it
      // (ERR_ACCESS_DENIED); the rename is still all or nothing.
      if (!UNFLUSHABLE.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
    }
    if (old) {
      // The owner first: changing it may clear set-user-ID bits that the mode then sets again.
      try {
        fs.fchownSync(fd, old.uid, old.gid);
      } catch {
        // Only root may give a file away; it stays ours, as a new file would.
      }
      fs.fchmodSync(fd, old.mode & 0o7777);
    }
    fs.closeSync(fd);
    fd = -1;
    fs.renameSync(temp, target);
  } catch (error) {
    if (fd >= 0) {
      try {
        fs.closeSync(fd);
      } catch {
        // Closing a file that failed: nothing more to do with it.
      }
    }
    try {
      fs.unlinkSync(temp);
    } catch {
      // Gone already, or the folder refuses: the file itself is untouched either way.
    }
    throw error;
  }
  return { otherLinks: old ? Math.max(0, old.nlink - 1) : 0 };
}

function writeAll(fs: FileSystem, fd: number, bytes: Uint8Array): void {
  for (let offset = 0; offset < bytes.length; ) {
    const n = fs.writeSync(fd, bytes, offset, bytes.length - offset);
    if (n <= 0) throw Object.assign(new Error('nothing written'), { code: 'EIO' });
    offset += n;
  }
}

function writeDirectly(fs: FileSystem, file: string, bytes: Uint8Array): void {
  const fd = fs.openSync(file, 'w');
  try {
    writeAll(fs, fd, bytes);
  } finally {
    fs.closeSync(fd);
  }
}
