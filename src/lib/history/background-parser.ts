/**
 * Doc parsing on a second thread. The backfill parses every version of the doc (85 in the
 * benchmark, about a third of its time on one core) while it replays the tree; on a worker, the
 * parse of the next versions overlaps the replay. When the worker cannot start (or dies), parsing
 * falls back to this thread, with the same results: the worker runs the same parser.
 *
 * The worker starts with the first parse and stops after IDLE_MS without one, so an
 * object nobody closes holds no thread for long, and it never keeps the process alive (unref).
 * Until it has loaded (about half a second), parses run here rather than wait for it.
 */
import { Worker } from 'node:worker_threads';
import { createTrackingDocParser } from '../doc/index.js';
import type { TrackingDoc } from '../doc/model.js';

export interface ParseRequest {
  id: number;
  bytes: Uint8Array;
  path: string;
}

export type ParseReply = { id: number; doc: TrackingDoc } | { id: number; error: string };

interface Pending {
  request: ParseRequest;
  resolve: (doc: TrackingDoc) => void;
  reject: (error: Error) => void;
}

const IDLE_MS = 5_000;

export class BackgroundDocParser {
  private worker: Worker | null = null;
  /** The worker has loaded its modules and answers quickly from now on. */
  private ready = false;
  /** Set once a worker failed: no second try, everything is parsed here. */
  private workerFailed = false;
  private idleTimer: NodeJS.Timeout | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private readonly parseHere = createTrackingDocParser();
  /** Versions the worker parsed (the rest were parsed on this thread). */
  parsedOnWorker = 0;

  /** @param workerUrl the worker's entry (tests point it elsewhere to see the fallback). */
  constructor(private readonly workerUrl: URL = new URL('./doc-parse-worker.mjs', import.meta.url)) {}

  private readySignal: { promise: Promise<boolean>; settle: (ready: boolean) => void } | null = null;

  /** Starts the worker; true once it has loaded, false if it could not. */
  whenReady(): Promise<boolean> {
    this.running();
    return this.ready ? Promise.resolve(true) : (this.readySignal?.promise ?? Promise.resolve(false));
  }

  /** The doc model of `bytes`, parsed on the worker when it is ready, else here. */
  parse(bytes: Buffer, path: string): Promise<TrackingDoc> {
    const worker = this.running();
    if (worker === null || !this.ready) {
      this.armIdleTimer();
      try {
        return Promise.resolve(this.parseHere(bytes, path));
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    }
    if (this.idleTimer !== null) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    const request: ParseRequest = { id: this.nextId++, bytes, path };
    return new Promise((resolve, reject) => {
      this.pending.set(request.id, { request, resolve, reject });
      worker.postMessage(request);
    });
  }

  /** Stops the worker now (answering what it had not answered here). */
  close(): void {
    this.stop();
  }

  private running(): Worker | null {
    if (this.worker !== null || this.workerFailed) return this.worker;
    try {
      const worker = new Worker(this.workerUrl);
      worker.unref();
      let settle: (ready: boolean) => void = () => undefined;
      this.readySignal = { promise: new Promise((resolve) => (settle = resolve)), settle };
      worker.on('message', (reply: ParseReply | { ready: true }) => {
        if (!('ready' in reply)) return this.onReply(reply);
        this.ready = true;
        settle(true);
      });
      worker.on('error', () => {
        this.workerFailed = true;
        this.stop();
      });
      worker.on('exit', () => {
        if (this.worker === worker) this.stop();
      });
      this.worker = worker;
    } catch {
      this.workerFailed = true;
    }
    return this.worker;
  }

  private onReply(reply: ParseReply): void {
    const waiting = this.pending.get(reply.id);
    if (waiting === undefined) return;
    this.pending.delete(reply.id);
    this.parsedOnWorker++;
    if ('doc' in reply) waiting.resolve(reply.doc);
    else waiting.reject(new Error(reply.error));
    if (this.pending.size === 0) this.armIdleTimer();
  }

  private armIdleTimer(): void {
    if (this.idleTimer !== null) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.stop(), IDLE_MS);
    this.idleTimer.unref();
  }

  /** Ends the worker; whatever it had not answered is parsed here, in order. */
  private stop(): void {
    if (this.idleTimer !== null) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    const worker = this.worker;
    this.worker = null;
    this.ready = false;
    this.readySignal?.settle(false);
    this.readySignal = null;
    void worker?.terminate();
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const { request, resolve, reject } of waiting) {
      try {
        resolve(this.parseHere(Buffer.from(request.bytes), request.path));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    }
  }
}
