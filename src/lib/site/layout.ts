/**
 * What the layout's chrome shows (printed by ./markup/layout.ts): the same on every page of a
 * build but for the page's title and which navigation link is current.
 */
import type { Snapshot } from '../snapshot/schema.js';
import type { NavLink } from './nav.js';
import { shortSha } from './urls.js';

export interface LayoutView {
  base: string;
  siteTitle: string;
  /** The sections, then the notes. */
  links: readonly NavLink[];
  generatedAt: string;
  docPath: string;
  /** Short commit of the snapshot, or null outside git. */
  commit: string | null;
}

export function layoutView(snapshot: Snapshot, base: string, links: readonly NavLink[]): LayoutView {
  return {
    base,
    siteTitle: snapshot.doc.project ?? 'Migration',
    links,
    generatedAt: snapshot.generatedAt,
    docPath: snapshot.doc.path,
    commit: shortSha(snapshot.repo.commit),
  };
}
