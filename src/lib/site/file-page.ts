/**
 * The per-path file page (`/files/<path>/`) and the per-item page (`/items/<id>/`) of an item
 * without a path. The item URL in the snapshot is authoritative: file pages exist for every
 * `files/…/` URL it names.
 */
import type { SnapshotItem } from '../snapshot/schema.js';
import type { SiteFile } from './direct-files.js';
import { buildItemSection, type ItemSectionView } from './item-section.js';
import type { SiteData } from './load.js';
import { itemTitle } from './standup.js';
import { declaredView, detectedView, type StatusView } from './status.js';
import { absoluteUrl, filePageUrl, joinBase, type SiteContext } from './urls.js';

/** Route param of a file page: the snapshot URL without "files/" and the trailing slash. */
export function filePageParam(url: string): string | null {
  const m = /^files\/(.+?)\/?$/.exec(url.replace(/^\/+/, ''));
  if (!m) return null;
  // The snapshot's URL is percent-encoded; the page's folder must carry the real name, which a
  // static server finds after decoding the request ("old copy of x.py", not "old%20copy%20of…").
  try {
    return m[1]!.split('/').map(decodeURIComponent).join('/');
  } catch {
    return m[1]!;
  }
}

/** Every file page: its route param and the items it shows, in snapshot order. */
export function filePages(data: SiteData): FilePageRoute[] {
  const pages = new Map<string, SnapshotItem[]>();
  for (const item of data.snapshot.items) {
    const param = filePageParam(item.url);
    if (param === null) continue;
    const list = pages.get(param) ?? [];
    list.push(item);
    pages.set(param, list);
  }
  return [...pages].map(([path, items]) => ({ path, items }));
}

/** One file page: its route param (a repo path) and the items it shows. */
export interface FilePageRoute {
  path: string;
  items: SnapshotItem[];
}

/**
 * The file pages a build writes itself (./direct-files.ts), as `files/<path>/index.html`, the
 * folder a static server looks for once it has decoded the request; each page's HTML is made
 * only when the file is written.
 */
export function* filePageFiles(pages: readonly FilePageRoute[], render: (page: FilePageRoute) => string): Generator<SiteFile> {
  for (const page of pages) yield { file: `files/${page.path}/index.html`, html: render(page) };
}

export interface Crumb {
  label: string;
  href: string | null;
}

export interface FilePage {
  path: string;
  title: string;
  /** Directory trail: "data_processors / raw / processor_base.py", linking to the filtered list. */
  crumbs: Crumb[];
  copyLink: string;
  sections: ItemSectionView[];
}

/** Builds the file page for one route param (a repo path). */
export function buildFilePage(data: SiteData, ctx: SiteContext, path: string, items?: SnapshotItem[]): FilePage {
  const tracked = items ?? data.snapshot.items.filter((i) => filePageParam(i.url) === path);
  const parts = path.split('/');
  const crumbs = parts.map((label, i) => ({
    label,
    href: i < parts.length - 1 ? `${joinBase(ctx.base, 'files/')}?dir=${encodeURIComponent(parts.slice(0, i + 1).join('/'))}` : null,
  }));
  return {
    path,
    title: `${path} — ${tracked.map(itemTitle).join(', ')}`,
    crumbs,
    // The snapshot's URL is the encoded one (spaces as %20): a pasted link must survive chat apps.
    copyLink: absoluteUrl(ctx, tracked[0]?.url ?? filePageUrl(path)),
    sections: tracked.map((item) => buildItemSection(data.snapshot, data.history, ctx, item)),
  };
}

export interface ItemPage {
  title: string;
  declared: StatusView;
  detected: StatusView;
  /** Full details: only items without a file page (unresolved slots) have an item page. */
  section: ItemSectionView;
}

/**
 * Builds `/items/<id>/` of an item without a file page. Items with one get a redirect to it
 * instead (./item-redirect.ts).
 */
export function buildItemPage(data: SiteData, ctx: SiteContext, item: SnapshotItem): ItemPage {
  return {
    title: `${itemTitle(item)}: ${item.name}`,
    declared: declaredView(item.declaredStatus),
    detected: detectedView(item.detectedStatus),
    section: buildItemSection(data.snapshot, data.history, ctx, item),
  };
}
