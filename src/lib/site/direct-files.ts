/**
 * Pages written straight into the output folder once Astro has written its own
 * (`astro:build:done`, the `migratrack-direct-pages` integration in src/integrations), not through
 * Astro's per-page pipeline: the file pages without an author's note and the `/items/<n>/`
 * redirects, 40,000 of them in a 20,000-file site. Astro spends about a millisecond of CPU on each
 * page it generates even when the page is one ready string, and keeps every page's route data for
 * the whole build (issue 21, docs/BENCHMARKS.md). The routes hand their files over while Astro
 * collects their paths, as a function that makes them one at a time when called, so no more than
 * one page's HTML is held at once.
 */

/** A page as a file: its path relative to the output folder, and its HTML. */
export interface SiteFile {
  file: string;
  html: string;
}

/** Makes a route's files, one at a time, when the integration iterates them. */
export type SiteFiles = () => Iterable<SiteFile>;

/**
 * Where the routes leave their files for the integration, which runs in the same process
 * (Astro hands its own build-time data from pages to the build the same way:
 * `globalThis.astroAsset`). The key is repeated in src/integrations/direct-pages.mjs.
 */
export const DIRECT_FILES_KEY = Symbol.for('migratrack.direct-files');

/** Leaves a route's files for the integration; a second call for the same route replaces the first. */
export function queueDirectFiles(route: string, files: SiteFiles): void {
  const scope = globalThis as Record<symbol, unknown>;
  const queue = (scope[DIRECT_FILES_KEY] ??= new Map<string, SiteFiles>()) as Map<string, SiteFiles>;
  queue.set(route, files);
}
