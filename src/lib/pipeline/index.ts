/**
 * The pipeline as the CLI drives it (the `PipelineDeps` of src/lib/cli/deps.ts): build the
 * snapshot, render the site from it, or serve it live while the doc is edited.
 */
import type { ResolvedOptions } from '../config/index.js';
import type { Logger } from '../cli/index.js';
import type { Snapshot } from '../snapshot/schema.js';
import { checkOutDir, type KeptPath, type OutDirInput } from './out-dir.js';
import { checkNotesFolder } from './notes-folder.js';
import { notesFolder, PACKAGE_ROOT, renderSite as renderAstroSite } from './render-site.js';
import { withSnapshotFile } from './snapshot-file.js';

export { buildSnapshot } from './build-snapshot.js';
export { startDevServer } from './dev-server.js';
export { readSnapshot, withSnapshotFile, writeSnapshot } from './snapshot-file.js';
export { PACKAGE_ROOT } from './render-site.js';

/**
 * Refuses, before any work, a build that must not run: an output folder that is or holds
 * something the build reads or must keep (out-dir.ts), or MDX notes the config did not allow.
 */
export async function checkSiteOutput(opts: ResolvedOptions): Promise<void> {
  checkNotesFolder(notesFolder(opts.notesDir), opts.notesMdx);
  checkOutDir(outDirGuard(opts));
}

/** Everything a site folder must neither be nor contain, the repository first (its message is the clearest). */
function outDirGuard(opts: ResolvedOptions): OutDirInput {
  const kept: KeptPath[] = [
    { path: opts.repo, what: 'the repository' },
    { path: opts.docAbsolute, what: 'the tracking doc' },
    { path: opts.history.file, what: 'the history file' },
    ...(opts.configFile === null ? [] : [{ path: opts.configFile, what: 'the config file' }]),
    ...(notesFolder(opts.notesDir) === null ? [] : [{ path: notesFolder(opts.notesDir) as string, what: 'the notes folder' }]),
    { path: opts.cwd, what: 'the current folder' },
    { path: PACKAGE_ROOT, what: 'migratrack itself' },
  ];
  return { outDir: opts.outDir, repo: opts.repo, kept, force: opts.forceOut, cwd: opts.cwd };
}

/** Renders `snapshot` into `opts.outDir` (Astro reads it from a private temp file, removed after). */
export async function renderSite(opts: ResolvedOptions, snapshot: Snapshot, log: Logger): Promise<{ outDir: string; pages: number }> {
  const progress = log.progress('Rendering the site');
  let result: Awaited<ReturnType<typeof renderAstroSite>>;
  try {
    await checkSiteOutput(opts);
    const { outDir: guardOut, ...guard } = outDirGuard(opts);
    result = await withSnapshotFile(snapshot, (snapshotFile) => renderAstroSite({
      snapshotFile,
      historyFile: opts.history.file,
      notesDir: opts.notesDir,
      notesMdx: opts.notesMdx,
      outDir: guardOut,
      base: opts.base,
      site: opts.site,
      verbose: log.level === 'verbose',
      guard,
    }));
  } finally {
    progress.done();
  }
  if (result.keptAside !== null) log.warn(`${opts.outDir} was not a migratrack site (--force): what it held is kept in ${result.keptAside}`);
  return { outDir: result.outDir, pages: result.pages };
}
