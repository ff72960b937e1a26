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
import { checkNotesFolder } from './notes-folder.js';
import { withSnapshotFile, writeSnapshot } from './snapshot-file.js';
import { astroCli, notesFolder, PACKAGE_ROOT } from './render-site.js';

/** Debounce: editors write a file in several steps. */
const REBUILD_DELAY_MS = 200;

export async function startDevServer(opts: ResolvedOptions, log: Logger): Promise<void> {
  checkNotesFolder(notesFolder(opts.notesDir), opts.notesMdx);
  const dry = { ...opts, dryRun: true };
  // The snapshot the server reads lives in a temp folder of this session's, rewritten on each change.
  return withSnapshotFile((await buildSnapshot(dry, log)).snapshot, (snapshotFile) => serve(opts, dry, snapshotFile, log));
}

async function serve(opts: ResolvedOptions, dry: ResolvedOptions, snapshotFile: string, log: Logger): Promise<void> {
  const notesDir = notesFolder(opts.notesDir);
  let timer: NodeJS.Timeout | null = null;
  const watcher = watch(opts.docAbsolute, () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      buildSnapshot(dry, log).then(
        ({ snapshot }) => writeSnapshot(snapshotFile, snapshot),
      ).then(
        () => log.info('Tracking doc changed: snapshot rebuilt.'),
        (error: unknown) => log.warn(`Rebuild failed: ${(error as Error).message}`),
      );
    }, REBUILD_DELAY_MS);
  });
  const args = [astroCli(), 'dev', '--root', PACKAGE_ROOT];
  if (opts.port !== null) args.push('--port', String(opts.port));
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.MIGRATRACK_NOTES_MDX;
  const child = spawn(process.execPath, args, {
    cwd: PACKAGE_ROOT,
    stdio: 'inherit',
    env: {
      ...env,
      ...(opts.notesMdx ? { MIGRATRACK_NOTES_MDX: '1' } : {}),
      MIGRATRACK_SNAPSHOT: snapshotFile,
      MIGRATRACK_HISTORY: resolve(opts.history.file),
      MIGRATRACK_BASE: opts.base,
      ...(notesDir ? { MIGRATRACK_NOTES_DIR: notesDir } : {}),
      ASTRO_TELEMETRY_DISABLED: '1',
    },
  });
  // A terminal's Ctrl-C reaches the whole process group, but a SIGTERM or SIGHUP from a process
  // manager reaches only us: pass it on, and stay alive until Astro has gone so the temp snapshot
  // folder is removed and no server is left behind.
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const signal of signals) process.on(signal, forward);
  try {
    await new Promise<void>((done, fail) => {
      child.on('error', fail);
      child.on('close', () => done());
    });
  } finally {
    for (const signal of signals) process.off(signal, forward);
    if (timer) clearTimeout(timer);
    watcher.close();
  }
}
