/**
 * The layout's chrome (src/lib/site/markup/layout.ts), made once per build: the navigation's
 * sections and notes, the footer's line, the stylesheet and the scripts (from
 * src/integrations/site-assets.mjs) are the same on every page. The dev server rebuilds
 * it per request, since notes are edited while it runs.
 */
import * as assets from 'virtual:migratrack/site-assets';
import { buildNav, layoutView, noteRefs, siteContext, siteData, type LayoutView } from '../lib/site/index.js';
import { siteNotes } from './notes.js';

let memo: LayoutView | null = null;

function loadLayout(): LayoutView {
  const ctx = siteContext();
  const { sections, notes } = buildNav(ctx, noteRefs(siteNotes()));
  return layoutView(siteData().snapshot, ctx.base, [...sections, ...notes], assets);
}

/** What the layout's head, header (sections, then notes) and footer show. */
export function siteLayout(): LayoutView {
  if (import.meta.env.DEV) return loadLayout();
  return (memo ??= loadLayout());
}
