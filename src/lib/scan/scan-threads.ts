/**
 * Reading and scanning a working tree's files on several threads (issue 21: `git grep` reads with
 * threads, and reading ~38,000 files was most of a scan's wall time). The main thread and the
 * scan threads (scan-worker.ts) claim batches of files from one shared counter (scan-slice.ts), so
 * the main thread starts at once and a thread that starts late just takes fewer; the findings are
 * put back by file index, and failures are reported in file order, so the outcome is the one a
 * single thread gives. A tree with few files is scanned in the calling thread only: a thread's
 * start (loading the scan modules) would cost more than it saves; the build starts its threads
 * ahead (startScanThreads), while it parses the doc. A thread that cannot start or dies leaves its
 * files to the main thread.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { workerBeside } from '../worker-beside.js';
import { EMPTY_SCAN, type FileScan } from './cache.js';
import type { CompiledPattern } from './regex/compile.js';
import { BATCH, scanClaimed, type ScanJob, type ScanSink } from './scan-slice.js';
import { THREAD_CANCELLED, THREAD_WAITING, type FoundScans, type PatternsAhead, type ScanThreadAnswer, type ScanThreadInput } from './scan-messages.js';
import { insideReader } from './tree/safe-read.js';
import type { OnDiskFiles, PatternSpec } from './types.js';

/** Below this many files to read, no thread is started (a thread's start costs ~30 ms of CPU, ~1,500 files' worth). */
export const MIN_FILES_FOR_THREADS = 4000;

/** What scanning a job's files found, by file index k and pattern index c (`k * patterns + c`). */
export interface ScanOutcomes {
  /**
   * undefined where a wanted scan found nothing (EMPTY_SCAN): most files, so neither the threads
   * nor the calling thread write a slot for them.
   */
  scans: (FileScan | undefined)[];
  /** undefined: read; null: not listed by the tree (nothing to report); else why it was not read. */
  unreadable: (string | null | undefined)[];
  expensive: Map<number, string>;
  /** How many of the files other threads scanned. */
  byThreads: number;
}

export interface ThreadOptions {
  /** Fewest files that use threads (default MIN_FILES_FOR_THREADS); tests use 0. */
  minFiles?: number;
  /** Threads started ahead (startScanThreads), used instead of starting new ones; their owner closes them. */
  ready?: ScanThreads;
  /**
   * false: the calling thread leaves every file to the threads and waits for them (it still scans
   * what a failed thread leaves). For tests, which must see the threads' findings used.
   */
  callerScans?: boolean;
}

/** Scan threads started ahead of a scan, each taking one job; close() stops those not used. */
export interface ScanThreads {
  /** Takes the threads for a job (each thread does one); empty once taken or closed. */
  take(): ScanThread[];
  /** Has the threads compile these patterns now, before the job comes (a job's other patterns are compiled then). */
  compileAhead(specs: readonly PatternSpec[]): void;
  close(): void;
}

/** The threads a machine's scan uses besides the calling one: the cores but one, at most 3. */
export function scanThreadCount(): number {
  return Math.max(0, Math.min(3, availableParallelism() - 1));
}

/**
 * Starts scan threads now, so they load the scan modules while the caller does other work (the
 * build parses the doc while git lists the tree). None start when there is no worker entry.
 */
export function startScanThreads(count = scanThreadCount()): ScanThreads {
  let threads: ScanThread[] = [];
  for (let t = 0; t < count; t++) {
    const thread = startThread();
    if (thread === null) break;
    threads.push(thread);
  }
  return {
    take: () => threads.splice(0),
    compileAhead: (specs) => {
      const message: PatternsAhead = { ahead: [...specs] };
      for (const thread of threads) thread.worker.postMessage(message);
    },
    close: () => {
      for (const thread of threads.splice(0)) void thread.worker.terminate();
    },
  };
}

/** Scans the job's files (all on disk under `onDisk.realRoot`), on threads when there are enough of them. */
export async function scanOnDisk(job: ScanJob, patterns: readonly CompiledPattern[], onDisk: OnDiskFiles, opts: ThreadOptions = {}): Promise<ScanOutcomes> {
  const n = job.paths.length;
  const out: ScanOutcomes = { scans: new Array<FileScan | undefined>(n * patterns.length), unreadable: new Array<string | null | undefined>(n), expensive: new Map(), byThreads: 0 };
  const sink: ScanSink = {
    scanned: (k, c, scan) => {
      if (scan !== EMPTY_SCAN) out.scans[k * patterns.length + c] = scan;
    },
    unreadable: (k, reason) => void (out.unreadable[k] = reason),
    expensive: (k, c, message) => void out.expensive.set(k * patterns.length + c, message),
  };
  const threads = n < (opts.minFiles ?? MIN_FILES_FOR_THREADS) ? [] : (opts.ready ?? startScanThreads()).take();
  const control = new SharedArrayBuffer(4 * (1 + threads.length));
  const shared = new Int32Array(control);
  const specs = patterns.map((p) => p.spec);
  threads.forEach((thread, t) => {
    const input: ScanThreadInput = { job, specs, realRoot: onDisk.realRoot, control, thread: t };
    thread.worker.postMessage(input);
  });
  const read = insideReader(onDisk.realRoot);
  const waits = opts.callerScans === false && threads.length > 0;
  const mine = waits ? [] : scanClaimed(job, patterns, read, shared, sink);
  const done = new Uint8Array(Math.ceil(n / BATCH));
  for (const from of mine) done[from / BATCH] = 1;
  for (const [t, thread] of threads.entries()) {
    // A thread still loading when every file is claimed is told to stop and not waited for.
    if (waits || Atomics.compareExchange(shared, 1 + t, THREAD_WAITING, THREAD_CANCELLED) !== THREAD_WAITING) {
      // Waited for, the thread must keep the process alive: nothing else may (a CLI run).
      thread.worker.ref();
      const answer = await thread.answer;
      if (answer !== null) out.byThreads += take(answer, patterns.length, job, out, done);
    }
    void thread.worker.terminate();
  }
  // Batches a dead thread claimed and never answered for: scanned here, as without threads.
  for (let b = 0; b < done.length; b++) {
    if (done[b] === 1) continue;
    const next = Int32Array.of(b * BATCH);
    scanClaimed(job, patterns, read, next, sink, Math.min(n, (b + 1) * BATCH));
  }
  // Read failures reach the tree's diagnostics in file order, as a single thread reports them.
  out.unreadable.forEach((reason, k) => {
    if (typeof reason === 'string') onDisk.unreadable(job.paths[k] as string, reason);
  });
  return out;
}

export interface ScanThread {
  worker: Worker;
  /** The thread's findings, or null when it exited without them (failed, or cancelled). */
  answer: Promise<ScanThreadAnswer | null>;
}

function startThread(): ScanThread | null {
  const worker = workerBeside(import.meta.url, 'scan-worker', null);
  if (worker === null) return null;
  worker.unref(); // never what keeps the process alive
  const answer = new Promise<ScanThreadAnswer | null>((resolve) => {
    worker.once('message', (a: ScanThreadAnswer) => resolve(a));
    worker.once('error', () => resolve(null));
    worker.once('exit', () => resolve(null));
  });
  return { worker, answer };
}

/** A thread's findings into `out` (a wanted scan of its batches found nothing unless it says otherwise); how many files it scanned. */
function take(answer: ScanThreadAnswer, count: number, job: ScanJob, out: ScanOutcomes, done: Uint8Array): number {
  const n = job.paths.length;
  let files = 0;
  for (const from of answer.claimed) {
    done[from / BATCH] = 1;
    files += Math.min(n, from + BATCH) - from;
  }
  // Our own thread's JSON of FileScans (scan-messages.ts), not input: no schema to check it against.
  for (const [k, c, scan] of JSON.parse(answer.found) as FoundScans) out.scans[k * count + c] = scan;
  for (const [k, reason] of answer.unreadable) {
    out.unreadable[k] = reason;
    out.scans.fill(undefined, k * count, (k + 1) * count);
  }
  for (const [k, c, message] of answer.expensive) {
    out.scans[k * count + c] = undefined;
    out.expensive.set(k * count + c, message);
  }
  return files;
}
