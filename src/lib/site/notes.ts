/**
 * Authors' notes (the folder MIGRATRACK_NOTES_DIR names) as the pages need them: their
 * frontmatter schema, their ids and the lists the navigation and file pages show. The pages read
 * the note modules with Vite's import.meta.glob (src/layouts/notes.ts).
 */
import { relative } from 'node:path';
import { slug as githubSlug } from 'github-slugger';
import * as z from 'zod/v4';
import { MigratrackError } from '../errors.js';
import { formatIssues, issueMessage } from '../schema-issues.js';
import type { NoteRef } from './nav.js';

/** A note's frontmatter. */
const NoteFrontmatter = z.object({
  /** Title shown in the navigation and as the page heading. */
  title: z.string(),
  /** Repo path of a tracked file: the note is also shown on that file's page. */
  file: z.string().optional(),
  /** Position in the navigation (lower first), then by title. */
  order: z.number().int().default(100),
});

/** The fields of a note the site reads. */
export interface NoteEntry {
  id: string;
  data: { title: string; order: number; file?: string | undefined };
}

/**
 * A note's id, which is its URL (`/notes/<id>/`), named as Astro's glob loader names a
 * collection entry: the frontmatter's `slug` when it has one, else each folder and the file name
 * (without its extension) slugged like GitHub headings, with a final `/index` dropped.
 * tests/site/notes.test.ts checks it against Astro's own function.
 */
export function noteId(relativePath: string, frontmatter: Readonly<Record<string, unknown>>): string {
  if (frontmatter.slug) return String(frontmatter.slug);
  const withoutExtension = relativePath.replace(/\.[^./]*$/, '');
  return withoutExtension
    .split('/')
    .map((segment) => githubSlug(segment))
    .join('/')
    .replace(/\/index$/, '');
}

/** A note module as Vite imports an .md or .mdx file: its path, frontmatter and content. */
export interface NoteModule<Content> {
  file: string;
  frontmatter: Readonly<Record<string, unknown>>;
  default: Content;
}

/** A note with the component that renders its body. */
export interface Note<Content> extends NoteEntry {
  Content: Content;
}

/**
 * The notes of a folder from their modules, each checked against NoteFrontmatter (`order` gets
 * its default there): a bad note stops the build with a message naming its file. Ordered by id,
 * so the output does not depend on import order.
 */
export function notesFromModules<Content>(modules: readonly NoteModule<Content>[], notesDir: string): Note<Content>[] {
  const fileOf = new Map<string, string>();
  return modules
    .map((module) => {
      // Astro gives {} for a note without a frontmatter block; a missing one is read the same way.
      const frontmatter = module.frontmatter ?? {};
      const parsed = NoteFrontmatter.safeParse(frontmatter, { error: issueMessage });
      if (!parsed.success) throw new MigratrackError('input', `The note ${module.file} has invalid frontmatter:\n${formatIssues(parsed.error, 8)}`, { file: module.file });
      const id = noteId(relative(notesDir, module.file).split('\\').join('/'), frontmatter);
      // Two notes at one URL: one would silently replace the other.
      const other = fileOf.get(id);
      if (other !== undefined) throw new MigratrackError('input', `The notes ${other} and ${module.file} would both be /notes/${id}/; rename one or give it a \`slug\`.`, { file: module.file });
      fileOf.set(id, module.file);
      return { id, data: parsed.data, Content: module.default };
    })
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
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
