/**
 * `/items/<n>/` of an item that has a file page: a minimal page that sends the browser on to the
 * file page. People paste "/items/27/" in standups, so it must keep working with no JavaScript
 * and under a base path: a meta refresh, a canonical link and a visible link do that in every
 * browser. The page is built here as a string (no layout, no Astro components): a 5,000-item
 * site has 5,000 of them, and each costs almost nothing this way (issue 6, docs/BENCHMARKS.md).
 */
import type { SnapshotItem } from '../snapshot/schema.js';
import type { SiteFile, SiteFiles } from './direct-files.js';
import { escapeXml } from './escape.js';
import { filePageParam } from './file-page.js';
import type { SiteData } from './load.js';
import { itemTitle } from './standup.js';
import { absoluteUrl, itemSlug, joinBase, type SiteContext } from './urls.js';

/** Everything a redirect page shows. */
export interface ItemRedirect {
  /** Route param: the item's slug ("27"), unencoded, as the page's folder is named. */
  slug: string;
  /** "File 27: processor_base.py". */
  title: string;
  /** Where to go: the file page under the base, with the item's anchor ("/migration/files/a.py/#file-27"). */
  href: string;
  /** The file page's own URL (absolute when the site is known), for rel=canonical. */
  canonical: string;
  /** The repository path, shown as the link text. */
  path: string;
  /** The site's icon under the base path (without it, browsers ask for /favicon.ico). */
  icon: string;
}

/** The redirect of one item, or null when the item has no file page (it gets a full page). */
export function itemRedirect(ctx: SiteContext, item: SnapshotItem): ItemRedirect | null {
  const path = filePageParam(item.url);
  if (path === null) return null;
  return {
    slug: itemSlug(item),
    title: `${itemTitle(item)}: ${item.name}`,
    href: `${joinBase(ctx.base, item.url)}#${item.id}`,
    canonical: absoluteUrl(ctx, item.url),
    path,
    icon: joinBase(ctx.base, 'favicon.svg'),
  };
}

/** The whole HTML document of a redirect page; every value is escaped. */
export function itemRedirectHtml(r: ItemRedirect): string {
  const href = escapeXml(r.href);
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeXml(r.title)}</title>`,
    `<meta http-equiv="refresh" content="0; url=${href}">`,
    `<link rel="canonical" href="${escapeXml(r.canonical)}">`,
    `<link rel="icon" href="${escapeXml(r.icon)}" type="image/svg+xml">`,
    '<meta name="robots" content="noindex">',
    '</head>',
    '<body>',
    `<main><h1>${escapeXml(r.title)}</h1>`,
    `<p>Everything about this item is on its file page: <a href="${href}"><code>${escapeXml(r.path)}</code></a>.</p></main>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** One page of the `/items/[id]` route: an item's full page, or (dev server) a redirect. */
export interface ItemRoute {
  slug: string;
  item: SnapshotItem | null;
  redirect: ItemRedirect | null;
}

/**
 * What the `/items/[id]` route builds: a full page for each item without a file page, and a
 * redirect for each other item, rendered by the route itself (`writeRedirects` false, the dev
 * server) or returned as files to write (a build, see redirectFiles).
 */
export function itemRoutes(data: SiteData, ctx: SiteContext, writeRedirects: boolean): { paths: ItemRoute[]; files: SiteFiles } {
  const paths: ItemRoute[] = [];
  const redirects: ItemRedirect[] = [];
  for (const item of data.snapshot.items) {
    const redirect = itemRedirect(ctx, item);
    if (!redirect) paths.push({ slug: itemSlug(item), item, redirect: null });
    else if (writeRedirects) redirects.push(redirect);
    else paths.push({ slug: redirect.slug, item: null, redirect });
  }
  return { paths, files: () => redirectFiles(redirects) };
}

/**
 * The redirect pages of a build, as files (written straight to disk by the
 * `migratrack-direct-pages` integration, ./direct-files.ts; the dev server renders them through
 * the route instead).
 */
export function* redirectFiles(redirects: readonly ItemRedirect[]): Generator<SiteFile> {
  for (const r of redirects) {
    if (r.slug === '' || r.slug === '.' || r.slug === '..' || /[/\\]/.test(r.slug)) throw new Error(`item slug ${JSON.stringify(r.slug)} cannot name a folder`);
    yield { file: `items/${r.slug}/index.html`, html: itemRedirectHtml(r) };
  }
}
