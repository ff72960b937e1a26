// Astro renders the snapshot that the pipeline wrote; it computes nothing itself.
// The pipeline (src/lib/pipeline) passes base, site and outDir through the environment so that
// `astro build` run by hand and `migratrack build` produce the same site. Its plugins and
// integrations live in src/integrations.
import { defineConfig, passthroughImageService } from 'astro/config';
import mdx from '@astrojs/mdx';
import remarkGfm from 'remark-gfm';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { directPages } from './src/integrations/direct-pages.mjs';
import { mergedRepos } from './src/integrations/merged-repos.mjs';
import { siteAssets } from './src/integrations/site-assets.mjs';
import { reloadOnSnapshotChange } from './src/integrations/reload-on-snapshot-change.mjs';
import { refuseMdxNotes, remarkSafeNotes } from './src/integrations/safe-notes.mjs';

// Vite lets BASE_URL, MODE, DEV, PROD and SSR from process.env override import.meta.env, and test
// runners (vitest) export them: a build started from a test would silently lose its base path.
for (const key of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']) delete process.env[key];

// The authors' notes: the folder MIGRATRACK_NOTES_DIR names (relative to the project; the pipeline
// passes the user's --notes, or examples/notes for the demo), else src/content/notes, which the
// package does not ship: a user's site has no notes but their own (issue 23). The pages import them as `migratrack-notes/**` (src/layouts/notes.ts),
// which also needs the folder itself to name each note after its path in it.
const notesDir = resolve(fileURLToPath(new URL('.', import.meta.url)), process.env.MIGRATRACK_NOTES_DIR || 'src/content/notes');
// A user's .mdx notes run code at build time: only when the config allowed them (the pipeline then
// sets MIGRATRACK_NOTES_MDX). migratrack's own example note is MDX and always allowed.
const refuseMdx = Boolean(process.env.MIGRATRACK_NOTES_DIR) && process.env.MIGRATRACK_NOTES_MDX !== '1';

/** A file of the site's own sources, by its path under src/. */
const source = (path) => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

export default defineConfig({
  site: process.env.MIGRATRACK_SITE || undefined,
  base: process.env.MIGRATRACK_BASE || '/',
  outDir: process.env.MIGRATRACK_OUT_DIR || './dist',
  // The pipeline gives each build its own cache (see src/lib/pipeline/render-site.ts).
  cacheDir: process.env.MIGRATRACK_CACHE_DIR || './node_modules/.astro',
  trailingSlash: 'always',
  // Directory URLs (/files/<path>/) are the stable form people paste into standups: fixed once here.
  // A merged build (issue 24) renders one page at a time: each page makes its repository current
  // (src/lib/site/repo-scope.ts), which two pages in flight at once would not share.
  build: { format: 'directory', concurrency: process.env.MIGRATRACK_MERGE_MANIFEST ? 1 : 2 },
  // No sharp: npm 11 skips its install script, and the site has no raster images to optimise.
  image: { service: passthroughImageService() },
  // No Shiki: its tokenizer has a time limit, so under load the same note highlights differently
  // and output stops being byte-identical; notes' code blocks render as plain <pre><code>.
  // remarkSafeNotes: raw HTML as text and unsafe URL protocols dropped, as on /doc/ (issue 20).
  markdown: { remarkPlugins: [remarkGfm, remarkSafeNotes], syntaxHighlight: false },
  integrations: [
    mdx(),
    directPages(),
    mergedRepos({ entrypoint: source('merged/repo-page.astro') }),
    siteAssets({
      stylesheet: source('styles/site.css'),
      chartClient: source('components/chart-client.ts'),
      copyClient: source('components/copy-client.ts'),
      filterClient: source('components/filter-client.ts'),
    }),
  ],
  vite: {
    // Vite's own cache (its dependency optimizer's output) beside Astro's, private to the build:
    // by default it is the package's node_modules/.vite, which two builds at once (a merge) race to
    // create (ENOTEMPTY on its rename) and an installed package may not let its user write.
    ...(process.env.MIGRATRACK_CACHE_DIR ? { cacheDir: resolve(process.env.MIGRATRACK_CACHE_DIR, 'vite') } : {}),
    resolve: { alias: { 'migratrack-notes': notesDir } },
    define: { __MIGRATRACK_NOTES_DIR__: JSON.stringify(notesDir) },
    plugins: [reloadOnSnapshotChange(), ...(refuseMdx ? [refuseMdxNotes(notesDir)] : [])],
  },
  devToolbar: { enabled: false },
});
