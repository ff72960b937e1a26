/**
 * The layout's chrome (src/lib/site/markup/layout.ts), made once per build: the navigation's
 * sections and notes, the footer's line, the stylesheet and the scripts (from
 * src/integrations/site-assets.mjs) are the same on every page. The dev server rebuilds
 * it per request, since notes are edited while it runs. A merged build (issue 24) makes it once
 * per repository: its base, its title, one copy of the assets at the build's base, and a link
 * back to the org dashboard.
 */
import * as assets from 'virtual:migratrack/site-assets';
import { buildBase, buildNav, currentRepo, layoutView, noteRefs, siteContext, siteData, type LayoutView } from '../lib/site/index.js';
import { siteNotes } from './notes.js';

let memo: { repo: string | null; view: LayoutView } | null = null;

function loadLayout(): LayoutView {
  const ctx = siteContext();
  const { sections, notes } = buildNav(ctx, noteRefs(siteNotes()));
  const merged = currentRepo() === null ? null : { assetBase: buildBase(), orgHref: buildBase() };
  return layoutView(siteData().snapshot, ctx.base, [...sections, ...notes], assets, merged);
}

/** What the layout's head, header (sections, then notes) and footer show. */
export function siteLayout(): LayoutView {
  if (import.meta.env.DEV) return loadLayout();
  const repo = currentRepo()?.name ?? null;
  if (memo?.repo !== repo || memo === null) memo = { repo, view: loadLayout() };
  return memo.view;
}
