/**
 * The .gitignore lines `init` adds for what migratrack writes in a repository (issue 23): the
 * snapshot and local history under .migratrack/ and the site. Appended only when missing, never
 * rewriting the user's own lines.
 */
import { existsSync } from 'node:fs';
import { appendFile, readFile } from 'node:fs/promises';

/** `.migratrack/`, `/dist/`, `dist` … all ignore the same folder at the root. */
function folderOf(line: string): string {
  return line.trim().replace(/^\//, '').replace(/\/$/, '');
}

/** The entries of `wanted` that `existing` (a .gitignore's text) does not already have. */
export function missingIgnoreEntries(existing: string, wanted: readonly string[]): string[] {
  const present = new Set(existing.split(/\r?\n/).map(folderOf));
  return wanted.filter((entry) => !present.has(folderOf(entry)));
}

/** Appends the missing entries to `file`; returns those added. */
export async function addIgnoreEntries(file: string, wanted: readonly string[]): Promise<string[]> {
  const existing = existsSync(file) ? await readFile(file, 'utf8') : '';
  const missing = missingIgnoreEntries(existing, wanted);
  if (missing.length === 0) return [];
  const separator = existing === '' || existing.endsWith('\n') ? '' : '\n';
  await appendFile(file, `${separator}# Written by migratrack (migratrack init)\n${missing.join('\n')}\n`);
  return missing;
}
