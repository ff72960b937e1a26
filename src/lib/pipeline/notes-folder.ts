/**
 * A user's notes folder may hold `.mdx` files only when the config allows them (issue 20): MDX is
 * JavaScript that runs while the site is built, with the build's file system and, in CI, the job's
 * token. The package's own example note (examples/notes, the demo's) is migratrack's and is exempt. This
 * check stops the build before any work; astro.config.mjs refuses the same files again for a
 * build run some other way.
 */
import type fastGlob from 'fast-glob';
import { createRequire } from 'node:module';
import path from 'node:path';
import { MigratrackError } from '../errors.js';

/** fast-glob (≈ 30 CommonJS modules) only once a user's notes folder is checked: never in `scan`. */
let fg: typeof fastGlob | undefined;

/** What the config says to allow `.mdx` notes (docs/CLI.md). */
export const MDX_OPT_IN = 'notes: { dir: "…", mdx: true }';

/**
 * Refuses a notes folder holding an `.mdx` file (any case, at any depth, a link too) unless
 * `allowMdx`. `dir` null means migratrack's own example note.
 * @throws MigratrackError('usage') naming the first such file and the opt-in.
 */
export function checkNotesFolder(dir: string | null, allowMdx: boolean): void {
  if (dir === null || allowMdx) return;
  fg ??= createRequire(import.meta.url)('fast-glob') as typeof fastGlob;
  const found = fg.sync('**/*.mdx', { cwd: dir, dot: true, onlyFiles: false, followSymbolicLinks: false, caseSensitiveMatch: false, suppressErrors: true }).sort();
  const first = found[0];
  if (first === undefined) return;
  const file = path.join(dir, first);
  const more = found.length > 1 ? ` (and ${found.length - 1} more)` : '';
  throw new MigratrackError(
    'usage',
    `the note ${file}${more} is MDX, which runs code when the site is built; allow it with ${MDX_OPT_IN} in the config (see docs/SECURITY.md) or rename it to .md`,
    { file },
  );
}
