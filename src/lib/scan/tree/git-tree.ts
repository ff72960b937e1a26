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
import { isUtf8 } from 'node:buffer';
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { diagnostic, type Diagnostic } from '../../diagnostics.js';
import { MigratrackError } from '../../errors.js';
import { READ_CHECKED, READ_NOT, READ_VOUCHED, type ReadMode, type RepoTree } from '../types.js';
import { comparePaths, decodePath, encodePath, splitZ } from './bytes.js';
import { BlobReader } from '../../git/cat-file.js';
import { runGit } from '../../git/run.js';
import { existsIn, resolveLinkTarget } from './links.js';
import { insideReader } from './safe-read.js';

interface Entry {
  mode: string;
  oid: string;
  path: string;
}

/** git's output; a repository git cannot read (a corrupt index, missing objects) is the user's to repair: one line, exit 2. */
async function git(root: string, args: string[]): Promise<Buffer> {
  const result = await runGit(root, args);
  if (result.code === 0) return result.stdout;
  const stderr = result.stderr.split('\n').find((line) => line.trim() !== '')?.trim() ?? `exit ${result.code}`;
  throw new MigratrackError('input', `git ${args.find((a) => !a.startsWith('-')) ?? ''} failed in ${root}: ${stderr} (repair the repository, e.g. \`git fsck\`, or scan a fresh clone)`, { file: root });
}

/**
 * The tree of a git repository: the working tree of indexed files, or commit `ref`. Call close()
 * when done. `prefix`: where `root` is inside its work tree ('' at the top), when the caller knows
 * it (the build does: it scans only the top of a work tree); asked of git otherwise.
 */
export async function gitTree(root: string, ref?: string, prefix?: string): Promise<RepoTree> {
  const diagnostics: Diagnostic[] = [];
  const entries: Entry[] = [];
  const modified = new Set<string>();
  const deleted = new Set<string>();
  // Both listings at once: git walks the work tree for status while it also prints the index.
  const [index, untrackedListing] = ref === undefined ? await Promise.all([git(root, ['ls-files', '-z', '-s']), workTreeStatus(root, modified, deleted, prefix)]) : [null, null];
  if (ref === undefined) indexEntries(index as Buffer, entries);
  else {
    if (ref.startsWith('-')) throw new Error(`not a revision: ${ref}`);
    // "<mode> <type> <oid>\t<path>"
    for (const rec of splitZ(await git(root, ['ls-tree', '-r', '-z', ref]))) {
      const tab = rec.indexOf(9);
      const [mode = '', , oid = ''] = rec.toString('latin1', 0, tab).split(' ');
      entries.push({ mode, oid, path: decodePath(rec.subarray(tab + 1)) });
    }
  }
  const oids = new Map<string, string>();
  const linkTargets = new Map<string, string>();
  const blobs = ref === undefined ? null : new BlobReader(root);
  // A blob git cannot give (a partial clone, git gone) is unreadable, reported per file below.
  const catFile = blobs === null ? null : { read: (oid: string) => blobs.read(oid).catch(() => null), close: () => blobs.close() };
  for (const e of entries) {
    if (deleted.has(e.path)) continue;
    if (e.mode === '120000') {
      const target = ref === undefined ? readLinkInWorkTree(root, e.path) : (await catFile?.read(e.oid))?.toString('utf8');
      if (target !== undefined && target !== null) linkTargets.set(e.path, target);
    } else if (e.mode === '100644' || e.mode === '100755') oids.set(e.path, e.oid);
  }
  const untracked = new Set<string>();
  if (untrackedListing !== null) listUntracked(root, untrackedListing, untracked, linkTargets, diagnostics);
  // git lists each set in byte order already; merged, they need sorting once.
  const paths = untracked.size === 0 ? [...oids.keys()] : [...oids.keys(), ...untracked].sort(comparePaths);
  Object.freeze(paths); // read-only from here on: pathSet keeps one set of it for the whole scan
  const listed = (path: string): boolean => oids.has(path) || untracked.has(path);
  const symlinks = new Map<string, string | null>();
  if (linkTargets.size > 0) {
    const exists = existsIn(paths, linkTargets);
    for (const [link, target] of linkTargets) symlinks.set(link, resolveLinkTarget(link, target, exists));
  }
  const realRoot = fs.realpathSync(root);
  const readInside = insideReader(realRoot);
  // git status just compared an unmodified entry's stat data with the index (a regular file of
  // that size and mode) and listUntracked lstat'ed each untracked one: no fstat needed for them.
  const readMode = (path: string): ReadMode =>
    (oids.has(path) && !modified.has(path)) || untracked.has(path) ? READ_VOUCHED : oids.has(path) ? READ_CHECKED : READ_NOT;
  const unreadable = (path: string, reason: string): void => {
    diagnostics.push(diagnostic('warning', 'scan/unreadable-file', `${path}: ${reason}`, { file: path }));
  };
  const readSync = (path: string, transient = false): Buffer | null => {
    const r = readInside(path, readMode(path) === READ_VOUCHED, transient);
    if (typeof r !== 'string') return r;
    unreadable(path, r);
    return null;
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
    ...(catFile === null ? { onDisk: { realRoot, readMode, unreadable } } : {}),
  };
  if (catFile === null) {
    tree.readSync = (path) => (listed(path) ? readSync(path) : null);
    tree.peekSync = (path) => (listed(path) ? readSync(path, true) : null);
  }
  return tree;
}

/**
 * `git ls-files -s -z` records, "<mode> <oid> <stage>\t<path>" (unmerged paths once per stage).
 * A listing that is all UTF-8 (nearly every one) is decoded once and cut into strings; otherwise
 * each name is decoded on its own, its bad bytes kept (decodePath).
 */
function indexEntries(index: Buffer, entries: Entry[]): void {
  if (!isUtf8(index)) {
    for (const rec of splitZ(index)) {
      const tab = rec.indexOf(9);
      const [mode = '', oid = ''] = rec.toString('latin1', 0, tab).split(' ');
      entries.push({ mode, oid, path: decodePath(rec.subarray(tab + 1)) });
    }
    return;
  }
  const text = index.toString('utf8');
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\0', start);
    if (end < 0) end = text.length;
    const tab = text.indexOf('\t', start);
    const space = text.indexOf(' ', start);
    entries.push({ mode: text.slice(start, space), oid: text.slice(space + 1, text.indexOf(' ', space + 1)), path: text.slice(tab + 1, end) });
    start = end + 1;
  }
}

function readLinkInWorkTree(root: string, path: string): string | null {
  try {
    return fs.readlinkSync(Buffer.concat([Buffer.from(nodePath.resolve(root)), Buffer.from('/'), encodePath(path)]), 'buffer').toString('utf8');
  } catch {
    return null;
  }
}

/** What one `git status` walk of the work tree found beyond the index's own listing. */
interface UntrackedListing {
  untracked: Buffer[];
  ignored: string[];
}

/**
 * One walk of the work tree for everything the index alone cannot say (issue 21: it was three,
 * `ls-files -m -d`, `--others` and `--others --ignored`, each a stat or readdir of every file):
 * worktree changes (Y column: `D` deleted, anything else modified), untracked files one by one
 * (`-uall`) and ignored paths as matched (an ignored folder is one entry). `--no-optional-locks`
 * keeps git from rewriting the user's index as a side effect; submodules are not files we search.
 */
async function workTreeStatus(root: string, modified: Set<string>, deleted: Set<string>, knownPrefix: string | undefined): Promise<UntrackedListing> {
  const listing: UntrackedListing = { untracked: [], ignored: [] };
  // Porcelain paths are relative to the top of the work tree, ls-files' to `root`: when `root` is
  // a folder inside the work tree, its prefix is cut off (the pathspec keeps to that folder).
  const [status, prefix] = await Promise.all([
    git(root, ['--no-optional-locks', 'status', '--porcelain=v1', '-z', '-uall', '--ignored=matching', '--ignore-submodules=all', '--no-renames', '--', '.']),
    knownPrefix ?? git(root, ['rev-parse', '--show-prefix']).then((out) => out.toString('utf8').replace(/\n$/, '')),
  ]);
  for (const rec of splitZ(status)) {
    const x = rec[0];
    const y = rec[1];
    const path = rec.subarray(3 + Buffer.byteLength(prefix));
    if (x === 0x3f /* ? */) listing.untracked.push(path);
    else if (x === 0x21 /* ! */) listing.ignored.push(decodePath(path));
    else if (y === 0x44 /* D */) deleted.add(decodePath(path));
    else if (y !== 0x20 /* space */) modified.add(decodePath(path));
  }
  return listing;
}

/**
 * Untracked files git does not ignore, as regular files (into `files`) or links (into `links`);
 * a nested repository ("dir/") is skipped as git grep skips it. Notes how many ignored entries
 * GNU grep -r would have searched and these counts do not.
 */
function listUntracked(root: string, listing: UntrackedListing, files: Set<string>, links: Map<string, string>, diagnostics: Diagnostic[]): void {
  for (const rec of listing.untracked) {
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
  const ignored = listing.ignored;
  if (ignored.length === 0) return;
  const examples = ignored.slice(0, 3).join(', ');
  diagnostics.push(diagnostic('info', 'scan/ignored-not-searched',
    `${ignored.length} ${ignored.length === 1 ? 'path' : 'paths'} git ignores (${examples}${ignored.length > 3 ? ', …' : ''}) ${ignored.length === 1 ? 'is' : 'are'} not searched by the grep commands, as \`git grep --untracked\` would not: counts cover tracked and untracked files, not ignored ones (GNU grep -r run in the work tree would read them too).`));
}
