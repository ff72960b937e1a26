/**
 * Which repository a history file belongs to, so a build never mixes another repo's points into
 * this one's series (issue 8). A git repo is named by its root commit (the oldest, if there are
 * several); anything else by a fingerprint of its real path.
 */
import { createHash } from 'node:crypto';
import { realpath } from 'node:fs/promises';
import { gitText, runGit } from '../git/run.js';

export interface RepoIdentity {
  /** `<root commit sha>` or `path:<16 hex>`. */
  id: string;
  isGit: boolean;
  /** True in a shallow clone, where the visible root is not the real one (see readHistory's `isKnownCommit`). */
  shallow: boolean;
}

/** Identifies the repository at `root` (a work tree or any directory). */
export async function repoIdentity(root: string): Promise<RepoIdentity> {
  const inside = await gitText(root, ['rev-parse', '--is-inside-work-tree']);
  if (inside === 'true') {
    const roots = await gitText(root, ['rev-list', '--max-parents=0', 'HEAD']);
    const shallow = (await gitText(root, ['rev-parse', '--is-shallow-repository'])) === 'true';
    // Several roots (merged histories): the last listed is reached first from HEAD's oldest end;
    // sorting makes the choice independent of traversal order.
    const first = roots?.split('\n').filter(Boolean).sort()[0];
    if (first !== undefined) return { id: first, isGit: true, shallow };
  }
  const real = await realpath(root).catch(() => root);
  const id = `path:${createHash('sha256').update(real).digest('hex').slice(0, 16)}`;
  return { id, isGit: inside === 'true', shallow: false };
}

/** Whether `sha` names a commit present in the repo at `root` (for shallow clones). */
export async function isKnownCommit(root: string, sha: string): Promise<boolean> {
  const result = await runGit(root, ['cat-file', '-e', `${sha}^{commit}`]);
  return result.code === 0;
}
