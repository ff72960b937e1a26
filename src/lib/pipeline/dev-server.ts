/**
 * `migratrack dev`: Astro's dev server on the current snapshot, rebuilt whenever the tracking doc
 * changes. The site reloads through the snapshot watcher in astro.config.mjs.
 */
import { spawn } from 'node:child_process';
import { watch } from 'node:fs';
import { resolve } from 'node:path';
import type { Logger } from '../cli/index.js';
import type { ResolvedOptions } from '../config/index.js';
import { buildSnapshot } from './build-snapshot.js';
import { astroCli, notesFolder, PACKAGE_ROOT } from './render-site.js';

/** Debounce: editors write a file in several steps. */
const REBUILD_DELAY_MS = 200;

export async function startDevServer(opts: ResolvedOptions, log: Logger): Promise<void> {
  const dry = { ...opts, dryRun: true };
  await buildSnapshot(dry, log);
  let timer: NodeJS.Timeout | null = null;
  const watcher = watch(opts.docAbsolute, () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      buildSnapshot(dry, log).then(
        () => log.info('Tracking doc changed: snapshot rebuilt.'),
        (error: unknown) => log.warn(`Rebuild failed: ${(error as Error).message}`),
      );
    }, REBUILD_DELAY_MS);
  });
  const args = [astroCli(), 'dev', '--root', PACKAGE_ROOT];
  if (opts.port !== null) args.push('--port', String(opts.port));
  const notesDir = notesFolder(opts.notesDir);
  const child = spawn(process.execPath, args, {
    cwd: PACKAGE_ROOT,
    stdio: 'inherit',
    env: {
      ...process.env,
      MIGRATRACK_SNAPSHOT: resolve(opts.snapshotFile),
      MIGRATRACK_HISTORY: resolve(opts.history.file),
      MIGRATRACK_BASE: opts.base,
      ...(notesDir ? { MIGRATRACK_NOTES_DIR: notesDir } : {}),
      ASTRO_TELEMETRY_DISABLED: '1',
    },
  });
  await new Promise<void>((done, fail) => {
    child.on('error', fail);
    child.on('close', () => done());
  });
  watcher.close();
}
