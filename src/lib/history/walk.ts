/**
 * Planning a backfill walk: which commits to replay (first-parent, from a base before the start
 * date), where the doc lived at each of them (it may have been renamed), which to sample, and
 * which blobs to ask git for ahead of the walk (those the next samples will read).
 */
import { addDays } from './dates.js';
import { gitText } from '../git/run.js';
import type { LogCommit } from './git-log.js';
import { isRegular } from './tree-state.js';

/** One point of the walk: a commit of the log, or the base state before it (commit null). */
export interface WalkState {
  sha: string;
  at: string;
  commit: LogCommit | null;
}

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

/**
 * Blobs are asked for ahead in batches of at least PREFETCH_BATCH (one pipe write, and git reads
 * them while we evaluate) and at most PREFETCH_LIMIT (an initial import can add thousands).
 */
const PREFETCH_BATCH = 64;
const PREFETCH_LIMIT = 2000;

/**
 * The blobs the next samples after `from` will most likely read: the contents, as of each of those
 * samples, of the files changed since the one before. Returns them and the last index covered.
 */
export function blobsChangedAhead(states: readonly WalkState[], from: number, samples: ReadonlySet<number>): { blobs: Set<string>; through: number } {
  const blobs = new Set<string>();
  const latest = new Map<string, string | null>();
  let through = from;
  for (let i = from + 1; i < states.length && blobs.size < PREFETCH_BATCH; i++) {
    for (const change of states[i]?.commit?.changes ?? []) {
      if (change.from !== null) latest.set(change.from, null);
      latest.set(change.path, change.status === 'D' || !isRegular(change.mode) ? null : change.blob);
    }
    if (!samples.has(i) && i < states.length - 1) continue;
    for (const blob of latest.values()) if (blob !== null && blobs.size < PREFETCH_LIMIT) blobs.add(blob);
    latest.clear();
    through = i;
  }
  return { blobs, through };
}
