/**
 * `--out` is only ever a folder migratrack made (issue 20, data loss): `build --out .` in a
 * repository used to replace the whole repository with the site, `--out docs` deleted the tracking
 * doc, `--out app/alpha.py` turned a source file into a folder. Before any work, and again just
 * before the new site is swapped in, the output folder is checked against everything the build
 * reads or must keep; the swap (render-site.ts) then only deletes a folder that carries the marker
 * file migratrack writes into every site it builds.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { lstatOrNull, realOrNull } from '../config/target-paths.js';
import { MigratrackError } from '../errors.js';
import { GIT_ENV, runGitSync } from '../git/run.js';

/** The file in every built site that says "migratrack made this folder; it may replace it". */
export const SITE_MARKER = '.migratrack-site';

/** The marker's content: a small stamp, versioned like every file migratrack writes. */
export const SiteMarker = z.object({
  /** Always "migratrack": a folder is ours only if it says so. */
  generator: z.literal('migratrack'),
  /** The marker format. */
  markerVersion: z.literal(1),
});
export type SiteMarker = z.infer<typeof SiteMarker>;

export const SITE_MARKER_STAMP: SiteMarker = { generator: 'migratrack', markerVersion: 1 };

/** A path the site folder must neither be nor contain, with how to name it in the message. */
export interface KeptPath {
  path: string;
  what: string;
}

export interface OutDirInput {
  /** Absolute output folder. */
  outDir: string;
  /** Absolute repository root. */
  repo: string;
  /** Files and folders the build reads or must keep: the repository, the doc, the history, … */
  kept: readonly KeptPath[];
  /** `--force`: an existing folder without the marker may be replaced (its content is kept aside). */
  force: boolean;
  /** The folder the command runs in: messages name the output relative to it. */
  cwd?: string;
}

/**
 * What the swap may do with the folder that is there now: nothing is there (`absent`), an empty
 * folder (`empty`, removed), a site migratrack built (`site`, replaced and deleted), or, with
 * --force, a folder migratrack did not make (`foreign`: moved aside and kept, never deleted).
 */
export type OutDirState = 'absent' | 'empty' | 'site' | 'foreign';

/**
 * Checks `outDir` and says what is there.
 * @throws MigratrackError('usage') naming the folder and why it cannot be the site folder.
 */
export function checkOutDir(input: OutDirInput): OutDirState {
  const out = path.resolve(input.outDir);
  const shown = displayed(out, input.cwd ?? process.cwd());
  const refuse = (why: string): never => {
    throw new MigratrackError('usage', `--out: ${shown} ${why}`, { file: out });
  };
  const stat = lstatOrNull(out);
  if (stat?.isSymbolicLink()) refuse('is a symbolic link; name the folder itself (migratrack replaces the site folder and never follows a link to do it)');
  if (stat !== null && !stat.isDirectory()) refuse('is a file, not a folder; migratrack only writes its site into a folder of its own (e.g. dist/)');
  const real = realOrPlanned(out, refuse);
  if (real === path.parse(real).root) refuse('is the root of the filesystem; choose a folder of its own for the site (e.g. dist/)');
  const home = realOrNull(homedir());
  if (home !== null && contains(real, home)) refuse(`${real === home ? 'is' : 'contains'} your home folder; choose a folder of its own for the site (e.g. dist/)`);
  for (const kept of input.kept) {
    const keptReal = realOrNull(kept.path) ?? path.resolve(kept.path);
    if (contains(real, keptReal)) refuse(`${real === keptReal ? 'is' : 'contains'} ${kept.what} (${kept.path}); the site would replace it. Choose a folder of its own (e.g. dist/)`);
  }
  if (stat === null) return 'absent';
  let entries: string[] = [];
  try {
    entries = readdirSync(out);
  } catch (error) {
    refuse(`cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}); migratrack replaces only a folder it can check`);
  }
  if (entries.length === 0) return 'empty';
  if (isMarkedSite(out)) return 'site';
  const realRepo = realOrNull(input.repo) ?? path.resolve(input.repo);
  if (contains(realRepo, real)) {
    const tracked = trackedFileIn(realRepo, real);
    if (tracked === undefined) refuse(`holds files of the repository ${input.repo}, which is not a git repository (every file in it is scanned); choose a folder outside it or an empty one`);
    if (tracked !== null) refuse(`holds files tracked in the repository (${tracked}); the site would replace them. Choose a folder of its own (e.g. dist/)`);
  }
  if (!input.force) {
    refuse(`already holds files migratrack did not write (no ${SITE_MARKER} marker in it); empty it, choose another folder, or pass --force to replace it (its content is then moved aside, not deleted)`);
  }
  return 'foreign';
}

/** True when `dir` holds a valid marker file (a regular file, not a link, with migratrack's stamp). */
export function isMarkedSite(dir: string): boolean {
  const file = path.join(dir, SITE_MARKER);
  const stat = lstatOrNull(file);
  if (stat === null || !stat.isFile() || stat.size > 4096) return false;
  try {
    return SiteMarker.safeParse(JSON.parse(readFileSync(file, 'utf8'))).success;
  } catch {
    return false;
  }
}

/** A path as the user most likely typed it: relative to the current folder when under it. */
function displayed(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  if (relative === '') return '.';
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

/** `inner` is `outer` or below it (both absolute and normalised). */
function contains(outer: string, inner: string): boolean {
  const relative = path.relative(outer, inner);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * The real path `out` has or will have: its nearest existing ancestor's real path plus the rest,
 * so a symlinked parent cannot hide that the folder is inside the repository.
 */
function realOrPlanned(out: string, refuse: (why: string) => never): string {
  const missing: string[] = [];
  let at = out;
  for (;;) {
    const stat = lstatOrNull(at);
    if (stat !== null) {
      if (!stat.isDirectory() && !stat.isSymbolicLink()) refuse(`is inside ${at}, which is a file, not a folder`);
      const real = realOrNull(at);
      if (real === null) refuse(`is inside ${at}, which cannot be resolved (a broken symbolic link?)`);
      return path.join(real as string, ...missing.reverse());
    }
    const parent = path.dirname(at);
    if (parent === at) return out;
    missing.push(path.basename(at));
    at = parent;
  }
}

/**
 * A file git tracks under `dir` (inside the repository `repo`): its repo path, null when there is
 * none, undefined when `repo` is not a git work tree. `:(literal)` keeps the folder name from
 * being read as a glob.
 */
function trackedFileIn(repo: string, dir: string): string | null | undefined {
  const relative = path.relative(repo, dir).split(path.sep).join('/');
  // Read-only question: no optional index refresh (the user's repository is not ours to write).
  const result = runGitSync(repo, ['ls-files', '-z', '--', `:(literal)${relative === '' ? '.' : relative}`], {
    env: { ...GIT_ENV, GIT_OPTIONAL_LOCKS: '0' },
  });
  if (result.code !== 0) return undefined;
  const first = result.stdout.subarray(0, Math.max(0, result.stdout.indexOf(0))).toString('utf8');
  return first === '' ? null : first;
}
