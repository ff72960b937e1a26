/**
 * `/files/`: every tracked item in one fully rendered list, with the filter options. The client
 * script only hides rows; the data attributes it reads are decided here.
 */
import { byString, driftItemIds, itemRow, type ItemRow } from './common.js';
import type { SiteData } from './load.js';
import { categoryLabel } from './category-label.js';
import { declaredView } from './status.js';
import type { SiteContext } from './urls.js';

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
  return {
    rows,
    statuses,
    categories: snapshot.categories.map((c) => ({ value: c.id, label: categoryLabel(c.id, c.title) })),
    directories: [...dirs].sort(byString).map((d) => ({ value: d, label: d })),
  };
}
