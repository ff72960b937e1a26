/**
 * The target's paths as resolveOptions takes them from the user: the repository must be a folder,
 * and the doc a regular file inside it, reached through no symbolic link that leads out (issue 20:
 * everything migratrack reads is confined to the repository).
 */
import { existsSync, lstatSync, realpathSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { MigratrackError } from '../errors.js';

/** Throws, naming `what` (the flag or config key) and the value `given`, unless `dir` is a folder. */
export function assertDirectory(dir: string, what: string, given: string): void {
  if (!existsSync(dir)) throw new MigratrackError('usage', `${what}: ${given} does not exist (expected the repository folder to track)`, { file: dir });
  if (!statSync(dir).isDirectory()) throw new MigratrackError('usage', `${what}: ${given} is not a folder (expected the repository folder to track)`, { file: dir });
}

/**
 * The doc is repo-relative, but a path typed relative to the shell's folder is accepted too. It is
 * read with the confinement of every other path (issue 20): it must be a regular file whose real
 * path is inside the repository's, so a doc committed as a symbolic link to a file outside the
 * repository is refused, never read or published. A FIFO is named as such without being opened.
 */
export function locateDoc(doc: string, repo: string, base: string, what: string): string {
  const candidates = path.isAbsolute(doc) ? [doc] : [path.join(repo, doc), path.resolve(base, doc)];
  const found = candidates.find((c) => lstatOrNull(c) !== null);
  const stat = found === undefined ? null : lstatOrNull(found);
  if (found === undefined || stat === null) {
    throw new MigratrackError('usage', `${what}: ${doc} not found in ${repo} (expected the tracking markdown file, relative to the repository)`, { file: candidates[0] });
  }
  const realRepo = realOrNull(repo) ?? repo;
  const real = realOrNull(found);
  if (stat.isSymbolicLink()) {
    if (real === null) throw new MigratrackError('usage', `${what}: ${doc} is a broken symbolic link (expected the tracking markdown file)`, { file: found });
    const where = isInside(realRepo, real) ? 'inside the repository; name that file itself, so its history can be read' : `outside the repository ${repo}; migratrack reads no file outside it`;
    throw new MigratrackError('usage', `${what}: ${doc} is a symbolic link to ${real}, ${where}`, { file: found });
  }
  if (stat.isDirectory()) throw new MigratrackError('usage', `${what}: ${doc} is a directory (expected the tracking markdown file in it)`, { file: found });
  if (!stat.isFile()) throw new MigratrackError('usage', `${what}: ${doc} is not a regular file (a FIFO, socket or device; expected the tracking markdown file)`, { file: found });
  if (!isInside(repo, found)) {
    throw new MigratrackError('usage', `${what}: ${doc} is outside the repository ${repo} (expected a file inside it, so its history can be read)`, { file: found });
  }
  // A symbolic link on the way (a linked docs/ folder) must not lead out either.
  if (real === null || !isInside(realRepo, real)) {
    throw new MigratrackError('usage', `${what}: ${doc} leads outside the repository ${repo} through a symbolic link (its real path is ${real ?? 'unknown'}); migratrack reads no file outside it`, { file: found });
  }
  return found;
}

function isInside(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/** The file's own stat (a link's, not its target's), or null when there is nothing there. */
export function lstatOrNull(file: string): Stats | null {
  try {
    return lstatSync(file);
  } catch {
    return null;
  }
}

/** The real path, or null when it does not resolve (missing, a broken link, a loop). */
export function realOrNull(file: string): string | null {
  try {
    return realpathSync(file);
  } catch {
    return null;
  }
}
