/**
 * The layout's navigation, made once per build: the notes collection and the links are the same
 * on every page, and a 5,000-file site asked the content store for them on each one. The dev
 * server rebuilds it per request, since notes are edited while it runs.
 */
import { getCollection } from 'astro:content';
import { buildNav, noteRefs, siteContext, type NavLink, type NoteEntry } from '../lib/site/index.js';

/** The sections, then the notes. */
type Nav = { links: NavLink[] };
let memo: Promise<Nav> | null = null;

async function loadNav(): Promise<Nav> {
  const entries: NoteEntry[] = await getCollection('notes');
  const { sections, notes } = buildNav(siteContext(), noteRefs(entries));
  return { links: [...sections, ...notes] };
}

export function siteNav(): Promise<Nav> {
  if (import.meta.env.DEV) return loadNav();
  return (memo ??= loadNav());
}
