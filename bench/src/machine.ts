// What this machine charges for memory. On the virtual machine this was written on, a page fault
// (the first write of a 4 KiB page the process was given) costs some 11 µs, fifty times writing the
// page again, however the memory was used before: freed and given out again it costs the same, and
// so it did with the VM's free page reporting turned off. Work that needs fresh memory (a large model
// kept past V8's young generation, a large answer's text) pays it per page, so these figures,
// reported with every run, tell how far the machine bends the growth exponent and the large answers'
// latencies.
import { performance } from 'node:perf_hooks';

/** Microseconds to write a 4 KiB page of memory the first time (a page fault) and again. */
export function pageWrites(): { first: number; again: number } {
  const buffer = Buffer.allocUnsafeSlow(32 * 2 ** 20);
  const pages = buffer.length / 4096;
  const t0 = performance.now();
  buffer.fill(1);
  const t1 = performance.now();
  buffer.fill(2);
  const t2 = performance.now();
  return { first: (1000 * (t1 - t0)) / pages, again: (1000 * (t2 - t1)) / pages };
}

/** Minor page faults of this process so far: pages of memory it has written for the first time. */
export function pageFaults(): number {
  return process.resourceUsage().minorPageFault;
}
