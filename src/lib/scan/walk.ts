/**
 * Which files grep reads for a command, and under which names, reproducing grep 3.8 + gnulib fts:
 * operands as written (a trailing `//` trimmed to `/`), the implicit `.` of `grep -r` printed
 * without `./`, --include/--exclude/--exclude-dir, hidden files included, `-r` following only
 * command-line symlinks, `-R` following all (never out of the repository, loops cut).
 */
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import type { GrepSource } from './command/pipeline.js';
import { excludedByGlobs, excludedDir, shellExpand } from './glob.js';
import { anyUnder, pathSet, prefixRange } from './tree/path-set.js';
import type { RepoTree } from './types.js';

/** A file to search: the name grep prints and the tree path to read. */
export interface SearchFile {
  name: string;
  path: string;
  /** Named on the command line (rg searches such a file even when binary). */
  explicit?: boolean;
}

export interface SearchPlan {
  files: SearchFile[];
  /** Whether output lines carry the `name:` prefix. */
  withFilename: boolean;
  /** What grep would print on stderr (missing operands, directories without -r, loops). */
  stderr: string[];
  diagnostics: Diagnostic[];
  /** find: the lines it prints, without reading any file (with the repo path behind each). */
  listing?: { text: string; path: string }[];
}

/** Normalises an operand to a repo path ('' for the root), or null when it leaves the repository. */
export function repoPath(operand: string): string | null {
  if (operand.startsWith('/')) return null;
  const out: string[] = [];
  for (const seg of operand.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length === 0) return null;
      out.pop();
    } else out.push(seg);
  }
  return out.join('/');
}

function resolveLink(tree: RepoTree, path: string): string | null | undefined {
  let p: string | null | undefined = path;
  for (let hops = 0; p !== null && p !== undefined && tree.symlinks?.has(p); hops++) {
    if (hops > 40) return null; // ELOOP
    p = tree.symlinks.get(p);
  }
  return p;
}

/** Plans the files of `grep [-r|-R] … operands` over the tree. */
export function planSearch(src: GrepSource, tree: RepoTree): SearchPlan {
  const stderr: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const files: SearchFile[] = [];
  const fileSet = pathSet(tree.paths);
  const isDir = (p: string): boolean => p === '' || anyUnder(tree.paths, `${p}/`) || [...(tree.symlinks?.keys() ?? [])].some((l) => l.startsWith(`${p}/`));
  const operands = expandOperands(src, tree, isDir);
  const implicit = operands.length === 0;
  if (implicit && src.recursive === 'none') {
    return { files, withFilename: false, stderr: ['grep: (standard input): not supported'], diagnostics: [diagnostic('warning', 'scan/no-operand', 'grep without a file operand reads standard input; nothing to scan')] };
  }
  let withFilename = src.withFilename ?? operands.length > 1;
  const visit = implicit ? [{ text: '.', implicit: true }] : operands.map((text) => ({ text, implicit: false }));
  for (const op of visit) {
    const norm = repoPath(op.text);
    if (norm === null) {
      stderr.push(`grep: ${op.text}: outside the repository (not read)`);
      diagnostics.push(diagnostic('error', 'scan/path-outside-repo', `${op.text} is outside the repository; it was not read`, { file: op.text }));
      continue;
    }
    const target = resolveLink(tree, norm);
    if (target === null) {
      stderr.push(`grep: ${op.text}: symbolic link out of the repository (not followed)`);
      diagnostics.push(diagnostic('warning', 'scan/symlink-outside-repo', `${op.text} is a symbolic link leading out of the repository; not followed`, { file: op.text }));
      continue;
    }
    const real = target ?? norm;
    if (fileSet.has(real)) {
      // Command-line files: --include/--exclude match any suffix of the name as written.
      if (!excludedByGlobs(src.globs, op.text, true)) files.push({ name: op.text, path: real });
      continue;
    }
    if (!isDir(real)) {
      stderr.push(`grep: ${op.text}: No such file or directory`);
      diagnostics.push(diagnostic('warning', 'scan/no-such-file', `grep: ${op.text}: No such file or directory`, { file: op.text }));
      continue;
    }
    if (src.recursive === 'none') {
      stderr.push(`grep: ${op.text}: Is a directory`);
      continue;
    }
    if (!op.implicit && excludedDir(src.excludeDirs, op.text, true)) continue;
    if (src.withFilename === null && visit.length === 1) withFilename = true; // grep: out_file < 0 and a directory
    const prefix = op.implicit ? '' : op.text.endsWith('/') ? op.text.replace(/\/+$/, '/') : `${op.text}/`;
    walkDir(tree, src, fileSet, real, prefix, [], files, stderr, diagnostics);
  }
  return { files, withFilename, stderr, diagnostics };
}

/** `a` is `b` or inside it ('' is the root). */
const within = (a: string, b: string): boolean => b === '' || a === b || a.startsWith(`${b}/`);

/**
 * `chain` holds the directory segments already on the fts path: [start, end] pairs where the
 * walk went from `start` down to `end` and then through a link.
 */
function walkDir(
  tree: RepoTree, src: GrepSource, fileSet: ReadonlySet<string>, dir: string, prefix: string, chain: [string, string][],
  files: SearchFile[], stderr: string[], diagnostics: Diagnostic[],
): void {
  const base = dir === '' ? '' : `${dir}/`;
  const dirOk = new Map<string, boolean>();
  // A relative path is searched when no directory on the way is --exclude-dir'ed (base names).
  const dirsAllowed = (rel: string): boolean => {
    const parts = rel.split('/');
    let acc = '';
    for (let k = 0; k < parts.length - 1; k++) {
      acc = acc ? `${acc}/${parts[k]}` : (parts[k] as string);
      let ok = dirOk.get(acc);
      if (ok === undefined) {
        ok = !excludedDir(src.excludeDirs, parts[k] as string, false);
        // fts: any directory already on the current path (reached again through a link) is a cycle.
        const real = base + acc;
        if (ok && chain.some(([start, end]) => within(real, start) && within(end, real))) {
          stderr.push(`grep: ${prefix + acc}: warning: recursive directory loop`);
          ok = false;
        }
        dirOk.set(acc, ok);
      }
      if (!ok) return false;
    }
    return true;
  };
  const baseName = (rel: string): string => rel.slice(rel.lastIndexOf('/') + 1);
  // Per file only what can exclude it (issue 21): with no --exclude-dir and no link on the way,
  // every directory is searched; a name printed as the path itself is not built again.
  const everyDir = src.excludeDirs.length === 0 && chain.length === 0;
  const samePrefix = prefix === base;
  const paths = tree.paths;
  const { from, to } = prefixRange(paths, base);
  for (let k = from; k < to; k++) {
    const p = paths[k] as string;
    if (!p.startsWith(base)) continue;
    if (!everyDir && !dirsAllowed(p.slice(base.length))) continue;
    if (excludedByGlobs(src.globs, p.slice(p.lastIndexOf('/') + 1), false)) continue;
    files.push({ name: samePrefix ? p : prefix + p.slice(base.length), path: p });
  }
  if (src.recursive !== 'R' || !tree.symlinks) return;
  // -R: links found in recursion are followed; a link out of the repository is not.
  for (const [link, target] of tree.symlinks) {
    if (!link.startsWith(base)) continue;
    const rel = link.slice(base.length);
    if (!dirsAllowed(rel)) continue;
    const real = resolveLink(tree, link);
    if (real === null || real === undefined) {
      diagnostics.push(diagnostic('warning', 'scan/symlink-outside-repo', `${prefix + rel} is a symbolic link leading out of the repository (or dangling); not followed`, { file: link }));
      continue;
    }
    void target;
    if (fileSet.has(real)) {
      if (!excludedByGlobs(src.globs, baseName(rel), false)) files.push({ name: prefix + rel, path: real });
    } else if (!excludedDir(src.excludeDirs, baseName(rel), false)) {
      // fts (FTS_LOGICAL) reports a directory already on the current path as a cycle.
      const parent = base + rel.slice(0, Math.max(0, rel.lastIndexOf('/')));
      const segments: [string, string][] = [...chain, [dir, parent.replace(/\/$/, '')]];
      if (segments.some(([start, end]) => within(real, start) && within(end, real))) {
        stderr.push(`grep: ${prefix + rel}: warning: recursive directory loop`);
        continue;
      }
      walkDir(tree, src, fileSet, real, `${prefix + rel}/`, segments, files, stderr, diagnostics);
    }
  }
}

/** Unquoted wildcard operands expand like bash against the tree's files and directories. */
function expandOperands(src: GrepSource, tree: RepoTree, isDir: (p: string) => boolean): string[] {
  void isDir;
  const out: string[] = [];
  let names: string[] | null = null;
  for (const op of src.operands) {
    if (!op.glob) {
      out.push(op.text);
      continue;
    }
    names ??= allNames(tree);
    const hits = shellExpand(op.text.replace(/^\.\//, ''), names);
    if (hits.length === 0) out.push(op.text);
    else out.push(...hits.map((h) => (op.text.startsWith('./') ? `./${h}` : h)));
  }
  return out;
}

function allNames(tree: RepoTree): string[] {
  const set = new Set<string>();
  for (const p of [...tree.paths, ...(tree.symlinks?.keys() ?? [])]) {
    set.add(p);
    for (let k = p.indexOf('/'); k >= 0; k = p.indexOf('/', k + 1)) set.add(p.slice(0, k));
  }
  return [...set];
}
