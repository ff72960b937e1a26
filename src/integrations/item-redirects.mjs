/**
 * Writes the `/items/<n>/` redirect pages of items that have a file page (issue 6): 5,000 fixed
 * strings cost ~1 ms of CPU each through Astro's page generation and almost nothing written
 * here. The items route prepares them (src/lib/site/item-redirect.ts, same key) while Astro
 * collects its paths; they are written once every page is, into the same output folder.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export function itemRedirects() {
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
        const inside = root.endsWith(sep) ? root : root + sep;
        const targets = files.map(({ file, html }) => {
          const target = resolve(root, file);
          if (!target.startsWith(inside)) throw new Error(`migratrack: ${file} is outside the site`);
          return { target, html };
        });
        // Synchronous calls: nothing else runs at this point of the build, and 5,000 promise-based
        // writes (16 in flight) cost 2.5× the CPU and twice the time of these (docs/BENCHMARKS.md).
        for (const { target, html } of targets) {
          mkdirSync(dirname(target), { recursive: true });
          // 'wx': a page Astro already wrote there would be a bug in the items route; fail loudly.
          writeFileSync(target, html, { flag: 'wx' });
        }
      },
    },
  };
}
