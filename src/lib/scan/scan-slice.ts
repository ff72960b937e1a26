/**
 * The file loop of a scan, as every thread of a parallel scan runs it (scan-threads.ts): files are
 * claimed in batches from one shared counter, so threads that start late or run slowly simply take
 * fewer, and each file is read (safe-read.ts) and scanned with every pattern it needs. What a
 * thread finds goes to a sink by file index; the caller puts it back in file order.
 */
import { scanFile, type FileScan } from './cache.js';
import type { CompiledPattern } from './regex/compile.js';
import type { InsideRead } from './tree/safe-read.js';
import { READ_NOT, READ_VOUCHED } from './types.js';

/** Files claimed at a time: small enough to share the tail of the list, large enough to keep the counter cold. */
export const BATCH = 64;

/** The files of one scan and what to scan each for; plain data, so it can be sent to a thread. */
export interface ScanJob {
  paths: readonly string[];
  /** Per path, how to read it (a ReadMode: OnDiskFiles.readMode). */
  modes: Uint8Array;
  /** `want[index * patterns + c]` is 1 when path `index` is to be scanned with pattern c. */
  want: Uint8Array;
  /** Lines of context kept around each hit (scanFile). */
  context: number;
}

/** Where a thread's findings go, by file index (k) and pattern index (c). */
export interface ScanSink {
  scanned(k: number, c: number, scan: FileScan): void;
  /** `reason` null: the tree does not list the path (nothing to report). */
  unreadable(k: number, reason: string | null): void;
  /** The pattern ran out of its matching budget on this file (backtrack.ts). */
  expensive(k: number, c: number, message: string): void;
}

/**
 * Claims batches from `next[0]` until the files before `n` are all claimed and scans them; returns
 * the first index of each batch this thread claimed.
 */
export function scanClaimed(job: ScanJob, patterns: readonly CompiledPattern[], read: InsideRead, next: Int32Array, sink: ScanSink, n = job.paths.length): number[] {
  const claimed: number[] = [];
  for (;;) {
    const from = Atomics.add(next, 0, BATCH);
    if (from >= n) return claimed;
    claimed.push(from);
    const to = Math.min(n, from + BATCH);
    for (let k = from; k < to; k++) scanOne(job, patterns, read, k, sink);
  }
}

function scanOne(job: ScanJob, patterns: readonly CompiledPattern[], read: InsideRead, k: number, sink: ScanSink): void {
  const mode = job.modes[k];
  if (mode === READ_NOT) return sink.unreadable(k, null);
  const buf = read(job.paths[k] as string, mode === READ_VOUCHED, true);
  if (typeof buf === 'string') return sink.unreadable(k, buf);
  const count = patterns.length;
  for (let c = 0; c < count; c++) {
    if (job.want[k * count + c] !== 1) continue;
    try {
      sink.scanned(k, c, scanFile(buf, patterns[c] as CompiledPattern, job.context));
    } catch (e) {
      sink.expensive(k, c, (e as Error).message);
    }
  }
}
