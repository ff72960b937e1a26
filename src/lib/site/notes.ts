/**
 * Authors' notes (the `notes` content collection) as the pages need them. Typed structurally so
 * this stays independent of Astro's generated collection types.
 */
import type { NoteRef } from './nav.js';

/** The fields of a notes collection entry the site reads. */
export interface NoteEntry {
  id: string;
  data: { title: string; order: number; file?: string | undefined };
}

/** Navigation refs for all notes. */
export function noteRefs(entries: readonly NoteEntry[]): NoteRef[] {
  return entries.map((n) => ({ slug: n.id, title: n.data.title, order: n.data.order }));
}

/** Notes whose `file` frontmatter is exactly `path`, ordered like the navigation. */
export function notesForPath<T extends NoteEntry>(entries: readonly T[], path: string): T[] {
  return entries
    .filter((n) => n.data.file === path)
    .sort((a, b) => a.data.order - b.data.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Notes by the tracked path they are about, each list ordered like notesForPath: looked up once per build. */
export function notesByPath<T extends NoteEntry>(entries: readonly T[]): Map<string, T[]> {
  const byPath = new Map<string, T[]>();
  for (const n of entries) if (n.data.file !== undefined && !byPath.has(n.data.file)) byPath.set(n.data.file, notesForPath(entries, n.data.file));
  return byPath;
}
