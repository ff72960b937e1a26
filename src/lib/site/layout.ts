/**
 * What the layout's chrome shows (printed by ./markup/layout.ts): the same on every page of a
 * build but for the page's title and which navigation link is current. The stylesheet and the
 * copy script come from the build (src/integrations/site-assets.mjs).
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
  /** The copy buttons' script (code, not a URL). */
  copyScript: string;
}

/** What the build made for every page: the stylesheet's path under the base, and the copy script. */
export interface SiteAssets {
  stylesheetPath: string;
  copyScript: string;
}

export function layoutView(snapshot: Snapshot, base: string, links: readonly NavLink[], assets: SiteAssets): LayoutView {
  return {
    base,
    siteTitle: snapshot.doc.project ?? 'Migration',
    links,
    generatedAt: snapshot.generatedAt,
    docPath: snapshot.doc.path,
    commit: shortSha(snapshot.repo.commit),
    stylesheetHref: joinBase(base, assets.stylesheetPath),
    copyScript: assets.copyScript,
  };
}
