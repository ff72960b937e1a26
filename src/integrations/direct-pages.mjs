/**
 * Writes the pages the routes made outside Astro's per-page pipeline (src/lib/site/direct-files.ts,
 * same key): the file pages without an author's note and the `/items/<n>/` redirects. Astro spends
 * about a millisecond of CPU per page it generates, even for a page that is one ready string, and
 * keeps each page's route data to the end of the build; these are made one at a time here, once
 * Astro has written its own pages, into the same output folder (issues 6 and 21).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export function directPages() {
  const key = Symbol.for('migratrack.direct-files');
  return {
    name: 'migratrack-direct-pages',
    hooks: {
      'astro:build:done': ({ dir }) => {
        const queue = globalThis[key];
        // Nothing queued: a project without these routes (the benchmark's bare project copies
        // this config). tests/pipeline/site-build.test.ts checks every file and item page exists.
        if (queue === undefined) return;
        delete globalThis[key];
        const root = fileURLToPath(dir);
        const inside = root.endsWith(sep) ? root : root + sep;
        // Synchronous calls: nothing else runs at this point of the build, and 5,000 promise-based
        // writes (16 in flight) cost 2.5× the CPU and twice the time of these (docs/BENCHMARKS.md).
        for (const files of queue.values()) {
          for (const entry of files()) {
            const target = resolve(root, entry.file);
            if (!target.startsWith(inside)) throw new Error(`migratrack: ${entry.file} is outside the site`);
            mkdirSync(dirname(target), { recursive: true });
            // 'wx': a page Astro (or another route here) already wrote there is a bug; fail loudly.
            writeFileSync(target, entry.html, { flag: 'wx' });
          }
        }
      },
    },
  };
}
