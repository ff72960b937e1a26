/**
 * Renders the site with Astro from a snapshot already on disk. Astro builds into a temporary
 * folder beside the output; only a finished build replaces the previous site, so a failed run
 * never leaves a half-written `dist/` (issue 8: nothing lost).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MigratrackError } from '../errors.js';

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
  outDir: string;
  base: string;
  site: string | null;
  verbose: boolean;
}

export interface RenderResult {
  outDir: string;
  pages: number;
}

export async function renderSite(input: RenderInput): Promise<RenderResult> {
  const finalDir = resolve(input.outDir);
  await mkdir(dirname(finalDir), { recursive: true });
  const stamp = `${process.pid}-${Date.now()}`;
  const tempDir = join(dirname(finalDir), `.${basename(finalDir)}.building-${stamp}`);
  // Astro stages its server chunks in `<cwd>/.astro/` when outDir is outside the cwd
  // (astro/dist/core/build/common.js getOutDirWithinCwd). They must stay under the package (they
  // import its node_modules), but with the package root itself as cwd, two builds at once deleted
  // each other's chunks ("Cannot find module .astro/renderers.mjs"): each build gets its own cwd.
  const workDir = buildFolder(PACKAGE_ROOT, stamp);
  await mkdir(workDir, { recursive: true });
  try {
    await runAstroBuild({ ...input, outDir: tempDir }, workDir);
  } catch (error) {
    await rm(tempDir, { recursive: true, force: true });
    throw error;
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
  await swapInto(tempDir, finalDir, stamp);
  return { outDir: finalDir, pages: await countPages(finalDir) };
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

/** The folder a build of `root` named `name` runs from: its own, under `root`, outside the output. */
export function buildFolder(root: string, name: string): string {
  return join(root, '.astro', 'builds', name);
}

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
  if (input.site) env.MIGRATRACK_SITE = input.site;
  return { command: process.execPath, args: [astroCli(), 'build', '--root', root], cwd: workDir, env };
}

function runAstroBuild(input: RenderInput, workDir: string): Promise<void> {
  const { command, args, cwd, env } = astroBuildCommand(input, workDir);
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd, env, stdio: input.verbose ? 'inherit' : ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => {
      if (code === 0) done();
      else fail(new Error(`astro build failed (exit ${code}):\n${output.slice(-4000)}`));
    });
  });
}

async function swapInto(tempDir: string, finalDir: string, stamp: string): Promise<void> {
  const oldDir = `${finalDir}.old-${stamp}`;
  const hadPrevious = existsSync(finalDir);
  if (hadPrevious) await rename(finalDir, oldDir);
  try {
    await rename(tempDir, finalDir);
  } catch (error) {
    if (hadPrevious) await rename(oldDir, finalDir);
    throw new MigratrackError('input', `could not move the new site into ${finalDir}: ${(error as Error).message}`);
  }
  if (hadPrevious) await rm(oldDir, { recursive: true, force: true });
}

async function countPages(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true });
  return entries.filter((entry) => entry.endsWith('.html')).length;
}
