/**
 * One `git log --first-parent --raw -z -M` pass: every commit of the first-parent line with the
 * files it changed (blob ids, modes, renames). No blob is read here; that is what makes the
 * backfill incremental (issue 5: "one pass over git log with the changed files").
 */
import { MigratrackError } from '../errors.js';
import { runGit } from '../git/run.js';

/** One changed path of a commit, against its first parent. */
export interface RawChange {
  /** A added, M modified, D deleted, T type changed, R renamed (C never: -C is not asked for). */
  status: 'A' | 'M' | 'D' | 'T' | 'R';
  /** The path after the change (the new name for a rename). */
  path: string;
  /** The old name, for renames. */
  from: string | null;
  /** New mode and blob id ("000000" / zero id when deleted). */
  mode: string;
  blob: string;
}

export interface LogCommit {
  sha: string;
  /** Committer time, strict ISO 8601 with the committer's offset. */
  at: string;
  parents: string[];
  changes: RawChange[];
}

/** Separators git will not put in a sha, a date or a parent list. */
const START = '\x01';
const FIELD = '\x02';
export const LOG_FORMAT = `${START}%H${FIELD}%cI${FIELD}%P`;

/** Why a commit was read without (inexact) rename detection: a blob git needed is not in the object store. */
export interface RenameDetectionSkipped {
  commit: LogCommit;
  /** git's own words, e.g. "fatal: unable to read 1e41…". */
  reason: string;
}

/**
 * Lists the first-parent commits in `range` (e.g. "base..HEAD", or "HEAD"), oldest first.
 * `--diff-merges=first-parent` makes a merge show what it brought in, as the first-parent tree
 * changed; `-M` reports renames so a tracked file that moved is seen as moved, not deleted.
 *
 * Inexact rename detection reads both blobs of each candidate pair, so a blob missing from the
 * object store (a partial clone, a mirror without large blobs) makes the whole `git log` fail
 * (issue 20, item 7). Then the log is read again with exact renames only (`-M100%` compares blob
 * ids and reads nothing), and only the commits where a rename could still hide (a file added and
 * one deleted) are asked again, one by one, with `-M`; those where git still cannot read a blob
 * keep exact renames only and are passed to `onSkipped`, so the caller can warn and go on.
 */
export async function readFirstParentLog(
  root: string,
  range: string,
  onSkipped: (skipped: RenameDetectionSkipped) => void = () => undefined,
): Promise<LogCommit[]> {
  const args = (renames: string) => ['log', '--first-parent', '--diff-merges=first-parent', '--reverse', '--raw', '-z', renames, '--no-abbrev',
    '--no-color', `--format=${LOG_FORMAT}`, range, '--'];
  const result = await runGit(root, args('-M'));
  if (result.code === 0) return parseRawLog(result.stdout);
  if (!isMissingObject(result.stderr)) throw gitLogFailed(root, result.stderr);
  const exact = await runGit(root, args('-M100%'));
  if (exact.code !== 0) throw gitLogFailed(root, exact.stderr);
  const commits = parseRawLog(exact.stdout);
  for (const commit of commits) {
    const parent = commit.parents[0];
    const statuses = new Set(commit.changes.map((c) => c.status));
    if (parent === undefined || !statuses.has('A') || !statuses.has('D')) continue;
    const diff = await runGit(root, ['diff-tree', '-r', '--raw', '-z', '-M', '--no-abbrev', '--no-commit-id', parent, commit.sha, '--']);
    if (diff.code === 0) commit.changes = parseRawChanges(diff.stdout.toString('utf8').split('\0'));
    else onSkipped({ commit, reason: firstLine(diff.stderr) });
  }
  return commits;
}

/** git's words for an object it does not have (loose object deleted, promisor blob not fetched). */
function isMissingObject(stderr: string): boolean {
  return /unable to read|missing (blob )?object|could not read|bad object|is corrupt/i.test(stderr);
}

function firstLine(text: string): string {
  return text.split('\n').find((line) => line.trim() !== '')?.trim() ?? 'git failed';
}

/** A repository git itself cannot read is the user's to repair: one line, exit 2. */
function gitLogFailed(root: string, stderr: string): MigratrackError {
  return new MigratrackError('input', `git log failed in ${root}: ${firstLine(stderr)} (check the repository with \`git fsck\`)`, { file: root });
}

/** The changes of one `diff-tree --raw -z` (no commit header). */
function parseRawChanges(tokens: readonly string[]): RawChange[] {
  const holder: LogCommit = { sha: '', at: '', parents: [], changes: [] };
  readChanges(tokens, 0, holder);
  return holder.changes;
}

/**
 * Parses `--raw -z` output. Tokens are NUL-separated; a header token starts with START (after the
 * newline git puts between commits), a change is a ":<modes> <ids> <status>" token followed by one
 * path (two for a rename). Reading by position means odd file names (":", newlines) cannot confuse it.
 */
export function parseRawLog(output: Buffer): LogCommit[] {
  const tokens = output.toString('utf8').split('\0');
  const commits: LogCommit[] = [];
  let i = 0;
  while (i < tokens.length) {
    // git puts a newline after each header, so a header or change token may start with one.
    const token = (tokens[i] ?? '').replace(/^\n/, '');
    i++;
    if (!token.startsWith(START)) continue;
    const [sha = '', at = '', parents = ''] = token.slice(1).split(FIELD);
    const commit: LogCommit = { sha, at, parents: parents.split(' ').filter(Boolean), changes: [] };
    commits.push(commit);
    i = readChanges(tokens, i, commit);
  }
  return commits;
}

/** Reads change tokens from `start` into `commit` until the next header; returns where it stopped. */
function readChanges(tokens: readonly string[], start: number, commit: LogCommit): number {
  let i = start;
  for (; i < tokens.length; i++) {
    const token = (tokens[i] ?? '').replace(/^\n/, '');
    if (token.startsWith(START)) return i;
    if (!token.startsWith(':')) continue;
    const meta = token.slice(1).split(' ');
    const mode = meta[1] ?? '';
    const blob = meta[3] ?? '';
    const letter = (meta[4] ?? '').charAt(0);
    if (letter === 'R' || letter === 'C') {
      const from = tokens[++i] ?? '';
      const path = tokens[++i] ?? '';
      // A copy keeps its source; only a rename removes it.
      if (letter === 'C') commit.changes.push({ status: 'A', path, from: null, mode, blob });
      else commit.changes.push({ status: 'R', path, from, mode, blob });
    } else {
      const path = tokens[++i] ?? '';
      const status = (['A', 'M', 'D', 'T'] as const).find((s) => s === letter) ?? 'M';
      commit.changes.push({ status, path, from: null, mode, blob });
    }
  }
  return i;
}
