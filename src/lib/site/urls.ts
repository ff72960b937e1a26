/**
 * URLs: joining site-relative URLs (as the snapshot stores them) with the base path, and links to
 * files on the repository's web host.
 */

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
 * Joins the base path with a site-relative URL from the snapshot ("files/a/b.py/"), encoding it.
 * @example joinBase('/migration/', 'files/a b.py/') === '/migration/files/a%20b.py/'
 */
export function joinBase(base: string, relative: string): string {
  const clean = relative.replace(/^\/+/, '');
  return normaliseBase(base) + encodePath(clean);
}

/** Absolute URL for pasting (standups) when the site origin is known, else the base-relative one. */
export function absoluteUrl(ctx: SiteContext, relative: string): string {
  const path = joinBase(ctx.base, relative);
  if (!ctx.site) return path;
  const origin = new URL(ctx.site).origin;
  return origin + path;
}

/** The site-relative page URL of a tracked path: `files/<path>/`. */
export function filePageUrl(path: string): string {
  return `files/${path.replace(/^\/+|\/+$/g, '')}/`;
}

/** The site-relative page URL of an item: `items/<id>/`. */
export function itemPageUrl(id: string): string {
  return `items/${id}/`;
}

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
