/**
 * URLs: joining site-relative URLs (as the snapshot stores them) with the base path, and links to
 * files on the repository's web host.
 */
import { itemSlug } from '../verify/urls.js';

/** Site context every builder receives; pages fill it from `import.meta.env` (see ./context.ts). */
export interface SiteContext {
  /** The base path, always with a trailing slash: "/" or "/migration/". */
  base: string;
  /** The deployed origin + base when known ("https://x.github.io/migration/"), for pasted links. */
  site: string | null;
}

/**
 * Percent-encodes each path segment but keeps the slashes, so a repo path with spaces, quotes or
 * angle brackets becomes a valid href that a static server maps back to the same folder.
 */
export function encodePath(path: string): string {
  return path
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

/** Normalises a base to "/x/" form: leading and trailing slash, no doubles. */
export function normaliseBase(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

/**
 * Joins the base path with a site-relative URL from the snapshot ("files/a%20b.py/"), already
 * percent-encoded; raw paths go through filePageUrl/encodePath first.
 * @example joinBase('/migration/', 'files/a%20b.py/') === '/migration/files/a%20b.py/'
 */
export function joinBase(base: string, relative: string): string {
  // `relative` is already a URL (the snapshot's URLs are percent-encoded, see verify/urls.ts):
  // encoding it again would turn "old%20copy" into "old%2520copy" and break the link.
  return normaliseBase(base) + relative.replace(/^\/+/, '');
}

/** Absolute URL for pasting (standups) when the site origin is known, else the base-relative one. */
export function absoluteUrl(ctx: SiteContext, relative: string): string {
  const path = joinBase(ctx.base, relative);
  if (!ctx.site) return path;
  const origin = new URL(ctx.site).origin;
  return origin + path;
}

/** The site-relative page URL of a tracked path: `files/<path>/`, each segment percent-encoded. */
export function filePageUrl(path: string): string {
  return `files/${encodePath(path.replace(/^\/+|\/+$/g, ''))}/`;
}

/** The site-relative short page of an item: `items/27/` for "File 27" (see verify's itemSlug). */
export function itemPageUrl(item: { id: string; number: number | null }): string {
  return `items/${encodeURIComponent(itemSlug(item))}/`;
}

export { itemSlug };

export type RepoHost = 'github' | 'gitlab' | 'bitbucket';

/**
 * Link to a file (and line) at a commit on the repository's web host, or null when the host,
 * web URL or commit is unknown. The three forms are the hosts' documented permalink shapes.
 */
export function repoFileUrl(
  host: RepoHost | null,
  webUrl: string | null,
  sha: string | null,
  path: string,
  line: number | null = null,
): string | null {
  if (!host || !webUrl || !sha) return null;
  const root = webUrl.replace(/\/+$/, '');
  const file = encodePath(path);
  switch (host) {
    case 'github':
      return `${root}/blob/${sha}/${file}${line ? `#L${line}` : ''}`;
    case 'gitlab':
      return `${root}/-/blob/${sha}/${file}${line ? `#L${line}` : ''}`;
    case 'bitbucket':
      return `${root}/src/${sha}/${file}${line ? `#lines-${line}` : ''}`;
  }
}

/** Link to a commit page on the web host, or null. */
export function repoCommitUrl(host: RepoHost | null, webUrl: string | null, sha: string | null): string | null {
  if (!host || !webUrl || !sha) return null;
  const root = webUrl.replace(/\/+$/, '');
  if (host === 'gitlab') return `${root}/-/commit/${sha}`;
  if (host === 'bitbucket') return `${root}/commits/${sha}`;
  return `${root}/commit/${sha}`;
}

/** First 7 characters of a sha, the form people read. */
export function shortSha(sha: string | null): string | null {
  return sha ? sha.slice(0, 7) : null;
}
