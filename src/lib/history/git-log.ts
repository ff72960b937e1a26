/**
 * One `git log --first-parent --raw -z -M` pass: every commit of the first-parent line with the
 * files it changed (blob ids, modes, renames). No blob is read here; that is what makes the
 * backfill incremental (issue 5: "one pass over git log with the changed files").
 */
import { runGit } from './git.js';

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

/**
 * Lists the first-parent commits in `range` (e.g. "base..HEAD", or "HEAD"), oldest first.
 * `--diff-merges=first-parent` makes a merge show what it brought in, as the first-parent tree
 * changed; `-M` reports renames so a tracked file that moved is seen as moved, not deleted.
 */
export async function readFirstParentLog(root: string, range: string): Promise<LogCommit[]> {
  const args = ['log', '--first-parent', '--diff-merges=first-parent', '--reverse', '--raw', '-z', '-M', '--no-abbrev',
    '--no-color', `--format=${LOG_FORMAT}`, range, '--'];
  const result = await runGit(root, args);
  if (result.code !== 0) throw new Error(`git log failed in ${root}: ${result.stderr}`);
  return parseRawLog(result.stdout);
}

/**
 * Parses `--raw -z` output. Tokens are NUL-separated; a header token starts with START (after the
 * newline git puts between commits), a change is a ":<modes> <ids> <status>" token followed by one
 * path (two for a rename). Reading by position means odd file names (":", newlines) cannot confuse it.
 */
export function parseRawLog(output: Buffer): LogCommit[] {
  const tokens = output.toString('utf8').split('\0');
  const commits: LogCommit[] = [];
  let current: LogCommit | null = null;
  for (let i = 0; i < tokens.length; i++) {
    // git puts a newline after each header, so a header or change token may start with one.
    const token = (tokens[i] ?? '').replace(/^\n/, '');
    if (token.startsWith(START)) {
      const [sha = '', at = '', parents = ''] = token.slice(1).split(FIELD);
      current = { sha, at, parents: parents.split(' ').filter(Boolean), changes: [] };
      commits.push(current);
      continue;
    }
    if (!token.startsWith(':') || current === null) continue;
    const meta = token.slice(1).split(' ');
    const mode = meta[1] ?? '';
    const blob = meta[3] ?? '';
    const letter = (meta[4] ?? '').charAt(0);
    if (letter === 'R' || letter === 'C') {
      const from = tokens[++i] ?? '';
      const path = tokens[++i] ?? '';
      // A copy keeps its source; only a rename removes it.
      if (letter === 'C') current.changes.push({ status: 'A', path, from: null, mode, blob });
      else current.changes.push({ status: 'R', path, from, mode, blob });
    } else {
      const path = tokens[++i] ?? '';
      const status = (['A', 'M', 'D', 'T'] as const).find((s) => s === letter) ?? 'M';
      current.changes.push({ status, path, from: null, mode, blob });
    }
  }
  return commits;
}
