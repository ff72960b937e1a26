/**
 * Symbolic-link targets to repo paths, lexically (a commit has no file system to ask): relative to
 * the link's directory; absolute or `..` past the root is outside the repository (null).
 */
import { repoPath } from '../walk.js';
import { pathSet } from './path-set.js';

export function resolveLinkTarget(link: string, target: string, exists: (p: string) => boolean): string | null {
  if (target.startsWith('/')) return null;
  const dir = link.includes('/') ? link.slice(0, link.lastIndexOf('/')) : '';
  const joined = repoPath(dir ? `${dir}/${target}` : target);
  if (joined === null) return null;
  return exists(joined) ? joined : null;
}

/** Whether `p` is a file, a directory (some path below it) or another link in the tree. */
export function existsIn(paths: readonly string[], links: ReadonlyMap<string, unknown>): (p: string) => boolean {
  const files = pathSet(paths);
  const dirs = new Set<string>(['']);
  for (const f of [...paths, ...links.keys()]) {
    for (let k = f.indexOf('/'); k >= 0; k = f.indexOf('/', k + 1)) dirs.add(f.slice(0, k));
  }
  return (p) => files.has(p) || dirs.has(p) || links.has(p);
}
