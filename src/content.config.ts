// Authors' MDX/markdown notes ("How to migrate a processor") live in the folder --notes names (or the
// folder MIGRATRACK_NOTES_DIR names). The pages read them themselves: src/layouts/notes.ts imports
// them with Vite's import.meta.glob, and src/lib/site/notes.ts checks their frontmatter and names
// the file at fault.
//
// This collection only tells Astro the folder is taken: without a collection named for it, Astro
// makes one of its own for src/content/notes (and warns that doing so is deprecated). Its loader
// loads nothing, since no page reads the collection. Astro loads this file through Vite on every
// build, and each import costs: a `glob()` loader cost ~0.25 s, `astro:content` ~0.2 s, and even
// `defineCollection` ~0.15 s (its module pulls in Astro's error catalogue). So the collection is
// written as `defineCollection` would return it: a content-layer collection with its loader.
const notes = {
  type: 'content_layer' as const,
  loader: { name: 'migratrack-notes-read-by-the-pages', load: async () => {} },
};

export const collections = { notes };
