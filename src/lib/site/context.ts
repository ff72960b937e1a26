/// <reference types="astro/client" />
/**
 * The bridge from Astro to the pure builders: the base path and site from `import.meta.env`
 * (set by astro.config.mjs from MIGRATRACK_BASE / MIGRATRACK_SITE), and the build's data. In a
 * merged build (issue 24) both are the current repository's (./repo-scope.ts): its pages live
 * under `<base><name>/` and read its own snapshot and history.
 */
import { loadSiteData, type SiteData } from './load.js';
import { currentRepo } from './repo-scope.js';
import { normaliseBase, type SiteContext } from './urls.js';

/** The base path of the whole build: where its shared assets are (`_astro/`), whatever repository is current. */
export function buildBase(): string {
  return normaliseBase(import.meta.env.BASE_URL ?? '/');
}

/** The build's site context. Only called from .astro files and endpoints. */
export function siteContext(): SiteContext {
  const site = import.meta.env.SITE;
  const repo = currentRepo();
  const base = repo === null ? buildBase() : `${buildBase()}${repo.name}/`;
  return { base, site: site ? new URL(base, site).href : null };
}

/** The snapshot and history of this build; the dev server re-reads them when they are rewritten. */
export function siteData(): SiteData {
  const repo = currentRepo();
  if (repo === null) return loadSiteData(process.env, import.meta.env.DEV);
  return loadSiteData({ MIGRATRACK_SNAPSHOT: repo.snapshotFile, MIGRATRACK_HISTORY: repo.historyFile }, false);
}
