// The idle collection runs once reading has stopped after a lot of text was read, and not while
// text is still being read or when little was.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IdleCollector } from '../../server/src/lsp/idleCollection';

describe('IdleCollector', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('collects once the readings have stopped for a while, after enough text', () => {
    const collect = vi.fn();
    const collector = new IdleCollector(collect, 1000, 100);
    collector.noteReading(60);
    vi.advanceTimersByTime(5000);
    expect(collect).not.toHaveBeenCalled();
    collector.noteReading(60);
    vi.advanceTimersByTime(900);
    // Another reading within the quiet time puts the collection off.
    collector.noteReading(10);
    vi.advanceTimersByTime(900);
    expect(collect).not.toHaveBeenCalled();
    vi.advanceTimersByTime(100);
    expect(collect).toHaveBeenCalledTimes(2);
    // Using a document puts a collection due off as well; nothing is due now.
    collector.noteReading(200);
    vi.advanceTimersByTime(600);
    collector.noteUse();
    vi.advanceTimersByTime(600);
    expect(collect).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(400);
    expect(collect).toHaveBeenCalledTimes(4);
    collector.noteUse();
    expect(vi.getTimerCount()).toBe(0);
    // The count starts again from nothing.
    collector.noteReading(60);
    vi.advanceTimersByTime(5000);
    expect(collect).toHaveBeenCalledTimes(4);
  });

  it('does nothing where no collection can be had', () => {
    const collector = new IdleCollector(null, 10, 1);
    collector.noteReading(100);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('finds V8\'s full collection in this Node, and it runs', () => {
    // Without it the server keeps the memory it grew.
    const collector = new IdleCollector(undefined, 10, 1);
    collector.noteReading(100);
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(10);
    expect(vi.getTimerCount()).toBe(0);
  });
});
