/**
 * Parsing the doc's past versions on a second thread while the walk evaluates the commits before
 * them (issue 21, item 4): parsing was the largest part of a backfill and needs nothing from the
 * walk but the blob's bytes, so on a machine with a spare core it costs no wall time. The versions
 * are known before the walk (doc-versions.ts); a few at a time are sent ahead, so memory does not
 * grow with the history. Anything the thread cannot do (no worker entry in this build, a crash, a
 * parse that throws) comes back as "not parsed", and the walk parses that version itself, as it
 * does without this; the result is the same model either way (structured clone of plain data).
 */
import type { Worker } from 'node:worker_threads';
import { workerBeside } from '../worker-beside.js';
import type { ReadingOptions } from '../doc/index.js';
import type { TrackingDoc } from '../doc/model.js';
import type { DocParseAnswer, DocParseRequest } from './doc-parse-worker.js';
import type { DocVersion } from './doc-versions.js';

/** Versions sent to the thread and not yet taken by the walk: bounded memory, and enough lead. */
const WINDOW = 4;
/** Fewer versions than this are parsed in the walk's thread: the thread's start costs ~0.2 s of CPU. */
export const MIN_VERSIONS_AHEAD = 6;

/** The walk's side: a version's model once the thread has it, or undefined to parse it in-thread. */
export interface DocsAhead {
  /**
   * The versions to parse, in walk order, each read with `read` just before it is sent. Too few
   * of them to be worth a thread: the thread is stopped and every version parsed in the walk.
   */
  plan(versions: readonly DocVersion[], read: (blob: string) => Promise<Buffer | null>): void;
  take(blob: string): Promise<TrackingDoc | undefined> | undefined;
  close(): void;
}

interface Slot {
  index: number;
  answer: Promise<TrackingDoc | undefined>;
  settle: (doc: TrackingDoc | undefined) => void;
}

/** Starts the thread (it loads the doc stage while git log runs). Null when there is no worker entry. */
export function startDocsAhead(reading: ReadingOptions): DocsAhead | null {
  const worker = spawnWorker(reading);
  return worker === null ? null : new WorkerDocs(worker);
}

class WorkerDocs implements DocsAhead {
  private readonly sent = new Map<string, Slot>();
  private readonly byId = new Map<number, Slot>();
  private next = 0;
  private dead = false;
  private closed = false;
  private versions: readonly DocVersion[] = [];
  private read: (blob: string) => Promise<Buffer | null> = async () => null;

  constructor(private readonly worker: Worker) {
    worker.unref(); // never what keeps the process alive
    worker.on('message', (answer: DocParseAnswer) => {
      const slot = this.byId.get(answer.id);
      this.byId.delete(answer.id);
      slot?.settle('doc' in answer ? (answer.doc as TrackingDoc) : undefined);
    });
    const die = (): void => {
      this.dead = true;
      for (const slot of this.byId.values()) slot.settle(undefined);
      this.byId.clear();
    };
    worker.on('error', die);
    worker.on('exit', die);
  }

  plan(versions: readonly DocVersion[], read: (blob: string) => Promise<Buffer | null>): void {
    if (versions.length < MIN_VERSIONS_AHEAD) return this.close();
    this.versions = versions;
    this.read = read;
    this.pump();
  }

  take(blob: string): Promise<TrackingDoc | undefined> | undefined {
    const slot = this.sent.get(blob);
    if (slot === undefined) return undefined;
    // Versions before this one will never be asked for (the walk goes forward): free their places.
    for (const [key, other] of this.sent) if (other.index <= slot.index) this.sent.delete(key);
    this.pump();
    return slot.answer;
  }

  close(): void {
    if (this.closed) return;
    this.closed = this.dead = true;
    void this.worker.terminate();
  }

  private pump(): void {
    while (!this.dead && this.sent.size < WINDOW && this.next < this.versions.length) {
      const index = this.next++;
      const version = this.versions[index]!;
      if (this.sent.has(version.blob)) continue; // the same content again later: one answer serves
      let settle: Slot['settle'] = () => undefined;
      const answer = new Promise<TrackingDoc | undefined>((resolve) => (settle = resolve));
      const slot: Slot = { index, answer, settle };
      this.sent.set(version.blob, slot);
      this.byId.set(index, slot);
      void this.read(version.blob).then(
        (bytes) => {
          if (bytes === null || this.dead) return this.drop(index);
          const request: DocParseRequest = { id: index, bytes, path: version.path };
          this.worker.postMessage(request);
        },
        () => this.drop(index),
      );
    }
  }

  private drop(id: number): void {
    this.byId.get(id)?.settle(undefined);
    this.byId.delete(id);
  }
}

/** The worker beside this module (worker-beside.ts: compiled JavaScript, or TypeScript through tsx in a checkout). */
function spawnWorker(reading: ReadingOptions): Worker | null {
  return workerBeside(import.meta.url, 'doc-parse-worker', { reading });
}
