// Authors' MDX/markdown notes ("How to migrate a processor"). They appear in the navigation; a
// note whose `file` frontmatter is a tracked path also shows on that file's page.
// MIGRATRACK_NOTES_DIR points the collection at a user's own notes folder instead of the example.
import { defineCollection } from 'astro/content/config';
import { z } from 'astro/zod';
import { glob } from 'astro/loaders';

const notes = defineCollection({
  loader: glob({ pattern: '**/*.{md,mdx}', base: process.env.MIGRATRACK_NOTES_DIR || './src/content/notes' }),
  schema: z.object({
    /** Title shown in the navigation and as the page heading. */
    title: z.string(),
    /** Repo path of a tracked file: the note is also shown on that file's page. */
    file: z.string().optional(),
    /** Position in the navigation (lower first), then by title. */
    order: z.number().int().default(100),
  }),
});

export const collections = { notes };
