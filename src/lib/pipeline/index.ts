/**
 * The pipeline as the CLI drives it (the `PipelineDeps` of src/lib/cli/deps.ts): build the
 * snapshot, render the site from it, or serve it live while the doc is edited.
 */
import type { ResolvedOptions } from '../config/index.js';
import type { Logger } from '../cli/index.js';
import type { Snapshot } from '../snapshot/schema.js';
import { renderSite as renderAstroSite } from './render-site.js';
import { withSnapshotFile } from './snapshot-file.js';

export { buildSnapshot } from './build-snapshot.js';
export { startDevServer } from './dev-server.js';
export { readSnapshot, withSnapshotFile, writeSnapshot } from './snapshot-file.js';
export { PACKAGE_ROOT } from './render-site.js';

/** Renders `snapshot` into `opts.outDir` (Astro reads it from a private temp file, removed after). */
export async function renderSite(opts: ResolvedOptions, snapshot: Snapshot, log: Logger): Promise<{ outDir: string; pages: number }> {
  const progress = log.progress('Rendering the site');
  try {
    return await withSnapshotFile(snapshot, (snapshotFile) =>
      renderAstroSite({
        snapshotFile,
        historyFile: opts.history.file,
        notesDir: opts.notesDir,
        outDir: opts.outDir,
        base: opts.base,
        site: opts.site,
        verbose: log.level === 'verbose',
      }),
    );
  } finally {
    progress.done();
  }
}
