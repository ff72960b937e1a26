/**
 * Planning a backfill walk: which commits to replay (first-parent, from a base before the start
 * date), where the doc lived at each of them (it may have been renamed), and which to sample.
 */
import { addDays } from './dates.js';
import { gitText } from './git.js';
import type { LogCommit } from './git-log.js';

/** The commit object `ref` names, or null (empty repo, bad ref). */
export async function resolveCommit(root: string, ref: string): Promise<string | null> {
  return gitText(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
}

/**
 * The last first-parent commit before `since` (a day early: commit days are in the committer's
 * zone, `--before` is an instant), whose tree the walk starts from; null to walk from the root.
 */
export async function findBase(root: string, head: string, since: string | null): Promise<string | null> {
  if (since === null) return null;
  const sha = await gitText(root, ['rev-list', '-1', '--first-parent', `--before=${addDays(since, -1)}T00:00:00Z`, head, '--']);
  return sha === null || sha === '' ? null : sha;
}

/**
 * The doc's path after each commit, following renames backwards from its path at the end, so a doc
 * that moved is still found in older commits. Also returns the path before the first commit.
 */
export function docPathTimeline(commits: readonly LogCommit[], finalPath: string): { before: string; after: string[]; moves: { commit: LogCommit; from: string; to: string }[] } {
  const after: string[] = new Array<string>(commits.length);
  const moves: { commit: LogCommit; from: string; to: string }[] = [];
  let alias = finalPath;
  for (let i = commits.length - 1; i >= 0; i--) {
    after[i] = alias;
    const commit = commits[i];
    const rename = commit?.changes.find((c) => c.status === 'R' && c.path === alias && c.from !== null);
    if (commit && rename?.from != null) {
      moves.unshift({ commit, from: rename.from, to: alias });
      alias = rename.from;
    }
  }
  return { before: alias, after, moves };
}

/**
 * Indexes of `days` (one per state, in walk order) to record: the last of each day, or every one,
 * from `since` on; plus the last state before `since`, which is where the migration started from.
 */
export function selectSamples(days: readonly string[], every: 'day' | 'commit', since: string | null): number[] {
  const picked: number[] = [];
  let startState = -1;
  for (let i = 0; i < days.length; i++) {
    const day = days[i] ?? '';
    if (since !== null && day < since) {
      startState = i;
      continue;
    }
    if (every === 'commit' || i === days.length - 1 || days[i + 1] !== day) picked.push(i);
  }
  return startState >= 0 ? [startState, ...picked] : picked;
}

