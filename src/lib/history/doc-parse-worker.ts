/**
 * The thread that parses the doc's past versions for a backfill (docs-ahead.ts), in walk order and
 * with one parser, so successive versions share its memo of markdown chunks. It only parses: the
 * bytes come from the walk's own blob reader, and every failure is handed back for the walk to
 * parse (and report) itself.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createTrackingDocParser, type ReadingOptions } from '../doc/index.js';

/** What the walk sends: one version's bytes. */
export interface DocParseRequest {
  id: number;
  bytes: Uint8Array;
  path: string;
}

/** What comes back: the model, or why there is none. */
export type DocParseAnswer = { id: number; doc: unknown } | { id: number; error: string };

const parse = createTrackingDocParser((workerData as { reading?: ReadingOptions } | null)?.reading ?? {});
parentPort?.on('message', (request: DocParseRequest) => {
  let answer: DocParseAnswer;
  try {
    answer = { id: request.id, doc: parse(Buffer.from(request.bytes.buffer, request.bytes.byteOffset, request.bytes.byteLength), request.path) };
  } catch (error) {
    answer = { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(answer);
});
