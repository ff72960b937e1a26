/**
 * The layout's navigation, made once per build: the notes and the links are the same on every
 * page. The dev server rebuilds it per request, since notes are edited while it runs.
 */
import { buildNav, noteRefs, siteContext, type NavLink } from '../lib/site/index.js';
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
