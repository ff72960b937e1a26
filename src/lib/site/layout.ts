/**
 * What the layout's chrome shows (printed by ./markup/layout.ts): the same on every page of a
 * build but for the page's title and which navigation link is current, and the pages' scripts.
 * The stylesheet and the scripts come from the build (src/integrations/site-assets.mjs).
 */
import type { Snapshot } from '../snapshot/schema.js';
import type { NavLink } from './nav.js';
import { joinBase, shortSha } from './urls.js';

export interface LayoutView {
  base: string;
  siteTitle: string;
  /** The sections, then the notes. */
  links: readonly NavLink[];
  generatedAt: string;
  docPath: string;
  /** Short commit of the snapshot, or null outside git. */
  commit: string | null;
  /** The site's stylesheet, under the base path. */
  stylesheetHref: string;
  /** The charts' script, under the base path. */
  chartScriptHref: string;
  /** The copy buttons' script (code, not a URL). */
  copyScript: string;
  /** The file list's script (code). */
  filterScript: string;
  /** In a merged build (issue 24), the org dashboard this repository's pages link back to; else null. */
  org: { href: string; label: string } | null;
}

/** What the build made for the pages (src/integrations/site-assets.mjs): paths under the base, and code. */
export interface SiteAssets {
  stylesheetPath: string;
  chartScriptPath: string;
  copyScript: string;
  filterScript: string;
}

/** Where a merged build's pages differ from a single repository's: the shared assets and the way back to the org. */
export interface MergedLayout {
  /** The build's own base, where `_astro/` is: one copy of the assets for every repository. */
  assetBase: string;
  /** The org dashboard's URL. */
  orgHref: string;
}

export function layoutView(snapshot: Snapshot, base: string, links: readonly NavLink[], assets: SiteAssets, merged: MergedLayout | null = null): LayoutView {
  const assetBase = merged?.assetBase ?? base;
  return {
    base,
    siteTitle: snapshot.doc.project ?? 'Migration',
    links,
    generatedAt: snapshot.generatedAt,
    docPath: snapshot.doc.path,
    commit: shortSha(snapshot.repo.commit),
    stylesheetHref: joinBase(assetBase, assets.stylesheetPath),
    chartScriptHref: joinBase(assetBase, assets.chartScriptPath),
    copyScript: assets.copyScript,
    filterScript: assets.filterScript,
    org: merged === null ? null : { href: merged.orgHref, label: 'All repositories' },
  };
}
