// A full garbage collection once the server falls idle after reading a lot of text.
//
// Opening many referater one after another (an editor restoring its tabs) reads each whole; V8
// grows its heap for that garbage and, with the server idle afterwards, nothing makes it collect
// and give the memory back: with 100 referater open the server stayed at about 290 MiB, of which
// less than half was alive (`node bench/.data/bench.cjs memory`). Collecting once the reading has
// stopped takes under 100 ms with those hundred open, at a moment nobody waits, and brings it back.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Text read whole since the last collection (in UTF-16 units) that makes one worth it. */
const WORTH_COLLECTING = 8_000_000;
/** Quiet time after the last use of a document before collecting. */
const IDLE_MS = 1000;

export class IdleCollector {
  private sinceCollection = 0;
  private timer: NodeJS.Timeout | undefined;

  private readonly collect: (() => void) | undefined;

  /** `collect` is V8's full collection unless given; null for none. */
  constructor(
    collect?: (() => void) | null,
    private readonly idleMs = IDLE_MS,
    private readonly worth = WORTH_COLLECTING,
  ) {
    this.collect = collect === null ? undefined : (collect ?? fullCollection());
  }

  /** A whole reading of `length` characters has happened; collects once documents are left alone for a while. */
  noteReading(length: number): void {
    if (!this.collect) return;
    this.sinceCollection += length;
    if (this.sinceCollection >= this.worth) this.wait();
  }

  /** A document is used (typed in, asked about): a collection due waits until that has stopped too. */
  noteUse(): void {
    if (this.timer) this.wait();
  }

  private wait(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.collectNow(), this.idleMs);
    // Never keeps the process alive on its own.
    this.timer.unref();
  }

  private collectNow(): void {
    this.timer = undefined;
    this.sinceCollection = 0;
    // Twice: the first finds the garbage, the second the pages it left almost empty.
    this.collect!();
    this.collect!();
  }
}

/**
 * V8's full collection, or undefined where it cannot be had. Node gives it only with
 * `--expose-gc`; set at run time, that flag puts `gc` in contexts made afterwards.
 */
function fullCollection(): (() => void) | undefined {
  const exposed = (globalThis as { gc?: unknown }).gc;
  if (typeof exposed === 'function') return exposed as () => void;
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    setFlagsFromString('--no-expose-gc');
    return typeof gc === 'function' ? (gc as () => void) : undefined;
  } catch {
    return undefined;
  }
}
