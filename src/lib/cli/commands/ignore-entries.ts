/**
 * The .gitignore lines `init` adds for what migratrack writes in a repository (issue 23): the
 * snapshot and local history under .migratrack/ and the site. Appended only when missing, never
 * rewriting the user's own lines.
 */
import { appendFile, lstat, readFile } from 'node:fs/promises';

/** `.migratrack/`, `/dist/`, `dist` … all ignore the same folder at the root. */
function folderOf(line: string): string {
  return line.trim().replace(/^\//, '').replace(/\/$/, '');
}

/** The entries of `wanted` that `existing` (a .gitignore's text) does not already have. */
export function missingIgnoreEntries(existing: string, wanted: readonly string[]): string[] {
  const present = new Set(existing.split(/\r?\n/).map(folderOf));
  return wanted.filter((entry) => !present.has(folderOf(entry)));
}

/** What `addIgnoreEntries` did: the entries it added, or why it left the file alone. */
export type IgnoreUpdate = { added: string[] } | { leftAlone: string };

/**
 * Appends the missing entries to `file`. A .gitignore that is a folder, a symlink or anything but
 * a regular file is left alone (git itself does not follow a symlinked .gitignore), with the reason.
 */
export async function addIgnoreEntries(file: string, wanted: readonly string[]): Promise<IgnoreUpdate> {
  const stats = await lstat(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (stats !== null && !stats.isFile()) return { leftAlone: stats.isDirectory() ? 'it is a folder' : stats.isSymbolicLink() ? 'it is a symlink' : 'it is not a regular file' };
  const existing = stats === null ? '' : await readFile(file, 'utf8');
  const missing = missingIgnoreEntries(existing, wanted);
  if (missing.length === 0) return { added: [] };
  const separator = existing === '' || existing.endsWith('\n') ? '' : '\n';
  await appendFile(file, `${separator}# Written by migratrack (migratrack init)\n${missing.join('\n')}\n`);
  return { added: missing };
}
