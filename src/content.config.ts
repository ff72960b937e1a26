// Authors' MDX/markdown notes ("How to migrate a processor"). They appear in the navigation; a
// note whose `file` frontmatter is a tracked path also shows on that file's page.
// MIGRATRACK_NOTES_DIR points the collection at a user's own notes folder instead of the example.
//
// The pages read the notes with import.meta.glob (src/layouts/notes.ts), not through the
// collection. It stays for what Astro does with it when it syncs: it checks every note's
// frontmatter against the pages' own schema and names the file at fault, it types the notes, and
// it keeps Astro from generating a collection of its own for src/content/notes. The imports avoid
// `astro:content`, which loads Astro's whole content runtime through Vite (~0.2 s per build).
import { defineCollection } from 'astro/content/config';
import { glob } from 'astro/loaders';
import { NoteFrontmatter } from './lib/site/notes.js';

const notes = defineCollection({
  loader: glob({ pattern: '**/*.{md,mdx}', base: process.env.MIGRATRACK_NOTES_DIR || './src/content/notes' }),
  schema: NoteFrontmatter,
});

export const collections = { notes };
