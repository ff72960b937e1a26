/**
 * Reading the history file. It is the one thing a build cannot regenerate, so anything we cannot
 * fully understand is refused with a message that names the file and the problem, and the file is
 * never touched (issue 8: corrupt, newer schema, another repo's file).
 */
import { readFile } from 'node:fs/promises';
import { MigratrackError } from '../errors.js';
import { printableLine } from '../printable.js';
import { formatIssues, issueMessage } from '../schema-issues.js';
import { emptyHistory, HISTORY_SCHEMA_VERSION, type HistoryFile, StoredHistoryFile } from './schema.js';
import { expandHistory } from './stored.js';

export interface ReadHistoryOptions {
  /**
   * In a shallow clone the visible root commit is not the real one, so the ids differ. When given,
   * a file whose id differs is still accepted if its latest record's commit is known here.
   */
  isKnownCommit?: (sha: string) => Promise<boolean>;
}

/**
 * Reads and validates `file` for the repo identified by `repoId` (see {@link repoIdentity}).
 * A missing file reads as an empty history. Throws `MigratrackError('input')` for a file that is
 * not JSON, fails the schema, comes from a newer migratrack, or belongs to another repository.
 */
export async function readHistory(file: string, repoId: string, options: ReadHistoryOptions = {}): Promise<HistoryFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyHistory(repoId);
    throw refuse(file, `cannot be read (${(error as Error).message})`);
  }
  const history = parseHistoryText(text, file);
  if (history.repo.id !== repoId && !(await knownHere(history, options))) {
    throw refuse(
      file,
      `belongs to another repository (id ${history.repo.id}, this one is ${repoId}); ` +
        "point --history at this repository's file or move that one away",
    );
  }
  return history;
}

async function knownHere(history: HistoryFile, options: ReadHistoryOptions): Promise<boolean> {
  const last = [...history.records].reverse().find((record) => record.commit !== null);
  if (options.isKnownCommit === undefined || last?.commit == null) return false;
  return options.isKnownCommit(last.commit);
}

/**
 * Validates history JSON text of any version this migratrack reads (not its repo id) and returns
 * it with whole records; `file` is only used in messages.
 */
export function parseHistoryText(text: string, file: string): HistoryFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    // JSON.parse quotes the text around the fault: the file's own bytes, control characters and all.
    throw refuse(file, `is not valid JSON (${printableLine((error as Error).message)}); it may be corrupt or truncated`);
  }
  return parseHistoryJson(json, file);
}

/** {@link parseHistoryText} for JSON already parsed. */
export function parseHistoryJson(json: unknown, file: string): HistoryFile {
  const version = (json as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === 'number' && version > HISTORY_SCHEMA_VERSION) {
    throw refuse(
      file,
      `has schemaVersion ${version}, newer than this migratrack understands (${HISTORY_SCHEMA_VERSION}); upgrade migratrack`,
    );
  }
  const parsed = StoredHistoryFile.safeParse(json, { error: issueMessage });
  // At most 5 lines, so a huge broken file gives a short message.
  if (!parsed.success) throw refuse(file, `is not a migratrack history file:\n${formatIssues(parsed.error, 5)}`);
  const expanded = expandHistory(parsed.data);
  if ('problem' in expanded) throw refuse(file, `is not a migratrack history file:\n  ${expanded.problem}`);
  return expanded.history;
}

function refuse(file: string, what: string): MigratrackError {
  return new MigratrackError('input', `History file ${file} ${what}. It was left untouched.`, { file });
}
