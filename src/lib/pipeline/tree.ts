/**
 * The tree a build scans: in a git repository the work tree as `git grep --untracked` sees it
 * (tracked files as on disk, untracked ones unless git ignores them), the plain directory
 * otherwise; config `ignore` globs and migratrack's own output removed from either.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { fsTree, gitTree, MIN_FILES_FOR_THREADS, startScanThreads, type RepoTree, type ScanThreads } from '../scan/index.js';
import { ignoreMatcher } from '../scan/tree/ignore.js';
import type { RepoInfo } from './repo-info.js';

/**
 * `own` are absolute paths migratrack writes (the history file, the site folder): when they sit in
 * the repository they are never searched, or a count would include the last build's own output
 * and change after the first build (the history file and the pages quote paths and code).
 */
export async function openTree(repo: RepoInfo, ignore: readonly string[], diagnostics: Diagnostic[], own: readonly string[] = []): Promise<RepoTree> {
  // A git target is the top of its work tree (readRepoInfo): no need to ask git where root is in it.
  const tree = repo.isGit ? await gitTree(repo.root, undefined, '') : fsTree(repo.root, [...ignore]);
  diagnostics.push(...(tree.diagnostics ?? []));
  const ignored = repo.isGit && ignore.length > 0 ? ignoreMatcher(ignore) : () => false;
  const isOwn = ownPaths(repo.root, own);
  if (ignore.length === 0 || !repo.isGit) {
    if (!tree.paths.some(isOwn)) return tree;
  }
  const paths = Object.freeze(tree.paths.filter((p) => !ignored(p) && !isOwn(p)));
  return {
    paths,
    read: (p) => tree.read(p),
    blobId: tree.blobId?.bind(tree),
    tracked: tree.tracked?.bind(tree),
    readSync: tree.readSync?.bind(tree),
    peekSync: tree.peekSync?.bind(tree),
    onDisk: tree.onDisk,
    symlinks: tree.symlinks,
    diagnostics: tree.diagnostics,
    close: () => tree.close?.(),
  };
}

/**
 * Scan threads started now, before the tree is listed and the doc parsed, so they are ready when
 * the scan starts (issue 21), if the repository's index holds enough files to use them: its header
 * says how many ("DIRC", version, entry count, big-endian). Null otherwise (a plain folder, a
 * worktree's `.git` file, a small repository): the scan then starts threads itself if it needs them.
 */
export function scanThreadsAhead(repo: RepoInfo): ScanThreads | null {
  if (!repo.isGit) return null;
  const header = Buffer.alloc(12);
  try {
    const fd = openSync(path.join(repo.root, '.git', 'index'), 'r');
    try {
      if (readSync(fd, header, 0, 12, 0) < 12) return null;
    } finally {
      closeSync(fd);
    }
  } catch {
    return null;
  }
  if (header.toString('latin1', 0, 4) !== 'DIRC' || header.readUInt32BE(8) < MIN_FILES_FOR_THREADS) return null;
  return startScanThreads();
}

/** A test for repo paths that are, or are inside, one of `own` (the history file's lock and temp files too). */
function ownPaths(root: string, own: readonly string[]): (p: string) => boolean {
  const inside = own
    .map((file) => path.relative(root, file).split(path.sep).join('/'))
    .filter((rel) => rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel));
  if (inside.length === 0) return () => false;
  return (p) =>
    inside.some((rel) => {
      if (p === rel || p.startsWith(`${rel}/`) || p === `${rel}.lock`) return true;
      // writeFileAtomic's temp files: ".<name>.<pid>.<time>.tmp" beside the file.
      const dir = path.posix.dirname(rel);
      const name = path.posix.basename(rel);
      return path.posix.dirname(p) === dir && path.posix.basename(p).startsWith(`.${name}.`) && p.endsWith('.tmp');
    });
}
