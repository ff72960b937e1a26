/**
 * Site URLs people paste into standups: they must stay the same across builds, so they derive
 * only from a path or an id. Relative to the site base, with a trailing slash.
 */
import { encodePath } from '../scan/index.js';

/** `files/<repo path>/`, each segment percent-encoded (slashes kept), or `items/<id>/` for a slot without a path. */
export function itemUrl(item: { id: string; path: string | null }): string {
  if (item.path === null) return `items/${encodeURIComponent(item.id)}/`;
  return `files/${item.path.split('/').map(encodeSegment).join('/')}/`;
}

/**
 * A file name that is not valid UTF-8 reaches us with its stray bytes as lone surrogates (see
 * scan/tree/bytes.ts); encodeURIComponent throws on those, so they are encoded byte by byte.
 */
function encodeSegment(segment: string): string {
  if (segment.isWellFormed()) return encodeURIComponent(segment);
  return [...encodePath(segment)].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('');
}

/** `categories/<id>/` ("categories/3.1.1/"). */
export function categoryUrl(id: string): string {
  return `categories/${encodeURIComponent(id)}/`;
}

/** `metrics/<id>/`. */
export function metricUrl(id: string): string {
  return `metrics/${encodeURIComponent(id)}/`;
}
