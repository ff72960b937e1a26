/**
 * gitTree: a RepoTree over a git repository. Without `ref`: the work tree as `grep -r` run in it
 * would see it, minus what git ignores (`git grep --untracked`): the files in git's index as they
 * are on disk, and the untracked files that no .gitignore, .git/info/exclude or core.excludesFile
 * names, so a repository with no commit yet is searched too (issue 20). GNU grep -r would also read
 * the ignored files (a virtualenv, node_modules, build output) and .git itself; they are counted in
 * one `scan/ignored-not-searched` note instead. With `ref`: the files of that commit, read through
 * one `git cat-file --batch`.
 * Symlinks (mode 120000) and submodules (160000) are not regular files. Paths come from `-z`
 * output, so any byte in a name works.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { diagnostic, type Diagnostic } from '../../diagnostics.js';
import { MigratrackError } from '../../errors.js';
import type { RepoTree } from '../types.js';
import { comparePaths, decodePath, encodePath, splitZ } from './bytes.js';
import { startCatFile } from './cat-file.js';
import { existsIn, resolveLinkTarget } from './links.js';
import { readInside } from './safe-read.js';

interface Entry {
  mode: string;
  oid: string;
  path: string;
}

/** git's output; a repository git cannot read (a corrupt index, missing objects) is the user's to repair: one line, exit 2. */
function git(root: string, args: string[]): Buffer {
  try {
    return execFileSync('git', args, { cwd: root, maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const stderr = String((error as { stderr?: Buffer }).stderr ?? '').split('\n').find((line) => line.trim() !== '')?.trim();
    if (stderr === undefined) throw error;
    throw new MigratrackError('input', `git ${args[0]} failed in ${root}: ${stderr} (repair the repository, e.g. \`git fsck\`, or scan a fresh clone)`, { file: root });
  }
}

/** The tree of a git repository: the working tree of indexed files, or commit `ref`. Call close() when done. */
export async function gitTree(root: string, ref?: string): Promise<RepoTree> {
  const diagnostics: Diagnostic[] = [];
  const entries: Entry[] = [];
  if (ref === undefined) {
    // "<mode> <oid> <stage>\t<path>"; unmerged paths appear once per stage.
    for (const rec of splitZ(git(root, ['ls-files', '-z', '-s']))) {
      const tab = rec.indexOf(9);
      const [mode = '', oid = ''] = rec.toString('latin1', 0, tab).split(' ');
      entries.push({ mode, oid, path: decodePath(rec.subarray(tab + 1)) });
    }
  } else {
    if (ref.startsWith('-')) throw new Error(`not a revision: ${ref}`);
    // "<mode> <type> <oid>\t<path>"
    for (const rec of splitZ(git(root, ['ls-tree', '-r', '-z', ref]))) {
      const tab = rec.indexOf(9);
      const [mode = '', , oid = ''] = rec.toString('latin1', 0, tab).split(' ');
      entries.push({ mode, oid, path: decodePath(rec.subarray(tab + 1)) });
    }
  }
  const modified = new Set<string>();
  const deleted = new Set<string>();
  if (ref === undefined) {
    // One stat pass for both: "C <path>" changed (deleted ones too), "R <path>" removed.
    for (const rec of splitZ(git(root, ['ls-files', '-z', '-t', '-m', '-d']))) {
      const path = decodePath(rec.subarray(2));
      (rec[0] === 0x52 /* R */ ? deleted : modified).add(path);
    }
  }
  const oids = new Map<string, string>();
  const linkTargets = new Map<string, string>();
  const catFile = ref === undefined ? null : startCatFile(root);
  for (const e of entries) {
    if (deleted.has(e.path)) continue;
    if (e.mode === '120000') {
      const target = ref === undefined ? readLinkInWorkTree(root, e.path) : (await catFile?.read(e.oid))?.toString('utf8');
      if (target !== undefined && target !== null) linkTargets.set(e.path, target);
    } else if (e.mode === '100644' || e.mode === '100755') oids.set(e.path, e.oid);
  }
  const untracked = new Set<string>();
  if (ref === undefined) listUntracked(root, untracked, linkTargets, diagnostics);
  // git lists each set in byte order already; merged, they need sorting once.
  const paths = untracked.size === 0 ? [...oids.keys()] : [...oids.keys(), ...untracked].sort(comparePaths);
  const listed = (path: string): boolean => oids.has(path) || untracked.has(path);
  const exists = existsIn(paths, linkTargets);
  const symlinks = new Map<string, string | null>();
  for (const [link, target] of linkTargets) symlinks.set(link, resolveLinkTarget(link, target, exists));
  const realRoot = fs.realpathSync(root);
  const readSync = (path: string): Buffer | null => {
    const r = readInside(realRoot, path);
    if (typeof r === 'string') {
      diagnostics.push(diagnostic('warning', 'scan/unreadable-file', `${path}: ${r}`, { file: path }));
      return null;
    }
    return r;
  };
  const tree: RepoTree = {
    paths,
    symlinks,
    diagnostics,
    blobId: (path) => (modified.has(path) ? undefined : oids.get(path)),
    tracked: (path) => oids.has(path),
    async read(path) {
      if (!listed(path)) return null;
      if (catFile === null) return readSync(path);
      const buf = await catFile.read(oids.get(path) as string);
      if (buf === null) diagnostics.push(diagnostic('warning', 'scan/unreadable-file', `${path}: blob ${oids.get(path)} is missing (partial clone?)`, { file: path }));
      return buf;
    },
    close: () => catFile?.close(),
  };
  if (catFile === null) tree.readSync = (path) => (listed(path) ? readSync(path) : null);
  return tree;
}

function readLinkInWorkTree(root: string, path: string): string | null {
  try {
    return fs.readlinkSync(Buffer.concat([Buffer.from(nodePath.resolve(root)), Buffer.from('/'), encodePath(path)]), 'buffer').toString('utf8');
  } catch {
    return null;
  }
}

/**
 * Untracked files git does not ignore, as regular files (into `files`) or links (into `links`);
 * a nested repository ("dir/") is skipped as git grep skips it. Notes how many ignored entries
 * GNU grep -r would have searched and these counts do not.
 */
function listUntracked(root: string, files: Set<string>, links: Map<string, string>, diagnostics: Diagnostic[]): void {
  for (const rec of splitZ(git(root, ['ls-files', '-z', '--others', '--exclude-standard']))) {
    const path = decodePath(rec);
    if (path.endsWith('/')) continue;
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(Buffer.concat([Buffer.from(nodePath.resolve(root)), Buffer.from('/'), rec]));
    } catch {
      continue; // removed since git listed it
    }
    if (stat.isFile()) files.add(path);
    else if (stat.isSymbolicLink()) {
      const target = readLinkInWorkTree(root, path);
      if (target !== null) links.set(path, target);
    }
  }
  // --directory: an ignored folder is one entry, so a huge node_modules costs nothing to count.
  const ignored = splitZ(git(root, ['ls-files', '-z', '--others', '--ignored', '--exclude-standard', '--directory', '--no-empty-directory'])).map(decodePath);
  if (ignored.length === 0) return;
  const examples = ignored.slice(0, 3).join(', ');
  diagnostics.push(diagnostic('info', 'scan/ignored-not-searched',
    `${ignored.length} ${ignored.length === 1 ? 'path' : 'paths'} git ignores (${examples}${ignored.length > 3 ? ', …' : ''}) ${ignored.length === 1 ? 'is' : 'are'} not searched by the grep commands, as \`git grep --untracked\` would not: counts cover tracked and untracked files, not ignored ones (GNU grep -r run in the work tree would read them too).`));
}
