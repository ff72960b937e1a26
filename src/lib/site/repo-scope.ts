/**
 * One Astro build for every repository of an org site (issue 24, `build --merge`): the build's
 * pages are each repository's pages in turn, and while one is rendered it is the "current"
 * repository. `siteData()`, `siteContext()` and the layout read it from here, so the pages are the
 * same code, and the same HTML, as a single repository's build at base `<base><name>/`.
 *
 * The scope is a plain variable, not an AsyncLocalStorage: a merged build renders one page at a
 * time (`build.concurrency` 1, astro.config.mjs) and sets the scope in the page's own frontmatter
 * (src/merged/repo-page.astro) before its content renders; the enumeration of the pages and the
 * direct files (src/integrations/direct-pages.mjs) are synchronous code run inside `withRepo`.
 */
import { readFileSync } from 'node:fs';
import * as z from 'zod/v4';
import { parseJsonFile } from './load.js';

/** One repository of a merged build: its name (URL segment) and its data files. */
export const MergedRepo = z.object({
  /** The repository's name in the org site. @example "billing-api" */
  name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/),
  /** Its snapshot, as `migratrack build` passes one to Astro. @example "/tmp/.dist.building-1/.inputs/billing-api/snapshot.json" */
  snapshotFile: z.string(),
  /** Its history file. @example "/tmp/.dist.building-1/.inputs/billing-api/history.json" */
  historyFile: z.string(),
});
export type MergedRepo = z.infer<typeof MergedRepo>;

/** The file `MIGRATRACK_MERGE_MANIFEST` names: the repositories one merged build renders. */
export const MergeManifest = z.object({
  /** Version of this file. @example 1 */
  version: z.literal(1),
  /** The org site's base path; each repository's pages are under `<base><name>/`. @example "/migration/" */
  base: z.string(),
  /** The repositories, in the order their pages are rendered. */
  repos: z.array(MergedRepo),
});
export type MergeManifest = z.infer<typeof MergeManifest>;

let current: MergedRepo | null = null;
/** How many `withRepo` calls are running: only inside one are a merged build's repository paths listed. */
let scoped = 0;
let manifest: { file: string; value: MergeManifest } | null = null;

/** The repository whose page is being made, or null in a single repository's build. */
export function currentRepo(): MergedRepo | null {
  return current;
}

/** Makes `repo` the current repository for the rest of this page (see the file comment). */
export function enterRepo(repo: MergedRepo | null): void {
  current = repo;
}

/** Runs `work` with `repo` current, then restores the repository that was. */
export function withRepo<T>(repo: MergedRepo, work: () => T): T {
  const before = current;
  current = repo;
  scoped += 1;
  try {
    return work();
  } finally {
    scoped -= 1;
    current = before;
  }
}

/** Iterates `items` (made lazily, e.g. pages written one by one) with `repo` current at each step. */
export function* iterateInRepo<T>(repo: MergedRepo, items: () => Iterable<T>): Generator<T> {
  const iterator = withRepo(repo, () => items()[Symbol.iterator]());
  for (;;) {
    const step = withRepo(repo, () => iterator.next());
    if (step.done) return;
    yield step.value;
  }
}

/** The merged build's repositories (MIGRATRACK_MERGE_MANIFEST), or null in a single repository's build. */
export function mergeManifest(env: NodeJS.ProcessEnv = process.env): MergeManifest | null {
  const file = env.MIGRATRACK_MERGE_MANIFEST;
  if (!file) return null;
  if (manifest?.file !== file) manifest = { file, value: parseJsonFile(readFileSync(file, 'utf8'), file, MergeManifest, 'merge manifest') };
  return manifest.value;
}

/**
 * A route's paths, except at the root of a merged build: there the repositories' pages are all
 * under `/<name>/` and the org dashboard is the root, so the routes of src/pages make none of
 * their own (their static pages are made and dropped; see pipeline/merge-site.ts). Tested on the
 * scope, not on `current`: the last repository page rendered leaves its repository current, and
 * Astro asks the routes after it for their paths then (they listed, and wrote, that repository's
 * 4,000 file pages and redirects a second time, at the root).
 */
export function routePaths<T>(paths: () => T[]): T[] {
  return scoped === 0 && mergeManifest() !== null ? [] : paths();
}

/** A route's params: its own, or, rendered inside a merged build's page, the ones that page passes. */
export function routeParams<T extends Record<string, string | undefined>>(astro: { params: T; props: Record<string, unknown> }): T {
  return (astro.props.routeParams as T | undefined) ?? astro.params;
}
