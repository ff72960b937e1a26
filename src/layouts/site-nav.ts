/**
 * The layout's navigation and chrome, made once per build: the notes and the links are the same
 * on every page. The dev server rebuilds them per request, since notes are edited while it runs.
 */
import { buildNav, layoutView, noteRefs, siteContext, siteData, type LayoutView, type NavLink } from '../lib/site/index.js';
import { siteNotes } from './notes.js';

/** The sections, then the notes. */
type Nav = { links: NavLink[] };
let memo: Nav | null = null;

function loadNav(): Nav {
  const { sections, notes } = buildNav(siteContext(), noteRefs(siteNotes()));
  return { links: [...sections, ...notes] };
}

export function siteNav(): Nav {
  if (import.meta.env.DEV) return loadNav();
  return (memo ??= loadNav());
}

let layoutMemo: LayoutView | null = null;

/** What the layout's head, header and footer show (src/lib/site/markup/layout.ts). */
export function siteLayout(): LayoutView {
  const make = () => layoutView(siteData().snapshot, siteContext().base, siteNav().links);
  if (import.meta.env.DEV) return make();
  return (layoutMemo ??= make());
}
