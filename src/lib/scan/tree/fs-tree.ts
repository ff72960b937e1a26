/**
 * fsTree: a RepoTree over a plain directory. Listed by bytes with readdir (like grep -r: hidden
 * files included, links recorded but never walked). fast-glob is not used for the listing: with
 * `**` it silently drops names containing a newline and mangles non-UTF-8 names, and grep sees
 * both. Reads never leave the root (safe-read.ts).
 */
import * as fs from 'node:fs';
import { diagnostic, type Diagnostic } from '../../diagnostics.js';
import { READ_CHECKED, READ_VOUCHED, type ReadMode, type RepoTree } from '../types.js';
import { decodePath, encodePath } from './bytes.js';
import { ignoreMatcher } from './ignore.js';
import { pathSet } from './path-set.js';
import { insideReader } from './safe-read.js';

/** The tree of a directory; `ignore` takes globs on repo paths (`**` allowed), e.g. `['node_modules/**']`. */
export function fsTree(root: string, ignore: string[] = []): RepoTree {
  const diagnostics: Diagnostic[] = [];
  const realRoot = fs.realpathSync(root);
  const files: string[] = [];
  const links: string[] = [];
  walk(realRoot, '', files, links, diagnostics, ignoreMatcher(ignore));
  files.sort((a, b) => Buffer.compare(encodePath(a), encodePath(b)));
  const symlinks = new Map<string, string | null>();
  for (const link of links) symlinks.set(link, resolveOnDisk(realRoot, link));
  const readInside = insideReader(realRoot);
  // A listed path was a regular file in its directory's readdir a moment ago.
  const listed = pathSet(Object.freeze(files));
  const readMode = (path: string): ReadMode => (listed.has(path) ? READ_VOUCHED : READ_CHECKED);
  const unreadable = (path: string, reason: string): void => {
    diagnostics.push(diagnostic('warning', 'scan/unreadable-file', `${path}: ${reason}`, { file: path }));
  };
  const readSync = (path: string, transient = false): Buffer | null => {
    const r = readInside(path, listed.has(path), transient);
    if (typeof r !== 'string') return r;
    unreadable(path, r);
    return null;
  };
  const onDisk = { realRoot, readMode, unreadable };
  return { paths: files, symlinks, diagnostics, onDisk, readSync: (path) => readSync(path), peekSync: (path) => readSync(path, true), read: async (path) => readSync(path) };
}

function abs(realRoot: string, path: string): Buffer {
  return path === '' ? Buffer.from(realRoot) : Buffer.concat([Buffer.from(realRoot), Buffer.from('/'), encodePath(path)]);
}

function walk(realRoot: string, dir: string, files: string[], links: string[], diagnostics: Diagnostic[], ignored: (p: string) => boolean): void {
  let dirents: fs.Dirent<Buffer>[];
  try {
    dirents = fs.readdirSync(abs(realRoot, dir), { withFileTypes: true, encoding: 'buffer' });
  } catch (e) {
    diagnostics.push(diagnostic('warning', 'scan/unreadable-dir', `${dir || '.'}: cannot be listed (${(e as NodeJS.ErrnoException).code})`, { file: dir }));
    return;
  }
  for (const d of dirents) {
    const name = decodePath(d.name as unknown as Buffer);
    const path = dir ? `${dir}/${name}` : name;
    if (ignored(path)) continue;
    if (d.isSymbolicLink()) links.push(path);
    else if (d.isFile()) files.push(path);
    else if (d.isDirectory()) walk(realRoot, path, files, links, diagnostics, ignored);
  }
}

/** Where a link leads inside the root (realpath), or null when outside, dangling or looping. */
function resolveOnDisk(realRoot: string, link: string): string | null {
  try {
    const real = decodePath(fs.realpathSync(abs(realRoot, link), { encoding: 'buffer' }));
    if (real === realRoot) return '';
    return real.startsWith(`${realRoot}/`) ? real.slice(realRoot.length + 1) : null;
  } catch {
    return null;
  }
}
