/**
 * Writes the `/items/<n>/` redirect pages of items that have a file page (issue 6): 5,000 fixed
 * strings cost ~1 ms of CPU each through Astro's page generation and almost nothing written
 * here. The items route prepares them (src/lib/site/item-redirect.ts, same key) while Astro
 * collects its paths; they are written once every page is, into the same output folder.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Files in flight at once: each is a new folder and a small file, so the disk is the wait. */
const IN_FLIGHT = 16;

export function itemRedirects() {
  const key = Symbol.for('migratrack.item-redirect-files');
  return {
    name: 'migratrack-item-redirects',
    hooks: {
      'astro:build:done': async ({ dir }) => {
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
        // One at a time, the build waited 1–2.5 s on this machine's disk for 5,000 of them.
        let next = 0;
        const worker = async () => {
          while (next < targets.length) {
            const { target, html } = targets[next++];
            await mkdir(dirname(target), { recursive: true });
            // 'wx': a page Astro already wrote there would be a bug in the items route; fail loudly.
            await writeFile(target, html, { flag: 'wx' });
          }
        };
        await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
      },
    },
  };
}
