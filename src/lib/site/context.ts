/// <reference types="astro/client" />
/**
 * The bridge from Astro to the pure builders: the base path and site from `import.meta.env`
 * (set by astro.config.mjs from MIGRATRACK_BASE / MIGRATRACK_SITE), and the build's data.
 */
import { loadSiteData, type SiteData } from './load.js';
import { normaliseBase, type SiteContext } from './urls.js';

/** The build's site context. Only called from .astro files and endpoints. */
export function siteContext(): SiteContext {
  const site = import.meta.env.SITE;
  const base = normaliseBase(import.meta.env.BASE_URL ?? '/');
  return { base, site: site ? new URL(base, site).href : null };
}

/** The snapshot and history of this build; the dev server re-reads them when they are rewritten. */
export function siteData(): SiteData {
  return loadSiteData(process.env, import.meta.env.DEV);
}
