/**
 * Where a missing file went, without a backfill (issue 22 item 6): `git log --diff-filter=D` over
 * just the missing paths finds the commits that removed them (git limits that walk to those paths,
 * so it is cheap), and one `git diff-tree -M` per such commit says whether the removal was a
 * rename, and to what. A file renamed again later is followed up to a few hops; only a target that
 * exists now counts. Names travel as bytes (`-z`), never through a shell.
 */
import { decodePath, splitZ } from '../scan/index.js';
import { runGit } from '../git/run.js';

export interface RenameLookupOptions {
  /** Removal commits inspected per round (newest first). */
  maxCommits?: number;
  /** Renames followed one after the other (a → b → c). */
  maxHops?: number;
}

/** Missing path → its path now, for the missing paths git saw renamed; the rest are left out. */
export async function lookupRenames(
  root: string,
  missing: readonly string[],
  exists: (path: string) => boolean,
  options: RenameLookupOptions = {},
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  let current = new Map(missing.map((path) => [path, path])); // where each original path is now known to be
  for (let hop = 0; hop < (options.maxHops ?? 5) && current.size > 0; hop++) {
    const moves = await renamesOf(root, [...new Set(current.values())], options.maxCommits ?? 50);
    const next = new Map<string, string>();
    for (const [original, at] of current) {
      const to = moves.get(at);
      if (to === undefined) continue;
      if (exists(to)) found.set(original, to);
      else next.set(original, to);
    }
    current = next;
  }
  return found;
}

/** old → new for the renames, in the commits that removed `paths`, whose old side is one of them. */
async function renamesOf(root: string, paths: readonly string[], maxCommits: number): Promise<Map<string, string>> {
  const wanted = new Set(paths);
  // A name that is not UTF-8 cannot be an argv string exactly: those are not looked up.
  const pathspecs = paths.filter((p) => !/[\uDC80-\uDCFF]/.test(p)).map((p) => `:(literal)${p}`);
  const moves = new Map<string, string>();
  if (pathspecs.length === 0) return moves;
  const log = await runGit(root, ['log', '--diff-filter=D', '--format=%H', `--max-count=${maxCommits}`, '--', ...pathspecs]);
  if (log.code !== 0) return moves;
  for (const commit of log.stdout.toString('utf8').split('\n').filter((l) => /^[0-9a-f]{40,64}$/.test(l))) {
    const diff = await runGit(root, ['diff-tree', '-r', '-M', '-z', '--name-status', `${commit}^`, commit]);
    if (diff.code !== 0) continue;
    const fields = splitZ(diff.stdout).map(decodePath);
    for (let k = 0; k < fields.length; ) {
      const status = fields[k] ?? '';
      if (status.startsWith('R') || status.startsWith('C')) {
        const [from, to] = [fields[k + 1] ?? '', fields[k + 2] ?? ''];
        if (status.startsWith('R') && wanted.has(from) && !moves.has(from)) moves.set(from, to);
        k += 3;
      } else k += 2;
    }
    if ([...wanted].every((p) => moves.has(p))) break;
  }
  return moves;
}
