/**
 * Small shared pieces of the page view-models: links, lookups and the status pair every item row
 * shows. Kept here so each builder stays a short list of decisions.
 */
import type { Drift, Snapshot, SnapshotItem } from '../snapshot/schema.js';
import { categoryLabel, categoryRef } from './category-label.js';
import { itemTitle } from './standup.js';
import { declaredView, detectedView, type StatusView } from './status.js';
import { joinBase, repoFileUrl, type SiteContext } from './urls.js';

/** A link the templates print as-is (href already base-joined and encoded). */
export interface Link {
  label: string;
  href: string;
}

/** The page link of an item: its file page when it has a path, else its own item page. */
export function itemHref(ctx: SiteContext, item: SnapshotItem): string {
  return joinBase(ctx.base, item.url);
}

/** One line of an item table: title, path, the two statuses, what is left, drift. */
export interface ItemRow {
  id: string;
  title: string;
  path: string | null;
  href: string;
  categoryId: string;
  declared: StatusView;
  declaredText: string;
  detected: StatusView;
  remaining: number;
  drift: boolean;
}

/** Builds an item row; `driftIds` is the set of item ids with drift. */
export function itemRow(ctx: SiteContext, item: SnapshotItem, driftIds: ReadonlySet<string>): ItemRow {
  return {
    id: item.id,
    title: itemTitle(item),
    path: item.path,
    href: itemHref(ctx, item),
    categoryId: item.category,
    declared: declaredView(item.declaredStatus),
    declaredText: item.declaredStatusText,
    detected: detectedView(item.detectedStatus),
    remaining: item.remaining.length,
    drift: driftIds.has(item.id),
  };
}

/** Ids of items that have at least one drift entry. */
export function driftItemIds(drift: readonly Drift[]): Set<string> {
  return new Set(drift.flatMap((d) => (d.itemId ? [d.itemId] : [])));
}

/** Link to a line of the tracking doc on the web host, or null. */
export function docLineUrl(snapshot: Snapshot, line: number | null): string | null {
  const sha = snapshot.doc.commit ?? snapshot.repo.commit;
  return repoFileUrl(snapshot.repo.host, snapshot.repo.webUrl, sha, snapshot.doc.path, line);
}

/** Link to a repo file (and line) at the snapshot's commit, or null. */
export function repoLineUrl(snapshot: Snapshot, path: string, line: number | null = null): string | null {
  return repoFileUrl(snapshot.repo.host, snapshot.repo.webUrl, snapshot.repo.commit, path, line);
}

/** "3.3 — BigQuery Pooling" link to the category page, or a plain label when unknown. */
export function categoryLink(ctx: SiteContext, snapshot: Snapshot, id: string): Link {
  const category = snapshot.categories.find((c) => c.id === id);
  return category
    ? { label: categoryLabel(category.id, category.title), href: joinBase(ctx.base, category.url) }
    : { label: categoryRef(id), href: '' };
}

/** Compares strings by code unit, locale-independent, so ordering never depends on the machine. */
export function byString(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const indexes = new WeakMap<Snapshot, Map<string, SnapshotItem>>();

/** Item by id, indexed once per snapshot (5,000-item sites look items up from every page). */
export function itemById(snapshot: Snapshot, id: string): SnapshotItem | undefined {
  let index = indexes.get(snapshot);
  if (!index) {
    index = new Map(snapshot.items.map((i) => [i.id, i]));
    indexes.set(snapshot, index);
  }
  return index.get(id);
}
