/**
 * The authors' notes, read once per build (the dev server reads them per request, as they are
 * edited while it runs). Vite's import.meta.glob imports each note's module, which gives its
 * frontmatter and its Content component; `migratrack-notes` is the notes folder
 * (astro.config.mjs: MIGRATRACK_NOTES_DIR, which the pipeline sets from --notes or, for the demo,
 * examples/notes; else src/content/notes, absent from the package).
 *
 * Why not a content collection read with astro:content's getCollection and render: importing them
 * put the collection's runtime (content, assets and image modules) into every build, ~0.45 s of
 * bundling a site that must build within 2× of a bare Astro site (issue 6, docs/BENCHMARKS.md),
 * and its glob loader ~0.25 s more when Astro syncs. See src/content.config.ts for what is left.
 */
import type { AstroComponentFactory } from 'astro/runtime/server/index.js';
import { notesFromModules, type Note, type NoteModule } from '../lib/site/index.js';

declare const __MIGRATRACK_NOTES_DIR__: string;

export type SiteNote = Note<AstroComponentFactory>;

let memo: SiteNote[] | null = null;

function loadNotes(): SiteNote[] {
  const modules = import.meta.glob<NoteModule<AstroComponentFactory>>('migratrack-notes/**/*.{md,mdx}', { eager: true });
  return notesFromModules(Object.values(modules), __MIGRATRACK_NOTES_DIR__);
}

/** Every note, ordered by id. */
export function siteNotes(): SiteNote[] {
  if (import.meta.env.DEV) return loadNotes();
  return (memo ??= loadNotes());
}
