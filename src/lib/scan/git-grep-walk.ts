/**
 * Which files `git grep` searches: the tree's tracked files (at a commit, all of them) matching the
 * pathspecs, named by repo path. A pathspec matches the path itself, a directory above it, or as a
 * wildcard (fnmatch without FNM_PATHNAME: `*.py` matches `src/a.py`); exclude pathspecs remove;
 * only excludes means everything else (git 2.39). Names print as git quotes them (core.quotePath,
 * on by default): in double quotes with C escapes and octal bytes when a name has a byte ≥ 0x80,
 * a control character, `"` or `\`. Issue 22.
 */
import { diagnostic } from '../diagnostics.js';
import type { GrepSource } from './command/pipeline.js';
import { fnmatch } from './glob.js';
import type { RepoTree } from './types.js';
import { encodePath } from './tree/bytes.js';
import type { SearchPlan } from './walk.js';

const ESCAPES: Record<number, string> = { 7: 'a', 8: 'b', 9: 't', 10: 'n', 11: 'v', 12: 'f', 13: 'r', 34: '"', 92: '\\' };

/** git's quote_c_style for a path. */
export function gitQuotePath(path: string): string {
  const bytes = encodePath(path);
  if (!bytes.some((b) => b < 0x20 || b >= 0x7f || b === 34 || b === 92)) return path;
  let out = '';
  for (const b of bytes) {
    const e = ESCAPES[b];
    out += e !== undefined ? `\\${e}` : b < 0x20 || b >= 0x7f ? `\\${b.toString(8).padStart(3, '0')}` : String.fromCharCode(b);
  }
  return `"${out}"`;
}

const WILD = /[*?[]/;

function matches(spec: string, path: string): boolean {
  if (spec === '') return true;
  if (path === spec || path.startsWith(`${spec}/`)) return true;
  return WILD.test(spec) && fnmatch(spec, path);
}

export function planGitGrepSearch(src: GrepSource, tree: RepoTree): SearchPlan {
  const { include, exclude, mustExist = [] } = src.pathspecs ?? { include: [], exclude: [] };
  // `git grep foo docs` with no docs/: git takes the word for a revision and stops (exit 128).
  const missing = mustExist.find((p) => p !== '' && !tree.paths.some((q) => q === p || q.startsWith(`${p}/`)));
  if (missing !== undefined) {
    const message = `fatal: ambiguous argument '${missing}': unknown revision or path not in the working tree.`;
    return { files: [], withFilename: true, stderr: [message], diagnostics: [diagnostic('warning', 'scan/no-such-file', `git grep: ${message}`, { file: missing })] };
  }
  const files = tree.paths
    .filter((p) => tree.tracked?.(p) ?? true)
    .filter((p) => (include.length === 0 || include.some((s) => matches(s, p))) && !exclude.some((s) => matches(s, p)))
    .map((p) => ({ name: gitQuotePath(p), path: p }));
  return { files, withFilename: src.withFilename ?? true, stderr: [], diagnostics: [] };
}
