/**
 * A thread of a parallel scan (scan-threads.ts): it compiles the job's patterns, then claims
 * batches of files from the shared counter like the main thread, and sends back, compactly, what
 * it found: the batches it took (every file in them gave nothing unless listed) and the few files
 * with hits, binary content, a read failure or a pattern out of budget. It starts only if the
 * main thread has not already given up on it (its state 0 → 1; the main thread sets 3 when done).
 */
import { parentPort } from 'node:worker_threads';
import { EMPTY_SCAN } from './cache.js';
import { compilePattern, type CompiledPattern } from './regex/compile.js';
import { scanClaimed } from './scan-slice.js';
import { insideReader } from './tree/safe-read.js';
import { THREAD_WAITING, THREAD_WORKING, type FoundScans, type PatternsAhead, type ScanThreadAnswer, type ScanThreadInput } from './scan-messages.js';

// Started ahead of the scan (startScanThreads): the modules load while the caller does other
// work; the job comes in one message. Patterns told ahead (ScanThreads.compileAhead) are compiled
// while the caller still waits for the tree, and the job's compilePattern finds them compiled.
parentPort?.on('message', (message: ScanThreadInput | PatternsAhead) => {
  if ('ahead' in message) {
    for (const spec of message.ahead) compilePattern(spec);
    return;
  }
  parentPort?.removeAllListeners('message');
  scanJob(message);
});

function scanJob(input: ScanThreadInput): void {
  const patterns = input.specs.map((spec) => compilePattern(spec));
  const shared = new Int32Array(input.control);
  if (!patterns.every((p): p is CompiledPattern => !('error' in p))) return parentPort?.close();
  if (Atomics.compareExchange(shared, 1 + input.thread, THREAD_WAITING, THREAD_WORKING) !== THREAD_WAITING) return parentPort?.close();
  const answer: ScanThreadAnswer = { claimed: new Int32Array(0), found: '[]', unreadable: [], expensive: [] };
  // Each finding is written as JSON when found, not all at the end: the scan's batches are shared
  // as they come, so the calling thread does not wait for this thread to write thousands at once.
  const found: string[] = [];
  const claimed = scanClaimed(input.job, patterns, insideReader(input.realRoot), shared, {
    scanned: (k, c, scan) => {
      if (scan !== EMPTY_SCAN) found.push(JSON.stringify([k, c, scan] satisfies FoundScans[number]));
    },
    unreadable: (k, reason) => void answer.unreadable.push([k, reason]),
    expensive: (k, c, message) => void answer.expensive.push([k, c, message]),
  });
  answer.claimed = Int32Array.from(claimed);
  answer.found = `[${found.join(',')}]`;
  parentPort?.postMessage(answer, [answer.claimed.buffer as ArrayBuffer]);
  parentPort?.close();
}
