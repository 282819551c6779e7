// An in-memory file system for the CLI's reads and writes (server/src/io.ts's FileSystem) that
// fails where a test tells it to: a write after so many bytes (a full disk, a file size limit), or
// one named call (fsync, close, rename ...). Writes land in place, byte by byte, as on a real disk,
// so a write that truncated the original would show.
import type { FileStat, FileSystem } from '../../server/src/host/io';

interface Node {
  bytes: Buffer;
  mode: number;
  uid: number;
  gid: number;
  nlink: number;
  mtimeMs: number;
}

export interface Failure {
  /** Bytes that may be written in all; the write that passes it writes up to it, then fails with `code`. */
  bytesLeft?: number;
  /** A call that fails with `code` (its first call, or its `nth`). */
  call?: 'openSync' | 'writeSync' | 'fsyncSync' | 'fchmodSync' | 'fchownSync' | 'closeSync' | 'renameSync' | 'unlinkSync';
  nth?: number;
  code: string;
  /** At most this many bytes a write (short writes, as pipes and some disks do). */
  chunk?: number;
}

export class FakeFs implements FileSystem {
  readonly files = new Map<string, Node>();
  private readonly open = new Map<number, { file: string; position: number }>();
  private nextFd = 3;
  private clock = 1_700_000_000_000;
  private bytesLeft: number;
  private readonly calls = new Map<string, number>();

  constructor(private readonly failure?: Failure) {
    this.bytesLeft = failure?.bytesLeft ?? Infinity;
  }

  add(file: string, bytes: Uint8Array, mode = 0o100640, nlink = 1): void {
    this.files.set(file, { bytes: Buffer.from(bytes), mode, uid: 1000, gid: 1000, nlink, mtimeMs: this.clock++ });
  }

  private error(code: string, call: string, file = ''): Error {
    return Object.assign(new Error(`${code}: fake ${call} ${file}`.trim()), { code, syscall: call });
  }

  private check(call: NonNullable<Failure['call']>): void {
    const n = (this.calls.get(call) ?? 0) + 1;
    this.calls.set(call, n);
    if (this.failure?.call === call && n === (this.failure.nth ?? 1)) throw this.error(this.failure.code, call);
  }

  private node(file: string, call: string): Node {
    const node = this.files.get(file);
    if (!node) throw this.error('ENOENT', call, file);
    return node;
  }

  private fd(fd: number, call: string): { file: string; position: number } {
    const entry = this.open.get(fd);
    if (!entry) throw this.error('EBADF', call);
    return entry;
  }

  private stat(node: Node): FileStat {
    return { ...node, size: node.bytes.length, isFile: () => true, isDirectory: () => false };
  }

  openSync(file: string, flags: number | string, mode = 0o666): number {
    this.check('openSync');
    if (flags === 'wx' || flags === 'w') {
      if (flags === 'wx' && this.files.has(file)) throw this.error('EEXIST', 'open', file);
      this.files.set(file, { bytes: Buffer.alloc(0), mode: 0o100000 | (mode & 0o777), uid: 0, gid: 0, nlink: 1, mtimeMs: this.clock++ });
    } else this.node(file, 'open');
    const fd = this.nextFd++;
    this.open.set(fd, { file, position: 0 });
    return fd;
  }

  fstatSync(fd: number): FileStat {
    return this.stat(this.node(this.fd(fd, 'fstat').file, 'fstat'));
  }

  readSync(fd: number, buffer: Uint8Array, offset: number, length: number): number {
    const entry = this.fd(fd, 'read');
    const node = this.node(entry.file, 'read');
    const n = Math.max(0, Math.min(length, node.bytes.length - entry.position));
    node.bytes.copy(buffer, offset, entry.position, entry.position + n);
    entry.position += n;
    return n;
  }

  writeSync(fd: number, buffer: Uint8Array, offset: number, length: number): number {
    this.check('writeSync');
    const entry = this.fd(fd, 'write');
    const node = this.node(entry.file, 'write');
    const wanted = Math.min(length, this.failure?.chunk ?? Infinity);
    const n = Math.min(wanted, this.bytesLeft);
    const data = Buffer.from(buffer.subarray(offset, offset + n));
    node.bytes = Buffer.concat([node.bytes.subarray(0, entry.position), data, node.bytes.subarray(entry.position + n)]);
    node.mtimeMs = this.clock++;
    entry.position += n;
    this.bytesLeft -= n;
    if (n < wanted) throw this.error(this.failure!.code, 'write', entry.file);
    return n;
  }

  fsyncSync(fd: number): void {
    this.check('fsyncSync');
    this.fd(fd, 'fsync');
  }

  fchmodSync(fd: number, mode: number): void {
    this.check('fchmodSync');
    const node = this.node(this.fd(fd, 'fchmod').file, 'fchmod');
    node.mode = (node.mode & ~0o7777) | mode;
  }

  fchownSync(fd: number, uid: number, gid: number): void {
    this.check('fchownSync');
    Object.assign(this.node(this.fd(fd, 'fchown').file, 'fchown'), { uid, gid });
  }

  closeSync(fd: number): void {
    this.check('closeSync');
    this.fd(fd, 'close');
    this.open.delete(fd);
  }

  statSync(file: string): FileStat {
    return this.stat(this.node(file, 'stat'));
  }

  realpathSync(file: string): string {
    this.node(file, 'realpath');
    return file;
  }

  accessSync(file: string): void {
    this.node(file, 'access');
  }

  renameSync(from: string, to: string): void {
    this.check('renameSync');
    const node = this.node(from, 'rename');
    this.files.delete(from);
    this.files.set(to, node);
  }

  unlinkSync(file: string): void {
    this.check('unlinkSync');
    this.node(file, 'unlink');
    this.files.delete(file);
  }
}
