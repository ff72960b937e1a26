/** The site navigation (layout header): fixed sections, then the authors' notes. */
import { joinBase, type SiteContext } from './urls.js';

export interface NavLink {
  label: string;
  href: string;
  /** Site-relative path this link points to, to mark the current page. */
  path: string;
}

const SECTIONS: [string, string][] = [
  ['Dashboard', ''],
  ['Files', 'files/'],
  ['Milestones', 'milestones/'],
  ['Drift', 'drift/'],
  ['Changes', 'changes/'],
  ['Doc', 'doc/'],
  ['Diagnostics', 'diagnostics/'],
];

/** Pages a section's link is also current on: the list of files goes on at `file-list/<n>/` (file-list.ts). */
const ALSO_CURRENT: Record<string, RegExp> = { 'files/': /^file-list\/\d+\/$/ };

/** Whether `link` is the current page's own, `here` being its site-relative path (currentPath). */
export function isCurrentLink(link: Pick<NavLink, 'path'>, here: string): boolean {
  return link.path === here || (ALSO_CURRENT[link.path]?.test(here) ?? false);
}

/** A note as the navigation needs it. */
export interface NoteRef {
  slug: string;
  title: string;
  order: number;
}

/** Navigation links: sections, then notes by (order, title). */
export function buildNav(ctx: SiteContext, notes: readonly NoteRef[]): { sections: NavLink[]; notes: NavLink[] } {
  const sorted = [...notes].sort((a, b) => a.order - b.order || (a.title < b.title ? -1 : a.title > b.title ? 1 : 0));
  return {
    sections: SECTIONS.map(([label, path]) => ({ label, path, href: joinBase(ctx.base, path) })),
    notes: sorted.map((n) => ({ label: n.title, path: `notes/${n.slug}/`, href: joinBase(ctx.base, `notes/${n.slug}/`) })),
  };
}

/** Site-relative path of the current page from its pathname and the base ("files/a.py/"). */
export function currentPath(pathname: string, base: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  const rel = pathname.startsWith(b) ? pathname.slice(b.length) : pathname.replace(/^\/+/, '');
  return decodeURI(rel);
}
