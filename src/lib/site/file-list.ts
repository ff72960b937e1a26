/**
 * `/files/`: every tracked item in a fully rendered list, with the filter options, in pages of
 * FILE_LIST_PAGE_SIZE rows once there are more (`/files/`, then `/file-list/2/` …, each linking
 * every page). The client script hides rows that do not match; on a list of several pages it first
 * fetches the other pages' rows. The data attributes it reads are decided here.
 */
import { nounHeading, nounText, snapshotNoun } from '../snapshot/figures.js';
import { byString, driftItemIds, itemRow, type ItemRow } from './common.js';
import type { SiteData } from './load.js';
import { categoryLabel } from './category-label.js';
import { declaredView } from './status.js';
import { joinBase, type SiteContext } from './urls.js';

export interface FileListRow extends ItemRow {
  /** Directory of the path ("" for unresolved slots), the `dir` filter matches it by prefix. */
  directory: string;
  categoryTitle: string;
}

export interface FilterOption {
  value: string;
  label: string;
}

export interface FileList {
  /** "Tracked files", or "Tracked items" for a doc whose items are not all files (figures.ts). */
  heading: string;
  /** The page title's noun: "Files", "Items". */
  noun: string;
  rows: FileListRow[];
  statuses: FilterOption[];
  categories: FilterOption[];
  directories: FilterOption[];
}

/** Builds the file list and its filter options (sorted, so output is stable). */
export function buildFileList(data: SiteData, ctx: SiteContext): FileList {
  const { snapshot } = data;
  const drift = driftItemIds(snapshot.drift);
  const titles = new Map(snapshot.categories.map((c) => [c.id, c.title]));
  const rows = snapshot.items.map((item) => ({
    ...itemRow(ctx, item, drift),
    directory: item.path && item.path.includes('/') ? item.path.slice(0, item.path.lastIndexOf('/')) : '',
    categoryTitle: titles.get(item.category) ?? '',
  }));
  const dirs = new Set<string>();
  for (const r of rows) {
    const parts = r.directory ? r.directory.split('/') : [];
    // Offer every ancestor too, so "data_processors" narrows to all its sub-folders.
    for (let i = 1; i <= parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
  }
  const statuses = (['done', 'in-progress', 'not-started', 'blocked', 'skipped', 'missing', 'unknown'] as const).map((s) => ({ value: s, label: declaredView(s).label }));
  const noun = snapshotNoun(snapshot);
  return {
    heading: `Tracked ${nounText(noun, 2)}`,
    noun: nounHeading(noun),
    rows,
    statuses,
    categories: snapshot.categories.map((c) => ({ value: c.id, label: categoryLabel(c.id, c.title) })),
    directories: [...dirs].sort(byString).map((d) => ({ value: d, label: d })),
  };
}

/**
 * Rows per page of the list: a 20,000-file list in one page was 9.4 MB of HTML, which a phone
 * cannot open and the build held in memory several times over (issue 21).
 */
export const FILE_LIST_PAGE_SIZE = 1000;

/** A link of the pager. */
export interface PageLink {
  label: string;
  href: string;
  current: boolean;
}

/** Where a page sits in a list of several pages. */
export interface FileListPager {
  /** 1-based rows shown on this page, and all rows. */
  first: number;
  last: number;
  total: number;
  links: PageLink[];
}

/** One page of the list: its rows, the filter options, and the pager when there is more than one page. */
export interface FileListPage extends FileList {
  /** "Files", or "Files 1001–2000" on a later page of several. */
  title: string;
  /** "7 items", or "Items 1001–2000 of 2007" (the filter script rewrites it as it filters). */
  countText: string;
  pager: FileListPager | null;
}

/**
 * The site-relative URL of page `n`: `files/` for the first, `file-list/<n>/` after it. Not under
 * `files/`, where any name may be a tracked file's page (`files/page/2/` is one, for `page/2`).
 */
export function fileListPageUrl(n: number): string {
  return n === 1 ? 'files/' : `file-list/${n}/`;
}

/** How many pages the list takes (at least one, for an empty list). */
export function fileListPageCount(list: FileList): number {
  return Math.max(1, Math.ceil(list.rows.length / FILE_LIST_PAGE_SIZE));
}

/** Page `n` (1-based) of the list. */
export function fileListPage(list: FileList, ctx: SiteContext, n: number): FileListPage {
  const count = fileListPageCount(list);
  if (!Number.isInteger(n) || n < 1 || n > count) throw new Error(`the file list has no page ${n} (it has ${count})`);
  if (count === 1) return { ...list, title: list.noun, countText: `${list.rows.length} items`, pager: null };
  const start = (n - 1) * FILE_LIST_PAGE_SIZE;
  const rows = list.rows.slice(start, start + FILE_LIST_PAGE_SIZE);
  const links = Array.from({ length: count }, (_, i) => ({ label: String(i + 1), href: joinBase(ctx.base, fileListPageUrl(i + 1)), current: i + 1 === n }));
  const [first, last] = [start + 1, start + rows.length];
  return {
    ...list,
    rows,
    title: n > 1 ? `${list.noun} ${first}–${last}` : list.noun,
    countText: `Items ${first}–${last} of ${list.rows.length}`,
    pager: { first, last, total: list.rows.length, links },
  };
}
