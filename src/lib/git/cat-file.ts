/**
 * Reads blobs through one long-lived `git cat-file --batch` process instead of a process per file:
 * the backfill asks for many small blobs, and spawning git for each would dominate its cost.
 * Requests are answered in order, so several can be in flight at once. Used by the backfill and by
 * the scan of a past commit (scan/tree/git-tree.ts).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { GIT_ENV } from './run.js';

interface Pending {
  oid: string;
  resolve: (bytes: Buffer | null) => void;
}

/** A blob store over one cat-file process. `read` resolves null for a missing object (partial clone). */
export class BlobReader {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly queue: Pending[] = [];
  private buffer = Buffer.alloc(0);
  /** Chunks not yet joined, and how many bytes the current answer needs before joining pays off. */
  private chunks: Buffer[] = [];
  private chunkBytes = 0;
  private needed = 0;
  private failed: Error | null = null;

  constructor(root: string) {
    this.child = spawn('git', ['cat-file', '--batch'], { cwd: root, env: GIT_ENV });
    this.child.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    this.child.stderr.resume();
    this.child.on('error', (error) => this.fail(error));
    this.child.on('close', () => this.fail(new Error('git cat-file exited')));
    // A closed pipe surfaces as an error on stdin; the queued reads are failed by `fail` instead.
    this.child.stdin.on('error', () => undefined);
  }

  /** Blobs asked for ahead of time (see prefetch), with the prefetch that asked. */
  private readonly ahead = new Map<string, { bytes: Promise<Buffer | null>; round: number }>();
  private round = 0;
  /** Object names to send to git at the end of this tick: one pipe write for many requests. */
  private unsent: string[] = [];

  /** The blob's bytes, or null when git does not have it. Rejects if git itself died. */
  read(oid: string): Promise<Buffer | null> {
    // Kept after the read: the metrics and the verifier often read the same new blob.
    const early = this.ahead.get(oid);
    return early !== undefined ? early.bytes : this.request(oid);
  }

  /**
   * Asks git for blobs the walk will read soon, so git works on them while we work on the current
   * commit. Blobs from the prefetch before the previous one that were never read are dropped.
   */
  prefetch(oids: Iterable<string>): void {
    this.round++;
    for (const [oid, entry] of this.ahead) if (entry.round < this.round - 1) this.ahead.delete(oid);
    for (const oid of oids) {
      if (this.ahead.has(oid)) continue;
      const bytes = this.request(oid);
      bytes.catch(() => undefined); // read() hands the failure on if the blob is ever asked for
      this.ahead.set(oid, { bytes, round: this.round });
    }
  }

  /** Requests git has not answered yet, by object: several readers of one blob share one answer. */
  private readonly inFlight = new Map<string, Promise<Buffer | null>>();

  private request(oid: string): Promise<Buffer | null> {
    if (this.failed) return Promise.reject(this.failed);
    const asked = this.inFlight.get(oid);
    if (asked !== undefined) return asked;
    const answer = new Promise<Buffer | null>((resolve) => {
      this.queue.push({ oid, resolve });
      if (this.unsent.push(oid) === 1) queueMicrotask(() => this.flush());
    });
    this.inFlight.set(oid, answer);
    void answer.then(() => this.inFlight.delete(oid));
    return answer;
  }

  private flush(): void {
    const lines = `${this.unsent.join('\n')}\n`;
    this.unsent = [];
    if (!this.failed) this.child.stdin.write(lines);
  }

  /** Ends the process; reads still queued resolve as missing. */
  close(): void {
    this.child.stdin.end();
  }

  private onData(chunk: Buffer): void {
    // A big blob arrives in many chunks; join them once, not once per chunk.
    this.chunks.push(chunk);
    this.chunkBytes += chunk.length;
    if (this.buffer.length + this.chunkBytes < this.needed) return;
    this.buffer = Buffer.concat([this.buffer, ...this.chunks]);
    this.chunks = [];
    this.chunkBytes = 0;
    this.needed = 0;
    for (;;) {
      const newline = this.buffer.indexOf(10);
      if (newline < 0) return;
      const header = this.buffer.subarray(0, newline).toString('latin1');
      const pending = this.queue[0];
      if (header.endsWith(' missing') || header.endsWith(' ambiguous')) {
        this.buffer = this.buffer.subarray(newline + 1);
        this.queue.shift();
        pending?.resolve(null);
        continue;
      }
      const size = Number(header.split(' ')[2]);
      const end = newline + 1 + size;
      // Wait for the whole body plus git's trailing newline.
      if (this.buffer.length < end + 1) {
        this.needed = end + 1;
        return;
      }
      const body = Buffer.from(this.buffer.subarray(newline + 1, end));
      this.buffer = this.buffer.subarray(end + 1);
      this.queue.shift();
      pending?.resolve(header.split(' ')[1] === 'blob' ? body : null);
    }
  }

  private fail(error: Error): void {
    this.failed ??= error;
    // Anything still waiting can never be answered; treat it as unreadable rather than hanging.
    for (const pending of this.queue.splice(0)) pending.resolve(null);
  }
}
