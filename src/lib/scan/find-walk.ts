/**
 * What `find START… EXPR` prints over the scanned tree (issue 22): each start point, then every
 * directory, file and symbolic link below it, named START/rel (a trailing `/` on START not
 * doubled), filtered by the expression (fnmatch without FNM_PATHNAME or FNM_PERIOD, so `*` matches
 * `/` in -path and leading dots in -name). The tree is the commit's files: a checkout's `.git`
 * directory is not in it, so a search from the repository root is only accepted when the
 * expression selects none of git's own files (see GIT_PROBES); untracked files are not listed.
 */
import { diagnostic } from '../diagnostics.js';
import type { FindExpr, FindQuery } from './command/find-options.js';
import { fnmatch } from './glob.js';
import type { RepoTree } from './types.js';
import { pathSet } from './tree/path-set.js';
import { repoPath } from './walk.js';

interface Entry {
  name: string;
  path: string;
  type: 'f' | 'd' | 'l';
  depth: number;
}

/** Files every checkout's .git holds: an expression matching one of them would count .git too. */
export const GIT_PROBES = ['.git', '.git/HEAD', '.git/config', '.git/index', '.git/description', '.git/refs', '.git/refs/heads/main', '.git/objects/pack', '.git/hooks/pre-commit.sample', '.git/info/exclude', '.git/logs/HEAD'];

function test(e: FindExpr, entry: Entry): boolean {
  switch (e.kind) {
    case 'true': return true;
    case 'name': return fold(e.glob, baseName(entry.name), e.fold);
    case 'path': return fold(e.glob, entry.name, e.fold);
    case 'type': return entry.type === e.type;
    case 'not': return !test(e.expr, entry);
    case 'and': return test(e.left, entry) && test(e.right, entry);
    case 'or': return test(e.left, entry) || test(e.right, entry);
  }
}

/** find's -name sees the last segment (`src/` is `src`, `.` is `.`). */
function baseName(name: string): string {
  const trimmed = name.replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

function fold(glob: string, s: string, caseFold: boolean): boolean {
  return caseFold ? fnmatch(glob.toLowerCase(), s.toLowerCase()) : fnmatch(glob, s);
}

/** Whether the expression would select a file of a checkout's .git under this start point. */
export function reachesGitDir(q: FindQuery, start: string): boolean {
  const prefix = start.endsWith('/') ? start : `${start}/`;
  return GIT_PROBES.some((p) => {
    const depth = p.split('/').length;
    if (q.maxDepth !== null && depth > q.maxDepth) return false;
    const type = p === '.git' || p.endsWith('refs') || p.endsWith('pack') ? 'd' : 'f';
    return depth >= q.minDepth && test(q.expr, { name: prefix + p, path: p, type, depth });
  });
}

/** The lines find prints, with the repo path of each (for per-file counts). */
export function findListing(q: FindQuery, tree: RepoTree): { lines: { text: string; path: string }[]; stderr: string[]; diagnostics: ReturnType<typeof diagnostic>[] } {
  const dirs = new Set<string>(['']);
  for (const p of [...tree.paths, ...(tree.symlinks?.keys() ?? [])]) for (let k = p.indexOf('/'); k >= 0; k = p.indexOf('/', k + 1)) dirs.add(p.slice(0, k));
  const files = pathSet(tree.paths);
  const typeOf = (p: string): Entry['type'] | null => (tree.symlinks?.has(p) ? 'l' : dirs.has(p) ? 'd' : files.has(p) ? 'f' : null);
  const all = [...dirs].filter((d) => d !== '').concat(tree.paths, [...(tree.symlinks?.keys() ?? [])]);
  const lines: { text: string; path: string }[] = [];
  const stderr: string[] = [];
  const diagnostics: ReturnType<typeof diagnostic>[] = [];
  for (const start of q.starts) {
    const real = repoPath(start) as string;
    const type = typeOf(real);
    if (type === null) {
      stderr.push(`find: '${start}': No such file or directory`);
      diagnostics.push(diagnostic('warning', 'scan/no-such-file', `find: ${start}: No such file or directory`, { file: start }));
      continue;
    }
    const emit = (e: Entry): void => {
      if (e.depth >= q.minDepth && (q.maxDepth === null || e.depth <= q.maxDepth) && test(q.expr, e)) lines.push({ text: e.name, path: e.path });
    };
    emit({ name: start, path: real, type, depth: 0 });
    if (type !== 'd') continue;
    const base = real === '' ? '' : `${real}/`;
    const prefix = start.endsWith('/') ? start : `${start}/`;
    for (const p of all.filter((x) => x.startsWith(base)).sort()) {
      const rel = p.slice(base.length);
      emit({ name: prefix + rel, path: p, type: typeOf(p) as Entry['type'], depth: rel.split('/').length });
    }
  }
  return { lines, stderr, diagnostics };
}
