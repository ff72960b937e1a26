/**
 * Site URLs people paste into standups: they must stay the same across builds, so they derive
 * only from a path or an id. Relative to the site base, with a trailing slash.
 */
// Straight from the module, not the scanner's index: the site bundles this file, and the index
// would bring the whole scanner into every site build.
import { encodePath } from '../scan/tree/bytes.js';

/** `files/<repo path>/`, each segment percent-encoded (slashes kept), or `items/<id>/` for a slot without a path. */
export function itemUrl(item: { id: string; number?: number | null; path: string | null }): string {
  if (item.path === null) return `items/${encodeURIComponent(itemSlug(item))}/`;
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

/**
 * The short name in `/items/<slug>/`: the doc's file number ("File 27" → `27`), which is what
 * people say in standups, or the id when the number is absent or used twice (`file-5-dup-2`).
 */
export function itemSlug(item: { id: string; number?: number | null }): string {
  return item.number != null && item.id === `file-${item.number}` ? String(item.number) : item.id;
}

/** `categories/<id>/` ("categories/3.1.1/"). */
export function categoryUrl(id: string): string {
  return `categories/${encodeURIComponent(id)}/`;
}

/** `metrics/<id>/`. */
export function metricUrl(id: string): string {
  return `metrics/${encodeURIComponent(id)}/`;
}
