/**
 * Loading the site's only inputs: the snapshot (required) and the history (optional), from the
 * paths the pipeline passes in MIGRATRACK_SNAPSHOT / MIGRATRACK_HISTORY. Read and validated once
 * per build: every page imports this module, and the memo keeps 5,000 pages from re-reading it.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ZodType } from 'zod/v4';
import { MigratrackError } from '../errors.js';
import { parseHistoryText } from '../history/read.js';
import type { HistoryRecord } from '../history/schema.js';
import { formatIssues, issueMessage } from '../schema-issues.js';
import { Snapshot } from '../snapshot/schema.js';

/** A file's bytes as read (never shared memory), which a Response takes as its body. */
export type Bytes = Buffer<ArrayBuffer>;

/** What every page builder reads. */
export interface SiteData {
  snapshot: Snapshot;
  /**
   * The snapshot file read and validated, published as-is as /api/snapshot.json (./api-files.ts).
   * Its path, not its bytes: a 20,000-file snapshot is 27 MB, which a build held to its end
   * (issue 21); the endpoint reads it again when it is written.
   */
  snapshotFile: string;
  /** History records sorted by `at`; empty when no history file was given. */
  history: HistoryRecord[];
  /** The history file read and validated (published as /api/history.json), or null when none was. */
  historyFile: string | null;
}

/** Default paths when the env is not set, matching what `npm run build` writes. */
export const DEFAULT_SNAPSHOT = '.migratrack/snapshot.json';

let memo: { named: string; key: string; data: SiteData } | null = null;

/**
 * Reads the snapshot and history named by the environment, memoised per (snapshot, history) pair.
 * With `recheck` (the default, and what the dev server needs), a file rewritten since is read
 * again; a build passes false, since its inputs cannot change under it and two `stat` calls per
 * page added up (10,000 per 5,000-page build). Throws a MigratrackError naming the file and the
 * bad fields when either is invalid.
 */
export function loadSiteData(env: NodeJS.ProcessEnv = process.env, recheck = true): SiteData {
  // The paths as named, compared before resolving them: this runs once per page.
  const named = `${env.MIGRATRACK_SNAPSHOT ?? ''}\n${env.MIGRATRACK_HISTORY ?? ''}\n${process.cwd()}`;
  if (!recheck && memo?.named === named) return memo.data;
  const snapshotPath = resolve(env.MIGRATRACK_SNAPSHOT || DEFAULT_SNAPSHOT);
  const historyPath = env.MIGRATRACK_HISTORY ? resolve(env.MIGRATRACK_HISTORY) : null;
  const files = `${snapshotPath}\n${historyPath ?? ''}`;
  // The modification time is part of the key so `migratrack dev` shows a rebuilt snapshot.
  const stamp = (file: string | null) => (file ? (statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0) : 0);
  const key = `${files}\n${stamp(snapshotPath)}\n${stamp(historyPath)}`;
  if (memo?.key === key) return memo.data;
  const snapshotText = readBytes(snapshotPath, 'snapshot', env.MIGRATRACK_SNAPSHOT ? null : 'run `npm run build` first, or set MIGRATRACK_SNAPSHOT').toString('utf8');
  const snapshot = parseJsonFile(snapshotText, snapshotPath, Snapshot, 'snapshot');
  const historyFile = historyPath && existsSync(historyPath) ? historyPath : null;
  // Whole records, whichever version the file was written as.
  const records = historyFile !== null ? parseHistoryText(readBytes(historyFile, 'history', null).toString('utf8'), historyFile).records : [];
  const history = [...records].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const data: SiteData = { snapshot, snapshotFile: snapshotPath, history, historyFile };
  memo = { named, key, data };
  return data;
}

/** Parses JSON text against a schema; `file` only names the source in the error. Exported for tests. */
export function parseJsonFile<T>(text: string, file: string, schema: ZodType<T>, what: string): T {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new MigratrackError('input', `The ${what} file ${file} is not valid JSON (${(error as Error).message}).`, { file });
  }
  const parsed = schema.safeParse(json, { error: issueMessage });
  if (!parsed.success) {
    // At most 8 "path: message" lines, so the message stays short.
    throw new MigratrackError('input', `The ${what} file ${file} is not a valid migratrack ${what}:\n${formatIssues(parsed.error, 8)}`, { file });
  }
  return parsed.data;
}

function readBytes(file: string, what: string, hint: string | null): Bytes {
  try {
    return readFileSync(file) as Bytes;
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : `cannot be read (${(error as Error).message})`;
    throw new MigratrackError('input', `The ${what} file ${file} ${reason}${hint ? `; ${hint}` : ''}.`, { file });
  }
}
