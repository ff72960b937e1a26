/**
 * `/api/snapshot.json` and `/api/history.json`: the snapshot and history files exactly as the
 * build read and validated them (re-serialising the parsed 4 MB of a 5,000-file snapshot cost
 * ~0.15 s per build). A build copies them into the site (./direct-files.ts) rather than hold a
 * 20,000-file snapshot's 27 MB to the end of the build and pass it through a Response (issue 21);
 * the dev server reads them when asked.
 */
import { readFileSync } from 'node:fs';
import { HISTORY_SCHEMA_VERSION } from '../history/schema.js';
import type { SiteFile } from './direct-files.js';
import type { Bytes, SiteData } from './load.js';

/** The API's files, by the name in their URL (`api/<name>.json`). */
export const API_NAMES = ['snapshot', 'history'] as const;
export type ApiName = (typeof API_NAMES)[number];

/** What a build without a history file publishes: no repository, no records. */
export const EMPTY_HISTORY_TEXT = `${JSON.stringify({ schemaVersion: HISTORY_SCHEMA_VERSION, repo: null, records: [] }, null, 2)}\n`;

function source(data: SiteData, name: ApiName): string | null {
  return name === 'snapshot' ? data.snapshotFile : data.historyFile;
}

/** The API's files as a build writes them: copies of its inputs, or the empty history. */
export function apiFiles(data: SiteData): SiteFile[] {
  return API_NAMES.map((name) => {
    const from = source(data, name);
    return from === null ? { file: `api/${name}.json`, html: EMPTY_HISTORY_TEXT } : { file: `api/${name}.json`, copyFrom: from };
  });
}

/** One of them read now (the dev server's endpoint), or null for a name that is not one. */
export function apiBody(data: SiteData, name: string): Bytes | string | null {
  if (!(API_NAMES as readonly string[]).includes(name)) return null;
  const from = source(data, name as ApiName);
  return from === null ? EMPTY_HISTORY_TEXT : (readFileSync(from) as Bytes);
}
