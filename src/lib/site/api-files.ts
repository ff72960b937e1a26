/**
 * `/api/snapshot.json` and `/api/history.json`: the snapshot and history files exactly as the
 * build read and validated them (re-serialising the parsed 4 MB of a 5,000-file snapshot cost
 * ~0.15 s per build). Read again when the endpoint is rendered rather than held from the first
 * page to the end of the build: a 20,000-file snapshot is 27 MB (issue 21). A build's inputs are
 * its own temporary files, which nothing rewrites; the dev server re-validates a rewritten file
 * before serving it (load.ts).
 */
import { readFileSync } from 'node:fs';
import { HISTORY_SCHEMA_VERSION } from '../history/schema.js';
import type { Bytes, SiteData } from './load.js';

/** The API's files, by the name in their URL (`api/<name>.json`). */
export type ApiName = 'snapshot' | 'history';

/** What a build without a history file publishes: no repository, no records. */
export const EMPTY_HISTORY_TEXT = `${JSON.stringify({ schemaVersion: HISTORY_SCHEMA_VERSION, repo: null, records: [] }, null, 2)}\n`;

/** One of them, read now. */
export function apiBody(data: SiteData, name: ApiName): Bytes | string {
  const from = name === 'snapshot' ? data.snapshotFile : data.historyFile;
  return from === null ? EMPTY_HISTORY_TEXT : (readFileSync(from) as Bytes);
}
