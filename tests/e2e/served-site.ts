/**
 * The set-up most e2e files share: a site built from a snapshot (and history) into the run's own
 * folder, served under its base path like GitHub Pages, and chromium launched for it; then all of
 * it closed and the folder removed (kept with MIGRATRACK_E2E_KEEP=1, to look at the pages).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { launch, type Browser } from './browser.js';
import { buildSite, type SiteInput } from './build.js';
import { startServer, type StaticServer } from './server.js';

export interface ServedSite {
  server: StaticServer;
  browser: Browser;
  /** The built site: `<work>/dist`. */
  dist: string;
}

/** Builds `input` under `base` into `<work>/dist`, serves it and launches chromium for it. */
export async function serveSite(work: string, input: Omit<SiteInput, 'isFixture'>, base: string): Promise<ServedSite> {
  // The server first: the build must know the site's origin for its absolute URLs.
  const server = await startServer();
  try {
    const dist = join(work, 'dist');
    await buildSite({ ...input, isFixture: false }, dist, base, `${server.origin}${base}`);
    server.serve(dist, base);
    return { server, dist, browser: await launch(server.origin) };
  } catch (error) {
    await server.close();
    throw error;
  }
}

/** Closes what serveSite started (whatever of it did start) and removes the run's folder. */
export async function closeSite(site: ServedSite | undefined, work: string | undefined): Promise<void> {
  await site?.browser.close();
  await site?.server.close();
  if (work && !process.env.MIGRATRACK_E2E_KEEP) rmSync(work, { recursive: true, force: true });
}
