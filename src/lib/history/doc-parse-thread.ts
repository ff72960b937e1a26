/**
 * The worker side of BackgroundDocParser: parses doc versions in the order they arrive, with one
 * chunk memo for all of them (createTrackingDocParser), and posts each model back.
 */
import { parentPort } from 'node:worker_threads';
import { createTrackingDocParser } from '../doc/index.js';
import type { ParseReply, ParseRequest } from './background-parser.js';

const parse = createTrackingDocParser();
const port = parentPort;
port?.on('message', ({ id, bytes, path }: ParseRequest) => {
  let reply: ParseReply;
  try {
    reply = { id, doc: parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), path) };
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
// Loaded and ready: until this arrives, the main thread parses by itself rather than wait.
port?.postMessage({ ready: true });
