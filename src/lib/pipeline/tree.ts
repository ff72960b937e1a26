/**
 * The tree a build scans: git's index (working-tree contents, .gitignore honoured) in a git
 * repository, the plain directory otherwise; config `ignore` globs removed from either.
 */
import type { Diagnostic } from '../diagnostics.js';
import { fsTree, gitTree, type RepoTree } from '../scan/index.js';
import { ignoreMatcher } from '../scan/tree/ignore.js';
import type { RepoInfo } from './repo-info.js';

export async function openTree(repo: RepoInfo, ignore: readonly string[], diagnostics: Diagnostic[]): Promise<RepoTree> {
  const tree = repo.isGit ? await gitTree(repo.root) : fsTree(repo.root, [...ignore]);
  diagnostics.push(...(tree.diagnostics ?? []));
  if (!repo.isGit || ignore.length === 0) return tree;
  const ignored = ignoreMatcher(ignore);
  const paths = tree.paths.filter((path) => !ignored(path));
  return {
    paths,
    read: (path) => tree.read(path),
    blobId: tree.blobId?.bind(tree),
    readSync: tree.readSync?.bind(tree),
    symlinks: tree.symlinks,
    diagnostics: tree.diagnostics,
    close: () => tree.close?.(),
  };
}
