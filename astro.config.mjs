// Astro renders the snapshot that the pipeline wrote; it computes nothing itself.
// The pipeline (src/lib/pipeline) passes base, site and outDir through the environment so that
// `astro build` run by hand and `migratrack build` produce the same site.
import { defineConfig, passthroughImageService } from 'astro/config';
import mdx from '@astrojs/mdx';
import remarkGfm from 'remark-gfm';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { prebundleChartClient } from './src/integrations/chart-bundle.mjs';

/** `migratrack dev` rewrites the snapshot when the doc changes: reload the open pages then. */
function reloadOnSnapshotChange() {
  return {
    name: 'migratrack-reload-on-snapshot-change',
    configureServer(server) {
      const snapshot = process.env.MIGRATRACK_SNAPSHOT && resolve(process.env.MIGRATRACK_SNAPSHOT);
      if (!snapshot) return;
      server.watcher.add(snapshot);
      // The snapshot is replaced by a rename (atomic write): watchers see "add" as often as "change".
      const reload = (file) => resolve(file) === snapshot && server.ws.send({ type: 'full-reload' });
      server.watcher.on('change', reload);
      server.watcher.on('add', reload);
    },
  };
}

/**
 * Writes the `/items/<n>/` redirect pages of items that have a file page (issue 6): 5,000 fixed
 * strings cost ~1 ms of CPU each through Astro's page generation and almost nothing written
 * here. The items route prepares them (src/lib/site/item-redirect.ts, same key) while Astro
 * collects its paths; they are written once every page is, into the same output folder.
 */
function itemRedirects() {
  const key = Symbol.for('migratrack.item-redirect-files');
  return {
    name: 'migratrack-item-redirects',
    hooks: {
      'astro:build:done': ({ dir }) => {
        const files = globalThis[key];
        // Nothing queued: a project without the items route (the benchmark's bare project copies
        // this config). tests/pipeline/site-build.test.ts checks every item's page exists.
        if (files === undefined) return;
        delete globalThis[key];
        const root = fileURLToPath(dir);
        for (const { file, html } of files) {
          const target = resolve(root, file);
          if (!target.startsWith(root.endsWith(sep) ? root : root + sep)) throw new Error(`migratrack: ${file} is outside the site`);
          mkdirSync(dirname(target), { recursive: true });
          // 'wx': a page Astro already wrote there would be a bug in the items route; fail loudly.
          writeFileSync(target, html, { flag: 'wx' });
        }
      },
    },
  };
}

// Vite lets BASE_URL, MODE, DEV, PROD and SSR from process.env override import.meta.env, and test
// runners (vitest) export them: a build started from a test would silently lose its base path.
for (const key of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']) delete process.env[key];

export default defineConfig({
  site: process.env.MIGRATRACK_SITE || undefined,
  base: process.env.MIGRATRACK_BASE || '/',
  outDir: process.env.MIGRATRACK_OUT_DIR || './dist',
  // The pipeline gives each build its own cache (see src/lib/pipeline/render-site.ts).
  cacheDir: process.env.MIGRATRACK_CACHE_DIR || './node_modules/.astro',
  trailingSlash: 'always',
  // Directory URLs (/files/<path>/) are the stable form people paste into standups: fixed once here.
  build: { format: 'directory', concurrency: 2 },
  // No sharp: npm 11 skips its install script, and the site has no raster images to optimise.
  image: { service: passthroughImageService() },
  // No Shiki: its tokenizer has a time limit, so under load the same note highlights differently
  // and output stops being byte-identical; notes' code blocks render as plain <pre><code>.
  markdown: { remarkPlugins: [remarkGfm], syntaxHighlight: false },
  integrations: [mdx(), itemRedirects()],
  vite: { plugins: [reloadOnSnapshotChange(), prebundleChartClient(fileURLToPath(new URL('./src/components/chart-client.ts', import.meta.url)))] },
  devToolbar: { enabled: false },
});
