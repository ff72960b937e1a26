/**
 * Renders the site with Astro from a snapshot already on disk. Astro builds into a temporary
 * folder beside the output; only a finished build replaces the previous site, so a failed run
 * never leaves a half-written `dist/` (issue 8: nothing lost). The output folder is checked
 * (out-dir.ts) before the build and again before the swap, and the swap deletes only a folder
 * that carries migratrack's marker (issue 20).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { mkdir, readdir, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkOutDir, SITE_MARKER, SITE_MARKER_STAMP, type OutDirInput, type OutDirState } from './out-dir.js';
import { checkNotesFolder } from './notes-folder.js';
import { AstroBuildFailure, siteFault } from './site-faults.js';

/** The folder holding astro.config.mjs and src/pages: the package root, wherever it is installed. */
export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * Astro's command-line script, found as Node finds any dependency: npm may have put astro in
 * migratrack's own node_modules or hoisted it beside migratrack (issue 23: a tarball install
 * failed looking for it under the package).
 */
export function astroCli(): string {
  return join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'astro.js');
}

export interface RenderInput {
  snapshotFile: string;
  historyFile: string | null;
  notesDir: string | null;
  /** True when the config allows `.mdx` notes in `notesDir` (they run code at build time). */
  notesMdx?: boolean;
  outDir: string;
  base: string;
  site: string | null;
  verbose: boolean;
  /**
   * What the output folder must not be or contain, and whether --force was given (out-dir.ts).
   * Without one, the output may still not be or contain the package or the current folder.
   */
  guard?: Omit<OutDirInput, 'outDir'>;
  /** A merged build's repositories (MIGRATRACK_MERGE_MANIFEST, src/lib/site/repo-scope.ts); issue 24. */
  mergeManifest?: string;
}

export interface RenderResult {
  outDir: string;
  pages: number;
  /** With --force, where the folder that was at `outDir` (not a migratrack site) was moved; else null. */
  keptAside: string | null;
}

export async function renderSite(input: RenderInput): Promise<RenderResult> {
  const finalDir = resolve(input.outDir);
  const guard: OutDirInput = { ...defaultGuard(), ...input.guard, outDir: input.outDir };
  checkNotesFolder(notesFolder(input.notesDir), input.notesMdx === true);
  checkOutDir(guard);
  const stamp = buildStamp();
  const tempDir = join(dirname(finalDir), `.${basename(finalDir)}.building-${stamp}`);
  // Astro stages its server chunks in `<cwd>/.astro/` when outDir is outside the cwd
  // (astro/dist/core/build/common.js getOutDirWithinCwd). They must stay under the package (they
  // import its node_modules), but with the package root itself as cwd, two builds at once deleted
  // each other's chunks ("Cannot find module .astro/renderers.mjs"): each build gets its own cwd.
  const workDir = buildFolder(PACKAGE_ROOT, stamp);
  try {
    await mkdir(dirname(finalDir), { recursive: true });
    // Made here, not by Astro: a read-only disk or a folder it cannot write fails now, with its
    // own errno (Astro reported EROFS as ENOENT), instead of after the whole build.
    await mkdir(tempDir);
    await mkdir(workDir, { recursive: true });
    await runAstroBuild({ ...input, outDir: tempDir }, workDir);
    await writeFile(join(tempDir, SITE_MARKER), `${JSON.stringify(SITE_MARKER_STAMP)}\n`);
  } catch (error) {
    await rm(tempDir, { recursive: true, force: true }).catch(() => undefined);
    throw siteFault(error, finalDir);
  } finally {
    await rm(workDir, { recursive: true, force: true }).catch(() => undefined);
  }
  let keptAside: string | null;
  try {
    // Again: the folder may have changed during the build.
    keptAside = await swapInto(tempDir, finalDir, stamp, checkOutDir(guard));
  } catch (error) {
    await rm(tempDir, { recursive: true, force: true }).catch(() => undefined);
    throw siteFault(error, finalDir);
  }
  return { outDir: finalDir, pages: await countPages(finalDir), keptAside };
}

/** The paths no output folder may be or contain, whoever renders: the package itself and the current folder. */
function defaultGuard(): Omit<OutDirInput, 'outDir'> {
  return {
    repo: process.cwd(),
    kept: [
      { path: PACKAGE_ROOT, what: 'migratrack itself' },
      { path: process.cwd(), what: 'the current folder' },
    ],
    force: false,
  };
}

/**
 * The notes folder for Astro, from the caller or else the user's own MIGRATRACK_NOTES_DIR, made
 * absolute here: a relative one means the user's current folder, and Astro runs in another.
 */
export function notesFolder(explicit: string | null = null): string | null {
  const dir = explicit ?? process.env.MIGRATRACK_NOTES_DIR;
  return dir ? resolve(dir) : null;
}

/** How the pipeline runs `astro build`; the site benchmark runs its builds the same way. */
export interface AstroBuildCommand {
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/**
 * A name no other build of this machine is using: two builds started by one process in the same
 * millisecond (concurrent tests) shared a work folder, and one deleted the other's chunks.
 */
export function buildStamp(): string {
  return `${process.pid}-${Date.now()}-${randomBytes(4).toString('hex')}`;
}

/** The folder a build of `root` named `name` runs from: its own, under `root`, outside the output. */
export function buildFolder(root: string, name: string): string {
  return join(root, '.astro', 'builds', name);
}

/**
 * V8's heap may grow to up to 4× what survived its last full collection before it collects again;
 * a 20,000-file build keeps ≈ 160 MB alive (the site's data, Vite's build state, code) yet peaked
 * at 600–680 MB, the rest garbage not yet collected (heap snapshots, docs/BENCHMARKS.md). Growing
 * by half instead keeps the peak near 450 MB for ≈ 5 % more CPU (issue 21: < 600 MB at 20k).
 */
export const ASTRO_BUILD_NODE_FLAGS = ['--heap-growing-percent=50'] as const;

/**
 * The `astro build` of `root` (the package, or the benchmark's bare project) into `input.outDir`,
 * run from `workDir`: a fresh folder of this build's own (`buildFolder`), outside the output.
 */
export function astroBuildCommand(input: RenderInput, workDir: string, root = PACKAGE_ROOT): AstroBuildCommand {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    MIGRATRACK_SNAPSHOT: resolve(input.snapshotFile),
    MIGRATRACK_OUT_DIR: resolve(input.outDir),
    MIGRATRACK_BASE: input.base,
    ASTRO_TELEMETRY_DISABLED: '1',
    // Astro's content data store lives in its cacheDir: a private one per build, or two builds
    // at once read each other's half-written store (UnknownContentCollectionError).
    MIGRATRACK_CACHE_DIR: join(workDir, 'cache'),
  };
  // A test runner's environment (vitest exports NODE_ENV=test, MODE, VITEST_*) must not reach the build.
  for (const key of Object.keys(env)) if (/^(NODE_ENV|MODE|BASE_URL|DEV|PROD|SSR|VITEST.*)$/.test(key)) delete env[key];
  if (input.historyFile && existsSync(input.historyFile)) env.MIGRATRACK_HISTORY = resolve(input.historyFile);
  else delete env.MIGRATRACK_HISTORY;
  const notesDir = notesFolder(input.notesDir);
  if (notesDir) env.MIGRATRACK_NOTES_DIR = notesDir;
  // Only the pipeline's own say-so allows MDX notes, never one left in the caller's environment.
  if (input.notesMdx === true) env.MIGRATRACK_NOTES_MDX = '1';
  else delete env.MIGRATRACK_NOTES_MDX;
  if (input.site) env.MIGRATRACK_SITE = input.site;
  if (input.mergeManifest) env.MIGRATRACK_MERGE_MANIFEST = resolve(input.mergeManifest);
  else delete env.MIGRATRACK_MERGE_MANIFEST;
  return { command: process.execPath, args: [...ASTRO_BUILD_NODE_FLAGS, astroCli(), 'build', '--root', root], cwd: workDir, env };
}

/** Runs `astro build` as astroBuildCommand says; a failure is an AstroBuildFailure with the end of its output. */
export function runAstroBuild(input: RenderInput, workDir: string): Promise<void> {
  const { command, args, cwd, env } = astroBuildCommand(input, workDir);
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd, env, stdio: input.verbose ? 'inherit' : ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout = keepTail(stdout + chunk.toString())));
    child.stderr?.on('data', (chunk: Buffer) => (stderr = keepTail(stderr + chunk.toString())));
    child.on('error', fail);
    child.on('close', (code) => {
      if (code === 0) done();
      else fail(new AstroBuildFailure(code, stdout, stderr));
    });
  });
}

/**
 * Moves the finished site into place. Only a marked previous site is deleted; an empty folder is
 * removed with rmdir (which fails rather than delete anything that appeared in it); a folder
 * migratrack did not make (allowed by --force) is moved aside and kept. Returns where it was kept.
 */
/** Astro's output is kept only to explain a failure: its last 64 KB, not a 5,000-page log. */
function keepTail(text: string): string {
  return text.length > 65_536 ? text.slice(-65_536) : text;
}

export async function swapInto(tempDir: string, finalDir: string, stamp: string, state: OutDirState): Promise<string | null> {
  if (state === 'empty') await rmdir(finalDir);
  const aside = state === 'site' ? `${finalDir}.old-${stamp}` : state === 'foreign' ? `${finalDir}.before-migratrack-${stamp}` : null;
  if (aside !== null) await rename(finalDir, aside);
  try {
    await rename(tempDir, finalDir);
  } catch (error) {
    if (aside !== null) await rename(aside, finalDir);
    throw error;
  }
  if (state === 'site' && aside !== null) await rm(aside, { recursive: true, force: true });
  return state === 'foreign' ? aside : null;
}

async function countPages(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true });
  return entries.filter((entry) => entry.endsWith('.html')).length;
}
